// The test world: a real database per test file (in-memory PGlite, or a fresh PostgreSQL database
// when DATABASE_URL is set), the whole app through `inject`, and factories for the records a test needs.
import crypto from 'node:crypto';
import { after, before } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type Services } from '../src/app.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { seedId } from '../src/demo/index.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db.ts';
import type { Deps } from '../src/platform/deps.ts';
import { newId } from '../src/platform/ids.ts';
import { hashPassword } from '../src/modules/auth/index.ts';
import { checkDigit } from '../src/modules/documents/mrz.ts';
import { createScratchDatabase } from './scratch-database.ts';

export const TEST_PASSWORD = 'Test-Password-2026';
export const ADMIN_PASSWORD = 'Root-Secret-2026!';

export type World = {
  deps: Deps;
  database: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  close(): Promise<void>;
};

/** A fresh database with migrations, roles, reference data and the admin user (no demo data unless asked). */
export async function createWorld(options: { demo?: boolean; config?: Partial<Config> } = {}): Promise<World> {
  const config: Config = {
    // many sign-ins a minute from one address: tests that check the limit set their own
    ...loadConfig({ SHEKARA_ADMIN_PASSWORD: ADMIN_PASSWORD, SHEKARA_LOG_LEVEL: 'silent', SHEKARA_DEMO: options.demo ? 'true' : 'false', SHEKARA_LOGIN_RATE_PER_MINUTE: '10000' }),
    ...options.config,
  };
  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL);
    databaseUrl = scratch.url;
    dropDatabase = scratch.drop;
  }
  const database = await openDatabase({ databaseUrl });
  const clock = fixedClock(new Date('2026-11-20T06:00:00.000Z'));
  const deps: Deps = { db: database.db, database, clock, config: { ...config, databaseUrl }, log: { info() {}, warn() {}, error() {}, debug() {} } as never };
  await prepareDatabase(database, deps, config);
  return {
    deps, database, clock, config,
    async close() {
      await database.close();
      await dropDatabase?.();
    },
  };
}

export async function createAppWorld(options: { demo?: boolean; config?: Partial<Config> } = {}): Promise<World & { app: FastifyInstance; services: Services }> {
  const world = await createWorld(options);
  const { app, services } = await buildApp(world.deps, { logger: false, web: false });
  await app.ready();
  return { ...world, app, services, close: async () => { await app.close(); await world.close(); } };
}

export type AppWorld = Awaited<ReturnType<typeof createAppWorld>>;

/**
 * A test file's world: made before its tests (then `setup`, the file's own preparation, in the same
 * hook: root hooks do not wait for each other) and closed after them; its fields are set once made.
 */
export function useAppWorld(options: Parameters<typeof createAppWorld>[0] = {}, setup?: (world: AppWorld) => Promise<void>): AppWorld {
  const world = {} as AppWorld;
  before(async () => {
    Object.assign(world, await createAppWorld(options));
    await setup?.(world);
  });
  after(() => world.close?.());
  return world;
}

export const agencyId = (code: string) => seedId('agency', code);
export const unitId = (code: string) => seedId('unit', code);
/** The password every demo account shares (published in the README). */
export const DEMO_PASSWORD = 'Shekara-Demo-2026';

/** Makes a unit under `parentId`, or a root unit of the agency. */
export async function makeUnit(world: World, input: { agency: string; parentId?: string; level?: number; code?: string; timeZone?: string }) {
  const now = world.clock.now();
  const parent = input.parentId ? await world.deps.db.selectFrom('unit').selectAll().where('id', '=', input.parentId).executeTakeFirstOrThrow() : null;
  const id = newId();
  const code = input.code ?? `U-${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  const row = {
    id, agencyId: agencyId(input.agency), parentId: parent?.id ?? null, path: [...(parent?.path ?? []), id], level: parent ? parent.level + 1 : (input.level ?? 1),
    unitType: 'TEST', code, nameKk: `${code} kk`, nameRu: `${code} ru`, nameEn: `${code} en`, timeZone: input.timeZone ?? parent?.timeZone ?? 'Asia/Almaty', createdAt: now, updatedAt: now,
  };
  await world.deps.db.insertInto('unit').values(row).execute();
  return row;
}

export async function makeOfficer(world: World, input: { unitId: string; surname?: string }) {
  const unit = await world.deps.db.selectFrom('unit').selectAll().where('id', '=', input.unitId).executeTakeFirstOrThrow();
  const now = world.clock.now();
  const row = { id: newId(), agencyId: unit.agencyId, unitId: unit.id, surname: input.surname ?? 'Testov', givenNames: 'Test', patronymic: null, rank: 'captain', position: 'Inspector', serviceCertificateNo: `T-${crypto.randomBytes(4).toString('hex')}`, createdAt: now, updatedAt: now };
  await world.deps.db.insertInto('officer').values(row).execute();
  return row;
}

let cachedHash: Promise<string> | undefined;
/** Makes a user with roles (each role over `scopeUnitId`, default: the whole agency). */
export async function makeUser(world: World, input: { unitId?: string | null; roles?: Array<{ role: string; scopeUnitId?: string | null }>; username?: string }) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const unit = input.unitId ? await world.deps.db.selectFrom('unit').selectAll().where('id', '=', input.unitId).executeTakeFirstOrThrow() : null;
  const now = world.clock.now();
  const id = newId();
  const username = input.username ?? `u.${crypto.randomBytes(5).toString('hex')}`;
  await world.deps.db.insertInto('appUser').values({ id, username, displayName: username, passwordHash: await cachedHash, agencyId: unit?.agencyId ?? null, unitId: unit?.id ?? null, locale: 'en', passwordChangedAt: now, createdAt: now, updatedAt: now }).execute();
  for (const r of input.roles ?? []) {
    await world.deps.db.insertInto('userRole').values({ userId: id, roleCode: r.role, scopeUnitId: r.scopeUnitId ?? null, grantedAt: now, grantedBy: null }).execute();
  }
  return { id, username };
}

export type Client = {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
};

/** Signs in through the API and returns a client that sends the session cookie and CSRF token. */
export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'shekara_session')!;
  const csrf = res.json().csrfToken as string;
  const cookieHeader = `shekara_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({ method: method as never, url, ...(body === undefined ? {} : { payload: body as never }), headers: { cookie: cookieHeader, 'x-csrf-token': csrf, ...headers } }),
  };
}

/** Signs in once and returns a client that calls with a new API token of that user: unlike a session, a token does not idle
 * out when a test moves the clock by hours or days. */
export async function tokenClient(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Client> {
  const session = await signIn(app, username, password);
  const { token } = (await session.request('POST', '/api/v1/me/tokens', { name: 'test client' })).json();
  return {
    cookie: '', csrf: '',
    request: (method, url, body, headers = {}) => app.inject({ method: method as never, url, ...(body === undefined ? {} : { payload: body as never }), headers: { authorization: `Bearer ${token}`, ...headers } }),
  };
}

/** A passport MRZ (TD3) with correct check digits, for tests that register travellers. */
export function passportMrz(p: { surname: string; given: string; number: string; nationality: string; dob: string; sex: 'M' | 'F'; expiry: string }): string[] {
  const l1 = `P<${p.nationality}${p.surname}<<${p.given.replace(/ /g, '<')}`.padEnd(44, '<');
  const number = p.number.padEnd(9, '<');
  const l2 = `${number}${checkDigit(number)}${p.nationality}${p.dob}${checkDigit(p.dob)}${p.sex}${p.expiry}${checkDigit(p.expiry)}${'<'.repeat(14)}0`;
  return [l1, l2 + checkDigit(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43))];
}

/** The text of the server's source files under `src/` (or a folder of it), tests left out: for tests that hold every code it makes to its words. */
export function sourceText(dir = ''): string {
  const root = path.resolve(import.meta.dirname, '../src', dir);
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
}

/** The demo checkpoint Korday and its first road lanes, where the crossing tests register travellers. */
export const KORDAY = seedId('checkpoint', 'KORDAY');
export const KORDAY_ROAD_IN = seedId('lane', 'KORDAY/R-IN-1');
export const KORDAY_ROAD_OUT = seedId('lane', 'KORDAY/R-OUT-1');

/** A traveller registered at Korday's road entry as a foreigner, unless the body says otherwise. */
export function startCrossing(client: Client, body: Record<string, unknown>) {
  return client.request('POST', '/api/v1/crossings', { checkpointId: KORDAY, laneId: KORDAY_ROAD_IN, direction: 'entry', transportMode: 'road', travellerCategory: 'foreigner', ...body });
}
