// Pure (no Node.js imports): the request contracts use it, and they are shared with the web UI.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(ru);

// ICAO 9303 codes that are not ISO 3166 countries (Part 3, 5): stateless, refugees, UN, EU ...
const ICAO_SPECIAL = new Set(['XXA', 'XXB', 'XXC', 'XXX', 'UNO', 'UNA', 'UNK', 'EUE', 'XOM', 'XPO', 'XES', 'XMP', 'XCC', 'XCE', 'XBA', 'XIM', 'D']);
// How the UN and OFAC lists name some states
const ALIASES: Record<string, string> = {
  'IRAN (ISLAMIC REPUBLIC OF)': 'IRN', "DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA": 'PRK', 'REPUBLIC OF KOREA': 'KOR',
  'UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND': 'GBR', 'UNITED REPUBLIC OF TANZANIA': 'TZA',
  'BOLIVIA (PLURINATIONAL STATE OF)': 'BOL', 'VENEZUELA (BOLIVARIAN REPUBLIC OF)': 'VEN', 'STATE OF PALESTINE': 'PSE',
  "LAO PEOPLE'S DEMOCRATIC REPUBLIC": 'LAO', 'REPUBLIC OF MOLDOVA': 'MDA', 'TÜRKİYE': 'TUR', 'TURKIYE': 'TUR',
  'KOSOVO': 'XKX', 'USSR': 'SUN', 'SOVIET UNION': 'SUN', 'GAZA': 'PSE', 'WEST BANK': 'PSE', 'BURMA': 'MMR', 'CONGO, DEMOCRATIC REPUBLIC OF THE': 'COD',
};

/** True for an ISO 3166-1 alpha-3 code or one of ICAO's special codes. */
export function isCountryCode(code: string): boolean {
  return code === 'D' || (/^[A-Z]{3}$/.test(code) && (countries.isValid(code) || ICAO_SPECIAL.has(code) || code === 'XKX'));
}

/** An alpha-3 code from a code (alpha-2 or alpha-3) or a country name in English or Russian; undefined when unknown. */
export function toAlpha3(value: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  const upper = text.toUpperCase();
  if (upper.length === 3 && isCountryCode(upper)) return upper;
  if (upper.length === 2 && /^[A-Z]{2}$/.test(upper)) return countries.alpha2ToAlpha3(upper);
  if (ALIASES[upper]) return ALIASES[upper];
  return countries.getAlpha3Code(text, 'en') ?? countries.getAlpha3Code(text, 'ru') ?? countries.getAlpha3Code(text.replace(/\s*\(.*\)\s*$/, ''), 'en');
}
