// The records after control on a national table, through the real server code (authentication, the
// reach of the reader's grants, the audited read), on a scratch PostgreSQL database holding N synthetic
// crossings of foreigners over the last 120 days at the demo checkpoints: each document crosses four
// times (entry, exit, entry, exit), one in ten is still in the country after its second entry.
// - the crossings journal, `GET /api/v1/crossings` as the web journal asks for it, timed with its index
//   on the arrival (`crossing_arrived`, migration 0019) and again after dropping it;
// - the overstay list of the migration police, `GET /api/v1/overstays` (the open stays of migration 0020,
//   filled from the crossings as that migration fills them on an upgrade);
// - the shift overview, `GET /api/v1/overview`, as three readers ask for it.
// Usage: node bench/journal.ts [--crossings 1000000 --runs 15]   (BENCH_DATABASE_URL: another server)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { seedId } from '../src/demo/index.ts';
import { createAppWorld, signIn } from '../test/helpers.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const CROSSINGS = opt('crossings', 1_000_000);
const RUNS = opt('runs', 15);
process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

console.log(`# Crossings journal — ${CROSSINGS.toLocaleString('en')} crossings, PostgreSQL`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}\n`);
const w = await createAppWorld({ demo: true });
try {
  const { db } = w.deps;
  const t0 = performance.now();
  // every demo checkpoint with a Border Service unit alike; document d's k-th passage (k = 0 … 3) an entry or an exit in turn, its last
  // 0–60 days ago and each 1–20 days after the one before; a document in ten has no last exit; three
  // nationalities (Uzbekistan 90 days within 180, China and Germany 30 a stay in the demo rules)
  await sql`
    insert into crossing (id, checkpoint_id, unit_id, agency_id, direction, transport_mode, traveller_category, surname, given_names, date_of_birth, nationality,
      document_code, document_number, issuing_state, checks, status, decision, arrived_at, decided_at, left_at, officer_user_id, decided_by, created_at, updated_at)
    select gen_random_uuid(), c.id, c.unit_id, u.agency_id, case when k % 2 = 0 then 'entry' else 'exit' end, 'road', 'foreigner',
      'SURNAME' || (d % 400) || 'OV', 'GIVEN', to_char(date '1960-01-01' + abs(hashint4(d + 3)) % 15000, 'YYYY-MM-DD'), nat, 'P', 'B' || lpad(d::text, 8, '0'), nat, '[]', 'completed', 'pass',
      t, t + interval '40 seconds', t + interval '5 minutes', o.id, o.id, t, t
    from generate_series(0, ${CROSSINGS} - 1) g
    cross join lateral (select g / 4 as d, g % 4 as k) dk
    cross join lateral (select (array['UZB', 'CHN', 'DEU'])[d % 3 + 1] as nat,
      ${w.clock.now()}::timestamptz - (abs(hashint4(d)) % 60) * interval '1 day' - (3 - k) * (1 + abs(hashint4(d + 7)) % 20) * interval '1 day' - (abs(hashint4(g)) % 86400) * interval '1 second' as t) tt
    join lateral (select id, unit_id from checkpoint where unit_id is not null order by id offset (g % (select count(*) from checkpoint where unit_id is not null)) limit 1) c on true
    join unit u on u.id = c.unit_id
    cross join (select id from app_user where username = 'demo.booth.korday') o
    where not (d % 10 = 0 and k = 3)`.execute(db);
  // the open stays as migration 0020 fills them on an upgrade (here before any statistics: the worst case)
  // (the latest migration that rebuilds them: 0022, the sex in the match, where there is one)
  const migration = ['0022_open_stay_sex.sql', '0020_open_stay.sql'].map((f) => path.resolve(import.meta.dirname, '../migrations', f)).find((f) => fs.existsSync(f))!;
  const loadedIn = performance.now() - t0;
  if (fs.existsSync(migration)) {
    const text = fs.readFileSync(migration, 'utf8');
    for (const statement of text.slice(text.indexOf('insert into open_stay')).split(/;\s*\n/).map((t) => t.replace(/^--.*$/gm, '').trim()).filter(Boolean)) {
      await sql.raw(statement).execute(db);
    }
    console.log(`Migration ${path.basename(migration).slice(0, 4)}'s rebuild of the open stays: ${((performance.now() - t0 - loadedIn) / 1000).toFixed(1)} s.`);
    await sql`analyze open_stay`.execute(db);
  }
  await sql`analyze crossing`.execute(db);
  const loaded = (await sql<{ n: string }>`select count(*) as n from crossing`.execute(db)).rows[0]!.n;
  console.log(`Loaded ${Number(loaded).toLocaleString('en')} crossings in ${(loadedIn / 1000).toFixed(1)} s.\n`);

  const analyst = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026'); // a Border Service officer: the whole agency
  const head = await signIn(w.app, 'demo.head.khorgos', 'Shekara-Demo-2026');
  const korday = seedId('checkpoint', 'KORDAY');
  /** The twentieth page, following the cursors from the first. */
  const deepCursor = async () => {
    let cursor = '';
    for (let i = 0; i < 19; i++) cursor = (await analyst.request('GET', `/api/v1/crossings?limit=100${cursor && `&cursor=${encodeURIComponent(cursor)}`}`)).json().nextCursor;
    return cursor;
  };
  const cases: Array<{ name: string; who: typeof analyst; path: () => Promise<string> }> = [
    { name: 'the journal opened: newest 100, every checkpoint (a reader of the whole agency)', who: analyst, path: async () => '/api/v1/crossings?limit=100' },
    { name: 'one checkpoint, newest 100', who: analyst, path: async () => `/api/v1/crossings?limit=100&checkpointId=${korday}` },
    { name: 'the 20th page of 100, every checkpoint', who: analyst, path: async () => `/api/v1/crossings?limit=100&cursor=${encodeURIComponent(await deepCursor())}` },
    { name: 'a reader scoped to one detachment (2 of the checkpoints), newest 100', who: head, path: async () => '/api/v1/crossings?limit=100' },
    { name: 'one day, every checkpoint, newest 100', who: analyst, path: async () => `/api/v1/crossings?limit=100&from=2026-11-05T00:00:00Z&to=2026-11-06T00:00:00Z` },
    { name: 'a surname\'s beginning (≈ 2,500 crossings), newest 100', who: analyst, path: async () => '/api/v1/crossings?limit=100&q=surname123o' },
  ];
  const measure = async () => {
    const out: number[] = [];
    for (const c of cases) {
      const path = await c.path();
      const times: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const s = performance.now();
        const res = await c.who.request('GET', path);
        if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
        if (i >= 2) times.push(performance.now() - s);
      }
      out.push(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!);
    }
    return out;
  };
  const police = await signIn(w.app, 'demo.migration.korday', 'Shekara-Demo-2026');
  const list = async () => {
    const s = performance.now();
    const res = await police.request('GET', '/api/v1/overstays');
    if (res.statusCode !== 200) throw new Error(`overstays: ${res.statusCode} ${res.body}`);
    return { ms: performance.now() - s, listed: res.json().items.length as number, total: res.json().total as number | undefined, pending: res.json().pending as number | undefined, bytes: res.body.length };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const open = fs.existsSync(migration) ? Number((await sql<{ n: string }>`select count(*) as n from open_stay`.execute(db)).rows[0]!.n) : null;
  // the first request after an upgrade judges every open stay (with verdicts kept, migration 0021); then only what changed
  const first = await list();
  // what a request left to the timer (at most five pages judged in a request, from session 15 on)
  const timerStart = performance.now();
  const byTimer = 'keepVerdicts' in w.services.stays ? await (w.services.stays as { keepVerdicts(): Promise<number> }).keepVerdicts() : null;
  const timerMs = performance.now() - timerStart;
  const again: Awaited<ReturnType<typeof list>>[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 3)); i++) again.push(await list());
  const last = again[again.length - 1]!;
  console.log(`The overstay list (${open === null ? 'no open stays table' : `${open.toLocaleString('en')} open stays`}): ${last.total === undefined ? '' : `${last.total.toLocaleString('en')} foreigners over their days, the `}${last.listed.toLocaleString('en')} over longest in the answer, ${(last.bytes / 1e6).toFixed(1)} MB`);
  console.log(`- the first request: ${first.ms.toFixed(0)} ms${first.pending ? ` (${first.pending.toLocaleString('en')} stays left pending)` : ''}`);
  if (byTimer !== null) console.log(`- the timer's run for the rest: ${byTimer.toLocaleString('en')} stays judged in ${timerMs.toFixed(0)} ms`);
  console.log(`- the next ${again.length}: median ${median(again.map((r) => r.ms)).toFixed(1)} ms (${again.map((r) => r.ms.toFixed(1)).join(', ')})`);
  if (fs.existsSync(path.resolve(import.meta.dirname, '../migrations/0021_open_stay_verdict.sql'))) {
    // stays changed since the list was last asked for (new entries, the same travellers' entries elsewhere, corrections): their verdicts set aside
    for (const changed of [100, 1000, 10_000]) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        await sql`update open_stay set version = version + 1, judged_under = null, over_from = null
          where (issuing_state, document_number) in (select issuing_state, document_number from open_stay order by random() limit ${changed})`.execute(db);
        times.push((await list()).ms);
      }
      console.log(`- after ${changed.toLocaleString('en')} stays changed: median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
    }
  }
  // the shift overview (from session 16): every user's first page, asked for again every half minute
  const overviewReaders = [['a Border Service officer (every checkpoint of the agency)', analyst], ['the head of a detachment (its checkpoints)', head], ['a migration officer (the stays over)', police]] as const;
  const probe = await analyst.request('GET', '/api/v1/overview');
  if (probe.statusCode === 200) {
    const day = (probe.json().checkpoints as Array<{ crossingsToday: { all: number } }>).reduce((a, c) => a + c.crossingsToday.all, 0);
    console.log(`\nThe shift overview, \`GET /api/v1/overview\` (${day.toLocaleString('en')} crossings since midnight at the agency's checkpoints), median of ${RUNS}:`);
    for (const [who, client] of overviewReaders) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const s = performance.now();
        const res = await client.request('GET', '/api/v1/overview');
        if (res.statusCode !== 200) throw new Error(`overview: ${res.statusCode} ${res.body}`);
        if (i >= 2) times.push(performance.now() - s);
      }
      console.log(`- ${who}: ${median(times).toFixed(1)} ms (${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)})`);
    }
  }
  console.log('');
  const withIndex = process.env.BENCH_ONLY_OVERSTAYS ? null : await measure();
  if (withIndex) {
    await sql`drop index crossing_arrived`.execute(db);
    const without = await measure();
    console.log(`Median of ${RUNS} requests each (ms), the whole request through the server's code:\n`);
    console.log('| query | with `crossing_arrived` | without |');
    console.log('|---|---|---|');
    cases.forEach((c, i) => console.log(`| ${c.name} | ${withIndex[i]!.toFixed(1)} | ${without[i]!.toFixed(1)} |`));
  }
} finally {
  await w.close();
}
