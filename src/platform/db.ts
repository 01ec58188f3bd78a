import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from '../database.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { watchedDialect, WriteWatch } from './write-watch.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a data directory, `memory`, or the server without password. */
  location: string;
  /**
   * Runs multi-statement SQL scripts in one transaction on the raw driver (migrations):
   * `exec` runs a script, `query` a parameterised statement.
   */
  rawTransaction<T>(fn: (raw: RawExecutor) => Promise<T>): Promise<T>;
  /** This process's writes per table: the caches' cue to drop what they hold. */
  writes: WriteWatch;
  close(): Promise<void>;
};

export type RawExecutor = {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
};

// Same value shapes on both engines: `date` stays an ISO string, int8 becomes a JS number
// (our bigints — sequence numbers, counts — stay far below 2^53).
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return (value: string) => value;
      if (oid === INT8_OID) return (value: string) => Number(value);
      if (oid === NUMERIC_OID) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

export type OpenOptions = {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; `undefined` → in memory (tests). */
  dataDir?: string | undefined;
  /** Skip the single-writer lock (only for read-only tools that know the server is stopped). */
  lock?: boolean;
  /** Told when an idle PostgreSQL connection fails (logged by the server). */
  onIdleError?: (error: Error) => void;
};

/** Opens PostgreSQL when a URL is given, else the embedded PGlite (under dataDir, or in memory). */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 20, types: pgTypes() });
    // An idle connection the server closes (a restart, a failover, an administrator) must not crash the
    // process: the pool drops that client and the next query opens a new one.
    pool.on('error', (error) => options.onIdleError?.(error));
    const writes = new WriteWatch();
    const db = new Kysely<Database>({ dialect: watchedDialect(new PostgresDialect({ pool }), writes), plugins: [new CamelCasePlugin(), writes] });
    const url = new URL(options.databaseUrl);
    url.password = '';
    return {
      db,
      kind: 'postgres',
      location: url.toString(),
      writes,
      async rawTransaction(fn) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await fn({
            exec: async (script) => {
              await client.query(script);
            },
            query: async (text, params) => (await client.query(text, params)).rows,
          });
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      close: () => db.destroy(),
    };
  }
  let lock: DataDirLock | undefined;
  let dir: string | undefined;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    if (options.lock !== false) lock = acquireDataDirLock(options.dataDir);
    dir = path.join(options.dataDir, 'pglite');
  }
  try {
    const client = await PGlite.create({
      ...(dir ? { dataDir: dir } : {}),
      parsers: {
        [DATE_OID]: (value: string) => value,
        [INT8_OID]: (value: string) => Number(value),
        [NUMERIC_OID]: (value: string) => Number(value),
      },
      serializers: { [pgliteTypes.INT8]: (value: unknown) => String(value) },
    });
    const writes = new WriteWatch();
    const db = new Kysely<Database>({ dialect: watchedDialect(new PGliteDialect(client), writes), plugins: [new CamelCasePlugin(), writes] });
    return {
      db,
      kind: 'pglite',
      location: dir ?? 'memory',
      writes,
      rawTransaction: (fn) =>
        client.transaction((tx) =>
          fn({
            exec: async (script) => {
              await tx.exec(script);
            },
            query: async (text, params) => (await tx.query(text, params)).rows as never,
          }),
        ),
      async close() {
        await db.destroy();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
