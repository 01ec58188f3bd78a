// The police body's plans for an SEZ (SEZ Rules 2019 p.10-13): the annual plan for the complex use of
// forces and means (patrol routes as lines, squads, tasks, equipment) agreed by the BS military unit;
// the daily post roster for the next day approved by the head with a copy to the BS subdivision (KZ
// p.12, on a clock); service inspections planned in the head's plan-assignment and recorded as done.
import type { z } from 'zod';
import type { InspectionPlanBody, InspectionRecordBody, PlanBody, RosterBody } from '../../contracts/sez.ts';
import type { Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange } from '../audit/index.ts';
import { addDays, localParts, monthAfter } from '../exchange/clocks.ts';
import { notify } from '../exchange/notifications.ts';
import { createObligations, fulfil } from '../exchange/obligations.ts';
import { deliveryKey, grantOver, loadSez, reaches, sezFor, sezRulesAt, type Sez } from './parties.ts';
import { deliveryWindow, rosterWindow } from './rules.ts';

export const rosterKey = (sezId: string, policeUnitId: string, day: string) => `sez.roster:${sezId}:${policeUnitId}:${day}`;

export function createPlanService(deps: Deps) {
  const { db, clock } = deps;
  const userOf = (ctx: Ctx) => (ctx.actor.via === 'cli' ? null : ctx.actor.userId);

  function policeOf(ctx: Ctx, sez: Sez, permission: 'sez.draft' | 'sez.read' = 'sez.draft') {
    const police = sez.police.find((p) => reaches(ctx, permission, p));
    if (!police) throw new NotFoundError('Police body of this SEZ');
    return police;
  }

  const planView = (ctx: Ctx, sez: Sez, p: Awaited<ReturnType<typeof loadPlan>>) => {
    const police = sez.police.find((u) => u.id === p.policeUnitId);
    const next: Array<'edit' | 'send' | 'agree' | 'return'> = [];
    if (police && reaches(ctx, 'sez.draft', police) && (p.status === 'draft' || p.status === 'returned')) next.push('edit', 'send');
    if (p.status === 'sent' && reaches(ctx, 'sez.receive', sez.bs)) next.push('agree', 'return');
    return {
      id: p.id, sezId: p.sezId, policeUnitId: p.policeUnitId, bsUnitId: p.bsUnitId, year: p.year, status: p.status, routes: p.routes, squadCount: p.squadCount, tasks: p.tasks,
      equipment: p.equipment, note: p.note, sentAt: p.sentAt, agreedAt: p.agreedAt, returnedReason: p.returnedReason, next, updatedAt: p.updatedAt,
    };
  };
  const loadPlan = async (id: string) => {
    const p = await db.selectFrom('sezPlan').selectAll().where('id', '=', id).executeTakeFirst();
    if (!p) throw new NotFoundError('Plan');
    return p;
  };
  /** A plan the actor sees: the police body's own; the BS unit's once sent. */
  async function visiblePlan(ctx: Ctx, id: string) {
    const p = await loadPlan(id);
    const sez = await sezFor(db, ctx, p.sezId).catch(() => { throw new NotFoundError('Plan'); });
    const police = sez.police.find((u) => u.id === p.policeUnitId);
    if (!(police && reaches(ctx, 'sez.read', police)) && !(p.status !== 'draft' && reaches(ctx, 'sez.read', sez.bs))) throw new NotFoundError('Plan');
    return { p, sez };
  }

  return {
    /** Drafts or replaces the year's plan (while it is a draft or returned). */
    async savePlan(ctx: Ctx, body: z.infer<typeof PlanBody>) {
      const sez = await sezFor(db, ctx, body.sezId);
      const police = policeOf(ctx, sez);
      const existing = await db.selectFrom('sezPlan').selectAll().where('sezId', '=', sez.id).where('policeUnitId', '=', police.id).where('year', '=', body.year).executeTakeFirst();
      if (existing && existing.status !== 'draft' && existing.status !== 'returned') throw new DomainError('PLAN_LOCKED', 409, `The ${body.year} plan is ${existing.status}: it no longer changes.`, [], { year: body.year, state: existing.status });
      const at = clock.now();
      const id = existing?.id ?? newId();
      const values = { routes: JSON.stringify(body.routes), squadCount: body.squadCount, tasks: JSON.stringify(body.tasks), equipment: JSON.stringify(body.equipment), note: body.note ?? null, updatedAt: at };
      await db.transaction().execute(async (trx) => {
        if (existing) await trx.updateTable('sezPlan').set({ ...values, status: 'draft' }).where('id', '=', id).execute();
        else await trx.insertInto('sezPlan').values({ id, sezId: sez.id, policeUnitId: police.id, policeAgencyId: police.agencyId, bsUnitId: sez.bs?.id ?? null, year: body.year, status: 'draft', ...values, createdBy: userOf(ctx), sentBy: null, sentAt: null, agreedBy: null, agreedAt: null, returnedReason: null, createdAt: at }).execute();
        await recordChange(deps, trx, ctx, { action: 'sez.plan.saved', entityType: 'sez_plan', entityId: id, agencyId: police.agencyId, unitId: police.id, details: { year: body.year, routes: body.routes.length, squads: body.squadCount } });
      });
      return planView(ctx, sez, await loadPlan(id));
    },

    async plan(ctx: Ctx, id: string) {
      const { p, sez } = await visiblePlan(ctx, id);
      return planView(ctx, sez, p);
    },

    async plans(ctx: Ctx, sezId: string) {
      const sez = await sezFor(db, ctx, sezId);
      const rows = await db.selectFrom('sezPlan').selectAll().where('sezId', '=', sez.id).orderBy('year', 'desc').execute();
      return rows.filter((p) => { const police = sez.police.find((u) => u.id === p.policeUnitId); return (police && reaches(ctx, 'sez.read', police)) || (p.status !== 'draft' && reaches(ctx, 'sez.read', sez.bs)); }).map((p) => planView(ctx, sez, p));
    },

    /** send: the police body sends the plan to the BS unit; agree / return: the BS military unit answers (p.10). */
    async planStep(ctx: Ctx, id: string, action: 'send' | 'agree' | 'return', reason?: string) {
      const { p, sez } = await visiblePlan(ctx, id);
      const from = action === 'send' ? ['draft', 'returned'] : ['sent'];
      if (!from.includes(p.status)) throw new DomainError('OUT_OF_ORDER', 409, `The plan is ${p.status}: "${action}" comes after ${from.join(' or ')}.`, [], { state: p.status, action, after: from });
      const police = sez.police.find((u) => u.id === p.policeUnitId)!;
      if (action === 'send' ? !reaches(ctx, 'sez.draft', police) : !reaches(ctx, 'sez.receive', sez.bs)) throw new ForbiddenError(action === 'send' ? 'Only the police body sends its plan.' : 'Only the BS military unit of this SEZ agrees the plan.');
      if (action === 'return' && !reason) throw new ValidationError([{ path: 'reason', code: 'RETURN_REASON_REQUIRED', message: 'is required to return the plan' }]);
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const set = action === 'send' ? { status: 'sent' as const, sentBy: userOf(ctx), sentAt: at, returnedReason: null } : action === 'agree' ? { status: 'agreed' as const, agreedBy: userOf(ctx), agreedAt: at } : { status: 'returned' as const, returnedReason: reason! };
        await trx.updateTable('sezPlan').set({ ...set, updatedAt: at }).where('id', '=', id).execute();
        const to = action === 'send' ? sez.bs?.id : p.policeUnitId;
        if (to) await notify(trx, at, [{ key: `sez.plan.${action}:${id}:${at.getTime()}`, unitId: to, kind: `sez.plan.${action}`, severity: action === 'return' ? 'warning' : 'info', subjectType: 'sez_plan', subjectId: id, payload: { year: p.year, ...(reason && { summary: reason }) } }]);
        await recordChange(deps, trx, ctx, { action: `sez.plan.${action}`, entityType: 'sez_plan', entityId: id, agencyId: p.policeAgencyId, unitId: p.policeUnitId, details: { year: p.year, reason: reason ?? null } });
      });
      return planView(ctx, sez, await loadPlan(id));
    },

    /** Drafts or replaces the post roster of a day (while a draft). */
    async saveRoster(ctx: Ctx, body: z.infer<typeof RosterBody>) {
      const sez = await sezFor(db, ctx, body.sezId);
      const police = policeOf(ctx, sez);
      const problems: FieldProblem[] = [];
      const todayLocal = localParts(clock.now(), sez.timeZone).date;
      if (body.day < todayLocal) problems.push({ path: 'day', code: 'DAY_PAST', params: { today: todayLocal }, message: `is past (today is ${todayLocal} at the SEZ)` });
      body.posts.forEach((p, i) => { if (p.from === p.to) problems.push({ path: `posts.${i}.to`, code: 'SHIFT_EMPTY', message: 'the shift must have a length' }); });
      if (problems.length) throw new ValidationError(problems);
      const existing = await db.selectFrom('sezRoster').select(['id', 'status']).where('sezId', '=', sez.id).where('policeUnitId', '=', police.id).where('day', '=', body.day).executeTakeFirst();
      if (existing?.status === 'approved') throw new DomainError('ROSTER_APPROVED', 409, `The roster of ${body.day} is approved: it no longer changes.`, [], { day: body.day });
      const at = clock.now();
      const id = existing?.id ?? newId();
      await db.transaction().execute(async (trx) => {
        if (existing) await trx.updateTable('sezRoster').set({ posts: JSON.stringify(body.posts), updatedAt: at }).where('id', '=', id).execute();
        else await trx.insertInto('sezRoster').values({ id, sezId: sez.id, policeUnitId: police.id, policeAgencyId: police.agencyId, bsUnitId: sez.bsSubdivision?.id ?? sez.bs?.id ?? null, day: body.day, status: 'draft', posts: JSON.stringify(body.posts), createdBy: userOf(ctx), approvedBy: null, approvedActingFor: null, approvedAt: null, createdAt: at, updatedAt: at }).execute();
        await recordChange(deps, trx, ctx, { action: 'sez.roster.saved', entityType: 'sez_roster', entityId: id, agencyId: police.agencyId, unitId: police.id, details: { day: body.day, posts: body.posts.length } });
      });
      return this.roster(ctx, id);
    },

    /** The head approves the roster; the copy goes to the BS subdivision and the day's clock is met (KZ p.12). */
    async approveRoster(ctx: Ctx, id: string) {
      const r = await db.selectFrom('sezRoster').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) throw new NotFoundError('Roster');
      const sez = await sezFor(db, ctx, r.sezId);
      const police = sez.police.find((u) => u.id === r.policeUnitId);
      if (!police || !reaches(ctx, 'sez.read', police)) throw new NotFoundError('Roster');
      const grant = grantOver(ctx, 'sez.sign', police);
      if (!grant) throw new DomainError('NO_RIGHT', 403, `Only the head of ${police.names.en} or the acting substitute approves the post roster.`, [], { unit: police.names });
      if (r.status !== 'draft') throw new DomainError('ROSTER_APPROVED', 409, 'The roster is already approved.', [], { day: r.day });
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('sezRoster').set({ status: 'approved', approvedBy: userOf(ctx), approvedActingFor: grant.actingForUserId ?? null, approvedAt: at, updatedAt: at }).where('id', '=', id).execute();
        await fulfil(trx, rosterKey(r.sezId, r.policeUnitId, r.day), at, null);
        if (r.bsUnitId) await notify(trx, at, [{ key: `sez.roster.copy:${id}`, unitId: r.bsUnitId, kind: 'sez.roster.copy', severity: 'info', subjectType: 'sez_roster', subjectId: id, payload: { day: r.day } }]);
        await recordChange(deps, trx, ctx, { action: 'sez.roster.approved', entityType: 'sez_roster', entityId: id, agencyId: r.policeAgencyId, unitId: r.policeUnitId, details: { day: r.day, actingFor: grant.actingForUserId ?? null } });
      });
      return this.roster(ctx, id);
    },

    /** One roster: the police body's; the BS subdivision's copy once approved. */
    async roster(ctx: Ctx, id: string) {
      const r = await db.selectFrom('sezRoster').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) throw new NotFoundError('Roster');
      const sez = await sezFor(db, ctx, r.sezId).catch(() => { throw new NotFoundError('Roster'); });
      const police = sez.police.find((u) => u.id === r.policeUnitId);
      const bsSees = r.status === 'approved' && (reaches(ctx, 'sez.read', sez.bsSubdivision) || reaches(ctx, 'sez.read', sez.bs));
      if (!(police && reaches(ctx, 'sez.read', police)) && !bsSees) throw new NotFoundError('Roster');
      const o = await db.selectFrom('obligation').select(['key', 'kind', 'dueAt', 'state', 'outcome', 'rule', 'fulfilledAt']).where('key', '=', rosterKey(r.sezId, r.policeUnitId, r.day)).executeTakeFirst();
      return {
        id: r.id, sezId: r.sezId, policeUnitId: r.policeUnitId, bsUnitId: r.bsUnitId, day: r.day, status: r.status, posts: r.posts, approvedAt: r.approvedAt, approvedBy: r.approvedBy, actingFor: r.approvedActingFor,
        obligation: o ? { ...o, state: o.state as 'open' | 'met' | 'overdue', outcome: o.outcome as 'on_time' | 'early' | 'late' | null } : null,
      };
    },

    async rosters(ctx: Ctx, sezId: string, from: string, to: string) {
      const sez = await sezFor(db, ctx, sezId);
      const rows = await db.selectFrom('sezRoster').select('id').where('sezId', '=', sez.id).where('day', '>=', from).where('day', '<=', to).orderBy('day').execute();
      const out = [];
      for (const r of rows) { try { out.push(await this.roster(ctx, r.id)); } catch (e) { if (!(e instanceof NotFoundError)) throw e; } }
      return out;
    },

    /** The head plans an inspection in the plan-assignment (KZ p.13). */
    async planInspection(ctx: Ctx, body: z.infer<typeof InspectionPlanBody>) {
      const sez = await sezFor(db, ctx, body.sezId);
      const police = sez.police.find((p) => grantOver(ctx, 'sez.sign', p));
      if (!police) throw new DomainError('NO_RIGHT_ASSIGNMENT', 403, 'The plan-assignment is approved by the head of the police body or the acting substitute (KZ p.13).');
      const id = newId();
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('sezInspection').values({ id, sezId: sez.id, policeUnitId: police.id, policeAgencyId: police.agencyId, plannedOn: body.plannedOn, squad: body.squad, post: body.post ?? null, inspector: body.inspector, plannedBy: userOf(ctx), performedAt: null, findings: null, measures: null, recordedBy: null, createdAt: at }).execute();
        await recordChange(deps, trx, ctx, { action: 'sez.inspection.planned', entityType: 'sez_inspection', entityId: id, agencyId: police.agencyId, unitId: police.id, details: { plannedOn: body.plannedOn, squad: body.squad } });
      });
      return this.inspection(ctx, id);
    },

    /** The inspector records what the inspection found. */
    async recordInspection(ctx: Ctx, id: string, body: z.infer<typeof InspectionRecordBody>) {
      const row = await db.selectFrom('sezInspection').selectAll().where('id', '=', id).executeTakeFirst();
      const sez = row ? await sezFor(db, ctx, row.sezId).catch(() => null) : null;
      const police = sez?.police.find((u) => u.id === row!.policeUnitId);
      if (!row || !police || !reaches(ctx, 'sez.draft', police)) throw new NotFoundError('Inspection');
      if (row.performedAt) throw new DomainError('ALREADY_RECORDED', 409, 'This inspection is recorded: a correction is a new inspection.');
      const performedAt = new Date(body.performedAt);
      if (performedAt > clock.now()) throw new ValidationError([{ path: 'performedAt', code: 'IN_FUTURE', message: 'is in the future' }]);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('sezInspection').set({ performedAt, findings: body.findings, measures: body.measures ?? null, recordedBy: userOf(ctx) }).where('id', '=', id).execute();
        await recordChange(deps, trx, ctx, { action: 'sez.inspection.recorded', entityType: 'sez_inspection', entityId: id, agencyId: row.policeAgencyId, unitId: row.policeUnitId, details: { plannedOn: row.plannedOn } });
      });
      return this.inspection(ctx, id);
    },

    async inspection(ctx: Ctx, id: string) {
      const r = await db.selectFrom('sezInspection').selectAll().where('id', '=', id).executeTakeFirst();
      const sez = r ? await sezFor(db, ctx, r.sezId).catch(() => null) : null;
      if (!r || !sez || !sez.police.some((u) => u.id === r.policeUnitId && reaches(ctx, 'sez.read', u))) throw new NotFoundError('Inspection');
      return { id: r.id, sezId: r.sezId, plannedOn: r.plannedOn, squad: r.squad, post: r.post, inspector: r.inspector, performedAt: r.performedAt, findings: r.findings, measures: r.measures };
    },

    async inspections(ctx: Ctx, sezId: string, month: string) {
      const sez = await sezFor(db, ctx, sezId);
      const police = sez.police.filter((u) => reaches(ctx, 'sez.read', u)).map((u) => u.id);
      if (!police.length) return [];
      const from = `${month}-01`;
      const rows = await db.selectFrom('sezInspection').selectAll().where('sezId', '=', sez.id).where('policeUnitId', 'in', police).where('plannedOn', '>=', from).where('plannedOn', '<', `${monthAfter(month)}-01`).orderBy('plannedOn').execute();
      return rows.map((r) => ({ id: r.id, sezId: r.sezId, plannedOn: r.plannedOn, squad: r.squad, post: r.post, inspector: r.inspector, performedAt: r.performedAt, findings: r.findings, measures: r.measures }));
    },
  };
}
export type PlanService = ReturnType<typeof createPlanService>;

/** Opens the clocks of the coming days and month for every SEZ: the post roster of tomorrow (KZ p.12, when the pack requires it)
 * and the delivery of next month's list (and inspector list, EN p.13) by the 25th. Idempotent by key. */
export async function openSezObligations(db: Deps['db'], now: Date): Promise<number> {
  const groups = await db.selectFrom('counterpartGroup').select('sezId').where('purpose', '=', 'sez_passage').where('sezId', 'is not', null).execute();
  let created = 0;
  for (const g of groups) {
    const sez = await loadSez(db, g.sezId!);
    if (!sez?.bs) continue;
    const local = localParts(now, sez.timeZone);
    let pack;
    try { pack = await sezRulesAt(db, local.date); } catch { continue; }
    const next = monthAfter(local.date.slice(0, 7));
    const tomorrow = addDays(local.date, 1);
    const items = sez.police.flatMap((police) => [
      { key: deliveryKey(sez.id, police.id, next, 'monthly'), kind: 'sez.delivery', unitId: police.id, agencyId: police.agencyId, counterpartUnitId: sez.bs!.id, period: next, rulePackId: pack.id, window: deliveryWindow(next, sez.timeZone, pack.content.delivery) },
      ...(pack.content.inspectorLists.required ? [{ key: deliveryKey(sez.id, police.id, next, 'inspectors'), kind: 'sez.inspectors', unitId: police.id, agencyId: police.agencyId, counterpartUnitId: sez.bs!.id, period: next, rulePackId: pack.id, window: deliveryWindow(next, sez.timeZone, pack.content.delivery) }] : []),
      ...(pack.content.roster.required ? [{ key: rosterKey(sez.id, police.id, tomorrow), kind: 'sez.roster', unitId: police.id, agencyId: police.agencyId, counterpartUnitId: (sez.bsSubdivision ?? sez.bs)!.id, period: tomorrow, rulePackId: pack.id, window: rosterWindow(tomorrow, sez.timeZone, pack.content.roster) }] : []),
    ]);
    created += await createObligations(db, now, items);
  }
  return created;
}
