import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemo, seedId, seedReference } from '../src/demo/index.ts';
import { ADMIN_PASSWORD, makeUnit, makeUser, signIn, useAppWorld } from './helpers.ts';

const w = useAppWorld({ demo: true });

const KORDAY = seedId('checkpoint', 'KORDAY');

test('the demo seed is idempotent', async () => {
  assert.deepEqual(await seedDemo(w.deps), { inserted: 0 });
});

test('the checkpoint registry filters by neighbour and transport mode', async () => {
  const officer = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  const kg = (await officer.request('GET', '/api/v1/checkpoints?neighbour=KGZ')).json().items;
  assert.deepEqual(kg.map((c: { code: string }) => c.code).sort(), ['AK-ZHOL', 'KARASU', 'KORDAY']);
  const rail = (await officer.request('GET', '/api/v1/checkpoints?mode=rail')).json().items;
  assert.ok(rail.every((c: { transportModes: string[] }) => c.transportModes.includes('rail')));
  const air = (await officer.request('GET', '/api/v1/checkpoints?mode=air')).json().items;
  assert.ok(air.length >= 2 && air.every((c: { borderSectionId: string | null }) => c.borderSectionId === null));
  const korday = (await officer.request('GET', `/api/v1/checkpoints/${KORDAY}`)).json();
  assert.equal(korday.isJoint, true);
  assert.equal(korday.jointPartnerCountry, 'KGZ');
  assert.equal(korday.names.kk, 'Қордай');
  const bad = await officer.request('GET', '/api/v1/checkpoints?neighbour=kg&mode=boat');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors.length, 2);
});

test('working hours are read in the checkpoint\'s zone', async () => {
  const officer = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  // the test clock stands at 2026-11-20 06:00 UTC = 11:00 in Almaty; Bakhty works 09:00-18:00
  w.clock.set(new Date('2026-11-20T06:00:00Z'));
  assert.equal((await officer.request('GET', `/api/v1/checkpoints/${seedId('checkpoint', 'BAKHTY')}`)).json().isOpenNow, true);
  w.clock.set(new Date('2026-11-20T14:00:00Z')); // 19:00 local
  assert.equal((await (await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026')).request('GET', `/api/v1/checkpoints/${seedId('checkpoint', 'BAKHTY')}`)).json().isOpenNow, false);
  w.clock.set(new Date('2026-11-20T06:00:00Z'));
});

test('suspending crossing needs a reason and legal basis, keeps history and the MFA 72-hour deadline', async () => {
  const desk = await signIn(w.app, 'demo.refdata', 'Shekara-Demo-2026');
  const missing = await desk.request('POST', `/api/v1/checkpoints/${KORDAY}/status`, { status: 'suspended' });
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(missing.json().errors.map((e: { path: string }) => e.path).sort(), ['legalBasis', 'reason']);
  const until = new Date(w.clock.now().getTime() + 48 * 3_600_000).toISOString();
  const res = await desk.request('POST', `/api/v1/checkpoints/${KORDAY}/status`, { status: 'suspended', reason: 'Written request of the neighbouring state', legalBasis: 'Government decision No. 1 (test)', validUntil: until, requestedByNeighbour: true });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'suspended');
  assert.equal(res.json().isOpenNow, false);
  const history = (await desk.request('GET', `/api/v1/checkpoints/${KORDAY}/status-history`)).json().items;
  assert.equal(history[0].status, 'suspended');
  assert.equal(new Date(history[0].mfaNotifyBy).getTime() - new Date(history[0].createdAt).getTime(), 72 * 3_600_000);
  // after the period the checkpoint is open again without anyone touching it
  w.clock.advance(49 * 3_600_000);
  assert.equal((await (await signIn(w.app, 'demo.refdata', 'Shekara-Demo-2026')).request('GET', `/api/v1/checkpoints/${KORDAY}`)).json().status, 'open');
  const audit = await w.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'geo.checkpoint.status_set').where('entityId', '=', KORDAY).execute();
  assert.equal(audit.length, 1);
});

test('only a holder of checkpoint.status.decide may change a status', async () => {
  const booth = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  const res = await booth.request('POST', `/api/v1/checkpoints/${KORDAY}/status`, { status: 'open' });
  assert.equal(res.statusCode, 404);
});

test('checkpoints are created with validated references', async () => {
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const miaUnit = await makeUnit(w, { agency: 'MIA' });
  const body = {
    code: 'TEST-CP', names: { kk: 'Сынақ', ru: 'Тест', en: 'Test' }, borderSectionId: seedId('section', 'KAZ-CHN'), unitId: miaUnit.id,
    transportModes: ['road'], category: 'bilateral', isJoint: true, latitude: 44, longitude: 80, timeZone: 'Asia/Almaty', workingHours: { always: true },
  };
  const bad = await admin.request('POST', '/api/v1/checkpoints', body);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['jointPartnerCountry', 'unitId']);
  const ok = await admin.request('POST', '/api/v1/checkpoints', { ...body, unitId: undefined, isJoint: false });
  assert.equal(ok.statusCode, 201, ok.body);
  const inland = await admin.request('POST', '/api/v1/checkpoints', { ...body, code: 'TEST-CP2', unitId: undefined, isJoint: false, borderSectionId: undefined });
  assert.equal(inland.statusCode, 400);
  assert.equal(inland.json().errors[0].path, 'borderSectionId');
});

test('the legal register holds the seeded acts with status and repeal', async () => {
  const analyst = await signIn(w.app, 'demo.analyst', 'Shekara-Demo-2026');
  const acts = (await analyst.request('GET', '/api/v1/legal-acts')).json().items;
  const byCode = new Map(acts.map((a: { code: string }) => [a.code, a]));
  assert.equal((byCode.get('LAW-2013-70-V') as { status: string }).status, 'in_force');
  const sez = byCode.get('JO-2019-616-47') as { status: string; repealedOn: string; registrationNo: string };
  assert.deepEqual([sez.status, sez.repealedOn, sez.registrationNo], ['repealed', '2024-03-04', '19019']);
  const repealNoBasis = await (await signIn(w.app, 'admin', ADMIN_PASSWORD)).request('PUT', '/api/v1/legal-acts', {
    code: 'TEST-ACT', actType: 'order', number: '1', adoptedOn: '2026-01-01', titles: { en: 'Test' }, issuer: 'Test', status: 'repealed',
  });
  assert.equal(repealNoBasis.statusCode, 400);
  assert.deepEqual(repealNoBasis.json().errors.map((e: { path: string }) => e.path).sort(), ['repealedByText', 'repealedOn']);
  assert.equal((await analyst.request('PUT', '/api/v1/legal-acts', { code: 'TEST-ACT', actType: 'order', number: '1', adoptedOn: '2026-01-01', titles: { en: 'Test' }, issuer: 'Test', status: 'in_force' })).statusCode, 404);
});

test('the boundaries for the map come from the bundled data set', async () => {
  const analyst = await signIn(w.app, 'demo.analyst', 'Shekara-Demo-2026');
  const res = await analyst.request('GET', '/api/v1/geo/boundaries');
  assert.equal(res.statusCode, 200);
  const geo = res.json();
  assert.equal(geo.type, 'FeatureCollection');
  assert.ok(geo.features.some((f: { id: string }) => f.id === 'KAZ'));
  assert.ok(geo.features.length >= 6);
});

test('the sign-in page lists demo accounts only while demo data is loaded', async () => {
  const res = await w.app.inject({ method: 'GET', url: '/api/v1/demo-users' });
  assert.equal(res.json().demo, true);
  assert.ok(res.json().users.some((u: { username: string }) => u.username === 'demo.booth.korday'));
  await w.deps.db.updateTable('appUser').set({ isActive: false }).where('isDemo', '=', true).execute();
  const after = await w.app.inject({ method: 'GET', url: '/api/v1/demo-users' });
  assert.deepEqual(after.json(), { demo: false, users: [], password: null });
  await w.deps.db.updateTable('appUser').set({ isActive: true }).where('isDemo', '=', true).execute();
  void makeUser;
});

test('rule packs are titled in the three languages; a database seeded before that gets the titles on its next start, and only where none is set', async () => {
  const refusal = seedId('rule_pack', 'CROSSING-REFUSAL-REASONS@2013-01-16');
  const risk = seedId('rule_pack', 'CUSTOMS-RISK-RULES@2013-01-16');
  const titles = (id: string) => w.deps.db.selectFrom('rulePack').select(['titleKk', 'titleRu', 'titleEn']).where('id', '=', id).executeTakeFirstOrThrow();
  const seeded = await titles(refusal);
  assert.match(seeded.titleKk!, /бас тарту себептері/);
  assert.match(seeded.titleRu!, /^Причины отказа/);
  // as an older database has them: no Kazakh or Russian title; and one an administrator has titled
  await w.deps.db.updateTable('rulePack').set({ titleKk: null, titleRu: null }).where('id', '=', refusal).execute();
  await w.deps.db.updateTable('rulePack').set({ titleKk: 'Өз атауы', titleRu: 'Своё название' }).where('id', '=', risk).execute();
  await seedReference(w.deps);
  assert.deepEqual(await titles(refusal), seeded);
  assert.deepEqual([(await titles(risk)).titleKk, (await titles(risk)).titleRu], ['Өз атауы', 'Своё название']);
});
