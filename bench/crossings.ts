// End-to-end crossing registration over HTTP (issue 4): each crossing is a POST /api/v1/crossings (MRZ
// parsed, every check, screening against the loaded lists, crossing + version + audit written) followed
// by its decision (POST …/decision: checks, version, audit): pass when the checks point to it, a referral
// to secondary inspection otherwise (a traveller may resemble a listed person). 32 concurrent clients, on PGlite and on
// PostgreSQL side by side, with a synthetic watchlist of the screening benchmark loaded through the
// database and indexed by the server as in production.
// Usage: node --expose-gc bench/crossings.ts [--persons 200000 --documents 1000000 --seconds 20] [--alone]
// (BENCH_ONLY_PG=1: PostgreSQL only; BENCH_ONLY_PGLITE=1: the embedded database only; BENCH_SQL: statements run on each database before the server starts)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../test/scratch-database.ts';
import { BASE_ENV, boothToken, CONNECTIONS, crossingLoad, loadLists, startServer, travellerQueue, warmUp } from './crossings/harness.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const PERSONS = opt('persons', 200_000);
const DOCUMENTS = opt('documents', 1_000_000);
const SECONDS = opt('seconds', 20);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = path.resolve(import.meta.dirname, '..');

async function run(label: string, env: NodeJS.ProcessEnv) {
  // first start: migrations and demo data; then the lists go in, then the server that indexes them
  const first = await startServer(root, env);
  await first.stop();
  const loadSeconds = await loadLists(env, PERSONS, DOCUMENTS);
  const server = await startServer(root, env);
  try {
    const bearer = await boothToken(server.url);
    // a traveller comes once in a run (a second registration while the first awaits exit fails a check)
    const queue = travellerQueue(50_000);
    const started = performance.now();
    await warmUp(server.url, bearer, queue.next());
    const indexSeconds = (performance.now() - started) / 1000;
    // BENCH_MARK=file: the file exists while the load runs (to measure the processes' CPU meanwhile)
    if (process.env.BENCH_MARK) fs.writeFileSync(process.env.BENCH_MARK, label);
    const result = await crossingLoad(server.url, bearer, queue, SECONDS);
    if (process.env.BENCH_MARK) fs.rmSync(process.env.BENCH_MARK, { force: true });
    console.error(`${label}: ${[...result.statuses].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    console.log(`| ${label} | ${PERSONS.toLocaleString('en')} + ${DOCUMENTS.toLocaleString('en')} (loaded in ${loadSeconds.toFixed(0)} s; first screening after ${indexSeconds.toFixed(1)} s) | ${result.crossings.toFixed(0)} | ${result.requests.toFixed(0)} | ${result.p50} ms | ${result.p99} ms | ${result.non2xx} / ${result.errors} |`);
  } finally {
    await server.stop();
  }
}

console.log(`# Crossing registration over HTTP — ${CONNECTIONS} connections, ${SECONDS} s, each crossing = register + decide`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log('| database | list persons + register documents | crossings/s | requests/s | request p50 | request p99 | non-2xx / errors |');
console.log('|---|---|---|---|---|---|---|');
const base = { ...process.env, ...BASE_ENV };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shekara-bench-crossings-'));
if (!process.env.BENCH_ONLY_PG) try {
  const pglite: NodeJS.ProcessEnv = { ...base, SHEKARA_DATA_DIR: dataDir };
  delete pglite.DATABASE_URL;
  await run('embedded PGlite', pglite);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
// --alone: PostgreSQL once more with each audited write a statement of its own (no group commit), side by side
const pgRuns: Array<[string, NodeJS.ProcessEnv]> = [['PostgreSQL 15', {}]];
if (args.includes('--alone')) pgRuns.push(['PostgreSQL 15, each write alone (SHEKARA_WRITE_BATCH=1)', { SHEKARA_WRITE_BATCH: '1' }]);
for (const [label, extra] of process.env.BENCH_ONLY_PGLITE ? [] : pgRuns) {
  const pg = await createScratchDatabase(PG_URL, 'shekara_bench');
  try {
    await run(label, { ...base, ...extra, DATABASE_URL: pg.url, SHEKARA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'shekara-bench-pg-')) });
  } finally {
    await pg.drop();
  }
}
