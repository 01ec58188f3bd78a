import { parse } from 'csv-parse/sync';
import { isCountryCode } from '../countries.ts';
import { parseBirthDate } from '../dob.ts';
import type { ImportProblem, WatchlistRecord } from '../records.ts';

export const CSV_COLUMNS = ['id', 'list', 'surname', 'given_names', 'aliases', 'date_of_birth', 'nationality', 'sex', 'document_numbers'] as const;
const MAX_NAME = 200;

const split = (value: string) => value.split(';').map((v) => v.trim()).filter(Boolean);

/**
 * Parses the CSV import format of contracts.md. Every bad row is reported by line number with all its
 * problems; the caller imports nothing when there is any.
 */
export function parseWatchlistCsv(content: string): { records: WatchlistRecord[]; problems: ImportProblem[] } {
  let rows: string[][];
  try {
    rows = parse(content.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    return { records: [], problems: [{ record: 'file', message: `not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = rows;
  const headerProblem = !header || header.length !== CSV_COLUMNS.length || header.some((h, i) => h.toLowerCase() !== CSV_COLUMNS[i]);
  if (headerProblem) return { records: [], problems: [{ record: 'line 1', message: `the header must be: ${CSV_COLUMNS.join(',')}` }] };
  const records: WatchlistRecord[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  body.forEach((row, index) => {
    const line = `line ${index + 2}`;
    const bad = (message: string) => problems.push({ record: line, message });
    if (row.length !== CSV_COLUMNS.length) return bad(`has ${row.length} columns, expected ${CSV_COLUMNS.length}`);
    const [id, list, surname, givenNames, aliases, dob, nationality, sex, documents] = row as [string, string, string, string, string, string, string, string, string];
    if (!id) bad('id is empty');
    if (!/^[A-Z0-9][A-Z0-9._-]{1,40}$/i.test(list)) bad('list must be a code of 2-41 letters, digits, . _ -');
    const primary = [surname, givenNames].filter(Boolean).join(' ');
    if (!primary) bad('surname and given_names are both empty');
    for (const n of [surname, givenNames, ...split(aliases)]) if (n.length > MAX_NAME) bad(`a name is longer than ${MAX_NAME} characters`);
    const birth = dob ? parseBirthDate(dob) : null;
    if (dob && !birth) bad(`date_of_birth "${dob}" is not a possible YYYY, YYYY-MM or YYYY-MM-DD date`);
    const nationalities = split(nationality).map((n) => n.toUpperCase());
    for (const n of nationalities) if (!isCountryCode(n)) bad(`nationality "${n}" is not an ISO 3166-1 alpha-3 code`);
    const sexCode = sex.toUpperCase();
    if (sexCode && !['M', 'F', 'X'].includes(sexCode)) bad(`sex "${sex}" must be M, F or X`);
    const key = `${list}\u0000${id}`;
    if (id && seen.has(key)) bad(`id ${id} of list ${list} repeats line ${seen.get(key)}`);
    seen.set(key, index + 2);
    if (problems.some((p) => p.record === line)) return;
    records.push({
      externalId: id,
      list: list.toUpperCase(),
      names: [{ name: primary, quality: 'strong' as const }, ...split(aliases).filter((a) => a !== primary).map((name) => ({ name, quality: 'strong' as const }))],
      sex: sexCode === 'M' || sexCode === 'F' ? sexCode : null,
      dateOfBirth: birth?.text ?? null,
      birthYearFrom: birth?.yearFrom ?? null,
      birthYearTo: birth?.yearTo ?? null,
      placeOfBirth: null,
      nationalities,
      documentNumbers: split(documents),
      reason: null,
    });
  });
  return { records, problems };
}
