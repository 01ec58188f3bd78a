import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './db.ts';
import { StartupError } from './errors.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export type Migration = { version: number; name: string; file: string; sql: string; checksum: string };

/** Reads the numbered SQL files (`0001_name.sql`) in order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number.parseInt(file.slice(0, 4), 10),
        name: file.slice(5, -4),
        file,
        sql,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationChecksumError extends StartupError {}

// Any constant works: it only has to be the same in every Shekara process.
const MIGRATION_LOCK_KEY = 7_415_001;

/**
 * Applies pending migrations, each in its own transaction, and records them.
 * Safe against two processes migrating at once (advisory lock) and refuses to run
 * when an applied file was edited afterwards (migrations are forward-only).
 */
export async function migrate(handle: DatabaseHandle, migrations = readMigrations()): Promise<Migration[]> {
  await handle.rawTransaction(async (raw) => {
    await raw.exec(`create table if not exists schema_migration (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
  });
  const applied: Migration[] = [];
  for (const migration of migrations) {
    const didApply = await handle.rawTransaction(async (raw) => {
      await raw.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const rows = await raw.query<{ checksum: string }>('select checksum from schema_migration where version = $1', [
        migration.version,
      ]);
      if (rows[0]) {
        if (rows[0].checksum !== migration.checksum) {
          throw new MigrationChecksumError(
            `Migration ${migration.file} was changed after it was applied. Migrations are forward-only: ` +
              'restore the file and add a new numbered migration instead.',
          );
        }
        return false;
      }
      await raw.exec(migration.sql);
      await raw.query('insert into schema_migration (version, name, checksum) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) applied.push(migration);
  }
  return applied;
}

/** Pending migrations, for /health/ready: ready only when none remain. */
export async function pendingMigrations(handle: DatabaseHandle, migrations = readMigrations()): Promise<number> {
  try {
    const result = await sql<{ version: number }>`select version from schema_migration`.execute(handle.db);
    const done = new Set(result.rows.map((r) => Number(r.version)));
    return migrations.filter((m) => !done.has(m.version)).length;
  } catch {
    return migrations.length;
  }
}
