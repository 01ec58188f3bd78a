import type { z } from 'zod';
import type { CheckpointsQuery, CreateCheckpointBody, SetCheckpointStatusBody, UpdateCheckpointBody } from '../../contracts/geo.ts';
import type { WorkingHours } from '../../database.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange } from '../audit/index.ts';
import * as repo from './geo.repository.ts';
import { effectiveStatus, isWithinWorkingHours } from './working-hours.ts';

const MFA_NOTICE_HOURS = 72; // Law Art. 14(7)
type CheckpointRow = Awaited<ReturnType<typeof repo.listCheckpoints>>[number];

export function createGeoService(deps: Deps) {
  const { db, clock } = deps;

  function present(row: CheckpointRow) {
    const now = clock.now();
    const status = effectiveStatus(row, now);
    return {
      id: row.id, code: row.code, names: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn }, borderSectionId: row.borderSectionId,
      neighbourCountry: row.neighbourCountry, unitId: row.unitId, transportModes: row.transportModes as never, category: row.category as never,
      isJoint: row.isJoint, jointPartnerCountry: row.jointPartnerCountry, controlZone: row.controlZone, neighbourCheckpointName: row.neighbourCheckpointName,
      latitude: row.latitude, longitude: row.longitude, coordinatesAreDemo: row.coordinatesAreDemo, timeZone: row.timeZone,
      workingHours: row.workingHours as never, status, statusReason: status === 'open' ? null : row.statusReason,
      statusLegalBasis: status === 'open' ? null : row.statusLegalBasis, statusFrom: row.statusFrom, statusUntil: row.statusUntil,
      statusModes: status === 'open' ? null : row.statusModes as never, statusDirections: status === 'open' ? null : row.statusDirections as never,
      isOpenNow: !(status === 'suspended' && !row.statusModes && !row.statusDirections) && isWithinWorkingHours(row.workingHours, now, row.timeZone),
      sezIds: row.sezIds,
    };
  }

  function requireRead(ctx: Ctx) {
    if (!can(ctx.actor, 'geo.read')) throw new NotFoundError('Checkpoint registry');
  }

  async function getRow(ctx: Ctx, id: string) {
    requireRead(ctx);
    const [row] = await repo.listCheckpoints(db, { id });
    if (!row) throw new NotFoundError('Checkpoint');
    return row;
  }

  async function checkReferences(input: { borderSectionId?: string | null | undefined; unitId?: string | null | undefined; isJoint?: boolean | undefined; jointPartnerCountry?: string | undefined; transportModes?: string[] | undefined }) {
    const problems: FieldProblem[] = [];
    if (input.borderSectionId && !(await repo.findBorderSection(db, input.borderSectionId))) problems.push({ path: 'borderSectionId', code: 'UNKNOWN', message: 'unknown border section' });
    if (input.unitId) {
      const unit = await db.selectFrom('unit').innerJoin('agency', 'agency.id', 'unit.agencyId').select('agency.kind').where('unit.id', '=', input.unitId).executeTakeFirst();
      if (!unit || unit.kind !== 'border_service') problems.push({ path: 'unitId', code: 'NOT_BORDER_SERVICE_UNIT', message: 'must be a Border Service unit' });
    }
    if (!input.borderSectionId && input.transportModes && (input.transportModes.length !== 1 || input.transportModes[0] !== 'air')) {
      problems.push({ path: 'borderSectionId', code: 'SECTION_REQUIRED', message: 'is required unless the checkpoint is air-only' });
    }
    if (input.isJoint && !input.jointPartnerCountry) problems.push({ path: 'jointPartnerCountry', code: 'JOINT_PARTNER_REQUIRED', message: 'is required for a joint checkpoint' });
    if (problems.length) throw new ValidationError(problems);
  }

  return {
    async listBorderSections(ctx: Ctx) {
      requireRead(ctx);
      return (await repo.listBorderSections(db)).map((s) => ({ id: s.id, code: s.code, neighbourCountry: s.neighbourCountry, kind: s.kind, names: { kk: s.nameKk, ru: s.nameRu, en: s.nameEn }, lengthKm: s.lengthKm, checkpointCount: Number(s.checkpointCount) }));
    },

    async listCheckpoints(ctx: Ctx, query: z.infer<typeof CheckpointsQuery>) {
      requireRead(ctx);
      const rows = (await repo.listCheckpoints(db, query)).map(present);
      return query.status ? rows.filter((r) => r.status === query.status) : rows;
    },

    /**
     * The checkpoints where the signed-in user works, the nearest first: the one whose unit their own is
     * at or under (a booth's shift); then those their unit serves as a body at the checkpoint (a member,
     * a unit above one or below one, of a counterpart group of the checkpoint: customs, migration
     * police, other control bodies); then those under their unit (a department's, a detachment's).
     * A user with no unit works at none.
     */
    async myCheckpoints(ctx: Ctx) {
      const me = ctx.actor.unitId;
      if (!me) return [];
      return repo.checkpointsWhereUnitWorks(db, me);
    },

    async getCheckpoint(ctx: Ctx, id: string) {
      return present(await getRow(ctx, id));
    },

    async createCheckpoint(ctx: Ctx, input: z.infer<typeof CreateCheckpointBody>) {
      if (!can(ctx.actor, 'geo.manage')) throw new NotFoundError('Checkpoint registry');
      await checkReferences(input);
      const id = input.id ?? newId();
      const existing = await repo.listCheckpoints(db, { id });
      if (existing[0]) {
        if (existing[0].code === input.code) return present(existing[0]);
        throw new ConflictError('A different checkpoint already has this id.', [{ path: 'id', code: 'ALREADY_USED', message: 'already used' }]);
      }
      const now = clock.now();
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('checkpoint').values({
            id, code: input.code, nameKk: input.names.kk, nameRu: input.names.ru, nameEn: input.names.en, borderSectionId: input.borderSectionId ?? null,
            unitId: input.unitId ?? null, transportModes: input.transportModes, category: input.category, isJoint: input.isJoint,
            jointPartnerCountry: input.jointPartnerCountry ?? null, controlZone: input.controlZone ?? null, neighbourCheckpointName: input.neighbourCheckpointName ?? null,
            latitude: input.latitude, longitude: input.longitude, coordinatesAreDemo: input.coordinatesAreDemo, timeZone: input.timeZone,
            workingHours: JSON.stringify(input.workingHours), status: 'open', createdAt: now, updatedAt: now,
          }).execute();
          await recordChange(deps, trx, ctx, { action: 'geo.checkpoint.created', entityType: 'checkpoint', entityId: id, details: { code: input.code } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('A checkpoint with this code exists.', [{ path: 'code', code: 'ALREADY_USED', message: 'already used' }]);
        throw error;
      }
      return this.getCheckpoint(ctx, id);
    },

    async updateCheckpoint(ctx: Ctx, id: string, patch: z.infer<typeof UpdateCheckpointBody>) {
      if (!can(ctx.actor, 'geo.manage')) throw new NotFoundError('Checkpoint');
      const current = await getRow(ctx, id);
      await checkReferences({ ...patch, borderSectionId: patch.borderSectionId ?? current.borderSectionId, transportModes: patch.transportModes ?? current.transportModes, isJoint: patch.isJoint ?? current.isJoint, jointPartnerCountry: patch.jointPartnerCountry ?? current.jointPartnerCountry ?? undefined });
      const { names, workingHours, ...rest } = patch;
      const changes = {
        ...rest,
        ...(names ? { nameKk: names.kk, nameRu: names.ru, nameEn: names.en } : {}),
        ...(workingHours ? { workingHours: JSON.stringify(workingHours satisfies WorkingHours) } : {}),
      };
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('checkpoint').set({ ...changes, updatedAt: clock.now() }).where('id', '=', id).execute();
        await recordChange(deps, trx, ctx, { action: 'geo.checkpoint.updated', entityType: 'checkpoint', entityId: id, details: { changed: Object.keys(patch) } });
      });
      return this.getCheckpoint(ctx, id);
    },

    /**
     * Records a decision to restrict, suspend or reopen crossing at a checkpoint (Law Art. 14(7), W17).
     * The history keeps every decision; the MFA notice deadline (72 h) is derived from the decision time.
     */
    async setStatus(ctx: Ctx, id: string, input: z.infer<typeof SetCheckpointStatusBody>) {
      if (!can(ctx.actor, 'checkpoint.status.decide')) throw new NotFoundError('Checkpoint');
      const current = await getRow(ctx, id);
      const problems: FieldProblem[] = [];
      if (input.status !== 'open') {
        if (!input.reason) problems.push({ path: 'reason', code: 'REQUIRED_TO_RESTRICT', message: 'is required to restrict or suspend crossing' });
        if (!input.legalBasis) problems.push({ path: 'legalBasis', code: 'REQUIRED_TO_RESTRICT', message: 'is required to restrict or suspend crossing' });
      }
      const now = clock.now();
      const from = input.validFrom ? new Date(input.validFrom) : now;
      const until = input.validUntil ? new Date(input.validUntil) : null;
      if (until && until <= from) problems.push({ path: 'validUntil', code: 'NOT_AFTER', params: { other: 'validFrom' }, message: 'must be after validFrom' });
      const modes = input.status === 'open' ? null : input.transportModes ?? null;
      const directions = input.status === 'open' ? null : input.directions ?? null;
      (modes ?? []).forEach((m, i) => { if (!current.transportModes.includes(m)) problems.push({ path: `transportModes.${i}`, code: 'MODE_NOT_SERVED', message: `${m} is not served at this checkpoint` }); });
      if (problems.length) throw new ValidationError(problems);
      const changeId = newId();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('checkpoint').set({
          status: input.status, statusReason: input.status === 'open' ? null : input.reason!, statusLegalBasis: input.status === 'open' ? null : input.legalBasis!,
          statusFrom: input.status === 'open' ? null : from, statusUntil: input.status === 'open' ? null : until,
          statusModes: modes, statusDirections: directions, updatedAt: now,
        }).where('id', '=', id).execute();
        await trx.insertInto('checkpointStatusChange').values({
          id: changeId, checkpointId: id, status: input.status, reason: input.reason ?? null, legalBasis: input.legalBasis ?? null, validFrom: from,
          validUntil: until, requestedByNeighbour: input.requestedByNeighbour, transportModes: modes, directions, decidedBy: ctx.actor.via === 'cli' ? null : ctx.actor.userId, createdAt: now,
        }).execute();
        await recordChange(deps, trx, ctx, { action: 'geo.checkpoint.status_set', entityType: 'checkpoint', entityId: id, details: { status: input.status, reason: input.reason, legalBasis: input.legalBasis, validFrom: from.toISOString(), validUntil: until?.toISOString() ?? null, requestedByNeighbour: input.requestedByNeighbour, transportModes: modes, directions } });
      });
      return this.getCheckpoint(ctx, id);
    },

    async listStatusChanges(ctx: Ctx, id: string) {
      await getRow(ctx, id);
      return (await repo.listStatusChanges(db, id)).map((c) => ({
        ...c, status: c.status as never, transportModes: c.transportModes as never, directions: c.directions as never,
        mfaNotifyBy: c.status === 'open' ? null : new Date(c.createdAt.getTime() + MFA_NOTICE_HOURS * 3_600_000),
      }));
    },

    async listSezs(ctx: Ctx) {
      requireRead(ctx);
      return (await repo.listSezs(db)).map((s) => ({ id: s.id, code: s.code, names: { kk: s.nameKk, ru: s.nameRu, en: s.nameEn }, descriptionEn: s.descriptionEn, legalBasis: s.legalBasis, checkpointIds: s.checkpointIds }));
    },
  };
}
export type GeoService = ReturnType<typeof createGeoService>;
