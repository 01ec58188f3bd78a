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

/** The date and time in a zone as numbers, for writing them in Kazakh where the browser cannot. */
function numericParts(date: Date, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: Number(get('month')), day: get('day'), time: `${get('hour')}:${get('minute')}` };
}

export function formatTime(iso: string | null | undefined, lang: string, timeZone?: string): string {
  if (!iso) return '—';
  timeZone ??= userTimeZone;
  if (lang === 'kk' && kazakhMissing) {
    const p = numericParts(new Date(iso), timeZone);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}, ${p.time}`;
  }
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** A day in the interface language (in the user's zone). */
export function formatDate(iso: string, lang: string): string {
  if (lang === 'kk' && kazakhMissing) {
    const p = numericParts(new Date(iso), userTimeZone);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}`;
  }
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', ...(userTimeZone ? { timeZone: userTimeZone } : {}) }).format(new Date(iso));
}

/** A weekday's short name, 0 = Monday. */
export function weekdayShort(lang: string, index: number): string {
  if (lang === 'kk' && kazakhMissing) return KK_WEEKDAYS[index]!;
  return new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/** A time of day (or, with `date`, a day and month) in the user's zone and language. */
export function formatPart(iso: string, lang: string, part: 'time' | 'date'): string {
  if (part === 'date' && lang === 'kk' && kazakhMissing) {
    const p = numericParts(new Date(iso), userTimeZone);
    return `${p.day} ${KK_MONTHS[p.month - 1]}`;
  }
  const options: Intl.DateTimeFormatOptions = part === 'time' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(localeOf(lang), { ...options, ...(userTimeZone ? { timeZone: userTimeZone } : {}) }).format(new Date(iso));
}
