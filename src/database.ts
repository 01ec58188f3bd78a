// The database schema as Kysely sees it: one interface per table (camelCase; the CamelCasePlugin maps
// to the snake_case SQL of migrations/). Each module reads and writes only its own tables.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ExchangeMessageTable, ExchangeRecipientTable, NotificationChannelTable, NotificationDeliveryTable, NotificationTable, ObligationClockTable, ObligationTable, UdbAttachmentTable, UdbBlobTable, UdbDocumentTable } from './modules/exchange/exchange.tables.ts';
import type { CheckpointLaneTable, CrossingTable, OpenStayTable, CrossingVersionTable, DetentionTable, DocumentSeizureTable, SecondaryInspectionTable, VehicleCrossingTable, VehicleExaminationTable } from './modules/crossings/crossings.tables.ts';
import type { BorderIncidentEventTable, BorderIncidentTable, BorderRepresentativeTable, CustodyEventTable, CustodyItemTable, DetentionVersionTable, HandoverActTable, HandoverLineTable, UseOfForceReportTable } from './modules/cases/cases.tables.ts';
import type { SezAdmissionTable, SezInspectionTable, SezListOfficerTable, SezListStepTable, SezListTable, SezListVehicleTable, SezPlanTable, SezRosterTable, SezWeaponMovementTable } from './modules/sez/sez.tables.ts';
import type { DocumentRegisterTable, ScreeningAlertTable, WatchlistEntryTable, WatchlistEntryVersionTable, WatchlistImportTable, WatchlistTable } from './modules/screening/screening.tables.ts';

export type { EntryName, WatchlistEntryTable } from './modules/screening/screening.tables.ts';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json<T extends object | null = Record<string, unknown>> = JSONColumnType<T, string, string>;

export interface SystemSettingTable {
  key: string;
  value: Json;
  updatedAt: Generated<Date>;
}

export interface OutboxEventTable {
  id: string;
  origin: string;
  topic: string;
  aggregateType: string;
  aggregateId: string | null;
  payload: Json;
  createdAt: Timestamp;
  publishedAt: Timestamp | null;
  attempts: Generated<number>;
  lastError: string | null;
}

export interface IdempotencyKeyTable {
  userId: string;
  key: string;
  method: string;
  route: string;
  requestHash: string;
  state: 'pending' | 'done';
  responseStatus: number | null;
  responseBody: string | null;
  createdAt: Timestamp;
}

export interface AuditEventTable {
  id: string;
  chain: string;
  seq: number;
  occurredAt: Timestamp;
  actorUserId: string | null;
  actorUsername: string | null;
  onBehalfOfUserId: string | null;
  agencyId: string | null;
  unitId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  correlationId: string | null;
  ip: string | null;
  details: Json<Record<string, unknown>>;
  prevHash: string;
  hash: string;
}

export interface AgencyTable {
  id: string;
  code: string;
  kind: string;
  country: string;
  parentAgencyId: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  shortKk: string;
  shortRu: string;
  shortEn: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UnitTable {
  id: string;
  agencyId: string;
  parentId: string | null;
  path: string[];
  level: number;
  unitType: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  timeZone: string;
  isActive: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CounterpartGroupTable {
  id: string;
  purpose: string;
  level: number;
  checkpointId: string | null;
  sezId: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  createdAt: Timestamp;
}

export interface CounterpartMemberTable {
  groupId: string;
  unitId: string;
  role: string;
}

export interface OfficerTable {
  id: string;
  agencyId: string;
  unitId: string;
  surname: string;
  givenNames: string;
  patronymic: string | null;
  rank: string | null;
  position: string;
  serviceCertificateNo: string | null;
  isActive: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RoleTable {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  permissions: string[];
  agencyKinds: string[] | null;
}

export interface AppUserTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  agencyId: string | null;
  unitId: string | null;
  officerId: string | null;
  locale: 'kk' | 'ru' | 'en';
  isActive: Generated<boolean>;
  isBuiltin: Generated<boolean>;
  isDemo: Generated<boolean>;
  failedLogins: Generated<number>;
  lockedUntil: Timestamp | null;
  passwordChangedAt: Timestamp;
  lastLoginAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UserRoleTable {
  userId: string;
  roleCode: string;
  scopeUnitId: string | null;
  grantedAt: Timestamp;
  grantedBy: string | null;
}

export interface ActingAssignmentTable {
  id: string;
  principalUserId: string;
  deputyUserId: string;
  unitId: string;
  validFrom: Timestamp;
  validTo: Timestamp;
  basis: string;
  createdBy: string | null;
  createdAt: Timestamp;
  revokedAt: Timestamp | null;
}

export interface UserSessionTable {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
  revokedAt: Timestamp | null;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: Timestamp;
  expiresAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface LegalActTable {
  id: string;
  code: string;
  actType: string;
  number: string;
  adoptedOn: string;
  registrationNo: string | null;
  registeredOn: string | null;
  titleKk: string | null;
  titleRu: string | null;
  titleEn: string;
  issuer: string;
  status: string;
  inForceFrom: string | null;
  repealedOn: string | null;
  repealedByActId: string | null;
  repealedByText: string | null;
  languages: Json<Array<{ lang: string; source: string; note?: string }>>;
  notes: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RulePackTable {
  id: string;
  actId: string;
  code: string;
  kind: string;
  titleKk: string | null;
  titleRu: string | null;
  titleEn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  content: Json;
  createdAt: Timestamp;
}

export interface BorderSectionTable {
  id: string;
  code: string;
  neighbourCountry: string;
  kind: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  lengthKm: number | null;
  createdAt: Timestamp;
}

export type WorkingHours = { always: true } | { weekly: Array<{ days: number[]; open: string; close: string }> };

export interface CheckpointTable {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  borderSectionId: string | null;
  unitId: string | null;
  transportModes: string[];
  category: string;
  isJoint: boolean;
  jointPartnerCountry: string | null;
  controlZone: string | null;
  neighbourCheckpointName: string | null;
  latitude: number;
  longitude: number;
  coordinatesAreDemo: boolean;
  timeZone: string;
  workingHours: Json<WorkingHours>;
  status: string;
  statusReason: string | null;
  statusLegalBasis: string | null;
  statusFrom: Timestamp | null;
  statusUntil: Timestamp | null;
  statusModes: string[] | null;
  statusDirections: string[] | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CheckpointStatusChangeTable {
  id: string;
  checkpointId: string;
  status: string;
  reason: string | null;
  legalBasis: string | null;
  validFrom: Timestamp;
  validUntil: Timestamp | null;
  requestedByNeighbour: boolean;
  transportModes: string[] | null;
  directions: string[] | null;
  decidedBy: string | null;
  createdAt: Timestamp;
}

export interface SezTable {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  descriptionEn: string | null;
  legalBasis: string | null;
  createdAt: Timestamp;
}

export interface SezCheckpointTable {
  sezId: string;
  checkpointId: string;
}

export interface Database {
  systemSetting: SystemSettingTable;
  outboxEvent: OutboxEventTable;
  idempotencyKey: IdempotencyKeyTable;
  auditEvent: AuditEventTable;
  agency: AgencyTable;
  unit: UnitTable;
  counterpartGroup: CounterpartGroupTable;
  counterpartMember: CounterpartMemberTable;
  officer: OfficerTable;
  role: RoleTable;
  appUser: AppUserTable;
  userRole: UserRoleTable;
  actingAssignment: ActingAssignmentTable;
  userSession: UserSessionTable;
  apiToken: ApiTokenTable;
  legalAct: LegalActTable;
  rulePack: RulePackTable;
  borderSection: BorderSectionTable;
  checkpoint: CheckpointTable;
  checkpointStatusChange: CheckpointStatusChangeTable;
  sez: SezTable;
  sezCheckpoint: SezCheckpointTable;
  watchlist: WatchlistTable;
  watchlistEntry: WatchlistEntryTable;
  watchlistEntryVersion: WatchlistEntryVersionTable;
  documentRegister: DocumentRegisterTable;
  screeningAlert: ScreeningAlertTable;
  watchlistImport: WatchlistImportTable;
  checkpointLane: CheckpointLaneTable;
  crossing: CrossingTable;
  crossingVersion: CrossingVersionTable;
  openStay: OpenStayTable;
  secondaryInspection: SecondaryInspectionTable;
  detention: DetentionTable;
  documentSeizure: DocumentSeizureTable;
  vehicleCrossing: VehicleCrossingTable;
  vehicleExamination: VehicleExaminationTable;
  exchangeMessage: ExchangeMessageTable;
  exchangeRecipient: ExchangeRecipientTable;
  obligation: ObligationTable;
  obligationClock: ObligationClockTable;
  notification: NotificationTable;
  notificationChannel: NotificationChannelTable;
  notificationDelivery: NotificationDeliveryTable;
  udbDocument: UdbDocumentTable;
  udbBlob: UdbBlobTable;
  udbAttachment: UdbAttachmentTable;
  sezList: SezListTable;
  sezListOfficer: SezListOfficerTable;
  sezListVehicle: SezListVehicleTable;
  sezListStep: SezListStepTable;
  sezAdmission: SezAdmissionTable;
  sezWeaponMovement: SezWeaponMovementTable;
  sezPlan: SezPlanTable;
  sezRoster: SezRosterTable;
  sezInspection: SezInspectionTable;
  detentionVersion: DetentionVersionTable;
  custodyItem: CustodyItemTable;
  handoverAct: HandoverActTable;
  handoverLine: HandoverLineTable;
  custodyEvent: CustodyEventTable;
  useOfForceReport: UseOfForceReportTable;
  borderRepresentative: BorderRepresentativeTable;
  borderIncident: BorderIncidentTable;
  borderIncidentEvent: BorderIncidentEventTable;
}
