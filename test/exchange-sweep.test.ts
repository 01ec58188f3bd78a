// The obligations engine with the calendar run forward: periodic clocks open, warn, go overdue and
// escalate once (however many sweeps, two at once), both sides see it, acknowledgements, receipts,
// notifications to a webhook, successor rule packs, compliance.
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { seedId } from '../src/demo/index.ts';
import { openPeriodicObligations, sweep } from '../src/modules/exchange/index.ts';
import { zoned } from '../src/modules/exchange/clocks.ts';
import { deliverPending, defaultSender } from '../src/modules/exchange/notifications.ts';
import { openDatabase } from '../src/platform/db.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, signIn, tokenClient, unitId, useAppWorld, type Client } from './helpers.ts';

const ALMATY = 'Asia/Almaty';
let bs: Client;
let mia: Client;
let customs: Client;
let head: Client;


const w = useAppWorld({ demo: true }, async () => {
  bs = await tokenClient(w.app, 'demo.duty.bs', DEMO_PASSWORD);
  mia = await tokenClient(w.app, 'demo.duty.mia', DEMO_PASSWORD);
  customs = await tokenClient(w.app, 'demo.duty.customs', DEMO_PASSWORD);
  head = await tokenClient(w.app, 'demo.head.customs', DEMO_PASSWORD);
});

const oral = { channel: 'phone', toldBy: 'Duty officer', toldTo: 'Duty officer' };
const notifications = async (c: Client) => (await c.request('GET', '/api/v1/notifications?limit=200')).json().items as Array<{ kind: string; payload: Record<string, unknown>; subjectId: string }>;

test('daily clocks open per counterpart pair, warn at 08:30, and at 09:01 go overdue, escalate one level up and show on both sides, once', async () => {
  w.clock.set(zoned('2026-11-21', '06:00', ALMATY));
  const opened = await openPeriodicObligations(w.deps);
  assert.ok(opened > 0);
  assert.equal(await openPeriodicObligations(w.deps), 0, 'opening again adds nothing');
  // customs reports to the Border Service at 07:40; the police report nothing
  w.clock.set(zoned('2026-11-21', '07:40', ALMATY));
  const sent = await customs.request('POST', '/api/v1/exchange/messages', { type: 'daily', ...oral, summary: 'No changes', counterparts: false, to: [unitId('BS-RD-SOUTH')] });
  assert.equal(sent.json().timing, 'on_time');
  w.clock.set(zoned('2026-11-21', '08:31', ALMATY));
  const warned = await sweep(w.deps.db, w.clock.now());
  assert.ok(warned.warned > 0);
  const dueSoon = (await notifications(mia)).find((n) => n.kind === 'obligation.due_soon' && n.payload.obligationKind === 'exchange.daily');
  assert.ok(dueSoon);
  assert.equal((dueSoon.payload.owner as { en: string }).en, 'Zhambyl Region Police Department', 'the desk shows who owes, by name');
  w.clock.set(zoned('2026-11-21', '09:01', ALMATY));
  const first = await sweep(w.deps.db, w.clock.now());
  assert.ok(first.escalated > 0);
  const second = await sweep(w.deps.db, w.clock.now());
  assert.equal(second.escalated + second.warned + second.notifications, 0, 'a second sweep does nothing');
  const owed = (await mia.request('GET', `/api/v1/exchange/obligations?side=owed&kind=exchange.daily&state=overdue`)).json().items;
  const toBs = owed.find((o: { counterpart: { id: string }; period: string }) => o.counterpart.id === unitId('BS-RD-SOUTH') && o.period === '2026-11-21');
  assert.ok(toBs, 'the police owe the Border Service today\'s daily information');
  assert.equal(toBs.escalatedTo.id, unitId('MIA-HQ'));
  assert.match(toBs.rule, /07:00–09:00/);
  // the Border Service sees it from its side; customs' report to the Border Service was met on time
  const owedToBs = (await bs.request('GET', `/api/v1/exchange/obligations?side=owed_to_us&kind=exchange.daily`)).json().items;
  assert.ok(owedToBs.some((o: { id: string }) => o.id === toBs.id));
  assert.ok(owedToBs.some((o: { unit: { id: string }; outcome: string; period: string }) => o.unit.id === unitId('SRD-ZHAMBYL') && o.outcome === 'on_time' && o.period === '2026-11-21'));
  const bsNotes = await notifications(bs);
  assert.equal(bsNotes.filter((n) => n.kind === 'obligation.overdue_counterpart' && n.subjectId === toBs.id).length, 1);
  // one level up: MIA headquarters has the escalation
  const escalatedRows = await w.deps.db.selectFrom('notification').select('kind').where('unitId', '=', unitId('MIA-HQ')).where('subjectId', '=', toBs.id).execute();
  assert.deepEqual(escalatedRows.map((r) => r.kind), ['obligation.escalated']);
  // a late report still counts, marked late
  w.clock.set(zoned('2026-11-21', '09:20', ALMATY));
  await mia.request('POST', '/api/v1/exchange/messages', { type: 'daily', ...oral, summary: 'Late: two migrants detained overnight', counterparts: false, to: [unitId('BS-RD-SOUTH')] });
  const met = await w.deps.db.selectFrom('obligation').select(['state', 'outcome']).where('id', '=', toBs.id).executeTakeFirstOrThrow();
  assert.deepEqual(met, { state: 'met', outcome: 'late' });
});

test('two workers sweeping at once escalate and notify each obligation once', async () => {
  w.clock.set(zoned('2026-11-22', '06:00', ALMATY));
  await openPeriodicObligations(w.deps);
  w.clock.set(zoned('2026-11-22', '09:05', ALMATY));
  const other = process.env.DATABASE_URL ? await openDatabase({ databaseUrl: w.deps.config.databaseUrl }) : null;
  try {
    const results = await Promise.all([sweep(w.deps.db, w.clock.now(), { batch: 3 }), sweep((other ?? w.database).db, w.clock.now(), { batch: 3 })]);
    const escalated = results[0].escalated + results[1].escalated;
    const rows = await w.deps.db.selectFrom('obligation').select(['id', 'escalatedToUnitId']).where('escalatedAt', '=', w.clock.now()).execute();
    assert.equal(escalated, rows.length);
    assert.ok(rows.length >= 30, 'every daily clock of the day (6 per counterpart group) is overdue');
    const notes = await w.deps.db.selectFrom('notification').select(['subjectId', 'kind', 'unitId']).where('subjectId', 'in', rows.map((r) => r.id)).execute();
    const keys = notes.map((n) => `${n.subjectId}/${n.kind}/${n.unitId}`);
    assert.equal(new Set(keys).size, keys.length, 'no notification twice');
    // ministries (level 1) have no level above them
    assert.equal(notes.filter((n) => n.kind === 'obligation.escalated').length, rows.filter((r) => r.escalatedToUnitId).length);
    assert.ok(rows.some((r) => !r.escalatedToUnitId));
  } finally {
    await other?.close();
  }
});

test('urgent information: the confirmation clock escalates at 2h01 and the recipients see it overdue; recipients acknowledge', async () => {
  w.clock.set(new Date('2026-11-23T04:00:00Z'));
  const msg = (await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'crisis_precursors', ...oral, summary: 'Unrest reported near the border on the neighbouring side' })).json();
  const notes = await notifications(mia);
  assert.ok(notes.some((n) => n.kind === 'message.received' && n.subjectId === msg.id));
  // the same notifications as server-sent events (the stream ends at once with wait=0)
  const stream = await mia.request('GET', `/api/v1/notifications/stream?wait=0&since=${encodeURIComponent(new Date('2026-11-23T03:59:00Z').toISOString())}`);
  assert.match(String(stream.headers['content-type']), /text\/event-stream/);
  assert.match(stream.body, /event: notification\nid: |id: [0-9a-f-]+\nevent: notification\ndata: /);
  assert.ok(stream.body.includes(msg.id));
  // the police acknowledge within 30 minutes; customs do not
  w.clock.set(new Date('2026-11-23T04:10:00Z'));
  const acked = (await mia.request('POST', `/api/v1/exchange/messages/${msg.id}/acknowledge`)).json();
  assert.ok(acked.mine.acknowledgedAt);
  assert.equal(acked.obligations.find((o: { kind: string; unit: { id: string } }) => o.kind === 'exchange.ack' && o.unit.id === unitId('MIA-PD-ZHAMBYL')).outcome, 'on_time');
  w.clock.set(new Date('2026-11-23T06:01:00Z'));
  await sweep(w.deps.db, w.clock.now());
  const inbox = (await mia.request('GET', '/api/v1/exchange/messages?type=urgent')).json().items;
  assert.equal(inbox.find((m: { id: string }) => m.id === msg.id).confirmationState, 'overdue');
  assert.ok((await notifications(mia)).some((n) => n.kind === 'obligation.overdue_counterpart' && n.payload.obligationKind === 'exchange.urgent.confirm'));
  const view = (await bs.request('GET', `/api/v1/exchange/messages/${msg.id}`)).json();
  const confirm = view.obligations.find((o: { kind: string }) => o.kind === 'exchange.urgent.confirm');
  assert.equal(confirm.state, 'overdue');
  assert.equal(confirm.escalatedTo.id, unitId('BS-HQ'));
  const customsAck = view.obligations.find((o: { kind: string; unit: { id: string } }) => o.kind === 'exchange.ack' && o.unit.id === unitId('SRD-ZHAMBYL'));
  assert.equal(customsAck.state, 'overdue');
  // another agency that was not addressed does not see it
  const outsider = await tokenClient(w.app, 'demo.admin.mia', DEMO_PASSWORD);
  assert.equal((await outsider.request('GET', `/api/v1/exchange/messages/${msg.id}`)).statusCode, 404);
});

test('a duty officer escalates a message by hand to the level above', async () => {
  const msg = (await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'illegal_crossing_outside_checkpoint', ...oral, summary: 'Tracks across the control strip, sector 14' })).json();
  const escalated = (await mia.request('POST', `/api/v1/exchange/messages/${msg.id}/escalate`, { note: 'Needs a decision at the ministry' })).json();
  assert.ok(escalated.recipients.some((r: { unit: { id: string }; via: string }) => r.unit.id === unitId('MIA-HQ') && r.via === 'escalation'));
  const hq = await w.deps.db.selectFrom('notification').select('kind').where('unitId', '=', unitId('MIA-HQ')).where('subjectId', '=', msg.id).execute();
  assert.deepEqual(hq.map((n) => n.kind), ['message.escalated']);
});

test('a successor rule pack changes the clocks from its date; earlier obligations keep the pack they arose under', async () => {
  w.clock.set(new Date('2026-11-23T12:00:00Z'));
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const current = (await admin.request('GET', '/api/v1/rule-packs?code=EXCHANGE-DEADLINES&on=2026-11-23')).json().items[0];
  const content = { ...current.content, urgent: { ...current.content.urgent, confirmWithinMinutes: 60, basis: 'Successor order: 1 hour' } };
  const bad = await admin.request('POST', '/api/v1/rule-packs', { code: 'EXCHANGE-DEADLINES', actId: current.actId, titleEn: 'Successor', effectiveFrom: '2026-11-01', content: { ...content, daily: { from: '09:00', to: '07:00' } } });
  assert.equal(bad.statusCode, 400);
  const badPaths = bad.json().errors.map((e: { path: string }) => e.path.replace(/^body\./, ''));
  for (const p of ['effectiveFrom', 'content.daily.warnBeforeMinutes', 'content.daily.basis']) assert.ok(badPaths.includes(p), `${p} in ${badPaths}`);
  // the reference pack has its title in the three languages
  assert.deepEqual(Object.keys(current.titles), ['kk', 'ru', 'en']);
  assert.match(current.titles.ru, /^Сроки/);
  assert.match(current.titles.kk, /мерзімдері/);
  const added = await admin.request('POST', '/api/v1/rule-packs', { code: 'EXCHANGE-DEADLINES', actId: current.actId, titleEn: 'Successor: one hour', titleRu: 'Новая редакция: один час', effectiveFrom: '2026-11-25', content });
  assert.equal(added.statusCode, 201, added.body);
  assert.deepEqual(added.json().titles, { kk: null, ru: 'Новая редакция: один час', en: 'Successor: one hour' });
  w.clock.set(zoned('2026-11-24', '23:30', ALMATY));
  const before = (await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'neighbour_actions', ...oral, summary: 'Before the successor' })).json();
  w.clock.set(zoned('2026-11-25', '10:00', ALMATY));
  const afterPack = (await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'neighbour_actions', ...oral, summary: 'Under the successor' })).json();
  const due = (m: { reportedAt: string; obligations: Array<{ kind: string; dueAt: string }> }) => (new Date(m.obligations.find((o) => o.kind === 'exchange.urgent.confirm')!.dueAt).getTime() - new Date(m.reportedAt).getTime()) / 60_000;
  assert.equal(due(before), 120);
  assert.equal(due(afterPack), 60);
  // confirmed 90 minutes after: the old report is still on time under its own pack
  w.clock.set(new Date(new Date(before.reportedAt).getTime() + 90 * 60_000));
  assert.equal((await bs.request('POST', `/api/v1/exchange/messages/${before.id}/confirmation`, { channel: 'written', summary: 'ok' })).json().confirmation.timing, 'on_time');
});

test('notifications go to a unit\'s webhook once, with the key as idempotency key and an HMAC signature', async () => {
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => { let body = ''; req.on('data', (c) => (body += c)); req.on('end', () => { received.push({ headers: req.headers, body }); res.end('ok'); }); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const channel = await head.request('POST', '/api/v1/notification-channels', { unitId: unitId('CH-KORDAY'), kind: 'webhook', target: `http://127.0.0.1:${port}/hook`, minSeverity: 'info' });
    assert.equal(channel.statusCode, 200, channel.body);
    w.clock.set(new Date('2026-11-26T04:00:00Z'));
    await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'prohibited_goods', ...oral, summary: 'Drugs in a truck', counterparts: false, to: [unitId('CH-KORDAY')] });
    const send = defaultSender({ ...w.deps.config, webhookSecret: 'a-test-secret-of-enough-length' });
    assert.equal((await deliverPending(w.deps, send)).sent, 1);
    assert.equal((await deliverPending(w.deps, send)).sent, 0);
    assert.equal(received.length, 1);
    assert.match(String(received[0]!.headers['idempotency-key']), /^message:/);
    assert.match(String(received[0]!.headers['x-shekara-signature']), /^sha256=[0-9a-f]{64}$/);
    assert.equal(JSON.parse(received[0]!.body).kind, 'message.received');
  } finally {
    server.close();
  }
});

test('compliance per message type and unit, as JSON, CSV and a printable report', async () => {
  const res = await head.request('GET', '/api/v1/exchange/compliance?from=2026-11-01&to=2026-11-30');
  assert.equal(res.statusCode, 200, res.body);
  const analyst = await tokenClient(w.app, 'demo.duty.mia', DEMO_PASSWORD);
  const police = (await analyst.request('GET', '/api/v1/exchange/compliance?from=2026-11-01&to=2026-11-30')).json();
  const daily = police.byKind.find((k: { kind: string }) => k.kind === 'exchange.daily');
  assert.ok(daily.missed >= 1 && daily.late >= 1);
  assert.ok(police.byUnit.every((u: { unit: { agencyId: string } }) => u.unit.agencyId === seedId('agency', 'MIA')), 'only the police units');
  const csv = await analyst.request('GET', '/api/v1/exchange/compliance.csv?from=2026-11-01&to=2026-11-30');
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.match(csv.body, /unit_id,unit_en/);
  const report = await analyst.request('GET', '/api/v1/exchange/compliance/report?month=2026-11&lang=kk');
  assert.match(report.body, /Ақпарат алмасу мерзімдерінің сақталуы/);
  const bsView = (await bs.request('GET', '/api/v1/exchange/compliance?from=2026-11-01&to=2026-11-30')).json();
  assert.ok(bsView.lateConfirmations.some((c: { minutes: number | null }) => c.minutes === null), 'the unconfirmed urgent report is listed');
});

test('an acting substitute receives what the principal would: the principal\'s desk, its inbox and notifications', async () => {
  w.clock.set(new Date('2026-11-27T04:00:00Z'));
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const id = async (username: string) => (await w.deps.db.selectFrom('appUser').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const deputy = await tokenClient(w.app, 'demo.police.panfilov', DEMO_PASSWORD);
  // a police officer keeps no exchange desk of their own: their notifications are only those of SEZ passage and cases
  const own = (await deputy.request('GET', '/api/v1/notifications')).json().items as Array<{ subjectType: string; payload: { obligationKind?: string } }>;
  assert.ok(own.every((n) => n.subjectType.startsWith('sez_') || ['handover_act', 'border_incident', 'use_of_force_report'].includes(n.subjectType) || /^(sez|case|force)\./.test(n.payload.obligationKind ?? '')), 'a police officer keeps no exchange desk of their own');
  const acting = await admin.request('POST', '/api/v1/acting-assignments', { principalUserId: await id('demo.duty.mia'), deputyUserId: await id('demo.police.panfilov'), validFrom: '2026-11-27T00:00:00Z', validTo: '2026-11-28T00:00:00Z', basis: 'Order No. 77: acting duty officer' });
  assert.equal(acting.statusCode, 201, acting.body);
  const msg = (await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'wanted_persons', ...oral, summary: 'A wanted person is expected at Korday tonight' })).json();
  assert.ok((await notifications(deputy)).some((n) => n.subjectId === msg.id && n.kind === 'message.received'));
  const acked = await deputy.request('POST', `/api/v1/exchange/messages/${msg.id}/acknowledge`);
  assert.equal(acked.statusCode, 200, acked.body);
  assert.equal(acked.json().mine.unitId, unitId('MIA-PD-ZHAMBYL'));
});

test('notifications go to a unit\'s e-mail over SMTP, with the key as Message-ID; a refusing server is retried later', async () => {
  const { SMTPServer } = await import('smtp-server');
  const mails: string[] = [];
  let refuse = true;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) { let data = ''; stream.on('data', (c: Buffer) => (data += c.toString())); stream.on('end', () => { if (refuse) return done(new Error('mailbox busy')); mails.push(data); done(); }); },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.server.address() as { port: number }).port;
    const channel = await head.request('POST', '/api/v1/notification-channels', { unitId: unitId('CP-KORDAY'), kind: 'email', target: 'duty@korday.example', minSeverity: 'alarm' });
    assert.equal(channel.statusCode, 200, channel.body);
    w.clock.set(new Date('2026-11-28T04:00:00Z'));
    await bs.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'transit_smuggling_valuables', ...oral, summary: 'Icons in a minibus', counterparts: false, to: [unitId('CP-KORDAY')] });
    const send = defaultSender({ ...w.deps.config, smtpUrl: `smtp://127.0.0.1:${port}` });
    assert.deepEqual(await deliverPending(w.deps, send), { sent: 0, failed: 1 });
    const pending = await w.deps.db.selectFrom('notificationDelivery').select(['state', 'attempts', 'lastError', 'nextAttemptAt']).where('channelId', '=', channel.json().id).executeTakeFirstOrThrow();
    assert.equal(pending.state, 'pending');
    assert.match(pending.lastError ?? '', /mailbox busy/);
    refuse = false;
    assert.deepEqual(await deliverPending(w.deps, send), { sent: 0, failed: 0 }, 'not before its next attempt');
    w.clock.set(new Date(pending.nextAttemptAt.getTime() + 1000));
    assert.deepEqual(await deliverPending(w.deps, send), { sent: 1, failed: 0 });
    assert.equal(mails.length, 1);
    assert.match(mails[0]!, /Message-ID:\s*<message:[^>]+@shekara>/i);
    assert.match(mails[0]!, /ALARM: message\.received/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
