// The obligations engine and the inbox at scale (issue 5).
// 1. Sweep: N open obligations (default 1,000,000) of which D are due (default 10,000); one sweep's
//    time and notifications/s, an idle sweep over all N, a sweep with D/10 due, and D due swept by
//    two workers at once — on PGlite and on PostgreSQL side by side.
// 2. Inbox (PostgreSQL): M messages (default 10,000,000) delivered to the units of the demo tree; the
//    first page and a deep page of a desk's inbox through the service, p50/p99 over Q queries.
// Usage: node bench/exchange.ts [--obligations 1000000 --due 10000 --messages 10000000 --queries 2000 --skip-pglite]
import { sql } from 'kysely';
import { prepareDatabase } from '../src/bootstrap.ts';
import { createServices } from '../src/app.ts';
import { openPeriodicObligations, sweep } from '../src/modules/exchange/index.ts';
import { cliActor } from '../src/platform/actor.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db.ts';
import type { Deps } from '../src/platform/deps.ts';
import { PERMISSIONS } from '../src/platform/permissions.ts';
import { createScratchDatabase } from '../test/scratch-database.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const OBLIGATIONS = opt('obligations', 1_000_000);
const DUE = opt('due', 10_000);
const MESSAGES = opt('messages', 10_000_000);
const QUERIES = opt('queries', 2_000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const now = new Date('2026-11-20T06:00:00Z');

async function world(kind: 'pglite' | 'postgres') {
  const scratch = kind === 'postgres' ? await createScratchDatabase(PG_URL, 'shekara_bench') : null;
  const dataDir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'shekara-bench-exchange-')) : undefined;
  const database: DatabaseHandle = await openDatabase({ databaseUrl: scratch?.url, dataDir });
  const config = { ...loadConfig({ SHEKARA_DEMO: 'true', SHEKARA_ADMIN_PASSWORD: 'Bench-Root-2026!x', SHEKARA_LOG_LEVEL: 'silent' }), databaseUrl: scratch?.url };
  const deps: Deps = { db: database.db, database, clock: { now: () => now }, config, log: quiet as never };
  await prepareDatabase(database, deps, config);
  const units = await deps.db.selectFrom('unit').select(['id', 'agencyId']).where('isActive', '=', true).execute();
  return { deps, units, close: async () => { await database.close(); await scratch?.drop(); if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true }); } };
}

const ms = (t0: number) => Math.round(performance.now() - t0);

async function sweepBench(kind: 'pglite' | 'postgres') {
  const w = await world(kind);
  const { db } = w.deps;
  const ids = w.units.map((u) => u.id);
  const agencies = w.units.map((u) => u.agencyId);
  let t0 = performance.now();
  // open obligations: `DUE` already past due at T1 (overdue since up to an hour), DUE/10 falling due between T1 and T2 = T1 + 10 min,
  // the rest due over the coming weeks
  const every = Math.max(1, Math.floor(OBLIGATIONS / DUE));
  const t1 = now;
  const t2 = new Date(now.getTime() + 600_000);
  const t3 = new Date(now.getTime() + 1_200_000);
  for (let from = 1; from <= OBLIGATIONS; from += 200_000) {
    const to = Math.min(OBLIGATIONS, from + 199_999);
    await sql`insert into obligation (id, key, kind, unit_id, agency_id, counterpart_unit_id, rule, opens_at, due_at, warn_at, state, stage, created_at)
      select shekara_uuid_v7(), 'bench:' || g, 'exchange.daily', (${ids}::uuid[])[1 + g % ${ids.length}], (${agencies}::uuid[])[1 + g % ${ids.length}],
        (${ids}::uuid[])[1 + (g + 1) % ${ids.length}], 'bench rule', null, d.due, null, 'open', 'none', ${now}
      from generate_series(${from}::int, ${to}::int) g,
        lateral (select case when g % ${every} = 0 then ${t1}::timestamptz - make_interval(secs => 60 + g % 3600)
                             when g % ${every * 10} = 1 then ${t1}::timestamptz + interval '570 seconds'
                             when g % ${every} = ${Math.floor(every / 2)} then ${t1}::timestamptz + interval '1170 seconds'
                             else ${t1}::timestamptz + make_interval(secs => 1801 + g) end as due) d`.execute(db);
  }
  await sql`insert into obligation_clock (obligation_id, next_check_at, due_at) select id, due_at + interval '1 millisecond', due_at from obligation`.execute(db);
  // steady state, as autovacuum and the checkpointer leave a running system: the bulk load's hint bits and dirty pages are not left for the sweep
  await sql`vacuum analyze obligation`.execute(db);
  await sql`vacuum analyze obligation_clock`.execute(db);
  if (kind === 'postgres') await sql`checkpoint`.execute(db);
  const loadMs = ms(t0);
  const due = Number((await db.selectFrom('obligationClock').select((eb) => eb.fn.countAll().as('n')).where('nextCheckAt', '<=', t1).executeTakeFirstOrThrow()).n);
  t0 = performance.now();
  const first = await sweep(db, t1);
  const sweepMs = ms(t0);
  t0 = performance.now();
  const idle = await sweep(db, t1);
  const idleMs = ms(t0);
  t0 = performance.now();
  const small = await sweep(db, t2);
  const smallMs = ms(t0);
  // DUE more at T3, swept by two workers at once (PostgreSQL: two connections; PGlite has one)
  const other = kind === 'postgres' ? await openDatabase({ databaseUrl: w.deps.config.databaseUrl }) : null;
  t0 = performance.now();
  const pair = await Promise.all([sweep(db, t3), sweep(other?.db ?? db, t3)]);
  const twoMs = ms(t0);
  await other?.close();
  // the periodic clocks of the demo tree, opened on an instance holding a million obligations
  t0 = performance.now();
  const opened = await openPeriodicObligations(w.deps);
  const openMs = ms(t0);
  await w.close();
  return { kind, loadMs, due, sweepMs, escalated: first.escalated, notifications: first.notifications, batches: first.batches, notificationsPerSecond: Math.round(first.notifications / (sweepMs / 1000)), idleMs, idleEscalated: idle.escalated, smallSweep: { escalated: small.escalated, notifications: small.notifications, ms: smallMs }, twoWorkers: { escalated: pair[0].escalated + pair[1].escalated, notifications: pair[0].notifications + pair[1].notifications, ms: twoMs }, opened, openMs };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function inboxBench() {
  const w = await world('postgres');
  const { db } = w.deps;
  const units = w.units.filter((u) => u.id);
  const ids = units.map((u) => u.id);
  const agencies = units.map((u) => u.agencyId);
  let t0 = performance.now();
  await sql`set session_replication_role = replica`.execute(db); // bulk load: no foreign-key triggers (every id is real)
  for (let from = 1; from <= MESSAGES; from += 500_000) {
    const to = Math.min(MESSAGES, from + 499_999);
    await sql`insert into exchange_message (id, type, subject, sender_unit_id, sender_agency_id, sent_by, channel, reported_at, summary, body, timing, created_at)
      select ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, case when g % 10 = 0 then 'urgent' else 'daily' end, null,
        (${ids}::uuid[])[1 + g % ${ids.length}], (${agencies}::uuid[])[1 + g % ${ids.length}], null, 'phone',
        ${now}::timestamptz - make_interval(secs => g * 3), 'Bench message ' || g, '{}'::jsonb, 'on_time', ${now}::timestamptz - make_interval(secs => g * 3)
      from generate_series(${from}::int, ${to}::int) g`.execute(db);
    await sql`insert into exchange_recipient (message_id, unit_id, agency_id, via, delivered_at)
      select ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, (${ids}::uuid[])[1 + (g * 7 + 3) % ${ids.length}], (${agencies}::uuid[])[1 + (g * 7 + 3) % ${ids.length}], 'counterpart',
        ${now}::timestamptz - make_interval(secs => g * 3)
      from generate_series(${from}::int, ${to}::int) g`.execute(db);
    if (to % 2_000_000 === 0 || to === MESSAGES) process.stderr.write(`  ${to.toLocaleString('en')} messages (${Math.round(ms(t0) / 1000)} s)\n`);
  }
  await sql`set session_replication_role = origin`.execute(db);
  await sql`analyze exchange_message`.execute(db);
  await sql`analyze exchange_recipient`.execute(db);
  const loadMs = ms(t0);
  const services = createServices(w.deps);
  const ctx = { actor: cliActor(new Set(PERMISSIONS)), correlationId: 'bench', ip: null };
  const deep = new Date(now.getTime() - MESSAGES * 3 * 1000 * 0.8).toISOString();
  const first: number[] = [];
  const paged: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const unitId = ids[i % ids.length]!;
    let q0 = performance.now();
    const page = await services.messages.inbox(ctx, { unitId, box: 'in', limit: 50 });
    first.push(performance.now() - q0);
    if (i === 0 && page.length !== 50) throw new Error(`expected a full page, got ${page.length}`);
    q0 = performance.now();
    await services.messages.inbox(ctx, { unitId, box: 'in', limit: 50, before: deep });
    paged.push(performance.now() - q0);
  }
  first.sort((a, b) => a - b);
  paged.sort((a, b) => a - b);
  const perUnit = Math.round(MESSAGES / ids.length);
  await w.close();
  const r = (x: number) => Math.round(x * 100) / 100;
  return { messages: MESSAGES, units: ids.length, perUnit, loadMs, firstPage: { p50: r(percentile(first, 0.5)), p99: r(percentile(first, 0.99)) }, deepPage: { p50: r(percentile(paged, 0.5)), p99: r(percentile(paged, 0.99)) } };
}

console.log(`Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
console.log(`Sweep: ${OBLIGATIONS.toLocaleString('en')} open obligations, ${DUE.toLocaleString('en')} due`);
for (const kind of args.includes('--skip-pglite') ? (['postgres'] as const) : (['pglite', 'postgres'] as const)) console.log(JSON.stringify(await sweepBench(kind)));
if (!args.includes('--skip-inbox')) {
  console.log(`Inbox: ${MESSAGES.toLocaleString('en')} messages on PostgreSQL, ${QUERIES} queries`);
  console.log(JSON.stringify(await inboxBench()));
}
