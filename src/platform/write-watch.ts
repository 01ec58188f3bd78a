// Tells when this process writes to some tables, whatever code does it: a Kysely plugin that looks at
// each statement's tree (inserts, updates, deletes, and those nested in WITH or in raw SQL fragments).
// The sign-in cache (auth.service.ts) drops what it holds when users, grants, sessions or units change.
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/** What a signed-in actor is made of: a write to any of these drops the sign-in cache. */
export const SIGN_IN_TABLES = ['app_user', 'user_role', 'role', 'acting_assignment', 'api_token', 'user_session', 'unit', 'agency'];

/** `app_user`, `appUser` and `AppUser` are the same table here. */
const plain = (name: string) => name.replace(/_/g, '').toLowerCase();

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

export class WriteWatch implements KyselyPlugin {
  readonly #tables: Set<string>;
  #epoch = 0;
  readonly #writes = new WeakSet<object>();
  constructor(tables: string[]) {
    this.#tables = new Set(tables.map(plain));
  }
  /** Moves whenever a watched table is written (before the statement runs, and again after it ran). */
  get epoch(): number {
    return this.#epoch;
  }
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    // a plain select writes nothing; anything else is looked through
    if ((node.kind !== 'SelectQueryNode' || (node as Node).with) && writtenTables(node).some((t) => this.#tables.has(plain(t)))) {
      this.#epoch++;
      this.#writes.add(queryId);
    }
    return node;
  }
  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // what a reader cached while the write ran is dropped too
    if (this.#writes.delete(queryId)) this.#epoch++;
    return result;
  }
}
