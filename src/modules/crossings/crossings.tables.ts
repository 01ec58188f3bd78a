// The crossings module's tables as Kysely sees them (migrations/0007_crossings.sql).
import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../database.ts';

export type Direction = 'entry' | 'exit';
export type TransportMode = 'road' | 'rail' | 'air' | 'sea' | 'river' | 'pedestrian';
export type CheckResult = { code: string; result: 'pass' | 'warn' | 'fail'; detail: string; value?: string };
export type CrossingHit = { entryId: string; recordId: string; list: string; kind: string; action: string; score: number; alertId?: string; contact: string | null; matchedName: string };

export interface CheckpointLaneTable {
  id: string;
  checkpointId: string;
  code: string;
  transportMode: TransportMode;
  direction: 'entry' | 'exit' | 'both';
  active: Generated<boolean>;
  createdAt: Timestamp;
}

export interface CrossingTable {
  id: string;
  checkpointId: string;
  laneId: string | null;
  unitId: string;
  agencyId: string;
  direction: Direction;
  transportMode: TransportMode;
  travellerCategory: string;
  vehicleRole: string | null;
  vehiclePlate: string | null;
  vehicleCountry: string | null;
  purpose: string | null;
  surname: string | null;
  givenNames: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  nationality: string | null;
  documentCode: string | null;
  documentNumber: string | null;
  issuingState: string | null;
  documentExpiry: string | null;
  mrzLines: string[] | null;
  mrzValid: boolean | null;
  checks: Json<CheckResult[]>;
  hits: Json<CrossingHit[]>;
  status: 'in_control' | 'secondary' | 'decided' | 'completed' | 'voided';
  decision: 'pass' | 'refuse' | 'secondary' | 'seize_document' | 'hold_identification' | 'detain' | null;
  reasons: Generated<string[]>;
  reasonPackId: string | null;
  decisionNote: string | null;
  returnToCountry: string | null;
  arrivedAt: Timestamp;
  decidedAt: Timestamp | null;
  leftAt: Timestamp | null;
  officerUserId: string;
  decidedBy: string | null;
  version: Generated<number>;
  vehicleCrossingId: Generated<string | null>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CrossingVersionTable {
  crossingId: string;
  version: number;
  change: string;
  reason: string | null;
  snapshot: Json<Record<string, unknown>>;
  changedAt: Timestamp;
  changedBy: string | null;
}

export interface SecondaryInspectionTable {
  id: string;
  crossingId: string;
  reason: string;
  openedAt: Timestamp;
  openedBy: string;
  outcome: string | null;
  findings: string | null;
  closedAt: Timestamp | null;
  closedBy: string | null;
}

export interface DetentionTable {
  id: string;
  crossingId: string | null;
  checkpointId: string | null;
  unitId: string;
  agencyId: string;
  person: Json<Record<string, unknown>>;
  grounds: string;
  status: Generated<'open' | 'handed_over' | 'released' | 'closed'>;
  detainedAt: Timestamp;
  detainedBy: string | null;
  createdAt: Timestamp;
  source: Generated<'checkpoint' | 'patrol' | 'direct'>;
  category: string | null;
  unidentified: Generated<boolean>;
  description: string | null;
  place: Json<{ checkpointId?: string; borderSectionId?: string; latitude?: number; longitude?: number; description: string }> | null;
  search: Json<Array<{ item: string; quantity?: number }>> | null;
  vehicles: Json<Array<{ plate: string; kind: string }>> | null;
  procedure: 'administrative' | 'criminal' | null;
  heldAt: 'bs_premises' | 'temporary_detention_facility' | 'pretrial_facility' | 'mia_facility' | null;
  heldIn: Timestamp | null;
  heldOut: Timestamp | null;
  protocol: Json<{ number: string; drawnAt: string; onSpot: boolean }> | null;
  explanation: Json<{ requestedAt: string; request: string; answer: string | null; answeredAt: string | null }> | null;
  photo: Buffer | null;
  photoType: 'image/jpeg' | 'image/png' | null;
  version: Generated<number>;
  updatedAt: Timestamp | null;
}

export interface DocumentSeizureTable {
  id: string;
  crossingId: string;
  documentNumber: string | null;
  issuingState: string | null;
  kind: 'temporary' | 'invalid';
  reason: string;
  seizedAt: Timestamp;
  seizedBy: string;
  returnedAt: Timestamp | null;
}

export type PermissionMark = { body: string; reference: string; agencyId: string | null; byUserId: string; at: string };
export type RiskAssessment = { channel: 'green' | 'yellow' | 'red'; packId: string; fired: Array<{ rule: string; channel: string; why: string; names?: { kk: string; ru: string; en: string } }> };

export interface VehicleCrossingTable {
  id: string;
  checkpointId: string;
  laneId: string | null;
  unitId: string;
  agencyId: string;
  direction: Direction;
  transportMode: TransportMode;
  plate: string;
  plateCountry: string;
  vin: string | null;
  vehicleType: string;
  cargoDeclaration: string | null;
  cargoCategories: Generated<string[]>;
  cargoDescription: string | null;
  equeueBooking: string | null;
  permissionMarks: Json<PermissionMark[]>;
  checks: Json<CheckResult[]>;
  risk: Json<RiskAssessment>;
  status: 'in_control' | 'examination' | 'decided' | 'completed';
  decision: 'pass' | 'refuse' | 'detain' | null;
  reasons: Generated<string[]>;
  reasonPackId: string | null;
  decisionNote: string | null;
  arrivedAt: Timestamp;
  decidedAt: Timestamp | null;
  leftAt: Timestamp | null;
  officerUserId: string;
  decidedBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface VehicleExaminationTable {
  id: string;
  vehicleCrossingId: string;
  kind: 'examination' | 'special_examination' | 'inspection' | 'radiation';
  jointWithCustoms: boolean;
  result: 'nothing_found' | 'findings';
  findings: string | null;
  byUserId: string;
  agencyId: string | null;
  at: Timestamp;
}

/** A foreigner's stay with a passed entry and no passed exit yet, by document (see migration 0020). */
export interface OpenStayTable {
  issuingState: string;
  documentNumber: string;
  entryCrossingId: string;
  enteredAt: Timestamp;
  /** the traveller as the entry recorded them (the date of birth only when whole): an exit on another document of theirs closes the stay */
  surname: string | null;
  givenNames: string | null;
  dateOfBirth: string | null;
  nationality: string | null;
  /** M, F or X as the entry's document gave it (migration 0022): an exit of a namesake of the other sex does not close the stay */
  sex: string | null;
  /** raised by every change of the stay or of its traveller's crossings; a verdict is kept only for the version it judged (migration 0021) */
  version: Generated<number>;
  /** the stay rule pack of the kept verdict (null: not judged since it changed) */
  judgedUnder: string | null;
  /** the first day (YYYY-MM-DD, on Kazakhstan's calendar) the stay is over its limit if the traveller stays on; null: never, or not judged */
  overFrom: string | null;
}
