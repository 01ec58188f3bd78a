// Cyrillic → Latin under the schemes that watchlists, passports and people actually use.
// Each table maps lower-case Cyrillic letters to upper-case ASCII (diacritics folded, as an MRZ holds them).
// Sources (see ../shared/spec/screening-and-mrz-research.md §3.1–3.2):
//  - ICAO Doc 9303 Part 3 (8th ed. 2021), Russian table; Kazakh letters as in ODNI ICS-630-01 (2015),
//    which is what Kazakh passports print for them (Ә→A, Ғ→G, Қ→K, Ң→N, Ө→O, Ұ/Ү→U, Һ→H, І→I).
//  - MVD of Russia Order No. 310 of 26.05.1997: Russian passports before 2013 (Й→Y, Ю→YU, Я→YA).
//  - BGN/PCGN 1947 (Russian) and 1979 (Kazakh): YE after vowels and at word start, Ғ→GH, Қ→Q, Ң→NG.
//  - GOST 7.79-2000 system B: Х→X, Ц→CZ, Щ→SHH, Й→J, Ё→YO, Ы→Y'.
//  - The Kazakh Latin alphabet of 2021 (Ж→J, Қ→Q, Ш→Ş, Ғ→Ğ, Ң→Ñ ...), folded to ASCII.
//  - The 2017 apostrophe alphabet (Ш→S', Ч→C', Ң→N' ...), folded: apostrophes dropped.
//  - Russian-mediated Kazakh: Kazakh letters first merged into Russian ones (Ә→А, Қ→К, Ұ/Ү→У, Һ→Х ...),
//    as in lists compiled from Russian-language sources.

export const SCHEMES = ['icao9303', 'mvd310', 'bgnPcgn', 'gost779b', 'kazakhLatin2021', 'kazakhLatin2017', 'russianMediated'] as const;
export type Scheme = (typeof SCHEMES)[number];

type Table = Record<string, string>;

const RUSSIAN_BASE: Table = {
  а: 'A', б: 'B', в: 'V', г: 'G', д: 'D', е: 'E', ё: 'E', ж: 'ZH', з: 'Z', и: 'I', й: 'I', к: 'K', л: 'L', м: 'M', н: 'N',
  о: 'O', п: 'P', р: 'R', с: 'S', т: 'T', у: 'U', ф: 'F', х: 'KH', ц: 'TS', ч: 'CH', ш: 'SH', щ: 'SHCH', ъ: 'IE', ы: 'Y',
  ь: '', э: 'E', ю: 'IU', я: 'IA',
  // Ukrainian and Belarusian letters per Doc 9303
  ґ: 'G', є: 'IE', ї: 'I', ў: 'U',
};
const KAZAKH_ODNI: Table = { ә: 'A', ғ: 'G', қ: 'K', ң: 'N', ө: 'O', ұ: 'U', ү: 'U', һ: 'H', і: 'I' };

const TABLES: Record<Exclude<Scheme, 'bgnPcgn' | 'russianMediated'>, Table> = {
  icao9303: { ...RUSSIAN_BASE, ...KAZAKH_ODNI },
  mvd310: { ...RUSSIAN_BASE, ...KAZAKH_ODNI, й: 'Y', ъ: '', ы: 'Y', ю: 'YU', я: 'YA' },
  gost779b: { ...RUSSIAN_BASE, ...KAZAKH_ODNI, ё: 'YO', й: 'J', х: 'X', ц: 'CZ', щ: 'SHH', ъ: '', ы: 'Y', э: 'E', ю: 'YU', я: 'YA' },
  kazakhLatin2021: {
    ...RUSSIAN_BASE, ә: 'A', ғ: 'G', қ: 'Q', ң: 'N', ө: 'O', ұ: 'U', ү: 'U', һ: 'H', і: 'I',
    ж: 'J', х: 'H', ш: 'S', щ: 'SS', ч: 'CH', й: 'I', ъ: '', ю: 'IU', я: 'IA', ё: 'IO',
  },
  kazakhLatin2017: {
    ...RUSSIAN_BASE, ә: 'A', ғ: 'G', қ: 'Q', ң: 'N', ө: 'O', ұ: 'U', ү: 'U', һ: 'H', і: 'I',
    ж: 'J', х: 'H', ш: 'S', щ: 'S', ч: 'C', ц: 'C', й: 'I', у: 'Y', ы: 'Y', ъ: '', ю: 'IY', я: 'IA',
  },
};

const BGN_BASE: Table = {
  ...RUSSIAN_BASE, ё: 'YE', й: 'Y', ъ: '', ы: 'Y', ю: 'YU', я: 'YA',
  ә: 'A', ғ: 'GH', қ: 'Q', ң: 'NG', ө: 'O', ұ: 'U', ү: 'U', һ: 'H', і: 'I',
};
const VOWELS_CYR = new Set([...'аеёиоуыэюяәөұүі']);
const MERGE_TO_RUSSIAN: Table = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' };

const CYRILLIC = /[\u0400-\u04FF]/;

/** True when the text holds any Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/**
 * Transliterates Cyrillic letters to upper-case ASCII Latin under `scheme`; other characters are kept
 * (upper-cased), so a mixed string passes through. Word boundaries matter only for BGN/PCGN's YE.
 */
export function transliterate(text: string, scheme: Scheme): string {
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    if (scheme === 'bgnPcgn') {
      if (ch === 'е' || ch === 'ё') {
        const prev = lower[i - 1];
        const initial = prev === undefined || !/\p{L}/u.test(prev) || VOWELS_CYR.has(prev) || prev === 'й' || prev === 'ъ' || prev === 'ь';
        out += initial ? 'YE' : 'E';
        continue;
      }
      out += BGN_BASE[ch] ?? ch.toUpperCase();
      continue;
    }
    if (scheme === 'russianMediated') {
      out += TABLES.icao9303[MERGE_TO_RUSSIAN[ch] ?? ch] ?? ch.toUpperCase();
      continue;
    }
    out += TABLES[scheme][ch] ?? ch.toUpperCase();
  }
  return out;
}

/** Every distinct transliteration of `text` across the schemes (one entry when it has no Cyrillic). */
export function transliterations(text: string): string[] {
  if (!hasCyrillic(text)) return [text.toUpperCase()];
  return [...new Set(SCHEMES.map((scheme) => transliterate(text, scheme)))];
}
