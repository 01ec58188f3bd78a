import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWatchedCache } from './watched-cache.ts';
import { WriteWatch } from './write-watch.ts';

test('a watched cache keeps a row for its time on the app clock, drops all on a watched write, never keeps a miss', async () => {
  const watch = new WriteWatch();
  const cache = createWatchedCache<{ v: number }>(watch, ['checkpoint'], 5);
  let reads = 0;
  const load = (v: number | undefined) => async () => {
    reads++;
    return v === undefined ? undefined : { v };
  };
  const t0 = new Date('2026-11-20T06:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  assert.deepEqual(await cache.get('a', t0, load(1)), { v: 1 });
  assert.deepEqual(await cache.get('a', at(4_999), load(2)), { v: 1 });
  assert.equal(reads, 1);
  assert.deepEqual(await cache.get('a', at(5_000), load(2)), { v: 2 });
  // a clock moved back: read again
  assert.deepEqual(await cache.get('a', t0, load(3)), { v: 3 });
  assert.equal(reads, 3);
  // a write to a watched table (as the Kysely plugin reports it) empties the cache; another table does not
  const write = (table: string) => {
    const queryId = { queryId: table };
    const node = { kind: 'InsertQueryNode', into: { kind: 'TableNode', table: { identifier: { name: table } } } };
    watch.transformQuery({ node: node as never, queryId });
  };
  write('crossing');
  assert.deepEqual(await cache.get('a', t0, load(4)), { v: 3 });
  write('checkpoint');
  assert.deepEqual(await cache.get('a', t0, load(4)), { v: 4 });
  // misses are not kept
  assert.equal(await cache.get('b', t0, load(undefined)), undefined);
  assert.deepEqual(await cache.get('b', t0, load(5)), { v: 5 });
  // 0 seconds: never kept
  const none = createWatchedCache<{ v: number }>(watch, ['checkpoint'], 0);
  await none.get('a', t0, load(6));
  assert.deepEqual(await none.get('a', t0, load(7)), { v: 7 });
});
