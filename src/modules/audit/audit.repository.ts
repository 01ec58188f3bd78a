import { sql, type Compilable } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { auditHash, canonicalAround, GENESIS_HASH, type HashedFields } from './audit.hash.ts';

export type AuditEntry = Omit<HashedFields, 'id' | 'chain' | 'seq' | 'occurredAt'> & { occurredAt: Date };

/** An outbox row written with the events (the worker delivers it after commit). */
export type OutboxRow = { id: string; origin: string; createdAt: string; topic: string; aggregateType: string; aggregateId: string | null; payload: Record<string, unknown> };

/**
 * Appends events to a chain in one round trip (`audit_append`, migrations/0013): the per-chain
 * advisory lock, held until the caller's transaction ends so concurrent writers line up and every row
 * links to the one committed before it; the head; each event's sequence number and hash; and the
 * outbox rows.
 */
export async function appendAuditEvents(db: Executor, chain: string, entries: AuditEntry[], outbox: OutboxRow[] = [], writes: Compilable[] = [], guard?: number): Promise<void> {
  const events = entries.map((entry) => {
    // ms precision survives the timestamptz round trip exactly
    const row = { ...entry, id: newId(), chain };
    const [head, tail] = canonicalAround(row);
    return { ...row, occurredAt: row.occurredAt.toISOString(), head, tail };
  });
  // the caller's writes go first as data-modifying CTEs: one statement, one round trip, all or nothing
  const ctes = writes.length ? sql`with ${sql.join(writes.map((w, i) => sql`${sql.ref(`write_${i}`)} as (${w})`))} ` : sql``;
  // a guarded write (one returning its rows) must have written exactly one, or nothing is written
  const expect = guard === undefined ? sql`` : sql`expect_rows((select count(*) from ${sql.ref(`write_${guard}`)}), 1), `;
  await sql`${ctes}select ${expect}audit_append(${chain}, ${JSON.stringify(events)}::jsonb, ${JSON.stringify(outbox)}::jsonb)`.execute(db);
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
