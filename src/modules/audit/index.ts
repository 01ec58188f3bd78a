import type { Ctx } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { appendAuditEvents, createWriteJoiner, type Write, type WriteJoinerStats } from './audit.repository.ts';

export { createAuditService } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
export { insertRows, updateRow, verifyAuditChains, type Write } from './audit.repository.ts';

// Each writer node keeps several hash chains for its transactions (node.0 … node.N-1), and one for each lane
// of writes joined outside a transaction (node.w0 …, see createWriteJoiner). They are taken in turn: a chain's head is locked
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
  // a statement outside a transaction is a transaction of its own: nothing to remember
  if (trx.isTransaction) chainOfTransaction.set(trx, chain);
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
  await writeAudited(deps, trx, ctx, [], [change]);
}

/**
 * Writes and their audit in one statement: each write a data-modifying CTE, the events (and outbox
 * rows) appended by the main query. A statement commits or fails whole, so outside a transaction it
 * needs none: the hot paths of border control write a crossing in one round trip this way. A row
 * changed by `updateRow` has to be found, exactly one, else the statement fails with
 * serialization_failure (40001) and nothing is written: optimistic concurrency.
 */
export async function writeAudited(deps: Pick<Deps, 'clock' | 'config'>, executor: Executor, ctx: Ctx | null, writes: Write[], changes: Change[]) {
  const at = deps.clock.now();
  const origin = deps.config.nodeId;
  const entries = changes.map((change) => ({
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
  }));
  const outbox = changes.filter((change) => change.publish !== false).map((change) => ({
    id: newId(), origin, createdAt: at.toISOString(), topic: change.action, aggregateType: change.entityType, aggregateId: change.entityId, payload: change.details ?? {},
  }));
  // outside a transaction the write is a statement of its own: it may share that statement with others
  if (!executor.isTransaction && deps.config.writeBatch > 1) return joinerOf(deps.config, executor).write({ entries, outbox, writes });
  await appendAuditEvents(executor, chainFor(deps.config, executor), entries, outbox, writes);
}

const joiners = new WeakMap<object, ReturnType<typeof createWriteJoiner>>();
function joinerOf(config: Pick<Deps['config'], 'nodeId' | 'writeBatch' | 'writeLanes'>, db: Executor) {
  let joiner = joiners.get(db);
  if (!joiner) joiners.set(db, (joiner = createWriteJoiner(db, config.nodeId, { lanes: config.writeLanes, most: config.writeBatch })));
  return joiner;
}

/** How many audited writes this database handle joined into how many statements (for /metrics and tests). */
export function writeJoinerStats(db: Executor): WriteJoinerStats {
  return joiners.get(db)?.stats ?? { writes: 0, statements: 0, retried: 0 };
}

/** Records that personal data was read (who, what, why); its own statement, a transaction of its own. */
export async function recordRead(
  deps: Pick<Deps, 'clock' | 'config' | 'db'>,
  ctx: Ctx,
  read: { entityType: string; entityIds: string[]; query?: Record<string, unknown> },
) {
  await recordChange(deps, deps.db, ctx, {
    action: 'personal_data.read',
    entityType: read.entityType,
    entityId: read.entityIds.length === 1 ? read.entityIds[0]! : '*',
    details: { ids: read.entityIds.slice(0, 200), count: read.entityIds.length, query: read.query ?? {} },
    publish: false,
  });
}
