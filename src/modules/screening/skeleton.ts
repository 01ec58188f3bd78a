// A skeleton key per name token: spellings that transliteration schemes, passports and people
// disagree on collapse to one key, so that candidate generation finds them; scoring then weighs
// the finer differences. Every rule below is tested with real pairs in skeleton.test.ts.
//
//   ZH / J / DZH / DJ → J        (Жомарт: ZHOMART, JOMART)
//   KH / H / X → H               (Хилл: KHILL, HILL; GOST Х → X)
//   SHCH / SHH / SCH → SH        (Щ under ICAO, GOST, German)
//   CZ / TZ / TS → TS; C → K     (Ц under GOST; Latin C in Western names)
//   Q → K, GH → G, W → V, PH → F (Қ, Ғ in Kazakh Latin; Western spellings)
//   Y → I; a Y/I/J before a vowel at the start of a longer name is dropped (Юлия: IULIIA, YULIYA, JULIA → ULIA)
//   a vowel + I + vowel loses the I                            (Токаев: TOKAYEV, TOKAEV)
//   NG before a consonant or at the end → N                    (Ң under BGN/PCGN)
//   doubled letters → one                                      (KASSYM, ANDREEV)

const VOWEL = new Set(['A', 'E', 'I', 'O', 'U']);

const DIGRAPHS: Array<[RegExp, string]> = [
  [/SHCH|SHH|SCH/g, 'SH'],
  [/DZH|DJ|ZH/g, 'J'],
  [/KH|X/g, 'H'],
  [/CZ|TZ/g, 'TS'],
  [/CH/g, '\u0001'], // protect CH from C → K
  [/CK|Q|C/g, 'K'],
  [/\u0001/g, 'CH'],
  [/GH/g, 'G'],
  [/PH/g, 'F'],
  [/W/g, 'V'],
  [/Y/g, 'I'],
];

/** The skeleton of one upper-case A–Z token. */
export function skeleton(token: string): string {
  let s = token;
  for (const [pattern, replacement] of DIGRAPHS) s = s.replace(pattern, replacement);
  // an initial semivowel before a vowel: IU-, IA-, IE-, IO-, JU- ...
  // (only in names of five letters or more: JANG / IANG, Zhang and Yang, stay apart)
  if (s.length >= 5 && (s[0] === 'I' || s[0] === 'J') && VOWEL.has(s[1]!)) s = s.slice(1);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const prev = out[out.length - 1];
    // vowel + I + vowel: the I is a glide that schemes write or omit (TOKAYEV / TOKAEV, MARIIA / MARIA)
    if (ch === 'I' && prev !== undefined && VOWEL.has(prev) && i + 1 < s.length && VOWEL.has(s[i + 1]!)) continue;
    if (ch === 'N' && s[i + 1] === 'G' && (i + 2 >= s.length || !VOWEL.has(s[i + 2]!))) {
      out += 'N';
      i++;
      continue;
    }
    if (ch === prev) continue;
    out += ch;
  }
  return out;
}
