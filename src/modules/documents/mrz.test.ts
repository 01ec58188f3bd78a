import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkDigit, parseMrz } from './mrz.ts';

const today = new Date('2026-11-22T00:00:00Z');
const parse = (lines: string | string[]) => parseMrz(lines, { today });

// A check digit computed independently of the module: 7-3-1 weights, A = 10, < = 0 (Doc 9303 Part 3, 4.9).
function reference(value: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const v = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * weights[i % 3]!;
  }
  return sum % 10;
}

test('the ICAO specimens of every format parse as valid, with the fields and checks of contracts.md', () => {
  const td3 = parse(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']);
  assert.deepEqual(
    { valid: td3.valid, format: td3.format, documentCode: td3.documentCode, issuingState: td3.issuingState, primaryIdentifier: td3.primaryIdentifier, secondaryIdentifier: td3.secondaryIdentifier, documentNumber: td3.documentNumber, nationality: td3.nationality, dateOfBirth: td3.dateOfBirth, sex: td3.sex, dateOfExpiry: td3.dateOfExpiry, optionalData: td3.optionalData, checks: td3.checks, errors: td3.errors },
    { valid: true, format: 'TD3', documentCode: 'P', issuingState: 'UTO', primaryIdentifier: 'ERIKSSON', secondaryIdentifier: 'ANNA MARIA', documentNumber: 'L898902C3', nationality: 'UTO', dateOfBirth: '1974-08-12', sex: 'F', dateOfExpiry: '2012-04-15', optionalData: 'ZE184226B', checks: { documentNumber: true, dateOfBirth: true, dateOfExpiry: true, optionalData: true, composite: true }, errors: [] },
  );
  const td1 = parse('I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<');
  assert.equal(td1.format, 'TD1');
  assert.equal(td1.valid, true, JSON.stringify(td1.errors));
  assert.equal(td1.documentNumber, 'D23145890');
  assert.deepEqual(td1.checks, { documentNumber: true, dateOfBirth: true, dateOfExpiry: true, composite: true });
  const td2 = parse(['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6']);
  assert.equal(td2.format, 'TD2');
  assert.equal(td2.valid, true, JSON.stringify(td2.errors));
  const mrva = parse(['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<']);
  assert.equal(mrva.format, 'MRVA');
  assert.equal(mrva.valid, true, JSON.stringify(mrva.errors));
  assert.deepEqual(mrva.checks, { documentNumber: true, dateOfBirth: true, dateOfExpiry: true });
  assert.equal(mrva.nationality, 'XXX');
  const mrvb = parse(['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<']);
  assert.equal(mrvb.format, 'MRVB');
  assert.equal(mrvb.valid, true, JSON.stringify(mrvb.errors));
});

test('check digits follow 7-3-1 (ICAO specimen: L898902C3 → 6, 740812 → 2, 120415 → 9)', () => {
  assert.equal(checkDigit('L898902C3'), 6);
  assert.equal(checkDigit('740812'), 2);
  assert.equal(checkDigit('120415'), 9);
  fc.assert(fc.property(fc.stringMatching(/^[A-Z0-9<]{0,40}$/), (s) => checkDigit(s) === reference(s)));
});

test('a Kazakh passport (TD3) and a Kazakh ID card (TD1) with a long document number', () => {
  const l2 = `N12345678${reference('N12345678')}KAZ850314${reference('850314')}F300101${reference('300101')}850314400123<<`;
  const l2full = `${l2}${reference(l2.slice(28, 42))}`;
  const composite = reference(l2full.slice(0, 10) + l2full.slice(13, 20) + l2full.slice(21, 43));
  const passport = parse(['P<KAZSHCHERBAKOVA<<IULIIA'.padEnd(44, '<'), `${l2full}${composite}`]);
  assert.equal(passport.valid, true, JSON.stringify(passport.errors));
  assert.equal(passport.primaryIdentifier, 'SHCHERBAKOVA');
  assert.equal(passport.optionalData, '850314400123');
  assert.equal(passport.dateOfExpiry, '2030-01-01');
  // TD1: a 12-character number: nine in 6–14, < in 15, the rest and its check digit in the optional data
  const number = 'AB1234567890';
  const l1 = `IDKAZ${number.slice(0, 9)}<${number.slice(9)}${reference(number)}`.padEnd(30, '<');
  const l2td1 = `900101${reference('900101')}M310101${reference('310101')}KAZ<<<<<<<<<<<`;
  const l2c = `${l2td1}${reference(l1.slice(5, 30) + l2td1.slice(0, 7) + l2td1.slice(8, 15) + l2td1.slice(18, 29))}`;
  const id = parse([l1, l2c, 'AKHMETOV<<ERLAN<BOLATULY<<<<<<']);
  assert.equal(id.valid, true, JSON.stringify(id.errors));
  assert.equal(id.documentNumber, number);
  assert.equal(id.documentCode, 'ID');
  assert.equal(id.secondaryIdentifier, 'ERLAN BOLATULY');
});

test('two-digit years: a birth year after this year is 19xx, an expiry is 20xx', () => {
  const line = (dob: string) => `L898902C36UTO${dob}${reference(dob)}F1204159ZE184226B<<<<<1`;
  const withComposite = (l: string) => l + reference(l.slice(0, 10) + l.slice(13, 20) + l.slice(21, 43));
  const year = (dob: string) => parse(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', withComposite(line(dob))]).dateOfBirth;
  assert.equal(year('300101'), '1930-01-01');
  assert.equal(year('270101'), '1927-01-01');
  assert.equal(year('260101'), '2026-01-01');
  assert.equal(year('000229'), '2000-02-29');
  assert.equal(year('74<<<<'), '1974');
  // "this year" follows the day given, forwards and back across a new year
  const lines = (dob: string) => ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', withComposite(line(dob))];
  assert.equal(parseMrz(lines('260101'), { today: new Date('2026-01-05T00:00:00Z') }).dateOfBirth, '2026-01-01');
  assert.equal(parseMrz(lines('260101'), { today: new Date('2025-12-31T23:59:59Z') }).dateOfBirth, '1926-01-01');
  assert.equal(parseMrz(lines('260101'), { today: new Date('2026-01-01T00:00:00Z') }).dateOfBirth, '2026-01-01');
  assert.equal(parseMrz(lines('270101'), { today: new Date('2027-06-01T00:00:00Z') }).dateOfBirth, '2027-01-01');
});

test('bad fields are named, every one, with stable codes; OCR confusions come as suggestions, not corrections', () => {
  const bad = parse(['P<ZZZERIKSSON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<', 'L898902C37UTO7402302Q12O4159ZE184226B<<<<<10']);
  assert.equal(bad.valid, false);
  const codes = bad.errors.map((e) => `${e.field}:${e.code}`);
  for (const expected of ['issuingState:INVALID_STATE', 'names:INVALID_CHARACTER', 'documentNumber:CHECK_DIGIT', 'dateOfBirth:INVALID_DATE', 'sex:INVALID_SEX', 'dateOfExpiry:INVALID_DATE', 'composite:CHECK_DIGIT']) {
    assert.ok(codes.includes(expected), `${expected} in ${codes.join(', ')}`);
  }
  assert.ok(bad.suggestions.some((s) => s.field === 'dateOfExpiry' && s.suggested === '120415'), JSON.stringify(bad.suggestions));
  assert.ok(bad.suggestions.some((s) => s.field === 'names' && s.suggested.includes('MARIA')));
  assert.equal(bad.dateOfExpiry, null); // what was read is not changed
  // one letter O read for 0 in the document number: the check passes with the suggestion
  const ocr = parse(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'.replace('L898902C3', 'L8989O2C3')]);
  assert.deepEqual(ocr.suggestions.find((s) => s.field === 'documentNumber')?.suggested, 'L898902C3');
});

test('lines are trimmed and upper-cased; a short line is padded and reported; what fits no format is unreadable', () => {
  const lower = parse('  p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<  \n\n  l898902c36uto7408122f1204159ze184226b<<<<<10 ');
  assert.equal(lower.valid, true);
  const short = parse(['P<UTOERIKSSON<<ANNA<MARIA', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']);
  assert.equal(short.format, 'TD3');
  assert.deepEqual(short.errors.map((e) => e.code), ['LENGTH']);
  assert.equal(short.secondaryIdentifier, 'ANNA MARIA');
  for (const input of ['', 'P<UTO', ['a', 'b', 'c', 'd'], ['x'.repeat(10), 'y'.repeat(10)]]) {
    const r = parse(input as string);
    assert.equal(r.format, null);
    assert.equal(r.errors[0]?.code, 'UNREADABLE');
  }
});

test('fuzz: random and mutated MRZs never throw and always answer with the contract fields', () => {
  const specimen = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
  const mutated = fc.tuple(fc.nat(1), fc.nat(43), fc.string({ maxLength: 3, unit: 'binary' })).map(([line, at, text]) => specimen.map((l, i) => (i === line ? l.slice(0, at) + text + l.slice(at + 1) : l)));
  const anyLines = fc.array(fc.string({ maxLength: 60, unit: 'binary' }), { maxLength: 5 });
  fc.assert(fc.property(fc.oneof(mutated, anyLines), (lines) => {
    const r = parseMrz(lines, { today });
    return typeof r.valid === 'boolean' && Array.isArray(r.errors) && (r.valid ? r.errors.length === 0 : r.errors.length > 0);
  }), { numRuns: 20_000, seed: 9303 });
});
