// A hand-over between agencies in Debian's Chromium: the Border Service hands a detained person and the
// items found over to the migration police (Russian), who accept with a discrepancy and see the chain of
// custody (Kazakh); the act prints as a PDF with the chain, rendered to an image and read back.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { RESULTS, renderPdf, signedIn, useBrowserWorld } from './helpers.ts';

const env = useBrowserWorld();

const open = (username: string, lang: 'Русский' | 'Қазақша') => signedIn(env, username, lang);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, name), fullPage: true });
// a 1 × 1 PNG, as a camera would send a (much larger) picture
const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test('a detained person and the items found handed over to the migration police, accepted with a discrepancy; the chain of custody shown and the act printed', async () => {
  const bs = await open('demo.head.korday', 'Русский');
  // the patrol's detention, recorded in the page with the photo and what was found
  await bs.goto(`${env.baseUrl}/cases`);
  await bs.getByRole('heading', { name: 'Дела на границе: хранение и передача' }).waitFor();
  await bs.getByRole('tab', { name: 'Оформить задержание' }).click();
  const record = bs.getByRole('form', { name: 'Оформить задержание' });
  await record.getByLabel('Категория').selectOption({ label: 'незаконный мигрант' });
  await record.getByLabel('Фамилия').fill('Рахимов');
  await record.getByLabel('Имя, отчество').fill('Азиз');
  await record.getByLabel('Гражданство (код ISO)').fill('UZB');
  await record.getByLabel('Фотография').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(PHOTO, 'base64') });
  await record.getByRole('img', { name: 'Фотография' }).waitFor();
  await record.getByLabel('Место').fill('Участок 12, 3 км восточнее Кордая');
  await record.getByLabel('Основания').fill('Пересёк границу вне пункта пропуска (ст. 30 п. 1)');
  for (const [i, [kind, description, quantity, measure, seal]] of [['Наличные деньги', 'Доллары США', '5000', 'USD', 'ПС-0017'], ['Документы', 'Паспорта других лиц', '2', 'шт.', '']].entries()) {
    await record.getByRole('button', { name: 'Добавить предмет' }).click();
    const row = record.locator('.row').filter({ has: bs.getByLabel('Единица измерения') }).nth(i);
    await row.getByLabel('Предмет').selectOption({ label: kind! });
    await row.getByLabel('Описание').fill(description!);
    await row.getByLabel('Количество').fill(quantity!);
    await row.getByLabel('Единица измерения').fill(measure!);
    if (seal) await row.getByLabel('№ пломбы').fill(seal);
  }
  await shot(bs, 'cases-0-detention-form-ru.png');
  await record.getByRole('button', { name: 'Сохранить задержание' }).click();
  await bs.getByRole('article', { name: 'Задержание' }).getByRole('img', { name: 'Фотография' }).waitFor();
  const form = bs.getByRole('form', { name: 'Передать другому ведомству' });
  await form.getByLabel('Ведомство-получатель').selectOption({ label: 'Министерство внутренних дел Республики Казахстан' });
  await form.getByLabel('Принимающее подразделение').selectOption({ label: 'Пост миграционного контроля «Кордай»' });
  await form.getByLabel('Основание').fill('п. 9(6) Инструкции 2002 г.: незаконный мигрант для административного производства');
  await form.getByLabel('Передающее должностное лицо').fill('подполковник Оспанов Е. К.');
  await form.getByLabel('Прилагаемые документы (через ;)').fill('Протокол АП-17; Рапорт');
  await form.getByLabel(/Доллары США/).check();
  await form.getByLabel(/Паспорта других лиц/).check();
  await form.getByRole('button', { name: 'Направить акт' }).click();
  const act = bs.getByRole('article', { name: 'Акт приёма-передачи' });
  await act.getByText('ожидает приёма').waitFor();
  await shot(bs, 'cases-1-act-sent-ru.png');

  // the migration police accept it, noting that less cash was in the bag (Kazakh)
  const mig = await open('demo.migration.korday', 'Қазақша');
  await mig.goto(`${env.baseUrl}/cases`);
  await mig.getByRole('region', { name: 'Сақтау тақтасы' }).getByRole('button', { name: 'Ашу' }).first().click();
  const incoming = mig.getByRole('article', { name: 'Қабылдау-тапсыру актісі' });
  await incoming.getByLabel('Қабылданған саны, жол 2').fill('4900');
  await incoming.getByLabel('Сәйкессіздік, жол 2').fill('Пломбаланған қапта 4 900 USD болды');
  await incoming.getByLabel('Қабылдаушы лауазымды адам').fill('полиция капитаны Иванов Д. С.');
  await incoming.getByRole('button', { name: 'Қабылдау', exact: true }).click();
  await incoming.getByText('сәйкессіздіктермен қабылданды').waitFor();
  await incoming.getByRole('row', { name: /Доллары США/ }).getByRole('button', { name: 'Сақтау тізбегі' }).click();
  const chain = mig.getByRole('article', { name: 'Сақтау тізбегі' });
  await chain.getByText('сәйкессіздікпен қабылданды').waitFor();
  await chain.getByText('«Қордай» көші-қон бақылау бекеті', { exact: false }).first().waitFor();
  await shot(mig, 'cases-2-accepted-chain-kk.png');

  // the act printed in Russian with the chain of custody
  const actId = await mig.evaluate(async () => ((await (await fetch('/api/v1/custody-board')).json()) as { held: Array<{ id: string }> }).held[0]!.id);
  const number = await mig.evaluate(async (itemId) => ((await (await fetch(`/api/v1/custody-items/${itemId}/chain`)).json()) as { events: Array<{ actId: string | null }> }).events.find((e) => e.actId)!.actId, actId);
  const pdf = await mig.request.get(`${env.baseUrl}/api/v1/handover-acts/${number}/act.pdf?lang=ru`);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const bytes = Buffer.from(await pdf.body());
  fs.writeFileSync(path.join(RESULTS, 'cases-act-ru.pdf'), bytes);
  const text = (await renderPdf(env.browser, bytes, path.join(RESULTS, 'cases-act-ru.png'))).join(' ');
  for (const expected of ['Акт приёма-передачи', 'принято с расхождениями', 'Доллары США', '4900', 'Цепочка хранения', 'изъято', 'принято с расхождением', 'подполковник Оспанов Е. К.']) {
    assert.ok(text.includes(expected), `the act shows "${expected}"`);
  }
});
