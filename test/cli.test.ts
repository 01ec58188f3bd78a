import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase } from '../src/platform/db.ts';
import { ADMIN_PASSWORD } from './helpers.ts';
import { createScratchDatabase } from './scratch-database.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shekara-cli-'));
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

before(async () => {
  if (!process.env.DATABASE_URL) return;
  const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'shekara_cli');
  databaseUrl = scratch.url;
  dropDatabase = scratch.drop;
});
after(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.();
});

function shekara(...args: string[]) {
  return shekaraWith(undefined, ...args);
}

function shekaraWith(input: string | undefined, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, SHEKARA_DATA_DIR: dataDir, SHEKARA_ADMIN_PASSWORD: ADMIN_PASSWORD, SHEKARA_DEMO: 'false' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return spawnSync(process.execPath, [path.join(root, 'bin/shekara.js'), ...args], { encoding: 'utf8', env, timeout: 120_000, ...(input !== undefined && { input }) });
}

test('--help lists the commands', () => {
  const res = shekara('--help');
  assert.equal(res.status, 0);
  for (const command of ['start', 'db', 'demo', 'user', 'token', 'audit', 'mrz', 'watchlist', 'screen']) assert.match(res.stdout, new RegExp(`\\b${command}\\b`));
});

test('db migrate, demo seed, user create, token create and audit verify work end to end', async () => {
  const migrated = shekara('db', 'migrate');
  assert.equal(migrated.status, 0, migrated.stderr);
  assert.match(shekara('db', 'migrate').stdout, /up to date/);
  const seeded = shekara('demo', 'seed');
  assert.equal(seeded.status, 0, seeded.stderr);
  assert.match(seeded.stdout, /Loaded \d+ demo records/);
  assert.match(shekara('demo', 'seed').stdout, /already loaded/);
  // the scheduler's round on demand: the demo history has opened today's clocks already, a second round opens nothing
  const round = shekara('exchange', 'round');
  assert.equal(round.status, 0, round.stderr);
  assert.match(round.stdout, /^Opened \d+ clock\(s\); \d+ overdue and escalated/);
  assert.match(shekara('exchange', 'round').stdout, /^Opened 0 clock\(s\)/);

  const created = shekara('user', 'create', '--username', 'cli.officer', '--unit', 'BS-POST-KORDAY', '--role', 'border_officer', '--role', 'unit_head@BS-POST-KORDAY', '--display-name', 'Серік Ахметов');
  assert.equal(created.status, 0, created.stderr);
  const password = /Password: (\S+)/.exec(created.stdout)?.[1];
  assert.ok(password && password.length >= 16, 'a generated password is printed once');

  const badRole = shekara('user', 'create', '--username', 'cli.bad', '--unit', 'BS-POST-KORDAY', '--role', 'customs_officer');
  assert.equal(badRole.status, 2);
  assert.match(badRole.stderr, /roles\.0\.role/);
  const badUnit = shekara('user', 'create', '--username', 'cli.bad', '--unit', 'NO-SUCH-UNIT');
  assert.equal(badUnit.status, 2);
  assert.match(badUnit.stderr, /Unknown unit code NO-SUCH-UNIT/);

  const token = shekara('token', 'create', '--username', 'cli.officer', '--name', 'booth scanner');
  assert.equal(token.status, 0, token.stderr);
  assert.match(token.stdout.trim(), /^shk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]+$/);

  const verified = shekara('audit', 'verify');
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /Audit trail intact/);

  const handle = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
  try {
    const user = await handle.db.selectFrom('appUser').selectAll().where('username', '=', 'cli.officer').executeTakeFirstOrThrow();
    assert.equal(user.displayName, 'Серік Ахметов');
    const roles = await handle.db.selectFrom('userRole').select('roleCode').where('userId', '=', user.id).execute();
    assert.deepEqual(roles.map((r) => r.roleCode).sort(), ['border_officer', 'unit_head']);
    const tokens = await handle.db.selectFrom('apiToken').select(['name', 'tokenHash']).where('userId', '=', user.id).execute();
    assert.equal(tokens.length, 1);
    assert.notEqual(tokens[0]!.tokenHash, token.stdout.trim());
    // the demo seed wrote a few days of exchange between the Zhambyl duty desks through the real services
    const messages = await handle.db.selectFrom('exchangeMessage').select(['type', 'timing']).execute();
    assert.ok(messages.some((m) => m.type === 'urgent_confirmation' && m.timing === 'late'));
    assert.ok(messages.some((m) => m.type === 'daily' && m.timing === 'late'));
    assert.ok((await handle.db.selectFrom('obligation').select('id').where('state', '=', 'overdue').execute()).length > 0);
    // and a morning of border control at Korday, with a stay still open
    assert.ok((await handle.db.selectFrom('crossing').select('id').execute()).length >= 25);
    assert.ok((await handle.db.selectFrom('openStay').select('documentNumber').execute()).length >= 3);
  } finally {
    await handle.close();
  }
});

test('watchlist import (UN XML, CSV) and screen from the command line', () => {
  const un = path.resolve(root, '../shared/data/watchlists/un-consolidated.xml');
  const imported = shekara('watchlist', 'import', '--format', 'un-xml', un);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /UN-SC: 730 added/);
  assert.match(imported.stderr, /Importing: 730\/730/);
  assert.match(shekara('watchlist', 'import', '--format', 'un-xml', un).stdout, /0 added, 0 changed, 0 removed, 730 unchanged/);
  const csv = path.join(dataDir, 'wanted.csv');
  fs.writeFileSync(csv, 'id,list,surname,given_names,aliases,date_of_birth,nationality,sex,document_numbers\nW-1,MIA-WANTED,Жұмабаев,Нұрлан,,1975,KAZ,M,\nW-2,MIA-WANTED,Bad,Date,,1975-13-01,KAZ,M,\n');
  const rejected = shekara('watchlist', 'import', '--format', 'csv', '--kind', 'wanted', csv);
  assert.equal(rejected.status, 2);
  assert.match(rejected.stderr, /line 3: date_of_birth "1975-13-01"/);
  fs.writeFileSync(csv, 'id,list,surname,given_names,aliases,date_of_birth,nationality,sex,document_numbers\nW-1,MIA-WANTED,Жұмабаев,Нұрлан,,1975,KAZ,M,\n');
  assert.equal(shekara('watchlist', 'import', '--format', 'csv', '--kind', 'wanted', csv).status, 0);
  const screened = shekara('screen', '--surname', 'ZHUMABAYEV', '--given-names', 'NURLAN', '--date-of-birth', '1975-05-01');
  assert.equal(screened.status, 0, screened.stderr);
  const result = JSON.parse(screened.stdout.trim().split('\n')[0]!);
  assert.equal(result.hits[0].entryId, 'W-1');
  assert.equal(result.hits[0].list, 'MIA-WANTED');
  const bad = shekara('screen', '--nationality', 'XX1');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /person/);
});

test('a CLI command on an embedded database held by a running server says what to do', { skip: Boolean(process.env.DATABASE_URL) && 'only the embedded database has a single owner' }, () => {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'shekara.lock'), String(process.pid));
  try {
    const res = shekara('audit', 'verify');
    assert.equal(res.status, 3);
    // a second server on the same directory refuses the same way instead of corrupting it
    const server = shekara('start');
    assert.equal(server.status, 3);
    assert.match(server.stderr, /in use by another Shekara process/);
    assert.match(res.stderr, new RegExp(`in use by another Shekara process \\(pid ${process.pid}\\)`));
    assert.match(res.stderr, /DATABASE_URL/);
  } finally {
    fs.rmSync(path.join(dataDir, 'shekara.lock'));
  }
});

test('a bad environment is reported variable by variable', () => {
  const res = spawnSync(process.execPath, [path.join(root, 'bin/shekara.js'), 'db', 'migrate'], { encoding: 'utf8', env: { ...process.env, PORT: 'x', DATABASE_URL: 'mysql://nope' } });
  assert.equal(res.status, 2);
  assert.match(res.stderr, /PORT/);
  assert.match(res.stderr, /DATABASE_URL/);
});

test('mrz parse reads standard input and answers by exit code: 0 valid, 1 failing a check, 2 unreadable', () => {
  const valid = shekaraWith('\n  P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n\n', 'mrz', 'parse');
  assert.equal(valid.status, 0, valid.stderr);
  const parsed = JSON.parse(valid.stdout);
  assert.equal(parsed.format, 'TD3');
  assert.equal(parsed.documentNumber, 'L898902C3');
  assert.deepEqual(parsed.errors, []);
  const failing = shekaraWith('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<11', 'mrz', 'parse');
  assert.equal(failing.status, 1);
  assert.deepEqual(JSON.parse(failing.stdout).errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`), ['composite:CHECK_DIGIT']);
  const unreadable = shekaraWith('not an mrz', 'mrz', 'parse');
  assert.equal(unreadable.status, 2);
  assert.equal(JSON.parse(unreadable.stdout).errors[0].code, 'UNREADABLE');
});
