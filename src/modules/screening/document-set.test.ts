import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentSet } from './document-set.ts';

test('the compact register finds what was added and nothing else', () => {
  const set = new DocumentSet();
  const keys = Array.from({ length: 20_000 }, (_, i) => `KAZ|N${String(10_000_000 + i * 7)}`);
  for (const k of keys) set.add(k);
  set.seal();
  assert.equal(set.size, 20_000);
  assert.equal(set.bytes, 160_000);
  for (const k of keys.slice(0, 500)) assert.ok(set.has(k), k);
  let misses = 0;
  for (let i = 0; i < 20_000; i++) if (!set.has(`KAZ|N${String(10_000_001 + i * 7)}`)) misses++;
  assert.equal(misses, 20_000);
  assert.equal(set.has('UZB|N10000000'), false);
});
