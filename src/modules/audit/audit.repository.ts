import { CamelCasePlugin, sql, type ColumnType, type Compilable, type Insertable, type RawBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { auditHash, canonicalAround, GENESIS_HASH, type HashedFields } from './audit.hash.ts';

export type AuditEntry = Omit<HashedFields, 'id' | 'chain' | 'seq' | 'occurredAt'> & { occurredAt: Date };

/** An outbox row written with the events (the worker delivers it after commit). */
export type OutboxRow = { id: string; origin: string; createdAt: string; topic: string; aggregateType: string; aggregateId: string | null; payload: Record<string, unknown> };

/** A column's value as a row to insert in bulk gives it: a JSON column its value, not its text. */
type BulkValue<C> = C extends ColumnType<infer S, infer I, unknown> ? ([I] extends [string] ? (S extends object ? S : I) : I) : C;
/** A row for `insertRows`: its table's insertable columns, a JSON column as its value. */
export type BulkRow<T extends keyof Database> = { [K in keyof Insertable<Database[T]>]: K extends keyof Database[T] ? BulkValue<Database[T][K]> : never };

/**
 * Rows to insert into one table, as data: the rows of every write joined into a statement go into a
 * table as one JSON array (`jsonb_populate_recordset`), one CTE for the lot, rather than a CTE and a
 * statement tree of their own each. A column left out of a row (or undefined in it) takes its default
 * (rows of one table with different columns go in separate CTEs); a value is what JSON can carry: a string, number,
 * boolean, null, a Date (timestamptz), an array (a PostgreSQL array, or a JSON column's array) or an
 * object (a JSON column).
 */
export class RowsInsert {
  readonly into: keyof Database & string;
  readonly rows: ReadonlyArray<Record<string, unknown>>;
  constructor(into: keyof Database & string, rows: ReadonlyArray<Record<string, unknown>>) {
    this.into = into;
    this.rows = rows;
  }
}
export function insertRows<T extends keyof Database & string>(into: T, rows: ReadonlyArray<BulkRow<T>>): RowsInsert {
  return new RowsInsert(into, rows as ReadonlyArray<Record<string, unknown>>);
}
export type Write = Compilable | RowsInsert;

/** Writes and their audit events, as one caller asked: joined with others' into one statement. */
export type AuditedWrite = { entries: AuditEntry[]; outbox: OutboxRow[]; writes: Write[]; guard: number | undefined };

// the column names the database has for a row's keys: exactly the CamelCasePlugin's mapping (db.ts)
const snakeCase = new (class extends CamelCasePlugin {
  readonly #names = new Map<string, string>();
  name(key: string) {
    let name = this.#names.get(key);
    if (name === undefined) this.#names.set(key, (name = this.snakeCase(key)));
    return name;
  }
})();

type Batch = { into: keyof Database & string; columns: string[]; rows: Array<Record<string, unknown>> };
/** The CTE inserting a batch: its column list is Kysely's (the write watch sees the table, the plugin maps the names). */
function batchInsert(db: Executor, batch: Batch) {
  const columns = batch.columns.map((c) => sql.ref(c));
  return db.insertInto(batch.into as 'crossing').columns(batch.columns as never)
    .expression(sql`select ${sql.join(columns)} from jsonb_populate_recordset(null::${sql.table(batch.into)}, ${JSON.stringify(batch.rows)}::jsonb)` as never);
}

/**
 * One statement for one or more audited writes (`audit_append`, migrations/0013): each write's
 * statements as data-modifying CTEs, and the rows to insert of all of them one CTE per table; each guarded write (one returning its rows) checked to have
 * changed exactly one row, else the whole statement is undone with serialization_failure; then the
 * chain's advisory lock (held until the statement's transaction ends, so concurrent writers line up
 * and every row links to the one committed before it), its head, each event's sequence number and
 * hash, and the outbox rows. A statement commits or fails whole.
 */
function auditedStatement(db: Executor, chain: string, items: readonly AuditedWrite[]) {
  const ctes: RawBuilder<unknown>[] = [];
  const expects: RawBuilder<unknown>[] = [];
  const events: unknown[] = [];
  const outbox: OutboxRow[] = [];
  const batches = new Map<string, Batch>();
  items.forEach((item, i) => {
    item.writes.forEach((write, j) => {
      if (!(write instanceof RowsInsert)) return void ctes.push(sql`${sql.ref(`write_${i}_${j}`)} as (${write})`);
      for (const row of write.rows) {
        // a key whose value is undefined is left out, as Kysely leaves it out of an insert: its column takes its default
        const keys = Object.keys(row).filter((key) => row[key] !== undefined);
        const signature = `${write.into}(${keys.join()})`;
        let batch = batches.get(signature);
        if (!batch) batches.set(signature, (batch = { into: write.into, columns: keys, rows: [] }));
        const named: Record<string, unknown> = {};
        for (const key of keys) named[snakeCase.name(key)] = row[key];
        batch.rows.push(named);
      }
    });
    if (item.guard !== undefined) {
      if (item.writes[item.guard] instanceof RowsInsert) throw new Error('a guarded write is a statement returning its rows, not rows to insert');
      expects.push(sql`expect_rows((select count(*) from ${sql.ref(`write_${i}_${item.guard}`)}), 1), `);
    }
    for (const entry of item.entries) {
      // ms precision survives the timestamptz round trip exactly
      const row = { ...entry, id: newId(), chain };
      const [head, tail] = canonicalAround(row);
      events.push({ ...row, occurredAt: row.occurredAt.toISOString(), head, tail });
    }
    outbox.push(...item.outbox);
  });
  let b = 0;
  for (const batch of batches.values()) ctes.push(sql`${sql.ref(`rows_${b++}`)} as (${batchInsert(db, batch)})`);
  const withs = ctes.length ? sql`with ${sql.join(ctes)} ` : sql``;
  return sql`${withs}select ${sql.join(expects, sql``)}audit_append(${chain}, ${JSON.stringify(events)}::jsonb, ${JSON.stringify(outbox)}::jsonb)`;
}

/** Appends events (and the caller's writes) to a chain in one statement, in the caller's transaction if any. */
export async function appendAuditEvents(db: Executor, chain: string, entries: AuditEntry[], outbox: OutboxRow[] = [], writes: Write[] = [], guard?: number): Promise<void> {
  await auditedStatement(db, chain, [{ entries, outbox, writes, guard }]).execute(db);
}

export type WriteJoinerStats = { writes: number; statements: number; retried: number };

/**
 * Group commit for audited writes made outside a transaction (the hot paths of border control): a
 * write goes at once when a lane is free, else waits for the statement in flight and goes with every
 * write that came meanwhile (up to `most`) in one statement and one commit. Under load, many booths'
 * writes then cost one round trip, one plan, one chain lock and one commit instead of one each; a lone
 * write waits for nothing. A joined statement commits all its writes or none: if it fails, each half is
 * tried again, and so on down to the write that fails alone, so one booth's error (a duplicate, a stale
 * version) is that booth's answer only, and costs its neighbours about 2·log2(n) statements rather than
 * one each. Each lane appends to a chain of its own (`<node>.w<lane>`), which no transaction takes: a
 * long transaction holding a chain's lock (an import) never holds up the booths. ADR 0012.
 */
export function createWriteJoiner(db: Executor, nodeId: string, options: { lanes: number; most: number }) {
  type Waiting = AuditedWrite & { resolve: () => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  const stats: WriteJoinerStats = { writes: 0, statements: 0, retried: 0 };
  const freeLanes = Array.from({ length: options.lanes }, (_, lane) => `${nodeId}.w${lane}`);
  /** `items` in one statement; if it fails, each half again, down to a write that fails on its own. */
  async function attempt(chain: string, items: Waiting[], again: boolean): Promise<void> {
    stats.statements++;
    if (again) stats.retried++;
    try {
      await auditedStatement(db, chain, items).execute(db);
    } catch (error) {
      if (items.length === 1) return items[0]!.reject(error);
      const half = Math.ceil(items.length / 2);
      await attempt(chain, items.slice(0, half), true);
      return attempt(chain, items.slice(half), true);
    }
    for (const item of items) item.resolve();
  }
  async function send(chain: string, items: Waiting[]) {
    try {
      await attempt(chain, items, false);
    } finally {
      freeLanes.push(chain);
      pump();
    }
  }
  function pump() {
    while (queue.length && freeLanes.length) void send(freeLanes.shift()!, queue.splice(0, options.most));
  }
  return {
    stats,
    write(write: AuditedWrite) {
      stats.writes++;
      return new Promise<void>((resolve, reject) => {
        queue.push({ ...write, resolve, reject });
        pump();
      });
    },
  };
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
