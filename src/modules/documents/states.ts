// Issuing state and nationality codes of ICAO 9303 (Part 3, 5): ISO 3166-1 alpha-3 plus ICAO's own.
import countries from 'i18n-iso-countries';

// Germany is "D<<"; British nationals of other kinds; stateless and refugees; UN; EU; specimen Utopia.
const ICAO_CODES = [
  'D', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'UNA', 'UNK', 'XXA', 'XXB', 'XXC', 'XXX', 'EUE', 'XOM', 'XPO', 'XES', 'XMP',
  'XCC', 'XCE', 'XCO', 'XDC', 'XEC', 'XBA', 'XIM', 'RKS', 'XKX', 'UTO',
];
const CODES = new Set<string>([...Object.keys(countries.getAlpha3Codes()), ...ICAO_CODES]);

// The codes by their three character codes as the MRZ holds them ("D<<", "KAZ"): a lookup without
// cutting the field out of the line (the parser's hot path).
const BY_CHARS = new Map<number, string>();
for (const code of CODES) {
  const padded = code.padEnd(3, '<');
  BY_CHARS.set((padded.charCodeAt(0) << 16) | (padded.charCodeAt(1) << 8) | padded.charCodeAt(2), code);
}

/** The known state code at line[start, start + 3) without its fillers ("D" for "D<<"), or undefined. */
export function mrzStateAt(line: string, start: number): string | undefined {
  const a = line.charCodeAt(start);
  const b = line.charCodeAt(start + 1);
  const c = line.charCodeAt(start + 2);
  return a < 128 && b < 128 && c < 128 ? BY_CHARS.get((a << 16) | (b << 8) | c) : undefined;
}
