import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StayRules, STAY_RULES_DEMO } from './refusal-reasons.ts';
import { daysInPeriod, judge, overFrom, staysOf, type Passage, type StayRule } from './stays.ts';

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

test('the first day over, found once, is the day from which judging each day says over', () => {
  // random histories: stays of 1-60 days with gaps of 0-60 days (0: out and back the same day), the last still open
  let seed = 7;
  const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const DAY = 86_400_000;
  const dayOf = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * DAY + 9 * 3_600_000);
  for (let history = 0; history < 300; history++) {
    const passages: Passage[] = [];
    let day = random(30);
    for (let stay = random(4); stay > 0; stay--) {
      passages.push({ id: `in-${day}`, direction: 'entry', at: dayOf(day), checkpointId: 'cp' });
      day += random(60);
      passages.push({ id: `out-${day}`, direction: 'exit', at: dayOf(day), checkpointId: 'cp' });
      day += random(61);
    }
    passages.push({ id: 'open', direction: 'entry', at: dayOf(day), checkpointId: 'cp' });
    const nationality = ['RUS', 'DEU', 'BRA'][random(3)]!;
    const over = overFrom(passages, nationality, RULES);
    assert.equal(over?.entryId, 'open');
    for (let d = day; d < day + 100; d++) {
      assert.equal(judge(passages, nationality, RULES, dayOf(d)).overstay, d >= Math.round((Date.parse(over!.day) - Date.UTC(2026, 0, 1)) / DAY), `history ${history}, ${nationality}, day ${d - day} of the stay`);
    }
  }
  // no stay open; a rule with no limit
  assert.equal(overFrom([p('entry', '2026-01-01'), p('exit', '2026-01-05')], 'DEU', RULES), null);
  assert.equal(overFrom([p('entry', '2026-01-01')], 'KAZ', [{ default: true, maxDaysPerStay: null, maxDaysInPeriod: null, periodDays: null, label: 'none' }]), null);
  assert.equal(overFrom([p('entry', '2026-01-01')], 'DEU', RULES)?.day, '2026-01-31');
  // days of Kazakhstan's calendar: in at 02:00 on 1 January there (20:00 UTC the day before), day 31 is 31 January
  assert.equal(overFrom([{ ...p('entry', '2026-01-01'), at: new Date('2025-12-31T21:00:00Z') }], 'DEU', RULES)?.day, '2026-01-31');
  assert.equal(judge([{ ...p('entry', '2026-01-01'), at: new Date('2025-12-31T21:00:00Z') }], 'DEU', RULES, new Date('2026-01-30T20:00:00Z')).daysThisStay, 31);
});

test('the demonstration stay rules have the shape an administrator enters a successor in', () => {
  assert.equal(StayRules.safeParse({ rules: STAY_RULES_DEMO }).success, true);
  const twice = StayRules.safeParse({ rules: [...STAY_RULES_DEMO, { ...STAY_RULES_DEMO[0]!, nationalities: ['KGZ'] }] });
  assert.deepEqual(twice.error?.issues.map((i) => i.path.join('.')), [`rules.${STAY_RULES_DEMO.length}.nationalities`]);
  const noDefault = StayRules.safeParse({ rules: STAY_RULES_DEMO.filter((r) => !r.default) });
  assert.deepEqual(noDefault.error?.issues.map((i) => i.path.join('.')), ['rules']);
});
