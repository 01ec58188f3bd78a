import type { Ctx } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { enqueueOutbox } from '../../platform/outbox.ts';
import { appendAuditEvent } from './audit.repository.ts';

export { createAuditService } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
export { verifyAuditChains } from './audit.repository.ts';

// Each writer node keeps several hash chains (node.0 … node.N-1), taken in turn: a chain's head is locked
// until its transaction commits, so concurrent writers on one chain would wait for each other's commits.
// All events of one transaction go to one chain: two chain locks taken in turn by concurrent transactions
// would wait for each other (a deadlock PostgreSQL breaks by failing one of them).
let nextChain = 0;
const chainOfTransaction = new WeakMap<object, string>();
function chainFor(config: Pick<Deps['config'], 'nodeId' | 'auditChains'>, trx: Executor): string {
  if (config.auditChains <= 1) return config.nodeId;
  const taken = chainOfTransaction.get(trx);
  if (taken) return taken;
  nextChain = (nextChain + 1) % config.auditChains;
  const chain = `${config.nodeId}.${nextChain}`;
  chainOfTransaction.set(trx, chain);
  return chain;
}

export type Change = {
  action: string;
  entityType: string;
  entityId: string;
  agencyId?: string | null;
  unitId?: string | null;
  details?: Record<string, unknown>;
  /** Publish an outbox event too (topic defaults to the action). */
  publish?: boolean;
};

/**
 * Records a change: the audit event and its outbox event, both in the caller's transaction,
 * so a change and its trail commit or vanish together.
 */
export async function recordChange(deps: Pick<Deps, 'clock' | 'config'>, trx: Executor, ctx: Ctx | null, change: Change) {
  const at = deps.clock.now();
  await appendAuditEvent(trx, chainFor(deps.config, trx), {
    occurredAt: at,
    actorUserId: ctx?.actor.userId ?? null,
    actorUsername: ctx?.actor.username ?? null,
    onBehalfOfUserId: null,
    agencyId: change.agencyId ?? null,
    unitId: change.unitId ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    correlationId: ctx?.correlationId ?? null,
    ip: ctx?.ip ?? null,
    details: change.details ?? {},
  });
  if (change.publish !== false) {
    await enqueueOutbox(trx, deps.config.nodeId, at, {
      topic: change.action,
      aggregateType: change.entityType,
      aggregateId: change.entityId,
      payload: change.details ?? {},
    });
  }
}

/** Records that personal data was read (who, what, why); its own small transaction. */
export async function recordRead(
  deps: Pick<Deps, 'clock' | 'config' | 'db'>,
  ctx: Ctx,
  read: { entityType: string; entityIds: string[]; query?: Record<string, unknown> },
) {
  await deps.db.transaction().execute((trx) =>
    recordChange(deps, trx, ctx, {
      action: 'personal_data.read',
      entityType: read.entityType,
      entityId: read.entityIds.length === 1 ? read.entityIds[0]! : '*',
      details: { ids: read.entityIds.slice(0, 200), count: read.entityIds.length, query: read.query ?? {} },
      publish: false,
    }),
  );
}
