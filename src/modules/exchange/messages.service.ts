// Messages between the duty desks of the interacting agencies (Instruction 2002 p.5): each is judged
// against the window of the rule pack in force, fulfils the obligations it answers, is delivered to the
// counterpart units (p.8) and any unit addressed ad hoc, and opens the clocks that follow from it (the
// written confirmation of urgent information, the recipients' acknowledgements).
import type { z } from 'zod';
import type { ConfirmBody, InboxQuery, SendMessageBody } from '../../contracts/exchange.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, DomainError, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Permission } from '../../platform/permissions.ts';
import { recordChange, recordRead } from '../audit/index.ts';
import { acknowledgeWindow, advanceWindow, confirmationWindow, dailyWindow, halfYearOf, halfYearWindow, judge, localParts, monthlyPeriodFor, monthlyWindow, type Window } from './clocks.ts';
import type { Insertable } from 'kysely';
import type { ExchangeMessageTable } from './exchange.tables.ts';
import { EXCHANGE_PACK_CODE, type ExchangeRules } from './rules.ts';
import { createObligations, fulfil, type NewObligation } from './obligations.ts';
import { notify } from './notifications.ts';
import { presentInboxRow, presentMessage, type InboxRow } from './present.ts';
import { counterpartsOf, deskUnit, exchangeRulesAt, unitsById, type UnitInfo } from './units.ts';

type Body = z.infer<typeof SendMessageBody>;
const DAY = 86_400_000;

export function createMessageService(deps: Deps) {
  const { db, clock } = deps;
  /** The user who acts (null for the command line, which is no user). */
  const userOf = (ctx: Ctx) => (ctx.actor.via === 'cli' ? null : ctx.actor.userId);

  /** The window a message answers and the obligation keys it fulfils (per recipient), from the pack in force. */
  function windowOf(body: Body, rules: ExchangeRules, sender: UnitInfo, at: Date): { window: Window | null; period: string | null; keys: (recipient: string) => string | null } {
    const local = localParts(at, sender.timeZone);
    switch (body.type) {
      case 'daily':
        return { window: dailyWindow(local.date, sender.timeZone, rules.daily), period: local.date, keys: (r) => `exchange.daily:${sender.id}:${r}:${local.date}` };
      case 'monthly': {
        const period = body.period ?? monthlyPeriodFor(local.date);
        return { window: monthlyWindow(period, sender.timeZone, rules.monthly), period, keys: (r) => `exchange.monthly:${sender.id}:${r}:${period}` };
      }
      case 'udb': {
        const period = body.period ?? halfYearOf(local.date);
        return { window: halfYearWindow(period, sender.timeZone, rules.udb), period, keys: () => `exchange.udb:${sender.id}:${period}` };
      }
      case 'advance':
        return { window: advanceWindow(body.effectiveOn!, sender.timeZone, rules.advance), period: null, keys: () => null };
      default:
        return { window: null, period: null, keys: () => null };
    }
  }

  async function loadMessage(executor: Executor, id: string) {
    return executor.selectFrom('exchangeMessage').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A message the actor may see with `permission`: sent by a unit in their scope, or delivered to one. Otherwise 404. */
  async function visible(ctx: Ctx, id: string, permission: Permission, executor: Executor = db) {
    const message = await loadMessage(executor, id);
    if (!message) throw new NotFoundError('Message');
    const recipients = await executor.selectFrom('exchangeRecipient').selectAll().where('messageId', '=', id).execute();
    const units = await unitsById(executor, [message.senderUnitId, ...recipients.map((r) => r.unitId)]);
    const inScope = (unitId: string) => { const u = units.get(unitId)!; return can(ctx.actor, permission, { agencyId: u.agencyId, path: u.path }); };
    const asSender = inScope(message.senderUnitId);
    const myRecipients = recipients.filter((r) => inScope(r.unitId));
    if (!asSender && myRecipients.length === 0) throw new NotFoundError('Message');
    return { message, recipients, units, asSender, myRecipients };
  }

  async function view(ctx: Ctx, id: string, executor: Executor = db) {
    const { message, recipients, units, myRecipients } = await visible(ctx, id, 'exchange.read', executor);
    const confirmation = message.type === 'urgent' ? await executor.selectFrom('exchangeMessage').select(['id', 'reportedAt', 'timing']).where('confirmsId', '=', id).executeTakeFirst() : undefined;
    const obligations = await executor.selectFrom('obligation').selectAll().where('subjectId', '=', id).orderBy('dueAt').execute();
    const more = await unitsById(executor, obligations.flatMap((o) => [o.unitId, o.counterpartUnitId, o.escalatedToUnitId].filter((x): x is string => Boolean(x))));
    for (const [k, v] of more) units.set(k, v);
    return presentMessage(message, recipients, units, confirmation ?? null, obligations, myRecipients[0] ?? null);
  }

  return {
    /** Records a report or notice, judges it, delivers it and opens the clocks that follow from it. */
    async send(ctx: Ctx, body: Body) {
      const id = body.id ?? newId();
      const existing = await db.selectFrom('exchangeMessage').select(['id', 'sentBy']).where('id', '=', id).executeTakeFirst();
      if (existing) {
        if (existing.sentBy !== userOf(ctx)) throw new ConflictError('A different message has this id.', [{ path: 'id', code: 'ALREADY_USED', message: 'already used' }]);
        return view(ctx, id);
      }
      const sender = await deskUnit(db, ctx, 'exchange.send', body.unitId);
      const now = clock.now();
      const at = body.reportedAt ? new Date(body.reportedAt) : now;
      const problems: FieldProblem[] = [];
      if (at.getTime() > now.getTime() + 5 * 60_000) problems.push({ path: 'reportedAt', code: 'IN_FUTURE', message: 'is in the future' });
      if (at.getTime() < now.getTime() - 31 * DAY) problems.push({ path: 'reportedAt', code: 'TOO_OLD', params: { days: 31 }, message: 'is more than 31 days ago' });
      // whom it goes to: the counterparts of the sender's level, and units addressed ad hoc
      const counterparts = body.counterparts ? await counterpartsOf(db, sender.id) : [];
      const adHoc = await unitsById(db, body.to);
      body.to.forEach((u, i) => { if (!adHoc.has(u)) problems.push({ path: `to.${i}`, code: 'UNKNOWN', message: 'no such unit' }); else if (u === sender.id) problems.push({ path: `to.${i}`, code: 'IS_OWN_UNIT', message: 'is the sending unit' }); });
      const recipients = new Map<string, { unit: UnitInfo; via: 'counterpart' | 'ad_hoc' }>();
      for (const u of counterparts) recipients.set(u.id, { unit: u, via: 'counterpart' });
      for (const u of adHoc.values()) if (u.id !== sender.id && !recipients.has(u.id)) recipients.set(u.id, { unit: u, via: 'ad_hoc' });
      if (recipients.size === 0 && !problems.some((p) => p.path.startsWith('to'))) problems.push({ path: 'to', code: 'NO_ADDRESSEE', params: { counterparts: Boolean(body.counterparts) }, message: body.counterparts ? 'the sending unit has no counterpart units: address units in "to"' : 'address at least one unit' });
      if (body.migrant && !(await db.selectFrom('checkpoint').select('id').where('id', '=', body.migrant.checkpointId).executeTakeFirst())) problems.push({ path: 'migrant.checkpointId', code: 'UNKNOWN', message: 'no such checkpoint' });
      if (body.documents.length) {
        const docs = await db.selectFrom('udbDocument').select(['id', 'ownerAgencyId']).where('id', 'in', body.documents).execute();
        body.documents.forEach((d, i) => { const doc = docs.find((x) => x.id === d); if (!doc || doc.ownerAgencyId !== sender.agencyId) problems.push({ path: `documents.${i}`, code: 'UNKNOWN', message: 'no Data Bank document of the sending agency has this id' }); });
      }
      if (problems.length) throw new ValidationError(problems);

      const local = localParts(at, sender.timeZone);
      const pack = await exchangeRulesAt(db, local.date);
      const answer = pack ? windowOf(body, pack.content, sender, at) : { window: null, period: body.period ?? null, keys: () => null };
      const judged = answer.window ? judge(at, answer.window) : null;
      const timing = body.type === 'urgent' ? 'unjudged' : (judged?.timing ?? 'unjudged');
      const timingRule = !pack ? `no ${EXCHANGE_PACK_CODE} rule pack is in force on ${local.date}` : body.type === 'urgent' ? `${pack.content.urgent.basis}: told immediately (when the fact came to light is not recorded)` : (judged?.rule ?? null);
      const row: Insertable<ExchangeMessageTable> = {
        id, type: body.type, subject: body.subject ?? null, senderUnitId: sender.id, senderAgencyId: sender.agencyId, sentBy: userOf(ctx), channel: body.channel, reportedAt: at,
        toldBy: body.toldBy ?? null, toldTo: body.toldTo ?? null, summary: body.summary,
        body: JSON.stringify({ ...(body.migrant && { migrant: body.migrant }), ...(body.sections && { sections: body.sections }), ...(body.expulsion && { expulsion: body.expulsion }), ...(body.documents.length && { documents: body.documents }) }),
        confirmsId: null, period: answer.period, effectiveOn: body.effectiveOn ?? null, rulePackId: pack?.id ?? null, timing, timingRule, createdAt: now,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('exchangeMessage').values(row).execute();
        await trx.insertInto('exchangeRecipient').values([...recipients.values()].map((r) => ({ messageId: id, unitId: r.unit.id, agencyId: r.unit.agencyId, via: r.via, deliveredAt: now, readAt: null, readBy: null, acknowledgedAt: null, acknowledgedBy: null }))).execute();
        // the obligations this message answers
        const fulfilled: string[] = [];
        for (const r of recipients.keys()) {
          const key = answer.keys(r);
          if (key && (await fulfil(trx, key, at, id))) fulfilled.push(key);
        }
        // the clocks it opens
        const clocks: NewObligation[] = [];
        if (pack && body.type === 'urgent') clocks.push({ key: `exchange.urgent.confirm:${id}`, kind: 'exchange.urgent.confirm', unitId: sender.id, agencyId: sender.agencyId, subjectId: id, rulePackId: pack.id, window: confirmationWindow(at, pack.content.urgent) });
        for (const r of recipients.values()) {
          const w = pack ? acknowledgeWindow(now, body.type === 'urgent' ? 'urgent' : body.type === 'daily' ? 'oral' : 'written', pack.content.acknowledge) : null;
          if (w) clocks.push({ key: `exchange.ack:${id}:${r.unit.id}`, kind: 'exchange.ack', unitId: r.unit.id, agencyId: r.unit.agencyId, counterpartUnitId: sender.id, subjectId: id, rulePackId: pack!.id, window: w });
        }
        await createObligations(trx, now, clocks);
        await notify(trx, now, [...recipients.values()].map((r) => ({
          key: `message:${id}:${r.unit.id}`, unitId: r.unit.id, kind: 'message.received', severity: body.type === 'urgent' ? 'alarm' as const : 'info' as const, subjectType: 'exchange_message', subjectId: id,
          payload: { type: body.type, subject: body.subject ?? null, summary: body.summary.slice(0, 200), sender: sender.names, senderUnitId: sender.id },
        })));
        await recordChange(deps, trx, ctx, { action: `exchange.${body.type}.sent`, entityType: 'exchange_message', entityId: id, agencyId: sender.agencyId, unitId: sender.id, details: { subject: body.subject ?? null, recipients: [...recipients.keys()], timing, fulfilled } });
      });
      return view(ctx, id);
    },

    /** The written confirmation of urgent information (p.5(1)): due within the pack's time of the oral report. */
    async confirm(ctx: Ctx, id: string, body: z.infer<typeof ConfirmBody>) {
      const confirmationId = body.id ?? newId();
      const again = await db.selectFrom('exchangeMessage').select(['id', 'confirmsId', 'sentBy']).where('id', '=', confirmationId).executeTakeFirst();
      if (again) {
        if (again.confirmsId !== id || again.sentBy !== userOf(ctx)) throw new ConflictError('A different message has this id.', [{ path: 'id', code: 'ALREADY_USED', message: 'already used' }]);
        return view(ctx, id);
      }
      const { message, recipients, units, asSender } = await visible(ctx, id, 'exchange.send');
      if (!asSender) throw new NotFoundError('Message');
      if (message.type !== 'urgent') throw new DomainError('NOT_URGENT', 422, `Only urgent information is confirmed in writing; this message is ${message.type === 'urgent_confirmation' ? 'itself a written confirmation' : `${message.type} information`}.`, [{ path: 'id', code: 'NOT_URGENT', params: { type: message.type }, message: `is a ${message.type} message` }], { type: message.type });
      const now = clock.now();
      const at = body.confirmedAt ? new Date(body.confirmedAt) : now;
      if (at.getTime() > now.getTime() + 5 * 60_000) throw new ValidationError([{ path: 'confirmedAt', code: 'IN_FUTURE', message: 'is in the future' }]);
      if (at < message.reportedAt) throw new ValidationError([{ path: 'confirmedAt', code: 'NOT_AFTER', params: { other: 'reportedAt' }, message: 'is before the oral report' }]);
      const sender = units.get(message.senderUnitId)!;
      await db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('exchangeMessage').select('id').where('confirmsId', '=', id).executeTakeFirst()) throw new ConflictError('This urgent information is already confirmed in writing.', [{ path: 'id', code: 'ALREADY_CONFIRMED', message: 'already confirmed' }]);
        const obligation = await trx.selectFrom('obligation').select(['rule', 'rulePackId']).where('key', '=', `exchange.urgent.confirm:${id}`).executeTakeFirst();
        await trx.insertInto('exchangeMessage').values({
          id: confirmationId, type: 'urgent_confirmation', subject: message.subject, senderUnitId: message.senderUnitId, senderAgencyId: message.senderAgencyId, sentBy: userOf(ctx), channel: body.channel,
          reportedAt: at, toldBy: null, toldTo: null, summary: body.summary, body: JSON.stringify({}), confirmsId: id, period: null, effectiveOn: null,
          rulePackId: obligation?.rulePackId ?? null, timing: 'unjudged', timingRule: obligation?.rule ?? 'no rule pack was in force when the oral report was made', createdAt: now,
        }).execute();
        const met = await fulfil(trx, `exchange.urgent.confirm:${id}`, at, confirmationId);
        if (met) await trx.updateTable('exchangeMessage').set({ timing: met.outcome }).where('id', '=', confirmationId).execute();
        await trx.insertInto('exchangeRecipient').values(recipients.map((r) => ({ messageId: confirmationId, unitId: r.unitId, agencyId: r.agencyId, via: r.via, deliveredAt: now, readAt: null, readBy: null, acknowledgedAt: null, acknowledgedBy: null }))).execute();
        await notify(trx, now, recipients.map((r) => ({ key: `message:${confirmationId}:${r.unitId}`, unitId: r.unitId, kind: 'message.confirmed', severity: 'info' as const, subjectType: 'exchange_message', subjectId: id, payload: { type: 'urgent_confirmation', subject: message.subject, summary: body.summary.slice(0, 200), sender: sender.names, senderUnitId: sender.id } })));
        await recordChange(deps, trx, ctx, { action: 'exchange.urgent.confirmed', entityType: 'exchange_message', entityId: id, agencyId: message.senderAgencyId, unitId: message.senderUnitId, details: { confirmation: confirmationId, timing: met?.outcome ?? 'unjudged' } });
      });
      return view(ctx, id);
    },

    /** A recipient acknowledges: read and acknowledged receipts, and the acknowledgement clock is met. */
    async acknowledge(ctx: Ctx, id: string) {
      const { myRecipients } = await visible(ctx, id, 'exchange.acknowledge');
      if (myRecipients.length === 0) throw new NotFoundError('Message');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        for (const r of myRecipients.filter((x) => !x.acknowledgedAt)) {
          await trx.updateTable('exchangeRecipient').set({ acknowledgedAt: now, acknowledgedBy: userOf(ctx), readAt: r.readAt ?? now, readBy: r.readBy ?? userOf(ctx) }).where('messageId', '=', id).where('unitId', '=', r.unitId).execute();
          await fulfil(trx, `exchange.ack:${id}:${r.unitId}`, now, null);
          await recordChange(deps, trx, ctx, { action: 'exchange.acknowledged', entityType: 'exchange_message', entityId: id, agencyId: r.agencyId, unitId: r.unitId, details: {} });
        }
      });
      return view(ctx, id);
    },

    /** Forwards the message to the next level up of the actor's side, with a note. */
    async escalate(ctx: Ctx, id: string, note: string) {
      const { message, units, asSender, myRecipients } = await visible(ctx, id, 'exchange.send');
      const from = asSender ? units.get(message.senderUnitId)! : units.get(myRecipients[0]!.unitId)!;
      if (!from.parentId) throw new DomainError('TOP_LEVEL', 409, 'This unit is at the top of its agency: there is no level above to escalate to.');
      const parent = (await unitsById(db, [from.parentId])).get(from.parentId)!;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('exchangeRecipient').values({ messageId: id, unitId: parent.id, agencyId: parent.agencyId, via: 'escalation', deliveredAt: now, readAt: null, readBy: null, acknowledgedAt: null, acknowledgedBy: null })
          .onConflict((oc) => oc.columns(['messageId', 'unitId']).doNothing()).execute();
        await notify(trx, now, [{ key: `escalation:${id}:${parent.id}`, unitId: parent.id, kind: 'message.escalated', severity: 'alarm', subjectType: 'exchange_message', subjectId: id, payload: { type: message.type, subject: message.subject, summary: message.summary.slice(0, 200), from: from.names, fromUnitId: from.id, note } }]);
        await recordChange(deps, trx, ctx, { action: 'exchange.escalated', entityType: 'exchange_message', entityId: id, agencyId: from.agencyId, unitId: from.id, details: { to: parent.id, note } });
      });
      return view(ctx, id);
    },

    /** One message with its receipts and clocks; opening it marks it read for the actor's recipient units (audited read). */
    async get(ctx: Ctx, id: string) {
      const { myRecipients } = await visible(ctx, id, 'exchange.read');
      const unread = myRecipients.filter((r) => !r.readAt);
      if (unread.length) await db.updateTable('exchangeRecipient').set({ readAt: clock.now(), readBy: userOf(ctx) }).where('messageId', '=', id).where('unitId', 'in', unread.map((r) => r.unitId)).where('readAt', 'is', null).execute();
      await recordRead(deps, ctx, { entityType: 'exchange_message', entityIds: [id] });
      return view(ctx, id);
    },

    /** A desk's inbox (delivered to the unit) or outbox (sent by it), newest first, paged by time. */
    async inbox(ctx: Ctx, query: z.infer<typeof InboxQuery>) {
      const unit = await deskUnit(db, ctx, 'exchange.read', query.unitId);
      const before = query.before ? new Date(query.before) : null;
      if (query.box === 'in') {
        let q = db.selectFrom('exchangeRecipient as r').innerJoin('exchangeMessage as m', 'm.id', 'r.messageId')
          .select(['m.id', 'm.type', 'm.subject', 'm.senderUnitId', 'm.summary', 'm.reportedAt', 'm.timing', 'r.deliveredAt', 'r.readAt', 'r.acknowledgedAt'])
          .select((eb) => eb.selectFrom('exchangeMessage as c').select('c.id').whereRef('c.confirmsId', '=', 'm.id').as('confirmationId'))
          .select((eb) => eb.selectFrom('obligation as o').select('o.state').whereRef('o.subjectId', '=', 'm.id').where('o.kind', '=', 'exchange.urgent.confirm').limit(1).as('confirmState'))
          .where('r.unitId', '=', unit.id);
        if (query.type) q = q.where('m.type', '=', query.type);
        if (query.unacknowledged) q = q.where('r.acknowledgedAt', 'is', null);
        if (before) q = q.where('r.deliveredAt', '<', before);
        return present(await q.orderBy('r.deliveredAt', 'desc').orderBy('r.messageId', 'desc').limit(query.limit).execute());
      }
      let q = db.selectFrom('exchangeMessage as m')
        .select(['m.id', 'm.type', 'm.subject', 'm.senderUnitId', 'm.summary', 'm.reportedAt', 'm.timing', 'm.createdAt as deliveredAt'])
        .select((eb) => eb.selectFrom('exchangeMessage as c').select('c.id').whereRef('c.confirmsId', '=', 'm.id').as('confirmationId'))
        .select((eb) => eb.selectFrom('obligation as o').select('o.state').whereRef('o.subjectId', '=', 'm.id').where('o.kind', '=', 'exchange.urgent.confirm').limit(1).as('confirmState'))
        .where('m.senderUnitId', '=', unit.id);
      if (query.type) q = q.where('m.type', '=', query.type);
      if (before) q = q.where('m.reportedAt', '<', before);
      const rows = await q.orderBy('m.reportedAt', 'desc').orderBy('m.id', 'desc').limit(query.limit).execute();
      return present(rows.map((r) => ({ ...r, readAt: null, acknowledgedAt: null })));

      async function present(rows: InboxRow[]) {
        const units = await unitsById(db, rows.map((r) => r.senderUnitId));
        return rows.map((r) => presentInboxRow(r, units.get(r.senderUnitId)!));
      }
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
