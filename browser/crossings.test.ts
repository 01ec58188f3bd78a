// The crossings journal in Debian's Chromium: a crossing found again by the surname's beginning, its
// record and history opened, its misread surname corrected (screened again: the hit the misreading hid);
// a unit head sees the journal and the history, and is not offered the correction.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { chooseLanguage, RESULTS, scanAtBooth, signedIn, useBrowserWorld } from './helpers.ts';
import { passportMrz } from '../test/helpers.ts';

const env = useBrowserWorld();

test('a booth officer finds a passed traveller in the journal, corrects the misread surname, and sees the hit and the history', async () => {
  const page = await signedIn(env, 'demo.booth.korday', 'English');
  // at the booth: the scanner misread the surname; the traveller is passed
  await scanAtBooth(page, passportMrz({ surname: 'BOLOTOVA', given: 'KSENIIA', number: 'N24242424', nationality: 'KAZ', dob: '870921', sex: 'F', expiry: '300101' }));
  await page.locator('p.suggested', { hasText: 'Pass' }).waitFor();
  await page.keyboard.press('1');
  await page.getByText('Passed. Passage completes').waitFor();

  // the journal: found by the surname's beginning, in lower case
  await page.getByRole('navigation').getByRole('link', { name: 'Crossings journal' }).click();
  await page.locator('input[name=q]').fill('bolot');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'BOLOTOVA KSENIIA' }).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'crossings-journal-en.png'), fullPage: true });
  await page.getByRole('link', { name: 'BOLOTOVA KSENIIA' }).click();
  const history = page.getByRole('region', { name: 'History: every version' });
  await history.getByText('v2 · Decided: Pass').waitFor();
  assert.equal(await page.locator('.hits li').count(), 0);

  // the correction: a reason is required; only the surname changes
  const form = page.getByRole('form', { name: 'Correct the record' });
  await form.locator('input[name=surname]').fill('BELOUSOVA');
  await form.locator('textarea[name=reason]').fill('Surname misread by the scanner: checked against the data page');
  await form.getByRole('button', { name: 'Save the correction' }).click();
  await form.getByRole('status').filter({ hasText: 'Corrected: version 3.' }).waitFor();
  await form.getByText('Screened again: a watchlist hit').waitFor();
  await page.locator('.hits li strong', { hasText: 'Белоусова Ксения Игоревна' }).waitFor();
  const v3 = history.locator('li', { hasText: 'v3 · Corrected' });
  await v3.getByText('Surname misread by the scanner').waitFor();
  assert.equal(await v3.locator('tr', { hasText: 'Surname' }).locator('del').textContent(), 'BOLOTOVA');
  assert.equal(await v3.locator('tr', { hasText: 'Surname' }).locator('ins').textContent(), 'BELOUSOVA');
  await v3.locator('tr', { hasText: 'Watchlist hits' }).locator('ins', { hasText: 'DEMO-MIA-WANTED' }).waitFor();
  // the decision taken stays as it was taken
  await page.getByRole('region', { name: 'Decision' }).getByText('Decided: Pass').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'crossing-corrected-en.png'), fullPage: true });

  // in Russian, the same record
  await chooseLanguage(page, 'Русский');
  await page.getByRole('region', { name: 'История: все версии' }).getByText('v3 · Исправлено').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'crossing-history-ru.png'), fullPage: true });
  await page.context().close();
});

test('a unit head reads the journal and a crossing\'s history, and is not offered the correction', async () => {
  const page = await signedIn(env, 'demo.head.korday', 'Қазақша');
  await page.getByRole('navigation').getByRole('link', { name: 'Шекарадан өту журналы' }).click();
  // the period's days as the browser's calendar has them: up to yesterday, none; up to today (the whole day), found
  const day = (offset: number) => page.evaluate((o) => { const d = new Date(); d.setDate(d.getDate() + o); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; }, offset);
  await page.locator('input[name=q]').fill('N24242424');
  await page.locator('input[name=to]').fill(await day(-1));
  await page.locator('form[role=search] button[type=submit]').click();
  await page.getByText('Шекарадан өту табылмады.').waitFor();
  await page.locator('input[name=from]').fill(await day(0));
  await page.locator('input[name=to]').fill(await day(0));
  await page.locator('form[role=search] button[type=submit]').click();
  await page.getByRole('link', { name: 'BELOUSOVA KSENIIA' }).click();
  await page.getByRole('region', { name: 'Тарих: барлық нұсқалар' }).getByText('v3 · Түзетілді').waitFor();
  assert.equal(await page.getByRole('form', { name: 'Жазбаны түзету' }).count(), 0);
  await page.screenshot({ path: path.join(RESULTS, 'crossings-journal-kk.png'), fullPage: true });
  await page.context().close();
});

test('a traveller referred to secondary inspection at the booth: the inspecting officer opens the crossing from the live queue and records its outcome with the findings', async () => {
  const page = await signedIn(env, 'demo.booth.korday', 'English');
  await scanAtBooth(page, passportMrz({ surname: 'SADYKOV', given: 'TIMUR', number: 'N57575757', nationality: 'KAZ', dob: '860606', sex: 'M', expiry: '310101' }));
  await page.locator('p.suggested', { hasText: 'Pass' }).waitFor();
  await page.keyboard.press('3');
  await page.locator('input[name=note]').fill('Photo does not match the holder');
  await page.keyboard.press('Enter');
  await page.getByText('Secondary inspection: record its outcome with the findings.').waitFor();

  // at the checkpoint's page, the live queue: the traveller in secondary inspection, opened
  await page.getByRole('navigation').getByRole('link', { name: 'Checkpoints' }).click();
  await page.getByRole('link', { name: 'Korday' }).first().click();
  await page.getByRole('region', { name: 'Live queue' }).getByRole('link', { name: 'SADYKOV TIMUR' }).click();
  const outcome = page.getByRole('region', { name: 'Secondary inspection: its outcome' });
  // findings are required: said at the field
  await outcome.getByRole('button', { name: 'Pass' }).click();
  await outcome.getByRole('button', { name: /Confirm/ }).click();
  await outcome.locator('.field-error').first().waitFor();
  await outcome.locator('input[name=note]').fill('Identity confirmed by the second document and the database photo');
  await outcome.getByRole('button', { name: /Confirm/ }).click();
  await page.getByRole('region', { name: 'Decision' }).getByText('Decided: Pass').waitFor();
  await page.getByRole('region', { name: 'History: every version' }).getByText('Secondary inspection concluded: Pass').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Secondary inspection: its outcome' }).count(), 0);
  const inspection = await env.world.deps.db.selectFrom('secondaryInspection').innerJoin('crossing', 'crossing.id', 'secondaryInspection.crossingId')
    .select(['secondaryInspection.outcome', 'secondaryInspection.findings', 'secondaryInspection.closedAt']).where('crossing.documentNumber', '=', 'N57575757').executeTakeFirstOrThrow();
  assert.equal(inspection.outcome, 'pass');
  assert.match(inspection.findings ?? '', /Identity confirmed/);
  assert.ok(inspection.closedAt);
  await page.screenshot({ path: path.join(RESULTS, 'secondary-outcome-en.png'), fullPage: true });
  await page.context().close();
});

test('the journal goes back a page at a time, and back from a crossing returns to the same page', async () => {
  // 130 crossings of one family name at Korday over the last hours, straight into the table
  const { db } = env.world.deps;
  await sql`
    insert into crossing (id, checkpoint_id, unit_id, agency_id, direction, transport_mode, traveller_category, surname, given_names, nationality,
      document_code, document_number, issuing_state, checks, status, decision, arrived_at, decided_at, officer_user_id, decided_by, created_at, updated_at)
    select gen_random_uuid(), c.id, c.unit_id, u.agency_id, 'entry', 'road', 'foreigner', 'JOURNALOV', 'NO' || g, 'UZB', 'P', 'J' || lpad(g::text, 8, '0'), 'UZB', '[]', 'decided', 'pass',
      now() - g * interval '1 minute', now() - g * interval '1 minute', o.id, o.id, now(), now()
    from generate_series(1, 130) g, checkpoint c join unit u on u.id = c.unit_id, app_user o
    where c.code = 'KORDAY' and o.username = 'demo.booth.korday'`.execute(db);
  const page = await signedIn(env, 'demo.head.korday', 'Русский');
  await page.getByRole('navigation').getByRole('link', { name: 'Журнал пересечений' }).click();
  await page.locator('input[name=q]').fill('journalov');
  await page.locator('form[role=search] button[type=submit]').click();
  const rows = page.locator('table.crossings tbody tr');
  await page.getByRole('link', { name: 'JOURNALOV NO1', exact: true }).waitFor();
  assert.equal(await rows.count(), 100);
  assert.equal(await page.getByRole('button', { name: /Последние/ }).count(), 0);
  await page.getByRole('button', { name: 'Следующие 100, более ранние →' }).click();
  await page.getByRole('link', { name: 'JOURNALOV NO101', exact: true }).waitFor();
  assert.equal(await rows.count(), 30);
  assert.equal(await page.getByRole('button', { name: /Следующие/ }).count(), 0);
  await page.screenshot({ path: path.join(RESULTS, 'crossings-journal-older-ru.png'), fullPage: true });
  // a crossing of the second page opened, then back: the second page again
  await page.getByRole('link', { name: 'JOURNALOV NO130', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /JOURNALOV NO130/ }).waitFor();
  await page.goBack();
  await page.getByRole('link', { name: 'JOURNALOV NO101', exact: true }).waitFor();
  assert.equal(await rows.count(), 30);
  await page.getByRole('button', { name: '← Последние' }).click();
  await page.getByRole('link', { name: 'JOURNALOV NO1', exact: true }).waitFor();
  assert.equal(await rows.count(), 100);
  await page.context().close();
});

test('the purpose the traveller states after the scan is chosen by keyboard (P, then its first letter) and recorded with the decision', async () => {
  const page = await signedIn(env, 'demo.booth.korday', 'English');
  await scanAtBooth(page, passportMrz({ surname: 'MAQSADOVA', given: 'DILNOZA', number: 'N31313131', nationality: 'KAZ', dob: '910303', sex: 'F', expiry: '310101' }));
  await page.locator('p.suggested', { hasText: 'Pass' }).waitFor();
  // asked at control: P takes the officer to the purpose, a letter chooses it, 1 passes with it
  await page.keyboard.press('p');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'purpose');
  await page.keyboard.press('b');
  assert.equal(await page.locator('select[name=purpose]').inputValue(), 'business');
  await page.keyboard.press('1');
  await page.getByText('Passed. Passage completes').waitFor();
  await page.locator('.result .travel', { hasText: 'Purpose of travel: Business' }).waitFor();
  assert.ok(await page.locator('select[name=purpose]').isDisabled());
  await page.screenshot({ path: path.join(RESULTS, 'booth-purpose-at-control-en.png'), fullPage: true });
  // the next traveller: asked afresh
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('select[name=purpose]').inputValue(), '');
  await page.context().close();
});

test('the shift overview: a traveller left at control counts at once on the head\'s first page, and the count opens the journal of those at control', async () => {
  const booth = await signedIn(env, 'demo.booth.korday', 'English');
  await scanAtBooth(booth, passportMrz({ surname: 'TOLEUOVA', given: 'AIGERIM', number: 'N31313131', nationality: 'KAZ', dob: '910303', sex: 'F', expiry: '300101' }));
  await booth.locator('p.suggested', { hasText: 'Pass' }).waitFor(); // registered at control, not yet decided
  const { db } = env.world.deps;
  const count = async (status: 'in_control' | 'decided') => Number((await db.selectFrom('crossing').innerJoin('checkpoint', 'checkpoint.id', 'crossing.checkpointId')
    .select((eb) => eb.fn.countAll<string>().as('n')).where('checkpoint.code', '=', 'KORDAY').where('crossing.status', '=', status)
    .$if(status === 'decided', (q) => q.where('crossing.decision', '=', 'pass')).executeTakeFirstOrThrow()).n);
  const atControl = await count('in_control');
  assert.ok(atControl >= 1);

  const page = await signedIn(env, 'demo.head.korday', 'Русский');
  const korday = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Кордай', exact: true }) });
  await korday.getByRole('link', { name: `На контроле: ${atControl}` }).waitFor();
  // the quiet checkpoints of the department are named below the table, not given rows of noughts
  await page.locator('p.quiet').getByRole('link', { name: 'Ак-Жол' }).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'overview-head-ru.png'), fullPage: true });
  await korday.getByRole('link', { name: `На контроле: ${atControl}` }).click();
  await page.getByRole('link', { name: 'TOLEUOVA AIGERIM' }).waitFor();
  assert.match(page.url(), /status=in_control/);
  assert.equal(await page.locator('table.data tbody tr').count(), atControl);

  // decided at the booth: the head's overview follows at once on return to it (and every half minute meanwhile)
  await booth.keyboard.press('1');
  await booth.getByText('Passed. Passage completes').waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Обзор' }).click();
  await korday.getByRole('link', { name: `Пропущены, ещё не покинули пункт: ${await count('decided')}` }).waitFor();
  await booth.context().close();
  await page.context().close();
});
