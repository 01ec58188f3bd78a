import type { z } from 'zod';
import type { CreateCounterpartGroupBody, CreateOfficerBody, CreateUnitBody, UpdateOfficerBody, UpdateUnitBody } from '../../contracts/org.ts';
import type { Ctx } from '../../platform/actor.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange, recordRead } from '../audit/index.ts';
import * as policy from './org.policy.ts';
import { presentAgency, presentOfficer, presentUnit } from './org.present.ts';
import * as repo from './org.repository.ts';

// Agencies are listed Border Service first, then the bodies it works with, then foreign partners.
const AGENCY_KIND_ORDER = ['border_service', 'national_security', 'internal_affairs', 'customs', 'finance', 'foreign_affairs', 'local_executive', 'justice', 'prosecution', 'other_control', 'foreign_partner'];

export function createOrgService(deps: Deps) {
  const { db, clock } = deps;

  async function getReadableUnit(ctx: Ctx, id: string) {
    if (!policy.canReadOrg(ctx.actor)) throw new NotFoundError('Unit');
    const unit = await repo.findUnit(db, id);
    if (!unit) throw new NotFoundError('Unit');
    return unit;
  }

  async function getVisibleOfficer(ctx: Ctx, id: string) {
    const officer = await repo.findOfficer(db, id);
    if (!officer || !policy.canReadOfficer(ctx.actor, { agencyId: officer.agencyId, path: officer.path })) throw new NotFoundError('Officer');
    return officer;
  }

  return {
    async listAgencies(ctx: Ctx) {
      if (!policy.canReadOrg(ctx.actor)) return [];
      const rank = (a: { country: string; kind: string }) => (a.country === 'KAZ' ? 0 : 100) + AGENCY_KIND_ORDER.indexOf(a.kind);
      return (await repo.listAgencies(db)).sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code)).map(presentAgency);
    },

    async listUnits(ctx: Ctx, filter: { agencyId?: string | undefined; parentId?: string | undefined; level?: number | undefined }) {
      if (!policy.canReadOrg(ctx.actor)) return [];
      return (await repo.listUnits(db, filter)).map(presentUnit);
    },

    async getUnit(ctx: Ctx, id: string) {
      return presentUnit(await getReadableUnit(ctx, id));
    },

    /** Creates a unit one level below its parent, in the parent's agency. A retry with the same id returns it. */
    async createUnit(ctx: Ctx, input: z.infer<typeof CreateUnitBody>) {
      const parent = await repo.findUnit(db, input.parentId);
      if (!parent || !policy.canManageUnit(ctx.actor, parent)) throw new NotFoundError('Parent unit');
      if (parent.level >= 5) throw new ValidationError([{ path: 'parentId', code: 'SHIFT_HAS_NO_SUBUNITS', message: 'a shift (level 5) has no sub-units' }]);
      const id = input.id ?? newId();
      const existing = await repo.findUnit(db, id);
      if (existing) {
        if (existing.parentId === parent.id && existing.code === input.code) return presentUnit(existing);
        throw new ConflictError('A different unit already has this id.', [{ path: 'id', code: 'ALREADY_USED', message: 'already used' }]);
      }
      const now = clock.now();
      const row = {
        id, agencyId: parent.agencyId, parentId: parent.id, path: [...parent.path, id], level: parent.level + 1,
        unitType: input.unitType, code: input.code, nameKk: input.names.kk, nameRu: input.names.ru, nameEn: input.names.en,
        timeZone: input.timeZone ?? parent.timeZone, createdAt: now, updatedAt: now,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('unit').values(row).execute();
          await recordChange(deps, trx, ctx, { action: 'org.unit.created', entityType: 'unit', entityId: id, agencyId: parent.agencyId, unitId: id, details: { code: row.code, parentId: parent.id, level: row.level } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('A unit with this code exists.', [{ path: 'code', code: 'ALREADY_USED', message: 'already used' }]);
        throw error;
      }
      return presentUnit({ ...row, isActive: true });
    },

    async updateUnit(ctx: Ctx, id: string, patch: z.infer<typeof UpdateUnitBody>) {
      const unit = await repo.findUnit(db, id);
      if (!unit || !policy.canManageUnit(ctx.actor, unit)) throw new NotFoundError('Unit');
      const changes = {
        ...(patch.names ? { nameKk: patch.names.kk, nameRu: patch.names.ru, nameEn: patch.names.en } : {}),
        ...(patch.unitType ? { unitType: patch.unitType } : {}),
        ...(patch.timeZone ? { timeZone: patch.timeZone } : {}),
        ...(patch.isActive !== undefined ? { isActive: patch.isActive } : {}),
      };
      const now = clock.now();
      const updated = await db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('unit').set({ ...changes, updatedAt: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await recordChange(deps, trx, ctx, { action: 'org.unit.updated', entityType: 'unit', entityId: id, agencyId: unit.agencyId, unitId: id, details: { changed: Object.keys(changes) } });
        return row;
      });
      return presentUnit(updated);
    },

    async listCounterpartGroups(ctx: Ctx, filter: { checkpointId?: string | undefined; unitId?: string | undefined }) {
      if (!policy.canReadOrg(ctx.actor)) return [];
      const groups = await repo.listCounterpartGroups(db, filter);
      return groups.map((g) => ({
        id: g.id, purpose: g.purpose as never, level: g.level, checkpointId: g.checkpointId, sezId: g.sezId,
        names: { kk: g.nameKk, ru: g.nameRu, en: g.nameEn },
        members: g.members.map((m) => ({ unitId: m.unitId, role: m.role, agencyId: m.agencyId, names: { kk: m.nameKk, ru: m.nameRu, en: m.nameEn } })),
      }));
    },

    /** Links units of different agencies that work together (administrators only: it crosses agencies). */
    async createCounterpartGroup(ctx: Ctx, input: z.infer<typeof CreateCounterpartGroupBody>) {
      if (!policy.canManageCounterparts(ctx.actor)) throw new NotFoundError('Counterpart groups');
      const problems = [];
      const units = await Promise.all(input.members.map((m) => repo.findUnit(db, m.unitId)));
      for (const [i, unit] of units.entries()) if (!unit) problems.push({ path: `members.${i}.unitId`, code: 'UNKNOWN', message: 'unknown unit' });
      if (new Set(input.members.map((m) => m.unitId)).size !== input.members.length) problems.push({ path: 'members', code: 'LISTED_TWICE', message: 'a unit appears twice' });
      if (problems.length) throw new ValidationError(problems);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('counterpartGroup').values({ id, purpose: input.purpose, level: input.level, checkpointId: input.checkpointId ?? null, sezId: input.sezId ?? null, nameKk: input.names.kk, nameRu: input.names.ru, nameEn: input.names.en, createdAt: clock.now() }).execute();
        await trx.insertInto('counterpartMember').values(input.members.map((m) => ({ groupId: id, unitId: m.unitId, role: m.role }))).execute();
        await recordChange(deps, trx, ctx, { action: 'org.counterparts.created', entityType: 'counterpart_group', entityId: id, details: { purpose: input.purpose, units: input.members.map((m) => m.unitId) } });
      });
      return (await this.listCounterpartGroups(ctx, {})).find((g) => g.id === id)!;
    },

    /** Officers the actor may see; the read of personal data is audited. */
    async listOfficers(ctx: Ctx, filter: { unitId?: string | undefined; q?: string | undefined; limit: number }) {
      const scope = policy.scopeOf(ctx.actor, 'officer.read');
      if (scope === 'none') return [];
      const rows = await repo.listOfficers(db, { agencyId: scope.agencyId, scopeUnitIds: scope.unitIds, ...filter });
      if (rows.length) await recordRead(deps, ctx, { entityType: 'officer', entityIds: rows.map((r) => r.id), query: filter });
      return rows.map(presentOfficer);
    },

    async getOfficer(ctx: Ctx, id: string) {
      const officer = await getVisibleOfficer(ctx, id);
      await recordRead(deps, ctx, { entityType: 'officer', entityIds: [id] });
      return presentOfficer(officer);
    },

    async createOfficer(ctx: Ctx, input: z.infer<typeof CreateOfficerBody>) {
      const unit = await repo.findUnit(db, input.unitId);
      if (!unit || !policy.canManageOfficer(ctx.actor, unit)) throw new NotFoundError('Unit');
      const id = input.id ?? newId();
      const existing = await repo.findOfficer(db, id);
      if (existing) {
        if (existing.unitId === unit.id && existing.surname === input.surname) return presentOfficer(existing);
        throw new ConflictError('A different officer already has this id.', [{ path: 'id', code: 'ALREADY_USED', message: 'already used' }]);
      }
      const now = clock.now();
      const row = {
        id, agencyId: unit.agencyId, unitId: unit.id, surname: input.surname, givenNames: input.givenNames, patronymic: input.patronymic ?? null,
        rank: input.rank ?? null, position: input.position, serviceCertificateNo: input.serviceCertificateNo ?? null, createdAt: now, updatedAt: now,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('officer').values(row).execute();
          await recordChange(deps, trx, ctx, { action: 'org.officer.created', entityType: 'officer', entityId: id, agencyId: unit.agencyId, unitId: unit.id });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('This service certificate number is already registered.', [{ path: 'serviceCertificateNo', code: 'ALREADY_USED', message: 'already used' }]);
        throw error;
      }
      return presentOfficer({ ...row, isActive: true });
    },

    async updateOfficer(ctx: Ctx, id: string, patch: z.infer<typeof UpdateOfficerBody>) {
      const officer = await repo.findOfficer(db, id);
      if (!officer || !policy.canManageOfficer(ctx.actor, { agencyId: officer.agencyId, path: officer.path })) throw new NotFoundError('Officer');
      if (patch.unitId && patch.unitId !== officer.unitId) {
        const target = await repo.findUnit(db, patch.unitId);
        if (!target || target.agencyId !== officer.agencyId || !policy.canManageOfficer(ctx.actor, target)) {
          throw new ValidationError([{ path: 'unitId', code: 'OUTSIDE_YOUR_UNITS', message: 'must be a unit of the same agency that you manage' }]);
        }
      }
      const { path: _path, ...current } = officer;
      const now = clock.now();
      try {
        const updated = await db.transaction().execute(async (trx) => {
          const row = await trx.updateTable('officer').set({ ...patch, updatedAt: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
          await recordChange(deps, trx, ctx, { action: 'org.officer.updated', entityType: 'officer', entityId: id, agencyId: current.agencyId, unitId: row.unitId, details: { changed: Object.keys(patch) } });
          return row;
        });
        return presentOfficer(updated);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('This service certificate number is already registered.', [{ path: 'serviceCertificateNo', code: 'ALREADY_USED', message: 'already used' }]);
        throw error;
      }
    },

    presentAgency,
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
