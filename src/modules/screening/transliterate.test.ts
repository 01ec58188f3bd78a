import assert from 'node:assert/strict';
import { test } from 'node:test';
import { transliterate, transliterations } from './transliterate.ts';

// Real names and the spellings each scheme gives them.
test('ICAO 9303 (Russian passports since 2013; Kazakh letters as in Kazakh passports)', () => {
  assert.equal(transliterate('Юлия Щербакова', 'icao9303'), 'IULIIA SHCHERBAKOVA');
  assert.equal(transliterate('Ерлан Оспанов', 'icao9303'), 'ERLAN OSPANOV');
  assert.equal(transliterate('Дмитрий Воробьёв', 'icao9303'), 'DMITRII VOROBEV');
  assert.equal(transliterate('Подъячев', 'icao9303'), 'PODIEIACHEV');
  assert.equal(transliterate('Қасым-Жомарт Тоқаев', 'icao9303'), 'KASYM-ZHOMART TOKAEV');
  assert.equal(transliterate('Әбенова Динара', 'icao9303'), 'ABENOVA DINARA');
  assert.equal(transliterate('Ұлықбек Үсенов', 'icao9303'), 'ULYKBEK USENOV');
  assert.equal(transliterate('Айгерім Жұмабаева', 'icao9303'), 'AIGERIM ZHUMABAEVA');
  assert.equal(transliterate('Бекзат Саттарханов', 'icao9303'), 'BEKZAT SATTARKHANOV');
});

test('MVD Order 310 (Russian passports 1997–2013)', () => {
  assert.equal(transliterate('Юлия Щербакова', 'mvd310'), 'YULIYA SHCHERBAKOVA');
  assert.equal(transliterate('Дмитрий Воробьёв', 'mvd310'), 'DMITRIY VOROBEV');
  assert.equal(transliterate('Подъячев', 'mvd310'), 'PODYACHEV');
});

test('BGN/PCGN: YE at word start and after vowels; Kazakh Ғ GH, Қ Q, Ң NG', () => {
  assert.equal(transliterate('Ерлан Токаев', 'bgnPcgn'), 'YERLAN TOKAYEV');
  assert.equal(transliterate('Андреев', 'bgnPcgn'), 'ANDREYEV');
  assert.equal(transliterate('Ғалым Қасымов', 'bgnPcgn'), 'GHALYM QASYMOV');
  assert.equal(transliterate('Мыңбай', 'bgnPcgn'), 'MYNGBAY');
});

test('GOST 7.79-2000 system B', () => {
  assert.equal(transliterate('Хабибуллин Сергей', 'gost779b'), 'XABIBULLIN SERGEJ');
  assert.equal(transliterate('Щукин Цой', 'gost779b'), 'SHHUKIN CZOJ');
});

test('Kazakh Latin alphabet of 2021, folded to ASCII', () => {
  assert.equal(transliterate('Жомарт Қасымов', 'kazakhLatin2021'), 'JOMART QASYMOV');
  assert.equal(transliterate('Шынар Ғабитқызы', 'kazakhLatin2021'), 'SYNAR GABITQYZY');
});

test('Kazakh Latin alphabet of 2017 (apostrophes), folded', () => {
  assert.equal(transliterate('Шынар', 'kazakhLatin2017'), 'SYNAR');
  assert.equal(transliterate('Нұрлан', 'kazakhLatin2017'), 'NURLAN');
});

test('Russian-mediated Kazakh merges the Kazakh letters first (Һ then reads KH)', () => {
  assert.equal(transliterate('Һасенов Әлихан', 'russianMediated'), 'KHASENOV ALIKHAN');
  assert.equal(transliterate('Қайрат', 'russianMediated'), 'KAIRAT');
});

test('a name gets every distinct spelling; Latin text passes through', () => {
  const forms = transliterations('Юлия');
  for (const form of ['IULIIA', 'YULIYA', 'YULIYA', 'IULIIA']) assert.ok(forms.includes(form));
  assert.deepEqual(transliterations('Julia'), ['JULIA']);
});
