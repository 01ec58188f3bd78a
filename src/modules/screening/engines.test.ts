import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createInlineEngine, createWorkerEngine, type IndexSink, type ScreeningEngine } from './engines.ts';
import type { IndexScreenRequest } from './engine.ts';
import type { EntrySource } from './screening.index.ts';

const SURNAMES = ['NURLANOV', 'AKHMETOV', 'SMAGULOV', 'IVANOV', 'PETROVA', 'KUZNETSOV', 'ABDULLAEV', 'TOKTOGULOV', 'WANG', 'MUELLER', 'Жумабаев', 'Сейткали'];
const GIVEN = ['ASKAR', 'DAUREN', 'AIGERIM', 'SERGEI', 'OLGA', 'BAKYT', 'WEI', 'HANS', 'Ерлан', 'Гульнара'];

function entries(): EntrySource[] {
  const out: EntrySource[] = [];
  let n = 0;
  for (const surname of SURNAMES) {
    for (const given of GIVEN) {
      for (const year of [1975, 1988]) {
        n++;
        const name = `${surname} ${given}`;
        out.push({
          id: `e${n}`, externalId: `X-${n}`, watchlistId: 'w', listCode: n % 3 ? 'WANTED' : 'BANS', kind: n % 3 ? 'wanted' : 'entry_ban', threshold: n % 3 ? 0.88 : 0.9,
          action: 'secondary', ownerAgencyId: null, contact: 'duty desk', restricted: n % 2 === 0, version: 1, primaryName: name, names: [{ name, quality: 'strong' }, { name: `${given} ${surname}X`, quality: 'weak' }],
          sex: n % 2 ? 'M' : 'F', dateOfBirth: `${year}-03-0${(n % 9) + 1}`, yearFrom: year, yearTo: year, nationalities: [n % 4 ? 'KAZ' : 'KGZ'], documentNumbers: n % 10 === 0 ? [`N${1000000 + n}`] : [],
        });
      }
    }
  }
  return out;
}

async function fill(sink: IndexSink, list: EntrySource[]) {
  for (let i = 0; i < list.length; i += 50) sink.entries(list.slice(i, i + 50));
  sink.documents(['KAZ', 'N7777777', 'KGZ', 'AB123456']);
}

const QUERIES: IndexScreenRequest[] = [
  { person: { surname: 'NURLANOV', givenNames: 'ASKAR', dateOfBirth: '1975-03-02', sex: 'M', nationality: 'KAZ' } },
  { person: { surname: 'NURLANOW', givenNames: 'ASKAR' } }, // one letter off
  { person: { surname: 'ASKAR', givenNames: 'NURLANOV' } }, // order swapped
  { person: { surname: 'ZHUMABAEV', givenNames: 'ERLAN', dateOfBirth: '1988-03-05' } }, // Latin for a Cyrillic entry
  { person: { surname: 'Иванов', givenNames: 'Сергей' } }, // Cyrillic for a Latin entry
  { person: { surname: 'TOKTOGULO', givenNames: 'BA', nameTruncated: true } }, // cut in the MRZ
  { person: { surname: 'SMITH', givenNames: 'JOHN' }, document: { number: 'N1000010', issuingState: 'KAZ' } }, // a document a listed person holds
  { person: { surname: 'SMITH', givenNames: 'JOHN' }, document: { number: 'N7777777', issuingState: 'KAZ' } }, // in the register
  { person: { surname: 'SMITH', givenNames: 'JOHN' }, document: { number: 'N7777777', issuingState: 'KGZ' } }, // another state's number
  { person: { surname: 'OSPANOV', givenNames: 'MARAT', dateOfBirth: '1990-01-01' } }, // nobody
];

let inline: ScreeningEngine;
let worker: ScreeningEngine;
before(async () => {
  inline = createInlineEngine();
  worker = createWorkerEngine({ onLost: (error) => assert.fail(error) });
  const list = entries();
  assert.deepEqual(await inline.build(1, (sink) => fill(sink, list)), { version: 1, entries: list.length, keys: (await worker.build(1, (sink) => fill(sink, list))).keys });
});
after(async () => {
  await inline.close();
  await worker.close();
});

test('the worker thread answers every screening and search exactly as the request thread does', async () => {
  let hits = 0;
  for (const query of QUERIES) {
    const [a, b] = await Promise.all([inline.screen(query), worker.screen(query)]);
    assert.deepEqual(b, a, JSON.stringify(query));
    hits += a.scored.filter((s) => s.score >= s.entry.threshold).length;
  }
  // not a comparison of two empty answers: the list's people are found, whole, with their reasons
  assert.ok(hits >= 6, `hits: ${hits}`);
  const held = await worker.screen(QUERIES[6]!);
  assert.deepEqual(held.scored.map((s) => [s.entry.externalId, s.score, s.reasons[0]!.code]), [['X-10', 1, 'document_held']]);
  assert.equal(held.scored[0]!.entry.documentKeys[0], 'N1000010');
  assert.deepEqual([(await worker.screen(QUERIES[7]!)).mayHoldDocument, (await worker.screen(QUERIES[8]!)).mayHoldDocument], [true, false]);
  const cyrillic = await worker.screen(QUERIES[3]!);
  assert.equal(cyrillic.scored[0]?.entry.primaryName, 'Жумабаев Ерлан');
  for (const search of [{ q: 'Нурланов Аскар', limit: 5 }, { q: 'PETROVA', limit: 50, list: 'BANS' }, { limit: 7, list: 'WANTED' }]) {
    const [a, b] = await Promise.all([inline.search(search), worker.search(search)]);
    assert.deepEqual(b, a, JSON.stringify(search));
    assert.ok(a.length > 0, JSON.stringify(search));
  }
});

test('a build that fails leaves the previous index answering, in either thread', async () => {
  const broken = entries().slice(0, 10);
  broken[5] = { ...broken[5]!, names: null as never }; // a row the index cannot take
  for (const engine of [inline, worker]) {
    await assert.rejects(engine.build(2, (sink) => fill(sink, broken)));
    await assert.rejects(engine.build(3, async (sink) => {
      sink.entries(broken.slice(0, 3));
      throw new Error('the database went away mid-build');
    }), /went away/);
    const answer = await engine.screen(QUERIES[0]!);
    assert.equal(answer.version, 1);
    assert.equal(answer.scored[0]?.entry.primaryName, 'NURLANOV ASKAR');
  }
});

test('a closed engine answers nothing', async () => {
  const engine = createWorkerEngine({ onLost: () => undefined });
  await engine.build(1, (sink) => fill(sink, entries().slice(0, 5)));
  await engine.close();
  await assert.rejects(engine.screen(QUERIES[0]!), /closed/);
});
