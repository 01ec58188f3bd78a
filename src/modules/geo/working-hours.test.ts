import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveStatus, isWithinWorkingHours, localWeekMinute } from './working-hours.ts';

test('local weekday and minute are read in the checkpoint\'s time zone', () => {
  // 2026-11-22 is a Sunday; 20:30 UTC is 01:30 on Monday in Almaty (UTC+5)
  assert.deepEqual(localWeekMinute(new Date('2026-11-22T20:30:00Z'), 'Asia/Almaty'), { day: 1, minute: 90 });
  assert.deepEqual(localWeekMinute(new Date('2026-11-22T20:30:00Z'), 'UTC'), { day: 7, minute: 20 * 60 + 30 });
});

test('daytime hours', () => {
  const hours = { weekly: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }] };
  assert.equal(isWithinWorkingHours(hours, new Date('2026-11-23T04:00:00Z'), 'Asia/Almaty'), true); // Mon 09:00
  assert.equal(isWithinWorkingHours(hours, new Date('2026-11-23T03:59:00Z'), 'Asia/Almaty'), false); // Mon 08:59
  assert.equal(isWithinWorkingHours(hours, new Date('2026-11-23T13:00:00Z'), 'Asia/Almaty'), false); // Mon 18:00 closes
  assert.equal(isWithinWorkingHours(hours, new Date('2026-11-22T06:00:00Z'), 'Asia/Almaty'), false); // Sunday
  assert.equal(isWithinWorkingHours({ always: true }, new Date(), 'Asia/Almaty'), true);
});

test('a night period runs past midnight into the next day', () => {
  const hours = { weekly: [{ days: [5], open: '20:00', close: '06:00' }] }; // Friday night
  assert.equal(isWithinWorkingHours(hours, new Date('2026-11-27T16:00:00Z'), 'Asia/Almaty'), true); // Fri 21:00
  assert.equal(isWithinWorkingHours(hours, new Date('2026-11-27T23:00:00Z'), 'Asia/Almaty'), true); // Sat 04:00
  assert.equal(isWithinWorkingHours(hours, new Date('2026-11-28T01:00:00Z'), 'Asia/Almaty'), false); // Sat 06:00
  assert.equal(isWithinWorkingHours(hours, new Date('2026-11-26T23:00:00Z'), 'Asia/Almaty'), false); // Fri 04:00 (Thursday night)
});

test('a restriction applies only within its period', () => {
  const cp = { status: 'suspended', statusFrom: new Date('2026-11-20T00:00:00Z'), statusUntil: new Date('2026-11-21T00:00:00Z') };
  assert.equal(effectiveStatus(cp, new Date('2026-11-19T23:59:59Z')), 'open');
  assert.equal(effectiveStatus(cp, new Date('2026-11-20T12:00:00Z')), 'suspended');
  assert.equal(effectiveStatus(cp, new Date('2026-11-21T00:00:00Z')), 'open');
  assert.equal(effectiveStatus({ ...cp, statusUntil: null }, new Date('2030-01-01T00:00:00Z')), 'suspended');
});
