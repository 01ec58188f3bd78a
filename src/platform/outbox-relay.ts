// The outbox relay: every audited change that is published leaves an `outbox_event` row in its own
// transaction (`writeAudited`); this worker hands those rows to NATS JetStream in the order they were
// written and marks them published once the stream has stored them. At least once on our side, exactly
// once in the stream: the row's id is the message id (`Nats-Msg-Id`), so a batch published again after
// a crash between the stream's acknowledgement and the mark — or by a second worker on the same
// database — is dropped by the stream's duplicate window, not stored twice.
import { jetstream, jetstreamManager, JetStreamApiError, type JetStreamClient } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { Deps } from './deps.ts';

/** Where relayed events go: subjects `<prefix>.<origin>.<topic>` of one stream. */
export type Publisher = {
  /** stores one message; resolves when the stream has acknowledged it */
  publish(subject: string, data: string, messageId: string): Promise<void>;
  readonly prefix: string;
  close(): Promise<void>;
};

/** How long the stream remembers a message id: longer than any relay retry, so a re-sent batch is dropped. */
const DUPLICATE_WINDOW_MS = 30 * 60_000;
const BATCH = 500;

/** `shekara.hq.crossing.registered`: each token of the topic kept to what a subject token may hold. */
export function subjectOf(prefix: string, origin: string, topic: string): string {
  const token = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
  return [prefix, token(origin), ...topic.split('.').map(token)].join('.');
}

/**
 * Connects to NATS and makes sure the stream exists (`<prefix>.>`, file storage, a duplicate window of
 * 30 minutes). An existing stream is used as it is: its limits and replicas are the operators' to set.
 */
export async function connectJetStream(url: string, stream: string): Promise<Publisher> {
  const nc: NatsConnection = await connect({ servers: url, name: 'shekara-outbox-relay', maxReconnectAttempts: -1 });
  const prefix = stream.toLowerCase();
  try {
    const jsm = await jetstreamManager(nc);
    try {
      await jsm.streams.info(stream);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== 10059) throw error;
      await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`], duplicate_window: nanos(DUPLICATE_WINDOW_MS) });
    }
  } catch (error) {
    await nc.close();
    throw error;
  }
  const js: JetStreamClient = jetstream(nc);
  return {
    prefix,
    async publish(subject, data, messageId) {
      await js.publish(subject, data, { msgID: messageId });
    },
    close: () => nc.close(),
  };
}

/**
 * One pass: the oldest pending rows (up to a batch), published together, then marked. A row the
 * stream refused keeps its place with its attempt counted and the error kept; the rows before it are
 * marked, the rest wait for the next pass (order is kept per origin: nothing overtakes a failed row).
 */
export async function relayOutbox(deps: Pick<Deps, 'db' | 'clock'>, publisher: Publisher, batch = BATCH): Promise<{ published: number; failed: number }> {
  const rows = await deps.db.selectFrom('outboxEvent').select(['id', 'origin', 'topic', 'aggregateType', 'aggregateId', 'payload', 'createdAt'])
    .where('publishedAt', 'is', null).orderBy('createdAt').orderBy('id').limit(batch).execute();
  if (rows.length === 0) return { published: 0, failed: 0 };
  const results = await Promise.allSettled(rows.map((row) => publisher.publish(
    subjectOf(publisher.prefix, row.origin, row.topic),
    JSON.stringify({ id: row.id, origin: row.origin, topic: row.topic, aggregateType: row.aggregateType, aggregateId: row.aggregateId, payload: row.payload, createdAt: row.createdAt }),
    row.id,
  )));
  const firstFailure = results.findIndex((r) => r.status === 'rejected');
  const done = firstFailure < 0 ? rows : rows.slice(0, firstFailure);
  const now = deps.clock.now();
  if (done.length) {
    await deps.db.updateTable('outboxEvent').set((eb) => ({ publishedAt: now, attempts: eb('attempts', '+', 1), lastError: null })).where('id', 'in', done.map((r) => r.id)).execute();
  }
  if (firstFailure >= 0) {
    const reason = (results[firstFailure] as PromiseRejectedResult).reason as Error;
    await deps.db.updateTable('outboxEvent').set((eb) => ({ attempts: eb('attempts', '+', 1), lastError: String(reason?.message ?? reason).slice(0, 500) })).where('id', '=', rows[firstFailure]!.id).execute();
  }
  return { published: done.length, failed: rows.length - done.length };
}

/**
 * Runs the relay until stopped: a full batch is followed at once by the next, otherwise a pass a second;
 * while NATS cannot be reached or refuses, the wait doubles up to a minute. Nothing is lost meanwhile:
 * the rows wait in the database (`shekara_outbox_pending` shows how many).
 */
export function startOutboxRelay(deps: Deps, options: { url: string; stream: string }): { stop: () => Promise<void> } {
  let publisher: Publisher | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let backoff = 1000;
  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(() => { running = pass(); }, ms);
  };
  async function pass() {
    try {
      publisher ??= await connectJetStream(options.url, options.stream);
      const { published, failed } = await relayOutbox(deps, publisher);
      backoff = 1000;
      if (failed) throw new Error(`the stream refused an event (${published} published before it)`);
      schedule(published === BATCH ? 0 : 1000);
    } catch (error) {
      deps.log.warn({ err: error, retryInMs: backoff }, 'outbox relay: a pass failed (NATS JetStream away or refusing, or the database); the events wait in the database');
      schedule(backoff);
      backoff = Math.min(backoff * 2, 60_000);
    }
  }
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await publisher?.close();
    },
  };
}
