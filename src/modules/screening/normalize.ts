// Names in any script → tokens of A–Z, the alphabet an MRZ can hold. Pure and allocation-light:
// it runs on every screening query and on every watchlist name at index build.
import { letterMask, type NameToken } from './similarity.ts';
import { skeleton } from './skeleton.ts';
import { hasCyrillic, SCHEMES, transliterate, transliterations } from './transliterate.ts';

// Latin letters that NFKD does not decompose into a base letter + mark.
const SPECIAL: Record<string, string> = {
  // OCR reads these digits for letters; names hold no digits, so the letter is meant
  '0': 'o', '1': 'i', '5': 's', '8': 'b',
  ß: 'SS', æ: 'AE', œ: 'OE', ø: 'O', ł: 'L', đ: 'D', ð: 'D', þ: 'TH', ı: 'I', ŀ: 'L', ħ: 'H', ŧ: 'T', ĸ: 'K', ŋ: 'NG',
};

/**
 * Upper-case ASCII letters and single spaces: diacritics removed (Ä→A, Ş→S, Ğ→G), apostrophes of the
 * 2017 Kazakh alphabet dropped (A'→A), every other character a word break. Cyrillic is transliterated
 * with ICAO 9303; other scripts (Arabic, CJK) are dropped — their names reach us through aliases.
 */
export function foldToAscii(text: string): string {
  const source = hasCyrillic(text) ? transliterate(text, 'icao9303') : text;
  const decomposed = source.normalize('NFKD').toLowerCase();
  let out = '';
  let space = true;
  for (const ch of decomposed) {
    const code = ch.charCodeAt(0);
    if (code >= 97 && code <= 122) {
      out += ch;
      space = false;
    } else if (code >= 0x300 && code <= 0x36f) {
      // combining mark: dropped
    } else if (ch === "'" || ch === '’' || ch === 'ʼ' || ch === '`') {
      // apostrophe inside a word (Bay'yrjan, O'Brien): dropped, the word goes on
    } else if (SPECIAL[ch]) {
      out += SPECIAL[ch].toLowerCase();
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  return out.trim().toUpperCase();
}

export function tokens(text: string): string[] {
  const folded = foldToAscii(text);
  return folded ? folded.split(' ') : [];
}

// Patronymic endings: Russian -ovich/-evich/-ich/-ovna/-evna/-ichna; Kazakh -uly/-kyzy (Decree No. 2923
// of 1996); Kyrgyz -uulu/-kyzy; and their spellings in the schemes above.
const PATRONYMIC = /(OVICH|EVICH|YEVICH|IEVICH|ICH|OVNA|EVNA|YEVNA|IEVNA|ICHNA|INICHNA|ULY|ULI|UULU|KYZY|QYZY|KIZI|GYZY)$/;
const PATRONYMIC_WORDS = new Set(['ULY', 'ULI', 'UULU', 'KYZY', 'QYZY', 'KIZI', 'OGLY', 'OGLU', 'KYZ', 'GYZY']);

/** A token that is a patronymic (or the separate word of one, as in "SERIK ULY"): optional in matching. */
export function isPatronymic(token: string): boolean {
  return PATRONYMIC_WORDS.has(token) || (token.length >= 6 && PATRONYMIC.test(token));
}

/** Every distinct folded form of a name: one per transliteration scheme when it is Cyrillic. */
export function foldedForms(text: string): string[] {
  return [...new Set(transliterations(text).map(foldToAscii).filter(Boolean))];
}

/** A name as tokens ready for matching: skeleton keys, patronymics optional, the last token possibly cut by the MRZ. */
export function nameTokens(text: string, options: { lastTruncated?: boolean } = {}): NameToken[] {
  const list = tokens(text);
  // every token has the same fields in the same order: the scoring loop then reads them through one object shape
  return list.map((token, i) => {
    const key = skeleton(token);
    return { key, optional: isPatronymic(token), truncated: Boolean(options.lastTruncated && i === list.length - 1), mask: letterMask(key) };
  });
}

/** Every distinct skeleton-token list of a name across transliteration schemes (the list side indexes them all). */
export function nameVariants(text: string): NameToken[][] {
  return distinctTokenLists(foldedForms(text), (form) => nameTokens(form));
}

/** The forms' token lists, one for each distinct list of keys, in the forms' order. */
function distinctTokenLists(forms: Iterable<string>, tokenize: (form: string) => NameToken[]): NameToken[][] {
  const seen = new Set<string>();
  const out: NameToken[][] = [];
  for (const form of forms) {
    const toks = tokenize(form);
    const key = toks.map((t) => t.key).join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(toks);
    }
  }
  return out;
}

/**
 * `nameVariants` for the many names of an index build, the same answers: what each word and each token
 * comes to is kept for the names after it (a list's names share their words — a few thousand surnames,
 * given names and patronymics make most of them — and each Cyrillic word is written in seven schemes).
 * A name's folded form under a scheme is its words' forms under that scheme, joined: transliteration
 * and folding look no further than a word, and whitespace breaks words for both. Build-scoped: drop it
 * with the build.
 */
export function createNameVariants(): (text: string) => NameToken[][] {
  // a word → its folded form under each scheme (one form when it has no Cyrillic)
  const words = new Map<string, string[]>();
  // a folded token → its key, whether it is a patronymic, its letters
  const tokenParts = new Map<string, { key: string; optional: boolean; mask: number }>();
  const formsOf = (word: string) => {
    let forms = words.get(word);
    if (!forms) words.set(word, (forms = hasCyrillic(word) ? SCHEMES.map((scheme) => foldToAscii(transliterate(word, scheme))) : [foldToAscii(word.toUpperCase())]));
    return forms;
  };
  const tokenOf = (token: string): NameToken => {
    let parts = tokenParts.get(token);
    if (!parts) {
      const key = skeleton(token);
      tokenParts.set(token, (parts = { key, optional: isPatronymic(token), mask: letterMask(key) }));
    }
    // a token object of its own per variant, with nameTokens' fields in nameTokens' order
    return { key: parts.key, optional: parts.optional, truncated: false, mask: parts.mask };
  };
  return (text) => {
    const forms = text.split(/\s+/).filter(Boolean).map(formsOf);
    const schemes = forms.some((f) => f.length > 1) ? SCHEMES.length : 1;
    // the name's distinct folded forms, scheme by scheme, as foldedForms gives them
    const folded = new Set<string>();
    for (let s = 0; s < schemes; s++) {
      let form = '';
      for (const f of forms) {
        const word = f.length > 1 ? f[s]! : f[0]!;
        if (word) form = form ? `${form} ${word}` : word;
      }
      if (form) folded.add(form);
    }
    return distinctTokenLists(folded, (form) => form.split(' ').map(tokenOf));
  };
}
