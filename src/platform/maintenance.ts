import type { Deps } from './deps.ts';

const EVERY_MS = 10 * 60_000;

/** Housekeeping in bounded, idempotent steps: expired idempotency keys and old sessions. Safe on two workers. */
export async function runMaintenance(deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock.now().getTime();
  const idem = await deps.db.deleteFrom('idempotencyKey').where('createdAt', '<', new Date(now - 24 * 3_600_000)).executeTakeFirst();
  const sessions = await deps.db.deleteFrom('userSession').where('expiresAt', '<', new Date(now - 30 * 86_400_000)).executeTakeFirst();
  return { idempotencyKeys: Number(idem.numDeletedRows), sessions: Number(sessions.numDeletedRows) };
}

export function startMaintenance(deps: Deps): () => void {
  const timer = setInterval(() => {
    runMaintenance(deps).catch((error) => deps.log.error({ err: error }, 'maintenance failed'));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
