// ICAO Doc 9303 machine readable zones, parsed by pure functions (no I/O, nothing thrown on any input).
// Formats: TD1 (Part 5, 3 × 30), TD2 (Part 6, 2 × 36), TD3 (Part 4, 2 × 44), MRV-A (Part 7, 2 × 44)
// and MRV-B (Part 7, 2 × 36). Check digits: weights 7, 3, 1 over the values 0–9, A–Z = 10–35, < = 0,
// sum mod 10 (Part 3, 4.9). Composite check digits: TD3 line 2 positions 1–10, 14–20, 22–43; TD2 line 2
// 1–10, 14–20, 22–35; TD1 line 1 6–30 and line 2 1–7, 9–15, 19–29 (Parts 4–6). A document number
// longer than 9 characters continues in the optional data of TD1 and TD2, the check position holding <
// (Parts 5 and 6). Names: primary identifier, <<, secondary identifier; < between name parts (Part 3, 4.6).
// Two-digit years: a year of birth later than this year is 19xx; an expiry is 20xx (contracts.md).
// The tolerant reading reports likely OCR confusions (O/0, I/1, B/8, S/5, Z/2, G/6) as suggestions,
// never changing what was read.
import { isMrzStateCode } from './states.ts';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';
export type MrzErrorCode = 'CHECK_DIGIT' | 'INVALID_DATE' | 'INVALID_CHARACTER' | 'LENGTH' | 'INVALID_STATE' | 'INVALID_SEX' | 'INVALID_DOCUMENT_CODE' | 'UNREADABLE';
export type MrzError = { field: string; code: MrzErrorCode; message: string };
export type MrzSuggestion = { field: string; read: string; suggested: string; reason: string };

export type MrzResult = {
  valid: boolean;
  format: MrzFormat | null;
  documentCode: string | null;
  issuingState: string | null;
  primaryIdentifier: string | null;
  secondaryIdentifier: string | null;
  /** the name field is full to its last position: the name may have been cut */
  nameTruncated: boolean;
  documentNumber: string | null;
  nationality: string | null;
  dateOfBirth: string | null;
  sex: 'M' | 'F' | 'X' | null;
  dateOfExpiry: string | null;
  optionalData: string | null;
  /** TD1's second optional data field (line 2, 19–29); null in the other formats */
  optionalData2: string | null;
  checks: Partial<Record<'documentNumber' | 'dateOfBirth' | 'dateOfExpiry' | 'optionalData' | 'composite', boolean>>;
  errors: MrzError[];
  suggestions: MrzSuggestion[];
  /** the lines as read (upper-cased, trimmed) */
  lines: string[];
};

const FILLER = 60; // '<'

/** The value of an MRZ character in a check digit: 0–9, A–Z = 10–35, < = 0; −1 for anything else. */
function charValue(c: number): number {
  if (c >= 65) return c <= 90 ? c - 55 : -1;
  if (c >= 48) return c <= 57 ? c - 48 : c === FILLER ? 0 : -1;
  return -1;
}

// The running 7-3-1 sum of a check digit: a composite digit spans several ranges with one weight sequence.
let sum = 0;
let weight = 0;
function begin() {
  sum = 0;
  weight = 0;
}
function add(line: string, start: number, end: number) {
  let s = sum;
  let w = weight;
  for (let i = start; i < end; i++) {
    const v = charValue(line.charCodeAt(i));
    if (v > 0) s += v * (w === 0 ? 7 : w === 1 ? 3 : 1);
    w = w === 2 ? 0 : w + 1;
  }
  sum = s;
  weight = w;
}

/** The check digit of a string (Part 3, 4.9). */
export function checkDigit(value: string): number {
  begin();
  add(value, 0, value.length);
  return sum % 10;
}

// OCR confusions: a letter read where a digit belongs, and the other way round.
const LETTER_TO_DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
const DIGIT_TO_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

/** line[start, end) without the fillers at either end. */
function trimmed(line: string, start: number, end: number): string {
  while (end > start && line.charCodeAt(end - 1) === FILLER) end--;
  while (start < end && line.charCodeAt(start) === FILLER) start++;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

/** line[start, end) with its fillers as single spaces, the ends trimmed. */
function spaced(line: string, start: number, end: number): string {
  const text = trimmed(line, start, end);
  return text.indexOf('<') < 0 ? text : text.replace(/<+/g, ' ');
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// "1900-" … "2099-": a date is then three concatenations, no number formatting
const YEAR_PREFIX = Array.from({ length: 200 }, (_, i) => `${1900 + i}-`);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => c >= 65 && c <= 90;

type Reader = {
  errors: MrzError[];
  suggestions: MrzSuggestion[];
  thisYear2: number;
  /** every character of every line is an MRZ character: the per-field character checks can be skipped */
  clean: boolean;
};

function fail(r: Reader, field: string, code: MrzErrorCode, message: string) {
  r.errors.push({ field, code, message });
}

/** Characters outside A–Z, 0–9, < in a field (only looked for when a line has one). */
function checkCharacters(r: Reader, field: string, line: string, start: number, end: number) {
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
    const suggested = read.replace(/[012568]/g, (d) => DIGIT_TO_LETTER[d] ?? d);
    if (suggested !== read) r.suggestions.push({ field, read, suggested, reason: 'digits read for letters (OCR)' });
    return;
  }
}

/** A date YYMMDD at line[start]; fillers mark an unknown part (Part 3: an unknown date of birth). */
function readDate(r: Reader, field: string, line: string, start: number, kind: 'birth' | 'expiry'): string | null {
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
    const fixed = raw.replace(/[A-Z]/g, (c) => LETTER_TO_DIGIT[c] ?? c);
    if (fixed !== raw && /^\d{6}$/.test(fixed)) r.suggestions.push({ field, read: raw, suggested: fixed, reason: 'letters read for digits (OCR)' });
    return null;
  }
  const yy = (c0 - 48) * 10 + (c1 - 48);
  const year = kind === 'expiry' ? 2000 + yy : yy > r.thisYear2 ? 1900 + yy : 2000 + yy;
  if (!monthKnown) return String(year);
  const month = (c2 - 48) * 10 + (c3 - 48);
  const mm = line.slice(start + 2, start + 4);
  if (month < 1 || month > 12) {
    fail(r, field, 'INVALID_DATE', `month ${mm} does not exist.`);
    return null;
  }
  if (!dayKnown) return YEAR_PREFIX[year - 1900] + mm;
  const day = (c4 - 48) * 10 + (c5 - 48);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day < 1 || day > DAYS[month - 1]! || (month === 2 && day === 29 && !leap)) {
    fail(r, field, 'INVALID_DATE', `day ${line.slice(start + 4, start + 6)} does not exist in ${year}-${mm}.`);
    return null;
  }
  return YEAR_PREFIX[year - 1900] + mm + '-' + line.slice(start + 4, start + 6);
}

/**
 * Verifies the check digit at line[at] over line[start, end) (or over `value` when given: a long document
 * number). On failure, looks for one OCR confusion that would make it pass and suggests it.
 */
function verify(r: Reader, field: string, line: string, start: number, end: number, at: number, numeric: boolean, allowFillerWhenEmpty = false, value?: string): boolean {
  const digitCode = line.charCodeAt(at);
  let expected: number;
  if (value === undefined) {
    if (allowFillerWhenEmpty && digitCode === FILLER) {
      let empty = true;
      for (let i = start; i < end && empty; i++) empty = line.charCodeAt(i) === FILLER;
      if (empty) return true;
    }
    begin();
    add(line, start, end);
    expected = sum % 10;
  } else expected = checkDigit(value);
  if (isDigit(digitCode) && digitCode - 48 === expected) return true;
  const digit = line[at] ?? '';
  const read = value ?? line.slice(start, end);
  const readDigit = isDigit(digitCode) ? digitCode - 48 : null;
  fail(r, field, 'CHECK_DIGIT', readDigit === null ? `the check digit "${digit}" is not a digit (expected ${expected}).` : `the check digit ${readDigit} does not match (expected ${expected}).`);
  if (readDigit === null) {
    if (LETTER_TO_DIGIT[digit] !== undefined && Number(LETTER_TO_DIGIT[digit]) === expected) {
      r.suggestions.push({ field: `${field}.checkDigit`, read: digit, suggested: LETTER_TO_DIGIT[digit]!, reason: 'a letter read for the check digit (OCR); with it the check passes' });
    }
    return false;
  }
  // one character misread: the candidate that makes the check pass
  for (let i = 0; i < read.length; i++) {
    const ch = read[i]!;
    const alternatives = numeric ? (LETTER_TO_DIGIT[ch] ? [LETTER_TO_DIGIT[ch]] : []) : [LETTER_TO_DIGIT[ch], DIGIT_TO_LETTER[ch]].filter((x): x is string => Boolean(x));
    for (const alt of alternatives) {
      const candidate = read.slice(0, i) + alt + read.slice(i + 1);
      if (checkDigit(candidate) === readDigit) {
        r.suggestions.push({ field, read: trimmed(read, 0, read.length), suggested: trimmed(candidate, 0, candidate.length), reason: `"${ch}" at position ${i + 1} read for "${alt}" (OCR); with it the check passes` });
        return false;
      }
    }
  }
  return false;
}

function verifyComposite(r: Reader, at: string, index: number): boolean {
  const expected = sum % 10;
  const c = at.charCodeAt(index);
  if (isDigit(c) && c - 48 === expected) return true;
  fail(r, 'composite', 'CHECK_DIGIT', `the composite check digit "${at[index]}" does not match (expected ${expected}).`);
  return false;
}

function readState(r: Reader, field: string, line: string, start: number): string | null {
  const raw = line.slice(start, start + 3);
  const code = trimmed(raw, 0, 3);
  if (!isMrzStateCode(raw)) fail(r, field, 'INVALID_STATE', `"${raw}" is not an ISO 3166 alpha-3 code nor an ICAO code.`);
  return code || null;
}

function readSex(r: Reader, c: string): 'M' | 'F' | 'X' | null {
  if (c === 'M' || c === 'F') return c;
  // < is "unspecified"; X, which several states print, is read the same
  if (c === '<' || c === 'X') return 'X';
  fail(r, 'sex', 'INVALID_SEX', `"${c}" is not M, F or <.`);
  return null;
}

function readNames(r: Reader, line: string, start: number, result: MrzResult) {
  let split = -1;
  let digit = false;
  for (let i = start; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c <= 57 && c >= 48) digit = true;
    else if (c === FILLER && split < 0 && line.charCodeAt(i + 1) === FILLER) split = i;
  }
  if (digit || !r.clean) checkLetters(r, 'names', line, start, line.length);
  const secondaryFrom = split < 0 ? line.length : split + 2;
  result.primaryIdentifier = spaced(line, start, split < 0 ? line.length : split);
  result.secondaryIdentifier = secondaryFrom >= line.length ? '' : spaced(line, secondaryFrom, line.length);
  result.nameTruncated = line.charCodeAt(line.length - 1) !== FILLER;
}

/** The document code: P for passports (TD3), V for visas, A, C or I for other official travel documents (Parts 4–7). */
function readDocumentCode(r: Reader, line: string, format: MrzFormat): string {
  const first = line[0];
  const ok = format === 'TD3' ? first === 'P' : format === 'MRVA' || format === 'MRVB' ? first === 'V' : first === 'A' || first === 'C' || first === 'I';
  if (!ok) fail(r, 'documentCode', 'INVALID_DOCUMENT_CODE', `"${line.slice(0, 2)}" does not begin as ${format === 'TD3' ? 'a passport (P)' : format === 'TD1' || format === 'TD2' ? 'an official travel document (A, C, I)' : 'a visa (V)'} does.`);
  checkLetters(r, 'documentCode', line, 0, 2);
  return trimmed(line, 0, 2);
}

/** TD1/TD2 document number: nine characters at line[start], continued in the optional data when the check position holds <. */
function readLongNumber(r: Reader, line: string, start: number, optionalStart: number, optionalEnd: number, result: MrzResult): boolean {
  if (line.charCodeAt(start + 9) === FILLER && line.charCodeAt(start + 8) !== FILLER) {
    let end = line.indexOf('<', optionalStart);
    if (end < 0 || end > optionalEnd) end = optionalEnd;
    if (end - optionalStart >= 2) {
      const full = line.slice(start, start + 9) + line.slice(optionalStart, end - 1);
      result.documentNumber = full;
      result.optionalData = trimmed(line, end, optionalEnd);
      return verify(r, 'documentNumber', line, 0, 0, end - 1, false, false, full);
    }
  }
  result.documentNumber = trimmed(line, start, start + 9);
  result.optionalData = trimmed(line, optionalStart, optionalEnd);
  return verify(r, 'documentNumber', line, start, start + 9, start + 9, false);
}

function emptyResult(lines: string[], errors: MrzError[]): MrzResult {
  return {
    valid: false, format: null, documentCode: null, issuingState: null, primaryIdentifier: null, secondaryIdentifier: null, nameTruncated: false,
    documentNumber: null, nationality: null, dateOfBirth: null, sex: null, dateOfExpiry: null, optionalData: null, optionalData2: null, checks: {}, errors, suggestions: [], lines,
  };
}

const LENGTHS: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44, MRVA: 44, MRVB: 36 };

/** Which format the lines are, by their count and length (a visa by its V); null when none fits. */
function detect(lines: string[]): MrzFormat | null {
  let longest = 0;
  for (const l of lines) if (l.length > longest) longest = l.length;
  const visa = lines[0]!.charCodeAt(0) === 86;
  if (lines.length === 3) return longest >= 24 && longest <= 36 ? 'TD1' : null;
  if (lines.length !== 2) return null;
  if (longest >= 40 && longest <= 48) return visa ? 'MRVA' : 'TD3';
  if (longest >= 32 && longest < 40) return visa ? 'MRVB' : 'TD2';
  return null;
}

// (a compiled regular expression scans a line faster than a loop over its characters)
const MRZ_LINE = /^[A-Z0-9<]*$/;
const allMrzCharacters = (line: string): boolean => MRZ_LINE.test(line);

// Two-digit years of birth need this year; a Date per parse costs more than the rest of a field.
let yearCache = { year2: 0, until: 0 };
function thisYear2(now: number): number {
  if (now >= yearCache.until || now < yearCache.until - 400 * 86_400_000) {
    const year = new Date(now).getUTCFullYear();
    yearCache = { year2: year % 100, until: Date.UTC(year + 1, 0, 1) };
  }
  return yearCache.year2;
}

/**
 * Parses an MRZ: two or three lines (an array, or one text with line breaks); blank lines and surrounding
 * spaces are ignored and letters upper-cased (a scanner typing like a keyboard may arrive in lower case).
 * Never throws. `format` is null when the text cannot be read as any format (the CLI's exit code 2).
 */
export function parseMrz(input: string | readonly string[], options: { today?: Date } = {}): MrzResult {
  const raw = typeof input === 'string' ? input.split(/\r?\n|\r/) : input;
  const lines: string[] = [];
  for (let i = 0; i < raw.length && lines.length <= 3; i++) {
    const line = raw[i];
    if (typeof line !== 'string') continue;
    const text = line.trim();
    if (text) lines.push(text.toUpperCase());
  }
  if (lines.length < 2 || lines.length > 3) return emptyResult(lines, [{ field: 'lines', code: 'UNREADABLE', message: `an MRZ has 2 or 3 lines; ${lines.length}${lines.length > 3 ? ' or more' : ''} were given.` }]);
  const format = detect(lines);
  if (!format) return emptyResult(lines, [{ field: 'lines', code: 'UNREADABLE', message: `lines of ${lines.map((l) => l.length).join(' and ')} characters fit no MRZ format (TD1 3 × 30, TD2/MRV-B 2 × 36, TD3/MRV-A 2 × 44).` }]);
  const length = LENGTHS[format];
  const errors: MrzError[] = [];
  // a scanner may drop trailing fillers or add one: read at the standard length, and say so
  let fixed = lines;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.length === length) continue;
    errors.push({ field: `lines[${i}]`, code: 'LENGTH', message: `line ${i + 1} has ${lines[i]!.length} characters; ${format} lines have ${length}.` });
    if (fixed === lines) fixed = [...lines];
    fixed[i] = lines[i]!.length > length ? lines[i]!.slice(0, length) : lines[i]! + '<'.repeat(length - lines[i]!.length);
  }
  const r: Reader = { errors, suggestions: [], thisYear2: options.today ? options.today.getUTCFullYear() % 100 : thisYear2(Date.now()), clean: fixed.every(allMrzCharacters) };
  const result = format === 'TD1' ? readTd1(r, fixed) : readTwoLine(r, fixed, format);
  result.valid = errors.length === 0;
  result.format = format;
  result.errors = errors;
  result.suggestions = r.suggestions.length < 2 ? r.suggestions : r.suggestions.filter((s, i) => r.suggestions.findIndex((o) => o.field === s.field && o.suggested === s.suggested) === i);
  result.lines = lines;
  return result;
}

function readTwoLine(r: Reader, [l1, l2]: string[], format: MrzFormat): MrzResult {
  const result = emptyResult([], []);
  result.documentCode = readDocumentCode(r, l1!, format);
  result.issuingState = readState(r, 'issuingState', l1!, 2);
  readNames(r, l1!, 5, result);
  checkCharacters(r, 'documentNumber', l2!, 0, 9);
  const optionalEnd = format === 'TD3' ? 42 : format === 'TD2' ? 35 : LENGTHS[format];
  const checks = result.checks;
  if (format === 'TD2') {
    checks.documentNumber = readLongNumber(r, l2!, 0, 28, optionalEnd, result);
  } else {
    result.documentNumber = trimmed(l2!, 0, 9);
    result.optionalData = trimmed(l2!, 28, optionalEnd);
    checks.documentNumber = verify(r, 'documentNumber', l2!, 0, 9, 9, false);
  }
  result.nationality = readState(r, 'nationality', l2!, 10);
  result.dateOfBirth = readDate(r, 'dateOfBirth', l2!, 13, 'birth');
  checks.dateOfBirth = verify(r, 'dateOfBirth', l2!, 13, 19, 19, true);
  result.sex = readSex(r, l2![20]!);
  result.dateOfExpiry = readDate(r, 'dateOfExpiry', l2!, 21, 'expiry');
  checks.dateOfExpiry = verify(r, 'dateOfExpiry', l2!, 21, 27, 27, true);
  checkCharacters(r, 'optionalData', l2!, 28, optionalEnd);
  if (format === 'TD3') {
    // an unused personal number: fillers, with the check digit < or 0 (Part 4)
    checks.optionalData = verify(r, 'optionalData', l2!, 28, 42, 42, false, true);
    begin();
    add(l2!, 0, 10);
    add(l2!, 13, 20);
    add(l2!, 21, 43);
    checks.composite = verifyComposite(r, l2!, 43);
  }
  if (format === 'TD2') {
    begin();
    add(l2!, 0, 10);
    add(l2!, 13, 20);
    add(l2!, 21, 35);
    checks.composite = verifyComposite(r, l2!, 35);
  }
  return result;
}

function readTd1(r: Reader, [l1, l2, l3]: string[]): MrzResult {
  const result = emptyResult([], []);
  result.documentCode = readDocumentCode(r, l1!, 'TD1');
  result.issuingState = readState(r, 'issuingState', l1!, 2);
  checkCharacters(r, 'documentNumber', l1!, 5, 14);
  checkCharacters(r, 'optionalData', l1!, 15, 30);
  const checks = result.checks;
  checks.documentNumber = readLongNumber(r, l1!, 5, 15, 30, result);
  result.dateOfBirth = readDate(r, 'dateOfBirth', l2!, 0, 'birth');
  checks.dateOfBirth = verify(r, 'dateOfBirth', l2!, 0, 6, 6, true);
  result.sex = readSex(r, l2![7]!);
  result.dateOfExpiry = readDate(r, 'dateOfExpiry', l2!, 8, 'expiry');
  checks.dateOfExpiry = verify(r, 'dateOfExpiry', l2!, 8, 14, 14, true);
  result.nationality = readState(r, 'nationality', l2!, 15);
  checkCharacters(r, 'optionalData2', l2!, 18, 29);
  result.optionalData2 = trimmed(l2!, 18, 29);
  begin();
  add(l1!, 5, 30);
  add(l2!, 0, 7);
  add(l2!, 8, 15);
  add(l2!, 18, 29);
  checks.composite = verifyComposite(r, l2!, 29);
  readNames(r, l3!, 0, result);
  return result;
}
