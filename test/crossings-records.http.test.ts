// A crossing's record after control, through the HTTP API: found again in the journal, corrected (a
// corrected identity screened again, a corrected category checked again), each version saying what it changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedId } from '../src/demo/index.ts';
import { KORDAY, KORDAY_ROAD_IN, KORDAY_ROAD_OUT, passportMrz, signIn, startCrossing, useAppWorld, type Client } from './helpers.ts';

let booth: Client;
const w = useAppWorld({ demo: true }, async () => {
  booth = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
});

const start = (body: Record<string, unknown>) => startCrossing(booth, body);
const decide = (id: string, body: Record<string, unknown>) => booth.request('POST', `/api/v1/crossings/${id}/decision`, body);

test('the journal finds a crossing by a surname\'s beginning or the document; a corrected name is screened again, and each version says what it changed', async () => {
  // typed by hand from a worn passport: the surname misread, no date of birth
  const typed = { document: { code: 'P', number: 'N46464646', issuingState: 'KAZ', expiry: '2030-01-01' }, person: { surname: 'BOLOTOVA', givenNames: 'KSENIIA', sex: 'F', nationality: 'KAZ' } };
  const c = (await start({ ...typed, laneId: KORDAY_ROAD_OUT, direction: 'exit', travellerCategory: 'rk_citizen' })).json();
  assert.deepEqual(c.hits, []);
  const passed = await decide(c.id, { decision: 'pass' });
  assert.equal(passed.statusCode, 200, passed.body);
  const alertsFor = async () => (await w.deps.db.selectFrom('screeningAlert').innerJoin('watchlistEntry', 'watchlistEntry.id', 'screeningAlert.entryId').select('screeningAlert.id').where('watchlistEntry.externalId', '=', 'DEMO-W-1').execute()).length;
  const alertsBefore = await alertsFor();
  // the right surname: the traveller is wanted; the record shows the hit and the list owner gets an alert; the decision taken stays
  const fixed = await booth.request('POST', `/api/v1/crossings/${c.id}/corrections`, { reason: 'Surname misread from a worn page', person: { surname: 'BELOUSOVA' } });
  assert.equal(fixed.statusCode, 200, fixed.body);
  const corrected = fixed.json();
  assert.deepEqual(corrected.hits.map((h: { entryId: string }) => h.entryId), ['DEMO-W-1']);
  assert.ok(corrected.hits[0].alertId);
  assert.equal(corrected.checks.find((k: { code: string }) => k.code === 'watchlists').result, 'fail');
  assert.deepEqual([corrected.status, corrected.decision], ['decided', 'pass']);
  assert.equal(await alertsFor(), alertsBefore + 1);
  // the date of birth added: screened again, the same hit keeps its alert (no second alert for the list owner)
  const dated = (await booth.request('POST', `/api/v1/crossings/${c.id}/corrections`, { reason: 'Date of birth read from the visa page', person: { dateOfBirth: '1987-09-21' } })).json();
  assert.equal(dated.hits[0].alertId, corrected.hits[0].alertId);
  assert.equal(await alertsFor(), alertsBefore + 1);
  const audit = await w.deps.db.selectFrom('auditEvent').select(['action', 'details']).where('entityId', '=', c.id).where('action', '=', 'crossing.corrected').orderBy('occurredAt').execute();
  assert.deepEqual(audit.map((a) => (a.details as { screenedAgain?: boolean }).screenedAgain), [true, true]);
  // the history: who, why, and what each version changed
  const versions = (await booth.request('GET', `/api/v1/crossings/${c.id}/versions`)).json().items;
  assert.deepEqual(versions.map((v: { change: string }) => v.change), ['registered', 'decided_pass', 'corrected', 'corrected']);
  assert.deepEqual(versions[0].changes, []);
  assert.ok(versions[1].changes.some((f: { field: string; from: string | null; to: string | null }) => f.field === 'decision' && f.from === null && f.to === 'pass'));
  const renamed = versions[2];
  assert.equal(renamed.reason, 'Surname misread from a worn page');
  assert.equal(renamed.changedByName, 'Серік Ахметов');
  assert.deepEqual(renamed.changes.map((f: { field: string }) => f.field).sort(), ['hits', 'surname']);
  assert.deepEqual(renamed.changes.find((f: { field: string }) => f.field === 'surname'), { field: 'surname', from: 'BOLOTOVA', to: 'BELOUSOVA' });
  assert.match(renamed.changes.find((f: { field: string }) => f.field === 'hits').to, /^DEMO-MIA-WANTED: /);
  assert.deepEqual(versions[3].changes.map((f: { field: string }) => f.field), ['dateOfBirth']);
  // found by the beginning of the surname (any case) or by the document number, newest first; a pattern character is only a character
  const find = async (query: string) => (await booth.request('GET', `/api/v1/crossings?${query}`)).json().items.map((i: { id: string }) => i.id);
  assert.ok((await find('q=belous')).includes(c.id));
  assert.ok((await find('q=n46464646')).includes(c.id));
  assert.ok(!(await find('q=bolot')).includes(c.id));
  assert.deepEqual(await find('q=%25%25'), []);
  assert.ok((await find(`q=belous&direction=exit&checkpointId=${KORDAY}`)).includes(c.id));
  assert.ok(!(await find('q=belous&direction=entry')).includes(c.id));
  assert.ok(!(await find(`q=belous&to=${encodeURIComponent(c.arrivedAt)}`)).includes(c.id));
  const bad = await booth.request('GET', '/api/v1/crossings?q=x&direction=sideways');
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['querystring.direction', 'querystring.q']);
});

test('a corrected traveller category runs the checks again on the hits as found: an entry ban that spared a citizen stops a foreigner', async () => {
  const mrz = passportMrz({ surname: 'KARIMOV', given: 'JASUR', number: 'FA7654329', nationality: 'UZB', dob: '900512', sex: 'M', expiry: '310101' });
  const c = (await start({ mrz, travellerCategory: 'rk_citizen' })).json();
  assert.equal(c.checks.find((k: { code: string }) => k.code === 'entry_ban').result, 'warn');
  const fixed = await booth.request('POST', `/api/v1/crossings/${c.id}/corrections`, { reason: 'Category chosen by mistake: an Uzbek passport', travellerCategory: 'foreigner' });
  assert.equal(fixed.statusCode, 200, fixed.body);
  assert.equal(fixed.json().checks.find((k: { code: string }) => k.code === 'entry_ban').result, 'fail');
  assert.deepEqual(fixed.json().suggested, { decision: 'refuse', reasons: ['ENTRY_BANNED'] });
  // not screened again: the same hits, the same alerts
  assert.deepEqual(fixed.json().hits, c.hits);
  const audit = await w.deps.db.selectFrom('auditEvent').select('details').where('entityId', '=', c.id).where('action', '=', 'crossing.corrected').executeTakeFirstOrThrow();
  assert.equal((audit.details as { screenedAgain?: boolean }).screenedAgain, undefined);
});

test('the journal goes back a page at a time: crossings of the same millisecond neither skipped nor repeated, the last page says so', async () => {
  // the test clock stands still: all five arrive in the same millisecond, so only the id orders them
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const c = await start({ document: { code: 'P', number: `N5500000${i}`, issuingState: 'UZB', expiry: '2030-01-01' }, person: { surname: 'PAGEROV', givenNames: `T${'ABCDE'[i]}`, nationality: 'UZB' } });
    assert.equal(c.statusCode, 201, c.body);
    ids.push(c.json().id);
  }
  const seen: string[] = [];
  const pages: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await booth.request('GET', `/api/v1/crossings?q=pagerov&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(res.statusCode, 200, res.body);
    const page: { items: Array<{ id: string }>; nextCursor: string | null } = res.json();
    pages.push(page.items.length);
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 10);
  assert.deepEqual(pages, [2, 2, 1]);
  assert.deepEqual(seen, [...ids].sort().reverse());
  // a page that ends exactly with the last crossing says there is no more
  const whole = (await booth.request('GET', '/api/v1/crossings?q=pagerov&limit=5')).json();
  assert.equal(whole.items.length, 5);
  assert.equal(whole.nextCursor, null);
  const bad = await booth.request('GET', '/api/v1/crossings?cursor=yesterday&limit=0');
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['querystring.cursor', 'querystring.limit']);
});

test('a reader scoped to one unit gets the newest crossings of that unit, however many newer ones other units have', async () => {
  const khorgos = await booth.request('POST', '/api/v1/crossings', {
    checkpointId: seedId('checkpoint', 'KHORGOS-ICBC'), laneId: seedId('lane', 'KHORGOS-ICBC/R-IN-1'), direction: 'entry', transportMode: 'road', travellerCategory: 'foreigner',
    arrivedAt: '2026-11-20T05:00:00.000Z', document: { code: 'P', number: 'E77000001', issuingState: 'CHN', expiry: '2031-01-01' }, person: { surname: 'WANG', givenNames: 'LEI', nationality: 'CHN' },
  });
  assert.equal(khorgos.statusCode, 201, khorgos.body);
  for (let i = 0; i < 3; i++) {
    const c = await start({ arrivedAt: '2026-11-20T05:30:00.000Z', document: { code: 'P', number: `N6600000${i}`, issuingState: 'UZB', expiry: '2030-01-01' }, person: { surname: 'NEWEROV', nationality: 'UZB' } });
    assert.equal(c.statusCode, 201, c.body);
  }
  // the head of the Khorgos detachment reads the crossings of its posts only: the newest of them comes first
  const head = await signIn(w.app, 'demo.head.khorgos', 'Shekara-Demo-2026');
  const page = (await head.request('GET', '/api/v1/crossings?limit=1')).json();
  assert.deepEqual(page.items.map((i: { id: string }) => i.id), [khorgos.json().id]);
  // Korday's are out of reach, page after page
  assert.equal(page.nextCursor, null);
  const korday = (await head.request('GET', `/api/v1/crossings?checkpointId=${KORDAY}`)).json();
  assert.deepEqual(korday.items, []);
});

test('the purpose of travel the traveller states at control is recorded with the decision; once recorded, only a correction changes it', async () => {
  const typed = (n: string) => ({ document: { code: 'P', number: n, issuingState: 'UZB', expiry: '2030-01-01' }, person: { surname: 'MAQSADOV', givenNames: 'ALI', nationality: 'UZB' } });
  const c = (await start(typed('N77000001'))).json();
  assert.equal(c.purpose, null);
  const passed = await decide(c.id, { decision: 'pass', purpose: 'business' });
  assert.equal(passed.statusCode, 200, passed.body);
  assert.equal(passed.json().purpose, 'business');
  const versions = (await booth.request('GET', `/api/v1/crossings/${c.id}/versions`)).json().items;
  assert.deepEqual(versions[1].changes.find((f: { field: string }) => f.field === 'purpose'), { field: 'purpose', from: null, to: 'business' });
  const audit = await w.deps.db.selectFrom('auditEvent').select('details').where('entityId', '=', c.id).where('action', '=', 'crossing.decided').executeTakeFirstOrThrow();
  assert.equal((audit.details as { purpose?: string }).purpose, 'business');

  // chosen before the scan: the decision may repeat it, not change it; nothing is written
  const d = (await start({ ...typed('N77000002'), purpose: 'tourism' })).json();
  const changed = await decide(d.id, { decision: 'pass', purpose: 'work' });
  assert.equal(changed.statusCode, 400);
  assert.deepEqual(changed.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['purpose', 'PURPOSE_RECORDED']]);
  assert.equal((await booth.request('GET', `/api/v1/crossings/${d.id}`)).json().status, 'in_control');
  const same = await decide(d.id, { decision: 'pass', purpose: 'tourism' });
  assert.equal(same.statusCode, 200, same.body);
  assert.equal(same.json().purpose, 'tourism');
  const bad = await decide(c.id, { decision: 'pass', purpose: 'sightseeing' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.json().errors.some((e: { path: string }) => e.path === 'body.purpose'));
});
