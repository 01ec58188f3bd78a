import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confirmationWindow, dailyWindow, halfYearWindow, judge, localParts, monthlyPeriodFor, monthlyWindow, zoned } from './clocks.ts';
import { INSTRUCTION_2002_RULES as R } from './rules.ts';

const ALMATY = 'Asia/Almaty';
const t = (iso: string) => new Date(iso);

test('the daily window is 07:00-09:00 local: 06:59 early, 07:00 and 09:00 on time, 09:01 late', () => {
  const w = dailyWindow('2026-11-20', ALMATY, R.daily);
  // Almaty is UTC+5 since 1 March 2024
  assert.equal(w.opensAt!.toISOString(), '2026-11-20T02:00:00.000Z');
  assert.equal(judge(zoned('2026-11-20', '06:59', ALMATY), w).timing, 'early');
  assert.equal(judge(zoned('2026-11-20', '07:00', ALMATY), w).timing, 'on_time');
  assert.equal(judge(new Date(zoned('2026-11-20', '09:00', ALMATY).getTime() + 59_000), w).timing, 'on_time');
  assert.equal(judge(zoned('2026-11-20', '09:01', ALMATY), w).timing, 'late');
  assert.match(w.rule, /p\.5\(2\).*07:00–09:00 Asia\/Almaty/);
});

test('Kazakhstan moved to one zone (UTC+5) on 1 March 2024: 07:00 in Almaty is 01:00Z before and 02:00Z after', () => {
  assert.equal(dailyWindow('2024-02-29', ALMATY, R.daily).opensAt!.toISOString(), '2024-02-29T01:00:00.000Z');
  assert.equal(dailyWindow('2024-03-01', ALMATY, R.daily).opensAt!.toISOString(), '2024-03-01T02:00:00.000Z');
  // Oral (Uralsk) was UTC+5 on both sides
  assert.equal(dailyWindow('2024-02-29', 'Asia/Oral', R.daily).opensAt!.toISOString(), '2024-02-29T02:00:00.000Z');
  assert.equal(localParts(t('2024-02-29T01:30:00Z'), ALMATY).time, '07:30');
  assert.equal(localParts(t('2024-03-01T01:30:00Z'), ALMATY).time, '06:30');
});

test('the monthly window runs from the 28th to the end of the 5th: the 27th is early, the 28th and the 5th on time, the 6th late', () => {
  const w = monthlyWindow('2026-10', ALMATY, R.monthly);
  assert.equal(judge(zoned('2026-10-27', '23:59', ALMATY), w).timing, 'early');
  assert.equal(judge(zoned('2026-10-28', '00:00', ALMATY), w).timing, 'on_time');
  assert.equal(judge(zoned('2026-11-05', '23:59', ALMATY), w).timing, 'on_time');
  assert.equal(judge(zoned('2026-11-06', '00:00', ALMATY), w).timing, 'late');
  // December's report closes on 5 January; February opens on the 28th
  assert.equal(monthlyWindow('2026-12', ALMATY, R.monthly).dueAt.toISOString(), '2027-01-05T18:59:59.999Z');
  assert.equal(monthlyWindow('2027-02', ALMATY, { ...R.monthly, fromDay: 30 }).opensAt!.toISOString(), '2027-02-27T19:00:00.000Z');
  assert.equal(monthlyPeriodFor('2026-11-03'), '2026-10');
  assert.equal(monthlyPeriodFor('2026-11-28'), '2026-11');
  assert.equal(monthlyPeriodFor('2026-01-02'), '2025-12');
});

test('a written confirmation 1h59 and 2h00 after the oral report is on time, 2h01 late', () => {
  const oral = t('2026-11-20T05:10:00Z');
  const w = confirmationWindow(oral, R.urgent);
  assert.equal(judge(new Date(oral.getTime() + 119 * 60_000), w).timing, 'on_time');
  assert.equal(judge(new Date(oral.getTime() + 120 * 60_000 + 30_000), w).timing, 'on_time');
  assert.equal(judge(new Date(oral.getTime() + 121 * 60_000), w).timing, 'late');
  assert.equal(w.warnAt!.toISOString(), '2026-11-20T06:40:00.000Z');
  // a confirmation in the same minute as an oral report logged with seconds is not early
  const withSeconds = confirmationWindow(t('2026-11-20T05:10:42Z'), R.urgent);
  assert.equal(judge(t('2026-11-20T05:10:50Z'), withSeconds).timing, 'on_time');
});

test('half-years end at the end of June and December, local time', () => {
  assert.equal(halfYearWindow('2026-H1', ALMATY, R.udb).dueAt.toISOString(), '2026-06-30T18:59:59.999Z');
  assert.equal(halfYearWindow('2026-H2', ALMATY, R.udb).warnAt!.toISOString(), '2026-12-17T19:00:00.000Z');
});
