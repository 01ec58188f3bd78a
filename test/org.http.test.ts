import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../src/platform/ids.ts';
import { ADMIN_PASSWORD, makeOfficer, makeUnit, makeUser, signIn, useAppWorld } from './helpers.ts';

const w = useAppWorld();

const names = (en: string) => ({ kk: `${en} kk`, ru: `${en} ru`, en });

test('units are created one level below their parent, up to the shift level', async () => {
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const root = await makeUnit(w, { agency: 'NSC-BS', level: 4 });
  const shift = await admin.request('POST', '/api/v1/units', { parentId: root.id, unitType: 'BS_SHIFT', code: 'T-SHIFT-1', names: names('Shift 1') });
  assert.equal(shift.statusCode, 201, shift.body);
  assert.equal(shift.json().level, 5);
  assert.deepEqual(shift.json().path, [root.id, shift.json().id]);
  assert.equal(shift.json().timeZone, 'Asia/Almaty');
  const below = await admin.request('POST', '/api/v1/units', { parentId: shift.json().id, unitType: 'X', code: 'T-BELOW', names: names('Below') });
  assert.equal(below.statusCode, 400);
  assert.equal(below.json().errors[0].path, 'parentId');
  const dup = await admin.request('POST', '/api/v1/units', { parentId: root.id, unitType: 'BS_SHIFT', code: 'T-SHIFT-1', names: names('Again') });
  assert.equal(dup.statusCode, 409);
  const badZone = await admin.request('POST', '/api/v1/units', { parentId: root.id, unitType: 'BS_SHIFT', code: 'T-SHIFT-2', names: names('Zone'), timeZone: 'Mars/Olympus' });
  assert.equal(badZone.statusCode, 400);
  assert.equal(badZone.json().errors[0].path, 'body.timeZone');
});

test('a retried create with the same writer-made id is idempotent', async () => {
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const root = await makeUnit(w, { agency: 'MIA', level: 2 });
  const id = newId();
  const body = { id, parentId: root.id, unitType: 'DISTRICT_POLICE', code: 'T-DP-1', names: names('District') };
  const first = await admin.request('POST', '/api/v1/units', body);
  const again = await admin.request('POST', '/api/v1/units', body);
  assert.equal(first.statusCode, 201);
  assert.equal(again.statusCode, 201);
  assert.equal(again.json().id, id);
  const rows = await w.deps.db.selectFrom('unit').select('id').where('code', '=', 'T-DP-1').execute();
  assert.equal(rows.length, 1);
});

test('a unit head manages only their own subtree; another agency\'s unit is a 404', async () => {
  const detachment = await makeUnit(w, { agency: 'NSC-BS', level: 3 });
  const otherDetachment = await makeUnit(w, { agency: 'NSC-BS', level: 3 });
  const police = await makeUnit(w, { agency: 'MIA', level: 3 });
  const head = await makeUser(w, { unitId: detachment.id, roles: [{ role: 'agency_admin', scopeUnitId: detachment.id }] });
  const client = await signIn(w.app, head.username);
  const ok = await client.request('POST', '/api/v1/units', { parentId: detachment.id, unitType: 'POST', code: 'T-POST-OWN', names: names('Own post') });
  assert.equal(ok.statusCode, 201);
  const sibling = await client.request('POST', '/api/v1/units', { parentId: otherDetachment.id, unitType: 'POST', code: 'T-POST-SIB', names: names('Sibling') });
  assert.equal(sibling.statusCode, 404);
  const foreign = await client.request('PATCH', `/api/v1/units/${police.id}`, { isActive: false });
  assert.equal(foreign.statusCode, 404);
  // reference data stays readable across agencies
  assert.equal((await client.request('GET', `/api/v1/units/${police.id}`)).statusCode, 200);
});

test('officers: visible inside the agency and scope only, and every read is audited', async () => {
  const bsUnit = await makeUnit(w, { agency: 'NSC-BS', level: 3 });
  const miaUnit = await makeUnit(w, { agency: 'MIA', level: 3 });
  const bsOfficer = await makeOfficer(w, { unitId: bsUnit.id, surname: 'Serikov' });
  const miaOfficer = await makeOfficer(w, { unitId: miaUnit.id, surname: 'Petrov' });
  const bsDuty = await makeUser(w, { unitId: bsUnit.id, roles: [{ role: 'duty_officer', scopeUnitId: bsUnit.id }] });
  const client = await signIn(w.app, bsDuty.username);
  const list = await client.request('GET', '/api/v1/officers');
  assert.deepEqual(list.json().items.map((o: { id: string }) => o.id), [bsOfficer.id]);
  assert.equal((await client.request('GET', `/api/v1/officers/${bsOfficer.id}`)).statusCode, 200);
  const other = await client.request('GET', `/api/v1/officers/${miaOfficer.id}`);
  assert.equal(other.statusCode, 404);
  assert.equal(other.json().detail, 'Officer was not found.');
  const reads = await w.deps.db.selectFrom('auditEvent').selectAll().where('action', '=', 'personal_data.read').where('actorUserId', '=', bsDuty.id).execute();
  assert.equal(reads.length, 2);
  assert.deepEqual(reads.map((r) => r.entityId), [bsOfficer.id, bsOfficer.id]);
  assert.ok(reads.every((r) => (r.details as { ids: string[] }).ids.includes(bsOfficer.id) && !(r.details as { ids: string[] }).ids.includes(miaOfficer.id)));
});

test('officer registration validates every field and refuses a duplicate certificate', async () => {
  const unit = await makeUnit(w, { agency: 'MF-SRC', level: 4 });
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const bad = await admin.request('POST', '/api/v1/officers', { unitId: 'x', surname: '', position: 'a'.repeat(300), serviceCertificateNo: '!!' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['body.givenNames', 'body.position', 'body.serviceCertificateNo', 'body.surname', 'body.unitId']);
  const body = { unitId: unit.id, surname: 'Әбенова', givenNames: 'Динара', position: 'Customs inspector', serviceCertificateNo: 'ГД-777001' };
  assert.equal((await admin.request('POST', '/api/v1/officers', body)).statusCode, 201);
  const dup = await admin.request('POST', '/api/v1/officers', { ...body, surname: 'Other' });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().errors[0].path, 'serviceCertificateNo');
});

test('users: an agency administrator creates users in their agency with roles the agency may hold', async () => {
  const region = await makeUnit(w, { agency: 'MIA', level: 2 });
  const bsUnit = await makeUnit(w, { agency: 'NSC-BS', level: 2 });
  const agencyAdmin = await makeUser(w, { unitId: region.id, roles: [{ role: 'agency_admin', scopeUnitId: region.id }] });
  const client = await signIn(w.app, agencyAdmin.username);
  const bad = await client.request('POST', '/api/v1/users', {
    username: 'mig.officer', displayName: 'Migration officer', password: 'weak', unitId: region.id,
    roles: [{ role: 'border_officer' }, { role: 'admin' }, { role: 'no_such_role' }],
  });
  assert.equal(bad.statusCode, 400);
  const paths = bad.json().errors.map((e: { path: string }) => e.path);
  for (const p of ['password', 'roles.0.role', 'roles.1.role', 'roles.2.role']) assert.ok(paths.includes(p), `${p} in ${paths}`);
  const created = await client.request('POST', '/api/v1/users', {
    username: 'mig.officer', displayName: 'Migration officer', password: 'Migration-Post-2026', unitId: region.id, roles: [{ role: 'migration_officer' }],
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal((await signIn(w.app, 'mig.officer', 'Migration-Post-2026')).csrf.length > 10, true);
  const outside = await client.request('POST', '/api/v1/users', { username: 'bs.officer', displayName: 'x', password: 'Border-Post-2026', unitId: bsUnit.id, roles: [] });
  assert.equal(outside.statusCode, 404);
  const list = await client.request('GET', '/api/v1/users');
  assert.ok(list.json().items.every((u: { agencyId: string }) => u.agencyId === region.agencyId));
});

test('deactivating a user ends their sessions at once', async () => {
  const unit = await makeUnit(w, { agency: 'MIA', level: 3 });
  const user = await makeUser(w, { unitId: unit.id, roles: [{ role: 'police_officer' }] });
  const session = await signIn(w.app, user.username);
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  assert.equal((await admin.request('PATCH', `/api/v1/users/${user.id}`, { isActive: false })).statusCode, 200);
  assert.equal((await session.request('GET', '/api/v1/auth/session')).statusCode, 401);
});

test('counterpart groups link units of different agencies', async () => {
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const bs = await makeUnit(w, { agency: 'NSC-BS', level: 4 });
  const mia = await makeUnit(w, { agency: 'MIA', level: 4 });
  const customs = await makeUnit(w, { agency: 'MF-SRC', level: 4 });
  const res = await admin.request('POST', '/api/v1/counterparts', { purpose: 'migration_interaction', level: 4, names: names('Triad'), members: [{ unitId: bs.id, role: 'border_service' }, { unitId: mia.id, role: 'migration_police' }, { unitId: customs.id, role: 'customs' }] });
  assert.equal(res.statusCode, 201, res.body);
  const forMia = await admin.request('GET', `/api/v1/counterparts?unitId=${mia.id}`);
  assert.equal(forMia.json().items.length, 1);
  assert.equal(forMia.json().items[0].members.length, 3);
});
