// The SEZs a user takes part in, and the month's calendar of what is due for one of them.
import type { Ctx } from '../../platform/actor.ts';
import { can } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { localParts, monthAfter } from '../exchange/clocks.ts';
import { loadSez, reaches, rolesOf, sezFor, sezRulesAt } from './parties.ts';

export function createSezDeskService(deps: Deps) {
  const { db, clock } = deps;
  return {
    async parties(ctx: Ctx) {
      const ids = await db.selectFrom('sez').select('id').orderBy('code').execute();
      const out = [];
      for (const { id } of ids) {
        const sez = await loadSez(db, id);
        if (!sez) continue;
        const roles = rolesOf(ctx, sez, 'sez.read');
        if (!roles.length && !can(ctx.actor, 'scope.all_agencies')) continue;
        const pack = await sezRulesAt(db, localParts(clock.now(), sez.timeZone).date).catch(() => null);
        out.push({
          id: sez.id, code: sez.code, names: sez.names, checkpointIds: sez.checkpointIds, timeZone: sez.timeZone,
          units: sez.units.map((u) => ({ id: u.id, role: u.role, names: u.names })), myRoles: roles,
          rules: pack ? {
            packId: pack.id, effectiveFrom: pack.effectiveFrom, forwardWithinDays: pack.content.forward.withinDays, deliveryDay: pack.content.delivery.dueDay, deliveryMonth: pack.content.delivery.month,
            rosterRequired: pack.content.roster.required, inspectorListsRequired: pack.content.inspectorLists.required, stateRevenueInspects: pack.content.vehicleInspection.stateRevenueParticipates,
          } : null,
        });
      }
      return out;
    },

    /** The clocks of the SEZ falling due in the month (local dates), as far as the caller's units owe them or are owed them; planned inspections. */
    async calendar(ctx: Ctx, sezId: string, month: string) {
      const sez = await sezFor(db, ctx, sezId);
      const mine = sez.units.filter((u) => reaches(ctx, 'sez.read', u)).map((u) => u.id);
      const all = can(ctx.actor, 'scope.all_agencies');
      const from = new Date(`${month}-01T00:00:00Z`).getTime() - 2 * 86_400_000;
      const to = new Date(`${monthAfter(month)}-01T00:00:00Z`).getTime() + 2 * 86_400_000;
      const obligations = await db.selectFrom('obligation').select(['key', 'kind', 'dueAt', 'state', 'subjectId', 'unitId', 'counterpartUnitId', 'period'])
        .where('kind', 'like', 'sez.%').where('dueAt', '>=', new Date(from)).where('dueAt', '<', new Date(to))
        .where((eb) => eb.or([eb('key', 'like', `%:${sez.id}:%`), ...(sez.units.length ? [eb('unitId', 'in', sez.units.map((u) => u.id))] : [])])).orderBy('dueAt').execute();
      const items = obligations
        .filter((o) => all || mine.includes(o.unitId) || (o.counterpartUnitId !== null && mine.includes(o.counterpartUnitId)))
        .map((o) => ({ date: localParts(o.dueAt, sez.timeZone).date, kind: o.kind, title: o.period ?? '', dueAt: o.dueAt as Date | null, state: o.state as 'open' | 'met' | 'overdue' | 'info', subjectId: o.subjectId, unitId: o.unitId }))
        .filter((o) => o.date.startsWith(month));
      const police = sez.police.filter((u) => reaches(ctx, 'sez.read', u)).map((u) => u.id);
      if (police.length) {
        const inspections = await db.selectFrom('sezInspection').select(['id', 'plannedOn', 'squad', 'inspector', 'performedAt', 'policeUnitId']).where('sezId', '=', sez.id).where('policeUnitId', 'in', police)
          .where('plannedOn', '>=', `${month}-01`).where('plannedOn', '<', `${monthAfter(month)}-01`).execute();
        for (const i of inspections) items.push({ date: i.plannedOn, kind: 'sez.inspection', title: `${i.squad} · ${i.inspector}`, dueAt: null, state: i.performedAt ? 'met' : 'open', subjectId: i.id, unitId: i.policeUnitId });
      }
      return items.sort((a, b) => a.date.localeCompare(b.date));
    },
  };
}
export type SezDeskService = ReturnType<typeof createSezDeskService>;
