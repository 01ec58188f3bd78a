import type { Deps } from './deps.ts';
import { startRounds } from './rounds.ts';

const EVERY_MS = 10 * 60_000;

/**
 * Housekeeping in bounded, idempotent steps: expired idempotency keys, old sessions, and outbox events
 * relayed more than 90 days ago (their retention class; the audit trail keeps the change itself). An
 * event not yet relayed is kept however old: it is what a relay configured later still has to send.
 * Safe on two workers.
 */
export async function runMaintenance(deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock.now().getTime();
  const idem = await deps.db.deleteFrom('idempotencyKey').where('createdAt', '<', new Date(now - 24 * 3_600_000)).executeTakeFirst();
  const sessions = await deps.db.deleteFrom('userSession').where('expiresAt', '<', new Date(now - 30 * 86_400_000)).executeTakeFirst();
  // at most 10,000 a run, oldest first (a run every ten minutes keeps up with 1.4 million events a day)
  const outbox = await deps.db.deleteFrom('outboxEvent').where('id', 'in', (eb) => eb.selectFrom('outboxEvent').select('id')
    .where('publishedAt', '<', new Date(now - 90 * 86_400_000)).orderBy('publishedAt').limit(10_000)).executeTakeFirst();
  return { idempotencyKeys: Number(idem.numDeletedRows), sessions: Number(sessions.numDeletedRows), outboxEvents: Number(outbox.numDeletedRows) };
}

/** Housekeeping every ten minutes (rounds never overlap); the stop waits for a round under way. */
export function startMaintenance(deps: Deps): () => Promise<void> {
  const rounds = startRounds(() => runMaintenance(deps), { everyMs: EVERY_MS, onError: (error) => deps.log.error({ err: error }, 'maintenance failed') });
  return () => rounds.stop();
}
