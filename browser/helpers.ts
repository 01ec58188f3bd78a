// The browser tests' world: the whole app on a demo database at real time, served on a free port, and
// Debian's Chromium (never a downloaded browser).
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../src/app.ts';
import { createWorld, type World } from '../test/helpers.ts';

export const RESULTS = path.resolve(import.meta.dirname, '../test-results');

export type BrowserWorld = { world: World; browser: Browser; baseUrl: string; close(): Promise<void> };

export async function startBrowserWorld(): Promise<BrowserWorld> {
  const world = await createWorld({ demo: true });
  world.clock.set(new Date()); // real time: sessions are touched by the browser as it goes
  const { app } = await buildApp(world.deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  fs.mkdirSync(RESULTS, { recursive: true });
  return { world, browser, baseUrl, close: async () => { await browser.close(); await app.close(); await world.close(); } };
}

/** Starts the browser world before a file's tests and stops it after them; its fields are set once `before` has run. */
export function useBrowserWorld(): BrowserWorld {
  const env = {} as BrowserWorld;
  before(async () => { Object.assign(env, await startBrowserWorld()); });
  after(() => env.close?.());
  return env;
}
