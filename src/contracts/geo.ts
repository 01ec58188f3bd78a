import { z } from 'zod';
import { IsoDateTime, Names, Timestamp, Uuid } from './common.ts';
import { TimeZone } from './org.ts';

export const TransportMode = z.enum(['road', 'rail', 'air', 'sea', 'river', 'pedestrian']);
export const CheckpointCategory = z.enum(['multilateral', 'bilateral', 'simplified']);
export const CheckpointStatus = z.enum(['open', 'restricted', 'suspended']).describe('Law Art. 14(7): crossing may be temporarily restricted or suspended');
export const Alpha3 = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code');

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const WorkingHours = z.union([
  z.strictObject({ always: z.literal(true) }),
  z.strictObject({ weekly: z.array(z.strictObject({ days: z.array(z.number().int().min(1).max(7)).min(1), open: HHMM, close: HHMM })).min(1) }),
]).describe('Round the clock, or weekly opening hours (days 1=Mon..7=Sun) in the checkpoint\'s time zone');

export const BorderSectionView = z.object({ id: Uuid, code: z.string(), neighbourCountry: z.string(), kind: z.string(), names: Names, lengthKm: z.number().nullable(), checkpointCount: z.number() });

export const CheckpointView = z.object({
  id: Uuid, code: z.string(), names: Names, borderSectionId: Uuid.nullable(), neighbourCountry: z.string().nullable(), unitId: Uuid.nullable(),
  transportModes: z.array(TransportMode), category: CheckpointCategory, isJoint: z.boolean(), jointPartnerCountry: z.string().nullable(),
  controlZone: z.string().nullable(), neighbourCheckpointName: z.string().nullable(),
  latitude: z.number(), longitude: z.number(), coordinatesAreDemo: z.boolean(), timeZone: z.string(), workingHours: WorkingHours,
  status: CheckpointStatus, statusReason: z.string().nullable(), statusLegalBasis: z.string().nullable(),
  statusFrom: Timestamp.nullable(), statusUntil: Timestamp.nullable(),
  statusModes: z.array(TransportMode).nullable().describe('Modes the restriction or suspension covers; null: every mode'),
  statusDirections: z.array(z.enum(['entry', 'exit'])).nullable().describe('Directions it covers; null: both'),
  isOpenNow: z.boolean().describe('Open at this moment: status not suspended and within working hours'),
  sezIds: z.array(Uuid),
});

export const CheckpointsQuery = z.strictObject({
  neighbour: Alpha3.optional(),
  mode: TransportMode.optional(),
  status: CheckpointStatus.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

export const CreateCheckpointBody = z.strictObject({
  id: Uuid.optional(),
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,30}$/, 'upper-case letters, digits and -'),
  names: Names,
  borderSectionId: Uuid.optional().describe('Omit only for an air checkpoint'),
  unitId: Uuid.optional(),
  transportModes: z.array(TransportMode).min(1).max(6),
  category: CheckpointCategory,
  isJoint: z.boolean().default(false),
  jointPartnerCountry: Alpha3.optional(),
  controlZone: z.string().trim().max(1000).optional(),
  neighbourCheckpointName: z.string().trim().max(200).optional(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  coordinatesAreDemo: z.boolean().default(false),
  timeZone: TimeZone,
  workingHours: WorkingHours,
});
export const UpdateCheckpointBody = CreateCheckpointBody.omit({ id: true, code: true }).partial().strict();

export const SetCheckpointStatusBody = z.strictObject({
  status: CheckpointStatus,
  reason: z.string().trim().min(3).max(1000).optional(),
  legalBasis: z.string().trim().min(3).max(500).optional().describe('The decision, e.g. "Government decree No. ... of ..." (Law Art. 14(7))'),
  validFrom: IsoDateTime.optional(),
  validUntil: IsoDateTime.optional(),
  requestedByNeighbour: z.boolean().default(false).describe('On the written request of a neighbouring state (Art. 14(7))'),
  transportModes: z.array(TransportMode).min(1).optional().describe('Only these transport modes (default: every mode)'),
  directions: z.array(z.enum(['entry', 'exit'])).min(1).optional().describe('Only these directions (default: both)'),
});

export const CheckpointStatusChangeView = z.object({
  id: Uuid, status: CheckpointStatus, reason: z.string().nullable(), legalBasis: z.string().nullable(), validFrom: Timestamp,
  validUntil: Timestamp.nullable(), requestedByNeighbour: z.boolean(),
  transportModes: z.array(TransportMode).nullable(), directions: z.array(z.enum(['entry', 'exit'])).nullable(), decidedBy: Uuid.nullable(), createdAt: Timestamp,
  mfaNotifyBy: Timestamp.nullable().describe('MFA notifies the interested states within 72 hours of the decision (Art. 14(7))'),
});

export const SezView = z.object({ id: Uuid, code: z.string(), names: Names, descriptionEn: z.string().nullable(), legalBasis: z.string().nullable(), checkpointIds: z.array(Uuid) });
