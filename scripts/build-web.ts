// Builds the web UI into web/dist. With --if-stale it builds only when a source is newer than the
// build (so `npm start` and `npm test` build once after install and are instant afterwards).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const stamp = path.join(web, 'dist', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(web, 'src'), path.join(root, 'src', 'contracts')];
const inputs = Math.max(...sources.map(newestMtime), ...['index.html', 'vite.config.ts'].map((f) => fs.statSync(path.join(web, f)).mtimeMs));
if (process.argv.includes('--if-stale') && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= inputs) process.exit(0);

const { build } = await import('vite');
const started = performance.now();
await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
console.log(`Built the web UI in ${((performance.now() - started) / 1000).toFixed(1)} s`);
