// The outbox relay against a real NATS server with JetStream (SHEKARA_TEST_NATS_URL, or the machine's
// nats://127.0.0.1:4222); skipped where none runs. Each run uses a stream of its own and deletes it.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { recordChange } from '../src/modules/audit/index.ts';
import { runMaintenance } from '../src/platform/maintenance.ts';
import { connectJetStream, relayOutbox, startOutboxRelay, subjectOf, type Publisher } from '../src/platform/outbox-relay.ts';
import { createWorld, type World } from './helpers.ts';

const NATS_URL = process.env.SHEKARA_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const STREAM = `SHEKARA_TEST_${process.pid}_${Date.now() % 100_000}`;

async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url.replace(/^(nats|tls):/, 'http:'));
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 4222) });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}
const available = await reachable(NATS_URL);
const skip = available ? false : `no NATS server at ${NATS_URL}`;

let w: World;
let nc: NatsConnection;
before(async () => {
  w = await createWorld();
  if (available) nc = await connect({ servers: NATS_URL });
});
after(async () => {
  if (available) {
    await (await jetstreamManager(nc)).streams.delete(STREAM).catch(() => undefined);
    await nc.close();
  }
  await w.close();
});

const change = (i: number) => recordChange(w.deps, w.deps.db, null, { action: 'crossing.registered', entityType: 'crossing', entityId: `c-${i}`, details: { n: i } });
const pending = async () => (await w.deps.db.selectFrom('outboxEvent').select('id').where('publishedAt', 'is', null).execute()).length;
const storedCount = async () => Number((await (await jetstreamManager(nc)).streams.info(STREAM)).state.messages);

test('audited changes reach the stream in order, each once, with the event id as the message id', { skip }, async () => {
  const publisher = await connectJetStream(NATS_URL, STREAM);
  try {
    for (let i = 0; i < 5; i++) await change(i);
    // a change that is not published (a read of personal data) stays out of the outbox
    await recordChange(w.deps, w.deps.db, null, { action: 'personal_data.read', entityType: 'crossing', entityId: 'c-0', publish: false });
    const before = await pending();
    assert.equal(before, 5);
    assert.deepEqual(await relayOutbox(w.deps, publisher), { published: 5, failed: 0 });
    assert.equal(await pending(), 0);
    assert.equal(await storedCount(), 5);
    const jsm = await jetstreamManager(nc);
    const first = (await jsm.streams.getMessage(STREAM, { seq: 1 }))!;
    assert.equal(first.subject, subjectOf(STREAM.toLowerCase(), w.config.nodeId, 'crossing.registered'));
    assert.equal(first.subject, `${STREAM.toLowerCase()}.hq.crossing.registered`);
    const event = first.json<{ id: string; topic: string; aggregateId: string; payload: { n: number } }>();
    assert.deepEqual([event.topic, event.aggregateId, event.payload.n], ['crossing.registered', 'c-0', 0]);
    assert.equal(first.header.get('Nats-Msg-Id'), event.id);
    const last = (await jsm.streams.getMessage(STREAM, { seq: 5 }))!.json<{ payload: { n: number } }>();
    assert.equal(last.payload.n, 4);
    const marked = await w.deps.db.selectFrom('outboxEvent').select(['publishedAt', 'attempts', 'lastError']).where('aggregateId', '=', 'c-0').executeTakeFirstOrThrow();
    assert.deepEqual([marked.publishedAt?.toISOString(), marked.attempts, marked.lastError], [w.clock.now().toISOString(), 1, null]);

    // a crash after the stream stored a batch and before the rows were marked: the batch goes again,
    // and the stream drops it as duplicates
    await w.deps.db.updateTable('outboxEvent').set({ publishedAt: null }).execute();
    assert.deepEqual(await relayOutbox(w.deps, publisher), { published: 5, failed: 0 });
    assert.equal(await storedCount(), 5);
    assert.equal(await pending(), 0);

    // nothing pending: a pass does nothing
    assert.deepEqual(await relayOutbox(w.deps, publisher), { published: 0, failed: 0 });
  } finally {
    await publisher.close();
  }
});

test('a stream that refuses keeps the event waiting with its attempt and error; nothing after it overtakes it', { skip }, async () => {
  for (let i = 10; i < 13; i++) await change(i);
  const real = await connectJetStream(NATS_URL, STREAM);
  // a publisher whose second message the server refuses (a subject outside every stream has no responder)
  let calls = 0;
  const refusing: Publisher = {
    prefix: real.prefix,
    publish: (subject, data, id) => (++calls === 2 ? real.publish(`nowhere.${subject}`, data, id) : real.publish(subject, data, id)),
    close: () => real.close(),
  };
  try {
    const storedBefore = await storedCount();
    assert.deepEqual(await relayOutbox(w.deps, refusing), { published: 1, failed: 2 });
    const rows = await w.deps.db.selectFrom('outboxEvent').select(['aggregateId', 'publishedAt', 'attempts', 'lastError']).where('aggregateId', 'in', ['c-10', 'c-11', 'c-12']).orderBy('createdAt').orderBy('id').execute();
    assert.deepEqual(rows.map((r) => [r.aggregateId, r.publishedAt !== null, r.attempts]), [['c-10', true, 1], ['c-11', false, 1], ['c-12', false, 0]]);
    assert.ok(rows[1]!.lastError, 'the error is kept');
    // the third went to the stream too (published together), so the next pass sends it again: dropped as a duplicate
    assert.deepEqual(await relayOutbox(w.deps, real), { published: 2, failed: 0 });
    assert.equal(await storedCount(), storedBefore + 3); // each of the three once
    assert.equal(await pending(), 0);
  } finally {
    await real.close();
  }
});

test('the running relay sends what is written while it runs, and stops cleanly', { skip }, async () => {
  const storedBefore = await storedCount();
  const relay = startOutboxRelay(w.deps, { url: NATS_URL, stream: STREAM });
  try {
    await change(15);
    await change(16);
    for (let i = 0; i < 100 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await pending(), 0);
    assert.equal(await storedCount(), storedBefore + 2);
  } finally {
    await relay.stop();
  }
});

test('an unreachable server is an error to retry, and the events wait', async () => {
  await change(20);
  await assert.rejects(connectJetStream('nats://127.0.0.1:9', STREAM));
  const warnings: unknown[] = [];
  const relay = startOutboxRelay({ ...w.deps, log: { ...w.deps.log, warn: (...args: unknown[]) => warnings.push(args) } as never }, { url: 'nats://127.0.0.1:9', stream: STREAM });
  for (let i = 0; i < 50 && warnings.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  await relay.stop();
  assert.ok(warnings.length >= 1, 'the failure is logged');
  assert.ok((await pending()) >= 1);
});

test('maintenance deletes events relayed more than 90 days ago, never one still waiting', async () => {
  await w.deps.db.deleteFrom('outboxEvent').execute();
  for (let i = 30; i < 33; i++) await change(i);
  const now = w.clock.now().getTime();
  await w.deps.db.updateTable('outboxEvent').set({ publishedAt: new Date(now - 91 * 86_400_000) }).where('aggregateId', '=', 'c-30').execute();
  await w.deps.db.updateTable('outboxEvent').set({ publishedAt: new Date(now - 89 * 86_400_000) }).where('aggregateId', '=', 'c-31').execute();
  await w.deps.db.updateTable('outboxEvent').set({ createdAt: new Date(now - 400 * 86_400_000) }).where('aggregateId', '=', 'c-32').execute();
  const result = await runMaintenance(w.deps);
  assert.equal(result.outboxEvents, 1);
  const left = await w.deps.db.selectFrom('outboxEvent').select('aggregateId').orderBy('aggregateId').execute();
  assert.deepEqual(left.map((r) => r.aggregateId), ['c-31', 'c-32']);
});
