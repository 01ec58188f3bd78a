// The browser tests' world: the whole app on a demo database at real time, served on a free port, and
// Debian's Chromium (never a downloaded browser).
import fs from 'node:fs';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/app.ts';
import { createWorld, DEMO_PASSWORD, type World } from '../test/helpers.ts';

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
  // a test that failed leaves its pages open: what they showed, for the one who reads the failure
  afterEach(async () => {
    for (const [c, context] of (env.browser?.contexts() ?? []).entries()) {
      for (const [p, page] of context.pages().entries()) await page.screenshot({ path: path.join(RESULTS, `left-open-${c}-${p}.png`), fullPage: true }).catch(() => undefined);
    }
  });
  after(() => env.close?.());
  return env;
}

const PDFJS = path.resolve(import.meta.dirname, '../node_modules/pdfjs-dist/build');

/** Renders every page of a PDF to one PNG with pdf.js inside Chromium (served from node_modules, no network), so a test can
 * look at a printed form as an image; resolves with the text pdf.js extracted, page by page. */
export async function renderPdf(browser: Browser, pdf: Buffer, out: string): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await page.route('http://pdf.local/**', async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'doc.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
    if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><body style="margin:0;background:#888"><div id="pages"></div></body>' });
    if (name === 'pdf.mjs' || name === 'pdf.worker.mjs') return route.fulfill({ path: path.join(PDFJS, name), contentType: 'text/javascript' });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto('http://pdf.local/index.html');
  const texts = await page.evaluate(async () => {
    const pdfjs = await import('http://pdf.local/pdf.mjs' as string);
    pdfjs.GlobalWorkerOptions.workerSrc = 'http://pdf.local/pdf.worker.mjs';
    const doc = await pdfjs.getDocument('http://pdf.local/doc.pdf').promise;
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const p = await doc.getPage(n);
      const viewport = p.getViewport({ scale: 1.4 });
      const canvas = document.createElement('canvas');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.style.display = 'block';
      canvas.style.margin = '0 0 8px 0';
      document.getElementById('pages')!.append(canvas);
      await p.render({ canvasContext: canvas.getContext('2d')!, viewport, canvas }).promise;
      out.push((await p.getTextContent()).items.map((i: { str?: string }) => i.str ?? '').join(' '));
    }
    return out;
  });
  await page.locator('#pages').screenshot({ path: out });
  await page.close();
  return texts;
}

/** A user signed in in a browser of their own (a new context), the interface in their language; a page error fails the test. */
export async function signedIn(env: BrowserWorld, username: string, lang: 'Русский' | 'Қазақша' | 'English', password = DEMO_PASSWORD): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  await page.goto(env.baseUrl);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.getByRole('navigation').waitFor();
  await chooseLanguage(page, lang);
  return page;
}

/** Switches a signed-in user's interface language and waits until it is saved with the account (leaving the page before would cancel the save). */
export async function chooseLanguage(page: Page, name: 'English' | 'Русский' | 'Қазақша') {
  const button = page.getByRole('button', { name });
  if ((await button.getAttribute('aria-pressed')) === 'true') return;
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH' && r.ok());
  await button.click();
  await saved;
}

/** The booth console opened from the menu (English), its lane chosen, and a passport's MRZ typed as the scanner types it; resolves when the checks point to a decision. */
export async function scanAtBooth(page: Page, mrz: string[]) {
  await page.getByRole('navigation').getByRole('link', { name: 'Booth console' }).click();
  await page.waitForFunction(() => Boolean((document.querySelector('select[name=lane]') as HTMLSelectElement | null)?.value));
  await page.locator('textarea[name=mrz]').focus();
  await page.keyboard.type(mrz.join('\n'), { delay: 0 });
  await page.locator('p.suggested').waitFor();
}
