// Cases at the border through the HTTP API: a detention from the booth console handed over to the
// migration police with its items and accepted with a discrepancy (chain of custody, measures clock),
// every refusal of bad input, ownerless goods to the local executive body, and use-of-force reports on
// their 12- and 24-hour clocks (one missed and escalated).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedId } from '../src/demo/index.ts';
import { sweep } from '../src/modules/exchange/index.ts';
import { newId } from '../src/platform/ids.ts';
import { DEMO_PASSWORD, passportMrz, tokenClient, unitId, useAppWorld, type Client } from './helpers.ts';

let booth: Client; // border-control officer at Korday
let bsHead: Client; // head of the Korday border control department
let migration: Client; // migration police at Korday
let customs: Client;
const KORDAY = seedId('checkpoint', 'KORDAY');
const at = (iso: string) => w.clock.set(new Date(iso));
const paths = (res: { json(): { errors: Array<{ path: string }> } }) => res.json().errors.map((e) => e.path.replace(/^body\./, ''));

const w = useAppWorld({ demo: true }, async () => {
  at('2026-11-20T06:00:00Z');
  booth = await tokenClient(w.app, 'demo.booth.korday', DEMO_PASSWORD);
  bsHead = await tokenClient(w.app, 'demo.head.korday', DEMO_PASSWORD);
  migration = await tokenClient(w.app, 'demo.migration.korday', DEMO_PASSWORD);
  customs = await tokenClient(w.app, 'demo.customs.korday', DEMO_PASSWORD);
});

test('a detention at the console is handed over to the migration police with the items found, accepted with a discrepancy; the chain of custody shows every step', async () => {
  // the booth detains a traveller at control
  const mrz = passportMrz({ surname: 'RAHIMOV', given: 'AZIZ', number: 'FA7654321', nationality: 'UZB', dob: '900101', sex: 'M', expiry: '300101' });
  const crossing = (await booth.request('POST', '/api/v1/crossings', { checkpointId: KORDAY, laneId: seedId('lane', 'KORDAY/R-IN-1'), direction: 'entry', transportMode: 'road', travellerCategory: 'foreigner', mrz })).json();
  const decided = await booth.request('POST', `/api/v1/crossings/${crossing.id}/decision`, { decision: 'detain', note: 'Forged entry stamp; illegal migrant (Instruction p.9(6))' });
  assert.equal(decided.statusCode, 200, decided.body);
  const detention = await w.deps.db.selectFrom('detention').select(['id', 'unitId']).where('crossingId', '=', crossing.id).executeTakeFirstOrThrow();
  assert.equal(detention.unitId, unitId('BS-POST-KORDAY')); // the checkpoint's unit
  // what the personal search found
  const searched = await booth.request('POST', `/api/v1/detentions/${detention.id}/items`, { note: 'personal search, protocol 17', items: [{ kind: 'cash', description: 'US dollars', quantity: 5000, measure: 'USD', sealNo: 'BS-0017' }, { kind: 'documents', description: 'Passports of other persons', quantity: 2, measure: 'pcs' }] });
  assert.equal(searched.statusCode, 200, searched.body);
  const items = searched.json().items as Array<{ id: string; kind: string }>;
  // the head of the border control department sees the custody of the checkpoint post below it
  const headBoard = (await bsHead.request('GET', '/api/v1/custody-board')).json();
  assert.equal(headBoard.unit.id, unitId('BS-BCD-KORDAY'));
  assert.ok(items.every((i) => headBoard.held.some((h: { id: string }) => h.id === i.id)));
  // the booth records; handing over is the head's
  const held = await bsHead.request('POST', `/api/v1/detentions/${detention.id}/versions`, { reason: 'Held in the checkpoint premises', heldAt: 'bs_premises', heldIn: '2026-11-20T06:10:00Z', protocol: { number: 'АП-17', drawnAt: '2026-11-20T06:20:00Z', onSpot: true } });
  assert.equal(held.statusCode, 200, held.body);
  assert.equal(held.json().version, 2);
  assert.deepEqual(held.json().versions.map((v: { version: number; reason: string }) => [v.version, v.reason]), [[1, 'recorded at control'], [2, 'Held in the checkpoint premises']]);

  // bad hand-overs: a unit that does not exist, an item not held
  const nowhere = await bsHead.request('POST', '/api/v1/handover-acts', { fromUnitId: detention.unitId, toUnitId: newId(), basis: 'x', handingOfficer: 'капитан Ахметов', lines: [{ itemId: newId() }] });
  assert.deepEqual(paths(nowhere).sort(), ['lines.0.itemId', 'toUnitId']);
  const act = await bsHead.request('POST', '/api/v1/handover-acts', {
    fromUnitId: detention.unitId, toUnitId: unitId('MIA-MCP-KORDAY'), detentionId: detention.id, basis: 'Instruction 2002 p.9(6): illegal migrant for administrative proceedings',
    handingOfficer: 'капитан Ахметов С.', documents: ['Протокол АП-17', 'Рапорт'], lines: items.map((i) => ({ itemId: i.id })),
  });
  assert.equal(act.statusCode, 201, act.body);
  const a = act.json();
  assert.equal(a.status, 'sent');
  assert.deepEqual(a.lines.map((l: { kind: string }) => l.kind), ['person', 'cash', 'documents']);
  // until acceptance the sender is the custodian; the receiver sees the act and the detention; customs sees neither
  assert.equal((await bsHead.request('GET', `/api/v1/custody-items/${items[0]!.id}/chain`)).json().item.custodian.id, detention.unitId);
  assert.equal((await migration.request('GET', `/api/v1/detentions/${detention.id}`)).statusCode, 200);
  assert.equal((await customs.request('GET', `/api/v1/handover-acts/${a.id}`)).statusCode, 404);
  assert.equal((await customs.request('GET', `/api/v1/detentions/${detention.id}`)).statusCode, 404);
  const board = (await migration.request('GET', '/api/v1/custody-board')).json();
  assert.deepEqual(board.incoming.map((x: { id: string }) => x.id), [a.id]);
  // the sender cannot accept its own act; a second act for the same items waits
  assert.equal((await bsHead.request('POST', `/api/v1/handover-acts/${a.id}/accept`, { receivingOfficer: 'x' })).statusCode, 403);
  const again = await bsHead.request('POST', '/api/v1/handover-acts', { fromUnitId: detention.unitId, toUnitId: unitId('CP-KORDAY'), basis: 'x', handingOfficer: 'x', lines: [{ itemId: items[0]!.id }] });
  assert.match(again.json().errors[0].message, /already on act/);

  at('2026-11-20T07:00:00Z');
  const accepted = await migration.request('POST', `/api/v1/handover-acts/${a.id}/accept`, { receivingOfficer: 'капитан полиции Иванов Д. С.', discrepancies: [{ lineNo: 2, receivedQuantity: 4900, note: 'Counted 4,900 USD in the sealed bag' }] });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json().status, 'accepted_with_discrepancies');
  assert.equal(accepted.json().obligation.dueAt, '2026-11-30T07:00:00.000Z');
  const twice = await migration.request('POST', `/api/v1/handover-acts/${a.id}/accept`, { receivingOfficer: 'x' });
  assert.equal(twice.json().code, 'ACT_CLOSED');
  const chain = (await migration.request('GET', `/api/v1/custody-items/${items[0]!.id}/chain`)).json();
  assert.equal(chain.item.custodian.id, unitId('MIA-MCP-KORDAY'));
  assert.equal(chain.item.quantity, 4900);
  assert.deepEqual(chain.events.map((e: { kind: string }) => e.kind), ['seized', 'sent', 'accepted_with_discrepancy']);
  assert.equal((await w.deps.db.selectFrom('detention').select('status').where('id', '=', detention.id).executeTakeFirstOrThrow()).status, 'handed_over');
  const notice = await w.deps.db.selectFrom('notification').select('kind').where('subjectId', '=', a.id).where('unitId', '=', detention.unitId).executeTakeFirstOrThrow();
  assert.equal(notice.kind, 'case.handover.discrepancy');
  // the measures taken, reported back on the clock; the act prints with the chain
  const measures = await migration.request('POST', `/api/v1/handover-acts/${a.id}/measures`, { measures: 'Administrative protocol under Art. 517 of the Administrative Offences Code; expulsion decided' });
  assert.equal(measures.json().obligation.outcome, 'on_time');
  for (const lang of ['kk', 'ru']) {
    const pdf = await bsHead.request('GET', `/api/v1/handover-acts/${a.id}/act.pdf?lang=${lang}`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  }
  // the figures both agencies reconcile (Instruction p.9(3)): the same act counted on each side
  const mia = seedId('agency', 'MIA');
  const ours = (await bsHead.request('GET', '/api/v1/case-statistics?from=2026-11-20&to=2026-11-20')).json();
  assert.deepEqual(ours.handovers, [{ direction: 'sent', counterpartAgencyId: mia, status: 'accepted_with_discrepancies', count: 1 }]);
  const theirs = (await migration.request('GET', '/api/v1/case-statistics?from=2026-11-20&to=2026-11-20')).json();
  assert.deepEqual(theirs.handovers, [{ direction: 'received', counterpartAgencyId: seedId('agency', 'NSC-BS'), status: 'accepted_with_discrepancies', count: 1 }]);
  assert.deepEqual(paths(await bsHead.request('GET', '/api/v1/case-statistics?from=2026-11-21&to=2026-11-20')), ['to']);
  for (const url of [`/api/v1/custody-items/${items[0]!.id}/chain.pdf?lang=kk`]) {
    const pdf = await migration.request('GET', url);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  }
  assert.equal((await customs.request('GET', `/api/v1/custody-items/${items[0]!.id}/chain.pdf`)).statusCode, 404);
  // every step audited
  const audit = await w.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', a.id).execute();
  for (const x of ['case.handover.sent', 'case.handover.accepted_with_discrepancies', 'case.handover.measures_reported']) assert.ok(audit.some((e) => e.action === x), x);
});

test('a patrol detention of an unidentified person with seized goods; bad input named at once; ownerless goods go to the local executive body only', async () => {
  at('2026-11-21T03:00:00Z');
  const bad = await bsHead.request('POST', '/api/v1/detentions', { source: 'patrol', unidentified: true, category: 'smuggler', place: { description: '' }, detainedAt: '2026-11-22T03:00:00Z', grounds: 'x', procedure: 'administrative' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual([...new Set(paths(bad))].sort(), ['category', 'place.description']);
  const future = await bsHead.request('POST', '/api/v1/detentions', { source: 'patrol', unidentified: true, category: 'border_violator_outside_checkpoint', place: { description: 'Section 12, 3 km east of Korday' }, detainedAt: '2026-11-22T03:00:00Z', grounds: 'Crossed outside the checkpoint', procedure: 'administrative' });
  assert.deepEqual(paths(future).sort(), ['description', 'detainedAt']);
  const fake = await bsHead.request('POST', '/api/v1/detentions', { source: 'patrol', unidentified: true, description: 'x', category: 'border_violator_other', place: { description: 'x' }, detainedAt: '2026-11-21T02:40:00Z', grounds: 'x', procedure: 'administrative', photo: { mediaType: 'image/png', contentBase64: Buffer.from('not an image').toString('base64') } });
  assert.deepEqual(paths(fake), ['photo.contentBase64']);
  const det = await bsHead.request('POST', '/api/v1/detentions', {
    source: 'patrol', unidentified: true, description: 'Man about 30, green jacket, speaks Uzbek', category: 'border_violator_outside_checkpoint', photo: { mediaType: 'image/png', contentBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' },
    place: { description: 'Section 12, 3 km east of Korday', latitude: 43.05, longitude: 74.75 }, detainedAt: '2026-11-21T02:40:00Z', grounds: 'Crossed outside the checkpoint at night (Art. 30(1))', procedure: 'administrative',
    search: [{ item: 'mobile phone' }], items: [{ kind: 'goods', description: 'Cigarettes, cartons', quantity: 50, measure: 'cartons', sealNo: 'BS-0090' }],
  });
  assert.equal(det.statusCode, 201, det.body);
  assert.equal(det.json().categoryBasis, 'Law Art. 30(1): crossed or tried to cross outside a checkpoint or in breach of the procedure');
  assert.equal(det.json().hasPhoto, true);
  const photo = await bsHead.request('GET', `/api/v1/detentions/${det.json().id}/photo`);
  assert.deepEqual([photo.statusCode, photo.headers['content-type'], photo.rawPayload.subarray(1, 4).toString()], [200, 'image/png', 'PNG']);
  assert.equal((await customs.request('GET', `/api/v1/detentions/${det.json().id}/photo`)).statusCode, 404);
  const goods = det.json().items.find((i: { kind: string }) => i.kind === 'goods');
  const notLeb = await bsHead.request('POST', '/api/v1/handover-acts', { toUnitId: unitId('CP-KORDAY'), basis: 'ownerless', handingOfficer: 'x', toLocalExecutive: true, lines: [{ itemId: goods.id }] });
  assert.deepEqual(paths(notLeb), ['toUnitId']);
  const leb = await bsHead.request('POST', '/api/v1/handover-acts', { toUnitId: unitId('LEB-ZHAMBYL'), basis: 'Recognised ownerless (Art. 62(1)(4-1))', handingOfficer: 'майор Оспанов Е.', toLocalExecutive: true, lines: [{ itemId: goods.id }] });
  assert.equal(leb.statusCode, 201, leb.body);
  assert.equal(leb.json().toLocalExecutive, true);
  // a closed detention no longer changes
  const closed = await bsHead.request('POST', `/api/v1/detentions/${det.json().id}/versions`, { reason: 'Released after identification', status: 'closed' });
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal((await bsHead.request('POST', `/api/v1/detentions/${det.json().id}/versions`, { reason: 'edit', heldAt: 'bs_premises' })).json().code, 'CASE_CLOSED');
});

test('use of force: the prosecutor within 12 hours; a missed clock is overdue and escalated; notices are recorded late; the answers to the prohibitions are kept and reviewed', async () => {
  at('2026-11-21T10:00:00Z');
  const base = { servicemen: 'ст. лейтенант Жумабаев Н.', place: { description: 'Section 12', inBorderSpace: true }, outcome: 'Vehicle stopped, driver detained', prohibitions: { women: false, obviousDisability: false, minors: false, vehicleWithPassengers: false, unintentionalCrosser: false, animals: false } };
  const bad = await booth.request('POST', '/api/v1/use-of-force', { ...base, usedAt: '2026-11-21T09:00:00Z', means: ['weapon'], ground: '74.2.3', warning: 'verbal', noWarningCase: 'armed_attack' });
  assert.deepEqual(paths(bad).sort(), ['means.0', 'noWarningCase']);
  const unknown = await booth.request('POST', '/api/v1/use-of-force', { ...base, usedAt: '2026-11-21T09:00:00Z', means: ['weapon'], ground: '99.9', warning: 'verbal' });
  assert.deepEqual(paths(unknown), ['ground']);
  const r = await booth.request('POST', '/api/v1/use-of-force', {
    ...base, usedAt: '2026-11-21T09:00:00Z', means: ['weapon'], ground: '73.1.4', warning: 'warning_shot', aid: 'First aid to the driver',
    prohibitions: { ...base.prohibitions, vehicleWithPassengers: true }, premisesEntry: { premises: 'Barn at Kenen village', enteredAt: '2026-11-21T09:30:00Z', lockBroken: true },
  });
  assert.equal(r.statusCode, 201, r.body);
  const report = r.json();
  assert.deepEqual(report.findings, ['vehicle_with_passengers']);
  const clocks = Object.fromEntries(report.clocks.map((c: { kind: string; dueAt: string }) => [c.kind, c.dueAt]));
  assert.deepEqual(clocks, { 'force.prosecutor': '2026-11-21T21:00:00.000Z', 'force.premises': '2026-11-22T09:30:00.000Z' });
  const review = await w.deps.db.selectFrom('notification').select(['unitId', 'severity']).where('subjectId', '=', report.id).where('kind', '=', 'force.findings').executeTakeFirstOrThrow();
  assert.deepEqual([review.unitId, review.severity], [unitId('BS-POST-KORDAY'), 'alarm']); // the unit above the shift

  at('2026-11-21T20:59:00Z');
  await sweep(w.deps.db, w.clock.now());
  const early = await booth.request('GET', `/api/v1/use-of-force/${report.id}`);
  assert.equal(early.statusCode, 200, early.body);
  assert.equal(early.json().clocks.find((c: { kind: string }) => c.kind === 'force.prosecutor').state, 'open');
  at('2026-11-21T21:01:00Z');
  await sweep(w.deps.db, w.clock.now());
  const overdue = (await booth.request('GET', `/api/v1/use-of-force/${report.id}`)).json().clocks.find((c: { kind: string }) => c.kind === 'force.prosecutor');
  assert.equal(overdue.state, 'overdue');
  const escalated = await w.deps.db.selectFrom('obligation').select(['stage', 'escalatedToUnitId']).where('key', '=', `force.prosecutor:${report.id}`).executeTakeFirstOrThrow();
  assert.equal(escalated.stage, 'escalated');
  at('2026-11-21T21:35:00Z');
  const noted = await booth.request('POST', `/api/v1/use-of-force/${report.id}/prosecutor-notice`, { notifiedAt: '2026-11-21T21:30:00Z', notice: 'Korday district prosecutor, by phone, ref. 12/44' });
  assert.equal(noted.json().clocks.find((c: { kind: string }) => c.kind === 'force.prosecutor').outcome, 'late');
  const premises = await booth.request('POST', `/api/v1/use-of-force/${report.id}/premises-notice`, { notifiedAt: '2026-11-21T21:30:00Z', notice: 'same call' });
  assert.equal(premises.json().clocks.find((c: { kind: string }) => c.kind === 'force.premises').outcome, 'on_time');
  assert.equal((await booth.request('POST', `/api/v1/use-of-force/${report.id}/prosecutor-notice`, { notifiedAt: '2026-11-21T21:40:00Z', notice: 'again' })).json().code, 'ALREADY_NOTIFIED');
  assert.equal((await migration.request('GET', `/api/v1/use-of-force/${report.id}`)).statusCode, 404);
  const listed = (await bsHead.request('GET', '/api/v1/use-of-force')).json().items;
  assert.deepEqual([listed[0].id, listed[0].prosecutorClock.outcome], [report.id, 'late']);
  const printed = await booth.request('GET', `/api/v1/use-of-force/${report.id}/report.pdf?lang=kk`);
  assert.equal(printed.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await migration.request('GET', `/api/v1/use-of-force/${report.id}/report.pdf`)).statusCode, 404);
});

test('a border incident: registered, investigated jointly, letters through the exchange point, a meeting that does not settle it, passed to the MFA, which then sees it', async () => {
  at('2026-11-22T05:00:00Z');
  const refdata = await tokenClient(w.app, 'demo.refdata', DEMO_PASSWORD);
  const section = await w.deps.db.selectFrom('borderSection').select('id').where('neighbourCountry', '=', 'KGZ').executeTakeFirstOrThrow();
  for (const r of [{ side: 'kazakhstan', fullName: 'полковник Оспанов Е. К.', position: 'Пограничный представитель РК на участке Кордай', role: 'representative' }, { side: 'neighbour', fullName: 'полковник Асанов Т. Б.', position: 'Пограничный представитель КР', role: 'representative' }]) {
    const res = await refdata.request('POST', '/api/v1/border-representatives', { ...r, neighbourCountry: 'KGZ', borderSectionId: section.id, listReference: 'MFA note No. 12/345 of 2026-01-15', validFrom: '2026-01-15' });
    assert.equal(res.statusCode, 201, res.body);
  }
  assert.equal((await customs.request('POST', '/api/v1/border-incidents', { neighbourCountry: 'KGZ', domain: 'land', occurredAt: '2026-11-22T02:00:00Z', place: { description: 'x' }, summary: 'x', violation: 'x' })).statusCode, 404);
  const wrongSide = await bsHead.request('POST', '/api/v1/border-incidents', { neighbourCountry: 'CHN', borderSectionId: section.id, domain: 'land', occurredAt: '2026-11-22T02:00:00Z', place: { description: 'x' }, summary: 'x', violation: 'x' });
  assert.deepEqual(paths(wrongSide), ['neighbourCountry']);
  const inc = await bsHead.request('POST', '/api/v1/border-incidents', { neighbourCountry: 'KGZ', borderSectionId: section.id, domain: 'land', occurredAt: '2026-11-22T02:00:00Z', place: { description: 'Border sign 214, Korday section', latitude: 43.04, longitude: 74.71 }, summary: 'Livestock of a KG farm driven across the line; shepherds crossed after it', violation: 'Crossing outside a checkpoint (Art. 30(1))' });
  assert.equal(inc.statusCode, 201, inc.body);
  const id = inc.json().id;
  assert.deepEqual(inc.json().representatives.map((r: { side: string }) => r.side), ['kazakhstan', 'neighbour']);
  const early = await bsHead.request('POST', `/api/v1/border-incidents/${id}/steps`, { kind: 'settled', outcome: 'x' });
  assert.deepEqual(paths(early), ['kind']);
  const noAf = await bsHead.request('POST', `/api/v1/border-incidents/${id}/steps`, { kind: 'investigation', mode: 'joint', armedForcesExperts: true });
  assert.deepEqual(paths(noAf), ['armedForcesExperts']);
  for (const step of [
    { kind: 'investigation', mode: 'joint' },
    { kind: 'letter_sent', at: '2026-11-22T04:00:00Z', exchangePoint: 'Korday correspondence exchange point', counterpart: 'KG border representative', subject: 'Proposal of a joint inspection at sign 214' },
    { kind: 'letter_received', at: '2026-11-22T04:30:00Z', exchangePoint: 'Korday correspondence exchange point', counterpart: 'KG border representative', subject: 'Agreed: meeting at the incident site' },
    { kind: 'meeting', at: '2026-11-22T04:50:00Z', venue: 'incident_site', location: 'Border sign 214', participants: ['полковник Оспанов Е. К.', 'полковник Асанов Т. Б.'], protocol: 'The KG side disputes the number of animals; no agreement on compensation.', settled: false },
  ]) {
    const res = await bsHead.request('POST', `/api/v1/border-incidents/${id}/steps`, step);
    assert.equal(res.statusCode, 200, res.body);
  }
  // the MFA does not see it until it is passed on
  const mfaUser = await makeMfaClient();
  assert.equal((await mfaUser.request('GET', `/api/v1/border-incidents/${id}`)).statusCode, 404);
  const notMfa = await bsHead.request('POST', `/api/v1/border-incidents/${id}/steps`, { kind: 'passed_to_mfa', mfaUnitId: unitId('CP-KORDAY'), outcome: 'x' });
  assert.deepEqual(paths(notMfa), ['mfaUnitId']);
  const passed = await bsHead.request('POST', `/api/v1/border-incidents/${id}/steps`, { kind: 'passed_to_mfa', mfaUnitId: unitId('MFA-HQ'), outcome: 'Not settled by the border representatives: compensation for the livestock disputed (Art. 27(7))' });
  assert.equal(passed.json().status, 'passed_to_mfa');
  assert.deepEqual(passed.json().events.map((e: { kind: string }) => e.kind), ['investigation', 'letter_sent', 'letter_received', 'meeting', 'passed_to_mfa']);
  assert.equal((await mfaUser.request('GET', `/api/v1/border-incidents/${id}`)).statusCode, 200);
  assert.equal((await w.deps.db.selectFrom('notification').select('kind').where('subjectId', '=', id).where('unitId', '=', unitId('MFA-HQ')).executeTakeFirstOrThrow()).kind, 'case.incident.mfa');
  assert.equal((await bsHead.request('POST', `/api/v1/border-incidents/${id}/steps`, { kind: 'settled', outcome: 'late' })).json().code, 'INCIDENT_CLOSED');
  assert.equal((await customs.request('GET', `/api/v1/border-incidents/${id}`)).statusCode, 404);
  assert.ok((await mfaUser.request('GET', '/api/v1/border-incidents')).json().items.some((i: { id: string }) => i.id === id));
  assert.equal((await customs.request('GET', '/api/v1/border-incidents')).json().items.length, 0);
});

async function makeMfaClient() {
  const { makeUser, signIn } = await import('./helpers.ts');
  const u = await makeUser(w, { unitId: unitId('MFA-HQ'), roles: [{ role: 'duty_officer', scopeUnitId: unitId('MFA-HQ') }] });
  return signIn(w.app, u.username);
}
