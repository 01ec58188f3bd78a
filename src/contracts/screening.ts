import { z } from 'zod';
import { isCountryCode } from '../modules/screening/countries.ts';
import { parseBirthDate } from '../modules/screening/dob.ts';
import { Names, Timestamp, Uuid } from './common.ts';

export const WatchlistKind = z.enum(['entry_ban', 'exit_ban', 'wanted', 'sanctions', 'other']);
export const HitAction = z.enum(['refuse', 'detain', 'notify', 'monitor', 'secondary']);

export const Country = z.string().trim().toUpperCase().refine(isCountryCode, { params: { code: 'COUNTRY_CODE' }, message: 'must be an ISO 3166-1 alpha-3 code (or an ICAO special code)' });
export const PersonName = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const BirthDate = z.string().trim().refine((v) => parseBirthDate(v) !== null, { params: { code: 'BIRTH_DATE' }, message: 'must be a possible date: YYYY, YYYY-MM or YYYY-MM-DD' });

export const ScreeningRequest = z
  .strictObject({
    person: z.strictObject({
      surname: PersonName.optional(),
      givenNames: PersonName.optional(),
      dateOfBirth: BirthDate.optional(),
      nationality: Country.optional(),
      sex: z.enum(['M', 'F', 'X']).optional(),
      nameTruncated: z.boolean().optional().describe('The name filled its MRZ field: its last part may be cut'),
    }).optional(),
    document: z.strictObject({
      number: z.string().trim().min(1).max(30).regex(/^[A-Za-z0-9< -]+$/, 'letters, digits, spaces, < and - only'),
      issuingState: Country.optional(),
    }).optional(),
    checkpointId: Uuid.optional().describe('Screening at this checkpoint: each hit becomes an alert to adjudicate'),
  })
  .refine((r) => Boolean(r.person?.surname || r.person?.givenNames || r.document?.number), { params: { code: 'NAME_OR_DOCUMENT' }, message: 'give at least a name or a document number', path: ['person'] });

export const ScreeningHit = z.object({
  entryId: z.string().describe('The id given at import (UN DATAID, CSV id)'),
  recordId: Uuid,
  list: z.string(),
  kind: WatchlistKind,
  score: z.number(),
  matchedName: z.string(),
  explanation: z.string().describe('Why it matched, in English'),
  reasons: z.array(z.object({ code: z.string(), value: z.string().optional(), percent: z.number().optional() })).describe('The same as codes, for an interface in the officer\'s language'),
  action: HitAction,
  contact: z.string().nullable().describe('Whom to call about this hit'),
  alertId: Uuid.optional(),
  details: z.object({
    names: z.array(z.string()), dateOfBirth: z.string().nullable(), nationalities: z.array(z.string()), sex: z.string().nullable(),
    documentNumbers: z.array(z.string()), reason: z.string().nullable(), legalBasis: z.string().nullable(),
  }).optional().describe('Only for officers of the body that keeps the list, or for an unrestricted entry'),
});

export const ScreeningResponse = z.object({
  hits: z.array(ScreeningHit).describe('At or above the alert threshold, best first: each would stop the traveller'),
  documentHits: z.array(z.object({ entryId: z.string(), list: z.string(), documentNumber: z.string(), status: z.string(), issuingState: z.string() })),
  candidates: z.array(ScreeningHit).describe('Below the threshold but close: shown, not alerting'),
  suppressed: z.array(ScreeningHit).describe('Hits an officer already found to be a false match for this traveller and this version of the entry'),
  indexVersion: z.number(),
});

export const WatchlistView = z.object({
  id: Uuid, code: z.string(), kind: WatchlistKind, names: Names, ownerAgencyId: Uuid.nullable(), contact: z.string().nullable(),
  defaultAction: HitAction, threshold: z.number(), source: z.string().nullable(), version: z.number(), entryCount: z.number(),
});

export const EntriesQuery = z.strictObject({
  q: PersonName.optional().describe('A name in any script: matched like a screening'),
  list: z.string().max(41).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const EntryView = z.object({
  id: Uuid, entryId: z.string(), list: z.string(), kind: WatchlistKind, primaryName: z.string(), score: z.number().optional(),
  version: z.number(), removed: z.boolean(), restricted: z.boolean(),
  details: ScreeningHit.shape.details,
});

export const EntryHistoryView = z.object({
  entry: EntryView,
  versions: z.array(z.object({ version: z.number(), change: z.string(), changedAt: Timestamp, changedBy: Uuid.nullable(), snapshot: z.unknown() })),
});

export const UpsertEntryBody = z.strictObject({
  list: z.string().trim().regex(/^[A-Z0-9][A-Z0-9._-]{1,40}$/, 'a list code: upper-case letters, digits, . _ -'),
  entryId: z.string().trim().min(1).max(100),
  names: z.array(z.strictObject({ name: PersonName, quality: z.enum(['strong', 'weak']).default('strong') })).min(1).max(100),
  sex: z.enum(['M', 'F']).optional(),
  dateOfBirth: z.string().trim().refine((v) => parseBirthDate(v) !== null || /^\d{4}\.\.\d{4}$/.test(v), { params: { code: 'BIRTH_DATE_OR_RANGE' }, message: 'must be YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY' }).optional(),
  nationalities: z.array(Country).max(10).default([]),
  documentNumbers: z.array(z.string().trim().min(3).max(30)).max(20).default([]),
  placeOfBirth: z.string().trim().max(300).optional(),
  reason: z.string().trim().max(2000).optional(),
  legalBasis: z.string().trim().max(500).optional(),
  action: HitAction.optional(),
  validTo: z.iso.date().optional(),
});

export const AdjudicateBody = z.strictObject({
  status: z.enum(['true_match', 'false_match']),
  reason: z.string().trim().min(3).max(1000),
});
export const AlertView = z.object({
  id: Uuid, recordId: Uuid, entryId: z.string(), list: z.string(), score: z.number(), status: z.string(), reason: z.string().nullable(),
  checkpointId: Uuid.nullable(), createdAt: Timestamp, adjudicatedAt: Timestamp.nullable(), query: z.unknown(),
});

export const LostDocumentBody = z.strictObject({
  issuingState: Country,
  number: z.string().trim().min(3).max(30).regex(/^[A-Za-z0-9 -]+$/, 'letters, digits, spaces and - only'),
  documentType: z.string().trim().max(10).optional(),
  status: z.enum(['lost', 'stolen', 'invalid', 'revoked']),
  source: z.string().trim().min(1).max(200),
  reportedOn: z.iso.date().optional(),
});

export const ImportFormat = z.enum(['un-xml', 'csv']);
export const StartImportBody = z.strictObject({
  id: Uuid.optional().describe('A client-made id: a retry with the same id returns the same job'),
  format: ImportFormat.describe('un-xml: the UN Security Council consolidated list; csv: the CSV of contracts.md'),
  kind: WatchlistKind.optional().describe('The kind of lists the file creates (existing lists keep theirs)'),
  fileName: z.string().trim().min(1).max(255),
  content: z.string().min(1, 'the file is empty').describe('The file as text (UTF-8)'),
});
export const ImportJobView = z.object({
  id: Uuid, status: z.enum(['running', 'succeeded', 'rejected', 'failed']), format: ImportFormat, kind: WatchlistKind.nullable(),
  fileName: z.string(), fileBytes: z.number(), total: z.number(), done: z.number(),
  result: z.array(z.object({ list: z.string(), created: z.number(), updated: z.number(), removed: z.number(), unchanged: z.number() })).nullable(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).nullable(),
  error: z.string().nullable(), startedBy: Uuid, createdAt: Timestamp, finishedAt: Timestamp.nullable(),
});
