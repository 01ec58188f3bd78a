// Screening benchmark (issue 3): a synthetic list of persons in their usual scripts, a lost/stolen
// register, a traveller stream with planted variants of listed persons in eight classes; recall per
// class, false alerts per 1,000 clean travellers, latency per screening on one core, index build time
// and memory; a brute-force baseline in the same run; and the same on the real UN and OFAC lists.
// Usage: node --expose-gc bench/screening.ts [--persons 1000000 --documents 10000000 --queries 100000 --seed 7]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseUnXml } from '../src/modules/screening/import/un-xml.ts';
import { DEFAULT_THRESHOLDS } from '../src/modules/screening/index-holder.ts';
import { documentLookupKey } from '../src/modules/screening/records.ts';
import { screenPerson, toScreeningQuery } from '../src/modules/screening/screen.ts';
import { ScreeningIndex, type EntrySource } from '../src/modules/screening/screening.index.ts';
import { scoreEntry } from '../src/modules/screening/screening.score.ts';
import { transliterate } from '../src/modules/screening/transliterate.ts';
import { makePerson, mrzName, plantedQuery, rng, VARIANT_CLASSES, type Person, type Query, type VariantClass } from './screening/generate.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const PERSONS = opt('persons', 200_000);
const DOCUMENTS = opt('documents', 2_000_000);
const QUERIES = opt('queries', 40_000);
const SEED = opt('seed', 7);
const PLANTED_SHARE = 0.2;
const BASELINE_QUERIES = opt('baseline', 200);
const DATA = path.resolve(import.meta.dirname, '../../shared/data/watchlists');

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const memoryMb = () => {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external + m.arrayBuffers) / 2 ** 20;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (x: number) => `${x.toFixed(3)} ms`;

function entryOf(i: number, p: Person, r: ReturnType<typeof rng>, latinOnly: boolean): EntrySource {
  const mrz = mrzName(p);
  const native = p.cyrillic && !latinOnly ? [p.surname, p.given, p.patronymic].filter(Boolean).join(' ') : [mrz.surname, mrz.given].join(' ');
  const names = [{ name: native, quality: 'strong' }];
  if (p.cyrillic && latinOnly) names[0] = { name: [transliterate(p.surname, 'bgnPcgn'), transliterate(p.given, 'bgnPcgn')].join(' '), quality: 'strong' };
  if (r.chance(0.3)) names.push({ name: `${mrz.given} ${mrz.surname}`, quality: 'strong' });
  const dobRoll = r.next();
  const year = Number(p.birth.slice(0, 4));
  const [dateOfBirth, yearFrom, yearTo] = dobRoll < 0.6 ? [p.birth, year, year] : dobRoll < 0.85 ? [String(year), year, year] : [null, null, null];
  const kind = r.pick(['wanted', 'entry_ban', 'exit_ban', 'sanctions'] as const);
  return {
    id: String(i), externalId: String(i), watchlistId: 'bench', listCode: 'BENCH', kind, threshold: DEFAULT_THRESHOLDS[kind]!, action: 'secondary', ownerAgencyId: null,
    contact: null, restricted: false, version: 1, primaryName: names[0]!.name, names, sex: r.chance(0.9) ? p.sex : null, dateOfBirth, yearFrom, yearTo,
    nationalities: r.chance(0.8) ? [p.nationality] : [], documentNumbers: [],
  };
}

type ClassStats = { planted: number; found: number; latencies: number[] };
function runQueries(index: ScreeningIndex, planted: Array<{ cls: string; query: Query; entry: number }>, clean: Query[]) {
  const latencies: number[] = [];
  const perClass = new Map<string, ClassStats>();
  for (const { cls, query, entry } of planted) {
    const t0 = performance.now();
    const { hits } = screenPerson(index, toScreeningQuery(query));
    const took = performance.now() - t0;
    latencies.push(took);
    const stats = perClass.get(cls) ?? { planted: 0, found: 0, latencies: [] };
    stats.planted++;
    stats.latencies.push(took);
    if (hits.some((h) => h.entry === entry)) stats.found++;
    perClass.set(cls, stats);
  }
  let alerted = 0;
  let namesakes = 0;
  const cleanLatencies: number[] = [];
  for (const query of clean) {
    const t0 = performance.now();
    const q = toScreeningQuery(query);
    const { hits } = screenPerson(index, q);
    const took = performance.now() - t0;
    latencies.push(took);
    cleanLatencies.push(took);
    if (hits.length) {
      alerted++;
      // a namesake: the listed person has exactly the traveller's name (same skeleton keys) and no conflicting birth date;
      // no engine can tell them apart from the name and date alone
      const keys = q.tokens.filter((t) => !t.optional).map((t) => t.key).sort().join(' ');
      if (hits.some((h) => index.variantsOf(h.entry).some((v) => v.tokens.filter((t) => !t.optional).map((t) => t.key).sort().join(' ') === keys))) namesakes++;
    }
  }
  const n = Math.max(clean.length, 1);
  return { latencies, cleanLatencies, perClass, falseAlertsPer1000: (alerted / n) * 1000, namesakesPer1000: (namesakes / n) * 1000 };
}

function bruteForce(index: ScreeningIndex, planted: Array<{ query: Query; entry: number }>, clean: Query[]) {
  const latencies: number[] = [];
  let found = 0;
  let alerted = 0;
  for (const [i, q] of [...planted.map((p) => p.query), ...clean].entries()) {
    const query = toScreeningQuery(q);
    const t0 = performance.now();
    const hits: number[] = [];
    const packed = index.prepare(query.tokens);
    for (let e = 0; e < index.entries.length; e++) if (scoreEntry(query, index, e, packed).score >= index.entries[e]!.threshold) hits.push(e);
    latencies.push(performance.now() - t0);
    if (i < planted.length && hits.includes(planted[i]!.entry)) found++;
    if (i >= planted.length && hits.length) alerted++;
  }
  return { latencies, recall: found / Math.max(planted.length, 1), falseAlertsPer1000: (alerted / Math.max(clean.length, 1)) * 1000 };
}

function report(title: string, result: ReturnType<typeof runQueries>) {
  console.log(`\n### ${title}\n`);
  console.log('| variant class | planted | recall | p99 latency |');
  console.log('|---|---|---|---|');
  for (const cls of VARIANT_CLASSES) {
    const s = result.perClass.get(cls);
    if (s) console.log(`| ${cls} | ${s.planted} | ${((s.found / s.planted) * 100).toFixed(2)} % | ${ms(pct(s.latencies, 99))} |`);
  }
  console.log(`| clean travellers | ${result.cleanLatencies.length} | — | ${ms(pct(result.cleanLatencies, 99))} |`);
  console.log(`\nFalse alerts: ${result.falseAlertsPer1000.toFixed(2)} per 1,000 clean travellers, of which ${result.namesakesPer1000.toFixed(2)} are namesakes (the listed person has exactly the traveller's name and no conflicting birth date), ${(result.falseAlertsPer1000 - result.namesakesPer1000).toFixed(2)} are similar names.`);
  console.log(`Latency per screening (one core): p50 ${ms(pct(result.latencies, 50))}, p99 ${ms(pct(result.latencies, 99))}, max ${ms(pct(result.latencies, 100))}.`);
}

// ---- synthetic list, register and traveller stream
const r = rng(SEED);
console.log(`# Screening benchmark — ${PERSONS.toLocaleString('en')} persons, ${DOCUMENTS.toLocaleString('en')} register documents, ${QUERIES.toLocaleString('en')} queries, seed ${SEED}`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
const persons: Person[] = [];
const latinOnly: boolean[] = [];
for (let i = 0; i < PERSONS; i++) {
  persons.push(makePerson(r));
  latinOnly.push(persons[i]!.cyrillic && r.chance(0.3));
}
const before = memoryMb();
let t0 = performance.now();
const index = new ScreeningIndex(1);
for (let i = 0; i < PERSONS; i++) index.addEntry(entryOf(i, persons[i]!, r, latinOnly[i]!));
const personsMs = performance.now() - t0;
t0 = performance.now();
for (let i = 0; i < DOCUMENTS; i++) index.addDocument(r.pick(['KAZ', 'RUS', 'UZB', 'KGZ', 'CHN', 'TUR']), documentLookupKey(`N${String(r.int(1e9)).padStart(9, '0')}`));
index.seal();
const documentsMs = performance.now() - t0;
const after = memoryMb();
console.log(`\nIndex build: persons ${(personsMs / 1000).toFixed(1)} s (${index.keyCount.toLocaleString('en')} distinct name keys), register ${(documentsMs / 1000).toFixed(1)} s (${(index.documents.bytes / 2 ** 20).toFixed(0)} MiB); memory held by the index ≈ ${(after - before).toFixed(0)} MiB.`);

const plantedCount = Math.round(QUERIES * PLANTED_SHARE);
const planted: Array<{ cls: VariantClass; query: Query; entry: number }> = [];
for (let i = 0; i < plantedCount; i++) {
  const cls = VARIANT_CLASSES[i % VARIANT_CLASSES.length]!;
  let entry = r.int(PERSONS);
  // transliteration needs a Cyrillic list name, cross-script a Latin-only one; others any
  for (let tries = 0; tries < 50; tries++) {
    const p = persons[entry]!;
    const mrz = mrzName(p);
    const ok = cls === 'transliteration' ? p.cyrillic && !latinOnly[entry] : cls === 'crossScript' ? latinOnly[entry] : cls === 'truncation' ? mrz.surname.length + mrz.given.length + 2 > 30 || tries > 40 : true;
    if (ok) break;
    entry = r.int(PERSONS);
  }
  planted.push({ cls, query: plantedQuery(r, persons[entry]!, cls), entry });
}
const clean: Query[] = [];
for (let i = 0; clean.length < QUERIES - plantedCount; i++) {
  const p = makePerson(r);
  const m = mrzName(p);
  clean.push({ surname: m.surname, givenNames: m.given, dateOfBirth: p.birth, nationality: p.nationality, sex: p.sex });
}
let docHits = 0;
t0 = performance.now();
for (let i = 0; i < QUERIES; i++) if (index.mayHoldDocument(`N${String(r.int(1e9)).padStart(9, '0')}`, 'KAZ')) docHits++;
const docLookupUs = ((performance.now() - t0) / QUERIES) * 1000;
const synthetic = runQueries(index, planted, clean);
report('Synthetic list: recall per class, false alerts, latency', synthetic);
console.log(`Register lookups: ${docLookupUs.toFixed(2)} µs each (${docHits} random numbers happened to be registered).`);

const sample = BASELINE_QUERIES;
if (sample > 0) {
const brute = bruteForce(index, planted.slice(0, sample), clean.slice(0, sample));
const indexedSample = runQueries(index, planted.slice(0, sample), clean.slice(0, sample));
const indexedRecall = [...indexedSample.perClass.values()].reduce((a, s) => a + s.found, 0) / sample;
console.log(`\n### Brute-force baseline (every entry scored), same ${sample} planted + ${sample} clean queries\n`);
console.log('| method | recall (all classes) | false alerts / 1,000 | p50 | p99 |');
console.log('|---|---|---|---|---|');
console.log(`| brute force | ${(brute.recall * 100).toFixed(2)} % | ${brute.falseAlertsPer1000.toFixed(1)} | ${ms(pct(brute.latencies, 50))} | ${ms(pct(brute.latencies, 99))} |`);
console.log(`| Shekara index | ${(indexedRecall * 100).toFixed(2)} % | ${indexedSample.falseAlertsPer1000.toFixed(1)} | ${ms(pct(indexedSample.latencies, 50))} | ${ms(pct(indexedSample.latencies, 99))} |`);
}

// ---- the real UN and OFAC lists
if (fs.existsSync(DATA)) {
  const real = new ScreeningIndex(2);
  const realEntries: Array<{ names: string[]; cyrillic: string | null; dob: string | null; nationality: string | null; sex: 'M' | 'F' | null }> = [];
  const un = parseUnXml(fs.readFileSync(path.join(DATA, 'un-consolidated.xml'), 'utf8'));
  for (const rec of un.records) {
    const cyr = rec.names.find((n) => /[\u0400-\u04FF]/.test(n.name))?.name ?? null;
    realEntries.push({ names: rec.names.map((n) => n.name), cyrillic: cyr, dob: rec.dateOfBirth && /^\d{4}-\d{2}-\d{2}$/.test(rec.dateOfBirth) ? rec.dateOfBirth : null, nationality: rec.nationalities[0] ?? null, sex: rec.sex });
  }
  const sdn = parse(fs.readFileSync(path.join(DATA, 'ofac-sdn.csv'), 'utf8'), { relax_column_count: true, relax_quotes: true }) as string[][];
  const alt = parse(fs.readFileSync(path.join(DATA, 'ofac-alt.csv'), 'utf8'), { relax_column_count: true, relax_quotes: true }) as string[][];
  const aliases = new Map<string, string[]>();
  for (const row of alt) aliases.set(row[0]!, [...(aliases.get(row[0]!) ?? []), row[3]!]);
  const ofacName = (n: string) => (n.includes(',') ? `${n.split(',').slice(1).join(' ').trim()} ${n.split(',')[0]!.trim()}` : n).replace(/-0-/g, '').trim();
  for (const row of sdn) {
    if (row[2]?.trim() !== 'individual') continue;
    const dob = /DOB (\d{2}) ([A-Za-z]{3}) (\d{4})/.exec(row[11] ?? '');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    realEntries.push({ names: [ofacName(row[1]!), ...(aliases.get(row[0]!) ?? []).map(ofacName)].filter(Boolean), cyrillic: null, dob: dob ? `${dob[3]}-${String(months.indexOf(dob[2]!) + 1).padStart(2, '0')}-${dob[1]}` : null, nationality: null, sex: null });
  }
  t0 = performance.now();
  realEntries.forEach((e, i) => real.addEntry({
    id: String(i), externalId: String(i), watchlistId: 'real', listCode: 'REAL', kind: 'sanctions', threshold: DEFAULT_THRESHOLDS.sanctions!, action: 'secondary', ownerAgencyId: null, contact: null,
    restricted: false, version: 1, primaryName: e.names[0]!, names: e.names.map((name) => ({ name, quality: 'strong' })), sex: e.sex, dateOfBirth: e.dob,
    yearFrom: e.dob ? Number(e.dob.slice(0, 4)) : null, yearTo: e.dob ? Number(e.dob.slice(0, 4)) : null, nationalities: e.nationality ? [e.nationality] : [], documentNumbers: [],
  }));
  real.seal();
  const realMs = performance.now() - t0;
  const rr = rng(SEED + 1);
  const realPlanted: Array<{ cls: string; query: Query; entry: number }> = [];
  const split = (name: string) => {
    const parts = name.toUpperCase().split(/\s+/).filter(Boolean);
    return { surname: parts[parts.length - 1]!, given: parts.slice(0, -1).join(' ') || parts[0]! };
  };
  for (let i = 0; i < 4000; i++) {
    const entry = rr.int(realEntries.length);
    const e = realEntries[entry]!;
    const { surname, given } = split(e.names[0]!);
    const base = { dateOfBirth: e.dob ?? '', nationality: e.nationality ?? '', sex: (e.sex ?? 'M') as 'M' | 'F' };
    const cls = ['order', 'typo', 'ocr', 'truncation', 'crossScript'][i % 5]!;
    let query: Query;
    if (cls === 'order') query = { ...base, surname: given, givenNames: surname };
    else if (cls === 'typo') query = plantedQuery(rr, { culture: 'western', sex: base.sex, surname, given, patronymic: null, birth: base.dateOfBirth, nationality: base.nationality, cyrillic: false }, 'typo');
    else if (cls === 'ocr') query = plantedQuery(rr, { culture: 'western', sex: base.sex, surname, given, patronymic: null, birth: base.dateOfBirth, nationality: base.nationality, cyrillic: false }, 'ocr');
    else if (cls === 'truncation') query = plantedQuery(rr, { culture: 'western', sex: base.sex, surname, given, patronymic: null, birth: base.dateOfBirth, nationality: base.nationality, cyrillic: false }, 'truncation');
    else {
      if (!e.cyrillic) continue;
      const parts = e.cyrillic.split(/\s+/);
      query = { ...base, surname: parts[0]!, givenNames: parts.slice(1).join(' ') };
    }
    for (const k of Object.keys(query) as Array<keyof Query>) if (query[k] === '') delete query[k];
    realPlanted.push({ cls, query, entry });
  }
  const realClean = clean.slice(0, 20_000);
  const realRun = runQueries(real, realPlanted, realClean);
  report(`Real lists: UN consolidated (${un.records.length} individuals) + OFAC SDN individuals (${realEntries.length - un.records.length}); index built in ${realMs.toFixed(0)} ms; variants of listed names, clean synthetic travellers`, realRun);
}
