// Border control at checkpoints: crossings of persons, the automatic checks, the decisions.
import { z } from 'zod';
import { IsoDate, IsoDateTime, onObject, Timestamp, Uuid } from './common.ts';
import { BirthDate, Country, PersonName } from './screening.ts';

export const Direction = z.enum(['entry', 'exit']);
export const TransportMode = z.enum(['road', 'rail', 'air', 'sea', 'river', 'pedestrian']);
export const TravellerCategory = z.enum(['rk_citizen', 'foreigner', 'stateless', 'diplomat', 'crew', 'officer_on_duty', 'other']);
export const Decision = z.enum(['pass', 'refuse', 'secondary', 'seize_document', 'hold_identification', 'detain']);
export const SecondaryOutcome = z.enum(['pass', 'refuse', 'seize_document', 'detain', 'handed_to_police']);
export const Purpose = z.enum(['tourism', 'business', 'private', 'work', 'study', 'transit', 'official', 'residence', 'other']);

export const StartCrossingBody = z.strictObject({
  id: Uuid.optional().describe('A client-made id: a retry with the same id returns the same crossing'),
  checkpointId: Uuid,
  laneId: Uuid.optional(),
  direction: Direction,
  transportMode: TransportMode,
  travellerCategory: TravellerCategory.optional().describe('Default from the document: a Kazakh national is rk_citizen; XXA/XXB/XXC/XXX stateless; a diplomatic passport (PD) diplomat; else foreigner'),
  vehicleRole: z.enum(['driver', 'passenger', 'crew', 'pedestrian']).optional(),
  vehicle: z.strictObject({ plate: z.string().trim().toUpperCase().min(2).max(15).regex(/^[A-Z0-9 -]+$/, 'letters, digits, spaces and - only'), country: Country }).optional(),
  vehicleCrossingId: Uuid.optional().describe('The vehicle crossing this traveller belongs to (driver, passenger, crew): its plate and country are taken from it'),
  purpose: Purpose.optional(),
  mrz: z.array(z.string().max(100)).min(2).max(3).optional().describe('The machine readable zone as the scanner read it'),
  document: z.strictObject({
    code: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}$/, 'one or two letters (P, ID, V …)'),
    number: z.string().trim().toUpperCase().min(3).max(30).regex(/^[A-Z0-9]+$/, 'letters and digits only'),
    issuingState: Country,
    expiry: IsoDate.optional(),
  }).optional().describe('The document typed by hand (when there is no readable MRZ)'),
  person: z.strictObject({
    surname: PersonName,
    givenNames: PersonName.optional(),
    dateOfBirth: BirthDate.optional(),
    sex: z.enum(['M', 'F', 'X']).optional(),
    nationality: Country.optional(),
  }).optional(),
  arrivedAt: IsoDateTime.optional().describe('When the traveller reached control (default: now)'),
})
  // these run even when other fields are bad: every problem is listed at once
  .refine((b) => Boolean(b.mrz || b.document), { path: ['mrz'], params: { code: 'MRZ_OR_DOCUMENT' }, message: 'give the MRZ as read, or the document typed by hand', when: onObject })
  .refine((b) => Boolean(b.mrz || b.person), { path: ['person'], params: { code: 'PERSON_WITHOUT_MRZ' }, message: 'is required when there is no MRZ', when: onObject })
  .refine((b) => !(b.mrz && (b.document || b.person)), { path: ['document'], params: { code: 'MRZ_OR_TYPED' }, message: 'give either the MRZ or the document and person typed by hand, not both', when: onObject });

export const DecideBody = z.strictObject({
  decision: z.union([Decision, SecondaryOutcome]).describe('At control: pass, refuse, secondary, seize_document, hold_identification, detain. After secondary inspection: its outcome (pass, refuse, seize_document, detain, handed_to_police)'),
  reasons: z.array(z.string().trim().regex(/^[A-Z0-9_]{2,40}$/)).max(10).default([]).describe('Refusal reason codes of the reason list in force'),
  note: z.string().trim().max(2000).optional().describe('Grounds, findings or the reason for a referral'),
  returnToCountry: Country.optional().describe('Where a refused foreigner is returned (Art. 19(10))'),
  purpose: Purpose.optional().describe('The purpose of travel the traveller stated at control, recorded with the decision when the registration left it open (once recorded, changed only by a correction)'),
});

export const CheckView = z.object({ code: z.string(), result: z.enum(['pass', 'warn', 'fail']), detail: z.string(), value: z.string().optional() });
export const CrossingHitView = z.object({ entryId: z.string(), recordId: z.string(), list: z.string(), kind: z.string(), action: z.string(), score: z.number(), alertId: z.string().optional(), contact: z.string().nullable(), matchedName: z.string() });

export const CrossingView = z.object({
  id: Uuid, checkpointId: Uuid, laneId: Uuid.nullable(), unitId: Uuid, direction: Direction, transportMode: TransportMode, travellerCategory: TravellerCategory,
  vehicleRole: z.string().nullable(), vehicle: z.object({ plate: z.string(), country: z.string().nullable() }).nullable(), vehicleCrossingId: Uuid.nullable(), purpose: z.string().nullable(),
  person: z.object({ surname: z.string().nullable(), givenNames: z.string().nullable(), dateOfBirth: z.string().nullable(), sex: z.string().nullable(), nationality: z.string().nullable() }),
  document: z.object({ code: z.string().nullable(), number: z.string().nullable(), issuingState: z.string().nullable(), expiry: z.string().nullable(), mrzLines: z.array(z.string()).nullable(), mrzValid: z.boolean().nullable() }),
  checks: z.array(CheckView),
  hits: z.array(CrossingHitView),
  suggested: z.object({ decision: Decision, reasons: z.array(z.string()) }).describe('What the checks point to; the officer decides'),
  status: z.enum(['in_control', 'secondary', 'decided', 'completed', 'voided']),
  decision: z.string().nullable(), reasons: z.array(z.string()), decisionNote: z.string().nullable(), returnToCountry: z.string().nullable(),
  arrivedAt: Timestamp, decidedAt: Timestamp.nullable(), leftAt: Timestamp.nullable(), officerUserId: Uuid, decidedBy: Uuid.nullable(), version: z.number(),
});

export const CorrectCrossingBody = z.strictObject({
  reason: z.string().trim().min(3).max(1000).describe('Why the record is corrected (kept with the version)'),
  travellerCategory: TravellerCategory.optional(),
  purpose: Purpose.optional(),
  vehicleRole: z.enum(['driver', 'passenger', 'crew', 'pedestrian']).optional(),
  vehicle: z.strictObject({ plate: z.string().trim().toUpperCase().min(2).max(15).regex(/^[A-Z0-9 -]+$/, 'letters, digits, spaces and - only'), country: Country }).nullable().optional(),
  person: z.strictObject({ surname: PersonName.optional(), givenNames: PersonName.optional(), dateOfBirth: BirthDate.optional(), sex: z.enum(['M', 'F', 'X']).optional(), nationality: Country.optional() }).optional(),
}).refine((b) => b.travellerCategory || b.purpose || b.vehicleRole || b.vehicle !== undefined || (b.person && Object.keys(b.person).length), { params: { code: 'NOTHING_TO_CORRECT' }, message: 'name at least one field to correct', path: ['reason'] });

export const ControlStatsView = z.object({
  checkpointId: Uuid, since: Timestamp,
  open: z.object({ inControl: z.number(), secondary: z.number(), awaitingExit: z.number(), refusedNotYetOut: z.number() }).describe('Travellers now at control, in secondary inspection, passed and not yet out of the checkpoint, or refused and not yet gone back'),
  lanes: z.array(z.object({ laneId: Uuid.nullable(), code: z.string().nullable(), crossings: z.number(), passed: z.number(), refused: z.number(), otherMeasures: z.number(), perHour: z.number(), medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() })),
});

const CrossingStatus = z.enum(['in_control', 'secondary', 'decided', 'completed', 'voided']);

export const CrossingsQuery = z.strictObject({
  checkpointId: Uuid.optional(),
  status: z.union([CrossingStatus, z.array(CrossingStatus).min(1).max(5)]).optional().describe('one status, or several (status=in_control&status=secondary)'),
  direction: Direction.optional(),
  q: z.string().trim().min(2).max(60).optional().describe('A document number (whole), or the beginning of a surname'),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional().describe('Arrived at control before this time'),
  cursor: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'the nextCursor of the page before').optional()
    .describe('The next (older) page: the nextCursor the page before it gave, with the same filters'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const CrossingPageView = z.object({ items: z.array(CrossingView), nextCursor: z.string().nullable().describe('Give it as cursor for the next, older page; null on the last page') });

/** A field of a crossing as one version changed it, both values as text (a list joined; a time in ISO 8601). */
export const FieldChangeView = z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() });
export const CrossingVersionView = z.object({
  version: z.number(), change: z.string(), reason: z.string().nullable(), changedAt: Timestamp, changedBy: Uuid.nullable(), changedByName: z.string().nullable(),
  changes: z.array(FieldChangeView).describe('What this version changed against the one before it (none for the first)'),
});

export const RefusalReasonView = z.object({ code: z.string(), basis: z.string(), names: z.object({ kk: z.string(), ru: z.string(), en: z.string() }), directions: z.array(Direction), categories: z.array(z.string()).optional() });
export const ReasonListView = z.object({ packId: Uuid, code: z.string(), effectiveFrom: z.string(), effectiveTo: z.string().nullable(), reasons: z.array(RefusalReasonView) });
export const LaneView = z.object({ id: Uuid, checkpointId: Uuid, code: z.string(), transportMode: TransportMode, direction: z.enum(['entry', 'exit', 'both']), active: z.boolean() });

const Person = z.object({ surname: z.string().nullable(), givenNames: z.string().nullable(), dateOfBirth: z.string().nullable(), nationality: z.string().nullable() });
export const OverstaysQuery = z.strictObject({
  nationality: Country.optional().describe('Only travellers of this nationality (ISO alpha-3)'),
  entryCheckpointId: Uuid.optional().describe('Only stays that began at this checkpoint'),
  limit: z.coerce.number().int().min(1).max(1000).default(200).describe('Those over longest first (the earliest first day over), this many'),
});
export const OverstaysCsvQuery = OverstaysQuery.extend({
  limit: z.coerce.number().int().min(1).max(50_000).default(10_000).describe('Those over longest first, this many'),
});
export const OverstaysView = z.object({
  rulePackId: Uuid,
  total: z.number().describe('How many are over their days (with the filters), of which `items` are those over longest'),
  pending: z.number().describe('Open stays not judged yet under the rules in force (after an upgrade or a new pack of rules, judged in the background within minutes): not counted in `total`'),
  items: z.array(z.object({
    person: Person, document: z.object({ issuingState: z.string().nullable(), number: z.string().nullable() }),
    enteredAt: Timestamp, entryCheckpointId: Uuid, entryCrossingId: Uuid, overSince: z.string().describe('the first day (YYYY-MM-DD, UTC) the stay was over its limit'), daysThisStay: z.number(), daysInPeriod: z.number().nullable(), overBy: z.number(), rule: z.string().nullable(),
    ruleNames: z.object({ kk: z.string(), ru: z.string(), en: z.string() }).nullable().describe('the rule in the three languages, where its pack gives them'),
  })),
});
export const StaysQuery = z.strictObject({ issuingState: Country, documentNumber: z.string().trim().toUpperCase().min(3).max(30).regex(/^[A-Z0-9]+$/, 'letters and digits only') });
export const StaysView = z.object({
  rulePackId: Uuid, rule: z.string().nullable(), ruleNames: z.object({ kk: z.string(), ru: z.string(), en: z.string() }).nullable(), inCountry: z.boolean(), daysThisStay: z.number(), daysInPeriod: z.number().nullable(), overstay: z.boolean(), overBy: z.number(),
  passages: z.array(z.object({ crossingId: Uuid, direction: Direction, at: Timestamp, checkpointId: Uuid })),
});

export const CargoCategory = z.enum(['general', 'food', 'animals', 'animal_products', 'plants', 'excise', 'dual_use', 'weapons', 'radioactive', 'hazardous', 'empty']);
export const ControlBody = z.enum(['customs', 'transport', 'sanitary', 'veterinary', 'phytosanitary']);
export const StartVehicleBody = z.strictObject({
  id: Uuid.optional(),
  checkpointId: Uuid,
  laneId: Uuid.optional(),
  direction: Direction,
  transportMode: z.enum(['road', 'rail', 'air', 'sea', 'river']),
  plate: z.string().trim().toUpperCase().min(2).max(15).regex(/^[A-Z0-9 -]+$/, 'letters, digits, spaces and - only'),
  plateCountry: Country,
  vin: z.string().trim().toUpperCase().regex(/^[A-HJ-NPR-Z0-9]{17}$/, '17 characters, no I, O or Q').optional(),
  vehicleType: z.enum(['car', 'bus', 'truck', 'tractor_trailer', 'van', 'motorcycle', 'special', 'wagon', 'vessel', 'aircraft']),
  cargoDeclaration: z.string().trim().min(3).max(60).optional(),
  cargoCategories: z.array(CargoCategory).max(11).default([]),
  cargoDescription: z.string().trim().max(1000).optional(),
  equeueBooking: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{6,40}$/, 'a booking reference of the electronic queue').optional(),
  arrivedAt: IsoDateTime.optional(),
});
export const MarkBody = z.strictObject({ body: ControlBody, reference: z.string().trim().min(2).max(100) });
export const ExaminationBody = z.strictObject({
  kind: z.enum(['examination', 'special_examination', 'inspection', 'radiation']),
  jointWithCustoms: z.boolean().default(false),
  result: z.enum(['nothing_found', 'findings']),
  findings: z.string().trim().max(2000).optional(),
}).refine((b) => b.result === 'nothing_found' || Boolean(b.findings), { path: ['findings'], params: { code: 'FINDINGS_REQUIRED' }, message: 'describe the findings' });
export const VehicleDecideBody = z.strictObject({
  decision: z.enum(['pass', 'refuse', 'detain']),
  reasons: z.array(z.string().trim().regex(/^[A-Z0-9_]{2,40}$/)).max(10).default([]),
  note: z.string().trim().max(2000).optional(),
});
export const VehicleStatus = z.enum(['in_control', 'examination', 'decided', 'completed']);
export const VehicleCrossingsQuery = z.strictObject({
  checkpointId: Uuid.optional(),
  status: z.union([VehicleStatus, z.array(VehicleStatus).min(1).max(4)]).optional().describe('one status, or several (status=in_control&status=examination)'),
  plate: z.string().trim().toUpperCase().min(2).max(15).optional().describe('The plate, whole (spaces and dashes ignored)'),
  occupants: z.enum(['true', 'false']).default('false').describe('With the travellers registered in each vehicle (an audited read of personal data); without, occupants is null'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const VehicleCrossingView = z.object({
  id: Uuid, checkpointId: Uuid, laneId: Uuid.nullable(), direction: Direction, transportMode: z.string(), plate: z.string(), plateCountry: z.string(), vin: z.string().nullable(),
  vehicleType: z.string(), cargoDeclaration: z.string().nullable(), cargoCategories: z.array(z.string()), cargoDescription: z.string().nullable(), equeueBooking: z.string().nullable(),
  permissionMarks: z.array(z.object({ body: z.string(), reference: z.string(), agencyId: z.string().nullable(), byUserId: z.string(), at: z.string() })),
  requiredMarks: z.array(z.object({ body: z.string(), basis: z.string(), present: z.boolean() })),
  checks: z.array(CheckView),
  risk: z.object({ channel: z.enum(['green', 'yellow', 'red']), packId: Uuid, fired: z.array(z.object({ rule: z.string(), channel: z.string(), why: z.string(), names: z.object({ kk: z.string(), ru: z.string(), en: z.string() }).optional().describe('why, in the three languages') })) }),
  examinations: z.array(z.object({ kind: z.string(), jointWithCustoms: z.boolean(), result: z.string(), findings: z.string().nullable(), at: Timestamp })),
  status: VehicleStatus, decision: z.string().nullable(), reasons: z.array(z.string()), decisionNote: z.string().nullable(),
  arrivedAt: Timestamp, decidedAt: Timestamp.nullable(), leftAt: Timestamp.nullable(), version: z.number(),
  occupants: z.array(z.object({ crossingId: Uuid, surname: z.string().nullable(), givenNames: z.string().nullable(), role: z.string().nullable(), status: z.string(), decision: z.string().nullable() })).nullable()
    .describe('The travellers registered in the vehicle, for readers of the Border Service\'s crossings (null for a control body)'),
});
