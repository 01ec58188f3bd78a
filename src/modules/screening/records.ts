import crypto from 'node:crypto';
import type { EntryName, WatchlistEntryTable } from '../../database.ts';
import { canonicalJson } from '../audit/audit.hash.ts';

/** One watchlist person as an import brings it, before it is stored: the entry's own fields, by name. */
export type WatchlistRecord = Pick<
  WatchlistEntryTable,
  'externalId' | 'sex' | 'dateOfBirth' | 'birthYearFrom' | 'birthYearTo' | 'placeOfBirth' | 'nationalities' | 'documentNumbers' | 'reason'
> & { list: string; names: EntryName[] };

export type ImportProblem = { record: string; message: string };

/** Upper-case letters and digits of a document number, as stored and shown. */
export function documentKey(number: string): string {
  return number.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The lookup key: O and 0, I and 1 read alike on a document and to OCR, so they are one character here. */
export function documentLookupKey(number: string): string {
  return documentKey(number).replace(/O/g, '0').replace(/I/g, '1');
}

/** The content hash of a record: a re-import that changes nothing is recognised and skipped. */
export function recordHash(record: WatchlistRecord): string {
  return crypto.createHash('sha256').update(canonicalJson(record)).digest('hex').slice(0, 32);
}
