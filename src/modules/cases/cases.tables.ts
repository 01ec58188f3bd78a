// The cases module's tables as Kysely sees them (migrations/0012_cases.sql); `detention` itself is in crossings.tables.ts.
import type { Json, Timestamp } from '../../database.ts';

export type ItemKind = 'person' | 'contraband' | 'weapon' | 'ammunition' | 'drugs' | 'documents' | 'cash' | 'goods' | 'vehicle' | 'other';

export interface DetentionVersionTable {
  detentionId: string;
  version: number;
  snapshot: Json<Record<string, unknown>>;
  reason: string;
  changedBy: string | null;
  at: Timestamp;
}

export interface CustodyItemTable {
  id: string;
  kind: ItemKind;
  description: string;
  quantity: string;
  measure: string;
  sealNo: string | null;
  detentionId: string | null;
  custodianUnitId: string;
  custodianAgencyId: string;
  ownerless: boolean;
  seizedAt: Timestamp;
  seizedBy: string | null;
  createdAt: Timestamp;
}

export type ActStatus = 'sent' | 'accepted' | 'accepted_with_discrepancies' | 'refused';
export type Discrepancy = { lineNo: number; receivedQuantity: number | null; receivedSealNo: string | null; note: string };

export interface HandoverActTable {
  id: string;
  number: string;
  fromUnitId: string;
  fromAgencyId: string;
  toUnitId: string;
  toAgencyId: string;
  detentionId: string | null;
  basis: string;
  toLocalExecutive: boolean;
  status: ActStatus;
  handingOfficer: string;
  handedBy: string | null;
  handedAt: Timestamp;
  documents: Json<string[]>;
  receivingOfficer: string | null;
  receivedBy: string | null;
  receivedAt: Timestamp | null;
  discrepancies: Json<Discrepancy[]> | null;
  refusalReason: string | null;
  measures: string | null;
  measuresAt: Timestamp | null;
  rulePackId: string | null;
  createdAt: Timestamp;
}

export interface HandoverLineTable {
  actId: string;
  lineNo: number;
  itemId: string;
  quantity: string;
  sealNo: string | null;
  receivedQuantity: string | null;
  receivedSealNo: string | null;
  note: string | null;
}

export interface CustodyEventTable {
  id: string;
  itemId: string;
  kind: 'seized' | 'sent' | 'accepted' | 'accepted_with_discrepancy' | 'refused';
  fromUnitId: string | null;
  toUnitId: string | null;
  actId: string | null;
  note: string | null;
  byUser: string | null;
  at: Timestamp;
}

export type ForceMeans = Array<'weapon' | 'military_equipment' | 'special_means' | 'service_animal' | 'physical_force' | 'improvised_means'>;
export type Prohibitions = { women: boolean; obviousDisability: boolean; minors: boolean; vehicleWithPassengers: boolean; unintentionalCrosser: boolean; animals: boolean };

export interface UseOfForceReportTable {
  id: string;
  unitId: string;
  agencyId: string;
  servicemen: string;
  usedAt: Timestamp;
  place: Json<{ description: string; latitude?: number; longitude?: number; inBorderSpace: boolean }>;
  means: Json<ForceMeans>;
  ground: string;
  warning: 'verbal' | 'warning_shot' | 'none';
  noWarningCase: string | null;
  prohibitions: Json<Prohibitions>;
  exceptionGround: string | null;
  aid: string | null;
  outcome: string;
  detentionId: string | null;
  premisesEntry: Json<{ premises: string; owner: string | null; enteredAt: string; lockBroken: boolean }> | null;
  prosecutorNotifiedAt: Timestamp | null;
  prosecutorNotice: string | null;
  premisesNotifiedAt: Timestamp | null;
  reportedBy: string | null;
  createdAt: Timestamp;
}

export interface BorderRepresentativeTable {
  id: string;
  side: 'kazakhstan' | 'neighbour';
  neighbourCountry: string;
  borderSectionId: string | null;
  unitId: string | null;
  fullName: string;
  position: string;
  role: 'representative' | 'deputy' | 'assistant';
  listReference: string | null;
  validFrom: string;
  validTo: string | null;
  createdAt: Timestamp;
}

export type IncidentStatus = 'registered' | 'investigating' | 'settled' | 'passed_to_mfa';
export interface BorderIncidentTable {
  id: string;
  number: string;
  unitId: string;
  agencyId: string;
  neighbourCountry: string;
  borderSectionId: string | null;
  domain: 'land' | 'water' | 'air';
  occurredAt: Timestamp;
  place: Json<{ description: string; latitude?: number; longitude?: number }>;
  summary: string;
  violation: string;
  investigation: 'unilateral' | 'joint' | null;
  armedForcesExperts: boolean;
  status: IncidentStatus;
  outcome: string | null;
  mfaUnitId: string | null;
  closedAt: Timestamp | null;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface BorderIncidentEventTable {
  id: string;
  incidentId: string;
  kind: 'investigation' | 'letter_sent' | 'letter_received' | 'meeting' | 'settled' | 'passed_to_mfa';
  at: Timestamp;
  details: Json<Record<string, unknown>>;
  byUser: string | null;
  createdAt: Timestamp;
}
