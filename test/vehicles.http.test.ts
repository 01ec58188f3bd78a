// Vehicles and cargo at control: permission marks of the control bodies, the e-queue on a road exit,
// customs' risk channel with its reasons, examinations, decisions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedId } from '../src/demo/index.ts';
import { makeUnit, makeUser, signIn, useAppWorld, type Client } from './helpers.ts';

const KORDAY = seedId('checkpoint', 'KORDAY');
let booth: Client;
let customs: Client;
let police: Client;
const w = useAppWorld({ demo: true }, async () => {
  booth = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  customs = await signIn(w.app, 'demo.customs.korday', 'Shekara-Demo-2026');
  police = await signIn(w.app, 'demo.police.panfilov', 'Shekara-Demo-2026');
});

const register = (body: Record<string, unknown>) => booth.request('POST', '/api/v1/vehicle-crossings', { checkpointId: KORDAY, laneId: seedId('lane', 'KORDAY/R-OUT-1'), direction: 'exit', transportMode: 'road', plateCountry: 'KAZ', ...body });

test('a truck on exit: passage waits for every required mark and the e-queue booking; customs marks; the truck passes and leaves', async () => {
  const res = await register({ plate: '123 ABC 02', vehicleType: 'truck', cargoDeclaration: '10005020/221126/0001234', cargoCategories: ['food', 'general'], vin: '1HGCM82633A004352' });
  assert.equal(res.statusCode, 201, res.body);
  const v = res.json();
  assert.deepEqual(v.requiredMarks.map((m: { body: string }) => m.body), ['customs', 'transport', 'sanitary']);
  assert.deepEqual(v.checks.map((c: { code: string; result: string }) => `${c.code}:${c.result}`), ['permission_marks:fail', 'equeue:fail']);
  assert.equal(v.risk.channel, 'green');
  assert.equal((await booth.request('POST', `/api/v1/vehicle-crossings/${v.id}/decision`, { decision: 'pass' })).statusCode, 409);
  // the police hold no mark right: the vehicle does not exist for them
  assert.equal((await police.request('POST', `/api/v1/vehicle-crossings/${v.id}/marks`, { body: 'customs', reference: 'XX-1' })).statusCode, 404);
  for (const body of ['customs', 'transport', 'sanitary']) {
    const marked = await customs.request('POST', `/api/v1/vehicle-crossings/${v.id}/marks`, { body, reference: `${body.toUpperCase()}-77` });
    assert.equal(marked.statusCode, 200, marked.body);
  }
  const now = (await booth.request('GET', `/api/v1/vehicle-crossings/${v.id}`)).json();
  assert.equal(now.checks.find((c: { code: string }) => c.code === 'permission_marks').result, 'pass');
  assert.ok(now.requiredMarks.every((m: { present: boolean }) => m.present));
  // still no e-queue booking: refused with the Law's reason
  const refused = await booth.request('POST', `/api/v1/vehicle-crossings/${v.id}/decision`, { decision: 'refuse', reasons: ['NO_EQUEUE_BOOKING'] });
  assert.equal(refused.statusCode, 200, refused.body);
  assert.equal(refused.json().decision, 'refuse');
  const booked = (await register({ plate: '124 ABC 02', vehicleType: 'car', equeueBooking: 'EQ-2026-000123' })).json();
  assert.deepEqual(booked.checks.map((c: { code: string; result: string }) => `${c.code}:${c.result}`), ['permission_marks:fail', 'equeue:pass']);
  await customs.request('POST', `/api/v1/vehicle-crossings/${booked.id}/marks`, { body: 'customs', reference: 'C-1' });
  const passed = await booth.request('POST', `/api/v1/vehicle-crossings/${booked.id}/decision`, { decision: 'pass' });
  assert.equal(passed.statusCode, 200, passed.body);
  // the driver's own crossing belongs to the vehicle: the plate comes from it
  const driver = await booth.request('POST', '/api/v1/crossings', { checkpointId: KORDAY, laneId: seedId('lane', 'KORDAY/R-OUT-1'), direction: 'exit', transportMode: 'road', vehicleCrossingId: booked.id, vehicleRole: 'driver', document: { code: 'P', number: 'N24242424', issuingState: 'KAZ', expiry: '2030-01-01' }, person: { surname: 'Driver' } });
  assert.equal(driver.statusCode, 201, driver.body);
  assert.deepEqual(driver.json().vehicle, { plate: '124 ABC 02', country: 'KAZ' });
  assert.equal(driver.json().vehicleCrossingId, booked.id);
  const stray = await booth.request('POST', '/api/v1/crossings', { checkpointId: KORDAY, direction: 'entry', transportMode: 'road', vehicleCrossingId: booked.id, document: { code: 'P', number: 'N25252525', issuingState: 'KAZ' }, person: { surname: 'Stray' } });
  assert.equal(stray.statusCode, 400);
  assert.deepEqual(stray.json().errors.map((e: { path: string }) => e.path), ['vehicleCrossingId']);
  const left = await booth.request('POST', `/api/v1/vehicle-crossings/${booked.id}/leave`);
  assert.equal(left.json().status, 'completed');
  const audit = await w.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', booked.id).execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['vehicle_crossing.completed', 'vehicle_crossing.decided', 'vehicle_crossing.marked', 'vehicle_crossing.registered']);
});

test('a red channel: the rules that fired are named, and passage needs an examination (joint with customs)', async () => {
  const v = (await register({ plate: 'KG 01 777 ABC', plateCountry: 'KGZ', vehicleType: 'tractor_trailer', cargoCategories: ['excise'], equeueBooking: 'EQ-2026-000999', direction: 'entry', laneId: seedId('lane', 'KORDAY/R-IN-1') })).json();
  assert.equal(v.risk.channel, 'red');
  assert.deepEqual(v.risk.fired.map((f: { rule: string }) => f.rule).sort(), ['R-EXCISE', 'R-NO-DECLARATION']);
  // each explained in the officer's three languages
  assert.equal(v.risk.fired.find((f: { rule: string }) => f.rule === 'R-NO-DECLARATION').names.ru, 'Грузовое транспортное средство без декларации на груз');
  for (const body of ['customs', 'transport']) await customs.request('POST', `/api/v1/vehicle-crossings/${v.id}/marks`, { body, reference: 'M-1' });
  const blocked = await booth.request('POST', `/api/v1/vehicle-crossings/${v.id}/decision`, { decision: 'pass' });
  assert.equal(blocked.statusCode, 409);
  assert.deepEqual(blocked.json().errors.map((e: { path: string }) => e.path), ['checks.risk_red_not_examined']);
  const noFindings = await customs.request('POST', `/api/v1/vehicle-crossings/${v.id}/examinations`, { kind: 'inspection', jointWithCustoms: true, result: 'findings' });
  assert.equal(noFindings.statusCode, 400);
  const examined = await customs.request('POST', `/api/v1/vehicle-crossings/${v.id}/examinations`, { kind: 'inspection', jointWithCustoms: true, result: 'nothing_found' });
  assert.equal(examined.statusCode, 200, examined.body);
  assert.equal(examined.json().examinations[0].jointWithCustoms, true);
  assert.equal((await booth.request('POST', `/api/v1/vehicle-crossings/${v.id}/decision`, { decision: 'pass' })).statusCode, 200);
  // only the Border Service decides
  const other = (await register({ plate: '555 XYZ 02', vehicleType: 'car', equeueBooking: 'EQ-2026-000555' })).json();
  assert.equal((await customs.request('POST', `/api/v1/vehicle-crossings/${other.id}/decision`, { decision: 'pass' })).statusCode, 404);
});

test('bad vehicle input names every field', async () => {
  const res = await register({ plate: '!', plateCountry: 'ZZZ', vin: 'SHORT', vehicleType: 'spaceship', cargoCategories: ['gold'], equeueBooking: '?' });
  assert.equal(res.statusCode, 400);
  assert.deepEqual([...new Set(res.json().errors.map((e: { path: string }) => e.path))].sort(), ['body.cargoCategories.0', 'body.equeueBooking', 'body.plate', 'body.plateCountry', 'body.vehicleType', 'body.vin']);
});

test('the vehicles at control of a checkpoint: listed for the Border Service and the control bodies, by status and plate, with their marks and channel; not for the police', async () => {
  const v = (await register({ plate: '909 LST 02', vehicleType: 'van', cargoCategories: ['general'] })).json();
  const list = async (client: Client, query: string) => {
    const res = await client.request('GET', `/api/v1/vehicle-crossings?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as Array<{ id: string; plate: string; status: string; requiredMarks: unknown[]; risk: { channel: string }; examinations: unknown[] }>;
  };
  const atControl = await list(booth, `checkpointId=${KORDAY}&status=in_control&status=examination`);
  const found = atControl.find((i) => i.id === v.id);
  assert.ok(found, 'the van is at control');
  assert.deepEqual([found.requiredMarks.length > 0, found.risk.channel], [true, v.risk.channel]);
  // by plate, whole, however it is spaced; customs sees it too
  assert.deepEqual((await list(customs, 'plate=909-lst-02')).map((i) => i.id), [v.id]);
  assert.deepEqual((await list(booth, 'plate=909LST')).map((i) => i.id), []);
  await customs.request('POST', `/api/v1/vehicle-crossings/${v.id}/examinations`, { kind: 'inspection', jointWithCustoms: true, result: 'nothing_found' });
  const examined = (await list(booth, `checkpointId=${KORDAY}&status=examination`)).find((i) => i.id === v.id);
  assert.equal(examined?.examinations.length, 1);
  assert.ok(!(await list(booth, `checkpointId=${KORDAY}&status=in_control`)).some((i) => i.id === v.id));
  // the police hold neither right: no vehicles
  assert.equal((await police.request('GET', '/api/v1/vehicle-crossings')).statusCode, 404);
  const bad = await booth.request('GET', '/api/v1/vehicle-crossings?status=parked&limit=0');
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['querystring.limit', 'querystring.status']);
});

test('a control body sees and marks only the vehicles at the checkpoints it serves: customs of another post gets 404, its list leaves them out', async () => {
  const v = (await register({ plate: '313 OTH 02', vehicleType: 'truck', cargoCategories: ['general'] })).json();
  // a customs post of its own, in no group of Korday's bodies
  const post = await makeUnit(w, { agency: 'MF-SRC', level: 4 });
  const other = await signIn(w.app, (await makeUser(w, { unitId: post.id, roles: [{ role: 'customs_officer' }] })).username);
  assert.equal((await other.request('GET', `/api/v1/vehicle-crossings/${v.id}`)).statusCode, 404);
  assert.equal((await other.request('POST', `/api/v1/vehicle-crossings/${v.id}/marks`, { body: 'customs', reference: 'X-1' })).statusCode, 404);
  assert.equal((await other.request('POST', `/api/v1/vehicle-crossings/${v.id}/examinations`, { kind: 'inspection', result: 'nothing_found' })).statusCode, 404);
  const theirs = await other.request('GET', '/api/v1/vehicle-crossings?plate=313OTH02');
  assert.equal(theirs.statusCode, 200, theirs.body);
  assert.deepEqual(theirs.json().items, []);
  // Korday's customs shift (its post is a member of Korday's groups) sees it and marks it
  assert.equal((await customs.request('GET', `/api/v1/vehicle-crossings/${v.id}`)).statusCode, 200);
  assert.deepEqual((await customs.request('GET', '/api/v1/vehicle-crossings?plate=313OTH02')).json().items.map((i: { id: string }) => i.id), [v.id]);
  assert.equal((await customs.request('POST', `/api/v1/vehicle-crossings/${v.id}/marks`, { body: 'customs', reference: 'KD-9' })).statusCode, 200);
});

test('the travellers in a vehicle are shown with it to the Border Service (an audited read), not to customs', async () => {
  const v = (await register({ plate: '717 BUS 02', vehicleType: 'bus', cargoCategories: ['empty'], equeueBooking: 'EQ-2026-000717' })).json();
  const person = (surname: string, number: string, vehicleRole: string) => booth.request('POST', '/api/v1/crossings', {
    checkpointId: KORDAY, laneId: seedId('lane', 'KORDAY/R-OUT-1'), direction: 'exit', transportMode: 'road', travellerCategory: 'rk_citizen', vehicleCrossingId: v.id, vehicleRole,
    document: { code: 'P', number, issuingState: 'KAZ', expiry: '2031-01-01' }, person: { surname, givenNames: 'TEST' },
  });
  const driver = (await person('AVTOBUSOV', 'N71771771', 'driver')).json();
  await person('PASSAZHIROVA', 'N71771772', 'passenger');
  const reads = async () => (await w.deps.db.selectFrom('auditEvent').select('id').where('action', '=', 'personal_data.read').where('entityId', '=', '*').execute()).length;
  const before = await reads();
  const seen = (await booth.request('GET', `/api/v1/vehicle-crossings/${v.id}`)).json();
  assert.deepEqual(seen.occupants.map((o: { surname: string; role: string; status: string }) => [o.surname, o.role, o.status]), [['AVTOBUSOV', 'driver', 'in_control'], ['PASSAZHIROVA', 'passenger', 'in_control']]);
  assert.equal(seen.occupants[0].crossingId, driver.id);
  assert.equal(await reads(), before + 1);
  // in a list only when asked for; a control body never
  assert.equal((await booth.request('GET', '/api/v1/vehicle-crossings?plate=717BUS02')).json().items[0].occupants, null);
  assert.equal((await booth.request('GET', '/api/v1/vehicle-crossings?plate=717BUS02&occupants=true')).json().items[0].occupants.length, 2);
  assert.equal((await customs.request('GET', `/api/v1/vehicle-crossings/${v.id}`)).json().occupants, null);
  assert.equal((await customs.request('GET', '/api/v1/vehicle-crossings?plate=717BUS02&occupants=true')).json().items[0].occupants, null);
});
