// Inter-agency information exchange (Instruction 2002 p.5): messages, receipts, obligations on
// deadline clocks, notifications, compliance, the Unified Data Bank.
import { z } from 'zod';
import { IsoDate, IsoDateTime, onObject, Timestamp, Uuid } from './common.ts';
import { Country, PersonName } from './screening.ts';

export const MessageType = z.enum(['urgent', 'daily', 'monthly', 'advance', 'udb']);
export const Channel = z.enum(['oral', 'phone', 'radio', 'electronic', 'written']);
export const Timing = z.enum(['on_time', 'early', 'late', 'unjudged']);

/** p.5(1) a–f: the six categories of urgent information (d and e each name two kinds of fact). */
export const UrgentSubject = z.enum([
  'crisis_precursors', // a
  'neighbour_actions', // b
  'prohibited_goods', // c
  'wanted_persons', // d: persons and groups of international crime, wanted, intending to violate the border
  'illegal_migrants', // d: identified and detained illegal migrants and the measures taken
  'forged_documents', // e
  'illegal_crossing_outside_checkpoint', // e
  'transit_smuggling_valuables', // f
]);
/** p.5(4): written notices sent in advance. */
export const AdvanceSubject = z.enum(['new_document_specimen', 'issuance_change', 'date_stamp_security_feature', 'lost_stolen_travel_documents', 'expulsion', 'admin_offence_detainee']);

const Text = (max: number) => z.string().trim().min(1).max(max);

/** p.5(1)(d): what a report on an illegal migrant must carry. The RU text says state of departure, the KZ text state of destination: both are recorded. */
export const MigrantRecord = z.strictObject({
  surname: PersonName,
  givenNames: PersonName.optional(),
  dateOfBirth: IsoDate.optional(),
  citizenship: Country,
  document: z.strictObject({ number: Text(30), issuingState: Country }).optional(),
  stateOfDeparture: Country.describe('государство выезда (RU text)'),
  stateOfDestination: Country.describe('баратын мемлекеті (KZ text)'),
  route: Text(1000),
  declaredPurpose: Text(500),
  checkpointId: Uuid,
  travelMode: z.enum(['alone', 'group']),
  groupSize: z.number().int().min(2).max(10_000).optional(),
  visaMeans: Text(1000).describe('how entry and transit visas, invitations and licences were obtained'),
  methods: Text(1000),
  measuresTaken: Text(1000),
}).refine((m) => m.travelMode !== 'group' || m.groupSize !== undefined, { path: ['groupSize'], params: { code: 'GROUP_SIZE_REQUIRED' }, message: 'is required for a group', when: onObject });

/** p.5(3): the five sections of the monthly report. */
export const MonthlySections = z.strictObject({
  situation: Text(20_000),
  incitingGroups: Text(20_000),
  newTactics: Text(20_000),
  damagingActivity: Text(20_000),
  newMethodsAndExamples: Text(20_000),
});

export const Expulsion = z.strictObject({ place: Text(300), date: IsoDate, time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'), persons: z.number().int().min(1).max(100_000) });

const ORAL: readonly string[] = ['oral', 'phone', 'radio'];
const WRITTEN: readonly string[] = ['written', 'electronic'];

export const SendMessageBody = z.strictObject({
  id: Uuid.optional().describe('A client-made id: a retry with the same id returns the same message'),
  type: MessageType,
  unitId: Uuid.optional().describe('The sending unit (default: the sender\'s desk)'),
  subject: z.string().optional().describe('urgent: a category of p.5(1); advance: a subject of p.5(4)'),
  channel: Channel,
  reportedAt: IsoDateTime.optional().describe('When it was told or sent (default: now)'),
  toldBy: Text(200).optional().describe('Who told (oral reports)'),
  toldTo: Text(200).optional().describe('Whom they told (oral reports)'),
  summary: Text(4000),
  to: z.array(Uuid).max(50).default([]).describe('Units addressed in addition to the counterparts'),
  counterparts: z.boolean().default(true).describe('Address the counterpart units of the sender\'s level (p.8)'),
  migrant: MigrantRecord.optional(),
  sections: MonthlySections.optional(),
  expulsion: Expulsion.optional(),
  effectiveOn: IsoDate.optional().describe('advance: the day the change or measure takes effect'),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|H1|H2)$/, 'YYYY-MM (monthly) or YYYY-H1/H2 (UDB)').optional(),
  documents: z.array(Uuid).max(100).default([]).describe('udb: the Data Bank documents submitted'),
})
  .refine((b) => b.type !== 'urgent' || UrgentSubject.safeParse(b.subject).success, { path: ['subject'], params: { code: 'URGENT_CATEGORY_REQUIRED', values: UrgentSubject.options }, message: `urgent information names its category: ${UrgentSubject.options.join(', ')}`, when: onObject })
  .refine((b) => b.type !== 'advance' || AdvanceSubject.safeParse(b.subject).success, { path: ['subject'], params: { code: 'ADVANCE_SUBJECT_REQUIRED', values: AdvanceSubject.options }, message: `an advance notice names its subject: ${AdvanceSubject.options.join(', ')}`, when: onObject })
  .refine((b) => !['daily', 'monthly', 'udb'].includes(b.type) || b.subject === undefined, { path: ['subject'], params: { code: 'SUBJECT_NOT_ALLOWED' }, message: 'only urgent information and advance notices have a subject', when: onObject })
  .refine((b) => !['urgent', 'daily'].includes(b.type) || ORAL.includes(b.channel), { path: ['channel'], params: { code: 'TOLD_FIRST' }, message: 'urgent and daily information are told first (oral, phone or radio); the written confirmation follows', when: onObject })
  .refine((b) => ['urgent', 'daily'].includes(b.type) || WRITTEN.includes(b.channel), { path: ['channel'], params: { code: 'WRITTEN_ONLY' }, message: 'monthly information, advance notices and UDB materials are written (written or electronic)', when: onObject })
  .refine((b) => !ORAL.includes(b.channel) || Boolean(b.toldBy && b.toldTo), { path: ['toldTo'], params: { code: 'WHO_TOLD_WHOM' }, message: 'an oral report records who told whom (toldBy and toldTo)', when: onObject })
  .refine((b) => b.subject !== 'illegal_migrants' || b.migrant !== undefined, { path: ['migrant'], params: { code: 'MIGRANT_RECORD_REQUIRED' }, message: 'a report on illegal migrants carries the migrant record (p.5(1)(d))', when: onObject })
  .refine((b) => b.type !== 'monthly' || b.sections !== undefined, { path: ['sections'], params: { code: 'MONTHLY_SECTIONS_REQUIRED' }, message: 'the monthly report has the five sections of p.5(3)', when: onObject })
  .refine((b) => b.subject !== 'expulsion' || b.expulsion !== undefined, { path: ['expulsion'], params: { code: 'EXPULSION_DETAILS_REQUIRED' }, message: 'an expulsion notice says where, when, at what time and how many (p.5(4))', when: onObject })
  .refine((b) => b.type !== 'advance' || b.effectiveOn !== undefined, { path: ['effectiveOn'], params: { code: 'ADVANCE_DAY_REQUIRED' }, message: 'an advance notice names the day it concerns', when: onObject })
  .refine((b) => b.type !== 'udb' || (b.documents?.length ?? 0) > 0, { path: ['documents'], params: { code: 'UDB_DOCUMENTS_REQUIRED' }, message: 'a UDB submission names at least one Data Bank document', when: onObject })
  .refine((b) => b.period === undefined || (b.type === 'monthly' && /-\d\d$/.test(b.period)) || (b.type === 'udb' && /-H[12]$/.test(b.period)), { path: ['period'], params: { code: 'PERIOD_FOR_TYPE' }, message: 'a period is YYYY-MM for a monthly report or YYYY-H1/H2 for UDB materials', when: onObject });

export const ConfirmBody = z.strictObject({
  id: Uuid.optional(),
  channel: z.enum(['written', 'electronic']),
  summary: Text(4000),
  confirmedAt: IsoDateTime.optional().describe('When the written confirmation was sent (default: now)'),
});

export const EscalateBody = z.strictObject({ note: Text(1000) });

const UnitRef = z.object({ id: z.string(), agencyId: z.string(), level: z.number(), names: z.object({ kk: z.string(), ru: z.string(), en: z.string() }) });

export const RecipientView = z.object({
  unit: UnitRef, via: z.enum(['counterpart', 'ad_hoc', 'escalation']), deliveredAt: Timestamp, readAt: Timestamp.nullable(), acknowledgedAt: Timestamp.nullable(),
});

export const ObligationView = z.object({
  id: z.string(), kind: z.string(), unit: UnitRef, counterpart: UnitRef.nullable(), escalatedTo: UnitRef.nullable(), subjectId: z.string().nullable(), period: z.string().nullable(),
  rule: z.string(), rulePackId: z.string().nullable(), opensAt: Timestamp.nullable(), dueAt: Timestamp, state: z.enum(['open', 'met', 'overdue']), stage: z.enum(['none', 'warned', 'escalated']),
  escalatedAt: Timestamp.nullable(), fulfilledAt: Timestamp.nullable(), outcome: z.enum(['on_time', 'early', 'late']).nullable(),
});

export const MessageView = z.object({
  id: z.string(), type: z.enum(['urgent', 'urgent_confirmation', 'daily', 'monthly', 'advance', 'udb']), subject: z.string().nullable(), sender: UnitRef, sentBy: z.string().nullable(),
  channel: Channel, reportedAt: Timestamp, toldBy: z.string().nullable(), toldTo: z.string().nullable(), summary: z.string(), body: z.record(z.string(), z.unknown()),
  confirmsId: z.string().nullable(), period: z.string().nullable(), effectiveOn: z.string().nullable(), timing: Timing, timingRule: z.string().nullable(), rulePackId: z.string().nullable(),
  recipients: z.array(RecipientView), confirmation: z.object({ id: z.string(), reportedAt: Timestamp, timing: Timing }).nullable(),
  obligations: z.array(ObligationView), mine: z.object({ unitId: z.string(), readAt: Timestamp.nullable(), acknowledgedAt: Timestamp.nullable() }).nullable(),
});

export const InboxQuery = z.strictObject({
  unitId: Uuid.optional(), box: z.enum(['in', 'out']).default('in'), type: MessageType.optional(), unacknowledged: z.coerce.boolean().optional(),
  before: IsoDateTime.optional().describe('Page: messages delivered before this instant'), limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const InboxItem = z.object({
  id: z.string(), type: MessageView.shape.type, subject: z.string().nullable(), sender: UnitRef, summary: z.string(), reportedAt: Timestamp, timing: Timing,
  deliveredAt: Timestamp, readAt: Timestamp.nullable(), acknowledgedAt: Timestamp.nullable(), confirmationState: z.enum(['awaiting', 'confirmed', 'overdue']).nullable(),
});

export const ObligationsQuery = z.strictObject({
  unitId: Uuid.optional(), side: z.enum(['owed', 'owed_to_us', 'escalated', 'all']).default('all'), state: z.enum(['open', 'met', 'overdue']).optional(), kind: z.string().max(60).optional(),
  from: IsoDateTime.optional(), to: IsoDateTime.optional(), limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const NotificationView = z.object({
  id: z.string(), unitId: z.string(), kind: z.string(), severity: z.enum(['info', 'warning', 'alarm']), subjectType: z.string(), subjectId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()), createdAt: Timestamp, seenAt: Timestamp.nullable(),
});

export const ChannelBody = z.strictObject({
  unitId: Uuid.optional().describe('The unit whose desk it serves (default: the caller\'s desk)'), kind: z.enum(['email', 'webhook']), target: z.string().trim().min(3).max(500), minSeverity: z.enum(['info', 'warning', 'alarm']).default('warning'),
}).refine((b) => b.kind !== 'email' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(b.target), { path: ['target'], params: { code: 'EMAIL_ADDRESS' }, message: 'an e-mail address', when: onObject })
  .refine((b) => b.kind !== 'webhook' || /^https?:\/\/\S+$/.test(b.target), { path: ['target'], params: { code: 'HTTP_URL' }, message: 'an http(s) URL', when: onObject });
export const ChannelView = z.object({ id: z.string(), unitId: z.string(), kind: z.enum(['email', 'webhook']), target: z.string(), minSeverity: z.enum(['info', 'warning', 'alarm']), active: z.boolean(), createdAt: Timestamp });

export const ComplianceQuery = z.strictObject({
  unitId: Uuid.optional().describe('A unit and its sub-units (default: every unit the caller may see)'), agencyId: Uuid.optional(), level: z.coerce.number().int().min(1).max(5).optional(),
  from: IsoDate, to: IsoDate,
});
export const ComplianceView = z.object({
  from: z.string(), to: z.string(),
  byKind: z.array(z.object({ kind: z.string(), due: z.number(), onTime: z.number(), early: z.number(), late: z.number(), missed: z.number(), open: z.number(), onTimeShare: z.number().nullable() })),
  byUnit: z.array(z.object({ unit: UnitRef, due: z.number(), onTime: z.number(), late: z.number(), missed: z.number(), onTimeShare: z.number().nullable() })),
  overdue: z.array(ObligationView),
  lateConfirmations: z.array(z.object({ messageId: z.string(), sender: UnitRef, subject: z.string().nullable(), reportedAt: Timestamp, confirmedAt: Timestamp.nullable(), minutes: z.number().nullable() })),
});

export const UdbDocumentBody = z.strictObject({
  id: Uuid.optional(),
  kind: z.enum(['review', 'recommendation', 'training', 'document_specimen', 'other']),
  title: Text(500), body: Text(200_000), language: z.enum(['kk', 'ru', 'en']), unitId: Uuid.optional(),
  visibility: z.enum(['agency', 'interacting']).default('interacting'), period: z.string().regex(/^\d{4}-H[12]$/, 'YYYY-H1 or YYYY-H2').optional(),
  attachments: z.array(z.strictObject({ fileName: Text(255), mediaType: Text(100), contentBase64: z.base64().max(14_000_000) })).max(10).default([]),
});
export const UdbDocumentView = z.object({
  id: z.string(), kind: z.string(), title: z.string(), body: z.string(), language: z.string(), ownerAgencyId: z.string(), ownerUnitId: z.string(), visibility: z.string(), period: z.string().nullable(),
  createdAt: Timestamp, attachments: z.array(z.object({ sha256: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number() })), rank: z.number().optional(),
});
export const UdbQuery = z.strictObject({ q: z.string().trim().max(200).optional(), kind: UdbDocumentBody.shape.kind.optional(), limit: z.coerce.number().int().min(1).max(100).default(30) });
