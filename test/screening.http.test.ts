import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { seedId } from '../src/demo/index.ts';
import { parseUnXml, parseWatchlistCsv } from '../src/modules/screening/index.ts';
import { cliActor } from '../src/platform/actor.ts';
import { PERMISSIONS } from '../src/platform/permissions.ts';
import { ADMIN_PASSWORD, makeUnit, makeUser, signIn, useAppWorld, type Client } from './helpers.ts';

const UN_XML = path.resolve(import.meta.dirname, '../../shared/data/watchlists/un-consolidated.xml');
const cli = { actor: cliActor(new Set(PERMISSIONS)), correlationId: 'test', ip: null };
const CSV = `id,list,surname,given_names,aliases,date_of_birth,nationality,sex,document_numbers
W-1,MIA-WANTED,Щербакова,Юлия Сергеевна,Shcherbakova Yulia,1985-03-14,KAZ,F,N12345678
W-2,MIA-WANTED,Тоқаев,Серік,Tokayev Serik;Токаев Серик,1979,KAZ,M,
B-1,EXIT-BAN,Ахметов,Ерлан Болатұлы,,1990-07,KAZ,M,`;

let booth: Client;
const w = useAppWorld({ demo: true }, async () => {
  booth = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
});

const screen = (body: unknown, client = booth) => client.request('POST', '/api/v1/screenings', body);

test('the UN consolidated list imports all-or-nothing, and the same file twice changes nothing', { skip: !fs.existsSync(UN_XML) && 'shared/data is not beside the repository' }, async () => {
  const parsed = parseUnXml(fs.readFileSync(UN_XML, 'utf8'));
  assert.equal(parsed.problems.length, 0);
  assert.equal(parsed.records.length, 730);
  const first = await w.services.watchlists.importRecords(cli, { ...parsed, source: 'un' });
  assert.deepEqual(first.lists, [{ list: 'UN-SC', created: 730, updated: 0, removed: 0, unchanged: 0 }]);
  const again = await w.services.watchlists.importRecords(cli, { ...parsed, source: 'un' });
  assert.deepEqual(again.lists, [{ list: 'UN-SC', created: 0, updated: 0, removed: 0, unchanged: 730 }]);
  // a Cyrillic query finds the entry listed in Latin with its original-script alias
  const res = await screen({ person: { surname: 'Чатаев', givenNames: 'Ахмед' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.json().hits[0].matchedName, /CHATAEV|Чатаев/);
  assert.equal(res.json().hits[0].list, 'UN-SC');
});

test('a malformed import is reported by line and nothing is imported', async () => {
  const bad = parseWatchlistCsv(`id,list,surname,given_names,aliases,date_of_birth,nationality,sex,document_numbers
X-1,TEST-LIST,Good,Person,,1980,KAZ,M,
X-2,TEST-LIST,,,,1980-02-30,KZ,Q,
X-1,TEST-LIST,Dup,Licate,,,,,`);
  assert.deepEqual(bad.problems.map((p) => p.record), ['line 3', 'line 3', 'line 3', 'line 3', 'line 4']);
  await assert.rejects(w.services.watchlists.importRecords(cli, { ...bad, source: 'csv' }), /nothing was imported/);
  const lists = await w.deps.db.selectFrom('watchlist').select('code').where('code', '=', 'TEST-LIST').execute();
  assert.equal(lists.length, 0);
  assert.match(parseWatchlistCsv('id,name\n1,x').problems[0]!.message, /header/);
});

test('CSV import, screening by variants, and details only for the list owner', async () => {
  const parsed = parseWatchlistCsv(CSV);
  assert.deepEqual(parsed.problems, []);
  await w.services.watchlists.importRecords(cli, { ...parsed, source: 'csv', kind: 'wanted' });
  const variants = [
    { surname: 'SHCHERBAKOVA', givenNames: 'IULIIA' },
    { surname: 'SCHERBAKOVA', givenNames: 'JULIA', dateOfBirth: '1985-03-14', sex: 'F' },
    { surname: 'IULIIA', givenNames: 'SHCHERBAKOVA' },
    { surname: 'SHCHERBAKOVA', givenNames: 'IULIIA SERGEEVNA', nationality: 'KAZ' },
    { surname: 'SHCHERBAK0VA', givenNames: 'IULIIA' },
  ];
  for (const person of variants) {
    const res = await screen({ person });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().hits[0]?.entryId, 'W-1', JSON.stringify(person));
    assert.match(res.json().hits[0].explanation, /matches/);
    assert.equal(res.json().hits[0].reasons[0].code, 'name');
  }
  const kazakh = (await screen({ person: { surname: 'TOKAEV', givenNames: 'SERIK' } })).json();
  assert.equal(kazakh.hits[0].entryId, 'W-2');
  // another year of birth: not a hit
  const other = (await screen({ person: { surname: 'SHCHERBAKOVA', givenNames: 'IULIIA', dateOfBirth: '1999-01-01' } })).json();
  assert.equal(other.hits.length, 0);
  // the entry's document number alone is a hit
  const doc = (await screen({ document: { number: 'N 1234 5678', issuingState: 'KAZ' } })).json();
  assert.equal(doc.hits[0].entryId, 'W-1');
  assert.equal(doc.hits[0].score, 1);
  // the booth officer (Border Service) does not keep MIA-WANTED: no details, but whom to call and what to do
  const hit = (await screen({ person: variants[0] })).json().hits[0];
  assert.equal(hit.details, undefined);
  assert.equal(hit.action, 'secondary');
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const full = (await screen({ person: variants[0] }, admin)).json().hits[0];
  assert.equal(full.details.dateOfBirth, '1985-03-14');
  const audit = await w.deps.db.selectFrom('auditEvent').select('details').where('action', '=', 'screening.query').execute();
  assert.ok(audit.length >= 8, 'every screening query is audited');
});

test('the lost/stolen register answers with O/0 and I/1 read alike', async () => {
  const desk = await signIn(w.app, 'demo.refdata', 'Shekara-Demo-2026');
  const created = await desk.request('POST', '/api/v1/lost-documents', { issuingState: 'KAZ', number: 'N0I234567', status: 'stolen', source: 'MIA report 2026/11' });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal((await desk.request('POST', '/api/v1/lost-documents', { issuingState: 'KAZ', number: 'N0I234567', status: 'stolen', source: 'again' })).statusCode, 409);
  const res = (await screen({ document: { number: 'NO1234567', issuingState: 'KAZ' } })).json();
  assert.deepEqual(res.documentHits.map((d: { status: string; documentNumber: string }) => [d.status, d.documentNumber]), [['stolen', 'N0I234567']]);
  assert.equal((await screen({ document: { number: 'NO1234567', issuingState: 'UZB' } })).json().documentHits.length, 0);
});

test('bad screening input is a 400 naming each field', async () => {
  const res = await screen({ person: { surname: 'x'.repeat(500), dateOfBirth: '1990-02-31', nationality: 'QQQ', sex: 'Z' } });
  assert.equal(res.statusCode, 400);
  const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
  assert.deepEqual(paths, ['body.person.dateOfBirth', 'body.person.nationality', 'body.person.sex', 'body.person.surname']);
  const empty = await screen({ person: {} });
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().errors[0].path, 'body.person');
});

test('an alert at a checkpoint is adjudicated; a false match is remembered until the entry changes', async () => {
  const person = { surname: 'AKHMETOV', givenNames: 'ERLAN', dateOfBirth: '1990-07-02', nationality: 'KAZ', sex: 'M' };
  const first = (await screen({ person, checkpointId: seedId('checkpoint', 'KORDAY') })).json();
  assert.equal(first.hits[0].entryId, 'B-1');
  const alertId = first.hits[0].alertId;
  assert.ok(alertId);
  const decided = await booth.request('POST', `/api/v1/screening-alerts/${alertId}/adjudicate`, { status: 'false_match', reason: 'Different father\'s name; passport photo differs' });
  assert.equal(decided.statusCode, 200, decided.body);
  assert.equal((await booth.request('POST', `/api/v1/screening-alerts/${alertId}/adjudicate`, { status: 'true_match', reason: 'again' })).statusCode, 409);
  const second = (await screen({ person, checkpointId: seedId('checkpoint', 'KORDAY') })).json();
  assert.equal(second.hits.length, 0);
  assert.equal(second.suppressed[0].entryId, 'B-1');
  // a new version of the entry stops the traveller again
  const desk = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const upsert = await desk.request('PUT', '/api/v1/watchlist-entries', { list: 'EXIT-BAN', entryId: 'B-1', names: [{ name: 'Ахметов Ерлан Болатұлы' }], dateOfBirth: '1990-07', nationalities: ['KAZ'], sex: 'M', reason: 'Court order 2-1234/2026' });
  assert.equal(upsert.statusCode, 200, upsert.body);
  const third = (await screen({ person, checkpointId: seedId('checkpoint', 'KORDAY') })).json();
  assert.equal(third.hits[0]?.entryId, 'B-1');
  // the entry's history holds every version
  const history = (await desk.request('GET', `/api/v1/watchlist-entries/${upsert.json().id}`)).json();
  assert.deepEqual(history.versions.map((v: { change: string }) => v.change), ['updated', 'created']);
});

test('entries are found by name in any script; removal takes them out of screening', async () => {
  const desk = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const found = (await desk.request('GET', '/api/v1/watchlist-entries?q=' + encodeURIComponent('Щербакова Юлия'))).json().items;
  assert.equal(found[0].entryId, 'W-1');
  assert.equal((await desk.request('POST', `/api/v1/watchlist-entries/${found[0].id}/remove`)).statusCode, 200);
  assert.equal((await screen({ person: { surname: 'SHCHERBAKOVA', givenNames: 'IULIIA' } })).json().hits.length, 0);
  const outsider = await signIn(w.app, (await makeUser(w, { unitId: (await makeUnit(w, { agency: 'MIA' })).id, roles: [{ role: 'police_officer' }] })).username);
  assert.equal((await screen({ person: { surname: 'X', givenNames: 'Y' } }, outsider)).statusCode, 404);
});
