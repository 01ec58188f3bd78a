// Stays of foreigners through the HTTP API: an entry matched to its exit per traveller across every
// checkpoint and document, the overstay list of the migration police from the stays still open, and one
// traveller's stays. The world's clock moves on by months here: a file of its own.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { sql } from 'kysely';
import { seedId } from '../src/demo/index.ts';
import { dateOfDay, dayOf } from '../src/modules/crossings/stays.ts';
import { ADMIN_PASSWORD, KORDAY, KORDAY_ROAD_IN, KORDAY_ROAD_OUT, passportMrz, signIn, startCrossing, useAppWorld, type Client } from './helpers.ts';

let booth: Client;
const w = useAppWorld({ demo: true }, async () => {
  booth = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
});

const start = (body: Record<string, unknown>) => startCrossing(booth, body);
const decide = (id: string, body: Record<string, unknown>) => booth.request('POST', `/api/v1/crossings/${id}/decision`, body);

test('stays: a foreigner who entered is on the overstay list once the stay rule is exceeded, and off it after leaving', async () => {
  const mrz = passportMrz({ surname: 'MUELLER', given: 'HANS', number: 'C01X00T47', nationality: 'D<<', dob: '750505', sex: 'M', expiry: '300101' });
  const c = (await start({ mrz })).json();
  assert.equal(c.travellerCategory, 'foreigner');
  assert.equal((await decide(c.id, { decision: 'pass' })).statusCode, 200);
  const migration = () => signIn(w.app, 'demo.migration.korday', 'Shekara-Demo-2026');
  // Germany (D in the MRZ, DEU in the record): 30 days per stay in the demo values
  w.clock.advance(35 * 86_400_000);
  const police = await migration();
  const list = await police.request('GET', '/api/v1/overstays');
  assert.equal(list.statusCode, 200, list.body);
  const item = list.json().items.find((i: { entryCrossingId: string }) => i.entryCrossingId === c.id);
  assert.ok(item, list.body);
  assert.equal(item.daysThisStay, 36);
  assert.equal(item.overBy, 6);
  // the same list as CSV for a spreadsheet: the checkpoint by its code, the rule in three languages
  const csv = await police.request('GET', '/api/v1/overstays.csv?nationality=DEU');
  assert.equal(csv.statusCode, 200, csv.body);
  assert.match(csv.headers['content-type'] as string, /^text\/csv/);
  assert.match(csv.headers['content-disposition'] as string, /attachment; filename="overstays-\d{4}-\d\d-\d\d\.csv"/);
  const [header, row] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(header, 'surname,given_names,date_of_birth,nationality,document_state,document_number,entered_at,entry_checkpoint,over_since,days_this_stay,days_in_period,over_by,rule_kk,rule_ru,rule_en');
  assert.match(row!, /^MUELLER,HANS,1975-05-05,DEU,DEU,C01X00T47,[^,]+,KORDAY,\d{4}-\d\d-\d\d,36,36,6,/);
  assert.match(row!, /Безвизовый режим/);
  assert.equal((await police.request('GET', '/api/v1/overstays.csv?limit=0')).statusCode, 400);
  const stays = (await police.request('GET', '/api/v1/stays?issuingState=DEU&documentNumber=C01X00T47')).json();
  assert.equal(stays.inCountry, true);
  assert.equal(stays.overstay, true);
  // the traveller leaves through another lane: off the list
  const boothAgain = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  const out = (await boothAgain.request('POST', '/api/v1/crossings', { checkpointId: KORDAY, laneId: KORDAY_ROAD_OUT, direction: 'exit', transportMode: 'road', mrz })).json();
  assert.equal((await boothAgain.request('POST', `/api/v1/crossings/${out.id}/decision`, { decision: 'pass' })).statusCode, 200);
  const after = (await police.request('GET', '/api/v1/overstays')).json();
  assert.ok(!after.items.some((i: { entryCrossingId: string }) => i.entryCrossingId === c.id));
  assert.equal((await police.request('GET', '/api/v1/stays?issuingState=DEU&documentNumber=C01X00T47')).json().inCountry, false);
  const customsNow = await signIn(w.app, 'demo.customs.korday', 'Shekara-Demo-2026');
  assert.equal((await customsNow.request('GET', '/api/v1/overstays')).statusCode, 404);
  assert.equal((await customsNow.request('GET', '/api/v1/overstays.csv')).statusCode, 404);
});

test('stays: a traveller back within the period is over its days though this stay is short; a passed traveller\'s category corrected opens or closes the stay; an entry and its exit matched per traveller, across passports', async () => {
  const DAY = 86_400_000;
  let officer = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  const cross = async (direction: 'entry' | 'exit', number: string, travellerCategory = 'foreigner') => {
    const res = await officer.request('POST', '/api/v1/crossings', {
      checkpointId: KORDAY, laneId: direction === 'entry' ? KORDAY_ROAD_IN : KORDAY_ROAD_OUT, direction, transportMode: 'road', travellerCategory,
      document: { code: 'P', number, issuingState: 'UZB', expiry: '2035-01-01' }, person: { surname: 'QAYTAROV', givenNames: 'BOBUR', nationality: 'UZB' },
    });
    assert.equal(res.statusCode, 201, res.body);
    const passed = await officer.request('POST', `/api/v1/crossings/${res.json().id}/decision`, { decision: 'pass' });
    assert.equal(passed.statusCode, 200, passed.body);
    return res.json().id as string;
  };
  const later = async (days: number) => {
    w.clock.advance(days * DAY);
    officer = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  };
  // Uzbekistan: 90 days within 180 in the demo values. 81 days in the country, out, back 20 days later:
  // 16 days into this stay, 97 of the last 180
  await cross('entry', 'FA1000001');
  // another who came at the same time and stayed: over by far
  const stayed = await cross('entry', 'FA1000009');
  await later(80);
  await cross('exit', 'FA1000001');
  await later(20);
  const back = await cross('entry', 'FA1000001');
  await later(15);
  const police = await signIn(w.app, 'demo.migration.korday', 'Shekara-Demo-2026');
  const item = (await police.request('GET', '/api/v1/overstays')).json().items.find((i: { entryCrossingId: string }) => i.entryCrossingId === back);
  assert.ok(item, 'on the overstay list');
  assert.deepEqual([item.daysThisStay, item.daysInPeriod, item.overBy], [16, 97, 7]);
  // by nationality and by the checkpoint of entry; the longest over first, as many as asked, with how many there are
  const ids = async (query: string) => (await police.request('GET', `/api/v1/overstays?${query}`)).json().items.map((i: { entryCrossingId: string }) => i.entryCrossingId);
  assert.ok((await ids('nationality=UZB')).includes(back));
  assert.ok(!(await ids('nationality=DEU')).includes(back));
  assert.ok((await ids(`entryCheckpointId=${KORDAY}`)).includes(back));
  assert.ok(!(await ids(`entryCheckpointId=${seedId('checkpoint', 'KHORGOS-ICBC')}`)).includes(back));
  const all = (await police.request('GET', '/api/v1/overstays')).json();
  const first = (await police.request('GET', '/api/v1/overstays?limit=1')).json();
  assert.equal(first.total, all.total);
  assert.ok(all.total >= 2);
  assert.ok(all.items.some((i: { entryCrossingId: string }) => i.entryCrossingId === stayed));
  assert.deepEqual(first.items, all.items.slice(0, 1));
  const bad = await police.request('GET', '/api/v1/overstays?limit=0&nationality=uzbek');
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['querystring.limit', 'querystring.nationality']);

  // passed as a citizen by mistake: no stay is open; corrected to a foreigner, it is; back to a citizen, closed again
  const openStay = async (number: string) => (await w.deps.db.selectFrom('openStay').select('entryCrossingId').where('documentNumber', '=', number).executeTakeFirst())?.entryCrossingId ?? null;
  const wrong = await cross('entry', 'FA2000002', 'rk_citizen');
  assert.equal(await openStay('FA2000002'), null);
  const correct = (travellerCategory: string) => officer.request('POST', `/api/v1/crossings/${wrong}/corrections`, { reason: 'Category chosen by mistake', travellerCategory });
  assert.equal((await correct('foreigner')).statusCode, 200);
  assert.equal(await openStay('FA2000002'), wrong);
  assert.equal((await correct('rk_citizen')).statusCode, 200);
  assert.equal(await openStay('FA2000002'), null);
  // in as a foreigner, out passed as a citizen by mistake: the stay stays open; the exit corrected closes it
  const inThen = await cross('entry', 'FA3000003');
  const outWrong = await cross('exit', 'FA3000003', 'rk_citizen');
  assert.equal(await openStay('FA3000003'), inThen);
  assert.equal((await officer.request('POST', `/api/v1/crossings/${outWrong}/corrections`, { reason: 'Category chosen by mistake', travellerCategory: 'foreigner' })).statusCode, 200);
  assert.equal(await openStay('FA3000003'), null);
  // the stay of the one who came back is still open; the exit closes it
  assert.equal(await openStay('FA1000001'), back);
  await cross('exit', 'FA1000001');
  assert.equal(await openStay('FA1000001'), null);
  // matched per traveller: in on one passport, out on a renewed one (same person), the stay closes; a
  // namesake born on another day does not close it
  const passport = (number: string, dob: string, direction: 'entry' | 'exit') => officer.request('POST', '/api/v1/crossings', {
    checkpointId: KORDAY, laneId: direction === 'entry' ? KORDAY_ROAD_IN : KORDAY_ROAD_OUT, direction, transportMode: 'road', travellerCategory: 'foreigner',
    document: { code: 'P', number, issuingState: 'DEU', expiry: '2035-01-01' }, person: { surname: 'Becker', givenNames: 'Jonas', dateOfBirth: dob, nationality: 'DEU' },
  });
  const passIt = async (res: { statusCode: number; body: string; json(): { id: string } }) => {
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await officer.request('POST', `/api/v1/crossings/${res.json().id}/decision`, { decision: 'pass' })).statusCode, 200);
    return res.json().id;
  };
  const inOld = await passIt(await passport('C11A11B11', '1980-01-01', 'entry'));
  await passIt(await passport('C99Z99Y99', '1981-02-02', 'exit'));
  assert.equal(await openStay('C11A11B11'), inOld);
  await later(40);
  const outNew = await passIt(await passport('C22A22B22', '1980-01-01', 'exit'));
  const cop = () => signIn(w.app, 'demo.migration.korday', 'Shekara-Demo-2026');
  const ofDeu = async () => (await (await cop()).request('GET', '/api/v1/overstays?nationality=DEU')).json().items.map((i: { entryCrossingId: string }) => i.entryCrossingId);
  assert.ok(!(await ofDeu()).includes(inOld));
  const oldPassport = (await (await cop()).request('GET', '/api/v1/stays?issuingState=DEU&documentNumber=C11A11B11')).json();
  assert.equal(oldPassport.inCountry, false);
  assert.deepEqual(oldPassport.passages.map((p: { crossingId: string }) => p.crossingId), [inOld, outNew]);
  // the same traveller in again on the new passport, then on a third with no exit between (two stays
  // open), and over the stay: listed once, by the latest entry
  const inNew = await passIt(await passport('C22A22B22', '1980-01-01', 'entry'));
  const inThird = await passIt(await passport('C33A33B33', '1980-01-01', 'entry'));
  assert.deepEqual([await openStay('C22A22B22'), await openStay('C33A33B33')], [inNew, inThird]);
  await later(35);
  const listed = await ofDeu();
  assert.deepEqual(listed.filter((id: string) => [inOld, inNew, inThird].includes(id)), [inThird]);
  // the migration that rebuilt the table last (0022, the sex in the match) fills it from the crossings as the decisions kept it
  const kept = await w.deps.db.selectFrom('openStay').selectAll().orderBy('documentNumber').execute();
  assert.ok(kept.length > 0);
  const migration = fs.readFileSync(new URL('../migrations/0022_open_stay_sex.sql', import.meta.url), 'utf8');
  await w.deps.db.deleteFrom('openStay').execute();
  for (const statement of migration.slice(migration.indexOf('insert into open_stay')).split(/;\s*\n/).map((t) => t.replace(/^--.*$/gm, '').trim()).filter(Boolean)) {
    await sql.raw(statement).execute(w.deps.db);
  }
  const rebuilt = await w.deps.db.selectFrom('openStay').selectAll().orderBy('documentNumber').execute();
  assert.deepEqual(rebuilt.map((r) => [r.issuingState, r.documentNumber, r.entryCrossingId, r.sex]), kept.map((r) => [r.issuingState, r.documentNumber, r.entryCrossingId, r.sex]));
});

test('stays: a namesake of the other sex, born the same day, is another traveller: his exit does not close her stay; a document that gives no sex matches either', async () => {
  let officer = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026'); // the file's clock has moved on by months
  const pass = async (direction: 'entry' | 'exit', number: string, sex: 'M' | 'F' | 'X') => {
    const res = await startCrossing(officer, {
      laneId: direction === 'entry' ? KORDAY_ROAD_IN : KORDAY_ROAD_OUT, direction,
      document: { code: 'P', number, issuingState: 'UZB', expiry: '2035-01-01' }, person: { nationality: 'UZB', surname: 'Nematova', givenNames: 'Sasha', dateOfBirth: '1992-07-07', sex },
    });
    assert.equal(res.statusCode, 201, res.body);
    const decided = await officer.request('POST', `/api/v1/crossings/${res.json().id}/decision`, { decision: 'pass' });
    assert.equal(decided.statusCode, 200, decided.body);
    return res.json().id as string;
  };
  const open = async (number: string) => (await w.deps.db.selectFrom('openStay').select(['entryCrossingId', 'sex']).where('issuingState', '=', 'UZB').where('documentNumber', '=', number).executeTakeFirst()) ?? null;
  const hers = await pass('entry', 'FB3141592', 'F');
  assert.deepEqual(await open('FB3141592'), { entryCrossingId: hers, sex: 'F' });
  // a man of the same names, nationality and date of birth comes and goes on his own passport: she is still in the country
  await pass('entry', 'FB2718281', 'M');
  await pass('exit', 'FB2718281', 'M');
  assert.equal(await open('FB2718281'), null);
  assert.deepEqual(await open('FB3141592'), { entryCrossingId: hers, sex: 'F' });
  const police = await signIn(w.app, 'demo.migration.korday', 'Shekara-Demo-2026');
  const stays = (await police.request('GET', '/api/v1/stays?issuingState=UZB&documentNumber=FB3141592')).json();
  assert.equal(stays.inCountry, true);
  assert.deepEqual(stays.passages.map((p: { crossingId: string }) => p.crossingId), [hers]);
  // 95 days on (Uzbekistan: 90 within 180), she is over her days, and her stay is judged on her passages alone
  w.clock.advance(95 * 86_400_000);
  const later = await signIn(w.app, 'demo.migration.korday', 'Shekara-Demo-2026');
  const over = (await later.request('GET', '/api/v1/overstays?nationality=UZB&limit=1000')).json().items.find((i: { entryCrossingId: string }) => i.entryCrossingId === hers);
  assert.ok(over, 'she is on the overstay list');
  assert.equal(over.overBy, 6);
  // her renewed passport, which gives no sex (X): her exit on it closes the stay on the old one
  officer = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  await pass('exit', 'FB1618033', 'X');
  assert.equal(await open('FB3141592'), null);
});

test('stays: the verdicts kept with the open stays are judged again when the traveller is corrected, enters again on another passport, or other stay rules come into force; a stay longer than the look-back is still listed', async () => {
  const DAY = 86_400_000;
  let officer = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  const enter = async (number: string, person: Record<string, string>) => {
    const res = await officer.request('POST', '/api/v1/crossings', {
      checkpointId: KORDAY, laneId: KORDAY_ROAD_IN, direction: 'entry', transportMode: 'road', travellerCategory: 'foreigner',
      document: { code: 'P', number, issuingState: 'DEU', expiry: '2035-01-01' }, person: { nationality: 'DEU', ...person },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await officer.request('POST', `/api/v1/crossings/${res.json().id}/decision`, { decision: 'pass' })).statusCode, 200);
    return res.json().id as string;
  };
  const later = async (days: number) => {
    w.clock.advance(days * DAY);
    officer = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  };
  const overstays = async () => {
    const res = await (await signIn(w.app, 'demo.migration.korday', 'Shekara-Demo-2026')).request('GET', '/api/v1/overstays?limit=1000');
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { rulePackId: string; total: number; items: Array<{ entryCrossingId: string; overSince: string; overBy: number; daysThisStay: number; rule: string }> };
  };
  const listed = async (id: string) => (await overstays()).items.find((i) => i.entryCrossingId === id);
  const kept = async (id: string) => w.deps.db.selectFrom('openStay').select(['overFrom', 'judgedUnder']).where('entryCrossingId', '=', id).executeTakeFirst();

  // Germany: 30 days a stay. Listed from day 31 of the stay; the first day over kept with the stay
  const lena = { surname: 'Schmidt', givenNames: 'Lena', dateOfBirth: '1990-03-03' };
  const entered = w.clock.now();
  const first = await enter('C44A44B44', lena);
  assert.equal((await kept(first))?.judgedUnder, null);
  // judged in the background (the server's timer), ahead of the day
  assert.ok((await w.services.stays.keepVerdicts()) >= 1);
  const day31 = dateOfDay(dayOf(entered) + 30);
  assert.equal((await kept(first))?.overFrom, day31);
  await later(35);
  const item = await listed(first);
  assert.ok(item, 'on the list');
  assert.deepEqual([item.overSince, item.daysThisStay, item.overBy], [day31, 36, 6]);
  assert.equal((await kept(first))?.overFrom, day31);
  // her nationality corrected (90 days within 180): not over; corrected back: over again
  const nationality = async (to: string) => {
    const res = await officer.request('POST', `/api/v1/crossings/${first}/corrections`, { reason: 'Nationality misread', person: { nationality: to } });
    assert.equal(res.statusCode, 200, res.body);
  };
  await nationality('UZB');
  assert.equal(await listed(first), undefined);
  await nationality('DEU');
  assert.ok(await listed(first));
  // in again on a new passport, with no exit recorded between: the first stay gives way to the new one, not yet over
  const second = await enter('C55A55B55', lena);
  const now = await overstays();
  assert.ok(!now.items.some((i) => [first, second].includes(i.entryCrossingId)));
  assert.equal((await kept(first))?.overFrom, null);
  assert.equal((await kept(first))?.judgedUnder, now.rulePackId);
  await later(12);
  assert.equal(await listed(second), undefined);

  // other stay rules in force from today (10 days a stay for Germany): judged again under them
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const today = w.clock.now().toISOString().slice(0, 10);
  const current = (await admin.request('GET', `/api/v1/rule-packs?code=STAY-RULES&on=${today}`)).json().items[0];
  const rules = current.content.rules.map((r: { nationalities?: string[] }) => (r.nationalities?.includes('DEU') ? { ...r, maxDaysPerStay: 10 } : r));
  const bad = await admin.request('POST', '/api/v1/rule-packs', { code: 'STAY-RULES', actId: current.actId, titleEn: 'Successor stay rules', effectiveFrom: today,
    content: { rules: [...rules, { nationalities: ['DEU'], maxDaysPerStay: 5, maxDaysInPeriod: 200, periodDays: 180, label: 'twice' }, { maxDaysPerStay: 3, maxDaysInPeriod: null, periodDays: null, label: 'nobody' }] } });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path).sort(), [`content.rules.${rules.length}.maxDaysInPeriod`, `content.rules.${rules.length}.nationalities`, `content.rules.${rules.length + 1}.nationalities`]);
  const added = await admin.request('POST', '/api/v1/rule-packs', { code: 'STAY-RULES', actId: current.actId, titleEn: 'Successor stay rules: 10 days a stay for Germany', effectiveFrom: today, content: { rules } });
  assert.equal(added.statusCode, 201, added.body);
  const under = await overstays();
  assert.equal(under.rulePackId, added.json().id);
  const again = under.items.find((i) => i.entryCrossingId === second);
  assert.ok(again, 'over 10 days');
  assert.deepEqual([again.daysThisStay, again.overBy], [13, 3]);

  // a stay longer than the look-back of 400 days is still over, and listed
  await later(420);
  const long = await listed(second);
  assert.ok(long);
  assert.equal(long.daysThisStay, 433);
  const police = await signIn(w.app, 'demo.migration.korday', 'Shekara-Demo-2026');
  const hers = (await police.request('GET', '/api/v1/stays?issuingState=DEU&documentNumber=C55A55B55')).json();
  assert.deepEqual([hers.inCountry, hers.daysThisStay, hers.passages.at(-1).crossingId], [true, 433, second]);
  // by the checkpoint of entry
  const at = async (checkpointId: string) => (await police.request('GET', `/api/v1/overstays?limit=1000&entryCheckpointId=${checkpointId}`)).json().items.map((i: { entryCrossingId: string }) => i.entryCrossingId);
  assert.ok((await at(KORDAY)).includes(second));
  assert.ok(!(await at(seedId('checkpoint', 'KHORGOS-ICBC'))).includes(second));
});
