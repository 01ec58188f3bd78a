// Watchlist imports from the web UI: parsed at once, imported in the background, followed by their progress.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../src/platform/ids.ts';
import { signIn, useAppWorld, type Client } from './helpers.ts';

const CSV = `id,list,surname,given_names,aliases,date_of_birth,nationality,sex,document_numbers
J-1,WEB-LIST,Жұмабаев,Нұрлан Асқарұлы,Zhumabayev Nurlan,1982-05-02,KAZ,M,
J-2,WEB-LIST,Ким,Виктория,Kim Viktoriya,1994,KAZ,F,`;

let refdata: Client;
let booth: Client;
const w = useAppWorld({ demo: true }, async () => {
  refdata = await signIn(w.app, 'demo.refdata', 'Shekara-Demo-2026');
  booth = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
});

const start = (body: unknown, client = refdata) => client.request('POST', '/api/v1/watchlist-imports', body);

test('an import runs in the background; its job ends with the result, and screening finds the new entries', async () => {
  const res = await start({ format: 'csv', kind: 'wanted', fileName: 'wanted.csv', content: CSV });
  assert.equal(res.statusCode, 202, res.body);
  const job = res.json();
  assert.equal(res.headers.location, `/api/v1/watchlist-imports/${job.id}`);
  assert.equal(job.status, 'running');
  assert.equal(job.total, 2);
  await w.services.importJobs.idle();
  const done = (await refdata.request('GET', `/api/v1/watchlist-imports/${job.id}`)).json();
  assert.equal(done.status, 'succeeded');
  assert.equal(done.done, 2);
  assert.deepEqual(done.result, [{ list: 'WEB-LIST', created: 2, updated: 0, removed: 0, unchanged: 0 }]);
  const list = (await refdata.request('GET', '/api/v1/watchlist-imports')).json();
  assert.equal(list.items[0].id, job.id);
  const hit = await booth.request('POST', '/api/v1/screenings', { person: { surname: 'ZHUMABAEV', givenNames: 'NURLAN', dateOfBirth: '1982-05-02' } });
  assert.equal(hit.json().hits[0]?.list, 'WEB-LIST', hit.body);
  const audit = await w.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', job.id).execute();
  assert.deepEqual(audit.map((a) => a.action), ['screening.import.started']);
});

test('a malformed file is a 400 naming each record, and nothing is recorded or imported', async () => {
  const before = await w.deps.db.selectFrom('watchlistImport').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const res = await start({ format: 'csv', fileName: 'bad.csv', content: `${CSV}\nJ-3,WEB-LIST,,,,1980-02-30,KZ,Q,` });
  assert.equal(res.statusCode, 400, res.body);
  assert.ok(res.json().errors.every((e: { path: string }) => e.path === 'line 4'), res.body);
  assert.match(res.json().detail, /nothing was imported/);
  const xml = await start({ format: 'un-xml', fileName: 'un.xml', content: '<CONSOLIDATED_LIST><INDIVIDUALS>' });
  assert.equal(xml.statusCode, 400, xml.body);
  const after = await w.deps.db.selectFrom('watchlistImport').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
  const bodyErrors = await start({ format: 'pdf', fileName: '', content: '' });
  assert.equal(bodyErrors.statusCode, 400);
  assert.deepEqual(bodyErrors.json().errors.map((e: { path: string }) => e.path).sort(), ['body.content', 'body.fileName', 'body.format']);
});

test('a retry with the same id returns the same job; only list managers of the agency see imports', async () => {
  const id = newId();
  const body = { id, format: 'csv', fileName: 'again.csv', content: CSV.replace('WEB-LIST', 'WEB-LIST-2').replace('WEB-LIST', 'WEB-LIST-2') };
  const first = await start(body);
  const second = await start(body);
  assert.equal(first.statusCode, 202);
  assert.equal(second.statusCode, 202);
  assert.equal(second.json().id, id);
  await w.services.importJobs.idle();
  const jobs = await w.deps.db.selectFrom('watchlistImport').select('id').where('id', '=', id).execute();
  assert.equal(jobs.length, 1);
  const clash = await start({ ...body, fileName: 'other.csv' });
  assert.equal(clash.statusCode, 409);
  // the booth officer screens but does not manage lists: the job does not exist for them
  assert.equal((await booth.request('GET', `/api/v1/watchlist-imports/${id}`)).statusCode, 404);
  assert.equal((await start({ format: 'csv', fileName: 'x.csv', content: CSV }, booth)).statusCode, 404);
});

test('a job cut off by a stop is marked failed at the next start: it imported nothing', async () => {
  const id = newId();
  const user = await w.deps.db.selectFrom('appUser').select('id').where('username', '=', 'demo.refdata').executeTakeFirstOrThrow();
  await w.deps.db.insertInto('watchlistImport').values({ id, status: 'running', format: 'csv', kind: null, fileName: 'cut.csv', fileBytes: 10, total: 5, done: 2, startedBy: user.id, agencyId: null, nodeId: w.config.nodeId, createdAt: w.clock.now() }).execute();
  assert.equal(await w.services.importJobs.markInterrupted(), 1);
  const row = await w.deps.db.selectFrom('watchlistImport').select(['status', 'error']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'failed');
  assert.match(row.error ?? '', /nothing was imported/);
});
