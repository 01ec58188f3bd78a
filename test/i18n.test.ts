// The interface is complete in Kazakh, Russian and English, with no English leaking into the other two.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { en } from '../web/src/locales/en.ts';
import { kk } from '../web/src/locales/kk.ts';
import { ru } from '../web/src/locales/ru.ts';

// Values that are the same in every language: language names written in their own language, a dash.
const SAME_EVERYWHERE = new Set(['lang.kk', 'lang.ru', 'lang.en', 'common.none']);
const CYRILLIC = /[\u0400-\u04FF]/;
const KAZAKH_LETTERS = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

test('kk and ru have exactly the keys of en, none empty', () => {
  for (const [name, dict] of [['kk', kk], ['ru', ru]] as const) {
    assert.deepEqual(Object.keys(dict).sort(), Object.keys(en).sort(), `${name} keys`);
    for (const [key, value] of Object.entries(dict)) assert.ok(value.trim().length > 0, `${name}.${key} is empty`);
  }
});

test('no English text in the Kazakh and Russian interfaces', () => {
  for (const [name, dict] of [['kk', kk], ['ru', ru]] as const) {
    for (const [key, value] of Object.entries(dict)) {
      if (SAME_EVERYWHERE.has(key)) continue;
      assert.ok(CYRILLIC.test(value), `${name}.${key} has no Cyrillic: "${value}"`);
      assert.notEqual(value, en[key as keyof typeof en], `${name}.${key} is the English text`);
    }
  }
});

test('the Kazakh texts are Kazakh, not Russian copied over', () => {
  const kazakh = Object.entries(kk).filter(([key]) => !SAME_EVERYWHERE.has(key));
  const identicalToRussian = kazakh.filter(([key, value]) => value === ru[key as keyof typeof ru] && !key.startsWith('country.'));
  assert.deepEqual(identicalToRussian.map(([k]) => k).filter((k) => !['app.name', 'nav.map', 'org.role.police', 'booth.cat.diplomat', 'control.seconds'].includes(k)), []);
  const withKazakhLetters = kazakh.filter(([, value]) => KAZAKH_LETTERS.test(value)).length;
  assert.ok(withKazakhLetters / kazakh.length > 0.6, `only ${withKazakhLetters} of ${kazakh.length} Kazakh texts use Kazakh letters`);
});

test('every translation key used by the web code exists', () => {
  const dir = path.resolve(import.meta.dirname, '../web/src');
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'));
  const used = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
  }
  const missing = [...used].filter((k) => !(k in en));
  assert.deepEqual(missing, []);
  assert.ok(used.size > 50);
});
