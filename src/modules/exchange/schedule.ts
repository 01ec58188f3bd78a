// The scheduler: opens the periodic clocks of the exchange (daily and monthly information per pair of
// counterpart units, UDB materials per unit and half-year), then sweeps due obligations and delivers
// notifications to external channels. Every step is idempotent (keys, SKIP LOCKED): two processes on
// one PostgreSQL may run it at once.
import type { Deps } from '../../platform/deps.ts';
import { startRounds, type Rounds } from '../../platform/rounds.ts';
import { addDays, dailyWindow, halfYearOf, halfYearWindow, localParts, monthBefore, monthlyWindow } from './clocks.ts';
import { createObligations, sweep, type NewObligation } from './obligations.ts';
import { defaultSender, deliverPending, type Sender } from './notifications.ts';
import { EXCHANGE_PACK_CODE, type ExchangeRules } from './rules.ts';
import { openSezObligations } from '../sez/plans.service.ts';
import { counterpartPairs } from './units.ts';

type Pack = { id: string; from: string; to: string | null; rules: ExchangeRules };

async function exchangePacks(deps: Pick<Deps, 'db'>): Promise<Pack[]> {
  const rows = await deps.db.selectFrom('rulePack').select(['id', 'effectiveFrom', 'effectiveTo', 'content']).where('code', '=', EXCHANGE_PACK_CODE).orderBy('effectiveFrom', 'desc').execute();
  return rows.map((r) => ({ id: r.id, from: String(r.effectiveFrom), to: r.effectiveTo ? String(r.effectiveTo) : null, rules: r.content as unknown as ExchangeRules }));
}
const inForce = (packs: Pack[], date: string) => packs.find((p) => p.from <= date && (p.to === null || p.to > date)) ?? null;

/** Opens the periodic obligations due from now on: today's (if still ahead) and tomorrow's daily information, this month's
 * (and last month's while its window runs) monthly information, this half-year's UDB materials. */
export async function openPeriodicObligations(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const packs = await exchangePacks(deps);
  const pairs = await counterpartPairs(deps.db);
  const items: NewObligation[] = [];
  const units = new Map<string, { agencyId: string; timeZone: string }>();
  for (const p of pairs) {
    units.set(p.unitId, { agencyId: p.agencyId, timeZone: p.timeZone });
    const today = localParts(now, p.timeZone).date;
    for (const date of [today, addDays(today, 1)]) {
      const pack = inForce(packs, date);
      if (!pack) continue;
      const window = dailyWindow(date, p.timeZone, pack.rules.daily);
      if (window.dueAt > now) items.push({ key: `exchange.daily:${p.unitId}:${p.counterpartUnitId}:${date}`, kind: 'exchange.daily', unitId: p.unitId, agencyId: p.agencyId, counterpartUnitId: p.counterpartUnitId, period: date, rulePackId: pack.id, window });
    }
    for (const period of [monthBefore(today.slice(0, 7)), today.slice(0, 7)]) {
      const pack = inForce(packs, `${period}-28`);
      if (!pack) continue;
      const window = monthlyWindow(period, p.timeZone, pack.rules.monthly);
      if (window.dueAt > now) items.push({ key: `exchange.monthly:${p.unitId}:${p.counterpartUnitId}:${period}`, kind: 'exchange.monthly', unitId: p.unitId, agencyId: p.agencyId, counterpartUnitId: p.counterpartUnitId, period, rulePackId: pack.id, window });
    }
  }
  for (const [unitId, u] of units) {
    const period = halfYearOf(localParts(now, u.timeZone).date);
    const pack = inForce(packs, `${period.slice(0, 4)}-${period.endsWith('H1') ? '01' : '07'}-01`);
    if (!pack) continue;
    const window = halfYearWindow(period, u.timeZone, pack.rules.udb);
    if (window.dueAt > now) items.push({ key: `exchange.udb:${unitId}:${period}`, kind: 'exchange.udb', unitId, agencyId: u.agencyId, period, rulePackId: pack.id, window });
  }
  return createObligations(deps.db, now, items);
}

/** One round of the scheduler: open periodic clocks, sweep, deliver. */
export async function runExchangeRound(deps: Pick<Deps, 'db' | 'clock'>, send: Sender) {
  // the SEZ module's clocks ride on the same round (list deliveries, rosters)
  const opened = (await openPeriodicObligations(deps)) + (await openSezObligations(deps.db, deps.clock.now()));
  const swept = await sweep(deps.db, deps.clock.now());
  const delivered = await deliverPending(deps, send);
  return { opened, ...swept, ...delivered };
}

/** Runs the scheduler every `sweepSeconds` in this process (rounds never overlap). */
export function startExchangeScheduler(deps: Deps, send: Sender = defaultSender(deps.config)): Rounds {
  if (deps.config.sweepSeconds === 0) return { stop: async () => {} };
  return startRounds(async () => {
    const r = await runExchangeRound(deps, send);
    if (r.opened || r.escalated || r.warned || r.sent || r.failed) deps.log.info({ exchange: r }, 'exchange round');
  }, { firstMs: 2_000, everyMs: deps.config.sweepSeconds * 1000, onError: (error) => deps.log.error({ err: error }, 'exchange round failed') });
}
