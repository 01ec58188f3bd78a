// The shift overview (GET /api/v1/overview) on the demo's morning at Korday: each part only for those who
// may read it, the checkpoints within the reader's reach, the day counted from the checkpoint's midnight.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoCrossings } from '../src/demo/crossings-demo.ts';
import { localDate } from '../src/modules/crossings/control-point.ts';
import { zoned } from '../src/modules/exchange/clocks.ts';
import { openPeriodicObligations, sweep } from '../src/modules/exchange/index.ts';
import { sql } from 'kysely';
import { ADMIN_PASSWORD, DEMO_PASSWORD, KORDAY, passportMrz, signIn, startCrossing, unitId, useAppWorld } from './helpers.ts';

type Activity = { id: string; code: string; today: string; now: Record<string, number>; crossingsToday: Record<string, number> };
const w = useAppWorld({ demo: true }, async (world) => { await seedDemoCrossings(world.deps, world.services.screening); });

test('the overview shows each reader what they may read: the checkpoints they reach now and today, the stays over, their desk', async () => {
  // the exchange's clocks opened and swept as the server's round does
  await openPeriodicObligations(w.deps);
  await sweep(w.deps.db, w.clock.now());
  const head = await signIn(w.app, 'demo.head.korday', DEMO_PASSWORD);
  const res = await head.request('GET', '/api/v1/overview');
  assert.equal(res.statusCode, 200, res.body);
  const overview = res.json();
  // the head of the Korday border control department reaches Korday's checkpoints only
  const korday = overview.checkpoints.find((c: Activity) => c.id === KORDAY) as Activity;
  assert.ok(korday, 'Korday is in the head\'s overview');
  const department = unitId('BS-BCD-KORDAY');
  const reached = await w.deps.db.selectFrom('checkpoint').innerJoin('unit', 'unit.id', 'checkpoint.unitId').select('checkpoint.id').where(sql<boolean>`${department}::uuid = any(unit.path)`).execute();
  assert.deepEqual(overview.checkpoints.map((c: Activity) => c.id).sort(), reached.map((c) => c.id).sort());
  assert.ok(reached.length >= 1 && reached.length < 5, `${reached.length} checkpoints under the department`);
  assert.deepEqual(korday.now, { inControl: 2, secondary: 1, awaitingExit: 1, refusedNotYetOut: 0, vehiclesAtControl: 2 });
  // today's figures are those of the journal since Korday's midnight, counted here from the crossings themselves
  const journal = (await head.request('GET', `/api/v1/crossings?checkpointId=${KORDAY}&limit=200`)).json().items as Array<{ arrivedAt: string; direction: string; decision: string | null }>;
  const midnight = zoned(localDate(w.clock.now(), 'Asia/Almaty'), '00:00', 'Asia/Almaty');
  const today = journal.filter((c) => new Date(c.arrivedAt) >= midnight);
  assert.ok(today.length > 0 && today.length < journal.length, `${today.length} of ${journal.length} today`);
  assert.equal(korday.today, localDate(w.clock.now(), 'Asia/Almaty'));
  assert.deepEqual(korday.crossingsToday, {
    all: today.length, entry: today.filter((c) => c.direction === 'entry').length, exit: today.filter((c) => c.direction === 'exit').length,
    passed: today.filter((c) => c.decision === 'pass').length, refused: today.filter((c) => c.decision === 'refuse').length,
    otherMeasures: today.filter((c) => c.decision !== null && c.decision !== 'pass' && c.decision !== 'refuse').length,
  });
  assert.ok(korday.crossingsToday.refused >= 1);
  // a unit head of the Border Service reads no stays; the desk is the department's own
  assert.equal(overview.stays, null);
  assert.ok(overview.desk, 'the head has an exchange desk');
  // the desk's counts are those of its lists
  const obligations = async (query: string) => (await head.request('GET', `/api/v1/exchange/obligations?limit=500&${query}`)).json().items.length as number;
  const inADay = new Date(w.clock.now().getTime() + 86_400_000).toISOString();
  assert.equal(overview.desk.owedOverdue, await obligations('side=owed&state=overdue'));
  assert.equal(overview.desk.owedDueSoon, await obligations(`side=owed&state=open&to=${inADay}`));
  assert.equal(overview.desk.owedToUsOverdue, await obligations('side=owed_to_us&state=overdue'));
  assert.equal(overview.desk.unseen, (await head.request('GET', '/api/v1/notifications?unseen=true&limit=200')).json().items.length);
  assert.ok(overview.desk.owedDueSoon > 0, JSON.stringify(overview.desk)); // tomorrow's daily information, due at 09:00

  // a traveller at control now counts at once; a vehicle at control too
  const booth = await signIn(w.app, 'demo.booth.korday', DEMO_PASSWORD);
  const started = await startCrossing(booth, { travellerCategory: 'rk_citizen', mrz: passportMrz({ surname: 'NURLANOV', given: 'ASAN', number: 'N77001122', nationality: 'KAZ', dob: '900101', sex: 'M', expiry: '300101' }) });
  assert.equal(started.statusCode, 201, started.body);
  const vehicle = await booth.request('POST', '/api/v1/vehicle-crossings', { checkpointId: KORDAY, direction: 'entry', transportMode: 'road', plate: '777 ABC 02', plateCountry: 'KAZ', vehicleType: 'car' });
  assert.equal(vehicle.statusCode, 201, vehicle.body);
  // one who came two minutes before Korday's midnight is yesterday's (still at control now)
  const now = w.clock.now();
  w.clock.set(new Date(midnight.getTime() - 2 * 60_000));
  const lateEvening = await startCrossing(booth, { travellerCategory: 'rk_citizen', mrz: passportMrz({ surname: 'SAPAROV', given: 'BOLAT', number: 'N77001133', nationality: 'KAZ', dob: '880202', sex: 'M', expiry: '300101' }) });
  w.clock.set(now);
  assert.equal(lateEvening.statusCode, 201, lateEvening.body);
  const after = (await head.request('GET', '/api/v1/overview')).json().checkpoints.find((c: Activity) => c.id === KORDAY) as Activity;
  assert.equal(after.now.inControl, 4);
  assert.equal(after.now.vehiclesAtControl, 3);
  assert.equal(after.crossingsToday.all, korday.crossingsToday.all + 1);

  // the next day: nobody has come to control yet, those still at control are still there
  w.clock.advance(24 * 3_600_000);
  const nextShift = await signIn(w.app, 'demo.head.korday', DEMO_PASSWORD);
  const tomorrow = (await nextShift.request('GET', '/api/v1/overview')).json().checkpoints.find((c: Activity) => c.id === KORDAY) as Activity;
  assert.equal(tomorrow.crossingsToday.all, 0);
  assert.equal(tomorrow.now.inControl, 4);
  w.clock.advance(-24 * 3_600_000);
});

test('another agency\'s checkpoints are not in the overview; the migration police see the stays over their days, not the checkpoints', async () => {
  // the head of a police department: another agency, no checkpoint of its own
  const police = await signIn(w.app, 'demo.head.panfilov', DEMO_PASSWORD);
  const theirs = (await police.request('GET', '/api/v1/overview')).json();
  assert.deepEqual(theirs.checkpoints, []);
  // the head of the Khorgos border detachment: the Border Service, but not Korday
  const khorgos = (await (await signIn(w.app, 'demo.head.khorgos', DEMO_PASSWORD)).request('GET', '/api/v1/overview')).json();
  assert.ok(Array.isArray(khorgos.checkpoints));
  assert.ok(!khorgos.checkpoints.some((c: Activity) => c.id === KORDAY));
  // the migration officer: no crossings to read; the foreigners over their days, counted from the kept verdicts
  const migration = await signIn(w.app, 'demo.migration.korday', DEMO_PASSWORD);
  const judged = (await migration.request('GET', '/api/v1/overview')).json();
  assert.equal(judged.checkpoints, null);
  // the ten stays the seed opened are judged by the request, as by the list
  assert.deepEqual(judged.stays, { over: 3, pending: 0 });
  const list = (await migration.request('GET', '/api/v1/overstays')).json();
  assert.equal(judged.stays.over, list.total);
  assert.ok(judged.desk, 'the migration officer has an exchange desk');
  // a day on, nobody gave the daily information: late on both sides, and the desk told
  w.clock.advance(24 * 3_600_000);
  await sweep(w.deps.db, w.clock.now());
  const nextDay = await signIn(w.app, 'demo.migration.korday', DEMO_PASSWORD);
  const { desk } = (await nextDay.request('GET', '/api/v1/overview')).json();
  const obligations = async (query: string) => (await nextDay.request('GET', `/api/v1/exchange/obligations?limit=500&${query}`)).json().items.length as number;
  assert.ok(desk.owedOverdue > 0 && desk.owedToUsOverdue > 0 && desk.unseen > 0, JSON.stringify(desk));
  assert.equal(desk.owedOverdue, await obligations('side=owed&state=overdue'));
  assert.equal(desk.owedToUsOverdue, await obligations('side=owed_to_us&state=overdue'));
  assert.equal(desk.unseen, (await nextDay.request('GET', '/api/v1/notifications?unseen=true&limit=200')).json().items.length);
  // customs at Korday: no crossings to read; the vehicles at the checkpoints customs serves, as its list shows them
  const customs = await signIn(w.app, 'demo.customs.korday', DEMO_PASSWORD);
  type Vehicle = { id: string; checks: Array<{ code: string; result: string }>; requiredMarks: Array<{ body: string; present: boolean }> };
  const atControl = async () => (await customs.request('GET', '/api/v1/vehicle-crossings?status=in_control&status=examination&limit=200')).json().items as Vehicle[];
  const awaiting = (vs: Vehicle[]) => vs.filter((v) => v.checks.some((c) => c.code === 'permission_marks' && c.result === 'fail'));
  const customsView = (await customs.request('GET', '/api/v1/overview')).json();
  assert.equal(customsView.checkpoints, null);
  const vehicles = await atControl();
  assert.deepEqual(customsView.vehicles, { atControl: vehicles.length, awaitingMarks: awaiting(vehicles).length });
  assert.ok(awaiting(vehicles).length >= 1, 'the car registered at Korday awaits its marks');
  // the marks put: none awaiting, the vehicles still at control
  for (const v of awaiting(vehicles)) {
    for (const m of v.requiredMarks.filter((r) => !r.present)) {
      const marked = await customs.request('POST', `/api/v1/vehicle-crossings/${v.id}/marks`, { body: m.body, reference: `${m.body.toUpperCase()}-1` });
      assert.equal(marked.statusCode, 200, marked.body);
    }
  }
  assert.deepEqual((await customs.request('GET', '/api/v1/overview')).json().vehicles, { atControl: vehicles.length, awaitingMarks: 0 });
  // the migration police see no vehicles
  assert.equal((await nextDay.request('GET', '/api/v1/overview')).json().vehicles, null);
  // where each works, the nearest first (the default station of the booth and of the vehicles screen)
  const mine = async (username: string) => (await (await signIn(w.app, username, DEMO_PASSWORD)).request('GET', '/api/v1/me/checkpoints')).json().items as string[];
  assert.equal((await mine('demo.booth.korday'))[0], KORDAY); // the shift's own checkpoint
  assert.equal((await mine('demo.customs.korday'))[0], KORDAY); // the customs post at Korday's counterpart group
  assert.equal((await mine('demo.migration.korday'))[0], KORDAY);
  // a department's head: the checkpoints under the department (Korday and Ak-Zhol), by code
  const department = await mine('demo.head.korday');
  assert.ok(department.includes(KORDAY) && department.length >= 2, String(department));
  const detachment = await mine('demo.head.khorgos');
  assert.ok(detachment.length >= 1 && !detachment.includes(KORDAY), String(detachment));
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  assert.deepEqual((await admin.request('GET', '/api/v1/me/checkpoints')).json().items, []);
  // without signing in: 401
  const anonymous = await w.app.inject({ method: 'GET', url: '/api/v1/overview' });
  assert.equal(anonymous.statusCode, 401);
  assert.match(String(anonymous.headers['content-type']), /problem\+json/);
});
