import { z } from 'zod';
import { IsoDateTime, Locale, Names, Timestamp, Uuid } from './common.ts';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(100).describe('User name'),
  password: z.string().min(1).max(256).describe('Password'),
});

export const GrantView = z.object({
  role: z.string(),
  scopeUnitId: Uuid.nullable(),
  actingForUserId: Uuid.optional(),
  permissions: z.array(z.string()),
});

export const SessionView = z.object({
  user: z.object({
    id: Uuid,
    username: z.string(),
    displayName: z.string(),
    agencyId: Uuid.nullable(),
    unitId: Uuid.nullable(),
    locale: Locale,
    timeZone: z.string().describe('IANA zone of the user\'s unit; times are shown in it'),
  }),
  grants: z.array(GrantView),
  csrfToken: z.string().nullable().describe('Send as the x-csrf-token header on cookie-authenticated writes'),
});

export const DemoUsersView = z.object({
  demo: z.boolean(),
  users: z.array(z.object({ username: z.string(), displayName: z.string(), role: z.string(), roleNames: Names, agencyNames: Names, unitNames: Names })),
  password: z.string().nullable().describe('The shared demo password (demo data only)'),
});

export const CreateTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: IsoDateTime.optional(),
});
export const TokenView = z.object({
  id: Uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export const CreatedTokenView = z.object({ id: Uuid, name: z.string(), prefix: z.string(), token: z.string().describe('Shown once') });

export const UpdateMeBody = z.strictObject({ locale: Locale.optional(), displayName: z.string().trim().min(1).max(200).optional() });
export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) });
