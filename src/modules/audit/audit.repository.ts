import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { auditHash, GENESIS_HASH, type HashedFields } from './audit.hash.ts';

export type AuditEntry = Omit<HashedFields, 'id' | 'chain' | 'seq' | 'occurredAt'> & { occurredAt: Date };

/**
 * Appends one event to a chain. The per-chain advisory lock is held until the caller's transaction
 * ends, so concurrent writers line up and every row links to the one committed before it.
 */
export async function appendAuditEvent(db: Executor, chain: string, entry: AuditEntry): Promise<{ id: string; seq: number }> {
  // the lock first, then the head: one statement would not order them (the planner may read the head first)
  await sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`.execute(db);
  const last = await db
    .selectFrom('auditEvent')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row: HashedFields = {
    ...entry,
    // ms precision survives the timestamptz round trip exactly
    occurredAt: new Date(entry.occurredAt.getTime()),
    id: newId(),
    chain,
    seq: (last?.seq ?? 0) + 1,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, row);
  await db
    .insertInto('auditEvent')
    .values({ ...row, details: JSON.stringify(row.details), prevHash, hash })
    .execute();
  return { id: row.id, seq: row.seq };
}

export type AuditFilter = {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  agencyId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  before?: { occurredAt: Date; id: string } | undefined;
};

export async function listAuditEvents(db: Executor, filter: AuditFilter) {
  let query = db.selectFrom('auditEvent').selectAll();
  if (filter.action) query = query.where('action', 'like', `${filter.action.replace(/[%_]/g, '')}%`);
  if (filter.entityType) query = query.where('entityType', '=', filter.entityType);
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId);
  if (filter.actorUserId) query = query.where('actorUserId', '=', filter.actorUserId);
  if (filter.agencyId) query = query.where('agencyId', '=', filter.agencyId);
  if (filter.from) query = query.where('occurredAt', '>=', filter.from);
  if (filter.to) query = query.where('occurredAt', '<', filter.to);
  if (filter.before) {
    const b = filter.before;
    query = query.where((eb) =>
      eb.or([eb('occurredAt', '<', b.occurredAt), eb.and([eb('occurredAt', '=', b.occurredAt), eb('id', '<', b.id)])]),
    );
  }
  return query.orderBy('occurredAt', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export type ChainBreak = { chain: string; seq: number; id: string | null; problem: 'hash_mismatch' | 'link_mismatch' | 'missing_rows' };
export type VerifyResult = { chains: Array<{ chain: string; rows: number; ok: boolean }>; firstBreak: ChainBreak | null };

/** Walks every chain in order in pages, recomputing hashes; reports the first broken link. */
export async function verifyAuditChains(db: Executor, pageSize = 5000): Promise<VerifyResult> {
  const chains = await db.selectFrom('auditEvent').select('chain').distinct().orderBy('chain').execute();
  const result: VerifyResult = { chains: [], firstBreak: null };
  for (const { chain } of chains) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let rows = 0;
    let broken: ChainBreak | null = null;
    while (!broken) {
      const page = await db
        .selectFrom('auditEvent')
        .selectAll()
        .where('chain', '=', chain)
        .where('seq', '>=', expectedSeq)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      if (page.length === 0) break;
      for (const row of page) {
        rows++;
        if (row.seq !== expectedSeq) {
          broken = { chain, seq: expectedSeq, id: null, problem: 'missing_rows' };
          break;
        }
        if (row.prevHash !== prevHash) {
          broken = { chain, seq: row.seq, id: row.id, problem: 'link_mismatch' };
          break;
        }
        const { prevHash: _p, hash, ...fields } = row;
        if (auditHash(prevHash, { ...fields, occurredAt: new Date(row.occurredAt) }) !== hash) {
          broken = { chain, seq: row.seq, id: row.id, problem: 'hash_mismatch' };
          break;
        }
        prevHash = hash;
        expectedSeq++;
      }
    }
    result.chains.push({ chain, rows, ok: !broken });
    if (broken && !result.firstBreak) result.firstBreak = broken;
  }
  return result;
}
