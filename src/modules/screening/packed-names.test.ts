import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameTokens, nameVariants } from './normalize.ts';
import { ScreeningIndex } from './screening.index.ts';
import { matchNames } from './similarity.ts';

test('scores on packed names equal matchNames on the token objects, for every entry and query', () => {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const parts = ['Иванов', 'Иванова', 'Сергей', 'SERGEY', 'Ерлан', 'Нұрлан', 'Нурланович', 'Асқарұлы', 'WU', 'XU', 'LI', 'LIN', 'A', 'Жұмабаев', 'JUMABAEV', 'Ким', 'AHMED', 'Ахмед', 'MUHAMMAD', 'Юлия', 'IULIIA', 'Щербакова'];
  const name = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => parts[Math.floor(random() * parts.length)]!).join(' ');
  const index = new ScreeningIndex(1);
  const lists: Array<Array<{ name: string; quality: string }>> = [];
  for (let e = 0; e < 300; e++) {
    const names = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ name: name(), quality: random() < 0.3 ? 'weak' : 'strong' }));
    lists.push(names);
    index.addEntry({ id: String(e), externalId: String(e), watchlistId: 'w', listCode: 'L', kind: 'wanted', threshold: 0.9, action: 'secondary', ownerAgencyId: null, contact: null, restricted: false, version: 1, primaryName: names[0]!.name, names, sex: null, dateOfBirth: null, yearFrom: null, yearTo: null, nationalities: [], documentNumbers: [] });
  }
  index.seal();
  for (let k = 0; k < 200; k++) {
    const tokens = nameTokens(name(), { lastTruncated: random() < 0.25 });
    const packed = index.prepare(tokens);
    for (let e = 0; e < lists.length; e++) {
      let expected = 0;
      lists[e]!.forEach((n) => {
        for (const variant of nameVariants(n.name)) {
          if (!variant.length) continue;
          const score = matchNames(tokens, variant, index.informativeness).score + (n.quality === 'weak' ? -0.05 : 0);
          if (score > expected) expected = score;
        }
      });
      assert.equal(index.names.best(packed, e, -0.05).score, expected, `entry ${e}`);
      assert.deepEqual(index.variantsOf(e).map((v) => v.tokens.map((t) => t.key)), lists[e]!.flatMap((n) => nameVariants(n.name).filter((v) => v.length).map((v) => v.map((t) => t.key))));
    }
  }
});

test('a query of more tokens than the memo keeps scores as matchNames does, past the remembered ones too', () => {
  const words = 'ALPHA BRAVO CHARLIE DELTA ECHO FOXTROT GOLF HOTEL INDIA JULIETT KILO LIMA MIKE NOVEMBER OSCAR'.split(' ');
  // a long name of the same words in another order, one misspelt: it pairs with the tokens past the memo's
  const names = ['Иванов Сергей', [...words].reverse().join(' ').replace('NOVEMBER', 'NOVENBER'), 'AHMED MUHAMMAD ALI HASSAN'];
  const index = new ScreeningIndex(1);
  names.forEach((name, e) => index.addEntry({ id: String(e), externalId: String(e), watchlistId: 'w', listCode: 'L', kind: 'wanted', threshold: 0.9, action: 'secondary', ownerAgencyId: null, contact: null, restricted: false, version: 1, primaryName: name, names: [{ name, quality: 'strong' }], sex: null, dateOfBirth: null, yearFrom: null, yearTo: null, nationalities: [], documentNumbers: [] }));
  index.seal();
  const tokens = nameTokens(words.join(' '));
  assert.ok(tokens.length > 12);
  const packed = index.prepare(tokens);
  for (let e = 0; e < names.length; e++) {
    const expected = Math.max(...nameVariants(names[e]!).filter((v) => v.length).map((v) => matchNames(tokens, v, index.informativeness).score));
    assert.equal(index.names.best(packed, e, -0.05).score, expected, names[e]);
    if (e === 1) assert.ok(expected > 0.9, `the long name scores ${expected}`);
  }
});
