import assert from 'node:assert/strict';
import { test } from 'node:test';
import { version } from 'uuid';
import { isUuid, newId } from './ids.ts';

test('ids are UUID v7, distinct, and in the order they were made (also within one millisecond)', () => {
  const ids = Array.from({ length: 20_000 }, () => newId());
  for (const id of ids.slice(0, 100)) {
    assert.ok(isUuid(id));
    assert.equal(version(id), 7);
  }
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids);
  // the first 48 bits are the time
  const ms = parseInt(ids.at(-1)!.replace(/-/g, '').slice(0, 12), 16);
  assert.ok(Math.abs(ms - Date.now()) < 60_000);
});
