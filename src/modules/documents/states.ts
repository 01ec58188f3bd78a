// Issuing state and nationality codes of ICAO 9303 (Part 3, 5): ISO 3166-1 alpha-3 plus ICAO's own.
import countries from 'i18n-iso-countries';

// Germany is "D<<"; British nationals of other kinds; stateless and refugees; UN; EU; specimen Utopia.
const ICAO_CODES = [
  'D', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'UNA', 'UNK', 'XXA', 'XXB', 'XXC', 'XXX', 'EUE', 'XOM', 'XPO', 'XES', 'XMP',
  'XCC', 'XCE', 'XCO', 'XDC', 'XEC', 'XBA', 'XIM', 'RKS', 'XKX', 'UTO',
];
const CODES = new Set<string>([...Object.keys(countries.getAlpha3Codes()), ...ICAO_CODES]);

/** True for a three-character MRZ state field holding a known code ("D<<" for Germany). */
export function isMrzStateCode(field: string): boolean {
  let end = field.length;
  while (end > 0 && field.charCodeAt(end - 1) === 60) end--;
  return CODES.has(end === field.length ? field : field.slice(0, end));
}
