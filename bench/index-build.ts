// The screening index built as the server builds it: at a start, and again in the background when a list
// changes in another process while the booths are being served on the old index. The synthetic list of
// the crossing benchmark (persons and register documents) is written into a scratch PostgreSQL database,
// then the index is built through the server's holder. Reported: the build's seconds, and how long the
// event loop stalled meanwhile — the longest a booth's request waits while a rebuild runs.
// Usage: node bench/index-build.ts [--persons 200000 --documents 1000000 --builds 2] [<checkout> …]
// (with checkouts, e.g. a worktree of an earlier commit and `.`: the holders of each take turns on the
// same database, A B B A …, each build a rebuild after the list changed)
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { bumpScreeningVersion } from '../src/modules/screening/screening.repository.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { createScratchDatabase } from '../test/scratch-database.ts';
import { loadLists } from './crossings/harness.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const PERSONS = opt('persons', 200_000);
const DOCUMENTS = opt('documents', 1_000_000);
const BUILDS = opt('builds', 2);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map((d) => path.resolve(d));
if (dirs.length === 0) dirs.push(path.resolve(import.meta.dirname, '..'));
type Holder = { get(): Promise<unknown>; invalidate(): void };
type HolderModule = { createIndexHolder(deps: unknown): Holder };

console.log(`# Screening index build — ${PERSONS.toLocaleString('en')} persons, ${DOCUMENTS.toLocaleString('en')} register documents, PostgreSQL`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}\n`);
const pg = await createScratchDatabase(PG_URL, 'shekara_bench_index');
try {
  const database = await openDatabase({ databaseUrl: pg.url });
  await migrate(database);
  await database.close();
  await loadLists({ DATABASE_URL: pg.url }, PERSONS, DOCUMENTS);
  const handle = await openDatabase({ databaseUrl: pg.url });
  const quiet = { info() {}, warn() {}, error() {}, debug() {} };
  const holders: Array<{ dir: string; holder: Holder }> = [];
  for (const dir of dirs) {
    const module = (await import(path.join(dir, 'src/modules/screening/index-holder.ts'))) as HolderModule;
    holders.push({ dir, holder: module.createIndexHolder({ db: handle.db, clock: systemClock, log: quiet }) });
  }
  console.log('| build | checkout | seconds | event loop stalled: longest | p99 |');
  console.log('|---|---|---|---|---|');
  for (let build = 1; build <= BUILDS * holders.length; build++) {
    // in turns: A B B A A B …
    const round = Math.floor((build - 1) / holders.length);
    const turn = (build - 1) % holders.length;
    const { dir, holder } = holders[round % 2 === 0 ? turn : holders.length - 1 - turn]!;
    // a list changed: the next get() rebuilds (each holder's first get() builds)
    if (round > 0) {
      await bumpScreeningVersion(handle.db);
      holder.invalidate();
    }
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    await holder.get();
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    console.log(`| ${round === 0 ? 'first' : 'rebuild'} | ${path.basename(dir)} | ${seconds.toFixed(1)} s | ${(delay.max / 1e6).toFixed(0)} ms | ${(delay.percentile(99) / 1e6).toFixed(0)} ms |`);
  }
  await handle.close();
} finally {
  await pg.drop();
}
