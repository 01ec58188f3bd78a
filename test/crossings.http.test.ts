// Border control at checkpoints through the HTTP API: every decision path, the checks, the bad inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { seedId } from '../src/demo/index.ts';
import { verifyAuditChains, writeAudited, writeJoinerStats } from '../src/modules/audit/index.ts';
import { newId } from '../src/platform/ids.ts';
import { KORDAY, KORDAY_ROAD_IN, KORDAY_ROAD_OUT, passportMrz, signIn, startCrossing, useAppWorld, type Client } from './helpers.ts';

const ROAD_IN = KORDAY_ROAD_IN;
const ROAD_OUT = KORDAY_ROAD_OUT;

const passport = passportMrz;

let booth: Client;
let refdata: Client;
let customs: Client;
const w = useAppWorld({ demo: true }, async () => {
  booth = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  refdata = await signIn(w.app, 'demo.refdata', 'Shekara-Demo-2026');
  customs = await signIn(w.app, 'demo.customs.korday', 'Shekara-Demo-2026');
});

const start = (body: Record<string, unknown>, client = booth) => startCrossing(client, body);
const decide = (id: string, body: Record<string, unknown>) => booth.request('POST', `/api/v1/crossings/${id}/decision`, body);

test('a clean traveller: every check passes, the officer passes, the traveller leaves; each step is a version and audited', async () => {
  const mrz = passport({ surname: 'NURLANOV', given: 'ASKAR', number: 'N11223344', nationality: 'KAZ', dob: '850314', sex: 'M', expiry: '310101' });
  const res = await start({ mrz, travellerCategory: 'rk_citizen', vehicleRole: 'driver', vehicle: { plate: '123 ABC 02', country: 'KAZ' }, purpose: 'private' });
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json();
  assert.equal(c.status, 'in_control');
  assert.equal(c.person.surname, 'NURLANOV');
  assert.equal(c.document.number, 'N11223344');
  assert.equal(c.document.expiry, '2031-01-01');
  assert.deepEqual(c.checks.filter((k: { result: string }) => k.result === 'fail'), []);
  assert.deepEqual(c.suggested, { decision: 'pass', reasons: [] });
  // as stored (rows go in as JSON through jsonb_populate_recordset, audit.repository.ts): the lines an array, the checks a JSON array, defaults applied
  const stored = await w.deps.db.selectFrom('crossing').select(['mrzLines', 'checks', 'reasons', 'arrivedAt', 'dateOfBirth', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow();
  assert.deepEqual(stored.mrzLines, mrz);
  assert.deepEqual(stored.checks, c.checks);
  assert.deepEqual([stored.reasons, stored.version, stored.dateOfBirth], [[], 1, '1985-03-14']);
  assert.equal(new Date(stored.arrivedAt).toISOString(), c.arrivedAt);
  const first = await w.deps.db.selectFrom('crossingVersion').select(['snapshot', 'changedBy']).where('crossingId', '=', c.id).executeTakeFirstOrThrow();
  assert.deepEqual([(first.snapshot as { checks: unknown }).checks, (first.snapshot as { surname: string }).surname], [c.checks, 'NURLANOV']);
  const passed = await decide(c.id, { decision: 'pass' });
  assert.equal(passed.statusCode, 200, passed.body);
  assert.equal(passed.json().status, 'decided');
  // a second decision is a conflict: decisions do not overwrite
  const again = await decide(c.id, { decision: 'pass' });
  assert.equal(again.statusCode, 409);
  assert.deepEqual([again.json().code, again.json().crossingStatus], ['NOT_AT_CONTROL', 'decided']);
  const left = await booth.request('POST', `/api/v1/crossings/${c.id}/leave`);
  assert.equal(left.statusCode, 200, left.body);
  assert.equal(left.json().status, 'completed');
  assert.ok(left.json().leftAt);
  const versions = (await booth.request('GET', `/api/v1/crossings/${c.id}/versions`)).json().items;
  assert.deepEqual(versions.map((v: { change: string }) => v.change), ['registered', 'decided_pass', 'left_checkpoint']);
  const audit = await w.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', c.id).orderBy('occurredAt').execute();
  assert.deepEqual(audit.map((a) => a.action).filter((a) => a.startsWith('crossing.')), ['crossing.registered', 'crossing.decided', 'crossing.completed']);
});

test('a retry with the same id returns the same crossing and writes nothing twice', async () => {
  const id = newId();
  const mrz = passport({ surname: 'TEMIROV', given: 'ALMAS', number: 'N55667788', nationality: 'KAZ', dob: '900101', sex: 'M', expiry: '300101' });
  // without a category, the document says it: a Kazakh passport is a citizen's
  const first = await start({ id, mrz, travellerCategory: undefined });
  const joined = writeJoinerStats(w.deps.db).writes;
  const again = await start({ id, mrz, travellerCategory: undefined });
  // answered from what this process wrote: no second screening, no write bound to fail; only the audited read
  assert.equal(writeJoinerStats(w.deps.db).writes - joined, 1);
  // the same id for another checkpoint is another crossing: refused, whether remembered or read
  const other = await start({ id, mrz, checkpointId: seedId('checkpoint', 'BAKHTY'), laneId: undefined, travellerCategory: undefined });
  assert.equal(other.statusCode, 409, other.body);
  assert.equal(other.json().errors[0].code, 'ALREADY_USED');
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.json().travellerCategory, 'rk_citizen');
  assert.equal(again.json().id, id);
  const rows = await w.deps.db.selectFrom('crossing').select('id').where('id', '=', id).execute();
  assert.equal(rows.length, 1);
  assert.equal((await w.deps.db.selectFrom('crossingVersion').select('version').where('crossingId', '=', id).execute()).length, 1);
  assert.equal((await w.deps.db.selectFrom('auditEvent').select('id').where('entityId', '=', id).where('action', '=', 'crossing.registered').execute()).length, 1);
});

test('a change judged on a stale row is undone whole and judged again; two decisions at once: one wins, the other is refused', async () => {
  const mrz = (number: string) => passport({ surname: 'ABENOV', given: 'ERLAN', number, nationality: 'KAZ', dob: '880505', sex: 'M', expiry: '320101' });
  const first = (await start({ mrz: mrz('N70000001'), travellerCategory: 'rk_citizen' })).json();
  // another server process refuses the traveller (a statement this process neither sees nor caches)
  await sql`update crossing set status = 'decided', decision = 'secondary', version = 2 where id = ${first.id}`.execute(w.deps.db);
  await sql`insert into crossing_version (crossing_id, version, change, reason, snapshot, changed_at, changed_by) values (${first.id}, 2, 'elsewhere', null, '{}'::jsonb, now(), null)`.execute(w.deps.db);
  const stale = await decide(first.id, { decision: 'pass' });
  assert.equal(stale.statusCode, 409, stale.body);
  assert.match(stale.json().detail, /already decided/);
  const versions = await w.deps.db.selectFrom('crossingVersion').select('change').where('crossingId', '=', first.id).orderBy('version').execute();
  assert.deepEqual(versions.map((v) => v.change), ['registered', 'elsewhere']);
  assert.equal((await w.deps.db.selectFrom('auditEvent').select('id').where('entityId', '=', first.id).where('action', '=', 'crossing.decided').execute()).length, 0);

  const second = (await start({ mrz: mrz('N70000002'), travellerCategory: 'rk_citizen' })).json();
  const both = await Promise.all([decide(second.id, { decision: 'pass' }), decide(second.id, { decision: 'secondary', note: 'bag check' })]);
  assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
  const after = await w.deps.db.selectFrom('crossing').select(['status', 'version']).where('id', '=', second.id).executeTakeFirstOrThrow();
  assert.equal(after.version, 2);
  assert.equal((await w.deps.db.selectFrom('crossingVersion').select('version').where('crossingId', '=', second.id).execute()).length, 2);
});

test('booths at the same moment: their writes joined into fewer statements, each crossing written once with its versions and audit, the chains whole; two decisions on one traveller in one joined statement: one wins', async () => {
  const before = { ...writeJoinerStats(w.deps.db) };
  const mrzs = Array.from({ length: 24 }, (_, i) => passport({ surname: 'JOINED', given: `BOOTH${'ABCDEFGHIJKLMNOPQRSTUVWX'[i]}`, number: `N8${String(i).padStart(7, '0')}`, nationality: 'KAZ', dob: '800101', sex: 'F', expiry: '320101' }));
  const started = await Promise.all(mrzs.map((mrz) => start({ mrz, travellerCategory: 'rk_citizen' })));
  assert.deepEqual(started.map((r) => r.statusCode), mrzs.map(() => 201));
  const decided = await Promise.all(started.map((r) => decide(r.json().id, { decision: 'pass' })));
  assert.deepEqual(decided.map((r) => r.statusCode), mrzs.map(() => 200));
  const after = writeJoinerStats(w.deps.db);
  // (the embedded database runs in this thread: a write is done before the next request gets there)
  if (w.database.kind === 'postgres') assert.ok(after.statements - before.statements < after.writes - before.writes, `${after.writes - before.writes} writes took ${after.statements - before.statements} statements`);
  const ids = started.map((r) => r.json().id as string);
  const versions = await w.deps.db.selectFrom('crossingVersion').select(['crossingId', 'version', 'change']).where('crossingId', 'in', ids).execute();
  assert.equal(versions.length, 48);
  assert.ok(ids.every((id) => versions.filter((v) => v.crossingId === id).map((v) => v.change).sort().join() === 'decided_pass,registered'));
  const events = await w.deps.db.selectFrom('auditEvent').select(['entityId', 'action']).where('entityId', 'in', ids).execute();
  assert.equal(events.filter((e) => e.action === 'crossing.registered').length, 24);
  assert.equal(events.filter((e) => e.action === 'crossing.decided').length, 24);
  assert.equal((await verifyAuditChains(w.deps.db)).firstBreak, null);

  // the lane held by a slow write, two decisions on one traveller wait and go in one statement, which
  // fails whole (one row changed twice); tried again one by one, the first wins and the second is judged
  // again (on PostgreSQL: the embedded database's sleep holds this very thread, so nothing waits for it)
  if (w.database.kind !== 'postgres') return;
  const one = (await start({ mrz: passport({ surname: 'JOINED', given: 'TWICE', number: 'N89999999', nationality: 'KAZ', dob: '800101', sex: 'F', expiry: '320101' }), travellerCategory: 'rk_citizen' })).json();
  const retried = writeJoinerStats(w.deps.db).retried;
  const hold = writeAudited(w.deps, w.deps.db, null, [w.deps.db.insertInto('systemSetting').columns(['key', 'value']).expression(sql`select 'hold-the-lane', '{}'::jsonb from pg_sleep(0.3)`)], [{ action: 'test.hold', entityType: 'test', entityId: 'hold' }]);
  const both = await Promise.all([decide(one.id, { decision: 'pass' }), decide(one.id, { decision: 'secondary', note: 'bag check' }), hold]);
  assert.deepEqual(both.slice(0, 2).map((r) => r!.statusCode).sort(), [200, 409]);
  assert.ok(writeJoinerStats(w.deps.db).retried - retried >= 2, 'the joined statement failed and its writes were tried again in parts');
  assert.equal((await w.deps.db.selectFrom('crossingVersion').select('version').where('crossingId', '=', one.id).execute()).length, 2);
  assert.equal((await w.deps.db.selectFrom('auditEvent').select('id').where('entityId', '=', one.id).where('action', 'in', ['crossing.decided']).execute()).length, 1);
  assert.equal((await verifyAuditChains(w.deps.db)).firstBreak, null);
});

test('an expired passport of a foreigner: refused with coded reasons, the return country, and a notice in three languages', async () => {
  const mrz = passport({ surname: 'SMITH', given: 'JOHN', number: 'X1234567', nationality: 'GBR', dob: '700505', sex: 'M', expiry: '240101' });
  const c = (await start({ mrz })).json();
  assert.equal(c.checks.find((k: { code: string }) => k.code === 'document_expiry').result, 'fail');
  assert.deepEqual(c.suggested, { decision: 'refuse', reasons: ['DOCUMENT_EXPIRED'] });
  const blind = await decide(c.id, { decision: 'pass' });
  assert.equal(blind.statusCode, 409);
  assert.deepEqual([blind.json().code, blind.json().checks], ['CHECKS_FAIL', ['document_expiry']]);
  const bad = await decide(c.id, { decision: 'refuse', reasons: ['NO_SUCH_REASON', 'EXIT_BANNED'] });
  assert.equal(bad.statusCode, 400);
  // each bad field names its rule, for the booth to word it in the officer's language
  assert.deepEqual(bad.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort(), ['reasons.0:REASON_NOT_IN_FORCE', 'reasons.1:REASON_NOT_FOR_DIRECTION', 'returnToCountry:RETURN_STATE_REQUIRED']);
  assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['body.reasons.0', 'body.reasons.1', 'body.returnToCountry'].map((p) => p.replace('body.', '')).sort());
  const refused = await decide(c.id, { decision: 'refuse', reasons: ['DOCUMENT_EXPIRED'], returnToCountry: 'KGZ' });
  assert.equal(refused.statusCode, 200, refused.body);
  assert.equal(refused.json().decision, 'refuse');
  const kk = await booth.request('GET', `/api/v1/crossings/${c.id}/refusal-notice?lang=kk`);
  assert.equal(kk.statusCode, 200);
  assert.match(kk.headers['content-type'] as string, /text\/html/);
  assert.match(kk.body, /Мемлекеттік шекара арқылы өткізуден бас тарту/);
  assert.match(kk.body, /Құжаттың қолданылу мерзімі өткен \(«Мемлекеттік шекара туралы» Заң, 19-бап 7-т\.\)/);
  assert.match(kk.body, /KGZ/);
  const en = await booth.request('GET', `/api/v1/crossings/${c.id}/refusal-notice?lang=en`);
  assert.match(en.body, /The document has expired/);
  assert.match(en.body, /SMITH JOHN/);
});

test('a wanted person: the hit fails the checks, passing is refused, detention is recorded with its grounds', async () => {
  const mrz = passport({ surname: 'BELOUSOVA', given: 'KSENIIA', number: 'N12121212', nationality: 'KAZ', dob: '870921', sex: 'F', expiry: '300101' });
  const c = (await start({ mrz, travellerCategory: 'rk_citizen', laneId: ROAD_OUT, direction: 'exit' })).json();
  assert.equal(c.hits[0]?.list, 'DEMO-MIA-WANTED');
  assert.ok(c.hits[0]?.alertId);
  assert.equal(c.checks.find((k: { code: string }) => k.code === 'watchlists').result, 'fail');
  assert.equal(c.suggested.decision, 'detain');
  assert.equal((await decide(c.id, { decision: 'pass' })).statusCode, 409);
  const noGrounds = await decide(c.id, { decision: 'detain' });
  assert.equal(noGrounds.statusCode, 400);
  assert.deepEqual(noGrounds.json().errors.map((e: { path: string }) => e.path), ['note']);
  const detained = await decide(c.id, { decision: 'detain', note: 'Wanted by the MIA (DEMO-W-1); handed to the duty officer' });
  assert.equal(detained.statusCode, 200, detained.body);
  const detention = await w.deps.db.selectFrom('detention').selectAll().where('crossingId', '=', c.id).executeTakeFirstOrThrow();
  assert.equal(detention.status, 'open');
  assert.match(detention.grounds, /Wanted/);
});

test('an exit ban refuses a citizen on exit; the same person entering is not refused on it', async () => {
  const mrz = passport({ surname: 'SEITKALI', given: 'MAGZHAN ERLANULY', number: 'N90909090', nationality: 'KAZ', dob: '920211', sex: 'M', expiry: '300101' });
  const out = (await start({ mrz, travellerCategory: 'rk_citizen', laneId: ROAD_OUT, direction: 'exit' })).json();
  assert.equal(out.checks.find((k: { code: string }) => k.code === 'exit_ban').result, 'fail');
  assert.deepEqual(out.suggested, { decision: 'refuse', reasons: ['EXIT_BANNED'] });
  const refused = await decide(out.id, { decision: 'refuse', reasons: ['EXIT_BANNED'] });
  assert.equal(refused.statusCode, 200, refused.body);
  const back = (await start({ mrz, travellerCategory: 'rk_citizen' })).json();
  assert.equal(back.checks.find((k: { code: string }) => k.code === 'entry_ban').result, 'pass');
});

test('secondary inspection: referred with a reason, closed with findings and an outcome', async () => {
  const mrz = passport({ surname: 'KARIMOV', given: 'JASUR', number: 'FA7654321', nationality: 'UZB', dob: '900512', sex: 'M', expiry: '300101' });
  const c = (await start({ mrz })).json();
  assert.equal(c.checks.find((k: { code: string }) => k.code === 'entry_ban').result, 'fail');
  const referred = await decide(c.id, { decision: 'secondary', note: 'Possible namesake of an entry ban: compare photographs' });
  assert.equal(referred.json().status, 'secondary');
  const noFindings = await decide(c.id, { decision: 'pass' });
  assert.equal(noFindings.statusCode, 400);
  assert.equal((await decide(c.id, { decision: 'secondary', note: 'again' })).statusCode, 400);
  const cleared = await decide(c.id, { decision: 'pass', note: 'Another person: different photograph and place of birth' });
  assert.equal(cleared.statusCode, 200, cleared.body);
  assert.equal(cleared.json().decision, 'pass');
  const inspection = await w.deps.db.selectFrom('secondaryInspection').selectAll().where('crossingId', '=', c.id).executeTakeFirstOrThrow();
  assert.equal(inspection.outcome, 'pass');
  assert.ok(inspection.closedAt);
});

test('a registered lost document is seized; a person without confirmed identity is held, then handed to the police', async () => {
  assert.equal((await refdata.request('POST', '/api/v1/lost-documents', { issuingState: 'KAZ', number: 'N31313131', status: 'stolen', source: 'MIA notice 7' })).statusCode, 201);
  const c = (await start({ travellerCategory: 'rk_citizen', document: { code: 'P', number: 'N31313131', issuingState: 'KAZ', expiry: '2030-01-01' }, person: { surname: 'Омаров', givenNames: 'Бекзат', dateOfBirth: '1991-03-03' } })).json();
  assert.equal(c.checks.find((k: { code: string }) => k.code === 'document_register').result, 'fail');
  assert.equal(c.checks.find((k: { code: string }) => k.code === 'mrz').result, 'warn');
  assert.deepEqual(c.suggested, { decision: 'seize_document', reasons: ['DOCUMENT_INVALID'] });
  const seized = await decide(c.id, { decision: 'seize_document', note: 'Registered as stolen (MIA notice 7)' });
  assert.equal(seized.statusCode, 200, seized.body);
  const seizure = await w.deps.db.selectFrom('documentSeizure').selectAll().where('crossingId', '=', c.id).executeTakeFirstOrThrow();
  assert.equal(seizure.kind, 'invalid');
  const held = (await start({ travellerCategory: 'rk_citizen', document: { code: 'ID', number: '000000001', issuingState: 'KAZ' }, person: { surname: 'Unknown' } })).json();
  const hold = await decide(held.id, { decision: 'hold_identification', note: 'Lost his passport abroad; fingerprint query sent' });
  assert.equal(hold.json().status, 'secondary');
  const handed = await decide(held.id, { decision: 'handed_to_police', note: 'Identity not confirmed: handed to the Korday district police (Art. 35(5))' });
  assert.equal(handed.statusCode, 200, handed.body);
  assert.equal(handed.json().decision, 'hold_identification');
});

test('bad input: an invalid MRZ is a 422 by field; a suspended checkpoint and a mode not served are refused with the reason; unknown ids are 404', async () => {
  const mrz = passport({ surname: 'NURLANOV', given: 'ASKAR', number: 'N11223344', nationality: 'KAZ', dob: '850314', sex: 'M', expiry: '310101' });
  const broken = await start({ mrz: [mrz[0], mrz[1]!.replace('850314', '850315')] });
  assert.equal(broken.statusCode, 422);
  assert.deepEqual([...new Set(broken.json().errors.map((e: { path: string }) => e.path))].sort(), ['mrz.composite', 'mrz.dateOfBirth']);
  // the parsed MRZ comes with the problem: the booth names each field and code in the officer's language
  assert.deepEqual(broken.json().mrz.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort(), ['composite:CHECK_DIGIT', 'dateOfBirth:CHECK_DIGIT']);
  const misread = await start({ mrz: [mrz[0], mrz[1]!.replace('850314', '85O314')] });
  assert.equal(misread.statusCode, 422);
  assert.ok(misread.json().mrz.suggestions.some((x: { field: string; suggested: string }) => x.field === 'dateOfBirth' && x.suggested === '850314'), misread.body);
  const rail = await start({ mrz, transportMode: 'rail', laneId: undefined });
  assert.equal(rail.statusCode, 422);
  assert.equal(rail.json().code, 'MODE_NOT_SERVED');
  assert.deepEqual(rail.json().transportModes, ['road', 'pedestrian']);
  const lane = await start({ mrz, direction: 'exit' });
  assert.equal(lane.statusCode, 422);
  assert.deepEqual(lane.json().errors.map((e: { path: string }) => e.path), ['direction']);
  assert.equal((await start({ mrz, checkpointId: newId() })).statusCode, 404);
  assert.equal((await start({ mrz, laneId: newId() })).statusCode, 404);
  const body = await start({ direction: 'sideways', travellerCategory: 'alien', vehicle: { plate: '!' } });
  assert.equal(body.statusCode, 400);
  assert.deepEqual([...new Set(body.json().errors.map((e: { path: string }) => e.path))].sort(), ['body.direction', 'body.mrz', 'body.person', 'body.travellerCategory', 'body.vehicle.country', 'body.vehicle.plate']);
  const suspend = await refdata.request('POST', `/api/v1/checkpoints/${KORDAY}/status`, { status: 'suspended', reason: 'Flood on the approach road', legalBasis: 'Government decision (demo)' });
  assert.equal(suspend.statusCode, 200, suspend.body);
  const closed = await start({ mrz });
  assert.equal(closed.statusCode, 422);
  assert.equal(closed.json().code, 'CHECKPOINT_SUSPENDED');
  assert.match(closed.json().detail, /Flood on the approach road/);
  assert.deepEqual([closed.json().reason, closed.json().legalBasis], ['Flood on the approach road', 'Government decision (demo)']);
  await refdata.request('POST', `/api/v1/checkpoints/${KORDAY}/status`, { status: 'open' });
});

test('a decision may cover only some modes and directions: road exit suspended, road entry goes on; a restriction warns', async () => {
  const mrz = passport({ surname: 'SEITOV', given: 'MARAT', number: 'N55443322', nationality: 'KAZ', dob: '870505', sex: 'M', expiry: '310101' });
  const bad = await refdata.request('POST', `/api/v1/checkpoints/${KORDAY}/status`, { status: 'suspended', reason: 'Freight queue on the exit', legalBasis: 'Government decision (test)', transportModes: ['road', 'air'], directions: ['exit'] });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path), ['transportModes.1']);
  const suspend = await refdata.request('POST', `/api/v1/checkpoints/${KORDAY}/status`, { status: 'suspended', reason: 'Freight queue on the exit', legalBasis: 'Government decision (test)', transportModes: ['road'], directions: ['exit'] });
  assert.equal(suspend.statusCode, 200, suspend.body);
  assert.deepEqual([suspend.json().statusModes, suspend.json().statusDirections, suspend.json().isOpenNow], [['road'], ['exit'], true]);
  const out = await start({ mrz, travellerCategory: 'rk_citizen', direction: 'exit', laneId: ROAD_OUT });
  assert.equal(out.statusCode, 422);
  assert.equal(out.json().code, 'CHECKPOINT_SUSPENDED');
  assert.match(out.json().detail, /road \/ exit/);
  const entry = await start({ mrz, travellerCategory: 'rk_citizen' });
  assert.equal(entry.statusCode, 201, entry.body);
  assert.equal(entry.json().checks.find((c: { code: string }) => c.code === 'checkpoint_status').result, 'pass');
  await refdata.request('POST', `/api/v1/checkpoints/${KORDAY}/status`, { status: 'restricted', reason: 'Only RK citizens on entry', legalBasis: 'Government decision (test)', directions: ['entry'] });
  const restricted = await start({ mrz: passport({ surname: 'SEITOVA', given: 'ALIYA', number: 'N55443323', nationality: 'KAZ', dob: '880505', sex: 'F', expiry: '310101' }), travellerCategory: 'rk_citizen' });
  assert.equal(restricted.statusCode, 201, restricted.body);
  const check = restricted.json().checks.find((c: { code: string }) => c.code === 'checkpoint_status');
  assert.equal(check.result, 'warn');
  assert.match(check.detail, /Only RK citizens on entry/);
  const history = (await refdata.request('GET', `/api/v1/checkpoints/${KORDAY}/status-history`)).json().items;
  assert.deepEqual([history[0].directions, history[1].transportModes], [['entry'], ['road']]);
  await refdata.request('POST', `/api/v1/checkpoints/${KORDAY}/status`, { status: 'open' });
});

test('another agency sees no crossing: 404 for the record and an empty list', async () => {
  const mrz = passport({ surname: 'ABENOV', given: 'ERIK', number: 'N44556677', nationality: 'KAZ', dob: '800101', sex: 'M', expiry: '300101' });
  const c = (await start({ mrz, travellerCategory: 'rk_citizen' })).json();
  assert.equal((await customs.request('GET', `/api/v1/crossings/${c.id}`)).statusCode, 404);
  assert.equal((await customs.request('POST', `/api/v1/crossings/${c.id}/decision`, { decision: 'pass' })).statusCode, 404);
  assert.equal((await start({ mrz }, customs)).statusCode, 404);
  const list = await booth.request('GET', `/api/v1/crossings?checkpointId=${KORDAY}&limit=200`);
  assert.ok(list.json().items.some((x: { id: string }) => x.id === c.id));
  // the supervisor's queue asks for several states at once (one audited read)
  const open = await booth.request('GET', `/api/v1/crossings?checkpointId=${KORDAY}&status=in_control&status=secondary&limit=200`);
  assert.equal(open.statusCode, 200, open.body);
  assert.ok(open.json().items.some((x: { id: string }) => x.id === c.id));
  assert.ok(open.json().items.every((x: { status: string }) => x.status === 'in_control' || x.status === 'secondary'));
  const decidedOnly = await booth.request('GET', `/api/v1/crossings?checkpointId=${KORDAY}&status=decided&limit=200`);
  assert.ok(!decidedOnly.json().items.some((x: { id: string }) => x.id === c.id));
  assert.equal((await booth.request('GET', `/api/v1/crossings?status=in_control&status=gone`)).statusCode, 400);
  const reasons = (await booth.request('GET', '/api/v1/refusal-reasons')).json();
  assert.equal(reasons.code, 'CROSSING-REFUSAL-REASONS');
  assert.ok(reasons.reasons.some((r: { code: string }) => r.code === 'EXIT_BANNED'));
  const lanes = (await booth.request('GET', `/api/v1/checkpoints/${KORDAY}/lanes`)).json().items;
  assert.deepEqual(lanes.map((l: { code: string }) => l.code), ['P-IN-1', 'P-OUT-1', 'R-IN-1', 'R-OUT-1']);
});

test('a correction is a new version with its reason; the supervisor sees the queue and each lane\'s throughput', async () => {
  const mrz = passport({ surname: 'KOZHAKHMETOV', given: 'DAUREN', number: 'N77665544', nationality: 'KAZ', dob: '790101', sex: 'M', expiry: '300101' });
  const c = (await start({ mrz, travellerCategory: 'rk_citizen' })).json();
  const empty = await booth.request('POST', `/api/v1/crossings/${c.id}/corrections`, { reason: 'nothing to change' });
  assert.equal(empty.statusCode, 400);
  const fixed = await booth.request('POST', `/api/v1/crossings/${c.id}/corrections`, { reason: 'Driver, not passenger: seen at the barrier', vehicleRole: 'driver', vehicle: { plate: '777 AAA 02', country: 'KAZ' }, purpose: 'business' });
  assert.equal(fixed.statusCode, 200, fixed.body);
  assert.equal(fixed.json().vehicle.plate, '777 AAA 02');
  assert.equal(fixed.json().version, 2);
  const versions = (await booth.request('GET', `/api/v1/crossings/${c.id}/versions`)).json().items;
  assert.deepEqual(versions.map((v: { change: string; reason: string | null }) => [v.change, v.reason]), [['registered', null], ['corrected', 'Driver, not passenger: seen at the barrier']]);
  await decide(c.id, { decision: 'pass' });
  const head = await signIn(w.app, 'demo.head.korday', 'Shekara-Demo-2026');
  const stats = await head.request('GET', `/api/v1/checkpoints/${KORDAY}/control-stats?since=2020-01-01T00:00:00Z`);
  assert.equal(stats.statusCode, 200, stats.body);
  const lane = stats.json().lanes.find((l: { code: string }) => l.code === 'R-IN-1');
  assert.ok(lane.crossings >= 1 && lane.passed >= 1, stats.body);
  assert.ok(stats.json().open.awaitingExit >= 1);
  // a refused traveller who has not yet gone back is counted apart, and no longer once gone
  const refused = (await start({ mrz: passport({ surname: 'GONEBACK', given: 'PAUL', number: 'X7654321', nationality: 'GBR', dob: '700505', sex: 'M', expiry: '240101' }) })).json();
  assert.equal((await decide(refused.id, { decision: 'refuse', reasons: ['DOCUMENT_EXPIRED'], returnToCountry: 'KGZ' })).statusCode, 200);
  const open = async () => (await head.request('GET', `/api/v1/checkpoints/${KORDAY}/control-stats`)).json().open;
  const withRefused = await open();
  assert.equal(withRefused.refusedNotYetOut, stats.json().open.refusedNotYetOut + 1);
  assert.equal((await booth.request('POST', `/api/v1/crossings/${refused.id}/leave`)).statusCode, 200);
  assert.equal((await open()).refusedNotYetOut, withRefused.refusedNotYetOut - 1);
  assert.equal((await customs.request('GET', `/api/v1/checkpoints/${KORDAY}/control-stats`)).statusCode, 404);
});
