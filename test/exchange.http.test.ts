// Information exchange on deadline clocks (Instruction 2002 p.5), driven through the HTTP API with the
// calendar run forward: every window edge, the 2-hour written confirmation, sweeps that warn and
// escalate once, receipts, successor rule packs, bad input.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { seedId } from '../src/demo/index.ts';
import { openPeriodicObligations } from '../src/modules/exchange/index.ts';
import { zoned } from '../src/modules/exchange/clocks.ts';
import { DEMO_PASSWORD, tokenClient, unitId, useAppWorld, type Client } from './helpers.ts';

const ALMATY = 'Asia/Almaty';
let bs: Client;
let mia: Client;
let customs: Client;

/** Moves the calendar (the duty officers call with API tokens, which do not idle out across such jumps). */
async function at(when: Date) {
  w.clock.set(when);
}
const paths = (res: { json(): { errors: Array<{ path: string }> } }) => res.json().errors.map((e) => e.path.replace(/^body\./, ''));

const w = useAppWorld({ demo: true }, async () => {
  bs = await tokenClient(w.app, 'demo.duty.bs', DEMO_PASSWORD);
  mia = await tokenClient(w.app, 'demo.duty.mia', DEMO_PASSWORD);
  customs = await tokenClient(w.app, 'demo.duty.customs', DEMO_PASSWORD);
});
beforeEach(() => at(new Date('2026-11-20T06:00:00Z')));

const oral = { channel: 'phone', toldBy: 'Maj. Kasymov', toldTo: 'Maj. Mukanov' };
const MIGRANT = {
  surname: 'Rahimov', givenNames: 'Aziz', citizenship: 'UZB', stateOfDeparture: 'UZB', stateOfDestination: 'RUS', route: 'Tashkent – Shymkent – Korday – Bishkek',
  declaredPurpose: 'work', checkpointId: seedId('checkpoint', 'KORDAY'), travelMode: 'group', groupSize: 4, visaMeans: 'invitation bought through an agency', methods: 'forged entry stamp', measuresTaken: 'detained, handed to the migration police',
};

async function urgent(at: Date, extra: Record<string, unknown> = {}) {
  const res = await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'illegal_migrants', ...oral, reportedAt: at.toISOString(), summary: 'Group of four detained at Korday', migrant: MIGRANT, ...extra });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

test('urgent information goes to the counterparts of the level; a written confirmation 1h59 after the oral report is on time, 2h01 late', async () => {
  await at(new Date('2026-11-20T05:00:00Z'));
  const first = await urgent(new Date('2026-11-20T05:00:00Z'));
  assert.deepEqual(first.recipients.map((r: { unit: { id: string } }) => r.unit.id).sort(), [unitId('MIA-PD-ZHAMBYL'), unitId('SRD-ZHAMBYL')].sort());
  assert.equal(first.body.migrant.stateOfDeparture, 'UZB');
  assert.equal(first.body.migrant.stateOfDestination, 'RUS');
  const clock = first.obligations.find((o: { kind: string }) => o.kind === 'exchange.urgent.confirm');
  assert.equal(new Date(clock.dueAt).toISOString(), '2026-11-20T07:00:00.000Z');
  assert.match(clock.rule, /p\.5\(1\)/);
  // the recipients see it, urgent, awaiting confirmation
  const inbox = (await mia.request('GET', '/api/v1/exchange/messages')).json().items;
  assert.equal(inbox[0].id, first.id);
  assert.equal(inbox[0].confirmationState, 'awaiting');

  await at(new Date('2026-11-20T06:59:00Z'));
  const okRes = await bs.request('POST', `/api/v1/exchange/messages/${first.id}/confirmation`, { channel: 'written', summary: 'Ref. 12/345: four UZB citizens detained' });
  assert.equal(okRes.statusCode, 200, okRes.body);
  const ok = okRes.json();
  assert.equal(ok.confirmation.timing, 'on_time');
  assert.equal(ok.obligations.find((o: { kind: string }) => o.kind === 'exchange.urgent.confirm').outcome, 'on_time');
  // a second confirmation is refused
  const again = await bs.request('POST', `/api/v1/exchange/messages/${first.id}/confirmation`, { channel: 'written', summary: 'again' });
  assert.equal(again.statusCode, 409);

  await at(new Date('2026-11-20T05:00:00Z'));
  const second = await urgent(new Date('2026-11-20T05:00:00Z'), { subject: 'prohibited_goods', migrant: undefined });
  await at(new Date('2026-11-20T07:01:00Z'));
  const late = (await bs.request('POST', `/api/v1/exchange/messages/${second.id}/confirmation`, { channel: 'written', summary: 'Ref. 12/346' })).json();
  assert.equal(late.confirmation.timing, 'late');
  // exactly 2h00 is on time
  await at(new Date('2026-11-20T05:00:00Z'));
  const third = await urgent(new Date('2026-11-20T05:00:00Z'), { subject: 'forged_documents', migrant: undefined });
  await at(new Date('2026-11-20T07:00:30Z'));
  assert.equal((await bs.request('POST', `/api/v1/exchange/messages/${third.id}/confirmation`, { channel: 'written', summary: 'Ref. 12/347' })).json().confirmation.timing, 'on_time');
});

test('a written confirmation of a message that does not exist, is not urgent, or is not ours is refused with the reason', async () => {
  const missing = await bs.request('POST', `/api/v1/exchange/messages/${'0190a0a0-0000-7000-8000-000000000000'}/confirmation`, { channel: 'written', summary: 'x' });
  assert.equal(missing.statusCode, 404);
  await at(zoned('2026-11-20', '07:30', ALMATY));
  const daily = (await bs.request('POST', '/api/v1/exchange/messages', { type: 'daily', ...oral, summary: 'No changes in 24 hours' })).json();
  const notUrgent = await bs.request('POST', `/api/v1/exchange/messages/${daily.id}/confirmation`, { channel: 'written', summary: 'x' });
  assert.equal(notUrgent.statusCode, 422);
  assert.equal(notUrgent.json().code, 'NOT_URGENT');
  // the recipient cannot confirm the sender's report: it is not theirs to confirm
  const u = await urgent(w.clock.now(), { subject: 'wanted_persons', migrant: undefined });
  assert.equal((await mia.request('POST', `/api/v1/exchange/messages/${u.id}/confirmation`, { channel: 'written', summary: 'x' })).statusCode, 404);
});

test('the daily oral report between 07:00 and 09:00 local: 06:59 early, 07:00 and 09:00 on time, 09:01 late', async () => {
  const cases: Array<[string, string]> = [['2026-11-21', '06:59'], ['2026-11-22', '07:00'], ['2026-11-23', '09:00'], ['2026-11-24', '09:01']];
  const timings = [];
  for (const [date, time] of cases) {
    await at(zoned(date, time, ALMATY));
    const res = await customs.request('POST', '/api/v1/exchange/messages', { type: 'daily', ...oral, summary: `Situation on ${date}` });
    assert.equal(res.statusCode, 201, res.body);
    timings.push(res.json().timing);
    assert.match(res.json().timingRule, /07:00–09:00 Asia\/Almaty/);
  }
  assert.deepEqual(timings, ['early', 'on_time', 'on_time', 'late']);
});

test('the daily window follows the unit\'s zone across 1 March 2024 (UTC+6 before, UTC+5 after)', async () => {
  // 01:30Z is 07:30 in Almaty on 29 February 2024, but 06:30 on 1 March
  await at(new Date('2024-02-29T01:30:00Z'));
  assert.equal((await customs.request('POST', '/api/v1/exchange/messages', { type: 'daily', ...oral, summary: 'Before the zone change' })).json().timing, 'on_time');
  await at(new Date('2024-03-01T01:30:00Z'));
  assert.equal((await customs.request('POST', '/api/v1/exchange/messages', { type: 'daily', ...oral, summary: 'After the zone change' })).json().timing, 'early');
});

test('the monthly written report from the 28th to the 5th: the 27th early, the 28th and the 5th on time, the 6th late', async () => {
  const sections = { situation: 'Stable', incitingGroups: 'None identified', newTactics: 'Hidden compartments in minibuses', damagingActivity: 'None', newMethodsAndExamples: 'Two detentions with forged stamps' };
  const cases: Array<[string, string, string]> = [['2026-10-27', '23:59', '2026-10'], ['2026-10-28', '00:00', '2026-10'], ['2026-11-05', '23:59', '2026-10'], ['2026-11-06', '00:00', '2026-10']];
  const timings = [];
  for (const [date, time, period] of cases) {
    await at(zoned(date, time, ALMATY));
    const res = await mia.request('POST', '/api/v1/exchange/messages', { type: 'monthly', channel: 'written', period, summary: `Monthly report ${period}`, sections });
    assert.equal(res.statusCode, 201, res.body);
    timings.push(res.json().timing);
  }
  assert.deepEqual(timings, ['early', 'on_time', 'on_time', 'late']);
});

test('missing required fields are named, all at once, and nothing is written', async () => {
  const before = Number((await w.deps.db.selectFrom('exchangeMessage').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const bad = await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'illegal_migrants', channel: 'written', summary: 'x' });
  assert.equal(bad.statusCode, 400);
  const found = paths(bad);
  for (const p of ['migrant', 'channel']) assert.ok(found.includes(p), `${p} in ${found}`);
  const untold = await bs.request('POST', '/api/v1/exchange/messages', { type: 'daily', channel: 'phone', summary: 'x' });
  assert.deepEqual(paths(untold), ['toldTo']);
  const partial = await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'illegal_migrants', ...oral, summary: 'x', migrant: { surname: 'X', citizenship: 'UZB', travelMode: 'group' } });
  const missing = paths(partial);
  for (const p of ['migrant.stateOfDeparture', 'migrant.stateOfDestination', 'migrant.route', 'migrant.declaredPurpose', 'migrant.checkpointId', 'migrant.visaMeans', 'migrant.methods', 'migrant.measuresTaken', 'migrant.groupSize']) assert.ok(missing.includes(p), `${p} in ${missing}`);
  const monthly = await bs.request('POST', '/api/v1/exchange/messages', { type: 'monthly', channel: 'written', summary: 'x', sections: { situation: 'ok' } });
  assert.deepEqual(paths(monthly).sort(), ['sections.damagingActivity', 'sections.incitingGroups', 'sections.newMethodsAndExamples', 'sections.newTactics']);
  const expulsion = await bs.request('POST', '/api/v1/exchange/messages', { type: 'advance', subject: 'expulsion', channel: 'written', summary: 'x' });
  assert.deepEqual(paths(expulsion).sort(), ['effectiveOn', 'expulsion']);
  const after = Number((await w.deps.db.selectFrom('exchangeMessage').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  assert.equal(after, before);
});

test('an advance notice is on time before the day it concerns; expulsion notices say where, when and how many', async () => {
  await at(zoned('2026-11-20', '12:00', ALMATY));
  const ok = await mia.request('POST', '/api/v1/exchange/messages', { type: 'advance', subject: 'expulsion', channel: 'written', summary: 'Expulsion of 3 citizens of Tajikistan', effectiveOn: '2026-11-25', expulsion: { place: 'Korday checkpoint', date: '2026-11-25', time: '10:00', persons: 3 } });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().timing, 'on_time');
  assert.equal(ok.json().body.expulsion.persons, 3);
  const late = await mia.request('POST', '/api/v1/exchange/messages', { type: 'advance', subject: 'new_document_specimen', channel: 'electronic', summary: 'New ID card specimen', effectiveOn: '2026-11-20' });
  assert.equal(late.json().timing, 'late');
});

test('the Unified Data Bank: full-text search in Russian and Kazakh, visibility by agency, attachments stored once, half-yearly submission', async () => {
  const pdf = Buffer.from('%PDF-1.4 specimen').toString('base64');
  const add = (c: Client, body: Record<string, unknown>) => c.request('POST', '/api/v1/udb/documents', { kind: 'review', language: 'ru', attachments: [], ...body });
  const review = await add(bs, { title: 'Обзор поддельных документов', body: 'Типичные признаки подделки паспортов граждан Узбекистана, выявленные в пунктах пропуска.', attachments: [{ fileName: 'specimen.pdf', mediaType: 'application/pdf', contentBase64: pdf }] });
  assert.equal(review.statusCode, 201, review.body);
  const kazakh = await add(bs, { kind: 'training', language: 'kk', title: 'Құжаттарды тексеру', body: 'Шекарадан өту кезінде төлқұжаттарды тексеру әдістемесі.', visibility: 'agency', attachments: [{ fileName: 'copy.pdf', mediaType: 'application/pdf', contentBase64: pdf }] });
  assert.equal(kazakh.statusCode, 201, kazakh.body);
  assert.equal(review.json().attachments[0].sha256, kazakh.json().attachments[0].sha256);
  assert.equal(Number((await w.deps.db.selectFrom('udbBlob').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 1, 'the same bytes are stored once');
  // Russian word forms find each other (документ / документов, паспорт / паспортов)
  const found = (await mia.request('GET', `/api/v1/udb/documents?q=${encodeURIComponent('паспорт документ')}`)).json().items;
  assert.deepEqual(found.map((d: { id: string }) => d.id), [review.json().id]);
  // the Kazakh document is the Border Service's own: found by its officers, hidden from the police
  assert.equal((await bs.request('GET', `/api/v1/udb/documents?q=${encodeURIComponent('төлқұжаттарды')}`)).json().items[0]?.id, kazakh.json().id);
  assert.equal((await mia.request('GET', `/api/v1/udb/documents/${kazakh.json().id}`)).statusCode, 404);
  const file = await mia.request('GET', `/api/v1/udb/documents/${review.json().id}/attachments/${review.json().attachments[0].sha256}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.body, '%PDF-1.4 specimen');
  // the half-yearly submission to the counterparts names the documents and meets the UDB clock
  await at(zoned('2026-11-20', '06:00', ALMATY));
  await openPeriodicObligations(w.deps);
  const sub = await bs.request('POST', '/api/v1/exchange/messages', { type: 'udb', channel: 'electronic', summary: 'Materials for the second half of 2026', documents: [review.json().id] });
  assert.equal(sub.statusCode, 201, sub.body);
  assert.equal(sub.json().period, '2026-H2');
  assert.equal(sub.json().timing, 'on_time');
  const udbClock = await w.deps.db.selectFrom('obligation').select(['state', 'outcome']).where('key', '=', `exchange.udb:${unitId('BS-RD-SOUTH')}:2026-H2`).executeTakeFirstOrThrow();
  assert.deepEqual(udbClock, { state: 'met', outcome: 'on_time' });
  const foreign = await bs.request('POST', '/api/v1/exchange/messages', { type: 'udb', channel: 'electronic', summary: 'x', documents: ['0190a0a0-0000-7000-8000-000000000000'] });
  assert.deepEqual(paths(foreign), ['documents.0']);
});
