// Messages and obligations as the API shows them.
import type { Selectable } from 'kysely';
import type { ExchangeMessageTable, ExchangeRecipientTable, ObligationTable } from './exchange.tables.ts';
import { unitRef, type UnitInfo } from './units.ts';

export function presentObligation(o: Selectable<ObligationTable>, units: Map<string, UnitInfo>) {
  const ref = (id: string | null) => (id && units.get(id) ? unitRef(units.get(id)!) : null);
  return {
    id: o.id, kind: o.kind, unit: ref(o.unitId)!, counterpart: ref(o.counterpartUnitId), escalatedTo: ref(o.escalatedToUnitId), subjectId: o.subjectId, period: o.period,
    rule: o.rule, rulePackId: o.rulePackId, opensAt: o.opensAt, dueAt: o.dueAt, state: o.state, stage: o.stage, escalatedAt: o.escalatedAt, fulfilledAt: o.fulfilledAt, outcome: o.outcome,
  };
}

export function presentMessage(
  m: Selectable<ExchangeMessageTable>, recipients: Selectable<ExchangeRecipientTable>[], units: Map<string, UnitInfo>,
  confirmation: { id: string; reportedAt: Date; timing: string } | null, obligations: Selectable<ObligationTable>[], mine: Selectable<ExchangeRecipientTable> | null,
) {
  return {
    id: m.id, type: m.type, subject: m.subject, sender: unitRef(units.get(m.senderUnitId)!), sentBy: m.sentBy, channel: m.channel, reportedAt: m.reportedAt, toldBy: m.toldBy, toldTo: m.toldTo,
    summary: m.summary, body: m.body as Record<string, unknown>, confirmsId: m.confirmsId, period: m.period, effectiveOn: m.effectiveOn ? String(m.effectiveOn) : null, timing: m.timing, timingRule: m.timingRule, rulePackId: m.rulePackId,
    recipients: recipients.map((r) => ({ unit: unitRef(units.get(r.unitId)!), via: r.via, deliveredAt: r.deliveredAt, readAt: r.readAt, acknowledgedAt: r.acknowledgedAt })),
    confirmation: confirmation ? { id: confirmation.id, reportedAt: confirmation.reportedAt, timing: confirmation.timing as never } : null,
    obligations: obligations.map((o) => presentObligation(o, units)),
    mine: mine ? { unitId: mine.unitId, readAt: mine.readAt, acknowledgedAt: mine.acknowledgedAt } : null,
  };
}

export type InboxRow = {
  id: string; type: string; subject: string | null; senderUnitId: string; summary: string; reportedAt: Date; timing: string; deliveredAt: Date;
  readAt: Date | null; acknowledgedAt: Date | null; confirmationId: string | null; confirmState: string | null;
};

/** A line of an inbox or outbox; an urgent message shows whether its written confirmation came, is awaited or is overdue. */
export function presentInboxRow(r: InboxRow, sender: UnitInfo) {
  return {
    id: r.id, type: r.type as Selectable<ExchangeMessageTable>['type'], subject: r.subject, sender: unitRef(sender), summary: r.summary, reportedAt: r.reportedAt,
    timing: r.timing as Selectable<ExchangeMessageTable>['timing'], deliveredAt: r.deliveredAt, readAt: r.readAt, acknowledgedAt: r.acknowledgedAt,
    confirmationState: r.type !== 'urgent' ? null : r.confirmationId ? ('confirmed' as const) : r.confirmState === 'overdue' ? ('overdue' as const) : ('awaiting' as const),
  };
}
