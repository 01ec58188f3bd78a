// A unit's custody board and its figures: who and what the unit (and the units below it) holds and since when,
// the acts awaiting its acceptance or the other side's, the measures it owes, open detentions; and the counts
// the agencies reconcile (Instruction 2002 p.9(3)). Reads only; every read is audited.
import { sql } from 'kysely';
import type { Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { ValidationError } from '../../platform/errors.ts';
import { recordRead } from '../audit/index.ts';
import { deskUnit, unitRef, unitsById } from '../exchange/units.ts';
import { forceFindings } from './force.service.ts';


export function createCustodyBoardService(deps: Deps) {
  const { db } = deps;
  /** The unit and every unit below it: a head sees the custody of the posts and shifts under them. */
  const subtreeOf = (unitId: string) => db.selectFrom('unit').select('unit.id').where(sql<boolean>`${unitId}::uuid = any(unit.path)`);
  return {
    /** The figures of a unit (and the units below it) over local dates [from, to], for reconciliation with the other agencies
     * (Instruction 2002 p.9(3)): both sides count the same hand-over acts, so their figures agree by construction, and what
     * differs in substance shows as acts accepted with discrepancies or refused. */
    async statistics(ctx: Ctx, query: { unitId?: string | undefined; from: string; to: string }) {
      const unit = await deskUnit(db, ctx, 'case.read', query.unitId);
      if (query.to < query.from) throw new ValidationError([{ path: 'to', code: 'NOT_AFTER', params: { other: 'from' }, message: 'is before from' }]);
      const subtree = subtreeOf(unit.id);
      const from = new Date(`${query.from}T00:00:00Z`);
      const to = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000);
      const [detentions, sent, received, force] = await Promise.all([
        db.selectFrom('detention').select(['category', (eb) => eb.fn.countAll<number>().as('n')]).where('unitId', 'in', subtree).where('detainedAt', '>=', from).where('detainedAt', '<', to).groupBy('category').execute(),
        db.selectFrom('handoverAct').select(['toAgencyId as agency', 'status', (eb) => eb.fn.countAll<number>().as('n')]).where('fromUnitId', 'in', subtree).where('handedAt', '>=', from).where('handedAt', '<', to).groupBy(['toAgencyId', 'status']).execute(),
        db.selectFrom('handoverAct').select(['fromAgencyId as agency', 'status', (eb) => eb.fn.countAll<number>().as('n')]).where('toUnitId', 'in', subtree).where('handedAt', '>=', from).where('handedAt', '<', to).groupBy(['fromAgencyId', 'status']).execute(),
        db.selectFrom('useOfForceReport as r').leftJoin('obligation as o', (j) => j.on('o.subjectId', '=', sql.ref('r.id')).on('o.kind', '=', 'force.prosecutor'))
          .select(['r.means', 'r.ground', 'r.warning', 'r.noWarningCase', 'r.prohibitions', 'r.exceptionGround', 'o.outcome', 'o.state']).where('r.unitId', 'in', subtree).where('r.usedAt', '>=', from).where('r.usedAt', '<', to).execute(),
      ]);
      return {
        unit: unitRef(unit), from: query.from, to: query.to,
        detentions: detentions.map((d) => ({ category: d.category ?? 'unclassified', count: Number(d.n) })),
        handovers: [...sent.map((h) => ({ direction: 'sent' as const, counterpartAgencyId: h.agency, status: h.status, count: Number(h.n) })), ...received.map((h) => ({ direction: 'received' as const, counterpartAgencyId: h.agency, status: h.status, count: Number(h.n) }))],
        useOfForce: {
          reports: force.length,
          prosecutorLate: force.filter((f) => f.outcome === 'late' || f.state === 'overdue').length,
          withFindings: force.filter((f) => forceFindings({ means: f.means, ground: f.ground, warning: f.warning, noWarningCase: f.noWarningCase as never, prohibitions: f.prohibitions, exceptionGround: f.exceptionGround as never }).length > 0).length,
        },
      };
    },

    /** A unit's custody board: who and what it holds and since when, acts awaiting its acceptance or the other side's, measures it owes. */
    async board(ctx: Ctx, unitId: string | undefined) {
      const unit = await deskUnit(db, ctx, 'case.read', unitId);
      const subtree = subtreeOf(unit.id);
      const [held, incoming, outgoing, due, detentions] = await Promise.all([
        db.selectFrom('custodyItem as i').selectAll('i').select((eb) => eb.exists(eb.selectFrom('handoverLine as l').innerJoin('handoverAct as a', 'a.id', 'l.actId').select('l.actId').whereRef('l.itemId', '=', 'i.id').where('a.status', '=', 'sent')).as('inTransfer'))
          .where('i.custodianUnitId', 'in', subtree).orderBy('i.seizedAt', 'desc').limit(500).execute(),
        db.selectFrom('handoverAct').selectAll().where('toUnitId', 'in', subtree).where('status', '=', 'sent').orderBy('handedAt').execute(),
        db.selectFrom('handoverAct').selectAll().where('fromUnitId', 'in', subtree).orderBy('handedAt', 'desc').limit(50).execute(),
        db.selectFrom('obligation as o').innerJoin('handoverAct as a', 'a.id', 'o.subjectId').select(['a.id', 'a.number', 'o.dueAt', 'o.state']).where('o.unitId', 'in', subtree).where('o.kind', '=', 'case.measures').where('o.state', '<>', 'met').orderBy('o.dueAt').execute(),
        db.selectFrom('detention').selectAll().where('unitId', 'in', subtree).where('status', '=', 'open').orderBy('detainedAt', 'desc').limit(200).execute(),
      ]);
      const units = await unitsById(db, [...incoming.map((a) => a.fromUnitId), ...outgoing.map((a) => a.toUnitId)]);
      await recordRead(deps, ctx, { entityType: 'custody_board', entityIds: [unit.id] });
      return {
        unit: unitRef(unit),
        held: held.map((i) => ({ id: i.id, kind: i.kind, description: i.description, quantity: Number(i.quantity), measure: i.measure, sealNo: i.sealNo, detentionId: i.detentionId, since: i.seizedAt, inTransfer: Boolean(i.inTransfer) })),
        incoming: incoming.map((a) => ({ id: a.id, number: a.number, from: unitRef(units.get(a.fromUnitId)!), handedAt: a.handedAt, basis: a.basis })),
        outgoing: outgoing.map((a) => ({ id: a.id, number: a.number, to: unitRef(units.get(a.toUnitId)!), handedAt: a.handedAt, basis: a.basis, status: a.status })),
        measuresDue: due.map((d) => ({ actId: d.id, number: d.number, dueAt: d.dueAt, state: d.state })),
        detentions: detentions.map((d) => { const p = d.person as { surname?: string; givenNames?: string }; return { id: d.id, person: d.unidentified ? `— ${d.description ?? ''}` : `${p.surname ?? ''} ${p.givenNames ?? ''}`.trim(), category: d.category, detainedAt: d.detainedAt, heldAt: d.heldAt, status: d.status }; }),
      };
    },
  };
}
export type CustodyBoardService = ReturnType<typeof createCustodyBoardService>;
