import type { WorkingHours } from '../../database.ts';

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Weekday 1=Mon..7=Sun and minutes since midnight of `at` in the IANA `timeZone`. */
export function localWeekMinute(at: Date, timeZone: string): { day: number; minute: number } {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { day, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * True when `at` falls in the working hours, read in the checkpoint's own time zone. A period whose
 * close is not after its open runs past midnight (e.g. 20:00-08:00), into the next day.
 */
export function isWithinWorkingHours(hours: WorkingHours, at: Date, timeZone: string): boolean {
  if ('always' in hours) return true;
  const { day, minute } = localWeekMinute(at, timeZone);
  const previousDay = day === 1 ? 7 : day - 1;
  return hours.weekly.some((period) => {
    const open = toMinutes(period.open);
    const close = toMinutes(period.close);
    if (close > open) return period.days.includes(day) && minute >= open && minute < close;
    return (period.days.includes(day) && minute >= open) || (period.days.includes(previousDay) && minute < close);
  });
}

export type StatusAt = { status: string; statusFrom: Date | null; statusUntil: Date | null };

/** The status in force at `at`: a restriction or suspension applies only inside its period. */
export function effectiveStatus(cp: StatusAt, at: Date): 'open' | 'restricted' | 'suspended' {
  if (cp.status === 'open') return 'open';
  if (cp.statusFrom && at < cp.statusFrom) return 'open';
  if (cp.statusUntil && at >= cp.statusUntil) return 'open';
  return cp.status as 'restricted' | 'suspended';
}
