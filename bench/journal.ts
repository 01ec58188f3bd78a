// The crossings journal on a national table: `GET /api/v1/crossings` as the web journal asks for it,
// through the real server code (authentication, the reach of the reader's grants, the audited read), on a
// scratch PostgreSQL database holding N synthetic crossings spread over 30 days and every demo checkpoint.
// Each query is timed with the journal's index on the arrival (`crossing_arrived`, migration 0019) and
// again after dropping it, in one run.
// Usage: node bench/journal.ts [--crossings 1000000 --runs 15]   (BENCH_DATABASE_URL: another server)
import os from 'node:os';
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
  // every demo checkpoint alike, 30 days back from the world's clock; surnames of 400 stems, each a few thousand times
  await sql`
    insert into crossing (id, checkpoint_id, unit_id, agency_id, direction, transport_mode, traveller_category, surname, given_names, nationality,
      document_code, document_number, issuing_state, checks, status, decision, arrived_at, decided_at, left_at, officer_user_id, decided_by, created_at, updated_at)
    select gen_random_uuid(), c.id, c.unit_id, u.agency_id, case when g % 2 = 0 then 'entry' else 'exit' end, 'road', 'foreigner',
      'SURNAME' || (g % 400) || 'OV', 'GIVEN', 'UZB', 'P', 'B' || lpad(g::text, 8, '0'), 'UZB', '[]', 'completed', 'pass',
      t, t + interval '40 seconds', t + interval '5 minutes', o.id, o.id, t, t
    from generate_series(1, ${CROSSINGS}) g
    cross join lateral (select ${w.clock.now()}::timestamptz - (hashint4(g)::float8 / 2147483648 + 1) / 2 * interval '30 days' as t) tt
    join lateral (select id, unit_id from checkpoint order by id offset (g % (select count(*) from checkpoint)) limit 1) c on true
    join unit u on u.id = c.unit_id
    cross join (select id from app_user where username = 'demo.booth.korday') o`.execute(db);
  await sql`analyze crossing`.execute(db);
  console.log(`Loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);

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
  const withIndex = await measure();
  await sql`drop index crossing_arrived`.execute(db);
  const without = await measure();
  console.log(`Median of ${RUNS} requests each (ms), the whole request through the server's code:\n`);
  console.log('| query | with `crossing_arrived` | without |');
  console.log('|---|---|---|');
  cases.forEach((c, i) => console.log(`| ${c.name} | ${withIndex[i]!.toFixed(1)} | ${without[i]!.toFixed(1)} |`));
} finally {
  await w.close();
}
