// The overstay list in Debian's Chromium: a migration-police officer finds the foreigners over their
// permitted stay, narrows the list by nationality, and opens one traveller's stays from it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { RESULTS, signedIn, useBrowserWorld } from './helpers.ts';

const env = useBrowserWorld();

test('a migration-police officer sees who is over the permitted stay, by nationality, and one traveller\'s stays', async () => {
  // a German who entered at Korday 40 days ago and has not left (30 days a stay in the demo rules)
  const { db } = env.world.deps;
  await sql`
    insert into crossing (id, checkpoint_id, unit_id, agency_id, direction, transport_mode, traveller_category, surname, given_names, nationality,
      document_code, document_number, issuing_state, checks, status, decision, arrived_at, decided_at, left_at, officer_user_id, decided_by, created_at, updated_at)
    select gen_random_uuid(), c.id, c.unit_id, u.agency_id, 'entry', 'road', 'foreigner', 'SCHMIDT', 'ANNA', 'DEU', 'P', 'C77Y00Z11', 'DEU', '[]', 'completed', 'pass',
      now() - interval '40 days', now() - interval '40 days', now() - interval '40 days', o.id, o.id, now(), now()
    from checkpoint c join unit u on u.id = c.unit_id, app_user o where c.code = 'KORDAY' and o.username = 'demo.booth.korday'`.execute(db);
  // and the stay it opened, as the decision that passed it would have kept it
  await sql`insert into open_stay (issuing_state, document_number, entry_crossing_id, entered_at, surname, given_names, nationality)
    select issuing_state, document_number, id, decided_at, surname, given_names, nationality from crossing where document_number = 'C77Y00Z11'`.execute(db);

  const page = await signedIn(env, 'demo.migration.korday', 'Русский');
  await page.getByRole('navigation').getByRole('link', { name: 'Пребывание иностранцев' }).click();
  const row = page.locator('tbody tr', { hasText: 'SCHMIDT ANNA' });
  await row.waitFor();
  assert.match(await row.innerText(), /41 \(41\)\s+11\s+Безвизовый режим: 30 дней за одно пребывание/);
  await page.getByText('Превысивших срок пребывания: 1').waitFor();
  // another nationality: nobody; Germany: she is
  const filters = page.getByRole('search', { name: 'Превысили разрешённый срок пребывания' });
  await filters.locator('input[name=nationality]').fill('chn');
  await filters.getByRole('button', { name: 'Поиск' }).click();
  await page.getByText('Превысивших разрешённый срок нет.').waitFor();
  await filters.locator('input[name=nationality]').fill('deu');
  await filters.getByRole('button', { name: 'Поиск' }).click();
  await row.waitFor();
  // her stays, opened from the list
  await row.getByRole('button', { name: 'SCHMIDT ANNA' }).click();
  await page.getByText('срок превышен на 11 дн.').waitFor();
  await page.getByText('В стране: 41-й день пребывания').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'stays-overstays-ru.png'), fullPage: true });
  // the list as filtered, for a spreadsheet
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Выгрузить CSV' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  assert.match(download.suggestedFilename(), /^overstays-\d{4}-\d\d-\d\d\.csv$/);
  assert.equal(csv.trim().split('\r\n').length, 2);
  assert.match(csv, /\r\nSCHMIDT,ANNA,,DEU,DEU,C77Y00Z11,.*,KORDAY,/);
  await page.context().close();
});
