// Reports of each use of weapons, military equipment, special means, service animals or physical force
// (Law Art. 72-75): who, where, on which ground of the closed list, the warning or the no-warning case,
// the prohibitions (the form asks every one and records the answer), aid given, outcome. The prosecutor
// is notified within 12 hours (Art. 72(9)), and within 24 hours of entering premises in pursuit
// (Art. 67(1)(22)): both are clocks that warn and escalate, with the notification's time recorded.
import { sql } from 'kysely';
import { enCases } from '../../../web/src/locales/cases/en.ts';
import type { z } from 'zod';
import type { ForceBody, ForceFinding, NoticeBody } from '../../contracts/cases.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange, recordRead } from '../audit/index.ts';
import { packInForce } from '../crossings/reasons.ts';
import { localParts } from '../exchange/clocks.ts';
import { notify } from '../exchange/notifications.ts';
import { createObligations, fulfil } from '../exchange/obligations.ts';
import { deskUnit, unitsById } from '../exchange/units.ts';
import { CASE_PACK_CODE, FORCE_GROUNDS, GROUNDS_FOR, type CaseRules } from './rules.ts';

type Body = z.infer<typeof ForceBody>;
const HOUR = 3_600_000;

/** What the answers show was not respected (Art. 72(5)-(6), 73(1)(5), 73(2)-(3)), by code; the report is still recorded, and
 * reviewed above. The codes are worded by the interface (`force.finding.*`). */
export type Finding = z.infer<typeof ForceFinding>;
/** A finding in English, in the interface's words (logs, notifications, the API). */
export const findingText = (f: Finding) => enCases[`force.finding.${f}`];

export function forceFindings(body: Pick<Body, 'means' | 'ground' | 'warning' | 'noWarningCase' | 'prohibitions' | 'exceptionGround'>): Finding[] {
  const out: Finding[] = [];
  const weapons = body.means.includes('weapon') || body.means.includes('military_equipment');
  const p = body.prohibitions;
  if ((p.women || p.obviousDisability || p.minors) && !(body.exceptionGround && body.exceptionGround !== 'national_security_threat')) out.push('protected_categories');
  if (weapons && p.vehicleWithPassengers && body.exceptionGround !== 'national_security_threat') out.push('vehicle_with_passengers');
  if (weapons && p.unintentionalCrosser) out.push('unintentional_crosser');
  if (weapons && p.animals) out.push('animals');
  if (body.ground === '73.1.5' && p.vehicleWithPassengers) out.push('hijack_with_passengers');
  if (weapons && body.warning === 'none' && !body.noWarningCase) out.push('no_warning');
  return out;
}

export function createForceService(deps: Deps) {
  const { db, clock } = deps;
  const userOf = (ctx: Ctx) => (ctx.actor.via === 'cli' ? null : ctx.actor.userId);

  async function visible(ctx: Ctx, id: string) {
    const row = await db.selectFrom('useOfForceReport').selectAll().where('id', '=', id).executeTakeFirst();
    const unit = row ? (await unitsById(db, [row.unitId])).get(row.unitId) : undefined;
    if (!row || !unit || !can(ctx.actor, 'case.read', { agencyId: unit.agencyId, path: unit.path })) throw new NotFoundError('Use-of-force report');
    return { row, unit };
  }

  async function view(ctx: Ctx, id: string) {
    const { row } = await visible(ctx, id);
    const clocks = await db.selectFrom('obligation').select(['kind', 'dueAt', 'state', 'outcome', 'rule']).where('subjectId', '=', id).orderBy('dueAt').execute();
    await recordRead(deps, ctx, { entityType: 'use_of_force_report', entityIds: [id] });
    return {
      id: row.id, unitId: row.unitId, agencyId: row.agencyId, servicemen: row.servicemen, usedAt: row.usedAt, place: row.place, means: row.means, ground: row.ground, groundBasis: (FORCE_GROUNDS as Record<string, string>)[row.ground] ?? row.ground,
      warning: row.warning, noWarningCase: row.noWarningCase, prohibitions: row.prohibitions, exceptionGround: row.exceptionGround, aid: row.aid, outcome: row.outcome,
      findings: forceFindings({ means: row.means, ground: row.ground, warning: row.warning, noWarningCase: row.noWarningCase as never, prohibitions: row.prohibitions, exceptionGround: row.exceptionGround as never }),
      detentionId: row.detentionId, premisesEntry: row.premisesEntry, prosecutorNotifiedAt: row.prosecutorNotifiedAt, prosecutorNotice: row.prosecutorNotice, premisesNotifiedAt: row.premisesNotifiedAt,
      clocks,
    };
  }

  return {
    view,
    /** The reports of a unit and the units below it, newest first, with the prosecutor clock's state. */
    async list(ctx: Ctx, unitId: string | undefined) {
      const unit = await deskUnit(db, ctx, 'case.read', unitId);
      const rows = await db.selectFrom('useOfForceReport as r').leftJoin('obligation as o', (j) => j.on('o.subjectId', '=', sql.ref('r.id')).on('o.kind', '=', 'force.prosecutor'))
        .select(['r.id', 'r.usedAt', 'r.servicemen', 'r.ground', 'r.means', 'o.state', 'o.outcome', 'o.dueAt'])
        .where('r.unitId', 'in', db.selectFrom('unit').select('unit.id').where(sql<boolean>`${unit.id}::uuid = any(unit.path)`)).orderBy('r.usedAt', 'desc').limit(200).execute();
      return rows.map((r) => ({ id: r.id, usedAt: r.usedAt, servicemen: r.servicemen, ground: r.ground, means: r.means as string[], prosecutorClock: r.state ? { state: r.state, outcome: r.outcome, dueAt: r.dueAt! } : null }));
    },

    async unitNames(unitId: string) { return (await unitsById(db, [unitId])).get(unitId)!.names; },

    async report(ctx: Ctx, body: Body) {
      const unit = await deskUnit(db, ctx, 'force.report', body.unitId);
      const problems: FieldProblem[] = [];
      if (!(body.ground in FORCE_GROUNDS)) problems.push({ path: 'ground', code: 'FORCE_GROUND', params: { values: Object.keys(FORCE_GROUNDS) }, message: `not a ground of Art. 72(3), 73(1), 74(2) or 75(2): one of ${Object.keys(FORCE_GROUNDS).join(', ')}` });
      else body.means.forEach((m, i) => { if (!GROUNDS_FOR[m]!.includes(body.ground)) problems.push({ path: `means.${i}`, code: 'MEANS_NOT_FOR_GROUND', params: { means: m, ground: body.ground }, message: `${m} may not be used on ground ${body.ground}` }); });
      if (body.warning !== 'none' && body.noWarningCase) problems.push({ path: 'noWarningCase', code: 'ONLY_WITHOUT_WARNING', message: 'only when no warning was given' });
      const usedAt = new Date(body.usedAt);
      const now = clock.now();
      if (usedAt.getTime() > now.getTime() + 5 * 60_000) problems.push({ path: 'usedAt', code: 'IN_FUTURE', message: 'is in the future' });
      if (body.premisesEntry && new Date(body.premisesEntry.enteredAt).getTime() > now.getTime() + 5 * 60_000) problems.push({ path: 'premisesEntry.enteredAt', code: 'IN_FUTURE', message: 'is in the future' });
      if (body.detentionId && !(await db.selectFrom('detention').select('id').where('id', '=', body.detentionId).where('agencyId', '=', unit.agencyId).executeTakeFirst())) problems.push({ path: 'detentionId', code: 'UNKNOWN', message: 'no detention of this agency has this id' });
      if (problems.length) throw new ValidationError(problems);
      const findings = forceFindings(body);
      const id = newId();
      const pack = await packInForce<CaseRules>(db, CASE_PACK_CODE, localParts(usedAt, unit.timeZone).date);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('useOfForceReport').values({
          id, unitId: unit.id, agencyId: unit.agencyId, servicemen: body.servicemen, usedAt, place: JSON.stringify(body.place), means: JSON.stringify(body.means), ground: body.ground,
          warning: body.warning, noWarningCase: body.noWarningCase ?? null, prohibitions: JSON.stringify(body.prohibitions), exceptionGround: body.exceptionGround ?? null, aid: body.aid ?? null,
          outcome: body.outcome, detentionId: body.detentionId ?? null, premisesEntry: body.premisesEntry ? JSON.stringify({ ...body.premisesEntry, owner: body.premisesEntry.owner ?? null }) : null,
          prosecutorNotifiedAt: null, prosecutorNotice: null, premisesNotifiedAt: null, reportedBy: userOf(ctx), createdAt: now,
        }).execute();
        const due = new Date(usedAt.getTime() + pack.content.prosecutorHours * HOUR);
        const clocks = [{ key: `force.prosecutor:${id}`, kind: 'force.prosecutor', unitId: unit.id, agencyId: unit.agencyId, subjectId: id, rulePackId: pack.id, window: { opensAt: null, dueAt: due, warnAt: new Date(due.getTime() - pack.content.warnBeforeMinutes * 60_000), rule: `Law Art. 72(9): the prosecutor within ${pack.content.prosecutorHours} hours of the use` } }];
        if (body.premisesEntry) {
          const pDue = new Date(new Date(body.premisesEntry.enteredAt).getTime() + pack.content.premisesHours * HOUR);
          clocks.push({ key: `force.premises:${id}`, kind: 'force.premises', unitId: unit.id, agencyId: unit.agencyId, subjectId: id, rulePackId: pack.id, window: { opensAt: null, dueAt: pDue, warnAt: new Date(pDue.getTime() - pack.content.warnBeforeMinutes * 60_000), rule: `Law Art. 67(1)(22): the prosecutor within ${pack.content.premisesHours} hours of entering the premises` } });
        }
        await createObligations(trx, now, clocks);
        if (findings.length && unit.parentId) await notify(trx, now, [{ key: `force.findings:${id}`, unitId: unit.parentId, kind: 'force.findings', severity: 'alarm', subjectType: 'use_of_force_report', subjectId: id, payload: { findings, summary: findings.map(findingText).join('; ') } }]);
        await recordChange(deps, trx, ctx, { action: 'case.force.reported', entityType: 'use_of_force_report', entityId: id, agencyId: unit.agencyId, unitId: unit.id, details: { means: body.means, ground: body.ground, findings } });
      });
      return view(ctx, id);
    },

    /** Records when and how the prosecutor was notified (of the use, or of the entry into premises); the clock is met, on time or late. */
    async notified(ctx: Ctx, id: string, which: 'prosecutor' | 'premises', body: z.infer<typeof NoticeBody>) {
      const { row, unit } = await visible(ctx, id);
      if (!can(ctx.actor, 'force.report', { agencyId: unit.agencyId, path: unit.path })) throw new ForbiddenError('Only the reporting unit records the notice.');
      if (which === 'premises' && !row.premisesEntry) throw new DomainError('NO_PREMISES_ENTRY', 409, 'This report records no entry into premises.');
      if ((which === 'prosecutor' ? row.prosecutorNotifiedAt : row.premisesNotifiedAt) !== null) throw new DomainError('ALREADY_NOTIFIED', 409, 'The notice is recorded.');
      const at = new Date(body.notifiedAt);
      const problems: FieldProblem[] = [];
      if (at.getTime() > clock.now().getTime() + 5 * 60_000) problems.push({ path: 'notifiedAt', code: 'IN_FUTURE', message: 'is in the future' });
      if (at < row.usedAt) problems.push({ path: 'notifiedAt', code: 'NOT_AFTER', params: { other: 'usedAt' }, message: 'is before the use' });
      if (problems.length) throw new ValidationError(problems);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('useOfForceReport').set(which === 'prosecutor' ? { prosecutorNotifiedAt: at, prosecutorNotice: body.notice } : { premisesNotifiedAt: at }).where('id', '=', id).execute();
        await fulfil(trx, `force.${which}:${id}`, at, null);
        await recordChange(deps, trx, ctx, { action: `case.force.${which}_notified`, entityType: 'use_of_force_report', entityId: id, agencyId: unit.agencyId, unitId: unit.id, details: { notifiedAt: at.toISOString(), notice: body.notice } });
      });
      return view(ctx, id);
    },
  };
}
export type ForceService = ReturnType<typeof createForceService>;
