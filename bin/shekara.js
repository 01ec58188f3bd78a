#!/usr/bin/env -S node --heap-growing-percent=100
// The CLI entry. `npx shekara` puts node_modules/.bin first on PATH, so this runs on the
// project's pinned Node 24, which loads the TypeScript sources directly (type stripping). The V8 flag is
// the one `npm start` gives the server (package.json; ADR 0016): fewer full collections of the heap that
// holds the screening index.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`Shekara needs Node.js 24 or later (this is ${process.version}). Run it through npm: \`npx shekara ...\` after \`npm install\`.`);
  process.exit(2);
}
await import('../src/main.ts');
