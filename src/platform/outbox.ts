import type { Executor } from './db.ts';
import { newId } from './ids.ts';

export type OutboxMessage = {
  topic: string;
  aggregateType: string;
  aggregateId: string | null;
  payload: Record<string, unknown>;
};

/** Writes an outbox row in the caller's transaction; the worker delivers it after commit. */
export async function enqueueOutbox(db: Executor, origin: string, at: Date, message: OutboxMessage): Promise<string> {
  const id = newId();
  await db
    .insertInto('outboxEvent')
    .values({ id, origin, createdAt: at, ...message, payload: JSON.stringify(message.payload) })
    .execute();
  return id;
}
