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

/**
 * One row to change, found by equality on each column of `where`, to the values of `set`, as data like
 * the inserts: the changes of every write joined into a statement that have the same columns go in as
 * one JSON array and one `update … from` CTE. Guarded: each must change exactly one row, else the whole
 * statement is undone with serialization_failure (40001) and nothing is written — optimistic
 * concurrency, with the row's version among the `where` columns: the writer reads again.
 */
export class RowUpdate {
  readonly table: keyof Database & string;
  readonly where: Readonly<Record<string, unknown>>;
  readonly set: Readonly<Record<string, unknown>>;
  constructor(table: keyof Database & string, where: Record<string, unknown>, set: Record<string, unknown>) {
    this.table = table;
    this.where = where;
    this.set = set;
  }
}
export function updateRow<T extends keyof Database & string>(table: T, where: Partial<BulkRow<T>>, set: Partial<BulkRow<T>>): RowUpdate {
  return new RowUpdate(table, where as Record<string, unknown>, set as Record<string, unknown>);
}
export type Write = Compilable | RowsInsert | RowUpdate;

/** Writes and their audit events, as one caller asked: joined with others' into one statement. */
export type AuditedWrite = { entries: AuditEntry[]; outbox: OutboxRow[]; writes: Write[] };

// the column names the database has for a row's keys: exactly the CamelCasePlugin's mapping (db.ts)
const snakeCase = new (class extends CamelCasePlugin {
  readonly #names = new Map<string, string>();
  name(key: string) {
    let name = this.#names.get(key);
    if (name === undefined) this.#names.set(key, (name = this.snakeCase(key)));
    return name;
  }
})();

/** A row's defined keys; its values under the database's column names. */
function defined(row: Readonly<Record<string, unknown>>): [keys: string[], named: Record<string, unknown>] {
  // a key whose value is undefined is left out, as Kysely leaves it out: an inserted row's column takes its default, an updated one stays
  const keys = Object.keys(row).filter((key) => row[key] !== undefined);
  const named: Record<string, unknown> = {};
  for (const key of keys) named[snakeCase.name(key)] = row[key];
  return [keys, named];
}

type Inserts = { into: keyof Database & string; columns: string[]; rows: Array<Record<string, unknown>> };
type Changes = { into: keyof Database & string; where: string[]; columns: string[]; rows: Array<{ where: Record<string, unknown>; set: Record<string, unknown> }> };

/** The CTE inserting rows: the statement's frame is Kysely's (the write watch sees the table, the plugin maps the names). */
function insertCte(db: Executor, batch: Inserts) {
  return db.insertInto(batch.into as 'crossing').columns(batch.columns as never)
    .expression(sql`select ${sql.join(batch.columns.map((c) => sql.ref(c)))} from jsonb_populate_recordset(null::${sql.table(batch.into)}, ${JSON.stringify(batch.rows)}::jsonb)` as never);
}

/** The CTE changing rows, one per element {where, set}, each read as a row of the table; the where columns renamed where_<column>. */
function changeCte(db: Executor, batch: Changes) {
  const table = sql.table(batch.into);
  const columns = [...batch.columns.map((c) => sql.ref(`s.${c}`)), ...batch.where.map((c) => sql`${sql.ref(`w.${c}`)} as ${sql.ref(`where_${c}`)}`)];
  const rows = sql`(select ${sql.join(columns)} from jsonb_array_elements(${JSON.stringify(batch.rows)}::jsonb) as e,
    jsonb_populate_record(null::${table}, e->'set') as s, jsonb_populate_record(null::${table}, e->'where') as w)`;
  return db.updateTable(batch.into as 'crossing')
    .set(Object.fromEntries(batch.columns.map((c) => [c, sql.ref(`r.${c}`)])) as never)
    .from(rows.as('r') as never)
    .where(sql<boolean>`${sql.join(batch.where.map((c) => sql`${sql.ref(`${batch.into}.${c}`)} = ${sql.ref(`r.where_${c}`)}`), sql` and `)}`)
    .returning(sql`1`.as('changed') as never);
}

/**
 * One statement for one or more audited writes (`audit_append`, migrations/0013): each write's
 * statements as data-modifying CTEs, and the rows to insert or change of all of them one CTE per table
 * and columns; the rows changed counted, one each, else the whole statement is undone with
 * serialization_failure; then the chain's advisory lock (held until the statement's transaction ends, so concurrent writers line up
 * and every row links to the one committed before it), its head, each event's sequence number and
 * hash, and the outbox rows. A statement commits or fails whole.
 */
function auditedStatement(db: Executor, chain: string, items: readonly AuditedWrite[]) {
  const ctes: RawBuilder<unknown>[] = [];
  const expects: RawBuilder<unknown>[] = [];
  const events: unknown[] = [];
  const outbox: OutboxRow[] = [];
  // the rows of one table with the same columns, of every write
  const inserts = new Map<string, Inserts>();
  const changes = new Map<string, Changes>();
  items.forEach((item, i) => {
    item.writes.forEach((write, j) => {
      if (write instanceof RowsInsert) {
        for (const row of write.rows) {
          const [keys, named] = defined(row);
          const signature = `${write.into}(${keys.join()})`;
          let batch = inserts.get(signature);
          if (!batch) inserts.set(signature, (batch = { into: write.into, columns: keys, rows: [] }));
          batch.rows.push(named);
        }
      } else if (write instanceof RowUpdate) {
        const [where, namedWhere] = defined(write.where);
        const [keys, named] = defined(write.set);
        const signature = `${write.table}[${where.join()}](${keys.join()})`;
        let batch = changes.get(signature);
        if (!batch) changes.set(signature, (batch = { into: write.table, where, columns: keys, rows: [] }));
        batch.rows.push({ where: namedWhere, set: named });
      } else ctes.push(sql`${sql.ref(`write_${i}_${j}`)} as (${write})`);
    });
    for (const entry of item.entries) {
      // ms precision survives the timestamptz round trip exactly
      const row = { ...entry, id: newId(), chain };
      const [head, tail] = canonicalAround(row);
      events.push({ ...row, occurredAt: row.occurredAt.toISOString(), head, tail });
    }
    outbox.push(...item.outbox);
  });
  let b = 0;
  for (const batch of inserts.values()) ctes.push(sql`${sql.ref(`rows_${b++}`)} as (${insertCte(db, batch)})`);
  for (const batch of changes.values()) {
    const name = sql.ref(`rows_${b++}`);
    ctes.push(sql`${name} as (${changeCte(db, batch)})`);
    expects.push(sql`expect_rows((select count(*) from ${name}), ${batch.rows.length}), `);
  }
  const withs = ctes.length ? sql`with ${sql.join(ctes)} ` : sql``;
  return sql`${withs}select ${sql.join(expects, sql``)}audit_append(${chain}, ${JSON.stringify(events)}::jsonb, ${JSON.stringify(outbox)}::jsonb)`;
}

/** Appends events (and the caller's writes) to a chain in one statement, in the caller's transaction if any. */
export async function appendAuditEvents(db: Executor, chain: string, entries: AuditEntry[], outbox: OutboxRow[] = [], writes: Write[] = []): Promise<void> {
  await auditedStatement(db, chain, [{ entries, outbox, writes }]).execute(db);
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
