import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysInPeriod, judge, staysOf, type Passage, type StayRule } from './stays.ts';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const p = (direction: 'entry' | 'exit', day: string): Passage => ({ id: `${direction}-${day}`, direction, at: at(day), checkpointId: 'cp' });
const RULES: StayRule[] = [
  { nationalities: ['RUS', 'KGZ'], maxDaysPerStay: null, maxDaysInPeriod: 90, periodDays: 180, label: 'EAEU' },
  { nationalities: ['DEU'], maxDaysPerStay: 30, maxDaysInPeriod: 90, periodDays: 180, label: 'visa-free 30' },
  { default: true, maxDaysPerStay: 30, maxDaysInPeriod: null, periodDays: null, label: 'others' },
];

test('stays pair each entry with the next exit; the days of entry and exit both count', () => {
  const stays = staysOf([p('exit', '2026-01-01'), p('entry', '2026-01-10'), p('exit', '2026-01-19'), p('entry', '2026-03-01')], at('2026-03-05'));
  assert.deepEqual(stays.map((s) => [s.entry.id, s.exit?.id ?? null, s.days]), [['entry-2026-01-10', 'exit-2026-01-19', 10], ['entry-2026-03-01', null, 5]]);
});

test('a visa-free stay of 30 days is over on day 31; within a rolling 180 days, 90 days at most', () => {
  const entry = [p('entry', '2026-10-01')];
  assert.equal(judge(entry, 'DEU', RULES, at('2026-10-30')).overstay, false);
  const over = judge(entry, 'DEU', RULES, at('2026-11-01'));
  assert.equal(over.daysThisStay, 32);
  assert.equal(over.overBy, 2);
  // EAEU: no limit per stay, but 90 days in 180: 60 days earlier plus 35 now is 95
  const eaeu = [p('entry', '2026-06-01'), p('exit', '2026-07-30'), p('entry', '2026-10-01')];
  const verdict = judge(eaeu, 'RUS', RULES, at('2026-11-04'));
  assert.equal(verdict.daysInPeriod, daysInPeriod(staysOf(eaeu, at('2026-11-04')), 180, at('2026-11-04')));
  assert.equal(verdict.daysInPeriod, 60 + 35);
  assert.equal(verdict.overBy, 5);
  assert.equal(verdict.rule?.label, 'EAEU');
  // a nationality without its own rule takes the default
  assert.equal(judge(entry, 'BRA', RULES, at('2026-11-01')).rule?.label, 'others');
  // left in time: no current stay, no overstay
  assert.equal(judge([...entry, p('exit', '2026-10-20')], 'DEU', RULES, at('2026-12-01')).overstay, false);
});
