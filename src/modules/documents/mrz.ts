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
import { begin, add, scan, load, contentEnd, checkDigit, readDate, readDocumentCode, readLongNumber, readNames, readSex, readState, trimmed, verify, verifyComposite, checkCharacters, type Reader } from './mrz-fields.ts';

export { checkDigit };

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

// The parse in progress (one at a time: the parser never awaits): its errors, suggestions and what the
// scan of its lines found. One object reused instead of one per parse.
const reader: Reader = { errors: [], suggestions: [], thisYear2: 0, clean: false, lettersOnly: false, namesEnd: -1 };

const isPrintableAscii = (c: number) => c > 32 && c < 127;

// Two-digit years of birth need this year; a Date per parse costs more than the rest of a field.
let yearCache = { year2: 0, from: 0, until: 0 };
function thisYear2(now: number): number {
  if (now >= yearCache.until || now < yearCache.from) {
    const year = new Date(now).getUTCFullYear();
    yearCache = { year2: year % 100, from: Date.UTC(year, 0, 1), until: Date.UTC(year + 1, 0, 1) };
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
  // per line (by bit): all MRZ characters; letters and fillers only
  let cleanLines = 0;
  let letterLines = 0;
  // where lines 1 and 3 (the names of the two-line formats and of TD1) end before their trailing fillers
  let end0 = -1;
  let end2 = -1;
  for (let i = 0; i < raw.length && lines.length <= 3; i++) {
    const line = raw[i];
    if (typeof line !== 'string') continue;
    // most lines come without surrounding spaces: trim only those that have them
    let text = line.length > 0 && isPrintableAscii(line.charCodeAt(0)) && isPrintableAscii(line.charCodeAt(line.length - 1)) ? line : line.trim();
    if (!text) continue;
    const bit = 1 << lines.length;
    let kind = lines.length < 3 ? scan(text, lines.length) : 0;
    // a scanner typing like a keyboard may send lower case; most lines need no change
    if (kind === 0) {
      text = text.toUpperCase();
      kind = lines.length < 3 ? scan(text, lines.length) : 0;
    }
    if (kind === 1) letterLines |= bit;
    if (kind !== 0) {
      cleanLines |= bit;
      if (lines.length === 0) end0 = contentEnd;
      else if (lines.length === 2) end2 = contentEnd;
    }
    lines.push(text);
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
  // the values of a line not scanned whole, or changed to its length
  for (let i = 0; i < lines.length; i++) if ((cleanLines & (1 << i)) === 0 || fixed[i] !== lines[i]) load(fixed[i]!, i);
  // judged on the lines as read: a line cut to length may have lost its bad character, and the
  // character checks then still run (and find nothing)
  const all = (1 << lines.length) - 1;
  const r = reader;
  const suggestions: MrzSuggestion[] = [];
  r.errors = errors;
  r.suggestions = suggestions;
  const today = options.today?.getTime();
  r.thisYear2 = thisYear2(today !== undefined && Number.isFinite(today) ? today : Date.now());
  r.clean = cleanLines === all;
  r.lettersOnly = (letterLines & (format === 'TD1' ? 4 : 1)) !== 0;
  r.namesEnd = format === 'TD1' ? end2 : end0;
  const result = emptyResult(lines, errors);
  if (format === 'TD1') readTd1(r, fixed, result);
  else readTwoLine(r, fixed, format, result);
  result.valid = errors.length === 0;
  result.format = format;
  result.suggestions = suggestions.length < 2 ? suggestions : suggestions.filter((s, i) => suggestions.findIndex((o) => o.field === s.field && o.suggested === s.suggested) === i);
  return result;
}

function readTwoLine(r: Reader, lines: string[], format: MrzFormat, result: MrzResult) {
  const l1 = lines[0]!;
  const l2 = lines[1]!;
  result.documentCode = readDocumentCode(r, l1, format);
  result.issuingState = readState(r, 'issuingState', l1, 2);
  readNames(r, l1, 5, result);
  checkCharacters(r, 'documentNumber', l2, 0, 9);
  const optionalEnd = format === 'TD3' ? 42 : format === 'TD2' ? 35 : LENGTHS[format];
  let documentNumber: boolean;
  if (format === 'TD2') {
    documentNumber = readLongNumber(r, l2, 1, 0, 28, optionalEnd, result);
  } else {
    result.documentNumber = trimmed(l2, 0, 9);
    result.optionalData = trimmed(l2, 28, optionalEnd);
    documentNumber = verify(r, 'documentNumber', l2, 1, 0, 9, 9, false);
  }
  result.nationality = readState(r, 'nationality', l2, 10);
  result.dateOfBirth = readDate(r, 'dateOfBirth', l2, 13, 'birth');
  const dateOfBirth = verify(r, 'dateOfBirth', l2, 1, 13, 19, 19, true);
  result.sex = readSex(r, l2[20]!);
  result.dateOfExpiry = readDate(r, 'dateOfExpiry', l2, 21, 'expiry');
  const dateOfExpiry = verify(r, 'dateOfExpiry', l2, 1, 21, 27, 27, true);
  checkCharacters(r, 'optionalData', l2, 28, optionalEnd);
  if (format === 'TD3') {
    // an unused personal number: fillers, with the check digit < or 0 (Part 4)
    const optionalData = verify(r, 'optionalData', l2, 1, 28, 42, 42, false, true);
    begin();
    add(1, 0, 10);
    add(1, 13, 20);
    add(1, 21, 43);
    result.checks = { documentNumber, dateOfBirth, dateOfExpiry, optionalData, composite: verifyComposite(r, l2, 43) };
  } else if (format === 'TD2') {
    begin();
    add(1, 0, 10);
    add(1, 13, 20);
    add(1, 21, 35);
    result.checks = { documentNumber, dateOfBirth, dateOfExpiry, composite: verifyComposite(r, l2, 35) };
  } else result.checks = { documentNumber, dateOfBirth, dateOfExpiry };
}

function readTd1(r: Reader, lines: string[], result: MrzResult) {
  const l1 = lines[0]!;
  const l2 = lines[1]!;
  result.documentCode = readDocumentCode(r, l1, 'TD1');
  result.issuingState = readState(r, 'issuingState', l1, 2);
  checkCharacters(r, 'documentNumber', l1, 5, 14);
  checkCharacters(r, 'optionalData', l1, 15, 30);
  const documentNumber = readLongNumber(r, l1, 0, 5, 15, 30, result);
  result.dateOfBirth = readDate(r, 'dateOfBirth', l2, 0, 'birth');
  const dateOfBirth = verify(r, 'dateOfBirth', l2, 1, 0, 6, 6, true);
  result.sex = readSex(r, l2[7]!);
  result.dateOfExpiry = readDate(r, 'dateOfExpiry', l2, 8, 'expiry');
  const dateOfExpiry = verify(r, 'dateOfExpiry', l2, 1, 8, 14, 14, true);
  result.nationality = readState(r, 'nationality', l2, 15);
  checkCharacters(r, 'optionalData2', l2, 18, 29);
  result.optionalData2 = trimmed(l2, 18, 29);
  begin();
  add(0, 5, 30);
  add(1, 0, 7);
  add(1, 8, 15);
  add(1, 18, 29);
  result.checks = { documentNumber, dateOfBirth, dateOfExpiry, composite: verifyComposite(r, l2, 29) };
  readNames(r, lines[2]!, 0, result);
}
