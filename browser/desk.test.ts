// Two duty desks of different agencies in Debian's Chromium: the Border Service reports urgent
// information on an illegal migrant, the police see it arrive live and acknowledge it, the Border
// Service confirms it in writing, the police escalate it; in Russian and Kazakh.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { RESULTS, signedIn, useBrowserWorld } from './helpers.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from '../test/helpers.ts';

const env = useBrowserWorld();

const desk = (username: string, lang: 'Русский' | 'Қазақша' | 'English', password = DEMO_PASSWORD) => signedIn(env, username, lang, password);

test('an urgent report on an illegal migrant: sent, seen live and acknowledged by the police, confirmed in writing, escalated', async () => {
  const bs = await desk('demo.duty.bs', 'Русский');
  await bs.getByRole('navigation').getByRole('link', { name: 'Дежурная часть' }).click();
  await bs.getByRole('tab', { name: 'Сообщить' }).click();
  const form = bs.getByRole('form', { name: 'Сообщить информацию' });
  await form.locator('select[name=subject]').selectOption('illegal_migrants');
  await form.locator('input[name=toldBy]').fill('майор Қасымов');
  await form.locator('input[name=toldTo]').fill('майор Мұқанов');
  await form.locator('textarea[name=summary]').fill('Задержана группа из четырёх граждан Узбекистана с поддельными штампами');
  // the police must see it live: their desk is open before the report goes
  const mia = await desk('demo.duty.mia', 'Русский');
  await mia.getByRole('navigation').getByRole('link', { name: 'Дежурная часть' }).click();
  await mia.getByRole('heading', { name: 'Уведомления' }).waitFor();

  // sending without the migrant record names what is missing
  await form.getByRole('button', { name: 'Отправить' }).click();
  await form.getByText(/migrant/).first().waitFor();
  for (const [field, value] of [['surname', 'Rahimov'], ['citizenship', 'UZB'], ['stateOfDeparture', 'UZB'], ['stateOfDestination', 'RUS'], ['route', 'Ташкент – Шымкент – Кордай'], ['declaredPurpose', 'работа'], ['visaMeans', 'приглашение через агентство'], ['methods', 'поддельный штамп о въезде'], ['measuresTaken', 'задержаны, переданы миграционной полиции']]) {
    await form.locator(`input[name="migrant.${field}"]`).fill(value!);
  }
  await form.locator('select[name="migrant.checkpointId"]').selectOption({ label: 'Кордай' });
  await form.locator('select[name="migrant.travelMode"]').selectOption('group');
  await form.locator('input[name="migrant.groupSize"]').fill('4');
  await form.getByRole('button', { name: 'Отправить' }).click();
  const sent = bs.getByRole('region', { name: 'Сообщение' });
  await sent.getByText('Государство назначения').waitFor();
  await sent.getByText('Письменное подтверждение срочной информации').first().waitFor();
  await bs.screenshot({ path: path.join(RESULTS, 'desk-urgent-sent-ru.png'), fullPage: true });

  // the police desk: the notification arrives by itself (server-sent events)
  await mia.getByText('Новое сообщение').first().waitFor({ timeout: 15_000 });
  await mia.getByRole('region', { name: 'Уведомления' }).getByRole('button', { name: 'Открыть' }).first().click();
  const received = mia.getByRole('region', { name: 'Сообщение' });
  await received.getByText('Задержана группа').waitFor();
  await received.getByRole('button', { name: 'Подтвердить получение' }).click();
  await received.getByText(/Получение подтверждено/).first().waitFor();
  await mia.screenshot({ path: path.join(RESULTS, 'desk-urgent-acknowledged-ru.png'), fullPage: true });

  // the Border Service confirms in writing, in Kazakh
  await bs.getByRole('button', { name: 'Қазақша' }).click();
  const sentKk = bs.getByRole('region', { name: 'Хабар' });
  await sentKk.getByRole('textbox', { name: 'Жазбаша растау (нөмірі мен мәтіні)' }).fill('№ 12/345: төрт Өзбекстан азаматы ұсталды');
  await sentKk.getByRole('button', { name: 'Жазбаша растау', exact: true }).click();
  await sentKk.getByText(/Жазбаша расталған уақыты/).waitFor();
  assert.ok(await sentKk.getByText('Мерзімінде').first().isVisible());
  await bs.screenshot({ path: path.join(RESULTS, 'desk-urgent-confirmed-kk.png'), fullPage: true });

  // the police escalate it to their headquarters
  await received.locator('input[name=escalateNote]').fill('Требуется решение на уровне департамента');
  await received.getByRole('button', { name: 'Доложить вышестоящему уровню' }).click();
  await received.getByText(/эскалация/).waitFor();
  // the inbox shows it confirmed
  await mia.getByRole('tab', { name: 'Входящие' }).click();
  await mia.getByText('Подтверждено письменно').first().waitFor({ timeout: 10_000 });
  await mia.screenshot({ path: path.join(RESULTS, 'desk-inbox-ru.png'), fullPage: true });
});

test('a unit head sends the desk\'s alarms to an e-mail address as well', async () => {
  const head = await desk('demo.head.customs', 'Қазақша');
  await head.getByRole('navigation').getByRole('link', { name: 'Кезекші бөлім' }).click();
  await head.getByRole('tab', { name: 'Арналар' }).click();
  const panel = head.getByRole('region', { name: 'Кезекші бөлім хабарламалары қосымша қайда жіберіледі' });
  await panel.locator('input[name=target]').fill('not-an-address');
  await panel.getByRole('button', { name: 'Арнаны қосу' }).click();
  await panel.locator('.field-error', { hasText: 'электрондық пошта мекенжайы болуы керек' }).waitFor(); // the rule, in Kazakh
  await panel.locator('input[name=target]').fill('duty@korday-customs.example');
  await panel.locator('select[name=minSeverity]').selectOption('alarm');
  await panel.getByRole('button', { name: 'Арнаны қосу' }).click();
  await panel.getByText('duty@korday-customs.example').waitFor();
  await head.screenshot({ path: path.join(RESULTS, 'desk-channels-kk.png'), fullPage: true });
});

test('an administrator enters a successor of the exchange rule pack from tomorrow; a bad value is named', async () => {
  const admin = await desk('admin', 'English', ADMIN_PASSWORD);
  await admin.getByRole('navigation').getByRole('link', { name: 'Legal register' }).click();
  await admin.getByRole('button', { name: 'Enter a successor' }).click();
  const form = admin.getByRole('form', { name: 'Enter a successor' });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await form.locator('input[name=effectiveFrom]').fill(tomorrow);
  await form.locator('input[name=titleEn]').fill('Exchange deadlines under the 2027 joint order (test)');
  const content = form.locator('textarea[name=content]');
  const json = JSON.parse(await content.inputValue());
  await content.fill(JSON.stringify({ ...json, urgent: { ...json.urgent, confirmWithinMinutes: -5 } }, null, 2));
  await form.getByRole('button', { name: 'Enter the pack' }).click();
  await form.getByText(/content\.urgent\.confirmWithinMinutes/).waitFor();
  await content.fill(JSON.stringify({ ...json, urgent: { ...json.urgent, confirmWithinMinutes: 90 } }, null, 2));
  await form.getByRole('button', { name: 'Enter the pack' }).click();
  await admin.getByRole('cell', { name: `${tomorrow} — …` }).waitFor();
  await admin.getByRole('heading', { name: 'Rule packs in force and their periods' }).scrollIntoViewIfNeeded();
  await admin.screenshot({ path: path.join(RESULTS, 'rule-pack-successor-en.png'), fullPage: false });
  const packs = await env.world.deps.db.selectFrom('rulePack').select(['effectiveFrom', 'effectiveTo', 'content']).where('code', '=', 'EXCHANGE-DEADLINES').orderBy('effectiveFrom').execute();
  assert.equal(packs.length, 3);
  assert.equal(String(packs[1]!.effectiveTo), tomorrow);
  assert.equal((packs[2]!.content as { urgent: { confirmWithinMinutes: number } }).urgent.confirmWithinMinutes, 90);
});
