// Issuing state and nationality codes of ICAO 9303 (Part 3, 5): ISO 3166-1 alpha-3 plus ICAO's own.
import countries from 'i18n-iso-countries';

// Germany is "D<<"; British nationals of other kinds; stateless and refugees; UN; EU; specimen Utopia.
const ICAO_CODES = [
  'D', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'UNA', 'UNK', 'XXA', 'XXB', 'XXC', 'XXX', 'EUE', 'XOM', 'XPO', 'XES', 'XMP',
  'XCC', 'XCE', 'XCO', 'XDC', 'XEC', 'XBA', 'XIM', 'RKS', 'XKX', 'UTO',
];
const CODES = new Set<string>([...Object.keys(countries.getAlpha3Codes()), ...ICAO_CODES]);

// The codes by their three characters as the MRZ holds them ("D<<", "KAZ"), in a table indexed by the
// characters (A–Z and < each as 0–26): a lookup without cutting the field out of the line (the parser's
// hot path), and without hashing.
const SLOT = new Int8Array(65536).fill(-1);
for (let c = 65; c <= 90; c++) SLOT[c] = c - 65;
SLOT[60] = 26;
const BY_CHARS: Array<string | undefined> = new Array(27 * 27 * 27).fill(undefined);
for (const code of CODES) {
  const padded = code.padEnd(3, '<');
  BY_CHARS[(SLOT[padded.charCodeAt(0)]! * 27 + SLOT[padded.charCodeAt(1)]!) * 27 + SLOT[padded.charCodeAt(2)]!] = code;
}

/** The known state code at line[start, start + 3) without its fillers ("D" for "D<<"), or undefined. */
export function mrzStateAt(line: string, start: number): string | undefined {
  const a = SLOT[line.charCodeAt(start)]!;
  const b = SLOT[line.charCodeAt(start + 1)]!;
  const c = SLOT[line.charCodeAt(start + 2)]!;
  return a < 0 || b < 0 || c < 0 ? undefined : BY_CHARS[(a * 27 + b) * 27 + c];
}
