import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.ts';
import { newApiToken, safeEqual, sha256 } from './token.ts';

test('the password policy names each problem', () => {
  assert.deepEqual(checkPasswordPolicy('Border-Pass-2026', 'korday'), []);
  assert.ok(checkPasswordPolicy('Short1!', 'x').some((p) => p.message.includes('12')));
  assert.ok(checkPasswordPolicy('alllowercaseletters', 'x').some((p) => p.message.includes('three')));
  assert.ok(checkPasswordPolicy('Serik-Korday-2026', 'korday').some((p) => p.message.includes('username')));
  assert.ok(checkPasswordPolicy('Password123!', 'x').some((p) => p.message.includes('common')));
  assert.ok(checkPasswordPolicy('Қордай-шекара-2026', 'x').length === 0, 'Cyrillic letters count as letters');
});

test('argon2id hashes verify and do not leak the password', async () => {
  const hash = await hashPassword('Border-Pass-2026');
  assert.match(hash, /^\$argon2id\$/);
  assert.ok(!hash.includes('Border'));
  assert.equal(await verifyPassword(hash, 'Border-Pass-2026'), true);
  assert.equal(await verifyPassword(hash, 'Border-Pass-2027'), false);
  assert.equal(await verifyPassword('not a hash', 'x'), false);
});

test('API tokens carry a findable prefix; only the hash is kept', () => {
  const { token, prefix } = newApiToken();
  assert.match(token, /^shk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
  assert.ok(token.startsWith(`shk_${prefix}_`));
  assert.equal(sha256(token).length, 64);
  assert.equal(safeEqual('abc', 'abc'), true);
  assert.equal(safeEqual('abc', 'abd'), false);
  assert.equal(safeEqual('abc', 'abcd'), false);
});
