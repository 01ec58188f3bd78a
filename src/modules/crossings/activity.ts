// The shift overview's part of border control: at each checkpoint the reader reaches, who is at control,
// in secondary inspection and not yet out now, and who came to control since the checkpoint's midnight.
import { can, type Ctx } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { zoned } from '../exchange/clocks.ts';
import { localDate } from './control-point.ts';
import { reachCondition } from './reach.ts';

/**
 * Travellers now at control, in secondary inspection, and passed or refused but not yet out of each of
 * these checkpoints (index crossing_open), by checkpoint; the supervisor's view and the overview count them alike.
 */
export async function openAt(db: Executor, checkpointIds: string[]) {
  const rows = checkpointIds.length ? await db.selectFrom('crossing').select(['checkpointId', 'status', 'decision', (eb) => eb.fn.countAll<string>().as('n')])
    .where('checkpointId', 'in', checkpointIds).where('status', 'in', ['in_control', 'secondary', 'decided']).groupBy(['checkpointId', 'status', 'decision']).execute() : [];
  const n = (id: string, status: string, decision?: string) => rows.filter((r) => r.checkpointId === id && r.status === status && (!decision || r.decision === decision)).reduce((a, r) => a + Number(r.n), 0);
  return new Map(checkpointIds.map((id) => [id, { inControl: n(id, 'in_control'), secondary: n(id, 'secondary'), awaitingExit: n(id, 'decided', 'pass'), refusedNotYetOut: n(id, 'decided', 'refuse') }]));
}

export function createActivityService(deps: Pick<Deps, 'db' | 'clock'>) {
  const { db, clock } = deps;

  /**
   * For the shift overview: each checkpoint whose crossings the reader may read, with the travellers at
   * control, in secondary inspection and not yet out now, the vehicles at control, and the travellers
   * who came to control since the checkpoint's midnight by decision; the busiest first. Counts only.
   */
  async function checkpoints(ctx: Ctx) {
    if (!can(ctx.actor, 'crossing.read')) return null;
    const now = clock.now();
    const reach = reachCondition(ctx.actor, 'crossing.read', 'unit.agencyId', 'unit.path');
    const reached = await db.selectFrom('checkpoint').innerJoin('unit', 'unit.id', 'checkpoint.unitId')
      .select(['checkpoint.id', 'checkpoint.code', 'checkpoint.nameKk', 'checkpoint.nameRu', 'checkpoint.nameEn', 'checkpoint.status', 'checkpoint.timeZone'])
      .$if(reach !== null, (q) => q.where(reach!)).execute();
    if (!reached.length) return [];
    const days = reached.map((c) => { const today = localDate(now, c.timeZone); return { id: c.id, today, since: zoned(today, '00:00', c.timeZone).getTime() }; });
    const ids = reached.map((c) => c.id);
    const [open, vehicles, today] = await Promise.all([
      openAt(db, ids),
      db.selectFrom('vehicleCrossing').select(['checkpointId', (eb) => eb.fn.countAll<string>().as('n')])
        .where('checkpointId', 'in', ids).where('status', 'in', ['in_control', 'examination']).groupBy('checkpointId').execute(),
      // each checkpoint from its own midnight (index crossing_checkpoint_time), those on one calendar together
      db.selectFrom('crossing').select(['checkpointId', 'direction', 'decision', (eb) => eb.fn.countAll<string>().as('n')])
        .where((eb) => eb.or([...Map.groupBy(days, (d) => d.since)].map(([since, group]) => eb.and([eb('checkpointId', 'in', group.map((d) => d.id)), eb('arrivedAt', '>=', new Date(since))]))))
        .groupBy(['checkpointId', 'direction', 'decision']).execute(),
    ]);
    const sum = <R extends { checkpointId: string; n: string }>(rows: R[], id: string, keep: (r: R) => boolean = () => true) =>
      rows.reduce((a, r) => a + (r.checkpointId === id && keep(r) ? Number(r.n) : 0), 0);
    const day = new Map(days.map((d) => [d.id, d.today]));
    return reached.map((c) => ({
      id: c.id, code: c.code, names: { kk: c.nameKk, ru: c.nameRu, en: c.nameEn }, status: c.status, today: day.get(c.id)!,
      now: { ...open.get(c.id)!, vehiclesAtControl: sum(vehicles, c.id) },
      crossingsToday: {
        all: sum(today, c.id), entry: sum(today, c.id, (r) => r.direction === 'entry'), exit: sum(today, c.id, (r) => r.direction === 'exit'),
        passed: sum(today, c.id, (r) => r.decision === 'pass'), refused: sum(today, c.id, (r) => r.decision === 'refuse'),
        otherMeasures: sum(today, c.id, (r) => r.decision !== null && r.decision !== 'pass' && r.decision !== 'refuse'),
      },
    })).sort((a, b) => {
      const load = (x: typeof a) => x.now.inControl + x.now.secondary + x.now.awaitingExit + x.now.refusedNotYetOut + x.now.vehiclesAtControl + x.crossingsToday.all;
      return load(b) - load(a) || a.code.localeCompare(b.code);
    });
  }

  return { checkpoints };
}
export type ActivityService = ReturnType<typeof createActivityService>;
