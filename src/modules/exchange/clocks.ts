// The clocks of the exchange, as pure functions of a rule pack, a time zone and an instant: when a
// window opens, when it is due (the last instant still on time), when to warn, and how a report made
// at a given instant is judged. Times of day are judged to the minute in the unit's IANA time zone.
import { TZDate } from '@date-fns/tz';
import type { ExchangeRules } from './rules.ts';

export type Window = { opensAt: Date | null; dueAt: Date; warnAt: Date | null; rule: string };
export type Judgement = { timing: 'on_time' | 'early' | 'late'; rule: string };

const MINUTE = 60_000;
const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date and time of an instant in a zone. */
export function localParts(at: Date, timeZone: string) {
  let f = partsFormats.get(timeZone);
  if (!f) partsFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, year: Number(p.year), month: Number(p.month), day: Number(p.day), time: `${p.hour}:${p.minute}` };
}

/** The instant of a local date and time (HH:MM) in a zone. */
export function zoned(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
export const monthAfter = (period: string) => { const [y, m] = period.split('-').map(Number) as [number, number]; return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`; };
export const monthBefore = (period: string) => { const [y, m] = period.split('-').map(Number) as [number, number]; return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`; };

/** p.5(2): the daily oral report of a local date, from `from` to `to` inclusive (09:00 is on time, 09:01 late). */
export function dailyWindow(date: string, timeZone: string, r: ExchangeRules['daily']): Window {
  const opensAt = zoned(date, r.from, timeZone);
  const dueAt = new Date(zoned(date, r.to, timeZone).getTime() + MINUTE - 1);
  return { opensAt, dueAt, warnAt: new Date(zoned(date, r.to, timeZone).getTime() - r.warnBeforeMinutes * MINUTE), rule: `${r.basis} (${r.from}–${r.to} ${timeZone})` };
}

/** p.5(3): the monthly written report on `period` (YYYY-MM), from the fromDay of that month to the end of toDay of the next. */
export function monthlyWindow(period: string, timeZone: string, r: ExchangeRules['monthly']): Window {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const opensOn = `${period}-${pad(Math.min(r.fromDay, lastDay(y, m)))}`;
  const closesOn = `${monthAfter(period)}-${pad(r.toDay)}`;
  const dueAt = new Date(zoned(addDays(closesOn, 1), '00:00', timeZone).getTime() - 1);
  return { opensAt: zoned(opensOn, '00:00', timeZone), dueAt, warnAt: zoned(addDays(closesOn, -r.warnBeforeDays), '00:00', timeZone), rule: `${r.basis} (${opensOn} – ${closesOn}, ${timeZone})` };
}

/** p.5(5): the half-year (YYYY-H1 or YYYY-H2) ends at the end of June or December, local time. */
export function halfYearWindow(period: string, timeZone: string, r: ExchangeRules['udb']): Window {
  const [y, h] = [Number(period.slice(0, 4)), period.slice(5)];
  const start = h === 'H1' ? `${y}-01-01` : `${y}-07-01`;
  const end = h === 'H1' ? `${y}-07-01` : `${y + 1}-01-01`;
  const dueAt = new Date(zoned(end, '00:00', timeZone).getTime() - 1);
  return { opensAt: zoned(start, '00:00', timeZone), dueAt, warnAt: zoned(addDays(end, -r.warnBeforeDays), '00:00', timeZone), rule: `${r.basis} (${start} – ${addDays(end, -1)})` };
}

export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? 'H1' : 'H2'}`;
}

/** p.5(1): the written confirmation of an urgent oral report (2h00 after it is on time, 2h01 late). */
export function confirmationWindow(reportedAt: Date, r: ExchangeRules['urgent']): Window {
  const dueAt = new Date(reportedAt.getTime() + r.confirmWithinMinutes * MINUTE);
  return { opensAt: reportedAt, dueAt, warnAt: new Date(dueAt.getTime() - r.warnBeforeMinutes * MINUTE), rule: `${r.basis} (${r.confirmWithinMinutes} min)` };
}

/** The acknowledgement of a delivered message (urgent, or written), or null when the pack sets no clock for it. */
export function acknowledgeWindow(deliveredAt: Date, kind: 'urgent' | 'written' | 'oral', r: ExchangeRules['acknowledge']): Window | null {
  const minutes = kind === 'urgent' ? r.urgentMinutes : kind === 'written' && r.writtenHours !== null ? r.writtenHours * 60 : null;
  if (minutes === null) return null;
  return { opensAt: deliveredAt, dueAt: new Date(deliveredAt.getTime() + minutes * MINUTE), warnAt: null, rule: `${r.basis} (${kind === 'urgent' ? `${minutes} min` : `${r.writtenHours} h`})` };
}

/** p.5(4): an advance notice is on time when sent before the day it concerns (less the lead time). */
export function advanceWindow(effectiveOn: string, timeZone: string, r: ExchangeRules['advance']): Window {
  const dueAt = new Date(zoned(addDays(effectiveOn, -r.minLeadDays), '00:00', timeZone).getTime() - 1);
  return { opensAt: null, dueAt, warnAt: null, rule: `${r.basis}${r.minLeadDays ? ` (${r.minLeadDays} days ahead)` : ''}: before ${addDays(effectiveOn, -r.minLeadDays)}` };
}

/** Judges an instant against a window; reports are judged to the minute (seconds are dropped). */
export function judge(at: Date, w: Window): Judgement {
  const t = Math.floor(at.getTime() / MINUTE) * MINUTE;
  if (w.opensAt && t < Math.floor(w.opensAt.getTime() / MINUTE) * MINUTE) return { timing: 'early', rule: w.rule };
  return { timing: t <= w.dueAt.getTime() ? 'on_time' : 'late', rule: w.rule };
}

/** The month a monthly report made on a local date is about: from the 16th the current month, before it the previous. */
export function monthlyPeriodFor(localDate: string): string {
  const period = localDate.slice(0, 7);
  return Number(localDate.slice(8, 10)) >= 16 ? period : monthBefore(period);
}
