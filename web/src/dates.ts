// Instants, days and weekdays in the interface language and the user's (or a place's) time zone.

/** An instant shown in a time zone (the unit's or checkpoint's), in the interface language. */
let userTimeZone: string | undefined;
/** Set from the session: times without a place of their own are shown in the user's unit's zone. */
export function setUserTimeZone(zone: string | undefined) {
  userTimeZone = zone;
}

// Some browsers' date data (Debian's Chromium among them) has no Kazakh: they write "2026 M12 7" and
// English weekdays. There Shekara names the months and weekdays itself, as Kazakh writes them.
const KK_MONTHS = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'];
const KK_WEEKDAYS = ['Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб', 'Жс']; // Monday first
const kazakhMissing = /^M\d/.test(new Intl.DateTimeFormat('kk-KZ', { month: 'short' }).format(new Date(2026, 11, 15)));
const localeOf = (lang: string) => (lang === 'kk' ? 'kk-KZ' : lang === 'ru' ? 'ru-RU' : 'en-GB');

/** A day and month, a date, or a date and time, in a zone, as Kazakh writes them, where the browser cannot. */
function kazakh(instant: Date, timeZone: string | undefined, shape: 'day' | 'date' | 'dateTime'): string {
  const parts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${get('day')} ${KK_MONTHS[Number(get('month')) - 1]}`;
  if (shape === 'day') return day;
  const full = `${get('year')} ж. ${day}`;
  return shape === 'date' ? full : `${full}, ${get('hour')}:${get('minute')}`;
}

export function formatTime(iso: string | null | undefined, lang: string, timeZone?: string): string {
  if (!iso) return '—';
  timeZone ??= userTimeZone;
  if (lang === 'kk' && kazakhMissing) return kazakh(new Date(iso), timeZone, 'dateTime');
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** A day in the interface language (in the user's zone). */
export function formatDate(iso: string, lang: string): string {
  if (lang === 'kk' && kazakhMissing) return kazakh(new Date(iso), userTimeZone, 'date');
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', ...(userTimeZone ? { timeZone: userTimeZone } : {}) }).format(new Date(iso));
}

/** A weekday's short name, 0 = Monday. */
export function weekdayShort(lang: string, index: number): string {
  if (lang === 'kk' && kazakhMissing) return KK_WEEKDAYS[index]!;
  return new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/** A time of day (or, with `date`, a day and month) in the user's zone and language. */
export function formatPart(iso: string, lang: string, part: 'time' | 'date'): string {
  if (part === 'date' && lang === 'kk' && kazakhMissing) return kazakh(new Date(iso), userTimeZone, 'day');
  const options: Intl.DateTimeFormatOptions = part === 'time' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(localeOf(lang), { ...options, ...(userTimeZone ? { timeZone: userTimeZone } : {}) }).format(new Date(iso));
}
