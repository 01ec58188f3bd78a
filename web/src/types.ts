// Response shapes, inferred from the server's zod contracts: one source of truth.
import type { z } from 'zod';
import type { DemoUsersView, SessionView, TokenView } from '../../src/contracts/auth.ts';
import type { BorderSectionView, CheckpointStatusChangeView, CheckpointView, SezView } from '../../src/contracts/geo.ts';
import type { LegalActView } from '../../src/contracts/legal.ts';
import type { ComplianceView, InboxItem as InboxItemView, MessageView, NotificationView, ObligationView, UdbDocumentView } from '../../src/contracts/exchange.ts';
import type { CaseStatsView, CustodyBoardView, CustodyChainView, DetentionView, ForceSummary as ForceSummaryView, ForceView, HandoverView, IncidentSummary as IncidentSummaryView, IncidentView } from '../../src/contracts/cases.ts';
import type { AdmissionView, CalendarItem, InspectionView, ListSummary, ListView, PlanView, RosterView, SezPartyView } from '../../src/contracts/sez.ts';
import type { ActingAssignmentView, AgencyView, CounterpartGroupView, OfficerView, RoleView, UnitView, UserView } from '../../src/contracts/org.ts';

type Wire<T extends z.ZodType> = JsonOf<z.output<T>>;
// Dates travel as ISO strings.
type JsonOf<T> = T extends Date ? string : T extends Array<infer U> ? Array<JsonOf<U>> : T extends object ? { [K in keyof T]: JsonOf<T[K]> } : T;

export type Session = Wire<typeof SessionView>;
export type DemoUsers = Wire<typeof DemoUsersView>;
export type Token = Wire<typeof TokenView>;
export type Checkpoint = Wire<typeof CheckpointView>;
export type BorderSection = Wire<typeof BorderSectionView>;
export type StatusChange = Wire<typeof CheckpointStatusChangeView>;
export type Sez = Wire<typeof SezView>;
export type LegalAct = Wire<typeof LegalActView>;
export type Agency = Wire<typeof AgencyView>;
export type Unit = Wire<typeof UnitView>;
export type Officer = Wire<typeof OfficerView>;
export type Counterparts = Wire<typeof CounterpartGroupView>;
export type Role = Wire<typeof RoleView>;
export type User = Wire<typeof UserView>;
export type Acting = Wire<typeof ActingAssignmentView>;
export type List<T> = { items: T[] };
export type InboxItem = Wire<typeof InboxItemView>;
export type Message = Wire<typeof MessageView>;
export type Notice = Wire<typeof NotificationView>;
export type Obligation = Wire<typeof ObligationView>;
export type Compliance = Wire<typeof ComplianceView>;
export type UdbDocument = Wire<typeof UdbDocumentView>;
export type SezParty = Wire<typeof SezPartyView>;
export type SezList = Wire<typeof ListView>;
export type SezListSummary = Wire<typeof ListSummary>;
export type SezAdmission = Wire<typeof AdmissionView>;
export type SezPlan = Wire<typeof PlanView>;
export type SezRoster = Wire<typeof RosterView>;
export type SezInspection = Wire<typeof InspectionView>;
export type SezCalendarItem = Wire<typeof CalendarItem>;
export type CustodyBoard = Wire<typeof CustodyBoardView>;
export type CustodyChain = Wire<typeof CustodyChainView>;
export type Detention = Wire<typeof DetentionView>;
export type Handover = Wire<typeof HandoverView>;
export type ForceReport = Wire<typeof ForceView>;
export type ForceSummary = Wire<typeof ForceSummaryView>;
export type CaseStats = Wire<typeof CaseStatsView>;
export type Incident = Wire<typeof IncidentView>;
export type IncidentSummary = Wire<typeof IncidentSummaryView>;
export type AuditEvent = {
  id: string; chain: string; seq: number; occurredAt: string; actorUserId: string | null; actorUsername: string | null; agencyId: string | null;
  unitId: string | null; action: string; entityType: string | null; entityId: string | null; correlationId: string | null; ip: string | null;
  details: Record<string, unknown>; hash: string;
};
