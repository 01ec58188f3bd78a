// A/B of crossing registration over HTTP: the servers of two checkouts on one PostgreSQL database with
// the synthetic list loaded once, loaded in turns of a few seconds each (A B B A B A A B …), so that a
// noisy machine's drift falls on both alike. Each turn is the load of bench/crossings.ts (32 booths,
// each crossing registered and decided); travellers never repeat across turns or servers.
// Usage: node bench/crossings-ab.ts <checkout A> <checkout B> [--persons 200000 --documents 1000000 --seconds 8 --rounds 4 --resend 0.02]
// (--resend: the share of registrations a booth sends again with the same id, as on a poor link)
// (e.g. `git worktree add /tmp/base HEAD~1` for A, `.` for B; the servers run each checkout's own code,
// the migrations are B's; BENCH_NODE_FLAGS_A/_B: node flags for one side, BENCH_ENV_A/_B: settings for one
// side, `NAME=value …`, to try a flag or a setting on one checkout)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../test/scratch-database.ts';
import { BASE_ENV, boothToken, crossingLoad, loadLists, startServer, travellerQueue, warmUp, type LoadResult, type Server } from './crossings/harness.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (dirs.length !== 2) throw new Error('usage: node bench/crossings-ab.ts <checkout A> <checkout B> [--persons N --documents N --seconds S --rounds R]');
const [aDir, bDir] = dirs.map((d) => path.resolve(d)) as [string, string];
const SECONDS = opt('seconds', 8);
const ROUNDS = opt('rounds', 4);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

console.log(`# Crossings A/B — A: ${aDir}, B: ${bDir}; ${ROUNDS} rounds of ${SECONDS} s each`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}\n`);
const pg = await createScratchDatabase(PG_URL, 'shekara_bench_ab');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shekara-bench-ab-'));
const env = { ...process.env, ...BASE_ENV, DATABASE_URL: pg.url, SHEKARA_DATA_DIR: dataDir };
const servers: Server[] = [];
try {
  await (await startServer(bDir, env)).stop();
  const loaded = await loadLists(env, opt('persons', 200_000), opt('documents', 1_000_000));
  console.error(`lists loaded in ${loaded.toFixed(0)} s`);
  const queue = travellerQueue(200_000);
  const sides: Array<{ name: string; server: Server; bearer: string; turns: LoadResult[] }> = [];
  for (const [name, dir] of [['A', aDir], ['B', bDir]] as const) {
    // BENCH_NODE_FLAGS_A / _B: node flags for one side's server (the same checkout twice, one flag apart)
    // BENCH_ENV_A / _B: settings for one side's server, `NAME=value` separated by spaces (e.g. SHEKARA_WRITE_LANES=2)
    const own = Object.fromEntries((process.env[`BENCH_ENV_${name}`] ?? '').split(' ').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
    const server = await startServer(dir, { ...env, ...own, SHEKARA_NODE_ID: `bench-${name.toLowerCase()}` }, process.env[`BENCH_NODE_FLAGS_${name}`] ?? process.env.BENCH_NODE_FLAGS);
    servers.push(server);
    const bearer = await boothToken(server.url);
    await warmUp(server.url, bearer, queue.next());
    sides.push({ name, server, bearer, turns: [] });
  }
  console.log('| turn | server | crossings/s | request p50 | request p99 | non-2xx / errors |');
  console.log('|---|---|---|---|---|---|');
  let turn = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const result = await crossingLoad(side.server.url, side.bearer, queue, SECONDS, { resend: opt('resend', 0) });
      side.turns.push(result);
      console.log(`| ${++turn} | ${side.name} | ${result.crossings.toFixed(0)} | ${result.p50} ms | ${result.p99} ms | ${result.non2xx} / ${result.errors} |`);
    }
  }
  const mean = (turns: LoadResult[], f: (r: LoadResult) => number) => turns.reduce((s, r) => s + f(r), 0) / turns.length;
  const [a, b] = sides as [typeof sides[0], typeof sides[0]];
  console.log(`\nmean crossings/s: A ${mean(a.turns, (r) => r.crossings).toFixed(0)}, B ${mean(b.turns, (r) => r.crossings).toFixed(0)} (B/A ${(mean(b.turns, (r) => r.crossings) / mean(a.turns, (r) => r.crossings)).toFixed(2)}); mean p99: A ${mean(a.turns, (r) => r.p99).toFixed(0)} ms, B ${mean(b.turns, (r) => r.p99).toFixed(0)} ms`);
  console.log(`B ahead in ${a.turns.filter((r, i) => b.turns[i]!.crossings > r.crossings).length} of ${ROUNDS} rounds`);
} finally {
  for (const server of servers) await server.stop();
  await pg.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
