// Tells when this process writes to some tables, whatever code does it: a Kysely plugin that looks at
// each statement's tree (inserts, updates, deletes, and those nested in WITH or in raw SQL fragments).
// The watched caches (watched-cache.ts: sign-ins, checkpoints, recent crossings) drop what they hold
// when this process writes the tables it came from.
import type { DatabaseConnection, Dialect, Driver, KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/** `app_user`, `appUser` and `AppUser` are the same table here. */
const plainNames = new Map<string, string>();
const plain = (name: string) => {
  let p = plainNames.get(name);
  if (p === undefined) plainNames.set(name, (p = name.replace(/_/g, '').toLowerCase()));
  return p;
};

type Node = OperationNode & Record<string, unknown>;

function tableName(node: unknown): string | null {
  const n = node as Node | undefined;
  if (!n) return null;
  if (n.kind === 'AliasNode') return tableName(n.node);
  if (n.kind === 'TableNode') return ((n.table as Node).identifier as { name: string }).name;
  return null;
}

/** The tables a statement writes to, in its tree. */
export function writtenTables(node: unknown, out: string[] = []): string[] {
  const n = node as Node | undefined;
  if (!n || typeof n !== 'object') return out;
  switch (n.kind) {
    case 'InsertQueryNode': {
      const t = tableName(n.into);
      if (t) out.push(t);
      break;
    }
    case 'UpdateQueryNode': {
      const t = tableName(n.table);
      if (t) out.push(t);
      break;
    }
    case 'DeleteQueryNode':
      for (const from of ((n.from as Node | undefined)?.froms as unknown[] | undefined) ?? []) {
        const t = tableName(from);
        if (t) out.push(t);
      }
      break;
    case 'RawNode':
      for (const p of (n.parameters as unknown[]) ?? []) writtenTables(p, out);
      return out;
    default:
      break;
  }
  for (const cte of ((n.with as Node | undefined)?.expressions as Node[] | undefined) ?? []) writtenTables(cte.expression, out);
  return out;
}

/** Counts this process's writes per table: a cache keyed on `version(tables)` knows when to drop what it holds. */
export class WriteWatch implements KyselyPlugin {
  readonly #counts = new Map<string, number>();
  readonly #writes = new WeakMap<object, string[]>();
  /** A number that moves whenever one of `tables` is written (before the statement runs, and again after it ran). */
  version(tables: readonly string[]): number {
    let sum = 0;
    for (const t of tables) sum += this.#counts.get(plain(t)) ?? 0;
    return sum;
  }
  #bump(tables: string[]) {
    for (const t of tables) this.#counts.set(t, (this.#counts.get(t) ?? 0) + 1);
  }
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    // a plain select writes nothing; anything else is looked through
    if (node.kind !== 'SelectQueryNode' || (node as Node).with) {
      const tables = writtenTables(node).map(plain);
      if (tables.length) {
        this.#bump(tables);
        this.#writes.set(queryId, tables);
      }
    }
    return node;
  }
  /** The counts now, to compare when a transaction ends. */
  snapshot(): Map<string, number> {
    return new Map(this.#counts);
  }
  /** A transaction ended: every table written since `before` moves again, now that its rows are committed
   * (a reader that cached the old rows between the write and the commit is dropped). */
  settle(before: Map<string, number>) {
    const moved: string[] = [];
    for (const [t, n] of this.#counts) if (before.get(t) !== n) moved.push(t);
    if (moved.length) this.#bump(moved);
  }
  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // what a reader cached while the write ran is dropped too
    const tables = this.#writes.get(queryId);
    if (tables) {
      this.#writes.delete(queryId);
      this.#bump(tables);
    }
    return result;
  }
}

/**
 * The dialect with its transactions told to the watch: when a transaction commits or rolls back, the
 * tables written meanwhile move again. Without it, a request that read a row between another's write
 * and its commit would keep the old row in a cache until the next write.
 */
export function watchedDialect(dialect: Dialect, watch: WriteWatch): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => {
      const driver = dialect.createDriver();
      const begun = new WeakMap<DatabaseConnection, Map<string, number>>();
      const settle = (connection: DatabaseConnection) => {
        const before = begun.get(connection);
        begun.delete(connection);
        if (before) watch.settle(before);
      };
      const wrapped: Driver = {
        init: () => driver.init(),
        acquireConnection: () => driver.acquireConnection(),
        releaseConnection: (connection) => driver.releaseConnection(connection),
        destroy: () => driver.destroy(),
        async beginTransaction(connection, settings) {
          await driver.beginTransaction(connection, settings);
          begun.set(connection, watch.snapshot());
        },
        async commitTransaction(connection) {
          try {
            await driver.commitTransaction(connection);
          } finally {
            settle(connection);
          }
        },
        async rollbackTransaction(connection) {
          try {
            await driver.rollbackTransaction(connection);
          } finally {
            settle(connection);
          }
        },
      };
      if (driver.savepoint) wrapped.savepoint = (c, name, compile) => driver.savepoint!(c, name, compile);
      if (driver.rollbackToSavepoint) wrapped.rollbackToSavepoint = (c, name, compile) => driver.rollbackToSavepoint!(c, name, compile);
      if (driver.releaseSavepoint) wrapped.releaseSavepoint = (c, name, compile) => driver.releaseSavepoint!(c, name, compile);
      return wrapped;
    },
  };
}
