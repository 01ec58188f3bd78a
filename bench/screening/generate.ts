// Deterministic synthetic data for the screening benchmark: list persons in their usual scripts,
// clean travellers, and planted variants of listed persons in eight classes.
import { transliterate, type Scheme } from '../../src/modules/screening/transliterate.ts';
import * as N from './names.ts';

/** mulberry32: a small seeded PRNG, so every run sees the same data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export type Person = {
  culture: N.Culture;
  sex: 'M' | 'F';
  surname: string;
  given: string;
  patronymic: string | null;
  birth: string; // the true full date (a traveller's document has it)
  nationality: string;
  cyrillic: boolean;
};

const NATIONALITY: Record<N.Culture, string[]> = {
  kazakh: ['KAZ'], russian: ['RUS', 'KAZ'], uzbek: ['UZB'], kyrgyz: ['KGZ'], tajik: ['TJK'], chinese: ['CHN'], turkish: ['TUR'], western: ['DEU', 'GBR', 'FRA', 'ITA', 'USA', 'POL'],
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// A stem takes one surname suffix, as in life (Кудр-ов, never also Кудр-ев): chosen by the stem itself.
const suffixFor = (stem: string, options: string[]) => options[[...stem].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % options.length]!;
const built = (r: Rng, syllables: readonly string[], min: number, max: number) => cap(Array.from({ length: min + r.int(max - min + 1) }, () => r.pick(syllables)).join(''));

function patronymicRu(father: string, sex: 'M' | 'F'): string {
  const stem = father.endsWith('й') ? `${father.slice(0, -1)}е` : father.endsWith('а') || father.endsWith('я') ? father.slice(0, -1) : `${father}о`;
  return `${stem}${sex === 'M' ? 'вич' : 'вна'}`;
}

export function makePerson(r: Rng): Person {
  const roll = r.next();
  let acc = 0;
  let culture: N.Culture = 'western';
  for (const c of N.CULTURES) {
    acc += N.CULTURE_WEIGHTS[c];
    if (roll < acc) {
      culture = c;
      break;
    }
  }
  const sex = r.chance(0.55) ? 'M' : 'F';
  const year = 1940 + r.int(66);
  const birth = `${year}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
  const nationality = r.pick(NATIONALITY[culture]);
  const fem = (s: string) => (sex === 'F' ? `${s}а` : s);
  let surname: string;
  let given: string;
  let patronymic: string | null = null;
  switch (culture) {
    case 'kazakh': {
      const stem = built(r, N.KAZAKH_SYLLABLES, 2, 3);
      surname = r.chance(0.7) ? fem(`${stem}${suffixFor(stem, ['ов', 'ев'])}`) : stem;
      given = r.chance(0.6) ? r.pick(sex === 'M' ? N.KAZAKH_MALE : N.KAZAKH_FEMALE) : built(r, N.KAZAKH_SYLLABLES, 2, 3);
      if (r.chance(0.6)) {
        const father = r.chance(0.5) ? r.pick(N.KAZAKH_MALE) : built(r, N.KAZAKH_SYLLABLES, 2, 2);
        patronymic = r.chance(0.5) ? `${father}${sex === 'M' ? 'ұлы' : 'қызы'}` : patronymicRu(father, sex);
      }
      break;
    }
    case 'russian':
      {
        const stem = built(r, N.RUSSIAN_SYLLABLES, 1, 2);
        surname = fem(`${stem}${suffixFor(stem, ['ов', 'ев', 'ин'])}`);
      }
      given = r.pick(sex === 'M' ? N.RUSSIAN_MALE : N.RUSSIAN_FEMALE);
      if (r.chance(0.8)) patronymic = patronymicRu(r.pick(N.RUSSIAN_MALE), sex);
      break;
    case 'kyrgyz':
      surname = r.chance(0.7) ? fem(`${built(r, N.KYRGYZ_SYLLABLES, 2, 3)}ов`) : built(r, N.KYRGYZ_SYLLABLES, 2, 3);
      given = r.chance(0.6) ? r.pick(N.KYRGYZ_GIVEN) : built(r, N.KYRGYZ_SYLLABLES, 2, 3);
      if (r.chance(0.4)) patronymic = `${r.pick(N.KYRGYZ_GIVEN)} ${sex === 'M' ? 'уулу' : 'кызы'}`;
      break;
    case 'tajik':
      surname = r.chance(0.6) ? fem(`${built(r, N.TAJIK_SYLLABLES, 2, 3)}ов`) : `${built(r, N.TAJIK_SYLLABLES, 1, 2)}зода`;
      given = r.chance(0.6) ? r.pick(N.TAJIK_GIVEN) : built(r, N.TAJIK_SYLLABLES, 2, 3);
      break;
    case 'uzbek':
      surname = `${built(r, N.UZBEK_SYLLABLES, 2, 3)}${sex === 'M' ? 'ov' : 'ova'}`;
      given = r.chance(0.6) ? r.pick(N.UZBEK_GIVEN) : built(r, N.UZBEK_SYLLABLES, 2, 3);
      break;
    case 'chinese':
      surname = cap(r.pick(N.CHINESE_SYLLABLES));
      given = built(r, N.CHINESE_SYLLABLES, 1, 2);
      break;
    case 'turkish':
      surname = r.chance(0.5) ? r.pick(N.TURKISH_SURNAMES) : built(r, N.TURKISH_SYLLABLES, 2, 3);
      given = r.chance(0.7) ? r.pick(N.TURKISH_GIVEN) : built(r, N.TURKISH_SYLLABLES, 2, 2);
      break;
    default:
      surname = r.chance(0.5) ? r.pick(N.WESTERN_SURNAMES) : built(r, N.WESTERN_SYLLABLES, 2, 3);
      given = `${r.pick(N.WESTERN_GIVEN)}${r.chance(0.3) ? ` ${r.pick(N.WESTERN_GIVEN)}` : ''}`;
  }
  const cyrillic = ['kazakh', 'russian', 'kyrgyz', 'tajik'].includes(culture);
  return { culture, sex, surname, given, patronymic, birth, nationality, cyrillic };
}

/** The name as a document's MRZ holds it: ICAO transliteration, no patronymic. */
export function mrzName(p: Person) {
  return p.cyrillic ? { surname: transliterate(p.surname, 'icao9303'), given: transliterate(p.given, 'icao9303') } : { surname: p.surname, given: p.given };
}

export const VARIANT_CLASSES = ['transliteration', 'informal', 'patronymic', 'order', 'truncation', 'typo', 'ocr', 'crossScript'] as const;
export type VariantClass = (typeof VARIANT_CLASSES)[number];

export type Query = { surname: string; givenNames: string; dateOfBirth: string; nationality: string; sex: 'M' | 'F'; nameTruncated?: boolean };

const OTHER_SCHEMES: Scheme[] = ['mvd310', 'bgnPcgn', 'gost779b', 'kazakhLatin2021', 'russianMediated'];
const INFORMAL: Array<[RegExp, string]> = [[/ZH/g, 'J'], [/KH/g, 'H'], [/IU/g, 'YU'], [/IA/g, 'YA'], [/^E/g, 'YE'], [/I([AEOU])/g, 'Y$1'], [/KS/g, 'X'], [/TS/g, 'C']];

function typo(r: Rng, word: string): string {
  if (word.length < 5) return word;
  const i = 1 + r.int(word.length - 2);
  const letters = 'ABDEGIKLMNORSTUV';
  switch (r.int(4)) {
    case 0: return word.slice(0, i) + r.pick([...letters]) + word.slice(i + 1);
    case 1: return word.slice(0, i) + word.slice(i + 1);
    case 2: return word.slice(0, i) + r.pick([...letters]) + word.slice(i);
    default: return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
  }
}

/** A traveller who is the listed person `p`, with the name changed the way `cls` changes it. */
export function plantedQuery(r: Rng, p: Person, cls: VariantClass): Query {
  const base = { dateOfBirth: p.birth, nationality: p.nationality, sex: p.sex };
  const m = mrzName(p);
  switch (cls) {
    case 'transliteration': {
      if (!p.cyrillic) return { ...base, surname: m.surname, givenNames: m.given };
      const scheme = r.pick(OTHER_SCHEMES);
      return { ...base, surname: transliterate(p.surname, scheme), givenNames: transliterate(p.given, scheme) };
    }
    case 'informal': {
      let s = m.surname.toUpperCase();
      let g = m.given.toUpperCase();
      for (const [re, to] of INFORMAL) if (r.chance(0.5)) { s = s.replace(re, to); g = g.replace(re, to); }
      return { ...base, surname: s, givenNames: g };
    }
    case 'patronymic': {
      const patronymic = p.patronymic ? (p.cyrillic ? transliterate(p.patronymic, 'icao9303') : p.patronymic) : `${r.pick(['SERIKOVICH', 'BOLATULY', 'NURLANKYZY', 'SERGEEVNA'])}`;
      return { ...base, surname: m.surname, givenNames: `${m.given} ${patronymic}` };
    }
    case 'order':
      return { ...base, surname: m.given, givenNames: m.surname };
    case 'truncation': {
      // a TD1 name line holds 30 characters: SURNAME<<GIVEN cut at 30; a shorter name is cut three letters
      // short of its end, as a longer one would be (the caller prefers names longer than 30)
      const full = `${m.surname.toUpperCase().replace(/ /g, '<')}<<${m.given.toUpperCase().replace(/ /g, '<')}`;
      const line = full.slice(0, full.length > 30 ? 30 : Math.max(m.surname.length + 4, full.length - 3));
      const [surname, given = ''] = line.split('<<');
      return { ...base, surname: surname!.replace(/</g, ' '), givenNames: given.replace(/</g, ' ').trim() || m.given.slice(0, 1), nameTruncated: true };
    }
    case 'typo':
      return r.chance(0.5) ? { ...base, surname: typo(r, m.surname.toUpperCase()), givenNames: m.given } : { ...base, surname: m.surname, givenNames: typo(r, m.given.toUpperCase()) };
    case 'ocr': {
      const ocr = (s: string) => s.toUpperCase().replace(/O/, '0').replace(/I/, '1').replace(/S/, '5').replace(/B/, '8');
      return { ...base, surname: ocr(m.surname), givenNames: m.given };
    }
    case 'crossScript':
      // the Cyrillic visual zone is read, the list holds the person under a Latin spelling only
      return p.cyrillic ? { ...base, surname: p.surname, givenNames: p.given } : { ...base, surname: m.surname, givenNames: m.given };
  }
}
