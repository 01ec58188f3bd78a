import { z } from 'zod';
import { IsoDate, Timestamp, Uuid } from './common.ts';

export const ActType = z.enum(['law', 'code', 'joint_order', 'order', 'decree', 'rules', 'instruction', 'agreement', 'treaty']);
export const ActStatus = z.enum(['in_force', 'repealed', 'not_in_force', 'pending_ratification']);
export const LanguageVersion = z.strictObject({ lang: z.enum(['kk', 'ru', 'en']), source: z.string().min(1).max(300), note: z.string().max(1000).optional() });

export const LegalActView = z.object({
  id: Uuid, code: z.string(), actType: ActType, number: z.string(), adoptedOn: z.string(), registrationNo: z.string().nullable(),
  registeredOn: z.string().nullable(), titles: z.object({ kk: z.string().nullable(), ru: z.string().nullable(), en: z.string() }),
  issuer: z.string(), status: ActStatus, inForceFrom: z.string().nullable(), repealedOn: z.string().nullable(),
  repealedByActId: Uuid.nullable(), repealedByText: z.string().nullable(), languages: z.array(LanguageVersion), notes: z.string().nullable(),
  rulePackCount: z.number(),
});

export const UpsertLegalActBody = z.strictObject({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{2,60}$/, 'upper-case letters, digits and -'),
  actType: ActType,
  number: z.string().trim().min(1).max(200),
  adoptedOn: IsoDate,
  registrationNo: z.string().trim().max(50).optional(),
  registeredOn: IsoDate.optional(),
  titles: z.strictObject({ kk: z.string().trim().max(2000).optional(), ru: z.string().trim().max(2000).optional(), en: z.string().trim().min(1).max(2000) }),
  issuer: z.string().trim().min(1).max(500),
  status: ActStatus,
  inForceFrom: IsoDate.optional(),
  repealedOn: IsoDate.optional(),
  repealedByActId: Uuid.optional(),
  repealedByText: z.string().trim().max(1000).optional(),
  languages: z.array(LanguageVersion).max(3).default([]),
  notes: z.string().trim().max(5000).optional(),
});

export const RulePackView = z.object({
  id: Uuid, actId: Uuid, code: z.string(), kind: z.string(), titleEn: z.string(), titles: z.object({ kk: z.string().nullable(), ru: z.string().nullable(), en: z.string() }),
  effectiveFrom: z.string(), effectiveTo: z.string().nullable(), content: z.unknown(), createdAt: Timestamp,
});
export const RulePacksQuery = z.strictObject({ actId: Uuid.optional(), code: z.string().max(100).optional(), on: IsoDate.optional().describe('Only packs in effect on this date') });

export const SuccessorRulePackBody = z.strictObject({
  code: z.string().trim().min(2).max(100).describe('The code of an existing rule pack, e.g. EXCHANGE-DEADLINES'),
  actId: Uuid.describe('The act the new values come from'),
  titleEn: z.string().trim().min(3).max(500),
  titleKk: z.string().trim().min(3).max(500).optional(),
  titleRu: z.string().trim().min(3).max(500).optional(),
  effectiveFrom: IsoDate.describe('From this date (not in the past) the new pack is in force; the one in force ends the day before'),
  content: z.record(z.string(), z.unknown()).describe('The values, in the shape of the pack it succeeds'),
});
