import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults follow contracts.md', () => {
  const config = loadConfig({});
  assert.equal(config.port, 8080);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.databaseUrl, undefined);
  assert.match(config.dataDir, /\/data$/);
  assert.equal(config.demo, true);
});

test('demo data is on by default only on the embedded database', () => {
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/shekara' }).demo, false);
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/shekara', SHEKARA_DEMO: 'true' }).demo, true);
  assert.equal(loadConfig({ SHEKARA_DEMO: 'false' }).demo, false);
});

test('every bad variable is listed at once', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SHEKARA_DEMO: 'maybe' }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.problems.length, 3);
    assert.ok(error.problems.some((p) => p.startsWith('PORT')));
    assert.ok(error.problems.some((p) => p.startsWith('DATABASE_URL')));
    assert.ok(error.problems.some((p) => p.startsWith('SHEKARA_DEMO')));
    return true;
  });
});

test('empty strings count as unset', () => {
  assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 8080);
});
