// The screening module's tables as Kysely sees them (migrations/0005_screening.sql).
import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../database.ts';

export interface WatchlistTable {
  id: string;
  code: string;
  kind: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  ownerAgencyId: string | null;
  contact: string | null;
  defaultAction: string;
  threshold: number | null;
  source: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type EntryName = { name: string; quality: 'strong' | 'weak' };

export interface WatchlistEntryTable {
  id: string;
  watchlistId: string;
  externalId: string;
  kind: string;
  primaryName: string;
  names: Json<EntryName[]>;
  sex: 'M' | 'F' | null;
  dateOfBirth: string | null;
  birthYearFrom: number | null;
  birthYearTo: number | null;
  placeOfBirth: string | null;
  nationalities: string[];
  documentNumbers: string[];
  reason: string | null;
  legalBasis: string | null;
  issuingBody: string | null;
  contact: string | null;
  action: string | null;
  validFrom: string | null;
  validTo: string | null;
  restricted: boolean;
  contentHash: string;
  version: number;
  removedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface WatchlistEntryVersionTable {
  entryId: string;
  version: number;
  change: string;
  snapshot: Json;
  changedAt: Timestamp;
  changedBy: string | null;
}

export interface DocumentRegisterTable {
  id: string;
  issuingState: string;
  number: string;
  numberKey: string;
  lookupKey: string;
  documentType: string | null;
  status: string;
  source: string;
  reportedOn: string | null;
  createdAt: Timestamp;
  removedAt: Timestamp | null;
}

export interface ScreeningAlertTable {
  id: string;
  entryId: string;
  entryVersion: number;
  travellerKey: string;
  checkpointId: string | null;
  score: number;
  query: Json;
  status: Generated<string>;
  reason: string | null;
  createdBy: string;
  agencyId: string | null;
  createdAt: Timestamp;
  adjudicatedBy: string | null;
  adjudicatedAt: Timestamp | null;
}

export type ImportJobStatus = 'running' | 'succeeded' | 'rejected' | 'failed';

export interface WatchlistImportTable {
  id: string;
  status: ImportJobStatus;
  format: 'un-xml' | 'csv';
  kind: 'entry_ban' | 'exit_ban' | 'wanted' | 'sanctions' | 'other' | null;
  fileName: string;
  fileBytes: number;
  total: Generated<number>;
  done: Generated<number>;
  result: Json<Array<{ list: string; created: number; updated: number; removed: number; unchanged: number }>> | null;
  problems: Json<Array<{ path: string; message: string }>> | null;
  error: string | null;
  startedBy: string;
  agencyId: string | null;
  nodeId: string;
  createdAt: Timestamp;
  finishedAt: Timestamp | null;
}
