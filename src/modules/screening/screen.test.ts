import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameTokens } from './normalize.ts';
import { candidateNet, NEAR_MISS, screenPerson } from './screen.ts';
import { ScreeningIndex, type EntrySource, type IndexedEntry } from './screening.index.ts';
import { scoreCeiling, scoreEntry, type Reason, type ScreeningQuery } from './screening.score.ts';

test('a candidate skipped by its ceiling could not have been shown: the ceiling bounds every score, screenings equal scoring every candidate, and remembered reach changes no candidate', () => {
  let seed = 11;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const parts = ['Иванов', 'Иванова', 'Сергей', 'SERGEY', 'Ерлан', 'Нұрлан', 'Нурланович', 'Жұмабаев', 'JUMABAEV', 'Ким', 'AHMED', 'Ахмед', 'IULIIA', 'Юлия', 'WU', 'A', 'IVAN', 'JUMAB'];
  const name = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(parts)).join(' ');
  const year = () => 1960 + Math.floor(random() * 8);
  const sources: EntrySource[] = [];
  for (let e = 0; e < 400; e++) {
    const y = random() < 0.8 ? year() : null;
    const dateOfBirth = y && random() < 0.7 ? `${y}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null;
    sources.push({
      id: String(e), externalId: String(e), watchlistId: 'w', listCode: 'L', kind: 'wanted', threshold: pick([0.8, 0.88, 0.9]), action: 'secondary', ownerAgencyId: null, contact: null, restricted: false, version: 1,
      primaryName: name(), names: Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({ name: name(), quality: random() < 0.3 ? 'weak' : 'strong' })),
      sex: pick([null, 'M', 'F', 'X']), dateOfBirth, yearFrom: y, yearTo: y, nationalities: pick([[], ['KAZ'], ['RUS', 'KGZ'], ['CHN']]), documentNumbers: [],
    });
  }
  const build = () => {
    const index = new ScreeningIndex(1);
    for (const source of sources) index.addEntry(source);
    return index.seal();
  };
  const index = build();
  let skipped = 0;
  for (let k = 0; k < 300; k++) {
    const y = year();
    const query: ScreeningQuery = {
      tokens: nameTokens(name(), { lastTruncated: random() < 0.2 }),
      birth: random() < 0.8 ? { yearFrom: y, yearTo: y, full: random() < 0.5 ? `${y}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null } : null,
      sex: pick([null, 'M', 'F'] as const), nationality: pick([null, 'KAZ', 'RUS', 'UZB']),
    };
    // the index remembers each token's reach: a fresh index (nothing remembered) finds the same candidates
    if (k < 40) assert.deepEqual(index.candidates(query.tokens, candidateNet(query)), build().candidates(query.tokens, candidateNet(query)));
    const packed = index.prepare(query.tokens);
    const expected = { hits: [] as Array<[number, number]>, near: [] as Array<[number, number]> };
    for (const e of index.candidates(query.tokens, candidateNet(query))) {
      const scored = scoreEntry(query, index, e, packed);
      const { score } = scored;
      // the columns answer as the entry's own fields do
      assert.deepEqual({ score, reasons: scored.reasons.slice(scored.reasons[1]?.code === 'weak_alias' ? 2 : 1) }, byTheEntry(query, index.entries[e]!, scored.nameScore));
      const ceiling = scoreCeiling(index, e, index.attributes.prepare(query));
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

/** The attribute rules of screening.score.ts read off the entry object, as they were before the columns. */
function byTheEntry(query: ScreeningQuery, entry: IndexedEntry, nameScore: number) {
  const reasons: Reason[] = [];
  let score = nameScore;
  const add = (delta: number, reason: Reason) => {
    score += delta;
    reasons.push(reason);
  };
  if (query.birth && entry.yearFrom !== null && entry.yearTo !== null) {
    const { yearFrom, yearTo, full } = query.birth;
    if (full && entry.dateOfBirth === full) add(0.06, { code: 'dob_agrees', value: full });
    else if (yearFrom <= entry.yearTo && yearTo >= entry.yearFrom) add(0.03, { code: 'birth_year_agrees', value: entry.dateOfBirth ?? '' });
    else if (yearFrom - entry.yearTo === 1 || entry.yearFrom - yearTo === 1) add(-0.04, { code: 'birth_year_one_off', value: entry.dateOfBirth ?? '' });
    else add(-0.25, { code: 'dob_conflicts', value: entry.dateOfBirth ?? '' });
  } else add(-0.03, { code: 'no_dob' });
  if (query.sex && entry.sex && query.sex !== entry.sex) add(-0.15, { code: 'sex_conflicts', value: entry.sex });
  if (query.nationality && entry.nationalities.length) {
    if (entry.nationalities.includes(query.nationality)) add(0.02, { code: 'nationality_agrees', value: query.nationality });
    else add(-0.05, { code: 'nationality_differs', value: entry.nationalities.join(', ') });
  }
  return { score: Math.max(0, Math.min(1, score)), reasons };
}
