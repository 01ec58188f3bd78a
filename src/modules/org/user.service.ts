import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { CreateActingAssignmentBody, CreateUserBody, RoleGrantInput, UpdateUserBody } from '../../contracts/org.ts';
import type { AppUserTable } from '../../database.ts';
import { isCrossAgency, type Ctx } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange, recordRead } from '../audit/index.ts';
import { checkPasswordPolicy, hashPassword } from '../auth/index.ts';
import * as policy from './org.policy.ts';
import { findUnit } from './org.repository.ts';

type Grant = z.infer<typeof RoleGrantInput>;
const NO_UNIT = { agencyId: '-', path: [] as string[] };

export function createUserService(deps: Deps) {
  const { db, clock } = deps;

  async function userScope(user: Pick<Selectable<AppUserTable>, 'agencyId' | 'unitId'>) {
    if (!user.unitId || !user.agencyId) return NO_UNIT;
    const unit = await findUnit(db, user.unitId);
    return unit ? { agencyId: unit.agencyId, path: unit.path } : NO_UNIT;
  }

  async function getManagedUser(ctx: Ctx, id: string) {
    const user = await db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
    if (!user) throw new NotFoundError('User');
    const scope = await userScope(user);
    // a user outside the unit trees (the built-in admin) is managed only by a cross-agency administrator
    const allowed = scope === NO_UNIT ? isCrossAgency(ctx.actor, 'user.manage') : policy.canManageUser(ctx.actor, scope);
    if (!allowed) throw new NotFoundError('User');
    return user;
  }

  /** Checks role grants for a user of `agencyKind` in the unit tree of `agencyId`; lists every bad one. */
  async function validateGrants(ctx: Ctx, grants: Grant[], agency: { id: string; kind: string }): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const roles = await db.selectFrom('role').selectAll().execute();
    for (const [i, grant] of grants.entries()) {
      const role = roles.find((r) => r.code === grant.role);
      if (!role) {
        problems.push({ path: `roles.${i}.role`, code: 'UNKNOWN', message: 'unknown role' });
        continue;
      }
      if (role.agencyKinds && !role.agencyKinds.includes(agency.kind)) problems.push({ path: `roles.${i}.role`, code: 'ROLE_NOT_FOR_AGENCY', params: { agencyKind: agency.kind }, message: `not for a user of a ${agency.kind} agency` });
      const crossAgency = role.permissions.includes('scope.all_agencies');
      if (crossAgency && !isCrossAgency(ctx.actor, 'user.manage')) {
        problems.push({ path: `roles.${i}.role`, code: 'CROSS_AGENCY_ROLE', message: 'only a system administrator may grant a cross-agency role' });
      }
      if (grant.scopeUnitId) {
        const unit = await findUnit(db, grant.scopeUnitId);
        if (!unit || (!crossAgency && unit.agencyId !== agency.id)) problems.push({ path: `roles.${i}.scopeUnitId`, code: 'OTHER_AGENCY', message: 'must be a unit of the user\'s agency' });
        else if (!policy.canManageUser(ctx.actor, unit)) problems.push({ path: `roles.${i}.scopeUnitId`, code: 'OUTSIDE_YOUR_UNITS', message: 'is outside the units you manage' });
      }
    }
    return problems;
  }

  async function writeGrants(trx: Executor, ctx: Ctx, userId: string, grants: Grant[]) {
    await trx.deleteFrom('userRole').where('userId', '=', userId).execute();
    if (grants.length) {
      await trx.insertInto('userRole').values(grants.map((g) => ({ userId, roleCode: g.role, scopeUnitId: g.scopeUnitId ?? null, grantedAt: clock.now(), grantedBy: ctx.actor.via === 'cli' ? null : ctx.actor.userId }))).execute();
    }
  }

  async function present(users: Array<Selectable<AppUserTable>>) {
    const roles = users.length ? await db.selectFrom('userRole').select(['userId', 'roleCode', 'scopeUnitId']).where('userId', 'in', users.map((u) => u.id)).execute() : [];
    return users.map((u) => ({
      id: u.id, username: u.username, displayName: u.displayName, agencyId: u.agencyId, unitId: u.unitId, officerId: u.officerId,
      locale: u.locale, isActive: u.isActive, isBuiltin: u.isBuiltin, isDemo: u.isDemo, lockedUntil: u.lockedUntil, lastLoginAt: u.lastLoginAt,
      roles: roles.filter((r) => r.userId === u.id).map((r) => ({ role: r.roleCode, scopeUnitId: r.scopeUnitId })),
    }));
  }

  return {
    async listRoles() {
      const rows = await db.selectFrom('role').selectAll().orderBy('code').execute();
      return rows.map((r) => ({ code: r.code, names: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn }, permissions: r.permissions, agencyKinds: r.agencyKinds }));
    },

    async listUsers(ctx: Ctx) {
      const scope = policy.scopeOf(ctx.actor, 'user.manage');
      if (scope === 'none') return [];
      let q = db.selectFrom('appUser').leftJoin('unit', 'unit.id', 'appUser.unitId').selectAll('appUser');
      if (scope.agencyId) q = q.where('appUser.agencyId', '=', scope.agencyId);
      if (scope.unitIds) {
        const ids = scope.unitIds;
        q = q.where((eb) => eb.or(ids.map((id) => eb(eb.val(id), '=', eb.fn.any('unit.path')))));
      }
      const users = await q.orderBy('appUser.username').limit(1000).execute();
      if (users.length) await recordRead(deps, ctx, { entityType: 'user', entityIds: users.map((u) => u.id) });
      return present(users);
    },

    async getUser(ctx: Ctx, id: string) {
      const user = await getManagedUser(ctx, id);
      await recordRead(deps, ctx, { entityType: 'user', entityIds: [id] });
      return (await present([user]))[0]!;
    },

    async createUser(ctx: Ctx, input: z.infer<typeof CreateUserBody>) {
      const unit = await findUnit(db, input.unitId);
      if (!unit || !policy.canManageUser(ctx.actor, unit)) throw new NotFoundError('Unit');
      const agency = await db.selectFrom('agency').select(['id', 'kind']).where('id', '=', unit.agencyId).executeTakeFirstOrThrow();
      const problems = [...checkPasswordPolicy(input.password, input.username), ...(await validateGrants(ctx, input.roles, agency))];
      if (input.officerId) {
        const officer = await db.selectFrom('officer').select('agencyId').where('id', '=', input.officerId).executeTakeFirst();
        if (!officer || officer.agencyId !== unit.agencyId) problems.push({ path: 'officerId', code: 'OTHER_AGENCY', message: 'must be an officer of the same agency' });
      }
      if (problems.length) throw new ValidationError(problems);
      const id = input.id ?? newId();
      const now = clock.now();
      const passwordHash = await hashPassword(input.password);
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('appUser').values({ id, username: input.username, displayName: input.displayName, passwordHash, agencyId: unit.agencyId, unitId: unit.id, officerId: input.officerId ?? null, locale: input.locale, passwordChangedAt: now, createdAt: now, updatedAt: now }).execute();
          await writeGrants(trx, ctx, id, input.roles);
          await recordChange(deps, trx, ctx, { action: 'org.user.created', entityType: 'user', entityId: id, agencyId: unit.agencyId, unitId: unit.id, details: { username: input.username, roles: input.roles } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('This username is taken.', [{ path: 'username', code: 'ALREADY_USED', message: 'already used' }]);
        throw error;
      }
      return this.getUser(ctx, id);
    },

    async updateUser(ctx: Ctx, id: string, patch: z.infer<typeof UpdateUserBody>) {
      const user = await getManagedUser(ctx, id);
      const changes: Partial<Selectable<AppUserTable>> = {};
      if (patch.displayName) changes.displayName = patch.displayName;
      if (patch.locale) changes.locale = patch.locale;
      if (patch.isActive !== undefined) {
        if (user.isBuiltin && !patch.isActive) throw new ValidationError([{ path: 'isActive', code: 'BUILT_IN_ADMIN', message: 'the built-in administrator cannot be deactivated' }]);
        changes.isActive = patch.isActive;
      }
      if (patch.unitId) {
        const unit = await findUnit(db, patch.unitId);
        if (!unit || unit.agencyId !== user.agencyId || !policy.canManageUser(ctx.actor, unit)) throw new ValidationError([{ path: 'unitId', code: 'OUTSIDE_YOUR_UNITS', message: 'must be a unit of the user\'s agency that you manage' }]);
        changes.unitId = unit.id;
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('appUser').set({ ...changes, updatedAt: now }).where('id', '=', id).execute();
        if (changes.isActive === false) await trx.updateTable('userSession').set({ revokedAt: now }).where('userId', '=', id).where('revokedAt', 'is', null).execute();
        await recordChange(deps, trx, ctx, { action: 'org.user.updated', entityType: 'user', entityId: id, agencyId: user.agencyId, details: { changed: Object.keys(changes) } });
      });
      return this.getUser(ctx, id);
    },

    async setRoles(ctx: Ctx, id: string, grants: Grant[]) {
      const user = await getManagedUser(ctx, id);
      const agency = user.agencyId ? await db.selectFrom('agency').select(['id', 'kind']).where('id', '=', user.agencyId).executeTakeFirst() : undefined;
      const problems = await validateGrants(ctx, grants, agency ?? { id: '-', kind: 'none' });
      if (problems.length) throw new ValidationError(problems);
      await db.transaction().execute(async (trx) => {
        await writeGrants(trx, ctx, id, grants);
        await recordChange(deps, trx, ctx, { action: 'org.user.roles_set', entityType: 'user', entityId: id, agencyId: user.agencyId, details: { roles: grants } });
      });
      return this.getUser(ctx, id);
    },

    /** Sets a new password for a user (an administrator's reset): ends the user's sessions and unlocks. */
    async resetPassword(ctx: Ctx, id: string, password: string) {
      const user = await getManagedUser(ctx, id);
      const problems = checkPasswordPolicy(password, user.username);
      if (problems.length) throw new ValidationError(problems);
      const hash = await hashPassword(password);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('appUser').set({ passwordHash: hash, passwordChangedAt: now, failedLogins: 0, lockedUntil: null, updatedAt: now }).where('id', '=', id).execute();
        await trx.updateTable('userSession').set({ revokedAt: now }).where('userId', '=', id).where('revokedAt', 'is', null).execute();
        await recordChange(deps, trx, ctx, { action: 'org.user.password_reset', entityType: 'user', entityId: id, agencyId: user.agencyId, publish: false });
      });
    },

    async updateMe(ctx: Ctx, patch: { locale?: 'kk' | 'ru' | 'en' | undefined; displayName?: string | undefined }) {
      const changes = { ...(patch.locale ? { locale: patch.locale } : {}), ...(patch.displayName ? { displayName: patch.displayName } : {}) };
      if (Object.keys(changes).length === 0) return;
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('appUser').set({ ...changes, updatedAt: clock.now() }).where('id', '=', ctx.actor.userId).execute();
        await recordChange(deps, trx, ctx, { action: 'org.user.preferences', entityType: 'user', entityId: ctx.actor.userId, agencyId: ctx.actor.agencyId, details: changes, publish: false });
      });
    },

    async listActingAssignments(ctx: Ctx) {
      const scope = policy.scopeOf(ctx.actor, 'user.manage');
      let q = db.selectFrom('actingAssignment as a')
        .innerJoin('appUser as p', 'p.id', 'a.principalUserId')
        .innerJoin('appUser as d', 'd.id', 'a.deputyUserId')
        .selectAll('a').select(['p.displayName as principalName', 'd.displayName as deputyName']);
      if (scope === 'none') q = q.where((eb) => eb.or([eb('a.principalUserId', '=', ctx.actor.userId), eb('a.deputyUserId', '=', ctx.actor.userId)]));
      else if (scope.agencyId) q = q.where('p.agencyId', '=', scope.agencyId);
      return q.orderBy('a.validFrom', 'desc').limit(500).execute();
    },

    /** A deputy acts for the principal over a period: during it the deputy holds the principal's roles. */
    async createActingAssignment(ctx: Ctx, input: z.infer<typeof CreateActingAssignmentBody>) {
      const principal = await getManagedUser(ctx, input.principalUserId);
      const deputy = await db.selectFrom('appUser').selectAll().where('id', '=', input.deputyUserId).executeTakeFirst();
      const problems: FieldProblem[] = [];
      if (!deputy || deputy.agencyId !== principal.agencyId) problems.push({ path: 'deputyUserId', code: 'OTHER_AGENCY', message: 'must be a user of the same agency' });
      if (input.deputyUserId === input.principalUserId) problems.push({ path: 'deputyUserId', code: 'DEPUTY_IS_PRINCIPAL', message: 'must differ from the principal' });
      const from = new Date(input.validFrom);
      const to = new Date(input.validTo);
      if (to <= from) problems.push({ path: 'validTo', code: 'NOT_AFTER', params: { other: 'validFrom' }, message: 'must be after validFrom' });
      if (to.getTime() - from.getTime() > 366 * 86_400_000) problems.push({ path: 'validTo', code: 'ACTING_TOO_LONG', message: 'an acting period is at most one year' });
      if (problems.length || !principal.unitId) throw new ValidationError(problems.length ? problems : [{ path: 'principalUserId', code: 'PRINCIPAL_WITHOUT_UNIT', message: 'has no unit' }]);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('actingAssignment').values({ id, principalUserId: principal.id, deputyUserId: deputy!.id, unitId: principal.unitId!, validFrom: from, validTo: to, basis: input.basis, createdBy: ctx.actor.via === 'cli' ? null : ctx.actor.userId, createdAt: clock.now() }).execute();
        await recordChange(deps, trx, ctx, { action: 'org.acting.created', entityType: 'acting_assignment', entityId: id, agencyId: principal.agencyId, unitId: principal.unitId, details: { principal: principal.id, deputy: deputy!.id, validFrom: input.validFrom, validTo: input.validTo, basis: input.basis } });
      });
      return (await this.listActingAssignments(ctx)).find((a) => a.id === id)!;
    },

    async revokeActingAssignment(ctx: Ctx, id: string) {
      const row = await db.selectFrom('actingAssignment').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new NotFoundError('Acting assignment');
      const principal = await getManagedUser(ctx, row.principalUserId).catch(() => {
        throw new NotFoundError('Acting assignment');
      });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('actingAssignment').set({ revokedAt: clock.now() }).where('id', '=', id).execute();
        await recordChange(deps, trx, ctx, { action: 'org.acting.revoked', entityType: 'acting_assignment', entityId: id, agencyId: principal.agencyId });
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
