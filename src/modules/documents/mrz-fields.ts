// The field readers of the MRZ parser (mrz.ts): character values and 7-3-1 check digits (Doc 9303 Part 3,
// 4.9), dates, states, sex, names, document codes and long document numbers, each reporting its errors
// and OCR suggestions into the reader without throwing.
import type { MrzError, MrzErrorCode, MrzFormat, MrzResult, MrzSuggestion } from './mrz.ts';
import { mrzStateAt } from './states.ts';

const FILLER = 60; // '<'

/** The value of an MRZ character in a check digit: 0–9, A–Z = 10–35, < = 0; −1 for anything else. */
function charValue(c: number): number {
  if (c >= 65) return c <= 90 ? c - 55 : -1;
  if (c >= 48) return c <= 57 ? c - 48 : c === FILLER ? 0 : -1;
  return -1;
}
// The same as a table for the check digits, 0 for anything else (a line with such a character is
// reported by the character check; its check digits only need to be computed without failing).
const VALUE = new Uint8Array(91);
for (let c = 0; c < 91; c++) VALUE[c] = Math.max(0, charValue(c));
const valueAt = (line: string, i: number) => {
  const c = line.charCodeAt(i);
  return c < 91 ? VALUE[c]! : 0;
};

// The lines' character values, line k from k * LINE on, read once and summed from there: a check digit
// then costs no character access. Filled by `scan` (or `load` for a line it could not read whole).
export const LINE = 64;
const VALUES = new Uint8Array(4 * LINE);
// per character code: its class in the high bits (1 a letter or filler, 2 a digit, 0 not an MRZ
// character) and its value in the low six
const CODE = new Uint8Array(65536);
for (let c = 0; c < 128; c++) CODE[c] = (c === FILLER || (c >= 65 && c <= 90) ? 64 : c >= 48 && c <= 57 ? 128 : 0) | Math.max(0, charValue(c));

/** Where the line last scanned ends without its trailing fillers. */
export let contentEnd = 0;

/**
 * Reads line `k` into the values: 1 when it holds letters and fillers only, 3 MRZ characters with a
 * digit, 0 something else (lower case, spaces …: the values are then incomplete).
 */
export function scan(line: string, k: number): number {
  if (line.length > LINE) return 0;
  const base = k * LINE;
  let seen = 0;
  let end = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const code = CODE[c]!;
    if (code < 64) return 0;
    seen |= code;
    VALUES[base + i] = code & 63;
    end = c === FILLER ? end : i + 1;
  }
  contentEnd = end;
  return (seen & 128) === 0 ? 1 : 3;
}

/** Line `k`'s values whatever it holds (0 for a character outside the MRZ's), and 0 past its end. */
export function load(line: string, k: number) {
  const base = k * LINE;
  for (let i = 0; i < LINE; i++) VALUES[base + i] = i < line.length ? valueAt(line, i) : 0;
}

// The running 7-3-1 sum of a check digit: a composite digit spans several ranges with one weight sequence.
let sum = 0;
let weight = 0;
export function begin() {
  sum = 0;
  weight = 0;
}
/** Adds line `k`'s characters [start, end) to the running sum. */
export function add(k: number, start: number, end: number) {
  let s = sum;
  let i = k * LINE + start;
  const stop = k * LINE + end;
  // finish the current 7-3-1 group, then whole groups, then what is left
  if (weight === 1 && i < stop) {
    s += 3 * VALUES[i++]!;
    weight = 2;
  }
  if (weight === 2 && i < stop) {
    s += VALUES[i++]!;
    weight = 0;
  }
  for (; i + 2 < stop; i += 3) s += 7 * VALUES[i]! + 3 * VALUES[i + 1]! + VALUES[i + 2]!;
  if (i < stop) {
    s += 7 * VALUES[i++]!;
    weight = 1;
  }
  if (i < stop) {
    s += 3 * VALUES[i++]!;
    weight = 2;
  }
  sum = s;
}

const WEIGHTS = [7, 3, 1];

/** The 7-3-1 weighted sum of a string's character values. */
function weightedSum(value: string): number {
  let s = 0;
  for (let i = 0; i < value.length; i++) s += valueAt(value, i) * WEIGHTS[i % 3]!;
  return s;
}

/** The check digit of a string (Part 3, 4.9). */
export function checkDigit(value: string): number {
  return weightedSum(value) % 10;
}

// OCR confusions: a letter read where a digit belongs, and the other way round.
const LETTER_TO_DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
const DIGIT_TO_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };
// The same by character code: the code OCR may have meant, 0 for none.
const AS_DIGIT = new Uint8Array(91);
const AS_LETTER = new Uint8Array(91);
for (const [letter, digit] of Object.entries(LETTER_TO_DIGIT)) AS_DIGIT[letter.charCodeAt(0)] = digit.charCodeAt(0);
for (const [digit, letter] of Object.entries(DIGIT_TO_LETTER)) AS_LETTER[digit.charCodeAt(0)] = letter.charCodeAt(0);

/** The text with every character that `table` confuses replaced by the one meant. */
function unconfused(text: string, table: Uint8Array): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const meant = c < 91 ? table[c]! : 0;
    if (meant === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(meant);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** line[start, end) without the fillers at either end. */
export function trimmed(line: string, start: number, end: number): string {
  while (end > start && line.charCodeAt(end - 1) === FILLER) end--;
  while (start < end && line.charCodeAt(start) === FILLER) start++;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

/** line[start, end) with its fillers as single spaces, the ends trimmed. */
function spaced(line: string, start: number, end: number): string {
  while (end > start && line.charCodeAt(end - 1) === FILLER) end--;
  while (start < end && line.charCodeAt(start) === FILLER) start++;
  let at = line.indexOf('<', start);
  if (at < 0 || at >= end) return start === 0 && end === line.length ? line : line.slice(start, end);
  let text = '';
  let from = start;
  while (at >= 0 && at < end) {
    text += line.slice(from, at) + ' ';
    from = at + 1;
    while (line.charCodeAt(from) === FILLER) from++;
    at = line.indexOf('<', from);
  }
  return text + line.slice(from, end);
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// "1900-" … "2099-": a date is then three concatenations, no number formatting
const YEAR_PREFIX = Array.from({ length: 200 }, (_, i) => `${1900 + i}-`);
// "01-01" … "12-31" by month * 32 + day, so a date is one concatenation
const MONTH_DAY = Array.from({ length: 13 * 32 }, (_, i) => `${String(i >> 5).padStart(2, '0')}-${String(i & 31).padStart(2, '0')}`);
const isDigit = (c: number) => c >= 48 && c <= 57;

export type Reader = {
  errors: MrzError[];
  suggestions: MrzSuggestion[];
  thisYear2: number;
  /** every character of every line is an MRZ character: the per-field character checks can be skipped */
  clean: boolean;
  /** the names line (with the document code and state before them) holds letters and fillers only */
  lettersOnly: boolean;
  /** where the names line ends before its trailing fillers; −1 when not known */
  namesEnd: number;
};

function fail(r: Reader, field: string, code: MrzErrorCode, message: string) {
  r.errors.push({ field, code, message });
}

/** Characters outside A–Z, 0–9, < in a field (only looked for when a line has one). */
export function checkCharacters(r: Reader, field: string, line: string, start: number, end: number) {
  if (r.clean) return;
  for (let i = start; i < end; i++) {
    if (charValue(line.charCodeAt(i)) < 0) {
      fail(r, field, 'INVALID_CHARACTER', `"${line[i]}" at position ${i - start + 1} is not an MRZ character (A–Z, 0–9, <).`);
      return;
    }
  }
}

/** Digits where only letters belong (names, document codes), with the letters OCR may have meant. */
function checkLetters(r: Reader, field: string, line: string, start: number, end: number) {
  checkCharacters(r, field, line, start, end);
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (!isDigit(c)) continue;
    fail(r, field, 'INVALID_CHARACTER', `a digit "${line[i]}" at position ${i - start + 1} where only letters and < belong.`);
    const read = line.slice(start, end);
    const suggested = unconfused(read, AS_LETTER);
    if (suggested !== read) r.suggestions.push({ field, read, suggested, reason: 'digits read for letters (OCR)' });
    return;
  }
}

/** A date YYMMDD at line[start]; fillers mark an unknown part (Part 3: an unknown date of birth). */
export function readDate(r: Reader, field: string, line: string, start: number, kind: 'birth' | 'expiry'): string | null {
  const c0 = line.charCodeAt(start);
  const c1 = line.charCodeAt(start + 1);
  const c2 = line.charCodeAt(start + 2);
  const c3 = line.charCodeAt(start + 3);
  const c4 = line.charCodeAt(start + 4);
  const c5 = line.charCodeAt(start + 5);
  if (c0 === FILLER && c1 === FILLER && c2 === FILLER && c3 === FILLER && c4 === FILLER && c5 === FILLER) return null;
  const monthKnown = isDigit(c2) && isDigit(c3);
  const dayKnown = isDigit(c4) && isDigit(c5);
  const shapeOk = isDigit(c0) && isDigit(c1) && (monthKnown || (c2 === FILLER && c3 === FILLER)) && (dayKnown || (c4 === FILLER && c5 === FILLER)) && (monthKnown || !dayKnown);
  if (!shapeOk) {
    const raw = line.slice(start, start + 6);
    fail(r, field, 'INVALID_DATE', `"${raw}" is not a date YYMMDD.`);
    const fixed = unconfused(raw, AS_DIGIT);
    if (fixed !== raw && /^\d{6}$/.test(fixed)) r.suggestions.push({ field, read: raw, suggested: fixed, reason: 'letters read for digits (OCR)' });
    return null;
  }
  const yy = (c0 - 48) * 10 + (c1 - 48);
  const year = kind === 'expiry' ? 2000 + yy : yy > r.thisYear2 ? 1900 + yy : 2000 + yy;
  if (!monthKnown) return String(year);
  const month = (c2 - 48) * 10 + (c3 - 48);
  if (month < 1 || month > 12) {
    fail(r, field, 'INVALID_DATE', `month ${line.slice(start + 2, start + 4)} does not exist.`);
    return null;
  }
  if (!dayKnown) return YEAR_PREFIX[year - 1900] + line.slice(start + 2, start + 4);
  const day = (c4 - 48) * 10 + (c5 - 48);
  if (day < 1 || day > DAYS[month - 1]! || (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0))) {
    fail(r, field, 'INVALID_DATE', `day ${line.slice(start + 4, start + 6)} does not exist in ${year}-${line.slice(start + 2, start + 4)}.`);
    return null;
  }
  return YEAR_PREFIX[year - 1900] + MONTH_DAY[month * 32 + day]!;
}

/**
 * Verifies the check digit at line[at] over line[start, end) (or over `value` when given: a long document
 * number). On failure, looks for one OCR confusion that would make it pass and suggests it.
 */
export function verify(r: Reader, field: string, line: string, k: number, start: number, end: number, at: number, numeric: boolean, allowFillerWhenEmpty = false, value?: string): boolean {
  const digitCode = line.charCodeAt(at);
  let expected: number;
  if (value === undefined) {
    if (allowFillerWhenEmpty && digitCode === FILLER) {
      let empty = true;
      for (let i = start; i < end && empty; i++) empty = line.charCodeAt(i) === FILLER;
      if (empty) return true;
    }
    begin();
    add(k, start, end);
  } else sum = weightedSum(value);
  const total = sum;
  expected = total % 10;
  if (isDigit(digitCode) && digitCode - 48 === expected) return true;
  const digit = line[at] ?? '';
  const read = value ?? line.slice(start, end);
  const readDigit = isDigit(digitCode) ? digitCode - 48 : null;
  fail(r, field, 'CHECK_DIGIT', readDigit === null ? `the check digit "${digit}" is not a digit (expected ${expected}).` : MISMATCH[readDigit * 10 + expected]!);
  if (readDigit === null) {
    const meant = digitCode < 91 ? AS_DIGIT[digitCode]! : 0;
    if (meant !== 0 && meant - 48 === expected) {
      r.suggestions.push({ field: `${field}.checkDigit`, read: digit, suggested: String.fromCharCode(meant), reason: 'a letter read for the check digit (OCR); with it the check passes' });
    }
    return false;
  }
  // one character misread: the first that, read as OCR's usual confusion, makes the check pass (its
  // weighted sum moves by the weight times the change of value; no candidate text is made until found)
  for (let i = 0; i < read.length; i++) {
    const c = read.charCodeAt(i);
    if (c >= 91) continue;
    const meant = AS_DIGIT[c] || (numeric ? 0 : AS_LETTER[c]!);
    if (meant === 0 || (total + WEIGHTS[i % 3]! * (VALUE[meant]! - VALUE[c]!)) % 10 !== readDigit) continue;
    const candidate = read.slice(0, i) + String.fromCharCode(meant) + read.slice(i + 1);
    r.suggestions.push({ field, read: trimmed(read, 0, read.length), suggested: trimmed(candidate, 0, candidate.length), reason: `"${read[i]}" at position ${i + 1} read for "${String.fromCharCode(meant)}" (OCR); with it the check passes` });
    return false;
  }
  return false;
}

// The messages of a check digit read as one digit and expected as another, made once.
const MISMATCH = Array.from({ length: 100 }, (_, k) => `the check digit ${Math.floor(k / 10)} does not match (expected ${k % 10}).`);
const COMPOSITE_MISMATCH = Array.from({ length: 100 }, (_, k) => `the composite check digit "${Math.floor(k / 10)}" does not match (expected ${k % 10}).`);

export function verifyComposite(r: Reader, at: string, index: number): boolean {
  const expected = sum % 10;
  const c = at.charCodeAt(index);
  if (isDigit(c) && c - 48 === expected) return true;
  fail(r, 'composite', 'CHECK_DIGIT', isDigit(c) ? COMPOSITE_MISMATCH[(c - 48) * 10 + expected]! : `the composite check digit "${at[index]}" does not match (expected ${expected}).`);
  return false;
}

export function readState(r: Reader, field: string, line: string, start: number): string | null {
  const known = mrzStateAt(line, start);
  if (known !== undefined) return known;
  const raw = line.slice(start, start + 3);
  fail(r, field, 'INVALID_STATE', `"${raw}" is not an ISO 3166 alpha-3 code nor an ICAO code.`);
  return trimmed(raw, 0, 3) || null;
}

export function readSex(r: Reader, c: string): 'M' | 'F' | 'X' | null {
  if (c === 'M' || c === 'F') return c;
  // < is "unspecified"; X, which several states print, is read the same
  if (c === '<' || c === 'X') return 'X';
  fail(r, 'sex', 'INVALID_SEX', `"${c}" is not M, F or <.`);
  return null;
}

export function readNames(r: Reader, line: string, start: number, result: MrzResult) {
  // letters and fillers only (known from the line's scan): no digit to look for
  if (!r.lettersOnly) {
    let digit = false;
    for (let i = start; i < line.length && !digit; i++) digit = isDigit(line.charCodeAt(i));
    if (digit || !r.clean) checkLetters(r, 'names', line, start, line.length);
  }
  const length = line.length;
  // only fillers follow `end` (a line cut to its standard length may end sooner)
  const end = r.namesEnd >= 0 && r.namesEnd < length ? r.namesEnd : length;
  const found = line.indexOf('<<', start);
  if (found < 0 || found >= end) {
    result.primaryIdentifier = spaced(line, start, end);
    result.secondaryIdentifier = '';
  } else {
    result.primaryIdentifier = spaced(line, start, found);
    result.secondaryIdentifier = found + 2 >= end ? '' : spaced(line, found + 2, end);
  }
  result.nameTruncated = line.charCodeAt(length - 1) !== FILLER;
}

/** The document code: P for passports (TD3), V for visas, A, C or I for other official travel documents (Parts 4–7). */
export function readDocumentCode(r: Reader, line: string, format: MrzFormat): string {
  const first = line[0];
  const ok = format === 'TD3' ? first === 'P' : format === 'MRVA' || format === 'MRVB' ? first === 'V' : first === 'A' || first === 'C' || first === 'I';
  if (!ok) fail(r, 'documentCode', 'INVALID_DOCUMENT_CODE', `"${line.slice(0, 2)}" does not begin as ${format === 'TD3' ? 'a passport (P)' : format === 'TD1' || format === 'TD2' ? 'an official travel document (A, C, I)' : 'a visa (V)'} does.`);
  if (!r.lettersOnly || format === 'TD1') checkLetters(r, 'documentCode', line, 0, 2);
  return trimmed(line, 0, 2);
}

/** TD1/TD2 document number: nine characters at line[start], continued in the optional data when the check position holds <. */
export function readLongNumber(r: Reader, line: string, k: number, start: number, optionalStart: number, optionalEnd: number, result: MrzResult): boolean {
  if (line.charCodeAt(start + 9) === FILLER && line.charCodeAt(start + 8) !== FILLER) {
    let end = line.indexOf('<', optionalStart);
    if (end < 0 || end > optionalEnd) end = optionalEnd;
    if (end - optionalStart >= 2) {
      const full = line.slice(start, start + 9) + line.slice(optionalStart, end - 1);
      result.documentNumber = full;
      result.optionalData = trimmed(line, end, optionalEnd);
      return verify(r, 'documentNumber', line, k, 0, 0, end - 1, false, false, full);
    }
  }
  result.documentNumber = trimmed(line, start, start + 9);
  result.optionalData = trimmed(line, optionalStart, optionalEnd);
  return verify(r, 'documentNumber', line, k, start, start + 9, start + 9, false);
}
