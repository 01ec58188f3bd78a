// Border incidents (Law Art. 2(26), 27, 28, 58(5), 58(7), 67(1)(10)): registered by the Border Service,
// investigated unilaterally or jointly with the neighbour (AF experts for airspace), correspondence through
// exchange points, meetings of border representatives with protocol; settled, or passed to the Ministry of
// Foreign Affairs, which then sees the case. Border representatives are reference data.
import type { z } from 'zod';
import type { IncidentBody, IncidentStepBody, RepresentativeBody } from '../../contracts/cases.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange, recordRead } from '../audit/index.ts';
import { localParts } from '../exchange/clocks.ts';
import { notify } from '../exchange/notifications.ts';
import { deskUnit, unitsById } from '../exchange/units.ts';

export function createIncidentService(deps: Deps) {
  const { db, clock } = deps;
  const userOf = (ctx: Ctx) => (ctx.actor.via === 'cli' ? null : ctx.actor.userId);

  /** The Border Service unit's incident, or the MFA's once passed to it. */
  async function visible(ctx: Ctx, id: string) {
    const row = await db.selectFrom('borderIncident').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('Border incident');
    const units = await unitsById(db, [row.unitId, ...(row.mfaUnitId ? [row.mfaUnitId] : [])]);
    const owner = units.get(row.unitId)!;
    const mfa = row.mfaUnitId ? units.get(row.mfaUnitId) : undefined;
    const asOwner = can(ctx.actor, 'case.read', { agencyId: owner.agencyId, path: owner.path });
    const asMfa = Boolean(mfa && can(ctx.actor, 'case.read', { agencyId: mfa.agencyId, path: mfa.path }));
    if (!asOwner && !asMfa) throw new NotFoundError('Border incident');
    return { row, owner, asOwner };
  }

  async function view(ctx: Ctx, id: string) {
    const { row } = await visible(ctx, id);
    const events = await db.selectFrom('borderIncidentEvent').select(['kind', 'at', 'details', 'byUser']).where('incidentId', '=', id).orderBy('createdAt').orderBy('id').execute();
    const day = localParts(row.occurredAt, 'Asia/Almaty').date;
    let reps = db.selectFrom('borderRepresentative').select(['side', 'fullName', 'position', 'role']).where('neighbourCountry', '=', row.neighbourCountry).where('validFrom', '<=', day)
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', day)]));
    if (row.borderSectionId) reps = reps.where((eb) => eb.or([eb('borderSectionId', 'is', null), eb('borderSectionId', '=', row.borderSectionId)]));
    await recordRead(deps, ctx, { entityType: 'border_incident', entityIds: [id] });
    return { ...row, events, representatives: await reps.orderBy('side').orderBy('role').execute() };
  }

  return {
    view,

    async register(ctx: Ctx, body: z.infer<typeof IncidentBody>) {
      const unit = await deskUnit(db, ctx, 'case.record', body.unitId);
      const agency = await db.selectFrom('agency').select('kind').where('id', '=', unit.agencyId).executeTakeFirstOrThrow();
      if (agency.kind !== 'border_service') throw new ForbiddenError('Border incidents are handled by the Border Service (Art. 27(5)).');
      const problems: FieldProblem[] = [];
      if (new Date(body.occurredAt) > new Date(clock.now().getTime() + 5 * 60_000)) problems.push({ path: 'occurredAt', code: 'IN_FUTURE', message: 'is in the future' });
      if (body.borderSectionId) {
        const section = await db.selectFrom('borderSection').select('neighbourCountry').where('id', '=', body.borderSectionId).executeTakeFirst();
        if (!section) problems.push({ path: 'borderSectionId', code: 'UNKNOWN', message: 'no such border section' });
        else if (section.neighbourCountry !== body.neighbourCountry) problems.push({ path: 'neighbourCountry', code: 'SECTION_BORDERS', params: { country: section.neighbourCountry }, message: `the section borders ${section.neighbourCountry}` });
      }
      if (problems.length) throw new ValidationError(problems);
      const id = newId();
      const at = clock.now();
      const number = `BI-${localParts(at, unit.timeZone).date.slice(0, 4)}-${id.slice(-6).toUpperCase()}`;
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('borderIncident').values({
          id, number, unitId: unit.id, agencyId: unit.agencyId, neighbourCountry: body.neighbourCountry, borderSectionId: body.borderSectionId ?? null, domain: body.domain,
          occurredAt: new Date(body.occurredAt), place: JSON.stringify(body.place), summary: body.summary, violation: body.violation, investigation: null, armedForcesExperts: false,
          status: 'registered', outcome: null, mfaUnitId: null, closedAt: null, createdBy: userOf(ctx), createdAt: at,
        }).execute();
        await recordChange(deps, trx, ctx, { action: 'case.incident.registered', entityType: 'border_incident', entityId: id, agencyId: unit.agencyId, unitId: unit.id, details: { number, neighbour: body.neighbourCountry, domain: body.domain } });
      });
      return view(ctx, id);
    },

    /** One step of the incident: the investigation's mode, a letter, a meeting with protocol, settlement, or passing it to the MFA. */
    async step(ctx: Ctx, id: string, body: z.infer<typeof IncidentStepBody>) {
      const { row, owner, asOwner } = await visible(ctx, id);
      if (!asOwner || !can(ctx.actor, 'case.record', { agencyId: owner.agencyId, path: owner.path })) throw new ForbiddenError('The Border Service unit in charge takes the steps of the incident.');
      if (row.status === 'settled' || row.status === 'passed_to_mfa') throw new DomainError('INCIDENT_CLOSED', 409, `Incident ${row.number} is ${row.status.replace(/_/g, ' ')}.`, [], { number: row.number, state: row.status });
      const problems: FieldProblem[] = [];
      if (body.kind === 'investigation' && body.armedForcesExperts && row.domain !== 'air') problems.push({ path: 'armedForcesExperts', code: 'AF_EXPERTS_AIR_ONLY', message: 'AF experts join airspace incidents (Art. 27(5))' });
      if ((body.kind === 'meeting' || body.kind === 'settled' || body.kind === 'passed_to_mfa' || body.kind === 'letter_sent' || body.kind === 'letter_received') && row.status === 'registered') problems.push({ path: 'kind', code: 'INVESTIGATION_FORM_FIRST', message: 'decide first whether the investigation is unilateral or joint (Art. 27(2))' });
      let mfaUnit;
      if (body.kind === 'passed_to_mfa') {
        mfaUnit = (await unitsById(db, [body.mfaUnitId])).get(body.mfaUnitId);
        const kind = mfaUnit ? (await db.selectFrom('agency').select('kind').where('id', '=', mfaUnit.agencyId).executeTakeFirstOrThrow()).kind : null;
        if (kind !== 'foreign_affairs') problems.push({ path: 'mfaUnitId', code: 'NOT_MFA_UNIT', message: 'not a unit of the Ministry of Foreign Affairs' });
      }
      if ('at' in body && new Date(body.at) > new Date(clock.now().getTime() + 5 * 60_000)) problems.push({ path: 'at', code: 'IN_FUTURE', message: 'is in the future' });
      if (problems.length) throw new ValidationError(problems);
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const { kind, ...details } = body;
        await trx.insertInto('borderIncidentEvent').values({ id: newId(), incidentId: id, kind, at: 'at' in body ? new Date(body.at) : at, details: JSON.stringify(details), byUser: userOf(ctx), createdAt: at }).execute();
        if (body.kind === 'investigation') await trx.updateTable('borderIncident').set({ investigation: body.mode, armedForcesExperts: body.armedForcesExperts, status: 'investigating' }).where('id', '=', id).execute();
        if (body.kind === 'meeting' && body.settled) await trx.updateTable('borderIncident').set({ status: 'settled', outcome: `Settled at the meeting of ${body.at.slice(0, 10)}: ${body.protocol.slice(0, 500)}`, closedAt: at }).where('id', '=', id).execute();
        if (body.kind === 'settled') await trx.updateTable('borderIncident').set({ status: 'settled', outcome: body.outcome, closedAt: at }).where('id', '=', id).execute();
        if (body.kind === 'passed_to_mfa') {
          await trx.updateTable('borderIncident').set({ status: 'passed_to_mfa', outcome: body.outcome, mfaUnitId: body.mfaUnitId, closedAt: at }).where('id', '=', id).execute();
          await notify(trx, at, [{ key: `case.incident.mfa:${id}`, unitId: body.mfaUnitId, kind: 'case.incident.mfa', severity: 'warning', subjectType: 'border_incident', subjectId: id, payload: { number: row.number, neighbour: row.neighbourCountry, summary: body.outcome } }]);
        }
        await recordChange(deps, trx, ctx, { action: `case.incident.${body.kind}`, entityType: 'border_incident', entityId: id, agencyId: row.agencyId, unitId: row.unitId, details: { number: row.number } });
      });
      return view(ctx, id);
    },

    /** The incidents the actor sees, newest first: their Border Service units', or passed to their MFA unit. */
    async list(ctx: Ctx, query: { status?: string | undefined; limit: number }) {
      let q = db.selectFrom('borderIncident as i').innerJoin('unit as u', 'u.id', 'i.unitId').leftJoin('unit as m', 'm.id', 'i.mfaUnitId')
        .select(['i.id', 'i.number', 'i.unitId', 'i.neighbourCountry', 'i.domain', 'i.occurredAt', 'i.summary', 'i.status', 'u.agencyId', 'u.path', 'm.agencyId as mfaAgencyId', 'm.path as mfaPath']);
      if (query.status) q = q.where('i.status', '=', query.status as never);
      const rows = await q.orderBy('i.occurredAt', 'desc').limit(1000).execute();
      const seen = rows.filter((r) => can(ctx.actor, 'case.read', { agencyId: r.agencyId, path: r.path }) || (r.mfaAgencyId && r.mfaPath && can(ctx.actor, 'case.read', { agencyId: r.mfaAgencyId, path: r.mfaPath }))).slice(0, query.limit);
      return seen.map((r) => ({ id: r.id, number: r.number, unitId: r.unitId, neighbourCountry: r.neighbourCountry, domain: r.domain, occurredAt: r.occurredAt, summary: r.summary, status: r.status }));
    },

    async representatives(ctx: Ctx, neighbour: string | undefined) {
      if (!can(ctx.actor, 'case.read')) throw new NotFoundError('Border representatives');
      let q = db.selectFrom('borderRepresentative').selectAll();
      if (neighbour) q = q.where('neighbourCountry', '=', neighbour);
      return (await q.orderBy('neighbourCountry').orderBy('side').orderBy('fullName').execute()).map(({ createdAt: _c, ...r }) => r);
    },

    async addRepresentative(ctx: Ctx, body: z.infer<typeof RepresentativeBody>) {
      if (!can(ctx.actor, 'geo.manage')) throw new NotFoundError('Border representatives');
      const problems: FieldProblem[] = [];
      if (body.validTo && body.validTo < body.validFrom) problems.push({ path: 'validTo', code: 'NOT_AFTER', params: { other: 'validFrom' }, message: 'is before validFrom' });
      if (body.borderSectionId && !(await db.selectFrom('borderSection').select('id').where('id', '=', body.borderSectionId).where('neighbourCountry', '=', body.neighbourCountry).executeTakeFirst())) problems.push({ path: 'borderSectionId', code: 'NO_SECTION_WITH_NEIGHBOUR', message: 'no border section with this neighbour' });
      if (problems.length) throw new ValidationError(problems);
      const id = newId();
      const row = { id, side: body.side, neighbourCountry: body.neighbourCountry, borderSectionId: body.borderSectionId ?? null, unitId: body.unitId ?? null, fullName: body.fullName, position: body.position, role: body.role, listReference: body.listReference ?? null, validFrom: body.validFrom, validTo: body.validTo ?? null, createdAt: clock.now() };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('borderRepresentative').values(row).execute();
        await recordChange(deps, trx, ctx, { action: 'case.representative.added', entityType: 'border_representative', entityId: id, details: { side: body.side, neighbour: body.neighbourCountry } });
      });
      const { createdAt: _c, ...out } = row;
      return out;
    },
  };
}
export type IncidentService = ReturnType<typeof createIncidentService>;
