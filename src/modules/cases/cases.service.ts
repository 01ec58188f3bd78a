// Detentions and hand-over acts with the chain of custody (Law Art. 30, 62(1)(4-1), 66(12)-(14), 67(1)(28)-(29),
// 74(2)(4), 79; Instruction 2002 p.9(6), p.10(3)). A detention is recorded from the console, a patrol or
// directly; every change is a new version. Persons, items and vehicles in custody pass between agencies
// only by a hand-over act the receiver accepts (with or without discrepancies) or refuses; until then the
// sender stays the custodian. Every custody change is an immutable event; the receiver reports back the
// measures taken on a clock. Records are visible to the agencies involved only; reads are audited.
import type { z } from 'zod';
import type { AcceptBody, AddItemsBody, CreateDetentionBody, CreateHandoverBody, DetentionChangeBody } from '../../contracts/cases.ts';
import type { Selectable } from 'kysely';
import type { Ctx } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange, recordRead } from '../audit/index.ts';
import type { DetentionTable } from '../crossings/crossings.tables.ts';
import { packInForce } from '../crossings/reasons.ts';
import { localParts } from '../exchange/clocks.ts';
import { notify } from '../exchange/notifications.ts';
import { createObligations, fulfil } from '../exchange/obligations.ts';
import { deskUnit, reaches, unitRef, unitsById, type UnitInfo } from '../exchange/units.ts';
import { CASE_PACK_CODE, DETENTION_CATEGORIES, type CaseRules } from './rules.ts';

type Detention = Selectable<DetentionTable>;

export function createCaseService(deps: Deps) {
  const { db, clock } = deps;
  const userOf = (ctx: Ctx) => (ctx.actor.via === 'cli' ? null : ctx.actor.userId);

  async function rulesAt(executor: Executor, at: Date, timeZone: string) {
    return packInForce<CaseRules>(executor, CASE_PACK_CODE, localParts(at, timeZone).date);
  }

  /** The units of the acts a detention or item was on: their agencies are involved and may see it. */
  async function actUnits(executor: Executor, where: { detentionId?: string; itemId?: string }) {
    let q = executor.selectFrom('handoverAct as a').select(['a.fromUnitId', 'a.toUnitId']);
    if (where.detentionId) q = q.where('a.detentionId', '=', where.detentionId);
    if (where.itemId) q = q.where((eb) => eb.exists(eb.selectFrom('handoverLine as l').select('l.actId').whereRef('l.actId', '=', 'a.id').where('l.itemId', '=', where.itemId!)));
    return (await q.execute()).flatMap((a) => [a.fromUnitId, a.toUnitId]);
  }

  async function visibleDetention(ctx: Ctx, id: string, executor: Executor = db): Promise<{ row: Detention; unit: UnitInfo }> {
    const row = await executor.selectFrom('detention').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('Detention');
    const units = await unitsById(executor, [row.unitId, ...(await actUnits(executor, { detentionId: id }))]);
    if (![...units.values()].some((u) => reaches(ctx, 'case.read', u))) throw new NotFoundError('Detention');
    return { row, unit: units.get(row.unitId)! };
  }

  async function detentionView(ctx: Ctx, id: string) {
    const { row } = await visibleDetention(ctx, id);
    const [items, versions] = await Promise.all([
      db.selectFrom('custodyItem').selectAll().where('detentionId', '=', id).orderBy('createdAt').execute(),
      db.selectFrom('detentionVersion').select(['version', 'reason', 'at', 'changedBy']).where('detentionId', '=', id).orderBy('version').execute(),
    ]);
    await recordRead(deps, ctx, { entityType: 'detention', entityIds: [id] });
    return {
      id: row.id, version: row.version, source: row.source, status: row.status, unitId: row.unitId, agencyId: row.agencyId, crossingId: row.crossingId, checkpointId: row.checkpointId,
      unidentified: row.unidentified, person: row.person, description: row.description, hasPhoto: row.photo !== null, category: row.category, categoryBasis: row.category ? (DETENTION_CATEGORIES as Record<string, string>)[row.category] ?? null : null,
      place: row.place, detainedAt: row.detainedAt, grounds: row.grounds, search: row.search ?? [], vehicles: row.vehicles ?? [], procedure: row.procedure, heldAt: row.heldAt, heldIn: row.heldIn, heldOut: row.heldOut,
      protocol: row.protocol, explanation: row.explanation,
      items: items.map((i) => ({ id: i.id, kind: i.kind, description: i.description, quantity: Number(i.quantity), measure: i.measure, sealNo: i.sealNo, custodianUnitId: i.custodianUnitId })),
      versions,
    };
  }

  async function snapshot(trx: Executor, ctx: Ctx, row: Detention, version: number, reason: string, at: Date) {
    const { createdAt: _c, photo: _p, ...rest } = row;
    await trx.insertInto('detentionVersion').values({ detentionId: row.id, version, snapshot: JSON.stringify(rest), reason, changedBy: userOf(ctx), at }).execute();
  }

  /** The custody item of the detained person, made when first needed (a console detention has none yet). */
  async function personItem(trx: Executor, ctx: Ctx, row: Detention, at: Date) {
    const existing = await trx.selectFrom('custodyItem').select('id').where('detentionId', '=', row.id).where('kind', '=', 'person').executeTakeFirst();
    if (existing) return existing.id;
    const person = row.person as { surname?: string; givenNames?: string };
    const id = newId();
    await trx.insertInto('custodyItem').values({ id, kind: 'person', description: row.unidentified ? `— ${row.description ?? ''}`.trim() : `${person.surname ?? ''} ${person.givenNames ?? ''}`.trim(), quantity: '1', measure: 'person', sealNo: null, detentionId: row.id, custodianUnitId: row.unitId, custodianAgencyId: row.agencyId, ownerless: false, seizedAt: row.detainedAt, seizedBy: row.detainedBy, createdAt: at }).execute();
    await trx.insertInto('custodyEvent').values({ id: newId(), itemId: id, kind: 'seized', fromUnitId: null, toUnitId: row.unitId, actId: null, note: null, byUser: row.detainedBy, at: row.detainedAt }).execute();
    return id;
  }

  async function loadAct(executor: Executor, id: string) {
    return executor.selectFrom('handoverAct').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function visibleAct(ctx: Ctx, id: string, executor: Executor = db) {
    const act = await loadAct(executor, id);
    if (!act) throw new NotFoundError('Hand-over act');
    const units = await unitsById(executor, [act.fromUnitId, act.toUnitId]);
    const from = units.get(act.fromUnitId)!;
    const to = units.get(act.toUnitId)!;
    if (!reaches(ctx, 'case.read', from) && !reaches(ctx, 'case.read', to)) throw new NotFoundError('Hand-over act');
    return { act, from, to };
  }

  async function actView(ctx: Ctx, id: string) {
    const { act, from, to } = await visibleAct(ctx, id);
    const lines = await db.selectFrom('handoverLine as l').innerJoin('custodyItem as i', 'i.id', 'l.itemId')
      .select(['l.lineNo', 'l.itemId', 'i.kind', 'i.description', 'l.quantity', 'i.measure', 'l.sealNo', 'l.receivedQuantity', 'l.receivedSealNo', 'l.note']).where('l.actId', '=', id).orderBy('l.lineNo').execute();
    const o = await db.selectFrom('obligation').select(['dueAt', 'state', 'outcome', 'rule']).where('key', '=', `case.measures:${id}`).executeTakeFirst();
    const next: Array<'accept' | 'refuse' | 'report_measures'> = [];
    if (act.status === 'sent' && reaches(ctx, 'case.handover', to)) next.push('accept', 'refuse');
    if ((act.status === 'accepted' || act.status === 'accepted_with_discrepancies') && !act.measures && reaches(ctx, 'case.handover', to)) next.push('report_measures');
    await recordRead(deps, ctx, { entityType: 'handover_act', entityIds: [id] });
    return {
      id: act.id, number: act.number, status: act.status, from: unitRef(from), to: unitRef(to), detentionId: act.detentionId, basis: act.basis, toLocalExecutive: act.toLocalExecutive,
      handingOfficer: act.handingOfficer, handedAt: act.handedAt, documents: act.documents, receivingOfficer: act.receivingOfficer, receivedAt: act.receivedAt, refusalReason: act.refusalReason,
      measures: act.measures, measuresAt: act.measuresAt,
      lines: lines.map((l) => ({ ...l, quantity: Number(l.quantity), receivedQuantity: l.receivedQuantity === null ? null : Number(l.receivedQuantity) })),
      obligation: o ? { dueAt: o.dueAt, state: o.state, outcome: o.outcome, rule: o.rule } : null, next,
    };
  }

  /** Takes the act for a receiver's step: only a unit the actor may receive for, only while the act is sent. */
  async function receiving(trx: Executor, ctx: Ctx, id: string) {
    const { act, from, to } = await visibleAct(ctx, id, trx);
    if (!reaches(ctx, 'case.handover', to)) throw new ForbiddenError(`Only ${to.names.en} accepts or refuses this act.`);
    const locked = await trx.selectFrom('handoverAct').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'sent') throw new DomainError('ACT_CLOSED', 409, `Act ${act.number} is ${locked.status}: it no longer changes.`, [], { number: act.number, state: locked.status });
    return { act, from, to };
  }

  return {
    detention: detentionView,

    /** The detained person's photo (an audited read of personal data). */
    async photo(ctx: Ctx, id: string) {
      await visibleDetention(ctx, id);
      const row = await db.selectFrom('detention').select(['photo', 'photoType']).where('id', '=', id).executeTakeFirstOrThrow();
      if (!row.photo || !row.photoType) throw new NotFoundError('Photo');
      await recordRead(deps, ctx, { entityType: 'detention_photo', entityIds: [id] });
      return { bytes: row.photo, mediaType: row.photoType };
    },

    /** A detention by a patrol or entered directly, with the items seized and the person taken into custody. */
    async createDetention(ctx: Ctx, body: z.infer<typeof CreateDetentionBody>) {
      const unit = await deskUnit(db, ctx, 'case.record', body.unitId);
      const problems: FieldProblem[] = [];
      if (!body.unidentified && !body.person) problems.push({ path: 'person', code: 'PERSON_OR_UNIDENTIFIED', message: 'is required unless the person is unidentified' });
      if (body.unidentified && !body.description) problems.push({ path: 'description', code: 'DESCRIBE_UNIDENTIFIED', message: 'describe an unidentified person' });
      const photo = body.photo ? Buffer.from(body.photo.contentBase64, 'base64') : null;
      if (photo && body.photo) {
        const jpeg = photo[0] === 0xff && photo[1] === 0xd8;
        const png = photo.subarray(0, 4).toString('hex') === '89504e47';
        if (!(body.photo.mediaType === 'image/jpeg' ? jpeg : png)) problems.push({ path: 'photo.contentBase64', code: 'PHOTO_NOT_OF_TYPE', params: { mediaType: body.photo.mediaType }, message: `is not a ${body.photo.mediaType} image` });
      }
      const detainedAt = new Date(body.detainedAt);
      if (detainedAt > new Date(clock.now().getTime() + 5 * 60_000)) problems.push({ path: 'detainedAt', code: 'IN_FUTURE', message: 'is in the future' });
      if (body.place.checkpointId && !(await db.selectFrom('checkpoint').select('id').where('id', '=', body.place.checkpointId).executeTakeFirst())) problems.push({ path: 'place.checkpointId', code: 'UNKNOWN', message: 'no such checkpoint' });
      if (problems.length) throw new ValidationError(problems);
      const id = newId();
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('detention').values({
          id, crossingId: null, checkpointId: body.place.checkpointId ?? null, unitId: unit.id, agencyId: unit.agencyId, source: body.source, category: body.category,
          unidentified: body.unidentified, person: JSON.stringify(body.person ?? {}), description: body.description ?? null, place: JSON.stringify(body.place), grounds: body.grounds,
          search: JSON.stringify(body.search), vehicles: JSON.stringify(body.vehicles), procedure: body.procedure, detainedAt, detainedBy: userOf(ctx), createdAt: at, updatedAt: at,
          photo, photoType: body.photo?.mediaType ?? null,
        }).execute();
        const row = await trx.selectFrom('detention').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        await personItem(trx, ctx, row, at);
        for (const item of body.items) {
          const itemId = newId();
          await trx.insertInto('custodyItem').values({ id: itemId, kind: item.kind, description: item.description, quantity: String(item.quantity), measure: item.measure, sealNo: item.sealNo ?? null, detentionId: id, custodianUnitId: unit.id, custodianAgencyId: unit.agencyId, ownerless: false, seizedAt: detainedAt, seizedBy: userOf(ctx), createdAt: at }).execute();
          await trx.insertInto('custodyEvent').values({ id: newId(), itemId, kind: 'seized', fromUnitId: null, toUnitId: unit.id, actId: null, note: null, byUser: userOf(ctx), at: detainedAt }).execute();
        }
        await snapshot(trx, ctx, row, 1, 'recorded', at);
        await recordChange(deps, trx, ctx, { action: 'case.detention.recorded', entityType: 'detention', entityId: id, agencyId: unit.agencyId, unitId: unit.id, details: { source: body.source, category: body.category, items: body.items.length } });
      });
      return detentionView(ctx, id);
    },

    /** A change of a detention (holding, protocol, explanation, correction): a new version, the old one kept. */
    async changeDetention(ctx: Ctx, id: string, body: z.infer<typeof DetentionChangeBody>) {
      const { row, unit } = await visibleDetention(ctx, id);
      if (!reaches(ctx, 'case.record', unit)) throw new ForbiddenError('Only the detaining unit changes the record.');
      if (row.status === 'closed') throw new DomainError('CASE_CLOSED', 409, 'The detention is closed: it no longer changes.', [], { state: row.status });
      const { reason, ...changes } = body;
      if (Object.keys(changes).length === 0) throw new ValidationError([{ path: 'reason', code: 'NOTHING_TO_CHANGE', message: 'nothing to change' }]);
      const problems: FieldProblem[] = [];
      const heldIn = changes.heldIn ? new Date(changes.heldIn) : row.heldIn;
      const heldOut = changes.heldOut ? new Date(changes.heldOut) : row.heldOut;
      if (heldIn && heldOut && heldOut < heldIn) problems.push({ path: 'heldOut', code: 'NOT_AFTER', params: { other: 'heldIn' }, message: 'is before the time in' });
      if (changes.heldIn && !(changes.heldAt ?? row.heldAt)) problems.push({ path: 'heldAt', code: 'HELD_WHERE', message: 'say where the person is held' });
      if (problems.length) throw new ValidationError(problems);
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const locked = await trx.selectFrom('detention').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (locked.version === 1 && !(await trx.selectFrom('detentionVersion').select('version').where('detentionId', '=', id).executeTakeFirst())) await snapshot(trx, ctx, locked, 1, 'recorded at control', at);
        const version = locked.version + 1;
        await trx.updateTable('detention').set({
          ...(changes.category && { category: changes.category }), ...(changes.place && { place: JSON.stringify(changes.place) }), ...(changes.heldAt && { heldAt: changes.heldAt }),
          ...(changes.heldIn && { heldIn }), ...(changes.heldOut && { heldOut }), ...(changes.protocol && { protocol: JSON.stringify(changes.protocol) }),
          ...(changes.explanation && { explanation: JSON.stringify({ ...changes.explanation, answer: changes.explanation.answer ?? null, answeredAt: changes.explanation.answeredAt ?? null }) }),
          ...(changes.status && { status: changes.status }), version, updatedAt: at,
        }).where('id', '=', id).execute();
        await snapshot(trx, ctx, await trx.selectFrom('detention').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), version, reason, at);
        await recordChange(deps, trx, ctx, { action: 'case.detention.changed', entityType: 'detention', entityId: id, agencyId: row.agencyId, unitId: row.unitId, details: { version, reason, changed: Object.keys(changes) } });
      });
      return detentionView(ctx, id);
    },

    /** Items found at the personal search or seized later (Art. 66(12), (14)), taken into the detaining unit's custody. */
    async addItems(ctx: Ctx, id: string, body: z.infer<typeof AddItemsBody>) {
      const { row, unit } = await visibleDetention(ctx, id);
      if (!reaches(ctx, 'case.record', unit)) throw new ForbiddenError('Only the detaining unit records what was seized.');
      if (row.status !== 'open') throw new DomainError('CASE_CLOSED', 409, `The detention is ${row.status}: items are seized while it is open.`, [], { state: row.status });
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        for (const item of body.items) {
          const itemId = newId();
          await trx.insertInto('custodyItem').values({ id: itemId, kind: item.kind, description: item.description, quantity: String(item.quantity), measure: item.measure, sealNo: item.sealNo ?? null, detentionId: id, custodianUnitId: unit.id, custodianAgencyId: unit.agencyId, ownerless: false, seizedAt: at, seizedBy: userOf(ctx), createdAt: at }).execute();
          await trx.insertInto('custodyEvent').values({ id: newId(), itemId, kind: 'seized', fromUnitId: null, toUnitId: unit.id, actId: null, note: body.note ?? null, byUser: userOf(ctx), at }).execute();
        }
        await recordChange(deps, trx, ctx, { action: 'case.detention.items_seized', entityType: 'detention', entityId: id, agencyId: unit.agencyId, unitId: unit.id, details: { items: body.items.length } });
      });
      return detentionView(ctx, id);
    },

    /** Hands persons, items and vehicles over to another agency's unit; the sender stays custodian until the receiver accepts. */
    async createHandover(ctx: Ctx, body: z.infer<typeof CreateHandoverBody>) {
      const from = await deskUnit(db, ctx, 'case.handover', body.fromUnitId);
      const problems: FieldProblem[] = [];
      const to = (await unitsById(db, [body.toUnitId])).get(body.toUnitId);
      if (!to) problems.push({ path: 'toUnitId', code: 'UNKNOWN', message: 'no such unit' });
      else if (to.id === from.id) problems.push({ path: 'toUnitId', code: 'IS_OWN_UNIT', message: 'is the handing unit' });
      if (to && body.toLocalExecutive) {
        const agency = await db.selectFrom('agency').select('kind').where('id', '=', to.agencyId).executeTakeFirstOrThrow();
        if (agency.kind !== 'local_executive') problems.push({ path: 'toUnitId', code: 'OWNERLESS_TO_LOCAL_EXECUTIVE', message: 'ownerless property goes to a local executive body (Art. 62(1)(4-1))' });
      }
      const detention = body.detentionId ? await db.selectFrom('detention').selectAll().where('id', '=', body.detentionId).executeTakeFirst() : undefined;
      // a detention of the handing unit, or one whose person it now holds
      const holdsPerson = detention ? await db.selectFrom('custodyItem').select('id').where('detentionId', '=', detention.id).where('kind', '=', 'person').where('custodianUnitId', '=', from.id).executeTakeFirst() : undefined;
      if (body.detentionId && (!detention || (detention.unitId !== from.id && !holdsPerson))) problems.push({ path: 'detentionId', code: 'UNKNOWN', message: 'no detention of the handing unit has this id' });
      const ids = body.lines.map((l) => l.itemId);
      const items = ids.length ? await db.selectFrom('custodyItem').selectAll().where('id', 'in', ids).execute() : [];
      const open = ids.length ? await db.selectFrom('handoverLine as l').innerJoin('handoverAct as a', 'a.id', 'l.actId').select(['l.itemId', 'a.number']).where('l.itemId', 'in', ids).where('a.status', '=', 'sent').execute() : [];
      const seen = new Set<string>();
      body.lines.forEach((l, i) => {
        const item = items.find((x) => x.id === l.itemId);
        if (!item || item.custodianUnitId !== from.id) problems.push({ path: `lines.${i}.itemId`, code: 'NOT_IN_CUSTODY', message: `not in the custody of ${from.names.en}` });
        else if (open.some((o) => o.itemId === l.itemId)) problems.push({ path: `lines.${i}.itemId`, code: 'ON_OPEN_ACT', params: { act: open.find((o) => o.itemId === l.itemId)!.number }, message: `already on act ${open.find((o) => o.itemId === l.itemId)!.number}, awaiting acceptance` });
        else if (l.quantity !== undefined && l.quantity > Number(item.quantity)) problems.push({ path: `lines.${i}.quantity`, code: 'MORE_THAN_HELD', params: { quantity: Number(item.quantity), measure: item.measure }, message: `more than the ${item.quantity} ${item.measure} held` });
        else if (body.toLocalExecutive && !item.ownerless && item.kind !== 'goods') problems.push({ path: `lines.${i}.itemId`, code: 'ONLY_OWNERLESS', message: 'only property recognised as ownerless goes to the local executive body' });
        if (seen.has(l.itemId)) problems.push({ path: `lines.${i}.itemId`, code: 'LISTED_TWICE', message: 'listed twice' });
        seen.add(l.itemId);
      });
      if (!body.lines.length && !detention) problems.push({ path: 'lines', code: 'HANDOVER_EMPTY', message: 'name at least one item, or the detention whose person is handed over' });
      if (problems.length) throw new ValidationError(problems);
      const id = newId();
      const at = clock.now();
      const number = `HA-${localParts(at, from.timeZone).date.replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`;
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('handoverAct').values({
          id, number, fromUnitId: from.id, fromAgencyId: from.agencyId, toUnitId: to!.id, toAgencyId: to!.agencyId, detentionId: body.detentionId ?? null, basis: body.basis,
          toLocalExecutive: body.toLocalExecutive, status: 'sent', handingOfficer: body.handingOfficer, handedBy: userOf(ctx), handedAt: at, documents: JSON.stringify(body.documents),
          receivingOfficer: null, receivedBy: null, receivedAt: null, discrepancies: null, refusalReason: null, measures: null, measuresAt: null, rulePackId: null, createdAt: at,
        }).execute();
        const lines = [...body.lines];
        // handing over a detention hands over the person (the console's detentions get their custody item here)
        if (detention && !items.some((i) => i.kind === 'person' && i.detentionId === detention.id)) {
          const personId = await personItem(trx, ctx, detention, at);
          if (!lines.some((l) => l.itemId === personId)) lines.unshift({ itemId: personId });
        }
        const held = new Map(items.map((i) => [i.id, i]));
        for (const [n, l] of lines.entries()) {
          const item = held.get(l.itemId);
          await trx.insertInto('handoverLine').values({ actId: id, lineNo: n + 1, itemId: l.itemId, quantity: String(l.quantity ?? item?.quantity ?? 1), sealNo: l.sealNo ?? item?.sealNo ?? null, receivedQuantity: null, receivedSealNo: null, note: null }).execute();
          await trx.insertInto('custodyEvent').values({ id: newId(), itemId: l.itemId, kind: 'sent', fromUnitId: from.id, toUnitId: to!.id, actId: id, note: body.basis, byUser: userOf(ctx), at }).execute();
        }
        await notify(trx, at, [{ key: `case.handover.sent:${id}`, unitId: to!.id, kind: 'case.handover.sent', severity: 'warning', subjectType: 'handover_act', subjectId: id, payload: { number, fromUnitId: from.id, summary: body.basis } }]);
        await recordChange(deps, trx, ctx, { action: 'case.handover.sent', entityType: 'handover_act', entityId: id, agencyId: from.agencyId, unitId: from.id, details: { number, to: to!.id, lines: lines.length, detentionId: body.detentionId ?? null } });
      });
      return actView(ctx, id);
    },

    handover: actView,

    /** The receiving unit accepts: custody moves to it (discrepancies noted per line); the clock for reporting back the measures starts. */
    async accept(ctx: Ctx, id: string, body: z.infer<typeof AcceptBody>) {
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const { act, to } = await receiving(trx, ctx, id);
        const lines = await trx.selectFrom('handoverLine').selectAll().where('actId', '=', id).orderBy('lineNo').execute();
        const problems: FieldProblem[] = [];
        body.discrepancies.forEach((d, i) => { if (!lines.some((l) => l.lineNo === d.lineNo)) problems.push({ path: `discrepancies.${i}.lineNo`, code: 'UNKNOWN', message: 'no such line' }); });
        if (problems.length) throw new ValidationError(problems);
        const withDiscrepancy = body.discrepancies.length > 0;
        await trx.updateTable('handoverAct').set({ status: withDiscrepancy ? 'accepted_with_discrepancies' : 'accepted', receivingOfficer: body.receivingOfficer, receivedBy: userOf(ctx), receivedAt: at, discrepancies: withDiscrepancy ? JSON.stringify(body.discrepancies) : null }).where('id', '=', id).execute();
        for (const l of lines) {
          const d = body.discrepancies.find((x) => x.lineNo === l.lineNo);
          if (d) await trx.updateTable('handoverLine').set({ receivedQuantity: d.receivedQuantity === undefined ? null : String(d.receivedQuantity), receivedSealNo: d.receivedSealNo ?? null, note: d.note }).where('actId', '=', id).where('lineNo', '=', l.lineNo).execute();
          await trx.updateTable('custodyItem').set({ custodianUnitId: to.id, custodianAgencyId: to.agencyId, ...(d?.receivedQuantity !== undefined && d?.receivedQuantity !== null ? { quantity: String(d.receivedQuantity) } : {}) }).where('id', '=', l.itemId).execute();
          await trx.insertInto('custodyEvent').values({ id: newId(), itemId: l.itemId, kind: d ? 'accepted_with_discrepancy' : 'accepted', fromUnitId: act.fromUnitId, toUnitId: to.id, actId: id, note: d ? d.note : null, byUser: userOf(ctx), at }).execute();
        }
        if (act.detentionId) await trx.updateTable('detention').set({ status: 'handed_over', updatedAt: at }).where('id', '=', act.detentionId).where('status', '=', 'open').execute();
        if (!act.toLocalExecutive) {
          const pack = await rulesAt(trx, at, to.timeZone);
          const dueAt = new Date(at.getTime() + pack.content.measuresDays * 86_400_000);
          await createObligations(trx, at, [{ key: `case.measures:${id}`, kind: 'case.measures', unitId: to.id, agencyId: to.agencyId, counterpartUnitId: act.fromUnitId, subjectId: id, period: null, rulePackId: pack.id, window: { opensAt: null, dueAt, warnAt: new Date(dueAt.getTime() - 86_400_000), rule: `${pack.content.basis} (${pack.content.measuresDays} days)` } }]);
          await trx.updateTable('handoverAct').set({ rulePackId: pack.id }).where('id', '=', id).execute();
        }
        await notify(trx, at, [{ key: `case.handover.accepted:${id}`, unitId: act.fromUnitId, kind: withDiscrepancy ? 'case.handover.discrepancy' : 'case.handover.accepted', severity: withDiscrepancy ? 'warning' : 'info', subjectType: 'handover_act', subjectId: id, payload: { number: act.number } }]);
        await recordChange(deps, trx, ctx, { action: withDiscrepancy ? 'case.handover.accepted_with_discrepancies' : 'case.handover.accepted', entityType: 'handover_act', entityId: id, agencyId: to.agencyId, unitId: to.id, details: { discrepancies: body.discrepancies.length } });
      });
      return actView(ctx, id);
    },

    /** The receiving unit refuses the act with the reason; custody stays with the sender. */
    async refuse(ctx: Ctx, id: string, reason: string) {
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const { act, to } = await receiving(trx, ctx, id);
        await trx.updateTable('handoverAct').set({ status: 'refused', refusalReason: reason, receivedBy: userOf(ctx), receivedAt: at }).where('id', '=', id).execute();
        const lines = await trx.selectFrom('handoverLine').select('itemId').where('actId', '=', id).execute();
        for (const l of lines) await trx.insertInto('custodyEvent').values({ id: newId(), itemId: l.itemId, kind: 'refused', fromUnitId: act.fromUnitId, toUnitId: to.id, actId: id, note: reason, byUser: userOf(ctx), at }).execute();
        await notify(trx, at, [{ key: `case.handover.refused:${id}`, unitId: act.fromUnitId, kind: 'case.handover.refused', severity: 'warning', subjectType: 'handover_act', subjectId: id, payload: { number: act.number, summary: reason } }]);
        await recordChange(deps, trx, ctx, { action: 'case.handover.refused', entityType: 'handover_act', entityId: id, agencyId: to.agencyId, unitId: to.id, details: { reason } });
      });
      return actView(ctx, id);
    },

    /** The receiver reports back the measures taken (Instruction 2002 p.5(1), p.5(4)); the clock is met. */
    async reportMeasures(ctx: Ctx, id: string, measures: string) {
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const { act, to } = await visibleAct(ctx, id, trx);
        if (!reaches(ctx, 'case.handover', to)) throw new ForbiddenError(`Only ${to.names.en} reports the measures taken.`);
        if (act.status !== 'accepted' && act.status !== 'accepted_with_discrepancies') throw new DomainError('ACT_NOT_ACCEPTED', 409, 'Measures are reported on an accepted act.', [], { state: act.status });
        if (act.measures) throw new DomainError('ALREADY_REPORTED', 409, 'The measures are reported: a later development is a new message.');
        await trx.updateTable('handoverAct').set({ measures, measuresAt: at }).where('id', '=', id).execute();
        await fulfil(trx, `case.measures:${id}`, at, null);
        await notify(trx, at, [{ key: `case.handover.measures:${id}`, unitId: act.fromUnitId, kind: 'case.handover.measures', severity: 'info', subjectType: 'handover_act', subjectId: id, payload: { number: act.number, summary: measures } }]);
        await recordChange(deps, trx, ctx, { action: 'case.handover.measures_reported', entityType: 'handover_act', entityId: id, agencyId: to.agencyId, unitId: to.id, details: {} });
      });
      return actView(ctx, id);
    },

    /** The chain of custody of an item, from seizure to its current holder (visible to the agencies it passed through). */
    async chain(ctx: Ctx, itemId: string) {
      const item = await db.selectFrom('custodyItem').selectAll().where('id', '=', itemId).executeTakeFirst();
      if (!item) throw new NotFoundError('Item');
      const events = await db.selectFrom('custodyEvent as e').leftJoin('handoverAct as a', 'a.id', 'e.actId').select(['e.kind', 'e.fromUnitId', 'e.toUnitId', 'e.actId', 'a.number', 'e.note', 'e.byUser', 'e.at']).where('e.itemId', '=', itemId).orderBy('e.at').orderBy('e.id').execute();
      const units = await unitsById(db, [item.custodianUnitId, ...events.flatMap((e) => [e.fromUnitId, e.toUnitId].filter((x): x is string => Boolean(x)))]);
      if (![...units.values()].some((u) => reaches(ctx, 'case.read', u))) throw new NotFoundError('Item');
      await recordRead(deps, ctx, { entityType: 'custody_item', entityIds: [itemId] });
      const ref = (id: string | null) => (id && units.get(id) ? unitRef(units.get(id)!) : null);
      return {
        item: { id: item.id, kind: item.kind, description: item.description, quantity: Number(item.quantity), measure: item.measure, sealNo: item.sealNo, custodian: ref(item.custodianUnitId)!, detentionId: item.detentionId, seizedAt: item.seizedAt },
        events: events.map((e) => ({ kind: e.kind, from: ref(e.fromUnitId), to: ref(e.toUnitId), actId: e.actId, actNumber: e.number, note: e.note, byUser: e.byUser, at: e.at })),
      };
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
