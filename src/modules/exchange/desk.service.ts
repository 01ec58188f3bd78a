// A desk's obligations (owed, owed to it, escalated to it), its notifications and external channels,
// and compliance per unit, agency, level and period.
import type { z } from 'zod';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database } from '../../database.ts';
import type { ObligationTable } from './exchange.tables.ts';
import type { ChannelBody, ComplianceQuery, ObligationsQuery } from '../../contracts/exchange.ts';
import { can, isCrossAgency, type Actor, type Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange } from '../audit/index.ts';
import { addDays, zoned } from './clocks.ts';
import { deskUnits } from './notifications.ts';
import { presentObligation } from './present.ts';
import { deskUnit, unitRef, unitsById } from './units.ts';

/** The notifications a user's desks receive: everything of their exchange desks; of their SEZ desks (`sez.read`), what
 * concerns SEZ passage; of their case desks (`case.read`), hand-overs, incidents and use-of-force reviews. Null: no desk. */
function visibleTo(actor: Actor) {
  const [units, sezUnits, caseUnits] = (['exchange.read', 'sez.read', 'case.read'] as const).map((p) => deskUnits(actor, p)) as [string[], string[], string[]];
  if (!units.length && !sezUnits.length && !caseUnits.length) return null;
  return (eb: ExpressionBuilder<Database, 'notification'>) => eb.or([
    ...(units.length ? [eb('notification.unitId', 'in', units)] : []),
    ...(sezUnits.length ? [eb.and([eb('notification.unitId', 'in', sezUnits), eb.or([eb('notification.subjectType', 'like', 'sez\\_%'), eb(sql<string>`notification.payload->>'obligationKind'`, 'like', 'sez.%')])])] : []),
    ...(caseUnits.length ? [eb.and([eb('notification.unitId', 'in', caseUnits), eb.or([eb('notification.subjectType', 'in', ['handover_act', 'border_incident', 'use_of_force_report']), eb(sql<string>`notification.payload->>'obligationKind'`, 'in', ['case.measures', 'force.prosecutor', 'force.premises'])])])] : []),
  ]);
}

export function createDeskService(deps: Deps) {
  const { db, clock } = deps;

  /** Notifications of obligations carry the owner's unit id (the sweep writes no names): the names are added here, in one lookup. */
  async function withOwnerNames<N extends { payload: unknown }>(rows: N[]) {
    const ids = rows.map((n) => (n.payload as { ownerUnitId?: string }).ownerUnitId).filter((x): x is string => Boolean(x));
    const units = await unitsById(db, ids);
    return rows.map((n) => {
      const payload = n.payload as Record<string, unknown>;
      const owner = typeof payload.ownerUnitId === 'string' ? units.get(payload.ownerUnitId) : undefined;
      return { ...n, payload: owner ? { ...payload, owner: owner.names } : payload };
    });
  }

  async function present(rows: Selectable<ObligationTable>[]) {
    const units = await unitsById(db, rows.flatMap((o) => [o.unitId, o.counterpartUnitId, o.escalatedToUnitId].filter((x): x is string => Boolean(x))));
    return rows.map((o) => presentObligation(o, units));
  }

  return {
    /** The obligations of a desk: what it owes, what is owed to it, what was escalated to it. */
    async obligations(ctx: Ctx, query: z.infer<typeof ObligationsQuery>) {
      const unit = await deskUnit(db, ctx, 'exchange.read', query.unitId);
      let q = db.selectFrom('obligation').selectAll();
      q = q.where((eb) => {
        // escalations are found through their notifications (indexed by unit): no index on the obligation's escalation column keeps
        // the sweep's update in place
        const escalated = eb('id', 'in', eb.selectFrom('notification').select((n) => n.ref('subjectId').$castTo<string>().as('id')).where('notification.unitId', '=', unit.id).where('notification.kind', '=', 'obligation.escalated'));
        const sides = { owed: eb('unitId', '=', unit.id), owed_to_us: eb('counterpartUnitId', '=', unit.id), escalated };
        return query.side === 'all' ? eb.or(Object.values(sides)) : sides[query.side];
      });
      if (query.state) q = q.where('state', '=', query.state);
      if (query.kind) q = q.where('kind', '=', query.kind);
      if (query.from) q = q.where('dueAt', '>=', new Date(query.from));
      if (query.to) q = q.where('dueAt', '<', new Date(query.to));
      return present(await q.orderBy('dueAt', 'desc').limit(query.limit).execute());
    },

    /**
     * For the shift overview: the reader's own exchange desk in counts (what it owes late and in the next
     * 24 hours, what it is owed late, its notifications not yet seen); null for a reader with no desk.
     */
    async summary(ctx: Ctx) {
      const unitId = deskUnits(ctx.actor, 'exchange.read')[0];
      if (!unitId) return null;
      const now = clock.now();
      const count = (eb: ExpressionBuilder<Database, 'obligation'>) => eb.fn.countAll<string>().as('n');
      const [owedOverdue, owedDueSoon, owedToUsOverdue, unseen] = await Promise.all([
        db.selectFrom('obligation').select(count).where('unitId', '=', unitId).where('state', '=', 'overdue').executeTakeFirstOrThrow(),
        db.selectFrom('obligation').select(count).where('unitId', '=', unitId).where('state', '=', 'open').where('dueAt', '<', new Date(now.getTime() + 86_400_000)).executeTakeFirstOrThrow(),
        db.selectFrom('obligation').select(count).where('counterpartUnitId', '=', unitId).where('state', '=', 'overdue').executeTakeFirstOrThrow(),
        db.selectFrom('notification').select((eb) => eb.fn.countAll<string>().as('n')).where(visibleTo(ctx.actor)!).where('seenAt', 'is', null).executeTakeFirstOrThrow(),
      ]);
      return { unitId, owedOverdue: Number(owedOverdue.n), owedDueSoon: Number(owedDueSoon.n), owedToUsOverdue: Number(owedToUsOverdue.n), unseen: Number(unseen.n) };
    },

    /** On-time share per message type and per unit over a period of due dates; overdue obligations; late written confirmations. */
    async compliance(ctx: Ctx, query: z.infer<typeof ComplianceQuery>) {
      if (!can(ctx.actor, 'exchange.compliance')) throw new NotFoundError('Compliance');
      const root = query.unitId ? await deskUnit(db, ctx, 'exchange.compliance', query.unitId) : null;
      const zone = root?.timeZone ?? ctx.actor.timeZone;
      const from = zoned(query.from, '00:00', zone);
      const to = zoned(addDays(query.to, 1), '00:00', zone);
      const now = clock.now();
      let q = db.selectFrom('obligation as o').innerJoin('unit as u', 'u.id', 'o.unitId')
        .select(['o.unitId', 'o.kind'])
        .select((eb) => [
          eb.fn.countAll<number>().as('due'),
          eb.fn.count<number>('o.id').filterWhere('o.outcome', '=', 'on_time').as('onTime'),
          eb.fn.count<number>('o.id').filterWhere('o.outcome', '=', 'early').as('early'),
          eb.fn.count<number>('o.id').filterWhere('o.outcome', '=', 'late').as('late'),
          eb.fn.count<number>('o.id').filterWhere('o.state', '=', 'overdue').as('missed'),
          eb.fn.count<number>('o.id').filterWhere('o.state', '=', 'open').as('open'),
        ])
        .where('o.dueAt', '>=', from).where('o.dueAt', '<', to).where('o.dueAt', '<=', now);
      if (root) q = q.where(sql<boolean>`u.path @> array[${root.id}]::uuid[]`);
      if (query.agencyId) q = q.where('o.agencyId', '=', query.agencyId);
      if (query.level) q = q.where('u.level', '=', query.level);
      if (!isCrossAgency(ctx.actor, 'exchange.compliance')) q = q.where('o.agencyId', '=', ctx.actor.agencyId ?? '00000000-0000-0000-0000-000000000000');
      const rows = await q.groupBy(['o.unitId', 'o.kind']).execute();
      const units = await unitsById(db, rows.map((r) => r.unitId));
      const seen = rows.filter((r) => { const u = units.get(r.unitId)!; return can(ctx.actor, 'exchange.compliance', { agencyId: u.agencyId, path: u.path }); });
      const share = (onTime: number, due: number) => (due ? Math.round((onTime / due) * 1000) / 1000 : null);
      const byKind = new Map<string, { kind: string; due: number; onTime: number; early: number; late: number; missed: number; open: number }>();
      const byUnit = new Map<string, { unit: ReturnType<typeof unitRef>; due: number; onTime: number; late: number; missed: number }>();
      for (const r of seen) {
        const k = byKind.get(r.kind) ?? { kind: r.kind, due: 0, onTime: 0, early: 0, late: 0, missed: 0, open: 0 };
        for (const f of ['due', 'onTime', 'early', 'late', 'missed', 'open'] as const) k[f] += Number(r[f]);
        byKind.set(r.kind, k);
        const u = byUnit.get(r.unitId) ?? { unit: unitRef(units.get(r.unitId)!), due: 0, onTime: 0, late: 0, missed: 0 };
        for (const f of ['due', 'onTime', 'late', 'missed'] as const) u[f] += Number(r[f]);
        byUnit.set(r.unitId, u);
      }
      const visibleUnits = seen.map((r) => r.unitId);
      const overdueRows = visibleUnits.length ? await db.selectFrom('obligation').selectAll().where('state', '=', 'overdue').where('unitId', 'in', [...new Set(visibleUnits)]).where('dueAt', '>=', from).where('dueAt', '<', to).orderBy('dueAt', 'desc').limit(200).execute() : [];
      const urgent = await db.selectFrom('obligation as o').leftJoin('exchangeMessage as c', 'c.id', 'o.fulfilledByMessageId').innerJoin('exchangeMessage as m', 'm.id', 'o.subjectId')
        .select(['m.id', 'm.senderUnitId', 'm.subject', 'm.reportedAt', 'c.reportedAt as confirmedAt', 'o.state', 'o.outcome'])
        .where('o.kind', '=', 'exchange.urgent.confirm').where('o.dueAt', '>=', from).where('o.dueAt', '<', to)
        .where((eb) => eb.or([eb('o.outcome', '=', 'late'), eb('o.state', '=', 'overdue')]))
        .orderBy('m.reportedAt', 'desc').limit(200).execute();
      const more = await unitsById(db, [...overdueRows.flatMap((o) => [o.unitId, o.counterpartUnitId, o.escalatedToUnitId]), ...urgent.map((u) => u.senderUnitId)].filter((x): x is string => Boolean(x)));
      const lateConfirmations = urgent.filter((m) => { const u = more.get(m.senderUnitId)!; return can(ctx.actor, 'exchange.compliance', { agencyId: u.agencyId, path: u.path }) && (!root || u.path.includes(root.id)); })
        .map((m) => ({ messageId: m.id, sender: unitRef(more.get(m.senderUnitId)!), subject: m.subject, reportedAt: m.reportedAt, confirmedAt: m.confirmedAt, minutes: m.confirmedAt ? Math.round((m.confirmedAt.getTime() - m.reportedAt.getTime()) / 60_000) : null }));
      return {
        from: query.from, to: query.to,
        byKind: [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)).map((k) => ({ ...k, onTimeShare: share(k.onTime, k.due) })),
        byUnit: [...byUnit.values()].sort((a, b) => a.unit.level - b.unit.level || a.unit.names.en.localeCompare(b.unit.names.en)).map((u) => ({ ...u, onTimeShare: share(u.onTime, u.due) })),
        overdue: overdueRows.map((o) => presentObligation(o, more)),
        lateConfirmations,
      };
    },

    /** Notifications of the actor's desks, newest first (or those from an instant on, for the live stream). */
    async notifications(ctx: Ctx, options: { from?: Date; unseen?: boolean; limit?: number } = {}) {
      const visible = visibleTo(ctx.actor);
      if (!visible) throw new NotFoundError('Notifications');
      let q = db.selectFrom('notification').select(['id', 'unitId', 'kind', 'severity', 'subjectType', 'subjectId', 'payload', 'createdAt', 'seenAt']).where(visible);
      if (options.from) q = q.where('createdAt', '>=', options.from);
      if (options.unseen) q = q.where('seenAt', 'is', null);
      const rows = await q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit ?? 50).execute();
      return withOwnerNames(rows);
    },

    async markSeen(ctx: Ctx, id: string) {
      const visible = visibleTo(ctx.actor);
      const r = visible ? await db.updateTable('notification').set({ seenAt: clock.now(), seenBy: ctx.actor.via === 'cli' ? null : ctx.actor.userId }).where('id', '=', id).where(visible).where('seenAt', 'is', null).executeTakeFirst() : null;
      if (!r || Number(r.numUpdatedRows) === 0) {
        const exists = visible ? await db.selectFrom('notification').select('id').where('id', '=', id).where(visible).executeTakeFirst() : null;
        if (!exists) throw new NotFoundError('Notification');
      }
      return { ok: true as const };
    },

    async channels(ctx: Ctx, unitId: string | undefined) {
      const unit = await deskUnit(db, ctx, 'exchange.channels.manage', unitId);
      return db.selectFrom('notificationChannel').selectAll().where('unitId', '=', unit.id).orderBy('createdAt').execute();
    },

    async addChannel(ctx: Ctx, body: z.infer<typeof ChannelBody>) {
      const unit = await deskUnit(db, ctx, 'exchange.channels.manage', body.unitId);
      const row = { id: newId(), unitId: unit.id, kind: body.kind, target: body.target, minSeverity: body.minSeverity, active: true, createdAt: clock.now() };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('notificationChannel').values(row).onConflict((oc) => oc.columns(['unitId', 'kind', 'target']).doUpdateSet({ active: true, minSeverity: body.minSeverity })).execute();
        await recordChange(deps, trx, ctx, { action: 'exchange.channel.added', entityType: 'notification_channel', entityId: row.id, agencyId: unit.agencyId, unitId: unit.id, details: { kind: body.kind, minSeverity: body.minSeverity } });
      });
      return db.selectFrom('notificationChannel').selectAll().where('unitId', '=', unit.id).where('kind', '=', body.kind).where('target', '=', body.target).executeTakeFirstOrThrow();
    },

    async removeChannel(ctx: Ctx, id: string) {
      const channel = await db.selectFrom('notificationChannel').selectAll().where('id', '=', id).executeTakeFirst();
      const unit = channel ? (await unitsById(db, [channel.unitId])).get(channel.unitId) : undefined;
      if (!channel || !unit || !can(ctx.actor, 'exchange.channels.manage', { agencyId: unit.agencyId, path: unit.path })) throw new NotFoundError('Channel');
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('notificationChannel').set({ active: false }).where('id', '=', id).execute();
        await recordChange(deps, trx, ctx, { action: 'exchange.channel.removed', entityType: 'notification_channel', entityId: id, agencyId: unit.agencyId, unitId: unit.id, details: {} });
      });
      return { ok: true as const };
    },
  };
}

export type DeskService = ReturnType<typeof createDeskService>;
