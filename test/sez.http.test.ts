// SEZ passage (SEZ Rules 2019) through the HTTP API with the calendar run forward: the list chain
// (drafted → signed → agreed → forwarded → received), each deadline edge (day 5 vs day 6 after agreement,
// the 25th vs the 26th), returns and amendments as versions, every refusal of bad input, and admission
// at the checkpoint (routine, priority, emergency) with weapons and vehicles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedId } from '../src/demo/index.ts';
import { sweep } from '../src/modules/exchange/index.ts';
import { openSezObligations } from '../src/modules/sez/index.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, makeUser, signIn, tokenClient, unitId, useAppWorld, type Client } from './helpers.ts';

const SEZ = seedId('sez', 'ICBC-KHORGOS');
let police: Client; // drafts (police officer of the Panfilov district police)
let head: Client; // head of the Panfilov district police
let nsc: Client; // NSC Panfilov district division
let bsHead: Client; // BS military unit (Khorgos border detachment)
let booth: Client; // BS subdivision at the ICBC checkpoint
let customs: Client;

const at = (iso: string) => w.clock.set(new Date(iso));
const paths = (res: { json(): { errors: Array<{ path: string }> } }) => res.json().errors.map((e) => e.path.replace(/^body\./, ''));
const officer = (n: number, extra: Record<string, unknown> = {}) => ({ surname: `Серіков${n}`, givenName: 'Нұрлан', patronymic: 'Асқарұлы', certificateNo: `МВД-9${String(n).padStart(5, '0')}`, ...extra });

async function draft(body: Record<string, unknown>, client = police) {
  const res = await client.request('POST', '/api/v1/sez/lists', { sezId: SEZ, kind: 'monthly', ...body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
async function act(client: Client, id: string, action: string, body?: unknown) {
  const res = await client.request('POST', `/api/v1/sez/lists/${id}/${action}`, body ?? {});
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json();
}
const obligation = (list: { obligations: Array<{ kind: string }> }, kind: string) => list.obligations.find((o) => o.kind === kind) as { dueAt: string; state: string; outcome: string | null; rule: string } | undefined;

const w = useAppWorld({ demo: true }, async () => {
  at('2026-11-20T06:00:00Z'); // 11:00 in Almaty
  police = await tokenClient(w.app, 'demo.police.panfilov', DEMO_PASSWORD);
  head = await tokenClient(w.app, 'demo.head.panfilov', DEMO_PASSWORD);
  nsc = await tokenClient(w.app, 'demo.nsc.panfilov', DEMO_PASSWORD);
  bsHead = await tokenClient(w.app, 'demo.head.khorgos', DEMO_PASSWORD);
  booth = await tokenClient(w.app, 'demo.booth.icbc', DEMO_PASSWORD);
  customs = await tokenClient(w.app, 'demo.customs.korday', DEMO_PASSWORD);
});

test('the chain of a monthly list: drafted, signed by the head, agreed, forwarded within 5 days, received; each party sees it from its step on', async () => {
  at('2026-11-20T06:00:00Z');
  const parties = (await police.request('GET', '/api/v1/sez')).json().items;
  assert.equal(parties[0].code, 'ICBC-KHORGOS');
  assert.deepEqual(parties[0].myRoles, ['police_body']);
  assert.equal(parties[0].rules.forwardWithinDays, 5);

  const list = await draft({ month: '2026-12', permitNo: 'Р-12/2026', officers: [officer(1, { weaponNo: 'ПМ 1234' }), officer(2, { weaponNo: 'АК-74 5678' }), officer(3)], vehicles: [{ plate: '123 ABC 05', kind: 'патрульный автомобиль', model: 'Toyota Hilux' }] });
  assert.equal(list.status, 'draft');
  assert.deepEqual(list.next, ['edit']);
  assert.equal(obligation(list, 'sez.delivery')!.dueAt, '2026-11-25T18:59:59.999Z'); // the 25th of the month before, end of the day in Almaty
  // the NSC and the BS do not see a draft
  assert.equal((await nsc.request('GET', `/api/v1/sez/lists/${list.id}`)).statusCode, 404);
  assert.equal((await bsHead.request('GET', `/api/v1/sez/lists/${list.id}`)).statusCode, 404);
  assert.equal((await customs.request('GET', `/api/v1/sez/lists/${list.id}`)).statusCode, 404);
  // a police officer without the right does not sign; nor does anyone agree or forward before the signature
  const noRight = await police.request('POST', `/api/v1/sez/lists/${list.id}/sign`, {});
  assert.equal(noRight.statusCode, 403);
  assert.equal(noRight.json().code, 'NO_RIGHT');

  const signed = await act(head, list.id, 'sign');
  assert.equal(signed.status, 'signed');
  assert.equal(signed.steps[0].signer.name, 'Б. Е. Тоқтаров');
  assert.equal(signed.steps[0].signer.rank, 'полковник полиции');
  const twice = await head.request('POST', `/api/v1/sez/lists/${list.id}/sign`, {});
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().code, 'OUT_OF_ORDER');
  // what the interface needs to say it in the officer's language: the list's state and the step refused
  assert.deepEqual([twice.json().state, twice.json().action], ['signed', 'sign']);
  const early = await nsc.request('POST', `/api/v1/sez/lists/${list.id}/forward`, {});
  assert.equal(early.json().code, 'OUT_OF_ORDER');
  assert.equal((await bsHead.request('GET', `/api/v1/sez/lists/${list.id}`)).statusCode, 404);
  const atNsc = (await nsc.request('GET', `/api/v1/sez/lists/${list.id}`)).json();
  assert.deepEqual(atNsc.next, ['agree', 'return']);

  const agreed = await act(nsc, list.id, 'agree');
  const forward = obligation(agreed, 'sez.forward')!;
  assert.equal(forward.dueAt, '2026-11-25T18:59:59.999Z'); // agreed on the 20th: day 5 is the 25th
  assert.match(forward.rule, /KZ p\.6/);
  at('2026-11-22T04:00:00Z');
  const forwarded = await act(nsc, list.id, 'forward');
  assert.equal(forwarded.status, 'forwarded');
  assert.equal(obligation(forwarded, 'sez.forward')!.outcome, 'on_time');
  assert.equal(obligation(forwarded, 'sez.delivery')!.outcome, 'on_time');
  const atBs = (await bsHead.request('GET', `/api/v1/sez/lists/${list.id}`)).json();
  assert.deepEqual(atBs.next, ['receive']);
  const received = await act(bsHead, list.id, 'receive');
  assert.deepEqual(received.steps.map((s: { step: string }) => s.step), ['signed', 'agreed', 'forwarded', 'received']);
  assert.equal((await booth.request('GET', '/api/v1/sez/lists?month=2026-12')).json().items[0].id, list.id);
  // the form prints as a PDF in Kazakh and Russian
  for (const lang of ['kk', 'ru']) {
    const pdf = await head.request('GET', `/api/v1/sez/lists/${list.id}/form.pdf?lang=${lang}`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  }
  // every step is in the audit trail
  const audit = await w.deps.db.selectFrom('auditEvent').select('action').where('entityId', '=', list.id).execute();
  for (const a of ['sez.list.drafted', 'sez.list.sign', 'sez.list.agree', 'sez.list.forward', 'sez.list.receive']) assert.ok(audit.some((e) => e.action === a), a);
});

test('deadline edges: forwarded on day 5 after agreement is on time and day 6 late; delivered on the 25th on time and the 26th late; the sweep escalates a missed forwarding', async () => {
  // January list: agreed 21 December, forwarded at 00:00 on the 26th (day 5: on time for forwarding, but the 26th: late for delivery)
  at('2026-11-20T06:00:00Z');
  const jan = await draft({ month: '2027-01', officers: [officer(11)] });
  at('2026-12-21T05:00:00Z');
  await act(head, jan.id, 'sign');
  await act(nsc, jan.id, 'agree');
  at('2026-12-25T18:59:00Z'); // 23:59 on the 25th in Almaty
  await openSezObligations(w.deps.db, w.clock.now());
  at('2026-12-25T19:00:00Z'); // 00:00 on the 26th
  const janFwd = await act(nsc, jan.id, 'forward');
  assert.equal(obligation(janFwd, 'sez.forward')!.outcome, 'on_time');
  assert.equal(obligation(janFwd, 'sez.delivery')!.outcome, 'late');

  // February list: agreed 10 January, not forwarded by day 5; the sweep marks it overdue and escalates; forwarded on day 6: late
  const feb = await draft({ month: '2027-02', officers: [officer(12)] });
  at('2027-01-10T05:00:00Z');
  await act(head, feb.id, 'sign');
  await act(nsc, feb.id, 'agree');
  at('2027-01-15T18:59:00Z');
  await sweep(w.deps.db, w.clock.now());
  let view = (await nsc.request('GET', `/api/v1/sez/lists/${feb.id}`)).json();
  assert.equal(obligation(view, 'sez.forward')!.state, 'open');
  at('2027-01-15T19:00:30Z');
  await sweep(w.deps.db, w.clock.now());
  view = (await nsc.request('GET', `/api/v1/sez/lists/${feb.id}`)).json();
  assert.equal(obligation(view, 'sez.forward')!.state, 'overdue');
  const escalated = await w.deps.db.selectFrom('obligation').select(['escalatedToUnitId', 'stage']).where('key', '=', `sez.forward:${feb.id}`).executeTakeFirstOrThrow();
  assert.equal(escalated.stage, 'escalated');
  assert.equal(escalated.escalatedToUnitId, unitId('NSC-DEP-ZHETYSU'));
  const notices = await w.deps.db.selectFrom('notification').select(['unitId', 'kind']).where('subjectId', 'in', w.deps.db.selectFrom('obligation').select('id').where('key', '=', `sez.forward:${feb.id}`)).execute();
  assert.ok(notices.some((n) => n.unitId === unitId('NSC-DIV-PANFILOV') && n.kind === 'obligation.overdue'));
  assert.ok(notices.some((n) => n.unitId === unitId('BS-BD-KHORGOS')));
  const febFwd = await act(nsc, feb.id, 'forward');
  assert.equal(obligation(febFwd, 'sez.forward')!.outcome, 'late');
  assert.equal(obligation(febFwd, 'sez.delivery')!.outcome, 'on_time'); // the 25th of January is still ahead
});

test('returned for correction and amended mid-month: each a new version through the same chain; the older version stops counting once the new one is forwarded', async () => {
  at('2026-11-20T06:00:00Z');
  const mar = await draft({ month: '2027-03', officers: [officer(21, { weaponNo: 'ПМ 2100' })] });
  await act(head, mar.id, 'sign');
  const noReason = await nsc.request('POST', `/api/v1/sez/lists/${mar.id}/return`, {});
  assert.deepEqual(paths(noReason), ['reason']);
  const returned = await act(nsc, mar.id, 'return', { reason: 'Weapon number does not match the register' });
  assert.equal(returned.status, 'returned');
  assert.equal((await w.deps.db.selectFrom('notification').select('kind').where('subjectId', '=', mar.id).where('unitId', '=', unitId('MIA-DP-PANFILOV')).executeTakeFirstOrThrow()).kind, 'sez.list.returned');
  const v2 = await police.request('POST', `/api/v1/sez/lists/${mar.id}/versions`, { reason: 'Weapon number corrected', officers: [officer(21, { weaponNo: 'ПМ 2101' })] });
  assert.equal(v2.statusCode, 201, v2.body);
  assert.equal(v2.json().version, 2);
  assert.equal(v2.json().lineageId, mar.id);
  const again = await police.request('POST', `/api/v1/sez/lists/${mar.id}/versions`, { reason: 'twice', officers: [officer(21)] });
  assert.equal(again.json().code, 'VERSION_OPEN');
  await act(head, v2.json().id, 'sign');
  await act(nsc, v2.json().id, 'agree');
  await act(nsc, v2.json().id, 'forward');
  const v3 = await police.request('POST', `/api/v1/sez/lists/${v2.json().id}/versions`, { reason: 'Officer added mid-month', officers: [officer(21, { weaponNo: 'ПМ 2101' }), officer(22)] });
  assert.equal(v3.statusCode, 201, v3.body);
  await act(head, v3.json().id, 'sign');
  await act(nsc, v3.json().id, 'agree');
  const done = await act(nsc, v3.json().id, 'forward');
  assert.deepEqual(done.versions.map((v: { status: string }) => v.status), ['returned', 'superseded', 'forwarded']);
});

test('bad input: an officer on two lists of the SEZ for a month, a weapon of another officer, duplicates, a closed month, a second list, missing group records: all named at once, nothing written', async () => {
  at('2026-11-20T06:00:00Z');
  // a second police body of the SEZ (the regional Police Department) with its own head
  await w.deps.db.insertInto('counterpartMember').values({ groupId: (await w.deps.db.selectFrom('counterpartGroup').select('id').where('sezId', '=', SEZ).executeTakeFirstOrThrow()).id, unitId: unitId('MIA-PD-ZHETYSU'), role: 'police_body' }).execute();
  const region = await makeUser(w, { unitId: unitId('MIA-PD-ZHETYSU'), roles: [{ role: 'police_officer', scopeUnitId: unitId('MIA-PD-ZHETYSU') }] });
  const regional = await signIn(w.app, region.username);
  const before = await w.deps.db.selectFrom('sezList').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const res = await regional.request('POST', '/api/v1/sez/lists', {
    sezId: SEZ, kind: 'monthly', month: '2026-12', policeUnitId: unitId('MIA-PD-ZHETYSU'),
    officers: [officer(1), officer(50, { weaponNo: 'АК-74 5678' }), officer(51, { weaponNo: 'ПМ 5100' }), officer(51, { weaponNo: 'ПМ 5100' })],
    vehicles: [{ plate: '777 AA 05', kind: 'автобус' }, { plate: '777  aa 05', kind: 'автобус' }],
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.deepEqual(paths(res).sort(), ['officers.0.certificateNo', 'officers.1.weaponNo', 'officers.3.certificateNo', 'officers.3.weaponNo', 'vehicles.1.plate']);
  assert.match(res.json().errors.find((e: { path: string }) => e.path === 'officers.0.certificateNo').message, /already on the list of Panfilov District Police Department/);
  const after = await w.deps.db.selectFrom('sezList').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));

  const closed = await police.request('POST', '/api/v1/sez/lists', { sezId: SEZ, kind: 'monthly', month: '2026-10', officers: [officer(60)] });
  assert.equal(closed.statusCode, 409);
  assert.equal(closed.json().code, 'MONTH_CLOSED');
  const second = await police.request('POST', '/api/v1/sez/lists', { sezId: SEZ, kind: 'monthly', month: '2026-12', officers: [officer(61)] });
  assert.equal(second.json().code, 'LIST_EXISTS');
  const group = await police.request('POST', '/api/v1/sez/lists', { sezId: SEZ, kind: 'oig', officers: [officer(62)] });
  assert.deepEqual(paths(group), ['offence']);
  const emergency = await police.request('POST', '/api/v1/sez/lists', { sezId: SEZ, kind: 'emergency', officers: [officer(63)] });
  assert.deepEqual(paths(emergency).sort(), ['emergencyOrder', 'officers.0.equipment']);
  const body = await police.request('POST', '/api/v1/sez/lists', { sezId: SEZ, kind: 'weekly', month: '26-12', officers: [{ surname: '' }] });
  assert.equal(body.statusCode, 400);
  assert.deepEqual([...new Set(paths(body))].sort(), ['kind', 'month', 'officers.0.certificateNo', 'officers.0.givenName', 'officers.0.surname']);
  // another agency's SEZ list and unknown ids are 404
  assert.equal((await customs.request('POST', '/api/v1/sez/lists', { sezId: SEZ, kind: 'monthly', month: '2027-04', officers: [officer(64)] })).statusCode, 404);
});

test('an acting substitute signs while the acting period runs, and is refused with the reason once it has ended', async () => {
  at('2026-11-20T06:00:00Z');
  const admin = await signIn(w.app, 'demo.admin.mia', DEMO_PASSWORD);
  const users = await w.deps.db.selectFrom('appUser').select(['id', 'username']).where('username', 'in', ['demo.head.panfilov', 'demo.police.panfilov']).execute();
  const id = (u: string) => users.find((x) => x.username === u)!.id;
  const acting = await admin.request('POST', '/api/v1/acting-assignments', { principalUserId: id('demo.head.panfilov'), deputyUserId: id('demo.police.panfilov'), validFrom: '2026-11-20T00:00:00Z', validTo: '2026-11-21T00:00:00Z', basis: 'Order No. 77 of 2026-11-19: leave of the head' });
  assert.equal(acting.statusCode, 201, acting.body);
  const apr = await draft({ month: '2027-04', officers: [officer(70)] });
  const signed = await act(police, apr.id, 'sign');
  assert.equal(signed.steps[0].signer.acting, true);
  assert.equal(signed.steps[0].actingForUserId, id('demo.head.panfilov'));
  at('2026-11-21T06:00:00Z');
  const may = await draft({ month: '2027-05', officers: [officer(71)] });
  const ended = await police.request('POST', `/api/v1/sez/lists/${may.id}/sign`, {});
  assert.equal(ended.statusCode, 403);
  assert.equal(ended.json().code, 'ACTING_ENDED');
});

test('admission at the checkpoint: a listed officer with the permitted weapon passes, one not on the list or with another weapon is refused with the reason; vehicles inspected; weapons reconciled on exit', async () => {
  at('2026-12-05T04:00:00Z'); // the December list of the first test is in force
  const admit = async (body: Record<string, unknown>, client = booth) => {
    const res = await client.request('POST', '/api/v1/sez/admissions', { sezId: SEZ, direction: 'entry', givenName: 'Нұрлан', idDocumentNo: '045678912', weapons: [], ...body });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const ok = await admit({ surname: 'Серіков1', certificateNo: 'мвд-900001', weapons: ['ПМ 1234'] });
  assert.equal(ok.result, 'pass');
  assert.equal(ok.basis, 'routine');
  assert.deepEqual(ok.weapons, [{ number: 'ПМ 1234', listed: true }]);
  const stranger = await admit({ surname: 'Бөтен', certificateNo: 'МВД-123456' });
  assert.equal(stranger.result, 'refuse');
  assert.equal(stranger.reasons[0].code, 'NOT_ON_LIST');
  assert.match(stranger.reasons[0].detail, /on no list in force/);
  const wrongGun = await admit({ surname: 'Серіков3', certificateNo: 'МВД-900003', weapons: ['ПМ 9999'] });
  assert.deepEqual([wrongGun.result, wrongGun.reasons.map((r: { code: string }) => r.code)], ['refuse', ['WEAPON_NOT_PERMITTED']]);
  const expired = await admit({ surname: 'Серіков2', certificateNo: 'МВД-900002', idDocumentExpiry: '2026-12-01' });
  assert.deepEqual(expired.reasons.map((r: { code: string }) => r.code), ['ID_DOCUMENT_EXPIRED']);
  // special vehicles: inspected with the state revenue body (EN p.9, switched on), and only those of the list
  const noRevenue = await booth.request('POST', '/api/v1/sez/admissions', { sezId: SEZ, direction: 'entry', surname: 'Серіков2', givenName: 'Нұрлан', certificateNo: 'МВД-900002', idDocumentNo: '045678913', vehicle: { plate: '123 abc 05', inspection: { outcome: 'no_findings', inspectors: 'капитан Сапарова' } } });
  assert.deepEqual(paths(noRevenue), ['vehicle.inspection.stateRevenueOfficer']);
  const car = await admit({ surname: 'Серіков2', certificateNo: 'МВД-900002', weapons: ['АК-74 5678'], vehicle: { plate: '123 abc 05', inspection: { outcome: 'no_findings', inspectors: 'капитан Сапарова', stateRevenueOfficer: 'ст. инспектор Ахметова' } } });
  assert.equal(car.result, 'pass', JSON.stringify(car.reasons));
  assert.equal(car.vehicle.listed, true);
  const otherCar = await admit({ surname: 'Серіков3', certificateNo: 'МВД-900003', vehicle: { plate: '999 ZZZ 05', inspection: { outcome: 'no_findings', inspectors: 'капитан Сапарова', stateRevenueOfficer: 'ст. инспектор Ахметова' } } });
  assert.deepEqual(otherCar.reasons.map((r: { code: string }) => r.code), ['VEHICLE_NOT_LISTED']);
  // two weapons inside; one comes out without its weapon: a warning, and it stays on the list of weapons inside
  let inside = (await booth.request('GET', `/api/v1/sez/weapons-inside?sezId=${SEZ}`)).json().items;
  assert.deepEqual(inside.map((x: { weaponNo: string }) => x.weaponNo).sort(), ['АК-74 5678', 'ПМ 1234']);
  at('2026-12-05T09:00:00Z');
  const out = await admit({ direction: 'exit', surname: 'Серіков1', certificateNo: 'МВД-900001' });
  assert.equal(out.result, 'pass');
  assert.deepEqual(out.reasons.map((r: { code: string }) => r.code), ['WEAPON_STILL_INSIDE']);
  const out2 = await admit({ direction: 'exit', surname: 'Серіков2', certificateNo: 'МВД-900002', weapons: ['АК-74 5678'] });
  assert.equal(out2.reasons.length, 0);
  inside = (await booth.request('GET', `/api/v1/sez/weapons-inside?sezId=${SEZ}`)).json().items;
  assert.deepEqual(inside.map((x: { weaponNo: string }) => x.weaponNo), ['ПМ 1234']);
  // the log is the Border Service's: the police body and another agency get 404; a police officer cannot admit
  const log = (await bsHead.request('GET', `/api/v1/sez/admissions?sezId=${SEZ}`)).json().items;
  assert.ok(log.some((l: { id: string; result: string }) => l.id === stranger.id && l.result === 'refuse'));
  assert.equal((await customs.request('GET', `/api/v1/sez/admissions?sezId=${SEZ}`)).statusCode, 404);
  assert.equal((await police.request('GET', `/api/v1/sez/admissions?sezId=${SEZ}`)).statusCode, 404);
  assert.equal((await police.request('POST', '/api/v1/sez/admissions', { sezId: SEZ, direction: 'entry', surname: 'X', givenName: 'Y', certificateNo: 'МВД-900001', idDocumentNo: '045678912' })).statusCode, 404);
});

test('priority passage of an operational-investigative group (p.7) and emergency entry in full equipment (p.8): signed by the head, sent to the checkpoint at once, admitted first', async () => {
  at('2026-12-06T10:00:00Z');
  const oig = await draft({ kind: 'oig', offence: { registrationNo: 'ЕРДР 262100031000123', committedAt: '2026-12-06T09:30:00+05:00', place: 'ICBC Khorgos, trade pavilion 4', summary: 'Robbery' }, officers: [officer(80, { weaponNo: 'ПМ 8000' })] });
  assert.equal(oig.month, '2026-12');
  await act(head, oig.id, 'sign');
  const alarm = await w.deps.db.selectFrom('notification').select(['unitId', 'severity', 'kind']).where('subjectId', '=', oig.id).execute();
  assert.ok(alarm.some((n) => n.unitId === unitId('BS-POST-ICBC') && n.severity === 'alarm' && n.kind === 'sez.priority_list'));
  // the checkpoint officer (no exchange desk) receives it among the notifications of SEZ passage
  const boothNotices = (await booth.request('GET', '/api/v1/notifications?unseen=true')).json().items;
  assert.ok(boothNotices.some((n: { kind: string; subjectId: string }) => n.kind === 'sez.priority_list' && n.subjectId === oig.id));
  const res = await booth.request('POST', '/api/v1/sez/admissions', { sezId: SEZ, direction: 'entry', surname: 'Серіков80', givenName: 'Нұрлан', certificateNo: 'МВД-900080', idDocumentNo: '045600080', weapons: ['ПМ 8000'] });
  assert.deepEqual([res.json().result, res.json().basis, res.json().priority], ['pass', 'oig', true]);

  const em = await draft({
    kind: 'emergency', emergencyOrder: { orderNo: '145', orderDate: '2026-12-06', emergency: 'Mass disorder at the trade pavilions', place: 'ICBC Khorgos' },
    officers: [officer(81, { equipment: { weapons: ['АК-74 8100'], protection: ['бронежилет', 'шлем'], activeDefence: ['ПР-73'] } })],
  });
  await act(head, em.id, 'sign');
  const emIn = await booth.request('POST', '/api/v1/sez/admissions', { sezId: SEZ, direction: 'entry', surname: 'Серіков81', givenName: 'Нұрлан', certificateNo: 'МВД-900081', idDocumentNo: '045600081', weapons: ['АК-74 8100'] });
  assert.deepEqual([emIn.json().result, emIn.json().basis, emIn.json().weapons[0].listed], ['pass', 'emergency', true]);
  const closed = await act(booth, em.id, 'close', { note: 'Group left the SEZ at 18:40' });
  assert.equal(closed.status, 'closed');
  // an officer inside when the list closed comes out with the weapon that went in; nobody goes in on a closed list
  at('2026-12-06T13:40:00Z');
  const out = await booth.request('POST', '/api/v1/sez/admissions', { sezId: SEZ, direction: 'exit', surname: 'Серіков81', givenName: 'Нұрлан', certificateNo: 'МВД-900081', idDocumentNo: '045600081', weapons: ['АК-74 8100'] });
  assert.deepEqual([out.json().result, out.json().basis, out.json().reasons.map((r: { code: string }) => r.code)], ['pass', 'emergency', ['EXIT_AFTER_LIST_ENDED']]);
  const after = await booth.request('POST', '/api/v1/sez/admissions', { sezId: SEZ, direction: 'entry', surname: 'Серіков81', givenName: 'Нұрлан', certificateNo: 'МВД-900081', idDocumentNo: '045600081' });
  assert.equal(after.json().reasons[0].code, 'NOT_ON_LIST');
});

test('the annual plan is agreed by the BS unit; the daily roster is approved by the head on its clock; inspections are planned and recorded; the calendar shows what is due', async () => {
  at('2026-12-10T06:00:00Z');
  const plan = await police.request('PUT', '/api/v1/sez/plans', {
    sezId: SEZ, year: 2027, squadCount: 4, tasks: ['Protect public order at the trade pavilions'], equipment: ['2 patrol cars', 'radios'],
    routes: [{ name: 'Route 1: gate – pavilions', coordinates: [[80.398, 44.215], [80.405, 44.219], [80.41, 44.221]] }],
  });
  assert.equal(plan.statusCode, 200, plan.body);
  const bad = await police.request('PUT', '/api/v1/sez/plans', { sezId: SEZ, year: 2027, squadCount: 0, tasks: [], equipment: ['x'], routes: [{ name: 'r', coordinates: [[80.398, 44.215]] }] });
  assert.deepEqual(paths(bad).sort(), ['routes.0.coordinates', 'squadCount', 'tasks']);
  assert.equal((await bsHead.request('GET', `/api/v1/sez/plans/${plan.json().id}`)).statusCode, 404); // a draft is the police body's
  await police.request('POST', `/api/v1/sez/plans/${plan.json().id}/send`, {});
  const agreed = await bsHead.request('POST', `/api/v1/sez/plans/${plan.json().id}/agree`, {});
  assert.equal(agreed.json().status, 'agreed');
  assert.equal((await police.request('PUT', '/api/v1/sez/plans', { sezId: SEZ, year: 2027, squadCount: 5, tasks: ['x'], equipment: ['y'], routes: [{ name: 'r', coordinates: [[1, 1], [2, 2]] }] })).json().code, 'PLAN_LOCKED');

  // the roster of tomorrow: its clock opens with the scheduler, the head approves it, the BS subdivision sees the copy
  await openSezObligations(w.deps.db, w.clock.now());
  const roster = await police.request('PUT', '/api/v1/sez/rosters', { sezId: SEZ, day: '2026-12-11', posts: [{ post: 'Gate 1', squad: 'Squad A', from: '08:00', to: '20:00', officers: ['Серіков1 Н.', 'МВД-900002'] }] });
  assert.equal(roster.statusCode, 200, roster.body);
  assert.equal(roster.json().obligation.dueAt, '2026-12-10T18:59:59.999Z');
  assert.equal((await police.request('POST', `/api/v1/sez/rosters/${roster.json().id}/approve`, {})).json().code, 'NO_RIGHT');
  assert.equal((await booth.request('GET', `/api/v1/sez/rosters?sezId=${SEZ}&from=2026-12-11&to=2026-12-11`)).json().items.length, 0);
  const approved = await head.request('POST', `/api/v1/sez/rosters/${roster.json().id}/approve`, {});
  assert.equal(approved.json().obligation.outcome, 'on_time');
  assert.equal((await booth.request('GET', `/api/v1/sez/rosters?sezId=${SEZ}&from=2026-12-11&to=2026-12-11`)).json().items[0].status, 'approved');
  // the next day's roster is never approved: overdue after 23:59 on the 11th
  at('2026-12-11T06:00:00Z');
  await openSezObligations(w.deps.db, w.clock.now());
  at('2026-12-11T19:00:00Z');
  await sweep(w.deps.db, w.clock.now());
  const missed = await w.deps.db.selectFrom('obligation').select('state').where('key', 'like', 'sez.roster:%:2026-12-12').executeTakeFirstOrThrow();
  assert.equal(missed.state, 'overdue');

  const planned = await head.request('POST', '/api/v1/sez/inspections', { sezId: SEZ, plannedOn: '2026-12-15', squad: 'Squad A', post: 'Gate 1', inspector: 'майор Жақсылықов' });
  assert.equal(planned.statusCode, 201, planned.body);
  assert.equal((await police.request('POST', '/api/v1/sez/inspections', { sezId: SEZ, plannedOn: '2026-12-15', squad: 'Squad A', inspector: 'x' })).statusCode, 403);
  at('2026-12-15T10:00:00Z');
  const recorded = await police.request('POST', `/api/v1/sez/inspections/${planned.json().id}/record`, { performedAt: '2026-12-15T09:00:00Z', findings: 'Squad on post, radio check passed' });
  assert.equal(recorded.json().findings, 'Squad on post, radio check passed');
  const calendar = (await police.request('GET', `/api/v1/sez/calendar?sezId=${SEZ}&month=2026-12`)).json().items;
  const kinds = new Set(calendar.map((c: { kind: string }) => c.kind));
  for (const k of ['sez.delivery', 'sez.roster', 'sez.inspection']) assert.ok(kinds.has(k), k);
});

test('a successor rule pack from a date: the English reading (no forwarding clock, the 25th of the list\'s own month) applies to what arises after it', async () => {
  at('2026-12-20T06:00:00Z');
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const current = (await admin.request('GET', '/api/v1/rule-packs?code=SEZ-PASSAGE&on=2026-12-20')).json().items[0];
  assert.equal(current.content.forward.withinDays, 5);
  const content = { ...current.content, forward: { ...current.content.forward, withinDays: null, basis: 'Successor order (test): no forwarding deadline' }, delivery: { ...current.content.delivery, month: 'same' } };
  const bad = await admin.request('POST', '/api/v1/rule-packs', { code: 'SEZ-PASSAGE', actId: current.actId, titleEn: 'Successor (test)', effectiveFrom: '2027-01-01', content: { ...content, delivery: { ...content.delivery, dueDay: 40 } } });
  assert.deepEqual(paths(bad), ['content.delivery.dueDay']);
  const ok = await admin.request('POST', '/api/v1/rule-packs', { code: 'SEZ-PASSAGE', actId: current.actId, titleEn: 'Successor (test)', effectiveFrom: '2027-01-01', content });
  assert.equal(ok.statusCode, 201, ok.body);
  at('2027-01-05T06:00:00Z');
  assert.equal((await police.request('GET', '/api/v1/sez')).json().items[0].rules.forwardWithinDays, null);
  const jul = await draft({ month: '2027-07', officers: [officer(90)] });
  assert.equal(obligation(jul, 'sez.delivery')!.dueAt, '2027-07-25T18:59:59.999Z');
  await act(head, jul.id, 'sign');
  const agreed = await act(nsc, jul.id, 'agree');
  assert.equal(obligation(agreed, 'sez.forward'), undefined);
});
