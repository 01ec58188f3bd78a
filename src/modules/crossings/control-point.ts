// Where control happens: the checkpoint (one the officer's grants reach), its lane, and the reasons of
// the law a crossing cannot be registered there now (suspended, mode not served, outside its hours).
import type { Ctx } from '../../platform/actor.ts';
import { can } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { createWatchedCache } from '../../platform/watched-cache.ts';
import { DomainError, NotFoundError, type FieldProblem } from '../../platform/errors.ts';
import { effectiveStatus, isWithinWorkingHours } from '../geo/index.ts';

/** A rejection of the whole request for a reason of the law (suspended checkpoint, mode not served …). */
export class CrossingRefusedError extends DomainError {
  constructor(code: string, detail: string, errors: FieldProblem[] = [], extensions?: Record<string, unknown>) {
    super(code, 422, detail, errors, extensions);
  }
}

// A formatter per time zone: making one costs more than the rest of a crossing's checks.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** The calendar date at an instant in a time zone (YYYY-MM-DD). */
export function localDate(at: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(at);
}

/** What a checkpoint is made of: this process's write to any of these empties the checkpoint cache. */
const CHECKPOINT_TABLES = ['checkpoint', 'checkpoint_lane', 'unit'];

type Lane = { id: string; code: string; transportMode: string; direction: string; active: boolean };

/** The checkpoints where control happens, read through a cache (`SHEKARA_CACHE_SECONDS`): each crossing asks. */
export function createControlPoints(deps: Pick<Deps, 'db' | 'config' | 'database' | 'clock'>) {
  const { db } = deps;
  const cache = createWatchedCache<Awaited<ReturnType<typeof read>> & object>(deps.database.writes, CHECKPOINT_TABLES, deps.config.cacheSeconds, 1000);

  async function read(checkpointId: string) {
    const cp = await db.selectFrom('checkpoint').leftJoin('unit', 'unit.id', 'checkpoint.unitId')
      .select(['checkpoint.id', 'checkpoint.code', 'checkpoint.nameEn', 'checkpoint.unitId', 'checkpoint.transportModes', 'checkpoint.status', 'checkpoint.statusReason', 'checkpoint.statusLegalBasis', 'checkpoint.statusFrom', 'checkpoint.statusUntil', 'checkpoint.statusModes', 'checkpoint.statusDirections', 'checkpoint.timeZone', 'checkpoint.workingHours', 'unit.agencyId', 'unit.path'])
      .where('checkpoint.id', '=', checkpointId).executeTakeFirst();
    if (!cp) return undefined;
    const lanes: Lane[] = await db.selectFrom('checkpointLane').select(['id', 'code', 'transportMode', 'direction', 'active']).where('checkpointId', '=', cp.id).execute();
    return { ...cp, lanes };
  }

  /** The checkpoint where control happens, if the officer works there; the reasons a crossing cannot be registered now. */
  return async function controlPoint(ctx: Ctx, body: { checkpointId: string; laneId?: string | undefined; direction: 'entry' | 'exit'; transportMode: string }, at: Date) {
    const cp = await cache.get(body.checkpointId, deps.clock.now(), () => read(body.checkpointId));
    if (!cp || !cp.unitId || !cp.agencyId || !cp.path || !can(ctx.actor, 'crossing.record', { agencyId: cp.agencyId, path: cp.path })) throw new NotFoundError('Checkpoint');
    if (body.laneId) {
      const lane = cp.lanes.find((l) => l.id === body.laneId);
      if (!lane) throw new NotFoundError('Lane');
      if (!lane.active) throw new CrossingRefusedError('LANE_CLOSED', `Lane ${lane.code} is closed.`, [{ path: 'laneId', code: 'LANE_CLOSED', message: 'the lane is closed' }]);
      const problems: FieldProblem[] = [];
      if (lane.transportMode !== body.transportMode) problems.push({ path: 'transportMode', code: 'LANE_SERVES', params: { lane: lane.code, serves: lane.transportMode }, message: `lane ${lane.code} serves ${lane.transportMode}` });
      if (lane.direction !== 'both' && lane.direction !== body.direction) problems.push({ path: 'direction', code: 'LANE_SERVES', params: { lane: lane.code, serves: lane.direction }, message: `lane ${lane.code} serves ${lane.direction}` });
      if (problems.length) throw new CrossingRefusedError('LANE_MISMATCH', `Lane ${lane.code} does not serve this crossing.`, problems);
    }
    // A decision may cover only some modes or directions; the rest of the traffic goes on as usual.
    const covers = (!cp.statusModes || cp.statusModes.includes(body.transportMode)) && (!cp.statusDirections || cp.statusDirections.includes(body.direction));
    const status = covers ? effectiveStatus(cp, at) : 'open';
    if (status === 'suspended') {
      const scope = [cp.statusModes?.join(', '), cp.statusDirections?.join(', ')].filter(Boolean).join(' / ');
      throw new CrossingRefusedError('CHECKPOINT_SUSPENDED', `Crossing at ${cp.nameEn}${scope ? ` (${scope})` : ''} is suspended: ${cp.statusReason} (${cp.statusLegalBasis}).`, [{ path: 'checkpointId', code: 'CHECKPOINT_SUSPENDED', message: `crossing here${scope ? ` for ${scope}` : ''} is suspended (Law Art. 14(7))` }], { reason: cp.statusReason, legalBasis: cp.statusLegalBasis });
    }
    if (!cp.transportModes.includes(body.transportMode)) {
      throw new CrossingRefusedError('MODE_NOT_SERVED', `${cp.nameEn} does not serve ${body.transportMode} traffic (it serves ${cp.transportModes.join(', ')}).`, [{ path: 'transportMode', code: 'MODE_NOT_SERVED', message: `not served at this checkpoint` }], { transportModes: cp.transportModes });
    }
    if (!isWithinWorkingHours(cp.workingHours as never, at, cp.timeZone)) {
      throw new CrossingRefusedError('CHECKPOINT_CLOSED', `${cp.nameEn} is outside its working hours.`, [{ path: 'arrivedAt', code: 'OUTSIDE_WORKING_HOURS', message: 'outside the working hours of the checkpoint' }]);
    }
    return { ...cp, unitId: cp.unitId, agencyId: cp.agencyId, path: cp.path, effective: status };
  };
}
