// A/B of the screening hot path: two checkouts' screenPerson in one process, on the same synthetic list
// (200,000 persons by default) and the same clean travellers, taking turns, so that a noisy machine's
// drift falls on both. Scores are compared too: the hits must be the same count.
// Usage: node bench/screening-ab.ts <checkout A> <checkout B> [--persons 200000 --queries 10000 --rounds 8]
// (e.g. `git worktree add /tmp/base HEAD~1` for A, `.` for B; then swap them to check for order effects)
import path from 'node:path';
import type { EntrySource, ScreeningIndex } from '../src/modules/screening/screening.index.ts';
import type * as Screen from '../src/modules/screening/screen.ts';
import { makePerson, mrzName, rng } from './screening/generate.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const [aDir, bDir] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!aDir || !bDir) throw new Error('usage: node bench/screening-ab.ts <checkout A> <checkout B>');
type Engine = { Index: new (version: number) => ScreeningIndex; screen: typeof Screen };
const load = async (dir: string): Promise<Engine> => ({
  Index: (await import(path.resolve(dir, 'src/modules/screening/screening.index.ts'))).ScreeningIndex,
  screen: await import(path.resolve(dir, 'src/modules/screening/screen.ts')),
});
const [A, B] = [await load(aDir), await load(bDir)];
const r = rng(7);
const sources: EntrySource[] = [];
for (let i = 0; i < opt('persons', 200_000); i++) {
  const p = makePerson(r);
  const m = mrzName(p);
  const name = p.cyrillic ? [p.surname, p.given, p.patronymic].filter(Boolean).join(' ') : [m.surname, m.given].join(' ');
  const year = Number(p.birth.slice(0, 4));
  const dob = r.next();
  sources.push({
    id: String(i), externalId: String(i), watchlistId: 'ab', listCode: 'AB', kind: 'wanted', threshold: 0.88, action: 'secondary', ownerAgencyId: null, contact: null, restricted: false, version: 1,
    primaryName: name, names: [{ name, quality: 'strong' }], sex: r.chance(0.9) ? p.sex : null, dateOfBirth: dob < 0.6 ? p.birth : dob < 0.85 ? String(year) : null,
    yearFrom: dob < 0.85 ? year : null, yearTo: dob < 0.85 ? year : null, nationalities: r.chance(0.8) ? [p.nationality] : [], documentNumbers: [],
  });
}
const build = (engine: Engine) => {
  const index = new engine.Index(1);
  for (const source of sources) index.addEntry(source);
  return index.seal();
};
const [indexA, indexB] = [build(A), build(B)];
const travellers = Array.from({ length: opt('queries', 10_000) }, () => {
  const p = makePerson(r);
  const m = mrzName(p);
  return { surname: m.surname, givenNames: m.given, dateOfBirth: p.birth, nationality: 'KAZ', sex: p.sex };
});
const run = (engine: Engine, index: ScreeningIndex) => {
  const t0 = performance.now();
  let hits = 0;
  for (const t of travellers) hits += engine.screen.screenPerson(index, engine.screen.toScreeningQuery(t)).hits.length;
  return { us: ((performance.now() - t0) / travellers.length) * 1000, hits };
};
const times: [number[], number[]] = [[], []];
for (let round = 0; round < opt('rounds', 8); round++) {
  const a = run(A, indexA);
  const b = run(B, indexB);
  times[0].push(a.us);
  times[1].push(b.us);
  console.log(`round ${round}: A ${a.us.toFixed(0)} µs (${a.hits} hits)  B ${b.us.toFixed(0)} µs (${b.hits} hits)`);
  if (a.hits !== b.hits) console.log('  the two found different hits');
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
console.log(`median per screening: A ${median(times[0]).toFixed(0)} µs, B ${median(times[1]).toFixed(0)} µs, B/A ${(median(times[1]) / median(times[0])).toFixed(2)}`);
