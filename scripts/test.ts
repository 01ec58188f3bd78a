// `npm test`: every test file on the configured database (PGlite, or PostgreSQL with DATABASE_URL),
// then the browser tests in Debian's Chromium when it is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const files = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const hasBrowser = fs.existsSync(CHROMIUM);
const database = process.env.DATABASE_URL ? `PostgreSQL (${new URL(process.env.DATABASE_URL).host})` : 'embedded PGlite';
console.log(`Running the tests on ${database}.`);
if (!hasBrowser) {
  console.log(`SKIPPING the browser tests: ${CHROMIUM} is not installed (apt-get install -y chromium). CI installs it.`);
}
const args = ['--test', '--test-concurrency=3', '--test-reporter=spec', ...files, ...(hasBrowser ? ['browser/**/*.test.ts'] : [])];
const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, SHEKARA_LOG_LEVEL: 'silent' } });
process.exit(result.status ?? 1);
