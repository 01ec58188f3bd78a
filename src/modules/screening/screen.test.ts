import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameTokens } from './normalize.ts';
import { candidateNet, NEAR_MISS, screenPerson } from './screen.ts';
import { ScreeningIndex } from './screening.index.ts';
import { scoreCeiling, scoreEntry, type ScreeningQuery } from './screening.score.ts';

test('a candidate skipped by its ceiling could not have been shown: the ceiling bounds every score, and screenings equal scoring every candidate', () => {
  let seed = 11;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const parts = ['Иванов', 'Иванова', 'Сергей', 'SERGEY', 'Ерлан', 'Нұрлан', 'Нурланович', 'Жұмабаев', 'JUMABAEV', 'Ким', 'AHMED', 'Ахмед', 'IULIIA', 'Юлия', 'WU', 'A'];
  const name = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(parts)).join(' ');
  const year = () => 1960 + Math.floor(random() * 8);
  const index = new ScreeningIndex(1);
  for (let e = 0; e < 400; e++) {
    const y = random() < 0.8 ? year() : null;
    const dateOfBirth = y && random() < 0.7 ? `${y}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null;
    index.addEntry({
      id: String(e), externalId: String(e), watchlistId: 'w', listCode: 'L', kind: 'wanted', threshold: pick([0.8, 0.88, 0.9]), action: 'secondary', ownerAgencyId: null, contact: null, restricted: false, version: 1,
      primaryName: name(), names: Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({ name: name(), quality: random() < 0.3 ? 'weak' : 'strong' })),
      sex: pick([null, 'M', 'F']), dateOfBirth, yearFrom: y, yearTo: y, nationalities: pick([[], ['KAZ'], ['RUS', 'KGZ']]), documentNumbers: [],
    });
  }
  index.seal();
  let skipped = 0;
  for (let k = 0; k < 300; k++) {
    const y = year();
    const query: ScreeningQuery = {
      tokens: nameTokens(name(), { lastTruncated: random() < 0.2 }),
      birth: random() < 0.8 ? { yearFrom: y, yearTo: y, full: random() < 0.5 ? `${y}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null } : null,
      sex: pick([null, 'M', 'F'] as const), nationality: pick([null, 'KAZ', 'RUS']),
    };
    const packed = index.prepare(query.tokens);
    const expected = { hits: [] as Array<[number, number]>, near: [] as Array<[number, number]> };
    for (const e of index.candidates(query.tokens, candidateNet(query))) {
      const { score } = scoreEntry(query, index, e, packed);
      const ceiling = scoreCeiling(query, index, e);
      assert.ok(score <= ceiling, `entry ${e}: ${score} above its ceiling ${ceiling}`);
      const threshold = index.entries[e]!.threshold;
      if (ceiling < threshold - NEAR_MISS) skipped++;
      if (score >= threshold) expected.hits.push([e, score]);
      else if (score >= threshold - NEAR_MISS) expected.near.push([e, score]);
    }
    const got = screenPerson(index, query);
    // best first, ties in the order of the candidates (a stable sort, as screenPerson's)
    const sorted = (xs: Array<[number, number]>) => xs.sort((a, b) => b[1] - a[1]);
    assert.deepEqual(got.hits.map((h) => [h.entry, h.score]), sorted(expected.hits));
    assert.deepEqual(got.nearMisses.map((h) => [h.entry, h.score]), sorted(expected.near).slice(0, 10));
  }
  assert.ok(skipped > 100, `the ceiling skipped only ${skipped} candidates`);
});
