// Special economic zones on the EAEU customs border (SEZ Rules 2019): officer lists and their chain,
// admission at the checkpoint, the annual plan, daily post rosters and service inspections.
import { z } from 'zod';
import { IsoDate, IsoDateTime, Names, Timestamp, Uuid } from './common.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Certificate = z.string().trim().min(3).max(40).regex(/^[\p{L}\p{N}\-\/ ]+$/u, 'letters, digits, "-" and "/"').describe('Service certificate number (form column 3)');
const WeaponNo = z.string().trim().min(2).max(40).regex(/^[\p{L}\p{N}\-\/ ]+$/u, 'letters, digits, "-" and "/"');
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const ListKind = z.enum(['monthly', 'oig', 'emergency', 'inspectors']).describe('monthly list with weapons permit (p.4-6); operational-investigative group (p.7); emergency entry (p.8); inspectors and responsible officers (EN p.13)');
export const ListStatus = z.enum(['draft', 'signed', 'agreed', 'forwarded', 'received', 'returned', 'superseded', 'closed']);

export const ListOfficer = z.strictObject({
  surname: Text(100), givenName: Text(100), patronymic: z.string().trim().max(100).optional().describe('if any'),
  certificateNo: Certificate,
  weaponNo: WeaponNo.optional().describe('Service weapon number, if any (form column 4; covered by the weapons permit)'),
  equipment: z.strictObject({
    weapons: z.array(WeaponNo).max(10).default([]), protection: z.array(Text(100)).max(20).default([]), activeDefence: z.array(Text(100)).max(20).default([]),
  }).optional().describe('Emergency entry in full equipment (p.8): the manifest per officer'),
});
export const ListVehicle = z.strictObject({ plate: z.string().trim().min(2).max(20), kind: Text(100), model: z.string().trim().max(100).optional() });

const ListContent = {
  officers: z.array(ListOfficer).min(1).max(500),
  vehicles: z.array(ListVehicle).max(100).default([]).describe('Special vehicles the officers enter on (p.3, p.9): the form has no columns for them, so they form an annex'),
  permitNo: z.string().trim().max(60).optional().describe('Number of the weapons permit that goes with a monthly list (p.4, KZ p.15)'),
};

export const CreateListBody = z.strictObject({
  sezId: Uuid,
  kind: ListKind,
  month: Month.optional().describe('The month the list is for (monthly and inspector lists; default: next month). Priority and emergency lists are for the current month.'),
  policeUnitId: Uuid.optional().describe('The police body (default: the caller\'s)'),
  ...ListContent,
  offence: z.strictObject({ registrationNo: Text(60), committedAt: IsoDateTime, place: Text(300), summary: Text(1000) }).optional().describe('The criminal offence in the SEZ the group is sent for (p.7)'),
  emergencyOrder: z.strictObject({ orderNo: Text(60), orderDate: IsoDate, emergency: Text(500), place: Text(300), purpose: Text(300).default('localisation of the emergency (KZ p.8)') }).optional().describe('The head\'s order (p.8)'),
});
export const UpdateListBody = z.strictObject({ ...ListContent });
export const NewVersionBody = z.strictObject({ reason: Text(1000).describe('Why: correction after return, or amendment (e.g. an officer added mid-month)'), ...ListContent });
export const ReturnBody = z.strictObject({ reason: Text(1000) });

export const SignerView = z.object({ position: z.string().nullable(), rank: z.string().nullable(), name: z.string(), unitName: Names, acting: z.boolean() });
export const StepView = z.object({ step: z.enum(['signed', 'returned', 'agreed', 'forwarded', 'received', 'closed']), unitId: Uuid, userId: Uuid.nullable(), actingForUserId: Uuid.nullable(), signer: SignerView, note: z.string().nullable(), at: Timestamp });
export const ObligationBrief = z.object({ key: z.string(), kind: z.string(), dueAt: Timestamp, state: z.enum(['open', 'met', 'overdue']), outcome: z.enum(['on_time', 'early', 'late']).nullable(), rule: z.string(), fulfilledAt: Timestamp.nullable() });

export const ListView = z.object({
  id: Uuid, lineageId: Uuid, version: z.number().int(), kind: ListKind, status: ListStatus, month: Month,
  sez: z.object({ id: Uuid, code: z.string(), names: Names }),
  policeUnit: z.object({ id: Uuid, names: Names }), nscUnitId: Uuid.nullable(), bsUnitId: Uuid.nullable(),
  officers: z.array(z.object({ lineNo: z.number().int(), surname: z.string(), givenName: z.string(), patronymic: z.string().nullable(), certificateNo: z.string(), weaponNo: z.string().nullable(), equipment: z.object({ weapons: z.array(z.string()), protection: z.array(z.string()), activeDefence: z.array(z.string()) }).nullable() })),
  vehicles: z.array(z.object({ lineNo: z.number().int(), plate: z.string(), kind: z.string(), model: z.string().nullable() })),
  permitNo: z.string().nullable(), changeReason: z.string().nullable(),
  offence: z.object({ registrationNo: z.string(), committedAt: z.string(), place: z.string(), summary: z.string() }).nullable(),
  emergencyOrder: z.object({ orderNo: z.string(), orderDate: z.string(), emergency: z.string(), place: z.string(), purpose: z.string() }).nullable(),
  steps: z.array(StepView), obligations: z.array(ObligationBrief),
  next: z.array(z.enum(['edit', 'sign', 'return', 'agree', 'forward', 'receive', 'new_version', 'close'])).describe('What the caller may do next'),
  versions: z.array(z.object({ id: Uuid, version: z.number().int(), status: ListStatus })),
  createdAt: Timestamp, updatedAt: Timestamp,
});
export const ListSummary = ListView.omit({ officers: true, vehicles: true, steps: true, obligations: true, versions: true }).extend({ officerCount: z.number().int(), weaponCount: z.number().int() });
export const ListsQuery = z.strictObject({ sezId: Uuid.optional(), month: Month.optional(), kind: ListKind.optional(), status: ListStatus.optional() });

export const AdmissionBody = z.strictObject({
  sezId: Uuid,
  checkpointId: Uuid.optional().describe('default: the SEZ\'s checkpoint'),
  direction: z.enum(['entry', 'exit']),
  surname: Text(100), givenName: Text(100),
  certificateNo: Certificate,
  idDocumentNo: z.string().trim().min(5).max(20).describe('Valid identity document of a citizen of Kazakhstan (p.3)'),
  idDocumentExpiry: IsoDate.optional(),
  weapons: z.array(WeaponNo).max(10).default([]).describe('Weapon numbers the officer carries'),
  vehicle: z.strictObject({
    plate: z.string().trim().min(2).max(20), kind: z.string().trim().max(100).optional(),
    inspection: z.strictObject({ outcome: z.enum(['no_findings', 'findings']), remarks: z.string().trim().max(1000).optional(), inspectors: Text(300), stateRevenueOfficer: z.string().trim().max(200).optional() }),
  }).optional().describe('A special vehicle, inspected at entry and exit (p.9)'),
});
export const AdmissionReason = z.object({ code: z.string(), detail: z.string(), blocking: z.boolean(), params: z.record(z.string(), z.string()).optional().describe('The values the interface words the reason with') });
export const AdmissionView = z.object({
  id: Uuid, sezId: Uuid, checkpointId: Uuid, direction: z.enum(['entry', 'exit']), basis: z.enum(['routine', 'oig', 'emergency', 'inspector']), priority: z.boolean(),
  surname: z.string(), givenName: z.string(), certificateNo: z.string(), idDocumentNo: z.string(), listId: Uuid.nullable(), lineNo: z.number().int().nullable(),
  result: z.enum(['pass', 'refuse']), reasons: z.array(AdmissionReason), weapons: z.array(z.object({ number: z.string(), listed: z.boolean() })),
  vehicle: z.object({ plate: z.string(), kind: z.string().nullable(), listed: z.boolean(), inspection: z.object({ outcome: z.enum(['no_findings', 'findings']), remarks: z.string().nullable(), inspectors: z.string(), stateRevenueOfficer: z.string().nullable() }) }).nullable(),
  decidedBy: Uuid.nullable(), at: Timestamp,
});
export const AdmissionsQuery = z.strictObject({ sezId: Uuid, from: IsoDateTime.optional(), to: IsoDateTime.optional(), result: z.enum(['pass', 'refuse']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const WeaponInsideView = z.object({ weaponNo: z.string(), certificateNo: z.string(), enteredAt: Timestamp });

export const SezPartyView = z.object({
  id: Uuid, code: z.string(), names: Names, checkpointIds: z.array(Uuid), timeZone: z.string(),
  units: z.array(z.object({ id: Uuid, role: z.string(), names: Names })),
  myRoles: z.array(z.string()).describe('The parts the caller\'s units play for this SEZ'),
  rules: z.object({ packId: Uuid, effectiveFrom: z.string(), forwardWithinDays: z.number().nullable(), deliveryDay: z.number(), deliveryMonth: z.enum(['before', 'same']), rosterRequired: z.boolean(), inspectorListsRequired: z.boolean(), stateRevenueInspects: z.boolean() }).nullable(),
});

export const CalendarQuery = z.strictObject({ sezId: Uuid, month: Month });
export const CalendarItem = z.object({ date: IsoDate, kind: z.string(), title: z.string(), dueAt: Timestamp.nullable(), state: z.enum(['open', 'met', 'overdue', 'info']), subjectId: Uuid.nullable(), unitId: Uuid.nullable() });

const Route = z.strictObject({ name: Text(200), coordinates: z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(2).max(500).describe('[longitude, latitude] points of the line') });
export const PlanBody = z.strictObject({
  sezId: Uuid, year: z.number().int().min(2019).max(2100),
  routes: z.array(Route).min(1).max(50).describe('Patrol routes (p.11), drawn as lines'),
  squadCount: z.number().int().min(1).max(500), tasks: z.array(Text(500)).min(1).max(100), equipment: z.array(Text(300)).min(1).max(200), note: z.string().trim().max(2000).optional(),
});
export const PlanView = z.object({
  id: Uuid, sezId: Uuid, policeUnitId: Uuid, bsUnitId: Uuid.nullable(), year: z.number().int(), status: z.enum(['draft', 'sent', 'agreed', 'returned']),
  routes: z.array(z.object({ name: z.string(), coordinates: z.array(z.tuple([z.number(), z.number()])) })), squadCount: z.number().int(), tasks: z.array(z.string()), equipment: z.array(z.string()),
  note: z.string().nullable(), sentAt: Timestamp.nullable(), agreedAt: Timestamp.nullable(), returnedReason: z.string().nullable(),
  next: z.array(z.enum(['edit', 'send', 'agree', 'return'])), updatedAt: Timestamp,
});
export const RosterBody = z.strictObject({
  sezId: Uuid, day: IsoDate,
  posts: z.array(z.strictObject({ post: Text(200), squad: Text(100), from: Hhmm, to: Hhmm, officers: z.array(Text(200)).min(1).max(30) })).min(1).max(200),
});
export const RosterView = z.object({
  id: Uuid, sezId: Uuid, policeUnitId: Uuid, bsUnitId: Uuid.nullable(), day: IsoDate, status: z.enum(['draft', 'approved']),
  posts: z.array(z.object({ post: z.string(), squad: z.string(), from: z.string(), to: z.string(), officers: z.array(z.string()) })),
  approvedAt: Timestamp.nullable(), approvedBy: Uuid.nullable(), actingFor: Uuid.nullable(), obligation: ObligationBrief.nullable(),
});
export const InspectionPlanBody = z.strictObject({ sezId: Uuid, plannedOn: IsoDate, squad: Text(100), post: z.string().trim().max(200).optional(), inspector: Text(200) });
export const InspectionRecordBody = z.strictObject({ performedAt: IsoDateTime, findings: Text(2000), measures: z.string().trim().max(2000).optional() });
export const InspectionView = z.object({ id: Uuid, sezId: Uuid, plannedOn: IsoDate, squad: z.string(), post: z.string().nullable(), inspector: z.string(), performedAt: Timestamp.nullable(), findings: z.string().nullable(), measures: z.string().nullable() });
