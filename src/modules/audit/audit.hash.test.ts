import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditHash, canonicalJson, GENESIS_HASH } from './audit.hash.ts';

test('canonical JSON sorts keys at every depth and drops undefined', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
});

test('the hash depends on the previous hash and on every field', () => {
  const row = {
    id: '0199a000-0000-7000-8000-000000000001', chain: 'hq', seq: 1, occurredAt: new Date('2026-11-20T06:00:00.123Z'), actorUserId: null,
    actorUsername: 'admin', onBehalfOfUserId: null, agencyId: null, unitId: null, action: 'x', entityType: 'unit', entityId: '1',
    correlationId: null, ip: null, details: { a: 1 },
  };
  const h = auditHash(GENESIS_HASH, row);
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.notEqual(auditHash('f'.repeat(64), row), h);
  assert.notEqual(auditHash(GENESIS_HASH, { ...row, details: { a: 2 } }), h);
  assert.notEqual(auditHash(GENESIS_HASH, { ...row, occurredAt: new Date('2026-11-20T06:00:00.124Z') }), h);
  assert.equal(auditHash(GENESIS_HASH, { ...row, details: { a: 1 } }), h);
});
