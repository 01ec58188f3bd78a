// The officer's path in Debian's Chromium: sign in, switch the language, open the checkpoint map.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { chooseLanguage, RESULTS, signedIn, useBrowserWorld } from './helpers.ts';
import { passportMrz } from '../test/helpers.ts';
import { seedId } from '../src/demo/index.ts';

/** Fills the sign-in form and submits it, whatever the interface language. */
async function signInAs(page: Page, username: string, password: string) {
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
}

const env = useBrowserWorld();

test('a booth officer signs in, switches to Kazakh and Russian, and opens the checkpoint map', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && m.text().includes('Content Security Policy') && errors.push(m.text()));
  const first = await page.request.get(env.baseUrl);
  assert.match(first.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await page.goto(env.baseUrl);
  await page.getByRole('button', { name: 'English' }).click();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Sign in' }).waitFor());
  // the demo accounts are listed: a click fills the form
  await page.getByRole('button', { name: 'demo.booth.korday' }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // the demo officer's saved language is Kazakh: the interface follows the user
  await page.getByRole('navigation').getByRole('link', { name: 'Өткізу пункттері' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'kk');

  await page.getByRole('button', { name: 'Русский' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Пункты пропуска' }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Карта' }).click();
  const map = page.getByTestId('checkpoint-map');
  await map.waitFor();
  const markers = await map.locator('.cp-marker').count();
  assert.ok(markers >= 20, `${markers} checkpoint markers`);
  await map.getByRole('link', { name: 'Кордай' }).hover();
  await page.getByText('Автомобильный, Пешеходный').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'checkpoint-map-ru.png'), fullPage: true });

  // the language choice is kept on the server for this user
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Пункты пропуска' }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Пункты пропуска' }).click();
  await page.getByRole('table').getByRole('link', { name: 'Кордай' }).click();
  await page.getByText('Совместный пункт пропуска').first().waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'checkpoint-korday-ru.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a tablet the menu folds away and still works', async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 1100 }, isMobile: false });
  const page = await context.newPage();
  await page.goto(env.baseUrl);
  await page.getByRole('button', { name: 'English' }).click();
  await signInAs(page, 'demo.analyst', 'Shekara-Demo-2026');
  await page.getByRole('button', { name: /Menu/ }).click();
  await page.getByRole('link', { name: 'Legal register' }).click();
  await page.getByRole('article').getByText('LAW-2013-70-V').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'legal-register-tablet-en.png'), fullPage: true });
  await context.close();
});

test('an administrator creates a user with a role, and the new user signs in', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(env.baseUrl);
  await signInAs(page, 'admin', 'Root-Secret-2026!');
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'New user' }) });
  await form.locator('[name=username]').fill('korday.inspector');
  await form.locator('[name=displayName]').fill('Айгерім Жұмабаева');
  await form.locator('[name=password]').fill('weak');
  await form.locator('[name=unitId]').selectOption({ label: '· · · · Korday shift 2' });
  await form.locator('[name=role]').selectOption({ label: 'Border-control officer' });
  await form.getByRole('button', { name: 'Create' }).click();
  await form.getByText('must be at least 12 characters').waitFor(); // the server's field error, shown at the field
  await form.locator('[name=password]').fill('Korday-Shift-2026');
  await form.getByRole('button', { name: 'Create' }).click();
  await page.getByText('User korday.inspector created.').waitFor();
  await page.getByRole('cell', { name: 'korday.inspector' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInAs(page, 'korday.inspector', 'Korday-Shift-2026');
  await page.getByRole('heading', { name: /Айгерім Жұмабаева/ }).waitFor({ timeout: 5000 }).catch(async (e) => { await page.screenshot({ path: path.join(RESULTS, 'failure-new-user-sign-in.png') }); throw e; });
  await context.close();
});

test('bad input and a refused step are said in the user\'s language: the users form in Russian, its dates in Kazakh', async () => {
  const page = await signedIn(env, 'admin', 'Русский', 'Root-Secret-2026!');
  await page.getByRole('navigation').getByRole('link', { name: 'Пользователи' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Новый пользователь' }) });
  // a user name already taken (the demo's booth officer) and a weak password: both named at their fields, in Russian
  await form.locator('[name=username]').fill('demo.booth.korday');
  await form.locator('[name=displayName]').fill('Айгерім Жұмабаева');
  await form.locator('[name=password]').fill('weakpass');
  await form.locator('[name=unitId]').selectOption({ index: 2 });
  await form.getByRole('button', { name: 'Создать' }).click();
  await form.getByText('длина — не меньше 12').waitFor();
  await form.getByText('должен сочетать не менее трёх из').first().waitFor();
  await form.locator('[name=password]').fill('Korday-Shift-2026');
  await form.getByRole('button', { name: 'Создать' }).click();
  await form.getByText('уже занято').first().waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'users-form-problems-ru.png'), fullPage: true });
  // no English words of the server on the page
  assert.equal(await page.getByText(/already used|must be at least|must mix/).count(), 0);
  // in Kazakh the dates are Kazakh too, also where the browser's own date data has no Kazakh ("2026 M12 7")
  await chooseLanguage(page, 'Қазақша');
  const lastSignIn = await page.getByRole('row', { name: /^admin / }).locator('td').last().innerText();
  assert.match(lastSignIn, /^\d{4} ж\. \d{1,2} (қаң|ақп|нау|сәу|мам|мау|шіл|там|қыр|қаз|қар|жел)\.?,? \d{2}:\d{2}$/);
  assert.doesNotMatch(lastSignIn, /M\d/);
  // back to English for the tests after this one
  await chooseLanguage(page, 'English');
  await page.context().close();
});

test('a booth officer screens a traveller and sees the hit with what to do', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(env.baseUrl);
  await signInAs(page, 'demo.booth.korday', 'Shekara-Demo-2026');
  await page.getByRole('navigation').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  const form = page.getByRole('form', { name: 'Screen a traveller' });
  await form.locator('[name=surname]').fill('BELOUSOVA');
  await form.locator('[name=givenNames]').fill('KSENIIA');
  await form.locator('[name=dateOfBirth]').fill('1987-09-21');
  await form.getByRole('button', { name: 'Screen a traveller' }).click();
  await page.getByText('Hit: stop the traveller').waitFor();
  await page.locator('.hits li strong', { hasText: 'Белоусова Ксения Игоревна' }).waitFor();
  await page.getByText('Detain', { exact: true }).waitFor();
  await page.getByText(/date of birth agrees \(1987-09-21\)/).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'screening-hit-en.png'), fullPage: true });
  await form.locator('[name=surname]').fill('NURLANOV');
  await form.locator('[name=givenNames]').fill('ASKAR');
  await form.getByRole('button', { name: 'Screen a traveller' }).click();
  await page.getByText('No hits').waitFor();
  await context.close();
});

test('a list manager uploads a CSV list, follows the import, and finds the new entry', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(env.baseUrl);
  await signInAs(page, 'demo.refdata', 'Shekara-Demo-2026');
  await page.getByRole('navigation').waitFor();
  await page.getByRole('button', { name: 'Русский' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Проверка по учётам' }).click();
  const form = page.getByRole('form', { name: 'Загрузка файла списка' });
  const csv = 'id,list,surname,given_names,aliases,date_of_birth,nationality,sex,document_numbers\nU-1,BROWSER-LIST,Сейткали,Дана Маратқызы,Seitkali Dana,1991-01-15,KAZ,F,\n';
  await form.locator('input[type=file]').setInputFiles({ name: 'browser-list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await form.getByRole('button', { name: 'Загрузить' }).click();
  await form.getByText('BROWSER-LIST: добавлено 1, изменено 0, удалено 0, без изменений 0.').waitFor();
  await page.locator('table.data td code', { hasText: 'BROWSER-LIST' }).waitFor();
  await page.locator('input[type=search]').fill('SEITKALI DANA');
  await page.getByRole('button', { name: 'Сейткали Дана Маратқызы' }).click();
  await page.locator('.timeline li', { hasText: 'v1' }).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'watchlist-import-ru.png'), fullPage: true });
  // a malformed file: every bad line is named and nothing is imported
  await form.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}U-2,BROWSER-LIST,,,,1991-02-30,KZ,X,\n`) });
  await form.getByRole('button', { name: 'Загрузить' }).click();
  await form.locator('ul.problems li', { hasText: 'line 3' }).first().waitFor();
  await context.close();
});

/** The Korday booth officer at the console in a language, its station ready: the page and its MRZ field. */
async function openBooth(language: 'Русский' | 'English', boothLink: string) {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(env.baseUrl);
  await signInAs(page, 'demo.booth.korday', 'Shekara-Demo-2026');
  await page.getByRole('navigation').waitFor();
  await page.getByRole('button', { name: language }).click();
  await page.getByRole('navigation').getByRole('link', { name: boothLink }).click();
  const mrz = page.locator('textarea[name=mrz]');
  await mrz.waitFor();
  // the station defaults to the officer's own checkpoint and a lane of it
  await page.locator('select[name=checkpoint] option:checked', { hasText: language === 'English' ? 'Korday' : 'Кордай' }).waitFor({ state: 'attached' });
  await page.waitForFunction(() => Boolean((document.querySelector('select[name=lane]') as HTMLSelectElement | null)?.value));
  return { context, page, mrz };
}

test('on a poor link a decision whose answer is lost is resent with its key and done once', async () => {
  const { context, page, mrz } = await openBooth('English', 'Booth console');
  await mrz.focus();
  await page.keyboard.type(passportMrz({ surname: 'ORAZBAYEV', given: 'DAMIR', number: 'N55667788', nationality: 'KAZ', dob: '900707', sex: 'M', expiry: '320101' }).join('\n'), { delay: 0 });
  await page.locator('p.suggested', { hasText: 'Pass' }).waitFor();
  // the decision reaches the server, but its answer is lost on the way back (the first time only)
  const keys: string[] = [];
  await page.route('**/api/v1/crossings/*/decision', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else await route.continue();
  });
  await page.keyboard.press('1');
  await page.getByText('Passed. Passage completes').waitFor();
  assert.equal(keys.length, 2);
  assert.match(keys[0]!, /^web-[0-9a-f-]{36}$/);
  assert.equal(keys[1], keys[0]);
  // decided once: one decision in the crossing's history, the answer replayed
  const crossing = await env.world.deps.db.selectFrom('crossing').select(['id', 'status', 'decision']).where('documentNumber', '=', 'N55667788').executeTakeFirstOrThrow();
  assert.deepEqual([crossing.status, crossing.decision], ['decided', 'pass']);
  const versions = await env.world.deps.db.selectFrom('crossingVersion').select('change').where('crossingId', '=', crossing.id).execute();
  assert.equal(versions.filter((v) => v.change === 'decided_pass').length, 1, JSON.stringify(versions));
  await context.close();
});

test('at the booth a misread MRZ is explained in the officer\'s language, with the likely correction', async () => {
  const { context, page, mrz } = await openBooth('Русский', 'Кабина контроля');
  // the scanner read the O of the date of birth for a zero
  const lines = passportMrz({ surname: 'ABENOV', given: 'DAUREN', number: 'N45454545', nationality: 'KAZ', dob: '850314', sex: 'M', expiry: '310101' });
  await mrz.focus();
  await page.keyboard.type([lines[0], lines[1]!.replace('850314', '85O314')].join('\n'), { delay: 0 });
  const alert = page.getByRole('alert');
  await alert.getByText('МЧЗ формата TD3 не проходит проверки.').waitFor();
  await alert.locator('li', { hasText: 'дата рождения' }).getByText('недопустимая дата').waitFor();
  await alert.getByText('дата рождения: прочитано 85O314, вероятно 850314 (ошибка сканирования)').waitFor();
  assert.equal(await alert.getByText(/check digit|does not match/).count(), 0);
  await page.screenshot({ path: path.join(RESULTS, 'booth-mrz-problem-ru.png'), fullPage: true });
  // an expired passport passed by a hurried key: the checks that fail are named in Russian
  await mrz.fill('');
  await mrz.focus();
  await page.keyboard.type(passportMrz({ surname: 'MILLER', given: 'ANNA', number: 'X7654321', nationality: 'GBR', dob: '800101', sex: 'F', expiry: '240101' }).join('\n'), { delay: 0 });
  await page.locator('p.suggested').waitFor();
  await page.keyboard.press('1');
  await page.getByRole('alert').getByText(/^Проверки не пройдены \(Срок действия документа\)/).waitFor();
  // and refused as the checks suggest (the control line of the next test counts who is still at control)
  await page.keyboard.press('2');
  await page.getByRole('form', { name: 'Отказать' }).getByRole('button', { name: /Подтвердить/ }).click();
  await page.getByText('Отказано.').waitFor();
  await context.close();
});

test('the booth console processes a clean traveller, a refused one and a hit by keyboard alone', async () => {
  const { context, page, mrz } = await openBooth('English', 'Booth console');
  const scan = async (lines: string[]) => {
    await mrz.focus();
    await page.keyboard.type(lines.join('\n'), { delay: 0 });
  };

  // 1. a clean traveller: scan, 1 (pass), Esc (next)
  await scan(passportMrz({ surname: 'NURLANOV', given: 'ASKAR', number: 'N11223344', nationality: 'KAZ', dob: '850314', sex: 'M', expiry: '310101' }));
  await page.getByText('Every check digit agrees').waitFor();
  await page.locator('p.suggested', { hasText: 'Pass' }).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'booth-clean-en.png'), fullPage: true });
  await page.keyboard.press('1');
  await page.getByText('Passed. Passage completes').waitFor();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'mrz');

  // 2. an expired foreign passport: 2 (refuse) with the suggested reason, the return state, Enter
  await scan(passportMrz({ surname: 'SMITH', given: 'JOHN', number: 'X1234567', nationality: 'GBR', dob: '700505', sex: 'M', expiry: '240101' }));
  await page.getByText('Expired on 2024-01-01').waitFor();
  await page.keyboard.press('2');
  const form = page.getByRole('form', { name: 'Refuse' });
  await form.waitFor();
  assert.equal(await form.locator('input[value=DOCUMENT_EXPIRED]').isChecked(), true);
  assert.equal(await form.locator('input[name=returnTo]').inputValue(), 'KGZ'); // Korday borders Kyrgyzstan
  await page.screenshot({ path: path.join(RESULTS, 'booth-refuse-en.png'), fullPage: true });
  await page.waitForFunction(() => document.activeElement?.textContent?.includes('Confirm'));
  await page.keyboard.press('Enter');
  await page.getByText('Refused.').waitFor();
  const noticeHref = await page.locator('.notice-links a', { hasText: 'KK' }).getAttribute('href');
  await page.keyboard.press('Escape');

  // 3. a wanted person on exit: 4 (detain), the grounds, Enter
  await page.locator('select[name=lane]').selectOption({ label: 'R-OUT-1 · road · exit' });
  await scan(passportMrz({ surname: 'BELOUSOVA', given: 'KSENIIA', number: 'N12121212', nationality: 'KAZ', dob: '870921', sex: 'F', expiry: '300101' }));
  await page.locator('.hits li', { hasText: 'DEMO-MIA-WANTED' }).waitFor();
  await page.locator('p.suggested', { hasText: 'Detain' }).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'booth-hit-en.png'), fullPage: true });
  await page.keyboard.press('4');
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'note');
  await page.keyboard.type('Wanted by the MIA; handed to the duty officer');
  await page.keyboard.press('Enter');
  await page.getByText('Detained: the detention record is open.').waitFor();

  // 4. a document without a readable MRZ, typed by hand
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Type the document by hand' }).click();
  const manual = page.getByRole('form', { name: 'Type the document by hand' });
  await manual.locator('[name=surname]').fill('Омаров');
  await manual.locator('[name=givenNames]').fill('Бекзат');
  await manual.locator('[name=number]').fill('N31313199');
  await manual.locator('[name=issuingState]').fill('KAZ');
  await manual.locator('[name=expiry]').fill('2030-01-01');
  await manual.locator('[name=expiry]').press('Enter');
  await page.getByText('No MRZ: the document was typed by hand').waitFor();
  await page.keyboard.press('1');
  await page.getByText('Passed. Passage completes').waitFor();

  // the refusal notice prints in Kazakh
  const notice = await context.newPage();
  await notice.goto(env.baseUrl + noticeHref);
  await notice.getByText('Мемлекеттік шекара арқылы өткізуден бас тарту туралы хабарлама').waitFor();
  await notice.screenshot({ path: path.join(RESULTS, 'refusal-notice-kk.png'), fullPage: true });
  // the first traveller leaves the checkpoint: only now is passage complete (Art. 19(9))
  await page.goto(`${env.baseUrl}/checkpoints/${seedId('checkpoint', 'KORDAY')}`);
  const queue = page.getByRole('region', { name: 'Live queue' });
  const first = queue.locator('tr', { hasText: 'NURLANOV' });
  await first.getByText('Pass: not yet out of the checkpoint').waitFor();
  await queue.locator('tr', { hasText: 'SMITH' }).getByText('Refuse: not yet out of the checkpoint').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'live-queue-en.png'), fullPage: true });
  await first.getByRole('button', { name: 'Left the checkpoint' }).click();
  await first.waitFor({ state: 'detached' });
  await context.close();

  // the unit head sees the control line of Korday: the three travellers on their lanes
  const head = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const headPage = await head.newPage();
  await headPage.goto(env.baseUrl);
  await signInAs(headPage, 'demo.head.korday', 'Shekara-Demo-2026');
  await headPage.getByRole('navigation').waitFor();
  await chooseLanguage(headPage, 'English');
  await headPage.goto(`${env.baseUrl}/checkpoints/${seedId('checkpoint', 'KORDAY')}`);
  const panel = headPage.getByRole('region', { name: 'Control line: the last hour' });
  await panel.locator('td', { hasText: 'R-OUT-1' }).waitFor();
  await panel.getByText(/Now: 0 at control/).waitFor();
  // the head sees the queue too, without the exit button (recording is the officers')
  const headQueue = headPage.getByRole('region', { name: 'Live queue' });
  await headQueue.locator('tr', { hasText: 'SMITH' }).waitFor();
  assert.equal(await headQueue.getByRole('button', { name: 'Left the checkpoint' }).count(), 0);
  await headPage.screenshot({ path: path.join(RESULTS, 'control-line-en.png'), fullPage: true });
  await head.close();
});
