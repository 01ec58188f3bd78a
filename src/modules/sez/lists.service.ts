// The lists of police officers allowed through the checkpoint into an SEZ (SEZ Rules 2019 p.3-8, 15/16,
// EN p.13) and their chain: drafted by the police body, signed by its head or the acting substitute,
// agreed by the NSC district division, forwarded to the BS military unit within 5 calendar days of
// agreement (KZ p.6), due there by the 25th; returned for correction or amended mid-month as new
// versions of the same lineage. Deadlines run on the obligations engine.
import type { z } from 'zod';
import type { CreateListBody, ListsQuery, NewVersionBody } from '../../contracts/sez.ts';
import type { Ctx, Grant } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange, recordRead } from '../audit/index.ts';
import { localParts, monthAfter } from '../exchange/clocks.ts';
import { notify } from '../exchange/notifications.ts';
import { createObligations, fulfil } from '../exchange/obligations.ts';
import { unitsById, type UnitInfo } from '../exchange/units.ts';
import { deliveryKey, grantOver, loadSez, reaches, sezFor, sezRulesAt, type Sez } from './parties.ts';
import { checkLines, writeLines, type Content } from './list-lines.ts';
import { deliveryWindow, forwardWindow } from './rules.ts';
import type { ListStatus, Signer, StepKind } from './sez.tables.ts';

type Row = Awaited<ReturnType<typeof loadRow>>;
type Action = 'edit' | 'sign' | 'return' | 'agree' | 'forward' | 'receive' | 'new_version' | 'close';

const LIVE: ListStatus[] = ['forwarded', 'received'];
const OPEN_VERSION: ListStatus[] = ['draft', 'signed', 'agreed'];

async function loadRow(db: Executor, id: string) {
  return db.selectFrom('sezList').selectAll().where('id', '=', id).executeTakeFirst();
}

export function createListService(deps: Deps) {
  const { db, clock } = deps;
  const userOf = (ctx: Ctx) => (ctx.actor.via === 'cli' ? null : ctx.actor.userId);

  /** The current month at the SEZ (its checkpoint's zone) and today's date there. */
  const today = (sez: Sez) => localParts(clock.now(), sez.timeZone);

  /** Why the actor may not take a step that needs `permission` over `unit`: no such right, or an acting period that has ended. */
  async function refuseRight(ctx: Ctx, unit: UnitInfo, what: string): Promise<never> {
    const ended = await db.selectFrom('actingAssignment').select(['validTo', 'revokedAt']).where('deputyUserId', '=', ctx.actor.userId).where('unitId', '=', unit.id)
      .orderBy('validTo', 'desc').executeTakeFirst();
    if (ended) {
      const end = ended.revokedAt && ended.revokedAt < ended.validTo ? ended.revokedAt : ended.validTo;
      if (end <= clock.now()) throw new DomainError('ACTING_ENDED', 403, `Your acting assignment for the head of ${unit.names.en} ended on ${end.toISOString()}: you may no longer ${what}.`, [], { unit: unit.names, until: end.toISOString() });
    }
    throw new DomainError('NO_RIGHT', 403, `Only the head of ${unit.names.en} or the acting substitute may ${what}.`, [], { unit: unit.names });
  }

  /** Who signs, as the form prints it, from the user's officer record. */
  async function signerOf(executor: Executor, ctx: Ctx, unit: UnitInfo, grant: Grant | null): Promise<Signer> {
    const user = ctx.actor.via === 'cli' ? null : await executor.selectFrom('appUser').leftJoin('officer', 'officer.id', 'appUser.officerId')
      .select(['appUser.displayName', 'officer.surname', 'officer.givenNames', 'officer.patronymic', 'officer.rank', 'officer.position']).where('appUser.id', '=', ctx.actor.userId).executeTakeFirst();
    const initials = user?.givenNames ? `${user.givenNames.charAt(0)}.${user.patronymic ? ` ${user.patronymic.charAt(0)}.` : ''}` : '';
    return {
      position: user?.position ?? null, rank: user?.rank ?? null, name: user?.surname ? `${initials} ${user.surname}`.trim() : (user?.displayName ?? ctx.actor.displayName),
      unitName: unit.names, acting: Boolean(grant?.actingForUserId),
    };
  }

  /** The parts the actor may see the list in: the police body always; the NSC once signed; the BS once forwarded (priority lists once signed). */
  async function access(ctx: Ctx, row: NonNullable<Row>, sez: Sez) {
    const steps = await db.selectFrom('sezListStep').select('step').where('listId', '=', row.id).execute();
    const has = (s: StepKind) => steps.some((x) => x.step === s);
    const units = await unitsById(db, [row.policeUnitId]);
    const police = units.get(row.policeUnitId)!;
    const asPolice = reaches(ctx, 'sez.read', police);
    const asNsc = row.kind === 'monthly' && has('signed') && reaches(ctx, 'sez.read', sez.nsc);
    const bsSees = has('forwarded') || ((row.kind === 'oig' || row.kind === 'emergency') && has('signed'));
    const asBs = bsSees && (reaches(ctx, 'sez.read', sez.bs) || reaches(ctx, 'sez.read', sez.bsSubdivision));
    return { police, asPolice, asNsc, asBs, any: asPolice || asNsc || asBs };
  }

  async function visible(ctx: Ctx, id: string) {
    const row = await loadRow(db, id);
    const sez = row ? await loadSez(db, row.sezId) : null;
    if (!row || !sez) throw new NotFoundError('List');
    const a = await access(ctx, row, sez);
    if (!a.any) throw new NotFoundError('List');
    return { row, sez, ...a };
  }

  /** What the actor may do next with a list in its state. */
  function nextActions(ctx: Ctx, row: NonNullable<Row>, sez: Sez, police: UnitInfo, lineageOpen: boolean): Action[] {
    const out: Action[] = [];
    const draft = reaches(ctx, 'sez.draft', police);
    const sign = Boolean(grantOver(ctx, 'sez.sign', police));
    const nsc = reaches(ctx, 'sez.agree', sez.nsc);
    const bs = reaches(ctx, 'sez.receive', sez.bs);
    if (row.status === 'draft') { if (draft) out.push('edit'); if (sign) out.push('sign'); }
    if (row.kind === 'monthly') {
      if (row.status === 'signed' && nsc) out.push('agree', 'return');
      if (row.status === 'agreed' && nsc) out.push('forward');
    }
    if (row.kind === 'inspectors' && row.status === 'signed' && draft) out.push('forward');
    if (row.status === 'forwarded' && bs) out.push('receive');
    if ((row.kind === 'monthly' || row.kind === 'inspectors') && ['returned', 'forwarded', 'received'].includes(row.status) && draft && !lineageOpen) out.push('new_version');
    if ((row.kind === 'oig' || row.kind === 'emergency') && row.status === 'signed' && (draft || reaches(ctx, 'sez.admit', sez.bsSubdivision) || reaches(ctx, 'sez.admit', sez.bs))) out.push('close');
    return out;
  }

  async function view(ctx: Ctx, id: string) {
    const { row, sez, police } = await visible(ctx, id);
    const [officers, vehicles, steps, obligations, versions] = await Promise.all([
      db.selectFrom('sezListOfficer').selectAll().where('listId', '=', id).orderBy('lineNo').execute(),
      db.selectFrom('sezListVehicle').selectAll().where('listId', '=', id).orderBy('lineNo').execute(),
      db.selectFrom('sezListStep').selectAll().where('listId', '=', id).orderBy('at').orderBy('id').execute(),
      // the lineage's delivery clock and this version's forwarding clock
      db.selectFrom('obligation').select(['key', 'kind', 'dueAt', 'state', 'outcome', 'rule', 'fulfilledAt']).where((eb) => eb.or([eb('subjectId', '=', row.lineageId), eb('key', '=', `sez.forward:${id}`)])).orderBy('dueAt').execute(),
      db.selectFrom('sezList').select(['id', 'version', 'status']).where('lineageId', '=', row.lineageId).orderBy('version').execute(),
    ]);
    await recordRead(deps, ctx, { entityType: 'sez_list', entityIds: [id] });
    return {
      id: row.id, lineageId: row.lineageId, version: row.version, kind: row.kind, status: row.status, month: row.month.slice(0, 7),
      sez: { id: sez.id, code: sez.code, names: sez.names }, policeUnit: { id: police.id, names: police.names }, nscUnitId: row.nscUnitId, bsUnitId: row.bsUnitId,
      officers: officers.map((o) => ({ lineNo: o.lineNo, surname: o.surname, givenName: o.givenName, patronymic: o.patronymic, certificateNo: o.certificateNo, weaponNo: o.weaponNo, equipment: o.equipment })),
      vehicles: vehicles.map((v) => ({ lineNo: v.lineNo, plate: v.plate, kind: v.kind, model: v.model })),
      permitNo: row.permitNo, changeReason: row.changeReason, offence: row.offence, emergencyOrder: row.emergencyOrder,
      steps: steps.map((s) => ({ step: s.step, unitId: s.unitId, userId: s.userId, actingForUserId: s.actingForUserId, signer: s.signer, note: s.note, at: s.at })),
      obligations: obligations.map((o) => ({ ...o, state: o.state as 'open' | 'met' | 'overdue', outcome: o.outcome as 'on_time' | 'early' | 'late' | null })),
      next: nextActions(ctx, row, sez, police, versions.some((v) => OPEN_VERSION.includes(v.status) && v.id !== row.id) || (OPEN_VERSION.includes(row.status))),
      versions, createdAt: row.createdAt, updatedAt: row.updatedAt,
    };
  }

  /** Refuses a list for a month that has ended at the SEZ. */
  function openMonth(sez: Sez, month: string, path = 'month') {
    const now = today(sez);
    const current = `${now.year}-${String(now.month).padStart(2, '0')}`;
    if (month < current) throw new DomainError('MONTH_CLOSED', 409, `${month} has ended at ${sez.names.en} (today is ${now.date} there): lists for it can no longer be drafted or changed.`, [{ path, code: 'MONTH_CLOSED', message: 'the month is closed' }], { month, today: now.date });
  }

  async function step(executor: Executor, ctx: Ctx, row: NonNullable<Row>, kind: StepKind, unit: UnitInfo, grant: Grant | null, note: string | null, at: Date) {
    await executor.insertInto('sezListStep').values({
      id: newId(), listId: row.id, step: kind, unitId: unit.id, userId: userOf(ctx), actingForUserId: grant?.actingForUserId ?? null,
      signer: JSON.stringify(await signerOf(executor, ctx, unit, grant)), note, at,
    }).execute();
  }

  /** Moves a list from `from` to `to` in one transaction with its step, audit, clocks and notifications; refuses any other order. */
  async function transition(ctx: Ctx, id: string, action: Action, expect: ListStatus[], body: { note?: string | null }, run: (trx: Executor, row: NonNullable<Row>, sez: Sez, at: Date) => Promise<void>) {
    const { row, sez } = await visible(ctx, id);
    if (!expect.includes(row.status)) {
      throw new DomainError('OUT_OF_ORDER', 409, `The list is ${row.status}: "${action}" comes only after ${expect.join(' or ')} (chain: drafted → signed → agreed → forwarded → received).`, [{ path: 'status', code: 'STATUS_IS', params: { status: row.status }, message: `is ${row.status}` }], { state: row.status, action, after: expect });
    }
    const at = clock.now();
    await db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom('sezList').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (locked.status !== row.status) throw new ConflictError('The list changed meanwhile: reload it.', [], 'CHANGED_MEANWHILE');
      await run(trx, row, sez, at);
      await recordChange(deps, trx, ctx, { action: `sez.list.${action}`, entityType: 'sez_list', entityId: id, agencyId: row.policeAgencyId, unitId: row.policeUnitId, details: { kind: row.kind, month: row.month.slice(0, 7), version: row.version, note: body.note ?? null } });
    });
    return view(ctx, id);
  }

  async function setStatus(trx: Executor, id: string, status: ListStatus, at: Date) {
    await trx.updateTable('sezList').set({ status, updatedAt: at }).where('id', '=', id).execute();
  }

  return {
    view,

    /** Drafts a list for the police body (the caller's, or one their grants reach). */
    async create(ctx: Ctx, body: z.infer<typeof CreateListBody>) {
      const sez = await sezFor(db, ctx, body.sezId);
      const police = body.policeUnitId ? sez.police.find((p) => p.id === body.policeUnitId) : sez.police.find((p) => reaches(ctx, 'sez.draft', p));
      if (!police || !reaches(ctx, 'sez.draft', police)) throw new NotFoundError('Police body of this SEZ');
      const problems: FieldProblem[] = [];
      const now = today(sez);
      const current = `${now.year}-${String(now.month).padStart(2, '0')}`;
      const priority = body.kind === 'oig' || body.kind === 'emergency';
      const month = priority ? current : (body.month ?? monthAfter(current));
      if (priority && body.month && body.month !== current) problems.push({ path: 'month', code: 'PRIORITY_CURRENT_MONTH', params: { month: current }, message: `a ${body.kind} list is for the current month (${current})` });
      openMonth(sez, month);
      if (body.kind === 'oig' && !body.offence) problems.push({ path: 'offence', code: 'OFFENCE_REQUIRED', message: 'the criminal offence the group is sent for is required (p.7)' });
      if (body.kind === 'emergency' && !body.emergencyOrder) problems.push({ path: 'emergencyOrder', code: 'EMERGENCY_ORDER_REQUIRED', message: 'the head\'s order is required (p.8)' });
      if (body.kind === 'emergency') body.officers.forEach((o, i) => { if (!o.equipment) problems.push({ path: `officers.${i}.equipment`, code: 'EQUIPMENT_REQUIRED', message: 'the equipment manifest is required for emergency entry (p.8)' }); });
      if (body.kind !== 'oig' && body.offence) problems.push({ path: 'offence', code: 'ONLY_FOR_OIG', message: 'only for an operational-investigative group' });
      if (body.kind !== 'emergency' && body.emergencyOrder) problems.push({ path: 'emergencyOrder', code: 'ONLY_FOR_EMERGENCY', message: 'only for emergency entry' });
      const pack = await sezRulesAt(db, now.date);
      if (body.kind === 'inspectors' && !pack.content.inspectorLists.required) problems.push({ path: 'kind', code: 'NO_INSPECTOR_LISTS', message: 'the rule pack in force has no inspector lists (EN p.13 is switched off)' });
      const id = newId();
      await checkLines(db, sez, month, body.kind, id, body, problems);
      if (body.kind === 'monthly' || body.kind === 'inspectors') {
        const existing = await db.selectFrom('sezList').select('id').where('sezId', '=', sez.id).where('policeUnitId', '=', police.id).where('month', '=', `${month}-01`).where('kind', '=', body.kind).where('version', '=', 1).executeTakeFirst();
        if (existing) throw new DomainError('LIST_EXISTS', 409, `${police.names.en} already has a ${body.kind} list for ${month}: correct or amend it as a new version.`, [{ path: 'month', code: 'LIST_EXISTS', message: `list ${existing.id} exists` }], { unit: police.names, kind: body.kind, month });
      }
      if (problems.length) throw new ValidationError(problems);
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('sez').select('id').where('id', '=', sez.id).forUpdate().execute(); // one writer of an SEZ's lists at a time: the cross-list checks hold
        await checkLines(trx, sez, month, body.kind, id, body, problems);
        if (problems.length) throw new ValidationError(problems);
        await trx.insertInto('sezList').values({
          id, lineageId: id, version: 1, kind: body.kind, sezId: sez.id, policeUnitId: police.id, policeAgencyId: police.agencyId,
          nscUnitId: body.kind === 'monthly' ? (sez.nsc?.id ?? null) : null, bsUnitId: (priority ? sez.bsSubdivision?.id : sez.bs?.id) ?? sez.bs?.id ?? null,
          month: `${month}-01`, status: 'draft', changeReason: null, offence: body.offence ? JSON.stringify(body.offence) : null,
          emergencyOrder: body.emergencyOrder ? JSON.stringify(body.emergencyOrder) : null, permitNo: body.permitNo ?? null, rulePackId: pack.id,
          createdBy: userOf(ctx), createdAt: at, updatedAt: at,
        }).execute();
        await writeLines(trx, id, body);
        if ((body.kind === 'monthly' || body.kind === 'inspectors') && sez.bs) {
          await createObligations(trx, at, [{
            key: deliveryKey(sez.id, police.id, month, body.kind), kind: body.kind === 'monthly' ? 'sez.delivery' : 'sez.inspectors', unitId: police.id, agencyId: police.agencyId,
            counterpartUnitId: sez.bs.id, subjectId: id, period: month, rulePackId: pack.id, window: deliveryWindow(month, sez.timeZone, pack.content.delivery),
          }]);
          await trx.updateTable('obligation').set({ subjectId: id }).where('key', '=', deliveryKey(sez.id, police.id, month, body.kind)).where('subjectId', 'is', null).execute();
        }
        await recordChange(deps, trx, ctx, { action: 'sez.list.drafted', entityType: 'sez_list', entityId: id, agencyId: police.agencyId, unitId: police.id, details: { kind: body.kind, month, officers: body.officers.length, vehicles: body.vehicles.length } });
      });
      return view(ctx, id);
    },

    /** Replaces the lines of a draft. */
    async update(ctx: Ctx, id: string, body: Content) {
      const { row, sez, police } = await visible(ctx, id);
      if (!reaches(ctx, 'sez.draft', police)) throw new ForbiddenError('Only the police body edits its lists.');
      if (row.status !== 'draft') throw new DomainError('NOT_DRAFT', 409, `The list is ${row.status}: a signed version never changes; make a new version.`, [{ path: 'status', code: 'STATUS_IS', params: { status: row.status }, message: `is ${row.status}` }], { state: row.status });
      openMonth(sez, row.month.slice(0, 7));
      const problems: FieldProblem[] = [];
      await checkLines(db, sez, row.month.slice(0, 7), row.kind, row.lineageId, body, problems);
      if (problems.length) throw new ValidationError(problems);
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('sez').select('id').where('id', '=', sez.id).forUpdate().execute();
        await checkLines(trx, sez, row.month.slice(0, 7), row.kind, row.lineageId, body, problems);
        if (problems.length) throw new ValidationError(problems);
        await writeLines(trx, id, body);
        await trx.updateTable('sezList').set({ permitNo: body.permitNo ?? null, updatedAt: at }).where('id', '=', id).execute();
        await recordChange(deps, trx, ctx, { action: 'sez.list.edited', entityType: 'sez_list', entityId: id, agencyId: row.policeAgencyId, unitId: row.policeUnitId, details: { officers: body.officers.length, vehicles: body.vehicles.length } });
      });
      return view(ctx, id);
    },

    /** The head of the police body (or the acting substitute) signs the list and approves the weapons permit with it. */
    async sign(ctx: Ctx, id: string) {
      const { row, sez, police } = await visible(ctx, id);
      const grant = grantOver(ctx, 'sez.sign', police);
      if (!grant) await refuseRight(ctx, police, 'sign the lists of this police body');
      openMonth(sez, row.month.slice(0, 7));
      return transition(ctx, id, 'sign', ['draft'], {}, async (trx, r, s, at) => {
        await step(trx, ctx, r, 'signed', police, grant, null, at);
        await setStatus(trx, id, 'signed', at);
        const priority = r.kind === 'oig' || r.kind === 'emergency';
        const to = r.kind === 'monthly' ? s.nsc : null;
        const targets = priority ? [s.bsSubdivision, s.bs] : [to];
        await notify(trx, at, targets.filter((u): u is NonNullable<typeof u> => Boolean(u)).map((u) => ({
          key: `sez.list.signed:${id}:${u.id}`, unitId: u.id, kind: priority ? 'sez.priority_list' : 'sez.list.signed', severity: priority ? 'alarm' : 'info',
          subjectType: 'sez_list', subjectId: id, payload: { listKind: r.kind, month: r.month.slice(0, 7), policeUnitId: r.policeUnitId, summary: `${police.names.en}: ${r.kind} list v${r.version}` },
        })));
      });
    },

    /** The NSC district division returns a signed list for correction, with the reason. */
    async returnForCorrection(ctx: Ctx, id: string, reason: string) {
      const { sez } = await visible(ctx, id);
      if (!reaches(ctx, 'sez.agree', sez.nsc)) throw new ForbiddenError('Only the NSC district division of this SEZ returns lists.');
      return transition(ctx, id, 'return', ['signed'], { note: reason }, async (trx, r, s, at) => {
        await step(trx, ctx, r, 'returned', s.nsc!, null, reason, at);
        await setStatus(trx, id, 'returned', at);
        await notify(trx, at, [{ key: `sez.list.returned:${id}`, unitId: r.policeUnitId, kind: 'sez.list.returned', severity: 'warning', subjectType: 'sez_list', subjectId: id, payload: { month: r.month.slice(0, 7), summary: reason } }]);
      });
    },

    /** The head of the NSC district division agrees the list; the 5-day forwarding clock starts (KZ p.6). */
    async agree(ctx: Ctx, id: string) {
      const { row, sez } = await visible(ctx, id);
      if (row.kind !== 'monthly') throw new DomainError('NOT_AGREED_BY_NSC', 409, `A ${row.kind} list is not agreed by the NSC.`, [], { kind: row.kind });
      if (!reaches(ctx, 'sez.agree', sez.nsc)) throw new ForbiddenError('Only the NSC district division of this SEZ agrees lists.');
      return transition(ctx, id, 'agree', ['signed'], {}, async (trx, r, s, at) => {
        await step(trx, ctx, r, 'agreed', s.nsc!, null, null, at);
        await setStatus(trx, id, 'agreed', at);
        const local = localParts(at, s.timeZone);
        const pack = await sezRulesAt(trx, local.date);
        const window = forwardWindow(local.date, s.timeZone, pack.content.forward);
        if (window && s.bs) {
          await createObligations(trx, at, [{ key: `sez.forward:${id}`, kind: 'sez.forward', unitId: s.nsc!.id, agencyId: s.nsc!.agencyId, counterpartUnitId: s.bs.id, subjectId: id, period: r.month.slice(0, 7), rulePackId: pack.id, window }]);
        }
        await notify(trx, at, [{ key: `sez.list.agreed:${id}`, unitId: r.policeUnitId, kind: 'sez.list.agreed', severity: 'info', subjectType: 'sez_list', subjectId: id, payload: { month: r.month.slice(0, 7) } }]);
      });
    },

    /** The agreed list goes to the BS military unit (by the NSC district division; an inspector list by the police body). */
    async forward(ctx: Ctx, id: string) {
      const { row, sez, police } = await visible(ctx, id);
      const byPolice = row.kind === 'inspectors';
      if (row.kind === 'oig' || row.kind === 'emergency') throw new DomainError('PRIORITY_NOT_FORWARDED', 409, 'A priority list goes to the checkpoint once signed.');
      if (byPolice ? !reaches(ctx, 'sez.draft', police) : !reaches(ctx, 'sez.agree', sez.nsc)) throw new ForbiddenError(byPolice ? 'Only the police body sends its inspector lists.' : 'Only the NSC district division of this SEZ forwards lists.');
      return transition(ctx, id, 'forward', [byPolice ? 'signed' : 'agreed'], {}, async (trx, r, s, at) => {
        await step(trx, ctx, r, 'forwarded', byPolice ? police : s.nsc!, null, null, at);
        await setStatus(trx, id, 'forwarded', at);
        await trx.updateTable('sezList').set({ status: 'superseded', updatedAt: at }).where('lineageId', '=', r.lineageId).where('id', '<>', id).where('status', 'in', LIVE).execute();
        await fulfil(trx, `sez.forward:${id}`, at, null);
        await fulfil(trx, deliveryKey(r.sezId, r.policeUnitId, r.month.slice(0, 7), r.kind === 'monthly' ? 'monthly' : 'inspectors'), at, null);
        if (s.bs) await notify(trx, at, [{ key: `sez.list.forwarded:${id}`, unitId: s.bs.id, kind: 'sez.list.forwarded', severity: 'info', subjectType: 'sez_list', subjectId: id, payload: { listKind: r.kind, month: r.month.slice(0, 7), policeUnitId: r.policeUnitId, summary: `${police.names.en}: v${r.version}` } }]);
      });
    },

    /** The BS military unit registers the list it received. */
    async receive(ctx: Ctx, id: string) {
      const { sez } = await visible(ctx, id);
      if (!reaches(ctx, 'sez.receive', sez.bs)) throw new ForbiddenError('Only the BS military unit of this SEZ registers lists.');
      return transition(ctx, id, 'receive', ['forwarded'], {}, async (trx, r, s, at) => {
        await step(trx, ctx, r, 'received', s.bs!, null, null, at);
        await setStatus(trx, id, 'received', at);
      });
    },

    /** Closes a priority or emergency list once the group has left. */
    async close(ctx: Ctx, id: string, note: string | null) {
      const { row, sez, police } = await visible(ctx, id);
      if (row.kind !== 'oig' && row.kind !== 'emergency') throw new DomainError('ONLY_PRIORITY_CLOSED', 409, 'Only priority and emergency lists are closed; a monthly list ends with its month.');
      const unit = reaches(ctx, 'sez.draft', police) ? police : reaches(ctx, 'sez.admit', sez.bsSubdivision) ? sez.bsSubdivision! : reaches(ctx, 'sez.admit', sez.bs) ? sez.bs! : null;
      if (!unit) throw new ForbiddenError('The police body or the Border Service at the checkpoint closes a priority list.');
      return transition(ctx, id, 'close', ['signed'], { note }, async (trx, r, _s, at) => {
        await step(trx, ctx, r, 'closed', unit, null, note, at);
        await setStatus(trx, id, 'closed', at);
      });
    },

    /** A correction (after return) or an amendment (e.g. an officer added mid-month): a new draft version with the same chain. */
    async newVersion(ctx: Ctx, id: string, body: z.infer<typeof NewVersionBody>) {
      const { row, sez, police } = await visible(ctx, id);
      if (!reaches(ctx, 'sez.draft', police)) throw new ForbiddenError('Only the police body makes new versions of its lists.');
      if (row.kind !== 'monthly' && row.kind !== 'inspectors') throw new DomainError('PRIORITY_NOT_AMENDED', 409, 'A priority list is not amended: draw up a new one.');
      if (!['returned', 'forwarded', 'received'].includes(row.status)) throw new DomainError('NOT_YET_AMENDABLE', 409, `A new version follows a returned or forwarded list; this one is ${row.status}.`, [{ path: 'status', code: 'STATUS_IS', params: { status: row.status }, message: `is ${row.status}` }], { state: row.status });
      const month = row.month.slice(0, 7);
      openMonth(sez, month);
      const versions = await db.selectFrom('sezList').select(['id', 'version', 'status']).where('lineageId', '=', row.lineageId).execute();
      if (versions.some((v) => OPEN_VERSION.includes(v.status))) throw new DomainError('VERSION_OPEN', 409, 'A newer version of this list is already on its way through the chain.');
      const problems: FieldProblem[] = [];
      await checkLines(db, sez, month, row.kind, row.lineageId, body, problems);
      if (problems.length) throw new ValidationError(problems);
      const newIdValue = newId();
      const at = clock.now();
      const pack = await sezRulesAt(db, today(sez).date);
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('sez').select('id').where('id', '=', sez.id).forUpdate().execute();
        await checkLines(trx, sez, month, row.kind, row.lineageId, body, problems);
        if (problems.length) throw new ValidationError(problems);
        await trx.insertInto('sezList').values({
          ...row, id: newIdValue, version: Math.max(...versions.map((v) => v.version)) + 1, status: 'draft', changeReason: body.reason, permitNo: body.permitNo ?? row.permitNo,
          offence: row.offence ? JSON.stringify(row.offence) : null, emergencyOrder: row.emergencyOrder ? JSON.stringify(row.emergencyOrder) : null,
          rulePackId: pack.id, createdBy: userOf(ctx), createdAt: at, updatedAt: at,
        }).execute();
        await writeLines(trx, newIdValue, body);
        await recordChange(deps, trx, ctx, { action: 'sez.list.new_version', entityType: 'sez_list', entityId: newIdValue, agencyId: row.policeAgencyId, unitId: row.policeUnitId, details: { lineageId: row.lineageId, from: row.id, reason: body.reason, after: row.status } });
      });
      return view(ctx, newIdValue);
    },

    /** The lists the actor sees: the police body's own, signed ones at the NSC, forwarded ones at the BS. */
    async list(ctx: Ctx, query: z.infer<typeof ListsQuery>) {
      const sezIds = query.sezId ? [query.sezId] : (await db.selectFrom('sez').select('id').execute()).map((s) => s.id);
      const out = [];
      for (const sezId of sezIds) {
        const sez = await loadSez(db, sezId);
        if (!sez) continue;
        let q = db.selectFrom('sezList as l').selectAll('l')
          .select((eb) => [
            eb.selectFrom('sezListOfficer as o').select((x) => x.fn.countAll<number>().as('n')).whereRef('o.listId', '=', 'l.id').as('officerCount'),
            eb.selectFrom('sezListOfficer as o').select((x) => x.fn.count<number>('o.weaponNo').as('n')).whereRef('o.listId', '=', 'l.id').as('weaponCount'),
            eb.exists(eb.selectFrom('sezListStep as s').select('s.id').whereRef('s.listId', '=', 'l.id').where('s.step', '=', 'signed')).as('signed'),
            eb.exists(eb.selectFrom('sezListStep as s').select('s.id').whereRef('s.listId', '=', 'l.id').where('s.step', '=', 'forwarded')).as('forwarded'),
          ])
          .where('l.sezId', '=', sezId).orderBy('l.month', 'desc').orderBy('l.createdAt', 'desc').limit(300);
        if (query.month) q = q.where('l.month', '=', `${query.month}-01`);
        if (query.kind) q = q.where('l.kind', '=', query.kind);
        if (query.status) q = q.where('l.status', '=', query.status);
        const rows = await q.execute();
        const units = await unitsById(db, rows.map((r) => r.policeUnitId));
        for (const r of rows) {
          const police = units.get(r.policeUnitId)!;
          const asPolice = reaches(ctx, 'sez.read', police);
          const asNsc = r.kind === 'monthly' && Boolean(r.signed) && reaches(ctx, 'sez.read', sez.nsc);
          const asBs = (Boolean(r.forwarded) || ((r.kind === 'oig' || r.kind === 'emergency') && Boolean(r.signed))) && (reaches(ctx, 'sez.read', sez.bs) || reaches(ctx, 'sez.read', sez.bsSubdivision));
          if (!asPolice && !asNsc && !asBs) continue;
          out.push({
            id: r.id, lineageId: r.lineageId, version: r.version, kind: r.kind, status: r.status, month: r.month.slice(0, 7), sez: { id: sez.id, code: sez.code, names: sez.names },
            policeUnit: { id: police.id, names: police.names }, nscUnitId: r.nscUnitId, bsUnitId: r.bsUnitId, permitNo: r.permitNo, changeReason: r.changeReason,
            offence: r.offence, emergencyOrder: r.emergencyOrder, next: nextActions(ctx, r, sez, police, true).filter((a) => a !== 'new_version'),
            officerCount: Number(r.officerCount ?? 0), weaponCount: Number(r.weaponCount ?? 0), createdAt: r.createdAt, updatedAt: r.updatedAt,
          });
        }
      }
      return out;
    },
  };
}
export type ListService = ReturnType<typeof createListService>;
