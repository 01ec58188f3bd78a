// Vehicles at control in Debian's Chromium: the Border Service registers a truck leaving by road; its driver
// passes the booth as its driver; passage waits for the control bodies' marks; customs puts them from its own screen, in Russian; the Border
// Service then passes the truck and records that it left the checkpoint.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { RESULTS, signedIn, useBrowserWorld } from './helpers.ts';
import { passportMrz } from '../test/helpers.ts';

const env = useBrowserWorld();

test('a truck on a road exit: registered at the lane, marked by customs, passed, gone', async () => {
  const booth = await signedIn(env, 'demo.booth.korday', 'English');
  await booth.getByRole('navigation').getByRole('link', { name: 'Vehicles at control' }).click();
  const form = booth.getByRole('form', { name: 'Register a vehicle' });
  await form.locator('select[name=laneId]').selectOption({ label: 'R-OUT-1 · road · exit' });
  await form.locator('input[name=plate]').fill('555 TRK 02');
  await form.locator('select[name=vehicleType]').selectOption('truck');
  await form.locator('input[name=cargoDeclaration]').fill('10005020/071226/0004321');
  await form.locator('input[name=equeueBooking]').fill('EQ-2026-000123');
  await form.getByLabel('food').check();
  await form.getByRole('button', { name: 'Register a vehicle' }).click();
  const truck = booth.getByRole('region', { name: '555 TRK 02 KAZ' });
  await truck.waitFor();
  await truck.locator('tr', { hasText: 'Customs' }).getByText('missing').waitFor();
  // no passage without the marks: said in words, nothing decided
  await truck.getByRole('button', { name: 'Pass' }).click();
  await truck.getByRole('alert').filter({ hasText: 'No passage yet' }).waitFor();
  await booth.screenshot({ path: path.join(RESULTS, 'vehicle-waiting-en.png'), fullPage: true });

  // its driver at the booth of the same lane: the truck chosen, the role is the driver's; the next occupant's, a passenger's
  await booth.getByRole('navigation').getByRole('link', { name: 'Booth console' }).click();
  await booth.locator('select[name=lane]').selectOption({ label: 'R-OUT-1 · road · exit' });
  await booth.locator('select[name=vehicle]').selectOption({ label: '555 TRK 02 (KAZ) · Truck' });
  assert.equal(await booth.locator('select[name=role]').inputValue(), 'driver');
  await booth.locator('select[name=purpose]').selectOption('business');
  await booth.locator('textarea[name=mrz]').focus();
  await booth.keyboard.type(passportMrz({ surname: 'TOKTAROV', given: 'YERLAN', number: 'N63636363', nationality: 'KAZ', dob: '800808', sex: 'M', expiry: '310101' }).join('\n'), { delay: 0 });
  await booth.locator('.result .travel', { hasText: 'Driver · 555 TRK 02 (KAZ) · Purpose of travel: Business' }).waitFor();
  await booth.screenshot({ path: path.join(RESULTS, 'booth-driver-en.png'), fullPage: true });
  await booth.keyboard.press('1');
  await booth.getByText('Passed. Passage completes').waitFor();
  await booth.keyboard.press('Escape');
  assert.equal(await booth.locator('select[name=role]').inputValue(), 'passenger');
  assert.equal(await booth.locator('select[name=purpose]').inputValue(), '');
  const driver = await env.world.deps.db.selectFrom('crossing').innerJoin('vehicleCrossing', 'vehicleCrossing.id', 'crossing.vehicleCrossingId')
    .select(['crossing.vehicleRole', 'crossing.vehiclePlate', 'crossing.purpose', 'vehicleCrossing.plate']).where('crossing.documentNumber', '=', 'N63636363').executeTakeFirstOrThrow();
  assert.deepEqual([driver.vehicleRole, driver.vehiclePlate, driver.purpose, driver.plate], ['driver', '555 TRK 02', 'business', '555 TRK 02']);
  await booth.getByRole('navigation').getByRole('link', { name: 'Vehicles at control' }).click();
  await booth.getByRole('button', { name: '555 TRK 02' }).click();
  await truck.locator('.occupants li', { hasText: 'TOKTAROV YERLAN · Driver · Pass' }).waitFor();

  // customs, from its own screen, in Russian: its first page counts the truck as awaiting marks, and opens
  // the vehicles at control of the checkpoint customs serves (Korday, not the registry's first)
  const customs = await signedIn(env, 'demo.customs.korday', 'Русский');
  const card = customs.locator('a.link-card', { hasText: 'Транспорт на контроле' });
  await card.getByText('ожидают разрешительной отметки контрольного органа: 1').waitFor();
  await customs.screenshot({ path: path.join(RESULTS, 'overview-customs-ru.png'), fullPage: true });
  await card.click();
  await customs.getByRole('button', { name: '555 TRK 02' }).waitFor();
  assert.equal(await customs.locator('select[name=checkpoint] option:checked').textContent(), 'Кордай');
  await customs.getByRole('button', { name: '555 TRK 02' }).click();
  const seen = customs.getByRole('region', { name: '555 TRK 02 KAZ' });
  assert.equal(await seen.getByRole('group', { name: 'Решение' }).count(), 0, 'customs does not decide passage');
  for (let i = 0; i < 3; i++) {
    const mark = seen.getByRole('form', { name: 'Поставить отметку' });
    const body = await mark.locator('select[name=body] option:checked').textContent();
    await mark.locator('input[name=reference]').fill(`KZ-${i + 1}`);
    await mark.getByRole('button', { name: 'Поставить отметку' }).click();
    await seen.locator('tr', { hasText: body! }).getByText(`KZ-${i + 1}`).waitFor();
  }
  await seen.locator('.check.c-pass', { hasText: 'Разрешительные отметки' }).waitFor();
  // the marks' legal basis in the reader's language
  await customs.getByRole('cell', { name: 'Закон «О Государственной границе», ст. 19 п. 8, ст. 57 п. 2' }).waitFor();
  await customs.screenshot({ path: path.join(RESULTS, 'vehicle-marked-ru.png'), fullPage: true });

  // the Border Service passes the truck, and records it gone
  await booth.reload();
  await booth.locator('select[name=checkpoint]').selectOption({ label: 'Korday' });
  await booth.getByRole('button', { name: '555 TRK 02' }).click();
  await truck.locator('.check.c-pass', { hasText: 'Permission marks' }).waitFor();
  await truck.getByRole('button', { name: 'Pass' }).click();
  await truck.getByRole('button', { name: 'Left the checkpoint' }).click();
  await booth.getByRole('region', { name: 'At control now' }).getByRole('button', { name: '555 TRK 02' }).waitFor({ state: 'detached' });
  const stored = await env.world.deps.db.selectFrom('vehicleCrossing').select(['status', 'decision']).where('plate', '=', '555 TRK 02').executeTakeFirstOrThrow();
  assert.deepEqual([stored.status, stored.decision], ['completed', 'pass']);
  await booth.context().close();
  await customs.context().close();
});
