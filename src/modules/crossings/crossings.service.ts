// Border control at checkpoints (Law Art. 14-23, 31-35; W1-W3): a crossing is registered with the
// document as read, checked at once (document, checkpoint, screening), decided by the officer with coded
// reasons, and completed when the traveller leaves the checkpoint (Art. 19(9)). Every change is a version.
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { CorrectCrossingBody, CrossingsQuery, DecideBody, StartCrossingBody } from '../../contracts/crossings.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { isUniqueViolation, pgErrorCode } from '../../platform/db-errors.ts';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createWatchedCache } from '../../platform/watched-cache.ts';
import { insertRows, recordRead, updateRow, writeAudited, type Write } from '../audit/index.ts';
import { parseMrz } from '../documents/mrz.ts';
import { mrzProblem } from '../documents/mrz-problem.ts';
import type { ScreeningService } from '../screening/index.ts';
import { FOREIGN, runChecks, suggestDecision, type CheckFacts } from './checks.ts';
import { createControlPoints, localDate } from './control-point.ts';
import type { CrossingHit, CrossingTable } from './crossings.tables.ts';
import { correctionPlan, crossingHits, type Plan } from './corrections.ts';
import { versionChanges } from './history.ts';
import { openAt } from './activity.ts';
import { presentCrossing } from './present.ts';
import { correctedTravellerWrites, openStayWrites } from './open-stays.ts';
import { reachCondition } from './reach.ts';
import { reasonListAt } from './reasons.ts';

export type Row = Selectable<CrossingTable> & { checkpointTimeZone: string; unitPath: string[] };

export function createCrossingService(deps: Deps, screening: ScreeningService) {
  const { db, clock } = deps;
  const controlPoint = createControlPoints(deps);

  /** Crossings with the checkpoint's zone and the unit's path (for scoping). */
  function crossings() {
    return db.selectFrom('crossing').innerJoin('checkpoint', 'checkpoint.id', 'crossing.checkpointId').innerJoin('unit', 'unit.id', 'crossing.unitId')
      .selectAll('crossing').select(['checkpoint.timeZone as checkpointTimeZone', 'unit.path as unitPath']);
  }

  // Changes are guarded by the row's version (see change()), so a read takes no lock.
  async function load(ctx: Ctx, id: string, permission: 'crossing.read' | 'crossing.record'): Promise<Row> {
    const row = await crossings().where('crossing.id', '=', id).executeTakeFirst();
    if (!row || !can(ctx.actor, permission, { agencyId: row.agencyId, path: row.unitPath })) throw new NotFoundError('Crossing');
    return row as unknown as Row;
  }

  /** A version of the crossing as stored (the joined checkpoint zone and unit path are not part of it), to be written. */
  function versionRow(row: Record<string, unknown>, change: string, ctx: Ctx, reason: string | null, version: number) {
    const { checkpointTimeZone: _tz, unitPath: _path, ...stored } = row;
    return insertRows('crossingVersion', [{ crossingId: row.id as string, version, change, reason, snapshot: stored, changedAt: clock.now(), changedBy: ctx.actor.via === 'cli' ? null : ctx.actor.userId }]);
  }

  // The crossings this process registered or changed lately, as written: the decision at the booth
  // follows the registration within seconds, so its row is here and costs no read. Every change is
  // written only if the stored version is still the one it was judged on (`guard`); a row changed
  // meanwhile by anyone is read afresh and judged again, never overwritten.
  // (for 10 minutes; a unit moved in the tree changes who may see a row, so a write to `unit` empties it)
  const recent = createWatchedCache<Row>(deps.database.writes, ['unit'], 600);
  const remember = (row: Row) => recent.set(row.id, row, clock.now());
  function recentRow(ctx: Ctx, id: string): Row | undefined {
    const row = recent.peek(id, clock.now());
    return row && can(ctx.actor, 'crossing.record', { agencyId: row.agencyId, path: row.unitPath }) ? row : undefined;
  }
  const isStale = (error: unknown) => pgErrorCode(error) === '40001' || (isUniqueViolation(error) && String((error as Error).message).includes('crossing_version_pkey'));

  /** Changes a crossing as `judge` says, in one statement with its version and audit, if nobody changed it meanwhile. */
  async function change(ctx: Ctx, id: string, judge: (row: Row, now: Date) => Promise<Plan>): Promise<Row> {
    for (let attempt = 0; ; attempt++) {
      const row = (attempt === 0 ? recentRow(ctx, id) : undefined) ?? await load(ctx, id, 'crossing.record');
      const now = clock.now();
      const plan = await judge(row, now);
      const next = { ...row, ...plan.changes, version: row.version + 1, updatedAt: now } as Row;
      try {
        await writeAudited(deps, db, ctx, [
          updateRow('crossing', { id, version: row.version }, { ...plan.changes, version: next.version, updatedAt: now } as never),
          ...(plan.also ?? []),
          versionRow(next, plan.change, ctx, plan.reason, next.version),
        ], [...(plan.alsoAudit ?? []), { ...plan.audit, entityType: 'crossing', entityId: id, agencyId: row.agencyId, unitId: row.unitId }]);
      } catch (error) {
        if (!isStale(error)) throw error;
        recent.delete(id);
        if (attempt === 0) continue;
        throw new DomainError('CROSSING_CHANGED', 409, 'The crossing was changed by someone else at the same moment: open it again.');
      }
      remember(next);
      return next;
    }
  }

  /** One crossing as the reader may see it (an audited read). */
  async function view(ctx: Ctx, id: string) {
    const row = await load(ctx, id, 'crossing.read');
    await recordRead(deps, ctx, { entityType: 'crossing', entityIds: [id] });
    return presentCrossing(row, suggestionOf(row));
  }

  /** A registration sent again: the crossing its id already names, if it is this officer's at this checkpoint. */
  function resent(ctx: Ctx, existing: Pick<Row, 'id' | 'checkpointId' | 'officerUserId'>, body: z.infer<typeof StartCrossingBody>) {
    if (existing.checkpointId !== body.checkpointId || existing.officerUserId !== ctx.actor.userId) throw new ConflictError('A different crossing has this id.', [{ path: 'id', code: 'ALREADY_USED', message: 'already used' }]);
    return view(ctx, existing.id);
  }

  return {
    /** Registers a traveller at control: reads the document, runs every check, screens; the officer decides next. */
    async start(ctx: Ctx, body: z.infer<typeof StartCrossingBody>) {
      if (!can(ctx.actor, 'crossing.record')) throw new NotFoundError('Checkpoint');
      // a registration sent again (its answer lost on a poor link) that this process wrote moments ago:
      // the first answer at once, without screening again or a write bound to fail on the id
      const mine = body.id ? recentRow(ctx, body.id) : undefined;
      if (mine) return resent(ctx, mine, body);
      const id = body.id ?? newId();
      const now = clock.now();
      const arrivedAt = body.arrivedAt ? new Date(body.arrivedAt) : now;
      if (arrivedAt.getTime() > now.getTime() + 5 * 60_000) throw new ValidationError([{ path: 'arrivedAt', code: 'IN_FUTURE', message: 'is in the future' }]);
      const cp = await controlPoint(ctx, body, arrivedAt);
      // a traveller in a vehicle: the vehicle crossing at the same checkpoint and direction gives the plate
      const vehicle = body.vehicleCrossingId
        ? await db.selectFrom('vehicleCrossing').select(['plate', 'plateCountry', 'checkpointId', 'direction']).where('id', '=', body.vehicleCrossingId).executeTakeFirst()
        : null;
      if (body.vehicleCrossingId && (!vehicle || vehicle.checkpointId !== cp.id || vehicle.direction !== body.direction)) {
        throw new ValidationError([{ path: 'vehicleCrossingId', code: 'UNKNOWN', message: 'no vehicle crossing at this checkpoint in this direction has this id' }]);
      }
      // the document: as the MRZ says, or as typed
      let person = body.person ?? null;
      let document: { code: string; number: string; issuingState: string; expiry: string | null } | null = body.document ? { ...body.document, expiry: body.document.expiry ?? null } : null;
      let mrzValid: boolean | null = null;
      let nameTruncated = false;
      if (body.mrz) {
        const mrz = parseMrz(body.mrz, { today: now });
        if (!mrz.valid) {
          throw mrzProblem(mrz, 'mrz.', 'read it again or type the document by hand');
        }
        mrzValid = true;
        nameTruncated = mrz.nameTruncated;
        person = { surname: mrz.primaryIdentifier!, givenNames: mrz.secondaryIdentifier || undefined, dateOfBirth: mrz.dateOfBirth ?? undefined, sex: mrz.sex ?? undefined, nationality: mrz.nationality ? alpha3(mrz.nationality) : undefined } as typeof person;
        document = { code: mrz.documentCode!, number: mrz.documentNumber!, issuingState: alpha3(mrz.issuingState!), expiry: mrz.dateOfExpiry };
      }
      if (document!.issuingState === 'D') document!.issuingState = 'DEU';
      if (person!.nationality === 'D') person = { ...person!, nationality: 'DEU' };
      const travellerCategory = body.travellerCategory ?? categoryOf(person!.nationality, document!.code);
      const { result: screened, writes: screeningWrites, audit: screeningAudit } = await screening.screenDeferred(ctx, {
        person: { surname: person!.surname, ...(person!.givenNames && { givenNames: person!.givenNames }), ...(person!.dateOfBirth && { dateOfBirth: person!.dateOfBirth }), ...(person!.nationality && { nationality: person!.nationality }), ...(person!.sex && { sex: person!.sex }), nameTruncated },
        document: { number: document!.number, issuingState: document!.issuingState },
        checkpointId: cp.id,
      });
      const hits = crossingHits(screened.hits);
      const facts: CheckFacts = {
        direction: body.direction, travellerCategory, mrzValid, mrzErrors: [], documentExpiry: document!.expiry, today: localDate(arrivedAt, cp.timeZone),
        checkpointStatus: cp.effective === 'restricted' ? 'restricted' : 'open', checkpointStatusReason: cp.statusReason, hits, documentHits: screened.documentHits,
      };
      const checks = runChecks(facts);
      const row = {
        id, checkpointId: cp.id, laneId: body.laneId ?? null, unitId: cp.unitId, agencyId: cp.agencyId, direction: body.direction, transportMode: body.transportMode,
        travellerCategory, vehicleRole: body.vehicleRole ?? null, vehiclePlate: vehicle?.plate ?? body.vehicle?.plate ?? null, vehicleCountry: vehicle?.plateCountry ?? body.vehicle?.country ?? null, vehicleCrossingId: body.vehicleCrossingId ?? null, purpose: body.purpose ?? null,
        surname: person!.surname, givenNames: person!.givenNames ?? null, dateOfBirth: person!.dateOfBirth ?? null, sex: person!.sex ?? null, nationality: person!.nationality ?? null,
        documentCode: document!.code, documentNumber: document!.number, issuingState: document!.issuingState, documentExpiry: document!.expiry,
        mrzLines: body.mrz ? body.mrz.map((l) => l.trim().toUpperCase()).filter(Boolean) : null, mrzValid, checks, hits,
        status: 'in_control' as const, decision: null, reasonPackId: null, decisionNote: null, returnToCountry: null, arrivedAt, decidedAt: null, leftAt: null,
        officerUserId: ctx.actor.userId, decidedBy: null, version: 1, createdAt: now, updatedAt: now,
      };
      // one statement: the crossing, its first version, the screening's alerts and both audit events
      try {
        await writeAudited(deps, db, ctx, [insertRows('crossing', [row]), versionRow(row, 'registered', ctx, null, 1), ...screeningWrites], [
          screeningAudit,
          { action: 'crossing.registered', entityType: 'crossing', entityId: id, agencyId: cp.agencyId, unitId: cp.unitId, details: { checkpoint: cp.code, direction: body.direction, checks: checks.filter((c) => c.result !== 'pass').map((c) => c.code) } },
        ]);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // a retried registration (the id is the client's): the first answer again, never a second crossing
        const existing = await db.selectFrom('crossing').select(['id', 'checkpointId', 'officerUserId']).where('id', '=', id).executeTakeFirst();
        if (!existing) throw error;
        return resent(ctx, existing, body);
      }
      remember({ ...row, reasons: [], checkpointTimeZone: cp.timeZone, unitPath: cp.path } as unknown as Row);
      return presentCrossing({ ...row, reasons: [] } as never, suggestDecision(facts, checks));
    },

    get: view,

    /**
     * Crossings, the latest first, a page at a time: where the reader's grants reach (in the query, so
     * a page is never emptied by rows of units out of reach), and older than the cursor of the page
     * before it (the arrival and id of its last row: no row is skipped or repeated when several arrive
     * in the same millisecond).
     */
    async list(ctx: Ctx, query: z.infer<typeof CrossingsQuery>) {
      if (!can(ctx.actor, 'crossing.read')) throw new NotFoundError('Crossings');
      let q = crossings();
      const reach = reachCondition(ctx.actor, 'crossing.read', 'crossing.agencyId', 'unit.path');
      if (reach) q = q.where(reach);
      if (query.checkpointId) q = q.where('crossing.checkpointId', '=', query.checkpointId);
      if (query.status) q = q.where('crossing.status', 'in', Array.isArray(query.status) ? query.status : [query.status]);
      if (query.direction) q = q.where('crossing.direction', '=', query.direction);
      if (query.from) q = q.where('crossing.arrivedAt', '>=', new Date(query.from));
      if (query.to) q = q.where('crossing.arrivedAt', '<', new Date(query.to));
      if (query.q) {
        // a document number whole (as the register keeps it: letters and digits, upper case), or a surname's beginning in any script
        const number = query.q.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
        const prefix = `${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) => eb.or([eb('crossing.documentNumber', '=', number), eb(sql`upper(crossing.surname)`, 'like', sql`upper(${prefix})`)]));
      }
      if (query.cursor) {
        const { arrivedAt, id } = parseCursor(query.cursor);
        q = q.where(({ eb, refTuple, tuple }) => eb(refTuple('crossing.arrivedAt', 'crossing.id'), '<', tuple(arrivedAt, id)));
      }
      const rows = (await q.orderBy('crossing.arrivedAt', 'desc').orderBy('crossing.id', 'desc').limit(query.limit + 1).execute()) as unknown as Row[];
      const page = rows.slice(0, query.limit);
      const visible = page.filter((r) => can(ctx.actor, 'crossing.read', { agencyId: r.agencyId, path: r.unitPath }));
      if (visible.length) await recordRead(deps, ctx, { entityType: 'crossing', entityIds: visible.map((r) => r.id), query: { ...query } });
      const last = page.at(-1);
      return { items: visible.map((r) => presentCrossing(r, suggestionOf(r))), nextCursor: rows.length > query.limit && last ? cursorOf(last) : null };
    },

    /** The officer's decision at control, or the outcome of a secondary inspection. */
    async decide(ctx: Ctx, id: string, body: z.infer<typeof DecideBody>) {
      const next = await change(ctx, id, async (row, now) => {
        const inSecondary = row.status === 'secondary';
        if (row.status !== 'in_control' && !inSecondary) throw new DomainError('NOT_AT_CONTROL', 409, `The crossing is already ${row.status}.`, [{ path: 'decision', code: 'NOT_AT_CONTROL', params: { status: row.status }, message: `the crossing is ${row.status}` }], { crossingStatus: row.status });
        const problems: FieldProblem[] = [];
        const allowed = inSecondary ? ['pass', 'refuse', 'seize_document', 'detain', 'handed_to_police'] : ['pass', 'refuse', 'secondary', 'seize_document', 'hold_identification', 'detain'];
        if (!allowed.includes(body.decision)) problems.push({ path: 'decision', code: inSecondary ? 'DECISION_AFTER_SECONDARY' : 'DECISION_AT_CONTROL', message: `must be one of ${allowed.join(', ')} ${inSecondary ? 'after secondary inspection' : 'at control'}` });
        const needsNote = body.decision !== 'pass' && body.decision !== 'refuse';
        if ((needsNote || (inSecondary && body.decision === 'pass')) && !body.note) problems.push({ path: 'note', code: inSecondary ? 'FINDINGS_REQUIRED' : 'GROUNDS_REQUIRED', message: inSecondary ? 'the findings of the inspection are required' : 'the grounds are required for this decision' });
        // the reason list in force at the checkpoint today, read only when a refusal names reasons
        const list = body.decision === 'refuse' ? await reasonListAt(db, localDate(now, row.checkpointTimeZone)) : null;
        if (list) {
          if (body.reasons.length === 0) problems.push({ path: 'reasons', code: 'REASON_REQUIRED', message: 'a refusal needs at least one reason of the list' });
          body.reasons.forEach((code, i) => {
            const reason = list.reasons.find((r) => r.code === code);
            if (!reason) problems.push({ path: `reasons.${i}`, code: 'REASON_NOT_IN_FORCE', message: `${code} is not in the reason list in force (${list.code} from ${list.effectiveFrom})` });
            else if (!reason.directions.includes(row.direction)) problems.push({ path: `reasons.${i}`, code: 'REASON_NOT_FOR_DIRECTION', message: `${code} does not apply on ${row.direction}` });
            else if (reason.categories && !reason.categories.includes(row.travellerCategory)) problems.push({ path: `reasons.${i}`, code: 'REASON_NOT_FOR_CATEGORY', message: `${code} does not apply to a traveller of category ${row.travellerCategory}` });
          });
          if (row.direction === 'entry' && FOREIGN.has(row.travellerCategory) && !body.returnToCountry) problems.push({ path: 'returnToCountry', code: 'RETURN_STATE_REQUIRED', message: 'a refused foreigner is returned to the country of departure or citizenship (Art. 19(10)): name it' });
        } else if (body.reasons.length) problems.push({ path: 'reasons', code: 'REASONS_ONLY_FOR_REFUSAL', message: 'reasons are codes of a refusal' });
        if (body.purpose && row.purpose && body.purpose !== row.purpose) problems.push({ path: 'purpose', code: 'PURPOSE_RECORDED', params: { purpose: row.purpose }, message: `the purpose was recorded as ${row.purpose}: a correction with its reason changes it` });
        if (problems.length) throw new ValidationError(problems);
        if (body.decision === 'pass' && !inSecondary) {
          const failing = (row.checks as unknown as Array<{ code: string; result: string }>).filter((c) => c.result === 'fail');
          if (failing.length) throw new DomainError('CHECKS_FAIL', 409, `Checks fail (${failing.map((c) => c.code).join(', ')}): refer to secondary inspection to pass after inspection, or decide another measure.`, failing.map((c) => ({ path: `checks.${c.code}`, code: 'CHECK_FAILS', message: 'fails' })), { checks: failing.map((c) => c.code) });
        }
        const actor = ctx.actor.userId;
        const toSecondary = body.decision === 'secondary' || body.decision === 'hold_identification';
        const decision = body.decision === 'handed_to_police' ? 'hold_identification' : body.decision;
        const also: Write[] = [];
        if (toSecondary) {
          also.push(insertRows('secondaryInspection', [{ id: newId(), crossingId: id, reason: body.decision === 'hold_identification' ? `identification (Art. 35(4)): ${body.note}` : body.note!, openedAt: now, openedBy: actor, outcome: null, findings: null, closedAt: null, closedBy: null }]));
        }
        if (inSecondary) {
          also.push(db.updateTable('secondaryInspection').set({ outcome: body.decision as never, findings: body.note ?? null, closedAt: now, closedBy: actor }).where('crossingId', '=', id).where('closedAt', 'is', null));
        }
        if (body.decision === 'detain') {
          also.push(insertRows('detention', [{
            id: newId(), crossingId: id, checkpointId: row.checkpointId, unitId: row.unitId, agencyId: row.agencyId, grounds: body.note!, detainedAt: now, detainedBy: actor, createdAt: now,
            person: { surname: row.surname, givenNames: row.givenNames, dateOfBirth: row.dateOfBirth, nationality: row.nationality, document: { number: row.documentNumber, issuingState: row.issuingState } },
          }]));
        }
        // a foreigner passed: the entry opens a stay, the exit closes it (the overstay list's stays)
        if (body.decision === 'pass') also.push(...openStayWrites(db, row, now));
        if (body.decision === 'seize_document') {
          const invalid = (row.checks as unknown as Array<{ code: string; result: string }>).some((c) => c.code === 'document_register' && c.result === 'fail');
          also.push(insertRows('documentSeizure', [{ id: newId(), crossingId: id, documentNumber: row.documentNumber, issuingState: row.issuingState, kind: invalid ? 'invalid' : 'temporary', reason: body.note!, seizedAt: now, seizedBy: actor, returnedAt: null }]));
        }
        return {
          changes: {
            status: toSecondary ? ('secondary' as const) : ('decided' as const),
            decision: decision as Row['decision'], reasons: body.reasons, reasonPackId: list?.packId ?? null, decisionNote: body.note ?? null,
            returnToCountry: body.returnToCountry ?? null, decidedAt: toSecondary ? null : now, decidedBy: toSecondary ? null : actor,
            ...(body.purpose && { purpose: body.purpose }),
          },
          also, change: inSecondary ? `secondary_${body.decision}` : `decided_${body.decision}`, reason: body.note ?? null,
          audit: { action: `crossing.${inSecondary ? 'secondary_closed' : 'decided'}`, details: { decision: body.decision, reasons: body.reasons, returnToCountry: body.returnToCountry ?? null, ...(body.purpose && !row.purpose && { purpose: body.purpose }) } },
        };
      });
      return presentCrossing(next, suggestionOf(next));
    },

    /** The traveller left the checkpoint: passage is complete (Art. 19(9)), or the refused traveller went back. */
    async leave(ctx: Ctx, id: string) {
      const next = await change(ctx, id, async (row, now) => {
        if (row.status !== 'decided' || !['pass', 'refuse'].includes(row.decision ?? '')) throw new ConflictError(`Only a crossing decided pass or refuse is completed by leaving (this one is ${row.status}${row.decision ? `, ${row.decision}` : ''}).`, [], 'NOT_DECIDED_TO_LEAVE', { state: row.status });
        return { changes: { status: 'completed' as const, leftAt: now }, change: 'left_checkpoint', reason: null, audit: { action: 'crossing.completed', details: { decision: row.decision } } };
      });
      return presentCrossing(next, suggestionOf(next));
    },

    /**
     * A correction never overwrites: the fields change in a new version that keeps who, when and why. A
     * corrected identity (name, date of birth, sex, nationality) is screened again, and the checks run
     * again on what the record now says: a hit the first reading missed becomes an alert and shows on
     * the record; one alerted already keeps its alert. The decision taken stays as it was taken.
     */
    async correct(ctx: Ctx, id: string, body: z.infer<typeof CorrectCrossingBody>) {
      const next = await change(ctx, id, async (row) => {
        const plan = await correctionPlan(screening, ctx, row, body);
        // a passed foreigner named otherwise, or counted otherwise: the kept verdicts of their stays set
        // aside, and the document's open stay as its crossings say with this one corrected
        const after = { ...row, ...plan.changes } as Row;
        const moved = (['surname', 'givenNames', 'dateOfBirth', 'nationality', 'sex', 'travellerCategory'] as const).some((f) => after[f] !== row[f]);
        if (moved && row.decision === 'pass' && (FOREIGN.has(row.travellerCategory) || FOREIGN.has(after.travellerCategory))) {
          plan.also = [...(plan.also ?? []), ...correctedTravellerWrites(db, row, after)];
        }
        return plan;
      });
      return presentCrossing(next, suggestionOf(next));
    },

    /** For the supervisor: who is at control now, and per lane the throughput and processing time since a time. */
    async controlStats(ctx: Ctx, checkpointId: string, from?: Date) {
      const since = from ?? new Date(clock.now().getTime() - 3_600_000);
      const cp = await db.selectFrom('checkpoint').innerJoin('unit', 'unit.id', 'checkpoint.unitId').select(['checkpoint.id', 'unit.agencyId', 'unit.path']).where('checkpoint.id', '=', checkpointId).executeTakeFirst();
      if (!cp || !can(ctx.actor, 'crossing.read', { agencyId: cp.agencyId, path: cp.path })) throw new NotFoundError('Checkpoint');
      const rows = await db.selectFrom('crossing').leftJoin('checkpointLane', 'checkpointLane.id', 'crossing.laneId')
        .select(['crossing.laneId', 'checkpointLane.code', 'crossing.decision', 'crossing.arrivedAt', 'crossing.decidedAt'])
        .where('crossing.checkpointId', '=', checkpointId).where('crossing.arrivedAt', '>=', since).execute();
      const hours = Math.max((clock.now().getTime() - since.getTime()) / 3_600_000, 1 / 60);
      const byLane = new Map<string, typeof rows>();
      for (const r of rows) {
        const key = r.laneId ?? '';
        const list = byLane.get(key);
        if (list) list.push(r);
        else byLane.set(key, [r]);
      }
      const quantile = (xs: number[], q: number) => (xs.length ? xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : null);
      const lanes = [...byLane.values()].map((list) => {
        const seconds = list.filter((r) => r.decidedAt).map((r) => (r.decidedAt!.getTime() - r.arrivedAt.getTime()) / 1000);
        return {
          laneId: list[0]!.laneId, code: list[0]!.code, crossings: list.length, passed: list.filter((r) => r.decision === 'pass').length, refused: list.filter((r) => r.decision === 'refuse').length,
          otherMeasures: list.filter((r) => r.decision && r.decision !== 'pass' && r.decision !== 'refuse').length, perHour: Math.round((list.length / hours) * 10) / 10,
          medianSeconds: quantile(seconds, 0.5), p90Seconds: quantile(seconds, 0.9),
        };
      }).sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
      return { checkpointId, since, open: (await openAt(db, [checkpointId])).get(checkpointId)!, lanes };
    },

    /** Every version of a crossing, who made it, and what it changed against the one before it. */
    async versions(ctx: Ctx, id: string) {
      await load(ctx, id, 'crossing.read');
      await recordRead(deps, ctx, { entityType: 'crossing', entityIds: [id], query: { versions: true } });
      const rows = await db.selectFrom('crossingVersion').leftJoin('appUser', 'appUser.id', 'crossingVersion.changedBy')
        .select(['crossingVersion.version', 'crossingVersion.change', 'crossingVersion.reason', 'crossingVersion.changedAt', 'crossingVersion.changedBy', 'crossingVersion.snapshot', 'appUser.displayName as changedByName'])
        .where('crossingVersion.crossingId', '=', id).orderBy('crossingVersion.version').execute();
      return rows.map(({ snapshot, ...version }, i) => ({ ...version, changes: i === 0 ? [] : versionChanges(rows[i - 1]!.snapshot, snapshot) }));
    },

    async reasonList(ctx: Ctx, on: string | undefined) {
      if (!can(ctx.actor, 'crossing.read') && !can(ctx.actor, 'crossing.record')) throw new NotFoundError('Refusal reasons');
      return reasonListAt(db, on ?? localDate(clock.now(), ctx.actor.timeZone));
    },

    async lanes(ctx: Ctx, checkpointId: string) {
      if (!can(ctx.actor, 'geo.read')) throw new NotFoundError('Checkpoint');
      const cp = await db.selectFrom('checkpoint').select('id').where('id', '=', checkpointId).executeTakeFirst();
      if (!cp) throw new NotFoundError('Checkpoint');
      return db.selectFrom('checkpointLane').select(['id', 'checkpointId', 'code', 'transportMode', 'direction', 'active']).where('checkpointId', '=', checkpointId).orderBy('code').execute();
    },

    /** The row and names a refusal notice needs. */
    async refusal(ctx: Ctx, id: string) {
      const row = await load(ctx, id, 'crossing.read');
      if (row.decision !== 'refuse') throw new ConflictError('The crossing was not refused.', [], 'NOT_REFUSED');
      await recordRead(deps, ctx, { entityType: 'crossing', entityIds: [id], query: { document: 'refusal_notice' } });
      const checkpoint = await db.selectFrom('checkpoint').select(['nameKk', 'nameRu', 'nameEn', 'timeZone']).where('id', '=', row.checkpointId).executeTakeFirstOrThrow();
      const officer = await db.selectFrom('appUser').select(['displayName']).where('id', '=', row.decidedBy ?? row.officerUserId).executeTakeFirst();
      const pack = row.reasonPackId ? await db.selectFrom('rulePack').select(['content']).where('id', '=', row.reasonPackId).executeTakeFirst() : undefined;
      const reasons = ((pack?.content as { reasons?: Array<{ code: string; basis: string; names: Record<string, string> }> } | undefined)?.reasons ?? []).filter((r) => row.reasons.includes(r.code));
      return { row, checkpoint, officer: officer?.displayName ?? '', reasons };
    },
  };
}
export type CrossingService = ReturnType<typeof createCrossingService>;

/** Where a page of the journal ends: the arrival (to the millisecond, as the rows keep it) and the id of its last crossing. */
const cursorOf = (row: Pick<Row, 'arrivedAt' | 'id'>) => `${row.arrivedAt.toISOString()}_${row.id}`;
function parseCursor(cursor: string) {
  const [at, id] = cursor.split('_') as [string, string];
  return { arrivedAt: new Date(at), id };
}

/** ICAO writes Germany as D: the records keep ISO alpha-3 codes. */
const alpha3 = (code: string) => (code === 'D' ? 'DEU' : code);

/** The traveller's category as the document shows it (the officer may say otherwise). */
export function categoryOf(nationality: string | undefined, documentCode: string): string {
  if (documentCode === 'PD') return 'diplomat';
  if (nationality === 'KAZ') return 'rk_citizen';
  if (nationality && ['XXA', 'XXB', 'XXC', 'XXX'].includes(nationality)) return 'stateless';
  return 'foreigner';
}


function suggestionOf(row: Selectable<CrossingTable>) {
  const checks = row.checks as unknown as Parameters<typeof suggestDecision>[1];
  const hits = row.hits as unknown as CrossingHit[];
  return suggestDecision({ direction: row.direction, travellerCategory: row.travellerCategory, mrzValid: row.mrzValid, mrzErrors: [], documentExpiry: row.documentExpiry, today: '', checkpointStatus: 'open', checkpointStatusReason: null, hits, documentHits: [] }, checks);
}
