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
  /** TD1 has a second optional data field (line 2, 19–29) */
  optionalData2?: string | null;
  checks: Partial<Record<'documentNumber' | 'dateOfBirth' | 'dateOfExpiry' | 'optionalData' | 'composite', boolean>>;
  errors: MrzError[];
  suggestions: MrzSuggestion[];
  /** the lines as read (upper-cased, trimmed) */
  lines: string[];
};

const FILLER = 60; // '<'

/** The value of an MRZ character in a check digit: 0–9, A–Z = 10–35, < = 0; −1 for anything else. */
function charValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c === FILLER) return 0;
  return -1;
}

const WEIGHTS = [7, 3, 1];

/** The check digit over ranges [start, end) of the given lines (Part 3, 4.9). */
function checkDigitOf(parts: Array<[string, number, number]>): number {
  let sum = 0;
  let w = 0;
  for (const [line, start, end] of parts) {
    for (let i = start; i < end; i++) {
      const v = charValue(line.charCodeAt(i));
      sum += (v < 0 ? 0 : v) * WEIGHTS[w]!;
      w = w === 2 ? 0 : w + 1;
    }
  }
  return sum % 10;
}

/** The check digit of a string (exported for tests and document-number tools). */
export function checkDigit(value: string): number {
  return checkDigitOf([[value, 0, value.length]]);
}

// OCR confusions: a letter read where a digit belongs, and the other way round.
const LETTER_TO_DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
const DIGIT_TO_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

function stripFillers(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === FILLER) end--;
  let start = 0;
  while (start < end && s.charCodeAt(start) === FILLER) start++;
  return s.slice(start, end);
}

/** Fillers become single spaces, the ends trimmed. */
function fillersToSpaces(s: string): string {
  return stripFillers(s).replace(/<+/g, ' ');
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

type Reader = {
  format: MrzFormat;
  errors: MrzError[];
  suggestions: MrzSuggestion[];
  thisYear2: number;
};

function hasInvalid(s: string): number {
  for (let i = 0; i < s.length; i++) if (charValue(s.charCodeAt(i)) < 0) return i;
  return -1;
}

function checkCharacters(r: Reader, field: string, value: string, kind: 'alnum' | 'alpha' | 'numeric') {
  const bad = hasInvalid(value);
  if (bad >= 0) {
    r.errors.push({ field, code: 'INVALID_CHARACTER', message: `"${value[bad]}" at position ${bad + 1} is not an MRZ character (A–Z, 0–9, <).` });
    return;
  }
  if (kind === 'alpha') {
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      if (ch >= '0' && ch <= '9') {
        r.errors.push({ field, code: 'INVALID_CHARACTER', message: `a digit "${ch}" at position ${i + 1} where only letters and < belong.` });
        if (DIGIT_TO_LETTER[ch]) r.suggestions.push({ field, read: value, suggested: value.replace(/[012568]/g, (d) => DIGIT_TO_LETTER[d] ?? d), reason: 'digits read for letters (OCR)' });
        return;
      }
    }
  }
}

/** A date YYMMDD; fillers mark an unknown part (Part 3: unknown date of birth). */
function readDate(r: Reader, field: string, raw: string, kind: 'birth' | 'expiry'): string | null {
  if (raw === '<<<<<<') return null;
  const digits = /^\d{2}(\d{2}|<<)(\d{2}|<<)$/.test(raw);
  if (!digits) {
    r.errors.push({ field, code: 'INVALID_DATE', message: `"${raw}" is not a date YYMMDD.` });
    const fixed = raw.replace(/[A-Z]/g, (c) => LETTER_TO_DIGIT[c] ?? c);
    if (fixed !== raw && /^\d{6}$/.test(fixed)) r.suggestions.push({ field, read: raw, suggested: fixed, reason: 'letters read for digits (OCR)' });
    return null;
  }
  const yy = Number(raw.slice(0, 2));
  const year = kind === 'expiry' ? 2000 + yy : yy > r.thisYear2 ? 1900 + yy : 2000 + yy;
  if (raw[2] === '<') return String(year);
  const month = Number(raw.slice(2, 4));
  if (month < 1 || month > 12) {
    r.errors.push({ field, code: 'INVALID_DATE', message: `month ${raw.slice(2, 4)} does not exist.` });
    return null;
  }
  if (raw[4] === '<') return `${year}-${raw.slice(2, 4)}`;
  const day = Number(raw.slice(4, 6));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day < 1 || day > DAYS[month - 1]! || (month === 2 && day === 29 && !leap)) {
    r.errors.push({ field, code: 'INVALID_DATE', message: `day ${raw.slice(4, 6)} does not exist in ${year}-${raw.slice(2, 4)}.` });
    return null;
  }
  return `${year}-${raw.slice(2, 4)}-${raw.slice(4, 6)}`;
}

/** Verifies one check digit; on failure, looks for a single OCR confusion that would make it pass. */
function verify(r: Reader, field: string, value: string, digit: string, numeric: boolean, allowFillerWhenEmpty = false): boolean {
  if (allowFillerWhenEmpty && digit === '<' && /^<*$/.test(value)) return true;
  const expected = checkDigit(value);
  if (digit.length === 1 && digit >= '0' && digit <= '9' && Number(digit) === expected) return true;
  const readDigit = digit >= '0' && digit <= '9' ? Number(digit) : null;
  r.errors.push({ field, code: 'CHECK_DIGIT', message: readDigit === null ? `the check digit "${digit}" is not a digit (expected ${expected}).` : `the check digit ${readDigit} does not match (expected ${expected}).` });
  if (readDigit === null && LETTER_TO_DIGIT[digit] !== undefined && Number(LETTER_TO_DIGIT[digit]) === expected) {
    r.suggestions.push({ field: `${field}.checkDigit`, read: digit, suggested: LETTER_TO_DIGIT[digit]!, reason: 'a letter read for the check digit (OCR); with it the check passes' });
    return false;
  }
  if (readDigit === null) return false;
  // one character misread: the candidate that makes the check pass
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const alternatives = numeric ? (LETTER_TO_DIGIT[ch] ? [LETTER_TO_DIGIT[ch]] : []) : [LETTER_TO_DIGIT[ch], DIGIT_TO_LETTER[ch]].filter((x): x is string => Boolean(x));
    for (const alt of alternatives) {
      const candidate = value.slice(0, i) + alt + value.slice(i + 1);
      if (checkDigit(candidate) === readDigit) {
        r.suggestions.push({ field, read: stripFillers(value), suggested: stripFillers(candidate), reason: `"${ch}" at position ${i + 1} read for "${alt}" (OCR); with it the check passes` });
        return false;
      }
    }
  }
  return false;
}

function readState(r: Reader, field: string, raw: string): string | null {
  const code = stripFillers(raw);
  if (!isMrzStateCode(raw)) {
    r.errors.push({ field, code: 'INVALID_STATE', message: `"${raw}" is not an ISO 3166 alpha-3 code nor an ICAO code.` });
    return code || null;
  }
  return code;
}

function readSex(r: Reader, raw: string): 'M' | 'F' | 'X' | null {
  if (raw === 'M' || raw === 'F') return raw;
  if (raw === '<' || raw === 'X') return 'X';
  r.errors.push({ field: 'sex', code: 'INVALID_SEX', message: `"${raw}" is not M, F or <.` });
  return null;
}

function readNames(r: Reader, raw: string) {
  checkCharacters(r, 'names', raw, 'alpha');
  const split = raw.indexOf('<<');
  const primary = fillersToSpaces(split < 0 ? raw : raw.slice(0, split));
  const secondary = split < 0 ? '' : fillersToSpaces(raw.slice(split + 2));
  return { primaryIdentifier: primary, secondaryIdentifier: secondary, nameTruncated: raw.charCodeAt(raw.length - 1) !== FILLER };
}

function readDocumentCode(r: Reader, raw: string, visa: boolean): string {
  const code = stripFillers(raw);
  const first = raw[0];
  const ok = visa ? first === 'V' : first === 'P' || first === 'I' || first === 'A' || first === 'C';
  if (!ok) r.errors.push({ field: 'documentCode', code: 'INVALID_DOCUMENT_CODE', message: `"${raw}" does not begin as a ${visa ? 'visa (V)' : 'passport (P) or an official travel document (I, A, C)'} does.` });
  checkCharacters(r, 'documentCode', raw, 'alpha');
  return code;
}

/** Document number of TD1/TD2: nine characters, continued in the optional data when the check position is <. */
function readLongNumber(r: Reader, number9: string, check: string, optional: string): { documentNumber: string; optionalData: string; ok: boolean } {
  if (check === '<' && number9.charCodeAt(8) !== FILLER) {
    const end = optional.indexOf('<');
    const tail = end < 0 ? optional : optional.slice(0, end);
    if (tail.length >= 2) {
      const full = number9 + tail.slice(0, -1);
      const ok = verify(r, 'documentNumber', full, tail[tail.length - 1]!, false);
      return { documentNumber: full, optionalData: stripFillers(optional.slice(tail.length)), ok };
    }
  }
  return { documentNumber: stripFillers(number9), optionalData: stripFillers(optional), ok: verify(r, 'documentNumber', number9, check, false) };
}

function emptyResult(lines: string[], errors: MrzError[]): MrzResult {
  return {
    valid: false, format: null, documentCode: null, issuingState: null, primaryIdentifier: null, secondaryIdentifier: null, nameTruncated: false,
    documentNumber: null, nationality: null, dateOfBirth: null, sex: null, dateOfExpiry: null, optionalData: null, checks: {}, errors, suggestions: [], lines,
  };
}

const SHAPES: Record<MrzFormat, { lines: number; length: number }> = {
  TD1: { lines: 3, length: 30 }, TD2: { lines: 2, length: 36 }, TD3: { lines: 2, length: 44 }, MRVA: { lines: 2, length: 44 }, MRVB: { lines: 2, length: 36 },
};

/** Which format the lines are, by their count and length (a visa by its V); null when none fits. */
function detect(lines: string[]): MrzFormat | null {
  const longest = Math.max(...lines.map((l) => l.length));
  const visa = lines[0]!.startsWith('V');
  if (lines.length === 3) return longest >= 24 && longest <= 36 ? 'TD1' : null;
  if (lines.length !== 2) return null;
  if (longest >= 40 && longest <= 48) return visa ? 'MRVA' : 'TD3';
  if (longest >= 32 && longest < 40) return visa ? 'MRVB' : 'TD2';
  return null;
}

/**
 * Parses an MRZ: two or three lines (an array, or one text with line breaks); blank lines and surrounding
 * spaces are ignored and letters upper-cased (a scanner typing like a keyboard may arrive in lower case).
 * Never throws. `format` is null when the text cannot be read as any format (the CLI's exit code 2).
 */
export function parseMrz(input: string | readonly string[], options: { today?: Date } = {}): MrzResult {
  const raw = typeof input === 'string' ? input.split(/\r?\n|\r/) : input;
  const lines: string[] = [];
  for (const line of raw) {
    if (typeof line !== 'string') continue;
    const trimmed = line.trim();
    if (trimmed) lines.push(trimmed.toUpperCase());
    if (lines.length > 3) break;
  }
  if (lines.length < 2 || lines.length > 3) return emptyResult(lines, [{ field: 'lines', code: 'UNREADABLE', message: `an MRZ has 2 or 3 lines; ${lines.length}${lines.length > 3 ? ' or more' : ''} were given.` }]);
  const format = detect(lines);
  if (!format) return emptyResult(lines, [{ field: 'lines', code: 'UNREADABLE', message: `lines of ${lines.map((l) => l.length).join(' and ')} characters fit no MRZ format (TD1 3 × 30, TD2/MRV-B 2 × 36, TD3/MRV-A 2 × 44).` }]);
  const shape = SHAPES[format];
  const errors: MrzError[] = [];
  const r: Reader = { format, errors, suggestions: [], thisYear2: (options.today ?? new Date()).getUTCFullYear() % 100 };
  // a scanner may drop trailing fillers or add one: read at the standard length, and say so
  const fixed = lines.map((line, i) => {
    if (line.length !== shape.length) errors.push({ field: `lines[${i}]`, code: 'LENGTH', message: `line ${i + 1} has ${line.length} characters; ${format} lines have ${shape.length}.` });
    return line.length >= shape.length ? line.slice(0, shape.length) : line + '<'.repeat(shape.length - line.length);
  });
  const result = format === 'TD1' ? readTd1(r, fixed) : readTwoLine(r, fixed, format);
  const suggestions = r.suggestions.filter((s, i) => r.suggestions.findIndex((o) => o.field === s.field && o.suggested === s.suggested) === i);
  return { valid: errors.length === 0, format, ...result, errors, suggestions, lines };
}

type Fields = Omit<MrzResult, 'valid' | 'format' | 'errors' | 'suggestions' | 'lines'>;

function readTwoLine(r: Reader, [l1, l2]: string[], format: MrzFormat): Fields {
  const visa = format === 'MRVA' || format === 'MRVB';
  const long = format === 'TD3' || format === 'MRVA';
  const documentCode = readDocumentCode(r, l1!.slice(0, 2), visa);
  const issuingState = readState(r, 'issuingState', l1!.slice(2, 5));
  const names = readNames(r, l1!.slice(5));
  checkCharacters(r, 'documentNumber', l2!.slice(0, 9), 'alnum');
  const end = long ? 44 : 36;
  const optionalEnd = format === 'TD3' ? 42 : format === 'TD2' ? 35 : end;
  const optionalRaw = l2!.slice(28, optionalEnd);
  const checks: Fields['checks'] = {};
  let documentNumber: string;
  let optionalData: string;
  if (format === 'TD2') {
    const n = readLongNumber(r, l2!.slice(0, 9), l2![9]!, optionalRaw);
    documentNumber = n.documentNumber;
    optionalData = n.optionalData;
    checks.documentNumber = n.ok;
  } else {
    documentNumber = stripFillers(l2!.slice(0, 9));
    optionalData = stripFillers(optionalRaw);
    checks.documentNumber = verify(r, 'documentNumber', l2!.slice(0, 9), l2![9]!, false);
  }
  const nationality = readState(r, 'nationality', l2!.slice(10, 13));
  const dateOfBirth = readDate(r, 'dateOfBirth', l2!.slice(13, 19), 'birth');
  checks.dateOfBirth = verify(r, 'dateOfBirth', l2!.slice(13, 19), l2![19]!, true);
  const sex = readSex(r, l2![20]!);
  const dateOfExpiry = readDate(r, 'dateOfExpiry', l2!.slice(21, 27), 'expiry');
  checks.dateOfExpiry = verify(r, 'dateOfExpiry', l2!.slice(21, 27), l2![27]!, true);
  checkCharacters(r, 'optionalData', optionalRaw, 'alnum');
  if (format === 'TD3') {
    // an unused personal number: fillers, with the check digit < or 0 (Part 4)
    checks.optionalData = verify(r, 'optionalData', optionalRaw, l2![42]!, false, true);
    checks.composite = compositeOk(r, [[l2!, 0, 10], [l2!, 13, 20], [l2!, 21, 43]], l2![43]!);
  }
  if (format === 'TD2') checks.composite = compositeOk(r, [[l2!, 0, 10], [l2!, 13, 20], [l2!, 21, 35]], l2![35]!);
  return { documentCode, issuingState, ...names, documentNumber, nationality, dateOfBirth, sex, dateOfExpiry, optionalData, checks };
}

function compositeOk(r: Reader, parts: Array<[string, number, number]>, digit: string): boolean {
  const expected = checkDigitOf(parts);
  if (digit >= '0' && digit <= '9' && Number(digit) === expected) return true;
  r.errors.push({ field: 'composite', code: 'CHECK_DIGIT', message: `the composite check digit "${digit}" does not match (expected ${expected}).` });
  return false;
}

function readTd1(r: Reader, [l1, l2, l3]: string[]): Fields {
  const documentCode = readDocumentCode(r, l1!.slice(0, 2), false);
  const issuingState = readState(r, 'issuingState', l1!.slice(2, 5));
  checkCharacters(r, 'documentNumber', l1!.slice(5, 14), 'alnum');
  const optionalRaw = l1!.slice(15, 30);
  checkCharacters(r, 'optionalData', optionalRaw, 'alnum');
  const n = readLongNumber(r, l1!.slice(5, 14), l1![14]!, optionalRaw);
  const dateOfBirth = readDate(r, 'dateOfBirth', l2!.slice(0, 6), 'birth');
  const checks: Fields['checks'] = { documentNumber: n.ok };
  checks.dateOfBirth = verify(r, 'dateOfBirth', l2!.slice(0, 6), l2![6]!, true);
  const sex = readSex(r, l2![7]!);
  const dateOfExpiry = readDate(r, 'dateOfExpiry', l2!.slice(8, 14), 'expiry');
  checks.dateOfExpiry = verify(r, 'dateOfExpiry', l2!.slice(8, 14), l2![14]!, true);
  const nationality = readState(r, 'nationality', l2!.slice(15, 18));
  const optional2 = l2!.slice(18, 29);
  checkCharacters(r, 'optionalData2', optional2, 'alnum');
  checks.composite = compositeOk(r, [[l1!, 5, 30], [l2!, 0, 7], [l2!, 8, 15], [l2!, 18, 29]], l2![29]!);
  const names = readNames(r, l3!);
  return { documentCode, issuingState, ...names, documentNumber: n.documentNumber, nationality, dateOfBirth, sex, dateOfExpiry, optionalData: n.optionalData, optionalData2: stripFillers(optional2), checks };
}
