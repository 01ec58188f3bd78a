import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { kk } from './locales/kk.ts';
import { ru } from './locales/ru.ts';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: Lang[] = ['kk', 'ru', 'en'];
const STORAGE_KEY = 'shekara.lang';

/** The language before sign-in: last choice on this device, else the browser's, else Russian. */
export function initialLanguage(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'kk' || saved === 'ru' || saved === 'en') return saved;
  const browser = navigator.language.slice(0, 2);
  return browser === 'kk' || browser === 'en' ? browser : 'ru';
}

export function rememberLanguage(lang: Lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru }, kk: { translation: kk } },
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export default i18next;

/** Picks the name in the current language from a {kk, ru, en} triple. */
export function pick(names: { kk: string | null; ru: string | null; en: string } | { kk: string; ru: string; en: string }, lang: string): string {
  const value = (names as Record<string, string | null>)[lang];
  return value ?? names.en;
}
