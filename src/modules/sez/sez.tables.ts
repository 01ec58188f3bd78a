// The SEZ module's tables as Kysely sees them (migrations/0011_sez.sql).
import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../database.ts';

export type ListKind = 'monthly' | 'oig' | 'emergency' | 'inspectors';
export type ListStatus = 'draft' | 'signed' | 'agreed' | 'forwarded' | 'received' | 'returned' | 'superseded' | 'closed';
export type StepKind = 'signed' | 'returned' | 'agreed' | 'forwarded' | 'received' | 'closed';
/** Who signed, as the form prints it: position, special rank, surname and initials, and the unit. */
export type Signer = { position: string | null; rank: string | null; name: string; unitName: { kk: string; ru: string; en: string }; acting: boolean };
export type Offence = { registrationNo: string; committedAt: string; place: string; summary: string };
export type EmergencyOrder = { orderNo: string; orderDate: string; emergency: string; place: string; purpose: string };
export type Equipment = { weapons: string[]; protection: string[]; activeDefence: string[] };

export interface SezListTable {
  id: string;
  lineageId: string;
  version: number;
  kind: ListKind;
  sezId: string;
  policeUnitId: string;
  policeAgencyId: string;
  nscUnitId: string | null;
  bsUnitId: string | null;
  month: string;
  status: ListStatus;
  changeReason: string | null;
  offence: Json<Offence> | null;
  emergencyOrder: Json<EmergencyOrder> | null;
  permitNo: string | null;
  rulePackId: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SezListOfficerTable {
  listId: string;
  lineNo: number;
  surname: string;
  givenName: string;
  patronymic: string | null;
  certificateNo: string;
  weaponNo: string | null;
  equipment: Json<Equipment> | null;
}

export interface SezListVehicleTable {
  listId: string;
  lineNo: number;
  plate: string;
  kind: string;
  model: string | null;
}

export interface SezListStepTable {
  id: string;
  listId: string;
  step: StepKind;
  unitId: string;
  userId: string | null;
  actingForUserId: string | null;
  signer: Json<Signer>;
  note: string | null;
  at: Timestamp;
}

/** A reason of an admission: the code, the detail in English (logs, the API), and the values the interface words it with. */
export type AdmissionReason = { code: string; detail: string; blocking: boolean; params?: Record<string, string> };
export type AdmissionWeapon = { number: string; listed: boolean };
export type VehicleRecord = { plate: string; kind: string | null; listed: boolean; inspection: { outcome: 'no_findings' | 'findings'; remarks: string | null; inspectors: string; stateRevenueOfficer: string | null } };

export interface SezAdmissionTable {
  id: string;
  sezId: string;
  checkpointId: string;
  bsUnitId: string;
  direction: 'entry' | 'exit';
  basis: 'routine' | 'oig' | 'emergency' | 'inspector';
  priority: boolean;
  surname: string;
  givenName: string;
  certificateNo: string;
  idDocumentNo: string;
  idDocumentExpiry: string | null;
  listId: string | null;
  lineNo: number | null;
  result: 'pass' | 'refuse';
  reasons: Json<AdmissionReason[]>;
  weapons: Json<AdmissionWeapon[]>;
  vehicle: Json<VehicleRecord> | null;
  decidedBy: string | null;
  at: Timestamp;
}

export interface SezWeaponMovementTable {
  seq: Generated<string>;
  admissionId: string;
  weaponNo: string;
  sezId: string;
  certificateNo: string;
  direction: 'entry' | 'exit';
  at: Timestamp;
}

export type PatrolRoute = { name: string; coordinates: Array<[number, number]> };

export interface SezPlanTable {
  id: string;
  sezId: string;
  policeUnitId: string;
  policeAgencyId: string;
  bsUnitId: string | null;
  year: number;
  status: 'draft' | 'sent' | 'agreed' | 'returned';
  routes: Json<PatrolRoute[]>;
  squadCount: number;
  tasks: Json<string[]>;
  equipment: Json<string[]>;
  note: string | null;
  createdBy: string | null;
  sentBy: string | null;
  sentAt: Timestamp | null;
  agreedBy: string | null;
  agreedAt: Timestamp | null;
  returnedReason: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type RosterPost = { post: string; squad: string; from: string; to: string; officers: string[] };

export interface SezRosterTable {
  id: string;
  sezId: string;
  policeUnitId: string;
  policeAgencyId: string;
  bsUnitId: string | null;
  day: string;
  status: 'draft' | 'approved';
  posts: Json<RosterPost[]>;
  createdBy: string | null;
  approvedBy: string | null;
  approvedActingFor: string | null;
  approvedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SezInspectionTable {
  id: string;
  sezId: string;
  policeUnitId: string;
  policeAgencyId: string;
  plannedOn: string;
  squad: string;
  post: string | null;
  inspector: string;
  plannedBy: string | null;
  performedAt: Timestamp | null;
  findings: string | null;
  measures: string | null;
  recordedBy: string | null;
  createdAt: Timestamp;
}
