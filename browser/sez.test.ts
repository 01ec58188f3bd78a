// SEZ passage in Debian's Chromium, each party in its own browser and language: the police body drafts a
// list (Kazakh), its head signs it (Russian), the NSC district division agrees and forwards it (Kazakh),
// the Border Service unit registers it (Russian), and the checkpoint admits a listed officer and refuses
// one who is not on it (Kazakh). The Appendix form is printed as PDF and looked at as an image.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { RESULTS, renderPdf, signedIn, useBrowserWorld } from './helpers.ts';

const env = useBrowserWorld();

async function open(username: string, lang: 'Русский' | 'Қазақша'): Promise<Page> {
  const page = await signedIn(env, username, lang);
  await page.goto(`${env.baseUrl}/sez`);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, name), fullPage: true });

test('a monthly list drafted, signed, agreed, forwarded and received; a listed officer admitted and one not on it refused; the form printed', async () => {
  const month = new Date().toISOString().slice(0, 7);

  // the police body drafts the list for this month (Kazakh)
  const police = await open('demo.police.panfilov', 'Қазақша');
  await police.getByRole('heading', { name: 'Арнайы экономикалық аймақ: полиция қызметкерлерін өткізу' }).waitFor();
  await police.getByRole('button', { name: 'Жаңа тізім' }).click();
  const form = police.getByRole('form', { name: 'Жаңа тізім' });
  await form.locator('input[type=month]').fill(month);
  await form.getByLabel('Қаруды алып өтуге рұқсат №').fill('Р-11/2026');
  const officers = [['Серіков', 'Нұрлан', 'Асқарұлы', 'МВД-700001', 'ПМ 7001'], ['Әлиев', 'Дәурен', '', 'МВД-700002', '']];
  for (const [i, o] of officers.entries()) {
    if (i > 0) await form.getByRole('button', { name: 'Қызметкер қосу' }).click();
    for (const [k, v] of [['Тегі', o[0]], ['Аты', o[1]], ['Әкесінің аты', o[2]], ['Куәлік', o[3]], ['Қару', o[4]]] as const) if (v) await form.getByLabel(`${k}, жол ${i + 1}`, { exact: true }).fill(v);
  }
  await form.getByRole('button', { name: 'Көлік қосу' }).click();
  await form.getByLabel('Мемлекеттік нөмірі').fill('123 ABC 05');
  await form.getByLabel('Түрі', { exact: true }).last().fill('патрульдік автокөлік');
  await form.getByRole('button', { name: 'Жобаны сақтау' }).click();
  const detail = police.getByRole('article', { name: 'Тізім' });
  await detail.getByText('Әлі қол қойылмаған.').waitFor();
  await shot(police, 'sez-1-draft-kk.png');

  // the head signs (Russian)
  const head = await open('demo.head.panfilov', 'Русский');
  await head.getByRole('button', { name: 'Открыть' }).first().click();
  await head.getByRole('button', { name: 'Подписать' }).click();
  await head.getByRole('article', { name: 'Список' }).getByText('Начальник районного отдела полиции Б. Е. Тоқтаров').waitFor();

  // the NSC district division agrees and forwards (Kazakh)
  const nsc = await open('demo.nsc.panfilov', 'Қазақша');
  await nsc.getByRole('region', { name: 'Хабарламалар' }).getByText('Тізімге қол қойылды: келісуді күтуде').first().waitFor();
  await nsc.getByRole('button', { name: 'Ашу' }).first().click();
  await nsc.getByRole('button', { name: 'Келісу' }).click();
  await nsc.getByText('Келісілген тізімді жіберу').waitFor();
  await nsc.getByRole('button', { name: 'Шекара қызметіне жіберу' }).click();
  await nsc.getByRole('article', { name: 'Тізім' }).getByText('Шекара қызметіне жіберілді').first().waitFor();
  await shot(nsc, 'sez-2-forwarded-kk.png');

  // the Border Service military unit registers it (Russian)
  const bs = await open('demo.head.khorgos', 'Русский');
  await bs.getByRole('button', { name: 'Открыть' }).first().click();
  await bs.getByRole('button', { name: 'Зарегистрировать получение' }).click();
  await bs.getByRole('article', { name: 'Список' }).getByText('Принят Пограничной службой').first().waitFor();
  await shot(bs, 'sez-3-received-ru.png');

  // the printed form: rendered to an image and read back
  const listId = await bs.evaluate(async () => ((await (await fetch('/api/v1/sez/lists')).json()) as { items: Array<{ id: string }> }).items[0]!.id);
  const pdf = await bs.request.get(`${env.baseUrl}/api/v1/sez/lists/${listId}/form.pdf?lang=kk`);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const bytes = Buffer.from(await pdf.body());
  fs.writeFileSync(path.join(RESULTS, 'sez-form-kk.pdf'), bytes);
  const text = (await renderPdf(env.browser, bytes, path.join(RESULTS, 'sez-form-kk.png'))).join(' ');
  for (const expected of ['ІІО қызметкерлерінің тізімі', 'Серіков Нұрлан Асқарұлы', 'МВД-700001', 'ПМ 7001', '123 ABC 05', 'Б. Е. Тоқтаров', 'Келісілді', 'Шекара қызметінің әскери бөліміне жіберілді']) {
    assert.ok(text.includes(expected), `the form shows "${expected}"`);
  }

  // the checkpoint: a listed officer with the permitted weapon passes; one not on the list is refused with the reason (Kazakh)
  const booth = await open('demo.booth.icbc', 'Қазақша');
  const check = booth.getByRole('form', { name: 'Қызметкерді тексеру' });
  await check.getByLabel('Қызметтік куәлік №').fill('МВД-700001');
  await check.getByLabel('Тегі').fill('Серіков');
  await check.getByLabel('Аты', { exact: true }).fill('Нұрлан');
  await check.getByLabel('Жеке куәлік №').fill('045678912');
  await check.getByLabel('Өзіндегі қару').fill('ПМ 7001');
  await check.getByRole('button', { name: 'Тексеру' }).click();
  await booth.getByRole('status', { name: 'Нәтиже' }).getByText('Өткізілді').waitFor();
  await shot(booth, 'sez-4-admitted-kk.png');
  await check.getByRole('button', { name: 'Келесі қызметкер' }).click();
  await check.getByLabel('Қызметтік куәлік №').fill('МВД-799999');
  await check.getByLabel('Тегі').fill('Бөтенов');
  await check.getByLabel('Аты', { exact: true }).fill('Марат');
  await check.getByLabel('Жеке куәлік №').fill('045678999');
  await check.getByRole('button', { name: 'Тексеру' }).click();
  const refused = booth.getByRole('status', { name: 'Нәтиже' });
  await refused.getByText('Бас тартылды').waitFor();
  await refused.getByText('Қолданыстағы тізімде жоқ').waitFor();
  await booth.getByRole('cell', { name: /Бөтенов/ }).waitFor();
  await shot(booth, 'sez-5-refused-kk.png');
});
