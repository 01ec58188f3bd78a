import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CamelCasePlugin, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import type { Database } from '../database.ts';
import { WriteWatch, writtenTables } from './write-watch.ts';

test('the write watch sees inserts, updates and deletes of its tables, also inside WITH and raw SQL', () => {
  const watch = new WriteWatch();
  const tables = ['app_user', 'user_role'];
  const db = new Kysely<Database>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() },
    plugins: [new CamelCasePlugin(), watch],
  });
  const moved = (query: { compile(...args: never[]): unknown }) => {
    const before = watch.version(tables);
    query.compile(db as never);
    return watch.version(tables) !== before;
  };
  assert.equal(moved(db.selectFrom('appUser').selectAll()), false);
  assert.equal(moved(db.updateTable('appUser').set({ locale: 'kk' })), true);
  assert.equal(moved(db.deleteFrom('userRole as r').where('r.userId', '=', 'x')), true);
  assert.equal(moved(db.insertInto('auditEvent').values({} as never)), false);
  assert.equal(moved(db.with('w', (q) => q.updateTable('appUser').set({ locale: 'ru' })).selectFrom('unit').selectAll()), true);
  assert.equal(moved(sql`with w as (${db.insertInto('userRole').values({} as never)}) select 1`), true);
  // a raw statement's text is not read: the sign-in touch relies on that
  assert.equal(moved(sql`update app_user set locale = 'en'`), false);
  assert.deepEqual(writtenTables(db.updateTable('apiToken').set({ name: 'x' }).toOperationNode()), ['api_token']);
});
