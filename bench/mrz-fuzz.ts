// MRZ fuzzing (issue 4): random text and mutated real MRZs must never throw, hang or crash.
// Runs fast-check properties for many cases and reports the slowest single parse (a hang would show).
// Usage: node bench/mrz-fuzz.ts [--runs 1000000 --seed 9303]
import fc from 'fast-check';
import { parseMrz } from '../src/modules/documents/mrz.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const RUNS = opt('runs', 1_000_000);
const SEED = opt('seed', 9303);

const SPECIMENS = [
  ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
  ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
];
// one to four edits of a specimen: replace, insert, delete characters (any Unicode), split or join lines
const edit = fc.tuple(fc.constantFrom('replace', 'insert', 'delete', 'split', 'join'), fc.nat(3), fc.nat(60), fc.string({ maxLength: 3, unit: 'grapheme' }));
const mutated = fc.tuple(fc.constantFrom(...SPECIMENS), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([specimen, edits]) => {
  let lines = [...specimen];
  for (const [op, lineNo, at, text] of edits) {
    const i = lineNo % lines.length;
    const l = lines[i]!;
    if (op === 'replace') lines[i] = l.slice(0, at) + text + l.slice(at + text.length);
    if (op === 'insert') lines[i] = l.slice(0, at) + text + l.slice(at);
    if (op === 'delete') lines[i] = l.slice(0, at) + l.slice(at + 1);
    if (op === 'split') lines = [...lines.slice(0, i), l.slice(0, at), l.slice(at), ...lines.slice(i + 1)];
    if (op === 'join' && lines.length > 1) lines = [lines.slice(0, 2).join(''), ...lines.slice(2)];
  }
  return lines;
});
const randomLines = fc.array(fc.string({ maxLength: 80, unit: 'binary' }), { maxLength: 6 });
const randomText = fc.string({ maxLength: 200, unit: 'binary' });

let slowest = 0;
let valid = 0;
let unreadable = 0;
const t0 = performance.now();
fc.assert(
  fc.property(fc.oneof(mutated, randomLines, randomText), (input) => {
    const start = performance.now();
    const r = parseMrz(input);
    const took = performance.now() - start;
    if (took > slowest) slowest = took;
    if (r.valid) valid++;
    if (r.format === null) unreadable++;
    return typeof r.valid === 'boolean' && Array.isArray(r.errors) && r.valid === (r.errors.length === 0);
  }),
  { numRuns: RUNS, seed: SEED },
);
const seconds = (performance.now() - t0) / 1000;
console.log(`${RUNS.toLocaleString('en')} fuzzed inputs (seed ${SEED}) in ${seconds.toFixed(1)} s: no exception, no hang; slowest single parse ${slowest.toFixed(2)} ms; ${valid} came out valid, ${unreadable} unreadable, the rest read with errors.`);
