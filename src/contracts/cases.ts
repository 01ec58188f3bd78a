// Cases at the border: detentions, hand-over acts with the chain of custody, use-of-force reports.
import { z } from 'zod';
import { IsoDate, IsoDateTime, Names, Timestamp, Uuid } from './common.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Category = z.enum(['border_violator_outside_checkpoint', 'border_violator_vehicle', 'border_violator_other', 'state_border_regime', 'border_regime', 'checkpoint_regime', 'waters_regime', 'continental_shelf_regime', 'illegal_migrant', 'customs_violator']);
export const ItemKind = z.enum(['person', 'contraband', 'weapon', 'ammunition', 'drugs', 'documents', 'cash', 'goods', 'vehicle', 'other']);
const Place = z.strictObject({ checkpointId: Uuid.optional(), borderSectionId: Uuid.optional(), latitude: z.number().min(-90).max(90).optional(), longitude: z.number().min(-180).max(180).optional(), description: Text(500) });
const NewItem = z.strictObject({ kind: ItemKind.exclude(['person']), description: Text(500), quantity: z.number().positive().max(1e9), measure: Text(30).describe('pcs, kg, l, KZT, …'), sealNo: z.string().trim().max(60).optional() });

export const CreateDetentionBody = z.strictObject({
  source: z.enum(['patrol', 'direct']),
  unitId: Uuid.optional().describe('The detaining unit (default: the caller\'s)'),
  unidentified: z.boolean().default(false),
  person: z.strictObject({ surname: Text(100), givenNames: z.string().trim().max(200).optional(), dateOfBirth: IsoDate.optional(), nationality: z.string().regex(/^[A-Z]{3}$/).optional(), documentNumber: z.string().trim().max(30).optional() }).optional(),
  description: z.string().trim().max(2000).optional().describe('For an unidentified person: appearance, clothing, language, distinguishing marks'),
  photo: z.strictObject({ mediaType: z.enum(['image/jpeg', 'image/png']), contentBase64: z.string().max(700_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64') }).optional().describe('A photo of the person (at most ~500 KB; the web page scales it down)'),
  category: Category,
  place: Place,
  detainedAt: IsoDateTime,
  grounds: Text(2000),
  search: z.array(z.strictObject({ item: Text(300), quantity: z.number().positive().optional() })).max(100).default([]).describe('Personal search: what was found'),
  vehicles: z.array(z.strictObject({ plate: Text(20), kind: Text(100) })).max(20).default([]),
  procedure: z.enum(['administrative', 'criminal']),
  items: z.array(NewItem).max(200).default([]).describe('Seized items taken into custody (Art. 66(14))'),
});
export const DetentionChangeBody = z.strictObject({
  reason: Text(1000).describe('Why the record changes (a correction is a new version)'),
  category: Category.optional(),
  place: Place.optional(),
  heldAt: z.enum(['bs_premises', 'temporary_detention_facility', 'pretrial_facility', 'mia_facility']).optional(),
  heldIn: IsoDateTime.optional(), heldOut: IsoDateTime.optional(),
  protocol: z.strictObject({ number: Text(60), drawnAt: IsoDateTime, onSpot: z.boolean() }).optional().describe('The administrative protocol: on the spot or after delivery (Art. 74(2)(4))'),
  explanation: z.strictObject({ requestedAt: IsoDateTime, request: Text(2000), answer: z.string().trim().max(4000).optional(), answeredAt: IsoDateTime.optional() }).optional().describe('The person\'s request for an explanation of the restriction and its answer (Art. 79(2))'),
  status: z.enum(['open', 'released', 'closed']).optional(),
});
export const DetentionView = z.object({
  id: Uuid, version: z.number().int(), source: z.string(), status: z.string(), unitId: Uuid, agencyId: Uuid, crossingId: Uuid.nullable(), checkpointId: Uuid.nullable(),
  unidentified: z.boolean(), person: z.record(z.string(), z.unknown()), description: z.string().nullable(), hasPhoto: z.boolean(), category: z.string().nullable(), categoryBasis: z.string().nullable(),
  place: z.record(z.string(), z.unknown()).nullable(), detainedAt: Timestamp, grounds: z.string(), search: z.array(z.record(z.string(), z.unknown())), vehicles: z.array(z.record(z.string(), z.unknown())),
  procedure: z.string().nullable(), heldAt: z.string().nullable(), heldIn: Timestamp.nullable(), heldOut: Timestamp.nullable(),
  protocol: z.record(z.string(), z.unknown()).nullable(), explanation: z.record(z.string(), z.unknown()).nullable(),
  items: z.array(z.object({ id: Uuid, kind: ItemKind, description: z.string(), quantity: z.number(), measure: z.string(), sealNo: z.string().nullable(), custodianUnitId: Uuid })),
  versions: z.array(z.object({ version: z.number().int(), reason: z.string(), at: Timestamp, changedBy: Uuid.nullable() })),
});

export const CreateHandoverBody = z.strictObject({
  fromUnitId: Uuid.optional().describe('The handing unit (default: the caller\'s)'),
  toUnitId: Uuid,
  detentionId: Uuid.optional(),
  basis: Text(1000).describe('Why: e.g. "Instruction 2002 p.9(6): illegal migrant for administrative proceedings"'),
  handingOfficer: Text(200),
  documents: z.array(Text(300)).max(50).default([]),
  toLocalExecutive: z.boolean().default(false).describe('Ownerless property to the local executive body (Art. 62(1)(4-1))'),
  lines: z.array(z.strictObject({ itemId: Uuid, quantity: z.number().positive().optional(), sealNo: z.string().trim().max(60).optional() })).max(200).default([]).describe('Items in the handing unit\'s custody; a detention\'s person is added by itself'),
});
export const AddItemsBody = z.strictObject({ items: z.array(NewItem).min(1).max(200), note: z.string().trim().max(500).optional().describe('e.g. "personal search, protocol No. …"') });
export const AcceptBody = z.strictObject({
  receivingOfficer: Text(200),
  discrepancies: z.array(z.strictObject({ lineNo: z.number().int().min(1), receivedQuantity: z.number().min(0).optional(), receivedSealNo: z.string().trim().max(60).optional(), note: Text(1000) })).max(200).default([]),
});
const UnitRef = z.object({ id: Uuid, agencyId: Uuid, names: Names });
export const HandoverView = z.object({
  id: Uuid, number: z.string(), status: z.enum(['sent', 'accepted', 'accepted_with_discrepancies', 'refused']), from: UnitRef, to: UnitRef, detentionId: Uuid.nullable(), basis: z.string(),
  toLocalExecutive: z.boolean(), handingOfficer: z.string(), handedAt: Timestamp, documents: z.array(z.string()), receivingOfficer: z.string().nullable(), receivedAt: Timestamp.nullable(),
  refusalReason: z.string().nullable(), measures: z.string().nullable(), measuresAt: Timestamp.nullable(),
  lines: z.array(z.object({ lineNo: z.number().int(), itemId: Uuid, kind: ItemKind, description: z.string(), quantity: z.number(), measure: z.string(), sealNo: z.string().nullable(), receivedQuantity: z.number().nullable(), receivedSealNo: z.string().nullable(), note: z.string().nullable() })),
  obligation: z.object({ dueAt: Timestamp, state: z.string(), outcome: z.string().nullable(), rule: z.string() }).nullable(),
  next: z.array(z.enum(['accept', 'refuse', 'report_measures'])),
});
export const CustodyEventView = z.object({ kind: z.string(), from: UnitRef.nullable(), to: UnitRef.nullable(), actId: Uuid.nullable(), actNumber: z.string().nullable(), note: z.string().nullable(), byUser: Uuid.nullable(), at: Timestamp });
export const CustodyChainView = z.object({ item: z.object({ id: Uuid, kind: ItemKind, description: z.string(), quantity: z.number(), measure: z.string(), sealNo: z.string().nullable(), custodian: UnitRef, detentionId: Uuid.nullable(), seizedAt: Timestamp }), events: z.array(CustodyEventView) });
export const CustodyBoardView = z.object({
  unit: UnitRef,
  held: z.array(z.object({ id: Uuid, kind: ItemKind, description: z.string(), quantity: z.number(), measure: z.string(), sealNo: z.string().nullable(), detentionId: Uuid.nullable(), since: Timestamp, inTransfer: z.boolean() })),
  incoming: z.array(HandoverView.pick({ id: true, number: true, from: true, handedAt: true, basis: true })),
  outgoing: z.array(HandoverView.pick({ id: true, number: true, to: true, handedAt: true, basis: true, status: true })),
  measuresDue: z.array(z.object({ actId: Uuid, number: z.string(), dueAt: Timestamp, state: z.string() })),
  detentions: z.array(z.object({ id: Uuid, person: z.string(), category: z.string().nullable(), detainedAt: Timestamp, heldAt: z.string().nullable(), status: z.string() })),
});

const Prohibitions = z.strictObject({ women: z.boolean(), obviousDisability: z.boolean(), minors: z.boolean(), vehicleWithPassengers: z.boolean(), unintentionalCrosser: z.boolean(), animals: z.boolean() }).describe('The form asks each of these (Art. 72(5)-(6)); every answer is recorded');
export const ForceBody = z.strictObject({
  unitId: Uuid.optional(),
  servicemen: Text(500),
  usedAt: IsoDateTime,
  place: z.strictObject({ description: Text(500), latitude: z.number().min(-90).max(90).optional(), longitude: z.number().min(-180).max(180).optional(), inBorderSpace: z.boolean() }),
  means: z.array(z.enum(['weapon', 'military_equipment', 'special_means', 'service_animal', 'physical_force', 'improvised_means'])).min(1).max(6),
  ground: z.string().min(1).max(10).describe('A code of Art. 73(1), 74(2), 75(2) or 72(3), e.g. 73.1.3'),
  warning: z.enum(['verbal', 'warning_shot', 'none']),
  noWarningCase: z.enum(['armed_attack', 'armed_resistance', 'sudden_attack', 'escape_with_weapon']).optional(),
  prohibitions: Prohibitions,
  exceptionGround: z.enum(['threat_to_life', 'armed_or_group_attack', 'armed_resistance', 'hostage_taking', 'seizure_of_objects', 'national_security_threat']).optional(),
  aid: z.string().trim().max(2000).optional().describe('Emergency medical aid given, bystanders\' safety (Art. 72(7))'),
  outcome: Text(2000),
  detentionId: Uuid.optional(),
  premisesEntry: z.strictObject({ premises: Text(300), owner: z.string().trim().max(200).optional(), enteredAt: IsoDateTime, lockBroken: z.boolean() }).optional().describe('Entry into premises in pursuit (Art. 67(1)(22)): the prosecutor within 24 hours'),
});
export const ForceFinding = z.enum(['protected_categories', 'vehicle_with_passengers', 'unintentional_crosser', 'animals', 'hijack_with_passengers', 'no_warning']);
export const NoticeBody = z.strictObject({ notifiedAt: IsoDateTime, notice: Text(500).describe('How and to whom: e.g. "Panfilov district prosecutor, by phone, ref. 12/44"') });
export const ForceView = z.object({
  id: Uuid, unitId: Uuid, agencyId: Uuid, servicemen: z.string(), usedAt: Timestamp, place: z.record(z.string(), z.unknown()), means: z.array(z.string()), ground: z.string(), groundBasis: z.string(),
  warning: z.string(), noWarningCase: z.string().nullable(), prohibitions: z.record(z.string(), z.boolean()), exceptionGround: z.string().nullable(), aid: z.string().nullable(), outcome: z.string(),
  findings: z.array(ForceFinding).describe('Prohibitions the answers show were not respected (Art. 72(5)-(6), 73): reviewed by the unit above'),
  detentionId: Uuid.nullable(), premisesEntry: z.record(z.string(), z.unknown()).nullable(), prosecutorNotifiedAt: Timestamp.nullable(), prosecutorNotice: z.string().nullable(), premisesNotifiedAt: Timestamp.nullable(),
  clocks: z.array(z.object({ kind: z.string(), dueAt: Timestamp, state: z.string(), outcome: z.string().nullable(), rule: z.string() })),
});

export const IncidentBody = z.strictObject({
  unitId: Uuid.optional(),
  neighbourCountry: z.string().regex(/^[A-Z]{3}$/, 'ISO 3166 alpha-3'),
  borderSectionId: Uuid.optional(),
  domain: z.enum(['land', 'water', 'air']),
  occurredAt: IsoDateTime,
  place: z.strictObject({ description: Text(500), latitude: z.number().min(-90).max(90).optional(), longitude: z.number().min(-180).max(180).optional() }),
  summary: Text(4000),
  violation: Text(1000).describe('The violation of the State Border regime it is connected with (Art. 2(26))'),
});
export const IncidentStepBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('investigation'), mode: z.enum(['unilateral', 'joint']), armedForcesExperts: z.boolean().default(false).describe('airspace incidents: AF representatives as experts (Art. 27(5))') }),
  z.strictObject({ kind: z.enum(['letter_sent', 'letter_received']), at: IsoDateTime, exchangePoint: Text(200).describe('The correspondence exchange point (Art. 27(3))'), counterpart: Text(300), subject: Text(2000), reference: z.string().trim().max(100).optional() }),
  z.strictObject({ kind: z.literal('meeting'), at: IsoDateTime, venue: z.enum(['meeting_point', 'incident_site']), location: Text(300), participants: z.array(Text(300)).min(2).max(30), protocol: Text(8000), settled: z.boolean() }),
  z.strictObject({ kind: z.literal('settled'), outcome: Text(4000) }),
  z.strictObject({ kind: z.literal('passed_to_mfa'), mfaUnitId: Uuid, outcome: Text(4000).describe('Why it could not be settled by the border representatives (Art. 27(7))') }),
]);
export const IncidentView = z.object({
  id: Uuid, number: z.string(), unitId: Uuid, agencyId: Uuid, neighbourCountry: z.string(), borderSectionId: Uuid.nullable(), domain: z.string(), occurredAt: Timestamp,
  place: z.record(z.string(), z.unknown()), summary: z.string(), violation: z.string(), investigation: z.string().nullable(), armedForcesExperts: z.boolean(),
  status: z.enum(['registered', 'investigating', 'settled', 'passed_to_mfa']), outcome: z.string().nullable(), mfaUnitId: Uuid.nullable(), closedAt: Timestamp.nullable(),
  events: z.array(z.object({ kind: z.string(), at: Timestamp, details: z.record(z.string(), z.unknown()), byUser: Uuid.nullable() })),
  representatives: z.array(z.object({ side: z.string(), fullName: z.string(), position: z.string(), role: z.string() })),
});
export const RepresentativeBody = z.strictObject({
  side: z.enum(['kazakhstan', 'neighbour']), neighbourCountry: z.string().regex(/^[A-Z]{3}$/), borderSectionId: Uuid.optional(), unitId: Uuid.optional(),
  fullName: Text(200), position: Text(300), role: z.enum(['representative', 'deputy', 'assistant']), listReference: z.string().trim().max(200).optional().describe('The list exchanged through the MFA (Art. 58(7))'),
  validFrom: IsoDate, validTo: IsoDate.optional(),
});
export const RepresentativeView = z.object({ id: Uuid, side: z.string(), neighbourCountry: z.string(), borderSectionId: Uuid.nullable(), unitId: Uuid.nullable(), fullName: z.string(), position: z.string(), role: z.string(), listReference: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable() });
export const IncidentSummary = z.object({ id: Uuid, number: z.string(), unitId: Uuid, neighbourCountry: z.string(), domain: z.string(), occurredAt: Timestamp, summary: z.string(), status: z.enum(['registered', 'investigating', 'settled', 'passed_to_mfa']) });
export const CaseStatsQuery = z.strictObject({ unitId: Uuid.optional(), from: IsoDate, to: IsoDate });
export const CaseStatsView = z.object({
  unit: z.object({ id: Uuid, agencyId: Uuid, names: Names }), from: IsoDate, to: IsoDate,
  detentions: z.array(z.object({ category: z.string(), count: z.number().int() })),
  handovers: z.array(z.object({ direction: z.enum(['sent', 'received']), counterpartAgencyId: Uuid, status: z.string(), count: z.number().int() })),
  useOfForce: z.object({ reports: z.number().int(), prosecutorLate: z.number().int(), withFindings: z.number().int() }),
});
export const ForceSummary = z.object({ id: Uuid, usedAt: Timestamp, servicemen: z.string(), ground: z.string(), means: z.array(z.string()), prosecutorClock: z.object({ state: z.string(), outcome: z.string().nullable(), dueAt: Timestamp }).nullable() });
