import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { auditHash, canonicalAround, canonicalJson } from '../src/modules/audit/audit.hash.ts';
import { insertRows, recordChange, updateRow, verifyAuditChains, writeAudited, writeJoinerStats } from '../src/modules/audit/index.ts';
import { cliActor } from '../src/platform/actor.ts';
import { acquireDataDirLock, DataDirBusyError } from '../src/platform/data-dir-lock.ts';
import { migrate, readMigrations, MigrationChecksumError } from '../src/platform/migrate.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createHttpServer } from '../src/platform/http.ts';
import { createWorld, type World } from './helpers.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

test('migrations are recorded and a second run applies nothing', async () => {
  const rows = await sql<{ version: number }>`select version from schema_migration order by version`.execute(world.deps.db);
  assert.deepEqual(rows.rows.map((r) => Number(r.version)), readMigrations().map((m) => m.version));
  assert.deepEqual(await migrate(world.database), []);
});

test('an edited migration is refused', async () => {
  const [first, ...rest] = readMigrations();
  await assert.rejects(migrate(world.database, [{ ...first!, checksum: 'edited' }, ...rest]), MigrationChecksumError);
});

test('every table names its retention class', async () => {
  const rows = await sql<{ table: string; comment: string | null }>`
    select c.relname as table, obj_description(c.oid, 'pg_class') as comment
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> 'schema_migration'`.execute(world.deps.db);
  assert.ok(rows.rows.length > 15);
  for (const row of rows.rows) assert.match(row.comment ?? '', /^retention: [a-z0-9-]+/, `${row.table} has no retention class`);
});

const ctx = { actor: cliActor(new Set()), correlationId: 'test', ip: '127.0.0.1' };

test('the audit chains verify, and a changed or removed row is found', async () => {
  // 20 events over the node's chains (8 by default, taken in turn): each chain has rows after event 2
  for (let i = 0; i < 20; i++) {
    await world.deps.db.transaction().execute((trx) => recordChange(world.deps, trx, ctx, { action: 'test.event', entityType: 'test', entityId: String(i), details: { i, nested: { b: 2, a: 1 } } }));
  }
  const clean = await verifyAuditChains(world.deps.db, 2);
  assert.equal(clean.firstBreak, null);
  assert.ok(clean.chains.reduce((n, c) => n + c.rows, 0) >= 20);
  assert.equal(clean.chains.length, world.config.auditChains);

  const target = await world.deps.db.selectFrom('auditEvent').select(['id', 'seq']).where('entityId', '=', '2').where('action', '=', 'test.event').executeTakeFirstOrThrow();
  // an attacker with database access turns the guard off first
  await sql`alter table audit_event disable trigger audit_event_no_update`.execute(world.deps.db);
  await sql`update audit_event set details = '{"i": 99}'::jsonb where id = ${target.id}`.execute(world.deps.db);
  const tampered = await verifyAuditChains(world.deps.db);
  assert.deepEqual({ seq: tampered.firstBreak?.seq, problem: tampered.firstBreak?.problem }, { seq: target.seq, problem: 'hash_mismatch' });

  await sql`delete from audit_event where id = ${target.id}`.execute(world.deps.db);
  const removed = await verifyAuditChains(world.deps.db);
  assert.deepEqual({ seq: removed.firstBreak?.seq, problem: removed.firstBreak?.problem }, { seq: target.seq, problem: 'missing_rows' });
  await sql`alter table audit_event enable trigger audit_event_no_update`.execute(world.deps.db);
});

test('the database links and hashes events exactly as auditHash does, in batches and outside a transaction', async () => {
  // details that a naive split around the sequence number or a different JSON text would get wrong
  const awkward = { seq: -7_777_777, note: 'Қорғас «Нұр» \u2028 😀 "quoted" \\ back', z: [3, { y: null, x: 'é' }], a: true };
  const row = { id: '00000000-0000-4000-8000-000000000001', chain: 'c', occurredAt: new Date('2026-11-20T06:00:00.123Z'), actorUserId: null, actorUsername: 'ivanov', onBehalfOfUserId: null, agencyId: null, unitId: null, action: 'a', entityType: 't', entityId: '1', correlationId: null, ip: null, details: awkward };
  const [head, tail] = canonicalAround(row);
  assert.equal(`${head}42${tail}`, canonicalJson({ ...row, seq: 42, occurredAt: row.occurredAt.toISOString() }));

  await world.deps.db.transaction().execute((trx) => writeAudited(world.deps, trx, ctx, [], [
    { action: 'test.batch', entityType: 'test', entityId: 'b1', details: awkward },
    { action: 'test.batch', entityType: 'test', entityId: 'b2', details: { nested: { b: 2, a: 1 } }, publish: false },
  ]));
  await recordChange(world.deps, world.deps.db, ctx, { action: 'test.alone', entityType: 'test', entityId: 'solo', details: awkward, publish: false });
  const rows = await world.deps.db.selectFrom('auditEvent').selectAll().where('action', 'in', ['test.batch', 'test.alone']).orderBy('occurredAt').orderBy('seq').execute();
  assert.equal(rows.length, 3);
  const [b1, b2] = rows.filter((r) => r.action === 'test.batch');
  assert.equal(b2!.chain, b1!.chain);
  assert.equal(b2!.seq, b1!.seq + 1);
  assert.equal(b2!.prevHash, b1!.hash);
  for (const r of rows) {
    const { prevHash, hash, ...fields } = r;
    assert.equal(hash, auditHash(prevHash, { ...fields, occurredAt: new Date(r.occurredAt) }), `${r.entityId} hashed as auditHash does`);
  }
  assert.deepEqual(rows.find((r) => r.entityId === 'solo')!.details, awkward);
  // only the published change has an outbox row
  const outbox = await world.deps.db.selectFrom('outboxEvent').select(['aggregateId', 'payload']).where('topic', '=', 'test.batch').execute();
  assert.deepEqual(outbox.map((o) => o.aggregateId), ['b1']);
  assert.deepEqual(outbox[0]!.payload, awkward);
});

test('the audit table refuses updates and deletes', async () => {
  await assert.rejects(sql`update audit_event set action = 'x'`.execute(world.deps.db), /append-only/);
  await assert.rejects(sql`delete from audit_event`.execute(world.deps.db), /append-only/);
});

test('a change and its audit event commit or roll back together', async () => {
  const before = await world.deps.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await assert.rejects(world.deps.db.transaction().execute(async (trx) => {
    await recordChange(world.deps, trx, ctx, { action: 'test.rolled_back', entityType: 'test', entityId: 'x' });
    throw new Error('crash after the audit write');
  }));
  const afterCount = await world.deps.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(afterCount.n), Number(before.n));
  const outbox = await world.deps.db.selectFrom('outboxEvent').selectAll().where('topic', '=', 'test.rolled_back').execute();
  assert.equal(outbox.length, 0);
});

test('an embedded data directory has one owner at a time', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shekara-lock-'));
  const lock = acquireDataDirLock(dir);
  // another live process holds it: simulate with our parent's pid written by "someone else"
  fs.writeFileSync(path.join(dir, 'shekara.lock'), String(process.ppid));
  assert.throws(() => acquireDataDirLock(dir), (e: unknown) => e instanceof DataDirBusyError && e.detail.includes(String(process.ppid)) && e.detail.includes('DATABASE_URL'));
  // a lock left by a dead process is taken over
  fs.writeFileSync(path.join(dir, 'shekara.lock'), '999999999');
  const second = acquireDataDirLock(dir);
  second.release();
  lock.release();
  assert.equal(fs.existsSync(path.join(dir, 'shekara.lock')), false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the events of one transaction share one audit chain (two chain locks per transaction could deadlock)', async () => {
  await world.deps.db.transaction().execute(async (trx) => {
    await recordChange(world.deps, trx, ctx, { action: 'test.pair', entityType: 'test', entityId: 'first' });
    await recordChange(world.deps, trx, ctx, { action: 'test.pair', entityType: 'test', entityId: 'second' });
  });
  const rows = await world.deps.db.selectFrom('auditEvent').select(['chain', 'seq']).where('action', '=', 'test.pair').orderBy('seq').execute();
  assert.equal(rows.length, 2);
  assert.equal(rows[0]!.chain, rows[1]!.chain);
  assert.equal(rows[1]!.seq, rows[0]!.seq + 1);
});

test('a write in a transaction moves the write watch again when the transaction ends (a read between write and commit is not kept)', async () => {
  const watch = world.database.writes;
  const version = () => watch.version(['app_user']);
  const before = version();
  let inside = 0;
  await world.deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('appUser').set({ locale: 'ru' }).where('username', '=', 'admin').execute();
    inside = version();
    assert.ok(inside > before);
  });
  assert.ok(version() > inside, 'the commit moved it again');
  // a rolled back write too; a transaction that wrote nothing watched moves nothing
  const rolledBack = version();
  await assert.rejects(world.deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('appUser').set({ locale: 'kk' }).where('username', '=', 'admin').execute();
    throw new Error('undo');
  }));
  assert.ok(version() > rolledBack + 1);
  const quiet = version();
  await world.deps.db.transaction().execute((trx) => trx.selectFrom('appUser').select('id').execute());
  assert.equal(version(), quiet);
});

// group commit (ADR 0012), on a database of its own: the tamper test above breaks a chain on purpose
describe('joined audited writes', () => {
  let jw: World;
  before(async () => {
    jw = await createWorld();
  });
  after(() => jw.close());

  test('audited writes made at the same moment outside a transaction share statements (group commit): each committed with its events, the chains whole', async () => {
    const before = { ...writeJoinerStats(jw.deps.db) };
    const keys = Array.from({ length: 40 }, (_, i) => `joined-${i}`);
    await Promise.all(keys.map((key, i) => writeAudited(jw.deps, jw.deps.db, ctx, [jw.deps.db.insertInto('systemSetting').values({ key, value: JSON.stringify({ i }) })], [
      { action: 'test.joined', entityType: 'setting', entityId: key, details: { i } },
      { action: 'test.joined.second', entityType: 'setting', entityId: key, publish: false },
    ])));
    const after = writeJoinerStats(jw.deps.db);
    assert.equal(after.writes - before.writes, 40);
    // the first goes alone, the rest wait for it and go together: far fewer statements than writes
    assert.ok(after.statements - before.statements < 10, `${after.statements - before.statements} statements for 40 writes`);
    assert.equal(after.retried, before.retried);
    const settings = await jw.deps.db.selectFrom('systemSetting').select(['key', 'value']).where('key', 'like', 'joined-%').execute();
    assert.deepEqual(settings.map((s) => s.key).sort(), [...keys].sort());
    const events = await jw.deps.db.selectFrom('auditEvent').select(['entityId', 'action', 'chain']).where('action', 'like', 'test.joined%').execute();
    assert.equal(events.length, 80);
    for (const key of keys) {
      const own = events.filter((e) => e.entityId === key);
      assert.equal(own.length, 2);
      assert.equal(own[0]!.chain, own[1]!.chain, 'the events of one write are on one chain');
    }
    // the joined writes' own chain, which no transaction takes
    assert.deepEqual([...new Set(events.map((e) => e.chain))], [`${jw.config.nodeId}.w0`]);
    assert.equal(Number((await jw.deps.db.selectFrom('outboxEvent').select((eb) => eb.fn.countAll<number>().as('n')).where('topic', '=', 'test.joined').executeTakeFirstOrThrow()).n), 40);
    assert.equal((await verifyAuditChains(jw.deps.db)).firstBreak, null);
  });

  test('one failing write among joined ones fails alone: the others commit, its events are not written', async () => {
    await jw.deps.db.insertInto('systemSetting').values({ key: 'taken', value: '{}' }).execute();
    const before = { ...writeJoinerStats(jw.deps.db) };
    const write = (key: string) => writeAudited(jw.deps, jw.deps.db, ctx, [jw.deps.db.insertInto('systemSetting').values({ key, value: '{}' })], [{ action: 'test.isolated', entityType: 'setting', entityId: key }]);
    // a stale change too: the row it names is not there
    const stale = writeAudited(jw.deps, jw.deps.db, ctx, [updateRow('systemSetting', { key: 'no such key' }, { value: { v: 2 } })], [{ action: 'test.isolated', entityType: 'setting', entityId: 'stale' }]);
    const results = await Promise.allSettled([write('free-1'), write('taken'), write('free-2'), stale, write('free-3')]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    assert.equal((results[1] as PromiseRejectedResult).reason.code, '23505');
    assert.equal((results[3] as PromiseRejectedResult).reason.code, '40001');
    const after = writeJoinerStats(jw.deps.db);
    assert.ok(after.retried - before.retried >= 2, 'a failed joined statement is tried again in parts');
    const written = await jw.deps.db.selectFrom('auditEvent').select('entityId').where('action', '=', 'test.isolated').execute();
    assert.deepEqual(written.map((r) => r.entityId).sort(), ['free-1', 'free-2', 'free-3']);
    assert.equal((await verifyAuditChains(jw.deps.db)).firstBreak, null);
  });

  test('rows changed as data: joined changes of one table go in one statement, each row to its own values, unnamed columns kept', async () => {
    const at = new Date('2026-11-20T06:00:00.000Z');
    await jw.deps.db.insertInto('systemSetting').values([1, 2, 3, 4].map((n) => ({ key: `changed-${n}`, value: JSON.stringify({ n }), updatedAt: at }))).execute();
    const later = new Date('2026-11-21T07:30:00.250Z');
    const before = { ...writeJoinerStats(jw.deps.db) };
    const change = (n: number, set: Parameters<typeof updateRow<'systemSetting'>>[2]) => writeAudited(jw.deps, jw.deps.db, ctx, [updateRow('systemSetting', { key: `changed-${n}` }, set)], [{ action: 'test.changed', entityType: 'setting', entityId: String(n) }]);
    await Promise.all([
      change(1, { value: { n: 10, list: ['a', null], nested: { ok: true } }, updatedAt: later }),
      change(2, { value: { n: 20 }, updatedAt: later }),
      // only the value: updatedAt stays; an undefined key is no change either
      change(3, { value: [3, 'three'] as never, updatedAt: undefined }),
      // a JSON column given a string holds that string
      change(4, { value: 'plain text' as never }),
    ]);
    const after = writeJoinerStats(jw.deps.db);
    assert.ok(after.statements - before.statements <= 2, `${after.statements - before.statements} statements for 4 changes`);
    const rows = await jw.deps.db.selectFrom('systemSetting').select(['key', 'value', 'updatedAt']).where('key', 'like', 'changed-%').orderBy('key').execute();
    assert.deepEqual(rows.map((r) => [r.key, r.value, r.updatedAt.toISOString()]), [
      ['changed-1', { n: 10, list: ['a', null], nested: { ok: true } }, later.toISOString()],
      ['changed-2', { n: 20 }, later.toISOString()],
      ['changed-3', [3, 'three'], at.toISOString()],
      ['changed-4', 'plain text', at.toISOString()],
    ]);
  });

  test('a joined statement that fails is tried again in halves: one bad write among sixteen costs its neighbours a few statements, not one each', async () => {
    await jw.deps.db.insertInto('systemSetting').values({ key: 'halves-taken', value: '{}' }).execute();
    const write = (key: string) => writeAudited(jw.deps, jw.deps.db, ctx, [insertRows('systemSetting', [{ key, value: {} }])], [{ action: 'test.halves', entityType: 'setting', entityId: key }]);
    const keys = Array.from({ length: 16 }, (_, i) => (i === 11 ? 'halves-taken' : `halves-${i}`));
    const before = { ...writeJoinerStats(jw.deps.db) };
    const results = await Promise.allSettled(keys.map(write));
    assert.deepEqual(results.map((r) => r.status), keys.map((k) => (k === 'halves-taken' ? 'rejected' : 'fulfilled')));
    assert.equal((results[11] as PromiseRejectedResult).reason.code, '23505');
    const after = writeJoinerStats(jw.deps.db);
    // the first goes alone, fifteen join and fail together; halving finds the bad one in 2·4 statements
    assert.ok(after.retried - before.retried > 0 && after.retried - before.retried <= 8, `${after.retried - before.retried} statements tried again`);
    const written = await jw.deps.db.selectFrom('auditEvent').select('entityId').where('action', '=', 'test.halves').execute();
    assert.deepEqual(written.map((r) => r.entityId).sort(), keys.filter((k) => k !== 'halves-taken').sort());
    assert.equal((await verifyAuditChains(jw.deps.db)).firstBreak, null);
  });

  test('rows to insert go in as data: the rows of joined writes share one insert per table and columns, defaults fill what a row leaves out', async () => {
    const watch = jw.database.writes;
    const version = () => watch.version(['systemSetting']);
    const moved = version();
    const at = new Date('2026-01-02T03:04:05.678Z');
    // two shapes of row (one leaves updated_at to its default), a JSON value of every kind
    const write = (key: string, withTime: boolean) => writeAudited(jw.deps, jw.deps.db, ctx, [insertRows('systemSetting', [
      withTime ? { key, value: { text: 'a "quoted" \\ line\nand more', list: [1, null, true], nested: { deep: [{ x: 'ü' }] } }, updatedAt: at } : { key, value: { n: 1 }, updatedAt: undefined },
    ])], [{ action: 'test.rows', entityType: 'setting', entityId: key }]);
    const before = { ...writeJoinerStats(jw.deps.db) };
    await Promise.all([write('rows-0', true), ...Array.from({ length: 9 }, (_, i) => write(`rows-${i + 1}`, i % 2 === 0))]);
    const stats = writeJoinerStats(jw.deps.db);
    assert.ok(stats.statements - before.statements <= 2 && stats.retried === before.retried, 'the first alone, the nine others joined');
    const rows = await jw.deps.db.selectFrom('systemSetting').select(['key', 'value', 'updatedAt']).where('key', 'like', 'rows-_').orderBy('key').execute();
    assert.equal(rows.length, 10);
    for (const [i, row] of rows.entries()) {
      const withTime = i === 0 || (i - 1) % 2 === 0;
      assert.deepEqual(row.value, withTime ? { text: 'a "quoted" \\ line\nand more', list: [1, null, true], nested: { deep: [{ x: 'ü' }] } } : { n: 1 }, row.key);
      if (withTime) assert.equal(new Date(row.updatedAt).toISOString(), at.toISOString());
      else assert.ok(Math.abs(new Date(row.updatedAt).getTime() - Date.now()) < 60_000, 'the default, now()');
    }
    // the write watch saw the table written (the caches it feeds drop what they hold)
    assert.ok(version() > moved);
    // in a transaction too (the statement is the same, not joined)
    await jw.deps.db.transaction().execute((trx) => writeAudited(jw.deps, trx, ctx, [insertRows('systemSetting', [{ key: 'rows-trx-1', value: { list: [1, 2] } }, { key: 'rows-trx-2', value: {} }])], [{ action: 'test.rows', entityType: 'setting', entityId: 'trx' }]));
    assert.deepEqual((await jw.deps.db.selectFrom('systemSetting').select('value').where('key', 'like', 'rows-trx-%').orderBy('key').execute()).map((r) => r.value), [{ list: [1, 2] }, {}]);
    assert.equal((await jw.deps.db.selectFrom('auditEvent').select('id').where('action', '=', 'test.rows').execute()).length, 11);
    // a row that cannot go in fails its own write only (tried again alone), like any joined write
    const results = await Promise.allSettled([write('rows-10', false), write('rows-0', true), write('rows-11', true)]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.equal((results[1] as PromiseRejectedResult).reason.code, '23505');
    assert.equal((await verifyAuditChains(jw.deps.db)).firstBreak, null);
  });
});

test('with SHEKARA_WRITE_BATCH=1 every audited write is a statement of its own', async () => {
  const single = await createWorld({ config: { writeBatch: 1 } });
  try {
    await Promise.all([1, 2, 3].map((i) => writeAudited(single.deps, single.deps.db, ctx, [], [{ action: 'test.single', entityType: 'test', entityId: String(i) }])));
    assert.deepEqual(writeJoinerStats(single.deps.db), { writes: 0, statements: 0, retried: 0 });
    assert.equal((await single.deps.db.selectFrom('auditEvent').select('id').where('action', '=', 'test.single').execute()).length, 3);
  } finally {
    await single.close();
  }
});

test('a stop waits for the handlers at work, even when their client has gone; `settled` gives up after its time', async () => {
  const app = (await createHttpServer(loadConfig({ SHEKARA_LOG_LEVEL: 'silent' }), { logger: false })).app;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  app.get('/slow', { config: { public: true } }, async () => {
    await gate;
    return { done: true };
  });
  app.get('/sync', { config: { public: true } }, (_request, reply) => reply.send({ sync: true }));
  await app.ready();
  assert.equal(await app.settled(10), true, 'nothing at work');
  assert.deepEqual((await app.inject('/sync')).json(), { sync: true });
  assert.equal(await app.settled(10), true, 'a handler that answers at once is done at once');
  const answer = app.inject('/slow');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await app.settled(30), false, 'the slow handler is still at work');
  const settled = app.settled(10_000);
  release();
  assert.equal(await settled, true);
  assert.deepEqual((await answer).json(), { done: true });
  await app.close();
});
