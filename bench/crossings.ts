// End-to-end crossing registration over HTTP (issue 4): each crossing is a POST /api/v1/crossings (MRZ
// parsed, every check, screening against the loaded lists, crossing + version + audit written) followed
// by its decision (POST …/decision: checks, version, audit): pass when the checks point to it, a referral
// to secondary inspection otherwise (a traveller may resemble a listed person). 32 concurrent clients, on PGlite and on
// PostgreSQL side by side, with a synthetic watchlist of the screening benchmark loaded through the
// database and indexed by the server as in production.
// Usage: node --expose-gc bench/crossings.ts [--persons 200000 --documents 1000000 --seconds 20] [--alone]
// (BENCH_ONLY_PG=1: PostgreSQL only; BENCH_SQL: statements run on each database before the server starts)
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { checkDigit } from '../src/modules/documents/mrz.ts';
import { documentKey, documentLookupKey } from '../src/modules/screening/records.ts';
import { bumpScreeningVersion } from '../src/modules/screening/screening.repository.ts';
import { openDatabase } from '../src/platform/db.ts';
import { newId } from '../src/platform/ids.ts';
import { createScratchDatabase } from '../test/scratch-database.ts';
import { makePerson, mrzName, rng } from './screening/generate.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const PERSONS = opt('persons', 200_000);
const DOCUMENTS = opt('documents', 1_000_000);
const SECONDS = opt('seconds', 20);
const CONNECTIONS = 32;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = path.resolve(import.meta.dirname, '..');
const KORDAY = '8626379f-2e1d-551f-84ca-a3dd6ed804bf';

type Server = { url: string; child: ChildProcess; stop: () => Promise<void> };

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, ['--max-old-space-size=6000', ...profile, path.join(root, 'src/main.ts'), 'start'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, child, stop: async () => { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
}

/** The synthetic list and register, written straight into the tables the server indexes. */
async function loadLists(env: NodeJS.ProcessEnv) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.SHEKARA_DATA_DIR });
  const db = database.db;
  const now = new Date();
  const listId = newId();
  await db.insertInto('watchlist').values({ id: listId, code: 'BENCH-WANTED', kind: 'wanted', nameKk: 'Bench', nameRu: 'Bench', nameEn: 'Bench', ownerAgencyId: null, contact: 'bench', defaultAction: 'detain', threshold: null, source: 'bench', createdAt: now, updatedAt: now }).execute();
  const r = rng(7);
  const t0 = performance.now();
  for (let i = 0; i < PERSONS; i += 500) {
    const rows = [];
    for (let k = i; k < Math.min(PERSONS, i + 500); k++) {
      const p = makePerson(r);
      const name = p.cyrillic ? [p.surname, p.given, p.patronymic].filter(Boolean).join(' ') : [mrzName(p).surname, mrzName(p).given].join(' ');
      const year = Number(p.birth.slice(0, 4));
      rows.push({
        id: newId(), watchlistId: listId, externalId: `B-${k}`, kind: 'wanted', primaryName: name, names: JSON.stringify([{ name, quality: 'strong' }]), sex: p.sex, dateOfBirth: p.birth,
        birthYearFrom: year, birthYearTo: year, nationalities: [p.nationality], documentNumbers: [], contentHash: `b${k}`, restricted: true, version: 1, createdAt: now, updatedAt: now,
      });
    }
    await db.insertInto('watchlistEntry').values(rows).execute();
  }
  for (let i = 0; i < DOCUMENTS; i += 1000) {
    const rows = [];
    for (let k = i; k < Math.min(DOCUMENTS, i + 1000); k++) {
      const number = `Q${String(k).padStart(9, '0')}`;
      rows.push({ id: newId(), issuingState: 'KAZ', number, numberKey: documentKey(number), lookupKey: documentLookupKey(number), documentType: 'P', status: 'lost' as const, source: 'bench', reportedOn: null, createdAt: now });
    }
    await db.insertInto('documentRegister').values(rows).execute();
  }
  await bumpScreeningVersion(db);
  // BENCH_SQL: statements run on the database before the server starts (to try a change side by side)
  if (process.env.BENCH_SQL) await sql.raw(process.env.BENCH_SQL).execute(db);
  await database.close();
  return (performance.now() - t0) / 1000;
}

/** Clean travellers: Kazakh passports of people not on the list, with valid check digits. */
function travellers(count: number): string[][] {
  const r = rng(11);
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const p = makePerson(r);
    const m = mrzName(p);
    const mrzPart = (x: string) => x.toUpperCase().replace(/[^A-Z]+/g, '<');
    const l1 = `P<KAZ${mrzPart(m.surname)}<<${mrzPart(m.given)}`.slice(0, 44).padEnd(44, '<');
    const number = `N${String(10_000_000 + i)}`.slice(0, 9);
    const dob = p.birth.slice(2).replace(/-/g, '');
    const l2 = `${number}${checkDigit(number)}KAZ${dob}${checkDigit(dob)}${p.sex}310101${checkDigit('310101')}${'<'.repeat(14)}0`;
    out.push([l1, l2 + checkDigit(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43))]);
  }
  return out;
}

async function token(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.booth.korday', password: 'Shekara-Demo-2026' }) });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const res = await fetch(`${url}/api/v1/me/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ name: 'bench' }) });
  if (!res.ok) throw new Error(`token failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function run(label: string, env: NodeJS.ProcessEnv) {
  // first start: migrations and demo data; then the lists go in, then the server that indexes them
  const first = await startServer(env);
  await first.stop();
  const loadSeconds = await loadLists(env);
  const server = await startServer(env);
  try {
    const bearer = await token(server.url);
    const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
    const started = performance.now();
    const warm = await fetch(`${server.url}/api/v1/crossings`, { method: 'POST', headers, body: JSON.stringify({ checkpointId: KORDAY, direction: 'entry', transportMode: 'road', mrz: travellers(1)[0] }) });
    if (warm.status !== 201) throw new Error(`warm-up crossing: ${warm.status} ${await warm.text()}`);
    const indexSeconds = (performance.now() - started) / 1000;
    // a traveller comes once in a run (a second registration while the first awaits exit fails a check)
    const mrzs = travellers(50_000);
    let n = 0;
    const statuses = new Map<string, number>();
    const count = (what: string, status: number) => statuses.set(`${what} ${status}`, (statuses.get(`${what} ${status}`) ?? 0) + 1);
    // BENCH_MARK=file: the file exists while the load runs (to measure the processes' CPU meanwhile)
    if (process.env.BENCH_MARK) fs.writeFileSync(process.env.BENCH_MARK, label);
    const result = await autocannon({
      url: server.url, connections: CONNECTIONS, duration: SECONDS,
      requests: [
        { method: 'POST', path: '/api/v1/crossings', headers, setupRequest: (req) => ({ ...req, body: JSON.stringify({ checkpointId: KORDAY, direction: 'entry', transportMode: 'road', mrz: mrzs[n++ % mrzs.length] }) }),
          onResponse: (status, body, context) => {
            count('register', status);
            const crossing = status === 201 ? (JSON.parse(body) as { id: string; suggested: { decision: string } }) : undefined;
            // as the officer would: pass when the checks point to it, otherwise refer to secondary inspection
            Object.assign(context, { id: crossing?.id, decision: crossing?.suggested.decision === 'pass' ? 'pass' : 'secondary' });
          } },
        { method: 'POST', headers, setupRequest: (req, context) => ({ ...req, path: `/api/v1/crossings/${(context as { id?: string }).id}/decision`, body: JSON.stringify((context as { decision?: string }).decision === 'pass' ? { decision: 'pass' } : { decision: 'secondary', note: 'resembles a listed person' }) }),
          onResponse: (status, body, context) => { count(`decide ${(context as { decision?: string }).decision}`, status); if (status >= 400 && (statuses.get(`decide ${status}`) ?? 0) <= 3) console.error(body.slice(0, 300)); } },
      ],
    });
    if (process.env.BENCH_MARK) fs.rmSync(process.env.BENCH_MARK, { force: true });
    const crossings = result.requests.total / 2 / result.duration;
    console.error(`${label}: ${[...statuses].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    console.log(`| ${label} | ${PERSONS.toLocaleString('en')} + ${DOCUMENTS.toLocaleString('en')} (loaded in ${loadSeconds.toFixed(0)} s; first screening after ${indexSeconds.toFixed(1)} s) | ${crossings.toFixed(0)} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.non2xx} / ${result.errors} |`);
  } finally {
    await server.stop();
  }
}

console.log(`# Crossing registration over HTTP — ${CONNECTIONS} connections, ${SECONDS} s, each crossing = register + decide`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log('| database | list persons + register documents | crossings/s | requests/s | request p50 | request p99 | non-2xx / errors |');
console.log('|---|---|---|---|---|---|---|');
const base = { ...process.env, SHEKARA_LOG_LEVEL: 'warn', SHEKARA_ADMIN_PASSWORD: 'Bench-Secret-2026!', SHEKARA_LOGIN_RATE_PER_MINUTE: '1000', SHEKARA_DEMO: 'true' };
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
for (const [label, extra] of pgRuns) {
  const pg = await createScratchDatabase(PG_URL, 'shekara_bench');
  try {
    await run(label, { ...base, ...extra, DATABASE_URL: pg.url, SHEKARA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'shekara-bench-pg-')) });
  } finally {
    await pg.drop();
  }
}
