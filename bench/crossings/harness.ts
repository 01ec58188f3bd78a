// What the crossing benchmarks share (bench/crossings.ts, bench/crossings-ab.ts): the server as `npm
// start` runs it, the synthetic list loaded through the database, clean travellers, a booth officer's
// token, and the load itself (each crossing a registration and its decision, as the officer decides).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { checkDigit } from '../../src/modules/documents/mrz.ts';
import { documentKey, documentLookupKey } from '../../src/modules/screening/records.ts';
import { bumpScreeningVersion } from '../../src/modules/screening/screening.repository.ts';
import { openDatabase } from '../../src/platform/db.ts';
import { newId } from '../../src/platform/ids.ts';
import { makePerson, mrzName, rng } from '../screening/generate.ts';

export const KORDAY = '8626379f-2e1d-551f-84ca-a3dd6ed804bf';
export const CONNECTIONS = 32;
export const BASE_ENV = { SHEKARA_LOG_LEVEL: 'warn', SHEKARA_ADMIN_PASSWORD: 'Bench-Secret-2026!', SHEKARA_LOGIN_RATE_PER_MINUTE: '1000', SHEKARA_DEMO: 'true' };

export type Server = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** The server of the checkout at `root`, as `npm start` runs it, on a port of its own. */
/** The node flags `npm start` gives the server in a checkout (its package.json's start script), so the bench runs it as started. */
export function startFlags(root: string): string[] {
  const start = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  const tokens = start.split(/\s+/).slice(1); // after `node`: its flags, up to the script
  return tokens.slice(0, tokens.findIndex((t) => !t.startsWith('--')));
}

export async function startServer(root: string, env: NodeJS.ProcessEnv, nodeFlags = process.env.BENCH_NODE_FLAGS): Promise<Server> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // BENCH_NODE_FLAGS: more flags for the server's node (e.g. --trace-gc), its output then in BENCH_SERVER_OUT if set
  const flags = nodeFlags?.split(' ').filter(Boolean) ?? [];
  const out = process.env.BENCH_SERVER_OUT ? fs.openSync(process.env.BENCH_SERVER_OUT, 'a') : 'ignore';
  const child = spawn(process.execPath, ['--max-old-space-size=6000', ...startFlags(root), ...profile, ...flags, path.join(root, 'src/main.ts'), 'start'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', out, 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, child, stop: async () => { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
}

/** The synthetic list and register, written straight into the tables the server indexes; seconds taken. */
export async function loadLists(env: NodeJS.ProcessEnv, persons: number, documents: number) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.SHEKARA_DATA_DIR });
  const db = database.db;
  const now = new Date();
  const listId = newId();
  await db.insertInto('watchlist').values({ id: listId, code: 'BENCH-WANTED', kind: 'wanted', nameKk: 'Bench', nameRu: 'Bench', nameEn: 'Bench', ownerAgencyId: null, contact: 'bench', defaultAction: 'detain', threshold: null, source: 'bench', createdAt: now, updatedAt: now }).execute();
  const r = rng(7);
  const t0 = performance.now();
  for (let i = 0; i < persons; i += 500) {
    const rows = [];
    for (let k = i; k < Math.min(persons, i + 500); k++) {
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
  for (let i = 0; i < documents; i += 1000) {
    const rows = [];
    for (let k = i; k < Math.min(documents, i + 1000); k++) {
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
export function travellers(count: number): string[][] {
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

/** A bearer token of the demo booth officer at Korday. */
export async function boothToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.booth.korday', password: 'Shekara-Demo-2026' }) });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const res = await fetch(`${url}/api/v1/me/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ name: 'bench' }) });
  if (!res.ok) throw new Error(`token failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The travellers of a run, each coming once: `next()` gives the next one's MRZ (shared by the servers of an A/B run). */
export function travellerQueue(count: number) {
  const mrzs = travellers(count);
  let n = 0;
  return { next: () => mrzs[n++ % mrzs.length]!, get used() { return n; } };
}

/** Registers the first traveller: returns when the server's screening index is built. */
export async function warmUp(url: string, bearer: string, mrz: string[]) {
  const res = await fetch(`${url}/api/v1/crossings`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify({ checkpointId: KORDAY, direction: 'entry', transportMode: 'road', mrz }) });
  if (res.status !== 201) throw new Error(`warm-up crossing: ${res.status} ${await res.text()}`);
  // the decision too, so that the traveller leaves control
  const { id } = (await res.json()) as { id: string };
  await fetch(`${url}/api/v1/crossings/${id}/decision`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'secondary', note: 'warm-up' }) });
}

export type LoadResult = { crossings: number; requests: number; p50: number; p99: number; non2xx: number; errors: number; statuses: Map<string, number> };

/**
 * `seconds` of load by 32 booths: each crossing registered, then decided as the officer would. With
 * `resend` (a share, e.g. 0.02), a booth sometimes sends its last registration again, as a booth on a
 * poor link does when an answer is lost: the same id (the writer's), so the server answers with the
 * first crossing; the decision of such a turn is left out (a health check in its place).
 */
export async function crossingLoad(url: string, bearer: string, queue: { next: () => string[] }, seconds: number, options: { resend?: number } = {}): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
  const resend = options.resend ?? 0;
  const statuses = new Map<string, number>();
  const count = (what: string, status: number) => statuses.set(`${what} ${status}`, (statuses.get(`${what} ${status}`) ?? 0) + 1);
  type Booth = { id?: string; decision?: string; last?: string; resending?: boolean };
  // BENCH_TICKS=1: each second's registrations answered, on stderr (where the run is slow: its start, or throughout)
  const ticks: number[] = [];
  let lastRegistered = 0;
  const timer = process.env.BENCH_TICKS ? setInterval(() => { const now = statuses.get('register 201') ?? 0; ticks.push(now - lastRegistered); lastRegistered = now; }, 1000) : undefined;
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: seconds,
    requests: [
      { method: 'POST', path: '/api/v1/crossings', headers,
        setupRequest: (req, context) => {
          const booth = context as Booth;
          booth.resending = resend > 0 && booth.last !== undefined && Math.random() < resend;
          if (!booth.resending) booth.last = JSON.stringify({ ...(resend > 0 && { id: newId() }), checkpointId: KORDAY, direction: 'entry', transportMode: 'road', mrz: queue.next() });
          return { ...req, body: booth.last };
        },
        onResponse: (status, body, context) => {
          const booth = context as Booth;
          count(booth.resending ? 'resend' : 'register', status);
          const crossing = status === 201 ? (JSON.parse(body) as { id: string; suggested: { decision: string } }) : undefined;
          // as the officer would: pass when the checks point to it, otherwise refer to secondary inspection
          Object.assign(booth, { id: crossing?.id, decision: booth.resending ? 'none' : crossing?.suggested.decision === 'pass' ? 'pass' : 'secondary' });
        } },
      { method: 'POST', headers,
        setupRequest: (req, context) => {
          const booth = context as Booth;
          if (booth.decision === 'none') return { ...req, method: 'GET', path: '/health/live', body: undefined };
          return { ...req, path: `/api/v1/crossings/${booth.id}/decision`, body: JSON.stringify(booth.decision === 'pass' ? { decision: 'pass' } : { decision: 'secondary', note: 'resembles a listed person' }) };
        },
        onResponse: (status, body, context) => { count(`decide ${(context as Booth).decision}`, status); if (status >= 400 && (statuses.get(`decide ${status}`) ?? 0) <= 3) console.error(body.slice(0, 300)); } },
    ],
  });
  if (timer) { clearInterval(timer); console.error(`registered each second: ${ticks.join(' ')}`); }
  // crossings: registrations answered 201, resends left out
  return { crossings: (statuses.get('register 201') ?? 0) / result.duration, requests: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, statuses };
}
