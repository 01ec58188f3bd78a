import { z } from 'zod';
import { Names, Timestamp, Uuid, IsoDateTime, Locale } from './common.ts';

export const AgencyKind = z.enum(['border_service', 'national_security', 'internal_affairs', 'customs', 'finance',
  'foreign_affairs', 'local_executive', 'justice', 'prosecution', 'other_control', 'foreign_partner']);

export const UNIT_LEVELS = { 1: 'ministry', 2: 'region', 3: 'detachment_district', 4: 'post', 5: 'shift' } as const;
export const UnitLevel = z.number().int().min(1).max(5).describe('1 ministry, 2 region, 3 detachment/district, 4 post, 5 shift (Instruction 2002 p.8)');

export const AgencyView = z.object({
  id: Uuid, code: z.string(), kind: AgencyKind, country: z.string(), parentAgencyId: Uuid.nullable(),
  names: Names, shortNames: Names,
});

export const UnitView = z.object({
  id: Uuid, agencyId: Uuid, parentId: Uuid.nullable(), level: UnitLevel, unitType: z.string(), code: z.string(),
  names: Names, timeZone: z.string(), isActive: z.boolean(), path: z.array(Uuid),
});

export const UnitsQuery = z.strictObject({
  agencyId: Uuid.optional(),
  parentId: Uuid.optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
});

export const TimeZone = z.string().min(1).max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, { params: { code: 'TIME_ZONE' }, message: 'must be an IANA time zone such as Asia/Almaty' });

export const CreateUnitBody = z.strictObject({
  id: Uuid.optional().describe('Writer-made UUID v7; a retry with the same id is idempotent'),
  parentId: Uuid.describe('The parent unit; the new unit is one level below it, in the same agency'),
  unitType: z.string().trim().min(1).max(60),
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9._-]{1,60}$/, 'upper-case letters, digits, . _ -'),
  names: Names,
  timeZone: TimeZone.optional().describe('Defaults to the parent unit\'s time zone'),
});

export const UpdateUnitBody = z.strictObject({
  names: Names.optional(),
  unitType: z.string().trim().min(1).max(60).optional(),
  timeZone: TimeZone.optional(),
  isActive: z.boolean().optional(),
});

export const CounterpartGroupView = z.object({
  id: Uuid, purpose: z.enum(['migration_interaction', 'sez_passage', 'joint_control']), level: UnitLevel,
  checkpointId: Uuid.nullable(), sezId: Uuid.nullable(), names: Names,
  members: z.array(z.object({ unitId: Uuid, role: z.string(), agencyId: Uuid, names: Names })),
});

export const CreateCounterpartGroupBody = z.strictObject({
  purpose: z.enum(['migration_interaction', 'sez_passage', 'joint_control']),
  level: UnitLevel,
  checkpointId: Uuid.optional(),
  sezId: Uuid.optional(),
  names: Names,
  members: z.array(z.strictObject({ unitId: Uuid, role: z.string().trim().min(1).max(60) })).min(2).max(10),
});

export const OfficerView = z.object({
  id: Uuid, agencyId: Uuid, unitId: Uuid, surname: z.string(), givenNames: z.string(), patronymic: z.string().nullable(),
  rank: z.string().nullable(), position: z.string(), serviceCertificateNo: z.string().nullable(), isActive: z.boolean(),
});

const PersonName = z.string().trim().min(1).max(100);
export const CreateOfficerBody = z.strictObject({
  id: Uuid.optional(),
  unitId: Uuid,
  surname: PersonName,
  givenNames: PersonName,
  patronymic: PersonName.optional(),
  rank: z.string().trim().min(1).max(100).optional(),
  position: z.string().trim().min(1).max(200),
  serviceCertificateNo: z.string().trim().regex(/^[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9-]{3,30}$/u, '3-30 letters, digits or -').optional(),
});
export const UpdateOfficerBody = CreateOfficerBody.omit({ id: true }).partial().extend({ isActive: z.boolean().optional() }).strict();

export const OfficersQuery = z.strictObject({
  unitId: Uuid.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const RoleView = z.object({ code: z.string(), names: Names, permissions: z.array(z.string()), agencyKinds: z.array(z.string()).nullable() });

export const RoleGrantInput = z.strictObject({ role: z.string().min(1).max(60), scopeUnitId: Uuid.nullable().optional() });

export const UserView = z.object({
  id: Uuid, username: z.string(), displayName: z.string(), agencyId: Uuid.nullable(), unitId: Uuid.nullable(), officerId: Uuid.nullable(),
  locale: Locale, isActive: z.boolean(), isBuiltin: z.boolean(), isDemo: z.boolean(), lockedUntil: Timestamp.nullable(),
  lastLoginAt: Timestamp.nullable(), roles: z.array(z.object({ role: z.string(), scopeUnitId: Uuid.nullable() })),
});

export const CreateUserBody = z.strictObject({
  id: Uuid.optional(),
  username: z.string().trim().regex(/^[a-z][a-z0-9._-]{2,39}$/, '3-40 characters: lower-case letters, digits, . _ -; starts with a letter'),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(256),
  unitId: Uuid.describe('The unit the user serves in; fixes the agency'),
  officerId: Uuid.optional(),
  locale: Locale.default('ru'),
  roles: z.array(RoleGrantInput).max(20).default([]),
});
export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  unitId: Uuid.optional(),
  locale: Locale.optional(),
  isActive: z.boolean().optional(),
});
export const SetRolesBody = z.strictObject({ roles: z.array(RoleGrantInput).max(20) });
export const ResetPasswordBody = z.strictObject({ password: z.string().min(1).max(256) });

export const ActingAssignmentView = z.object({
  id: Uuid, principalUserId: Uuid, deputyUserId: Uuid, unitId: Uuid, validFrom: Timestamp, validTo: Timestamp,
  basis: z.string(), revokedAt: Timestamp.nullable(), principalName: z.string(), deputyName: z.string(),
});
export const CreateActingAssignmentBody = z.strictObject({
  principalUserId: Uuid,
  deputyUserId: Uuid,
  validFrom: IsoDateTime,
  validTo: IsoDateTime,
  basis: z.string().trim().min(3).max(500).describe('The order or reason, e.g. "Order No. 12 of 2026-11-20, leave of the head"'),
});
