// Start-up time to ready and authenticated read throughput, on the embedded database and on
// PostgreSQL, side by side in one run. Usage: npm run bench [-- --seconds 10 --runs 3]
// PostgreSQL is taken from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test);
// each run uses a fresh database that is dropped afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createScratchDatabase } from '../test/scratch-database.ts';
import { startFlags } from './crossings/harness.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SECONDS = option('seconds', 10);
const RUNS = option('runs', 3);
const CONNECTIONS = 32;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = path.resolve(import.meta.dirname, '..');

type Server = { url: string; child: ChildProcess; readyMs: number; cleanup: () => Promise<void> };

const freshPostgres = () => createScratchDatabase(PG_URL, 'shekara_bench');

type Store = { dataDir: string; pgdb: { url: string; drop: () => Promise<void> } | null };

async function newStore(database: 'pglite' | 'postgres'): Promise<Store> {
  return { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'shekara-bench-')), pgdb: database === 'postgres' ? await freshPostgres() : null };
}

async function startServer(database: 'pglite' | 'postgres', store?: Store): Promise<Server> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const own = !store;
  const { dataDir, pgdb } = store ?? (await newStore(database));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SHEKARA_DATA_DIR: dataDir, SHEKARA_LOG_LEVEL: 'warn', SHEKARA_ADMIN_PASSWORD: 'Bench-Secret-2026!', SHEKARA_LOGIN_RATE_PER_MINUTE: '1000' };
  if (pgdb) env.DATABASE_URL = pgdb.url;
  else delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags(root), path.join(root, 'src/main.ts'), 'start'], { env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${database} server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - started;
  return {
    url, child, readyMs,
    cleanup: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (own) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        await pgdb?.drop();
      }
    },
  };
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.booth.korday', password: 'Shekara-Demo-2026' }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function load(url: string, route: string, headers: Record<string, string>) {
  const result = await autocannon({ url: `${url}${route}`, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${route}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: string[] = [];
for (const database of ['pglite', 'postgres'] as const) {
  const starts: number[] = [];
  const restarts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const store = await newStore(database);
    const first = await startServer(database, store);
    starts.push(first.readyMs);
    await first.cleanup();
    const again = await startServer(database, store);
    restarts.push(again.readyMs);
    await again.cleanup();
    fs.rmSync(store.dataDir, { recursive: true, force: true });
    await store.pgdb?.drop();
  }
  // the first start of each run creates the database, seeds demo data and hashes the admin password
  const server = await startServer(database);
  try {
    const cookie = await signIn(server.url);
    await load(server.url, '/api/v1/checkpoints', { cookie }); // warm-up
    const live = await load(server.url, '/health/live', {});
    const list = await load(server.url, '/api/v1/checkpoints', { cookie });
    const one = await load(server.url, '/api/v1/auth/session', { cookie });
    rows.push(`| ${database === 'pglite' ? 'embedded PGlite' : 'PostgreSQL 15'} | ${(median(starts) / 1000).toFixed(2)} s | ${(median(restarts) / 1000).toFixed(2)} s | ${live.rps.toFixed(0)} | ${list.rps.toFixed(0)} (p50 ${list.p50} ms, p99 ${list.p99} ms) | ${one.rps.toFixed(0)} |`);
  } finally {
    await server.cleanup();
  }
}
console.log(`\nShekara benchmark: ${CONNECTIONS} connections, ${SECONDS} s per route; start-up = median of ${RUNS}, from spawning the process to /health/ready answering 200.`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log('| database | first start (new database: migrations, demo seed) | restart (existing database) | GET /health/live req/s | GET /api/v1/checkpoints req/s (22 checkpoints) | GET /api/v1/auth/session req/s |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
