// Vehicles and cargo at checkpoints (Law Art. 19(4), 19(8), 19(8-1), 23(2)(2)-(3), 33, 34; W2, W5, W11).
// The Border Service registers the vehicle; the control bodies put their permission marks (customs,
// transport, sanitary, veterinary, phytosanitary); examinations are recorded, jointly with customs
// where the law requires; passage needs every required mark, the e-queue booking on a road exit, and
// an examination when customs' risk channel is red. The record is shared by the bodies at control:
// the Border Service unit of the checkpoint and the control bodies (`vehicle.mark`) at that checkpoint.
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { ExaminationBody, MarkBody, StartVehicleBody, VehicleCrossingsQuery, VehicleDecideBody } from '../../contracts/crossings.ts';
import { can, isCrossAgency, type Ctx } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange, recordRead } from '../audit/index.ts';
import { checkpointsWhereUnitWorks } from '../geo/index.ts';
import { createControlPoints, localDate } from './control-point.ts';
import type { CheckResult, PermissionMark, RiskAssessment, VehicleCrossingTable } from './crossings.tables.ts';
import { packInForce, reasonListAt } from './reasons.ts';
import { reachCondition } from './reach.ts';
import { MARKS_PACK_CODE, requiredMarks, RISK_PACK_CODE, riskChannel, type MarkRule, type RiskRule, type VehicleFacts } from './vehicle-rules.ts';

type Row = Selectable<VehicleCrossingTable> & { unitPath: string[]; timeZone: string };

export function createVehicleService(deps: Deps) {
  const { db, clock } = deps;
  const controlPoint = createControlPoints(deps);

  /** The rules of a pack in force on a date (read in the caller's transaction when there is one). */
  async function pack<T>(code: string, date: string, executor: Tx | typeof db = db): Promise<{ id: string; rules: T[] }> {
    const found = await packInForce<{ rules: T[] }>(executor, code, date);
    return { id: found.id, rules: found.content.rules };
  }

  /** The checks of a vehicle: permission marks of every required body, the e-queue booking on a road exit. */
  function checksOf(v: VehicleFacts & { transportMode: string; equeueBooking: string | null }, marks: PermissionMark[], rules: MarkRule[]): CheckResult[] {
    const required = requiredMarks(rules, v);
    const missing = required.filter((r) => !marks.some((m) => m.body === r.body));
    const checks: CheckResult[] = [missing.length
      ? { code: 'permission_marks', result: 'fail', detail: `Missing the permission marks of: ${missing.map((m) => m.body).join(', ')} (${missing[0]!.basis})`, value: missing.map((m) => m.body).join(',') }
      : { code: 'permission_marks', result: 'pass', detail: `Every required body has put its mark (${required.map((r) => r.body).join(', ')})` }];
    if (v.transportMode === 'road' && v.direction === 'exit') {
      checks.push(v.equeueBooking
        ? { code: 'equeue', result: 'pass', detail: `Electronic queue booking ${v.equeueBooking}`, value: v.equeueBooking }
        : { code: 'equeue', result: 'fail', detail: 'No electronic queue booking for a road exit (Law Art. 19(8-1))' });
    }
    return checks;
  }

  function rows(trx: Tx | typeof db = db) {
    return trx.selectFrom('vehicleCrossing').innerJoin('unit', 'unit.id', 'vehicleCrossing.unitId').innerJoin('checkpoint', 'checkpoint.id', 'vehicleCrossing.checkpointId')
      .selectAll('vehicleCrossing').select(['unit.path as unitPath', 'checkpoint.timeZone']);
  }

  /**
   * The checkpoints a control body's user serves: where their unit works (geo: the checkpoints whose
   * counterpart groups have their unit, a unit above it or below it as a member; a Border Service unit's
   * own checkpoints, which its reach covers anyway). All, for one whose mark right reaches every agency.
   */
  async function served(ctx: Ctx, trx: Tx | typeof db = db): Promise<ReadonlySet<string> | 'all'> {
    if (isCrossAgency(ctx.actor, 'vehicle.mark')) return 'all';
    if (!can(ctx.actor, 'vehicle.mark') || !ctx.actor.unitId) return new Set();
    return new Set(await checkpointsWhereUnitWorks(trx, ctx.actor.unitId));
  }

  /** Who sees a vehicle crossing: the Border Service unit of the checkpoint (and above), and the control bodies at that checkpoint. */
  const visible = (ctx: Ctx, row: Pick<Row, 'agencyId' | 'unitPath' | 'checkpointId'>, bodiesAt: ReadonlySet<string> | 'all') =>
    can(ctx.actor, 'crossing.read', { agencyId: row.agencyId, path: row.unitPath }) || bodiesAt === 'all' || bodiesAt.has(row.checkpointId);

  /**
   * The vehicle crossings a reader sees, as a query and a last check of each row found: those where the
   * reader's grants reach, and those at the checkpoints the reader's control body serves.
   */
  async function seenBy(ctx: Ctx) {
    const bodiesAt = await served(ctx);
    const reach = reachCondition(ctx.actor, 'crossing.read', 'vehicleCrossing.agencyId', 'unit.path');
    let q = rows();
    if (bodiesAt !== 'all' && reach) q = q.where((eb) => eb.or([reach, ...(bodiesAt.size ? [eb('vehicleCrossing.checkpointId', 'in', [...bodiesAt])] : [])]));
    return { q, keep: (row: Row) => visible(ctx, row, bodiesAt) };
  }

  async function load(ctx: Ctx, id: string, trx: Tx | typeof db = db, forUpdate = false): Promise<Row> {
    let q = rows(trx).where('vehicleCrossing.id', '=', id);
    if (forUpdate) q = q.forUpdate('vehicleCrossing');
    const row = await q.executeTakeFirst();
    if (!row || !visible(ctx, row as Row, await served(ctx, trx))) throw new NotFoundError('Vehicle crossing');
    return row as Row;
  }

  type Examination = { vehicleCrossingId: string; kind: string; jointWithCustoms: boolean; result: string; findings: string | null; at: Date };
  async function examinationsOf(ids: string[]): Promise<Examination[]> {
    return ids.length ? db.selectFrom('vehicleExamination').select(['vehicleCrossingId', 'kind', 'jointWithCustoms', 'result', 'findings', 'at']).where('vehicleCrossingId', 'in', ids).orderBy('at').execute() : [];
  }

  type Occupant = { vehicleCrossingId: string | null; crossingId: string; surname: string | null; givenNames: string | null; role: string | null; status: string; decision: string | null };
  /**
   * The travellers registered in these vehicles (driver, passengers, crew), for a reader who may read
   * the vehicles' Border Service records (a control body sees none: null); an audited read of personal data.
   */
  async function occupantsOf(ctx: Ctx, rows: Row[]): Promise<Map<string, Occupant[]>> {
    const readable = rows.filter((row) => can(ctx.actor, 'crossing.read', { agencyId: row.agencyId, path: row.unitPath })).map((row) => row.id);
    const found = readable.length
      ? await db.selectFrom('crossing').select(['vehicleCrossingId', 'id as crossingId', 'surname', 'givenNames', 'vehicleRole as role', 'status', 'decision'])
        .where('vehicleCrossingId', 'in', readable).orderBy('arrivedAt').execute()
      : [];
    if (found.length) await recordRead(deps, ctx, { entityType: 'crossing', entityIds: found.map((o) => o.crossingId), query: { vehicleCrossings: readable } });
    return new Map(readable.map((id) => [id, found.filter((o) => o.vehicleCrossingId === id)]));
  }

  async function present(ctx: Ctx, row: Row, preloaded?: { rules: MarkRule[]; examinations: Examination[]; occupants: Map<string, Occupant[]> }) {
    const occupants = (preloaded?.occupants ?? await occupantsOf(ctx, [row])).get(row.id);
    const rules = preloaded?.rules ?? (await pack<MarkRule>(MARKS_PACK_CODE, localDate(row.arrivedAt, row.timeZone))).rules;
    const marks = row.permissionMarks as unknown as PermissionMark[];
    const examinations = (preloaded?.examinations ?? await examinationsOf([row.id])).map(({ vehicleCrossingId: _id, ...e }) => e);
    return {
      id: row.id, checkpointId: row.checkpointId, laneId: row.laneId, direction: row.direction, transportMode: row.transportMode, plate: row.plate, plateCountry: row.plateCountry, vin: row.vin,
      vehicleType: row.vehicleType, cargoDeclaration: row.cargoDeclaration, cargoCategories: row.cargoCategories, cargoDescription: row.cargoDescription, equeueBooking: row.equeueBooking,
      permissionMarks: marks, requiredMarks: requiredMarks(rules, row).map((r) => ({ body: r.body, basis: r.basis, present: marks.some((m) => m.body === r.body) })),
      checks: row.checks as unknown as CheckResult[], risk: row.risk as unknown as RiskAssessment, examinations,
      status: row.status, decision: row.decision, reasons: row.reasons, decisionNote: row.decisionNote, arrivedAt: row.arrivedAt, decidedAt: row.decidedAt, leftAt: row.leftAt, version: row.version,
      occupants: occupants?.map(({ vehicleCrossingId: _v, ...o }) => o) ?? null,
    };
  }

  async function change(trx: Tx, ctx: Ctx, row: Row, changes: Partial<Selectable<VehicleCrossingTable>>, action: string, details: Record<string, unknown>) {
    const now = clock.now();
    await trx.updateTable('vehicleCrossing').set({ ...changes, checks: changes.checks ? JSON.stringify(changes.checks) : undefined, permissionMarks: changes.permissionMarks ? JSON.stringify(changes.permissionMarks) : undefined, version: row.version + 1, updatedAt: now } as never).where('id', '=', row.id).execute();
    await recordChange(deps, trx, ctx, { action, entityType: 'vehicle_crossing', entityId: row.id, agencyId: row.agencyId, unitId: row.unitId, details });
    return { ...row, ...changes, version: row.version + 1, updatedAt: now } as Row;
  }

  return {
    async start(ctx: Ctx, body: z.infer<typeof StartVehicleBody>) {
      if (!can(ctx.actor, 'crossing.record')) throw new NotFoundError('Checkpoint');
      const id = body.id ?? newId();
      const existing = await db.selectFrom('vehicleCrossing').select(['id', 'officerUserId']).where('id', '=', id).executeTakeFirst();
      if (existing) {
        if (existing.officerUserId !== ctx.actor.userId) throw new ConflictError('A different vehicle crossing has this id.', [{ path: 'id', code: 'ALREADY_USED', message: 'already used' }]);
        return present(ctx, await load(ctx, id));
      }
      const now = clock.now();
      const arrivedAt = body.arrivedAt ? new Date(body.arrivedAt) : now;
      const cp = await controlPoint(ctx, body, arrivedAt);
      const date = localDate(arrivedAt, cp.timeZone);
      const marks = await pack<MarkRule>(MARKS_PACK_CODE, date);
      const risks = await pack<RiskRule>(RISK_PACK_CODE, date);
      const facts = { direction: body.direction, vehicleType: body.vehicleType, cargoCategories: body.cargoCategories, cargoDeclaration: body.cargoDeclaration ?? null, transportMode: body.transportMode, equeueBooking: body.equeueBooking ?? null };
      const checks = checksOf(facts, [], marks.rules);
      const risk: RiskAssessment = { ...riskChannel(risks.rules, facts), packId: risks.id };
      const row = {
        id, checkpointId: cp.id, laneId: body.laneId ?? null, unitId: cp.unitId, agencyId: cp.agencyId, direction: body.direction, transportMode: body.transportMode, plate: body.plate, plateCountry: body.plateCountry,
        vin: body.vin ?? null, vehicleType: body.vehicleType, cargoDeclaration: body.cargoDeclaration ?? null, cargoCategories: body.cargoCategories, cargoDescription: body.cargoDescription ?? null,
        equeueBooking: body.equeueBooking ?? null, permissionMarks: '[]', checks: JSON.stringify(checks), risk: JSON.stringify(risk), status: 'in_control' as const, decision: null, reasonPackId: null,
        decisionNote: null, arrivedAt, decidedAt: null, leftAt: null, officerUserId: ctx.actor.userId, decidedBy: null, version: 1, createdAt: now, updatedAt: now,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('vehicleCrossing').values(row).execute();
        await recordChange(deps, trx, ctx, { action: 'vehicle_crossing.registered', entityType: 'vehicle_crossing', entityId: id, agencyId: cp.agencyId, unitId: cp.unitId, details: { checkpoint: cp.code, plate: body.plate, channel: risk.channel } });
      });
      return present(ctx, await load(ctx, id));
    },

    get: async (ctx: Ctx, id: string) => present(ctx, await load(ctx, id)),

    /** Vehicles at control, latest first, as the reader may see them. */
    async list(ctx: Ctx, query: z.infer<typeof VehicleCrossingsQuery>) {
      if (!can(ctx.actor, 'crossing.read') && !can(ctx.actor, 'vehicle.mark')) throw new NotFoundError('Vehicle crossings');
      const seen = await seenBy(ctx);
      let q = seen.q;
      if (query.checkpointId) q = q.where('vehicleCrossing.checkpointId', '=', query.checkpointId);
      if (query.status) q = q.where('vehicleCrossing.status', 'in', Array.isArray(query.status) ? query.status : [query.status]);
      if (query.plate) q = q.where(sql<string>`replace(replace(vehicle_crossing.plate, ' ', ''), '-', '')`, '=', query.plate.replace(/[ -]/g, ''));
      const found = ((await q.orderBy('vehicleCrossing.arrivedAt', 'desc').limit(query.limit).execute()) as Row[]).filter(seen.keep);
      // the rules of each date and the examinations of all, read once
      const rulesOf = new Map<string, MarkRule[]>();
      for (const row of found) {
        const date = localDate(row.arrivedAt, row.timeZone);
        if (!rulesOf.has(date)) rulesOf.set(date, (await pack<MarkRule>(MARKS_PACK_CODE, date)).rules);
      }
      const examinations = await examinationsOf(found.map((row) => row.id));
      const occupants = query.occupants === 'true' ? await occupantsOf(ctx, found) : new Map<string, Occupant[]>();
      return Promise.all(found.map((row) => present(ctx, row, { rules: rulesOf.get(localDate(row.arrivedAt, row.timeZone))!, examinations: examinations.filter((e) => e.vehicleCrossingId === row.id), occupants })));
    },

    /**
     * For the shift overview: the vehicles at control (or in examination) that the reader sees, as the
     * list shows them, and how many of them still lack a control body's permission mark; null for a
     * reader who sees no vehicles.
     */
    async atControl(ctx: Ctx): Promise<{ atControl: number; awaitingMarks: number } | null> {
      if (!can(ctx.actor, 'crossing.read') && !can(ctx.actor, 'vehicle.mark')) return null;
      const { q, keep } = await seenBy(ctx);
      const seen = ((await q.where('vehicleCrossing.status', 'in', ['in_control', 'examination']).execute()) as Row[]).filter(keep);
      const awaitingMarks = seen.filter((row) => (row.checks as unknown as CheckResult[]).some((c) => c.code === 'permission_marks' && c.result === 'fail'));
      return { atControl: seen.length, awaitingMarks: awaitingMarks.length };
    },

    /** A control body's permission mark; the checks are run again. */
    async mark(ctx: Ctx, id: string, body: z.infer<typeof MarkBody>) {
      if (!can(ctx.actor, 'vehicle.mark')) throw new NotFoundError('Vehicle crossing');
      const updated = await db.transaction().execute(async (trx) => {
        const row = await load(ctx, id, trx, true);
        if (row.status === 'decided' || row.status === 'completed') throw new ConflictError('The vehicle is already decided.', [], 'ALREADY_DECIDED', { state: row.status });
        const marks = [...(row.permissionMarks as unknown as PermissionMark[]).filter((m) => m.body !== body.body), { body: body.body, reference: body.reference, agencyId: ctx.actor.agencyId, byUserId: ctx.actor.userId, at: clock.now().toISOString() }];
        const rules = await pack<MarkRule>(MARKS_PACK_CODE, localDate(row.arrivedAt, row.timeZone), trx);
        const checks = checksOf(row, marks, rules.rules);
        return change(trx, ctx, row, { permissionMarks: marks as never, checks: checks as never }, 'vehicle_crossing.marked', { body: body.body, reference: body.reference });
      });
      return present(ctx, updated);
    },

    /** Examination, special examination, inspection or radiation control; a red channel needs one before passage. */
    async examine(ctx: Ctx, id: string, body: z.infer<typeof ExaminationBody>) {
      if (!can(ctx.actor, 'crossing.record') && !can(ctx.actor, 'vehicle.mark')) throw new NotFoundError('Vehicle crossing');
      const updated = await db.transaction().execute(async (trx) => {
        const row = await load(ctx, id, trx, true);
        if (row.status === 'decided' || row.status === 'completed') throw new ConflictError('The vehicle is already decided.', [], 'ALREADY_DECIDED', { state: row.status });
        await trx.insertInto('vehicleExamination').values({ id: newId(), vehicleCrossingId: id, kind: body.kind, jointWithCustoms: body.jointWithCustoms, result: body.result, findings: body.findings ?? null, byUserId: ctx.actor.userId, agencyId: ctx.actor.agencyId, at: clock.now() }).execute();
        return change(trx, ctx, row, { status: 'examination' }, 'vehicle_crossing.examined', { kind: body.kind, joint: body.jointWithCustoms, result: body.result });
      });
      return present(ctx, updated);
    },

    async decide(ctx: Ctx, id: string, body: z.infer<typeof VehicleDecideBody>) {
      const updated = await db.transaction().execute(async (trx) => {
        const row = await load(ctx, id, trx, true);
        if (!can(ctx.actor, 'crossing.record', { agencyId: row.agencyId, path: row.unitPath })) throw new NotFoundError('Vehicle crossing');
        if (row.status === 'decided' || row.status === 'completed') throw new ConflictError(`The vehicle is already ${row.status}.`, [], 'ALREADY_DECIDED', { state: row.status });
        const problems: FieldProblem[] = [];
        const list = await reasonListAt(trx, localDate(clock.now(), row.timeZone));
        if (body.decision === 'refuse') {
          if (!body.reasons.length) problems.push({ path: 'reasons', code: 'REASON_REQUIRED', message: 'a refusal needs at least one reason of the list' });
          body.reasons.forEach((code, i) => { if (!list.reasons.some((r) => r.code === code && r.directions.includes(row.direction))) problems.push({ path: `reasons.${i}`, code: 'REASON_NOT_FOR_DIRECTION', message: `${code} is not a reason of the list in force for ${row.direction}` }); });
        } else if (body.reasons.length) problems.push({ path: 'reasons', code: 'REASONS_ONLY_FOR_REFUSAL', message: 'reasons are codes of a refusal' });
        if (body.decision === 'detain' && !body.note) problems.push({ path: 'note', code: 'GROUNDS_REQUIRED', message: 'the grounds are required' });
        if (problems.length) throw new ValidationError(problems);
        if (body.decision === 'pass') {
          const failing = (row.checks as unknown as CheckResult[]).filter((c) => c.result === 'fail').map((c) => c.code);
          const examined = await trx.selectFrom('vehicleExamination').select('id').where('vehicleCrossingId', '=', id).executeTakeFirst();
          if ((row.risk as unknown as RiskAssessment).channel === 'red' && !examined) failing.push('risk_red_not_examined');
          if (failing.length) throw new ConflictError(`No passage yet: ${failing.join(', ')}.`, failing.map((c) => ({ path: `checks.${c}`, code: 'CHECK_FAILS', message: 'fails' })), 'VEHICLE_CHECKS_FAIL', { checks: failing });
        }
        const now = clock.now();
        return change(trx, ctx, row, { status: 'decided', decision: body.decision, reasons: body.reasons, reasonPackId: body.decision === 'refuse' ? list.packId : null, decisionNote: body.note ?? null, decidedAt: now, decidedBy: ctx.actor.userId }, 'vehicle_crossing.decided', { decision: body.decision, reasons: body.reasons });
      });
      return present(ctx, updated);
    },

    /** The vehicle left the checkpoint (or the cargo was taken out): passage is complete (Art. 19(9)). */
    async leave(ctx: Ctx, id: string) {
      const updated = await db.transaction().execute(async (trx) => {
        const row = await load(ctx, id, trx, true);
        if (!can(ctx.actor, 'crossing.record', { agencyId: row.agencyId, path: row.unitPath })) throw new NotFoundError('Vehicle crossing');
        if (row.status !== 'decided' || row.decision === 'detain') throw new ConflictError('Only a vehicle decided pass or refuse leaves the checkpoint.', [], 'NOT_DECIDED_TO_LEAVE', { state: row.status });
        return change(trx, ctx, row, { status: 'completed', leftAt: clock.now() }, 'vehicle_crossing.completed', { decision: row.decision });
      });
      return present(ctx, updated);
    },
  };
}
export type VehicleService = ReturnType<typeof createVehicleService>;
