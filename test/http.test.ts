import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { recordChange } from '../src/modules/audit/index.ts';
import { ADMIN_PASSWORD, makeUnit, signIn, sourceText, useAppWorld, type Client } from './helpers.ts';

let admin: Client;
const w = useAppWorld({ config: { bodyLimitBytes: 4096 } }, async () => {
  admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
});

const isProblem = (res: { headers: Record<string, unknown>; json(): Record<string, unknown> }) => {
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  for (const key of ['type', 'title', 'status', 'detail', 'errors']) assert.ok(key in body, `problem has ${key}`);
};

test('health, readiness, metrics and the OpenAPI document', async () => {
  assert.deepEqual((await w.app.inject('/health/live')).json(), { status: 'ok' });
  assert.equal((await w.app.inject('/health/ready')).json().status, 'ok');
  const metrics = await w.app.inject('/metrics');
  assert.match(metrics.body, /shekara_http_request_duration_seconds/);
  assert.match(metrics.body, /shekara_outbox_pending/);
  assert.match(metrics.body, /^shekara_outbox_oldest_pending_seconds \d+(\.\d+)?$/m);
  // an event waits (no relay here): its age is the gauge
  await recordChange(w.deps, w.deps.db, null, { action: 'test.happened', entityType: 'test', entityId: 't-1' });
  w.clock.advance(90_000);
  assert.match((await w.app.inject('/metrics')).body, /^shekara_outbox_oldest_pending_seconds (9\d|1\d\d+)(\.\d+)?$/m);
  // the audited writes made outside a transaction and the statements they took (group commit)
  const written = (await w.app.inject('/metrics')).body;
  const total = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(written)?.[1]);
  assert.ok(total('shekara_audited_writes_total') >= 1, written.slice(0, 200));
  assert.ok(total('shekara_audited_write_statements_total') >= 1 && total('shekara_audited_write_statements_total') <= total('shekara_audited_writes_total'));
  const doc = (await w.app.inject('/api/openapi.json')).json();
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(Object.keys(doc.paths).length >= 25);
  assert.ok(doc.paths['/api/v1/checkpoints'].get.responses['200']);
});

test('malformed JSON, wrong types, unknown fields and bad ids are 400 problems naming each field', async () => {
  const malformed = await w.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, payload: '{"parentId":' });
  assert.equal(malformed.statusCode, 400);
  isProblem(malformed);
  assert.equal(malformed.json().code, 'MALFORMED_JSON');
  const wrong = await admin.request('POST', '/api/v1/units', { parentId: 42, unitType: [], code: 'ok', names: { kk: 'a', ru: 'b', en: 'c', de: 'd' }, colour: 'red' });
  assert.equal(wrong.statusCode, 400);
  isProblem(wrong);
  const paths = wrong.json().errors.map((e: { path: string }) => e.path);
  for (const p of ['body.parentId', 'body.unitType', 'body.code', 'body.names', 'body']) assert.ok(paths.includes(p), `${p} in ${paths}`);
  const badId = await admin.request('GET', '/api/v1/officers/12');
  assert.equal(badId.statusCode, 400);
  assert.equal(badId.json().errors[0].path, 'params.id');
  assert.deepEqual(badId.json().errors[0].code, 'INVALID_FORMAT');
});

test('each bad field names its rule and the values its words need, for the interface to say in the user\'s language', async () => {
  const res = await admin.request('POST', '/api/v1/units', { parentId: 42, code: 'lower case', names: { kk: 'a', ru: 'b', en: 'c' }, unitType: '', timeZone: 'Mars/Olympus', colour: 'red' });
  assert.equal(res.statusCode, 400);
  type Issue = { path: string; code: string; message: string; params: Record<string, unknown> & { minimum?: number; values?: string[] } };
  const byPath = new Map<string, Issue>(res.json().errors.map((e: Issue) => [e.path, e]));
  const at = (path: string) => byPath.get(path)!;
  assert.deepEqual(at('body.parentId'), { path: 'body.parentId', code: 'INVALID_TYPE', message: at('body.parentId').message, params: { expected: 'string' } });
  assert.deepEqual([at('body.code').code, at('body.code').params.format], ['INVALID_FORMAT', 'regex']);
  assert.deepEqual([at('body.unitType').code, at('body.unitType').params.minimum], ['EMPTY', 1]);
  assert.equal(at('body.timeZone').code, 'TIME_ZONE');
  assert.deepEqual(at('body').params, { keys: ['colour'] });
  assert.equal(at('body').code, 'UNKNOWN_FIELDS');
  // a field left out is REQUIRED, not a wrong type
  const missing = await admin.request('POST', '/api/v1/units', { names: { kk: 'a', ru: 'b', en: 'c' } });
  const codes = Object.fromEntries(missing.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]));
  assert.equal(codes['body.code'], 'REQUIRED');
  assert.equal(codes['body.parentId'], 'REQUIRED');
  // a rule of the law checked across fields names itself
  const channel = await admin.request('POST', '/api/v1/notification-channels', { kind: 'email', target: 'not-an-address' });
  assert.equal(channel.statusCode, 400);
  assert.deepEqual(channel.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['body.target', 'EMAIL_ADDRESS']]);
  const fax = await admin.request('POST', '/api/v1/notification-channels', { kind: 'fax', target: '+7 727 000' });
  assert.deepEqual(fax.json().errors.map((e: { path: string; code: string; params: unknown }) => [e.path, e.code, e.params]), [['body.kind', 'NOT_ALLOWED', { values: ['email', 'webhook'] }]]);
  // a bad query string too
  const query = await admin.request('GET', '/api/v1/audit-events?limit=0');
  assert.equal(query.json().errors[0].path, 'querystring.limit');
  assert.equal(query.json().errors[0].code, 'TOO_SMALL');
});

test('a missing body, a cross-field rule on a non-object and an overlong path parameter are 4xx problems, not 500s', async () => {
  for (const body of [null, '', 5]) {
    const res = await admin.request('POST', '/api/v1/exchange/messages', body);
    assert.equal(res.statusCode, res.statusCode === 415 ? 415 : 400, res.body);
    isProblem(res);
  }
  const channel = await admin.request('POST', '/api/v1/notification-channels', null);
  assert.equal(channel.statusCode, 400);
  assert.equal(channel.json().errors[0].code, 'REQUIRED');
  const long = await admin.request('GET', `/api/v1/checkpoints/${'x'.repeat(300)}`);
  assert.equal(long.statusCode, 414);
  isProblem(long);
  assert.equal(long.json().code, 'URI_TOO_LONG');
});

test('every problem\'s type points to a page that explains its code', async () => {
  const page = await w.app.inject('/docs/problems');
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  const ids = new Set([...page.body.matchAll(/ id="([a-z0-9-]+)"/g)].map((m) => m[1]));
  // every code the server makes, read from its source
  const source = sourceText();
  const codes = new Set([
    ...[...source.matchAll(/new (?:DomainError|CrossingRefusedError)\('([A-Z_]+)', (?:4\d\d)/g)].map((m) => m[1]!),
    ...[...source.matchAll(/super\('([A-Z_]+)', 4\d\d/g)].map((m) => m[1]!),
    ...[...source.matchAll(/new ConflictError\((?:[^;]|\$\{[^{}]*\})*?\], '([A-Z_]+)'/g)].map((m) => m[1]!),
  ]);
  assert.ok(codes.size > 30, [...codes].join());
  const missing = [...codes].map((c) => c.toLowerCase().replace(/_/g, '-')).filter((id) => !ids.has(id));
  assert.deepEqual(missing, []);
  // and a problem's type is one of them
  const problem = (await admin.request('GET', `/api/v1/checkpoints/${'x'.repeat(300)}`)).json();
  assert.ok(ids.has(problem.type.split('#')[1]), problem.type);
  assert.ok(ids.has('required') && ids.has('mrz-check-digit'));
});

test('an oversized body is a 413 problem', async () => {
  const res = await admin.request('POST', '/api/v1/units', { parentId: '0199a000-0000-7000-8000-000000000000', unitType: 'x'.repeat(10_000), code: 'X', names: { kk: 'a', ru: 'b', en: 'c' } });
  assert.equal(res.statusCode, 413);
  isProblem(res);
});

test('unknown routes and records are 404 problems; no 5xx for junk', async () => {
  const route = await admin.request('GET', '/api/v1/nothing-here');
  assert.equal(route.statusCode, 404);
  isProblem(route);
  const record = await admin.request('GET', '/api/v1/checkpoints/0199a000-0000-7000-8000-000000000000');
  assert.equal(record.statusCode, 404);
  for (const junk of ['/api/v1/units?level=9', '/api/v1/audit-events?limit=-1', '/api/v1/checkpoints?q=' + 'x'.repeat(500), '/api/v1/officers?q=%00']) {
    const res = await admin.request('GET', junk);
    assert.ok(res.statusCode >= 400 && res.statusCode < 500 || res.statusCode === 200, `${junk}: ${res.statusCode}`);
  }
});

test('an Idempotency-Key replays the first answer and refuses another body', async () => {
  const parent = await makeUnit(w, { agency: 'NSC-BS', level: 3 });
  const body = { parentId: parent.id, unitType: 'POST', code: 'IDEM-POST', names: { kk: 'a', ru: 'b', en: 'c' } };
  const key = { 'idempotency-key': 'create-idem-post-0001' };
  const first = await admin.request('POST', '/api/v1/units', body, key);
  const second = await admin.request('POST', '/api/v1/units', body, key);
  assert.equal(first.statusCode, 201);
  assert.equal(second.statusCode, 201);
  assert.equal(second.headers['idempotent-replayed'], 'true');
  assert.equal(second.json().id, first.json().id);
  const other = await admin.request('POST', '/api/v1/units', { ...body, code: 'IDEM-OTHER' }, key);
  assert.equal(other.statusCode, 422);
  assert.equal((await w.deps.db.selectFrom('unit').select('id').where('code', 'like', 'IDEM-%').execute()).length, 1);
});

test('a request carrying a secret is never kept for a replay: a new token or a password is not stored with its Idempotency-Key', async () => {
  const key = { 'idempotency-key': 'token-secret-0001' };
  const first = await admin.request('POST', '/api/v1/me/tokens', { name: 'replay-check' }, key);
  const second = await admin.request('POST', '/api/v1/me/tokens', { name: 'replay-check' }, key);
  assert.equal(first.statusCode, 201);
  assert.equal(second.statusCode, 201);
  assert.notEqual(second.json().token, first.json().token);
  assert.equal(second.headers['idempotent-replayed'], undefined);
  const kept = await w.deps.db.selectFrom('idempotencyKey').select('responseBody').where('key', '=', 'token-secret-0001').execute();
  assert.deepEqual(kept, []);
});

test('a crash mid-request leaves no half-written change', async () => {
  const parent = await makeUnit(w, { agency: 'NSC-BS', level: 3 });
  // make the audit write fail after the unit row was inserted in the same transaction
  await sql`create function fail_audit() returns trigger language plpgsql as $$ begin
    if new.action = 'org.unit.created' then raise exception 'disk full (simulated)'; end if; return new; end $$`.execute(w.deps.db);
  await sql`create trigger fail_audit before insert on audit_event for each row execute function fail_audit()`.execute(w.deps.db);
  try {
    const res = await admin.request('POST', '/api/v1/units', { parentId: parent.id, unitType: 'POST', code: 'CRASH-POST', names: { kk: 'a', ru: 'b', en: 'c' } });
    assert.equal(res.statusCode, 500);
    isProblem(res);
    assert.doesNotMatch(res.body, /disk full/, 'internal errors are not shown to the caller');
    assert.equal((await w.deps.db.selectFrom('unit').select('id').where('code', '=', 'CRASH-POST').execute()).length, 0);
  } finally {
    await sql`drop trigger fail_audit on audit_event`.execute(w.deps.db);
  }
});

test('every response carries a correlation id, taken from x-request-id when given', async () => {
  const res = await w.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'booth-7-req-000123' } });
  assert.equal(res.headers['x-correlation-id'], 'booth-7-req-000123');
  const problem = await w.app.inject({ method: 'GET', url: '/api/v1/units' });
  assert.equal(problem.statusCode, 401);
  assert.equal(problem.json().correlationId, problem.headers['x-correlation-id']);
});
