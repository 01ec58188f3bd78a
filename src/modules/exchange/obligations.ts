// A general obligations engine: who owes what to whom, by when (and from when), judged by which rule
// pack. The sweep walks due rows in bounded batches (FOR UPDATE SKIP LOCKED): it warns before the due
// time, and after it marks the obligation overdue and escalates to the next level up, notifying the
// owner, the counterpart side and the escalation unit. Clocks live in obligation_clock, so the
// obligation row itself is updated in place (HOT). Notifications carry unique keys, so a sweep run
// twice, or by two workers at once, notifies once.
import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { judge, type Window } from './clocks.ts';

export type NewObligation = {
  key: string; kind: string; unitId: string; agencyId: string; counterpartUnitId?: string | null; subjectId?: string | null;
  period?: string | null; rulePackId: string | null; window: Window;
};

/** Inserts obligations that do not exist yet (by key), with their clocks; returns how many were new. */
export async function createObligations(db: Executor, at: Date, items: NewObligation[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < items.length; i += 1000) {
    const rows = items.slice(i, i + 1000).map((o) => ({
      id: newId(), key: o.key, kind: o.kind, unitId: o.unitId, agencyId: o.agencyId, counterpartUnitId: o.counterpartUnitId ?? null, subjectId: o.subjectId ?? null,
      period: o.period ?? null, rulePackId: o.rulePackId, rule: o.window.rule, opensAt: o.window.opensAt, dueAt: o.window.dueAt, warnAt: o.window.warnAt,
      state: 'open' as const, stage: 'none' as const, createdAt: at,
    }));
    const inserted = await db.insertInto('obligation').values(rows).onConflict((oc) => oc.column('key').doNothing()).returning(['id', 'warnAt', 'dueAt']).execute();
    if (inserted.length) {
      await db.insertInto('obligationClock').values(inserted.map((o) => ({ obligationId: o.id, dueAt: o.dueAt, nextCheckAt: o.warnAt && o.warnAt < o.dueAt ? o.warnAt : new Date(o.dueAt.getTime() + 1) }))).execute();
    }
    created += inserted.length;
  }
  return created;
}

/** Marks an open or overdue obligation met by `messageId` at `at`, judged by its own window; null if none is open. The clock row
 * is taken first, as the sweep takes it, so the two never wait on each other in opposite order. */
export async function fulfil(db: Executor, key: string, at: Date, messageId: string | null) {
  const found = await db.selectFrom('obligation').select('id').where('key', '=', key).executeTakeFirst();
  if (!found) return null;
  await db.deleteFrom('obligationClock').where('obligationId', '=', found.id).execute();
  const row = await db.selectFrom('obligation').select(['id', 'opensAt', 'dueAt', 'rule', 'state']).where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
  if (row.state === 'met') return null;
  const { timing } = judge(at, { opensAt: row.opensAt, dueAt: row.dueAt, warnAt: null, rule: row.rule });
  await db.updateTable('obligation').set({ state: 'met', outcome: timing, fulfilledAt: at, fulfilledByMessageId: messageId }).where('id', '=', row.id).execute();
  return { id: row.id, outcome: timing };
}

export type SweepResult = { escalated: number; warned: number; notifications: number; batches: number };

/** One sweep: every obligation whose check time has come, in batches of `batch`, at most `maxBatches` per lane. `parallel`
 * lanes take batches side by side (SKIP LOCKED keeps them apart); on the embedded database they simply take turns. */
export async function sweep(db: Db, now: Date, options: { batch?: number; maxBatches?: number; parallel?: number } = {}): Promise<SweepResult> {
  const batch = options.batch ?? 2500;
  const maxBatches = options.maxBatches ?? 1000;
  const result: SweepResult = { escalated: 0, warned: 0, notifications: 0, batches: 0 };
  for (const step of [escalateBatch, warnBatch]) {
    const lane = async () => {
      for (let i = 0; i < maxBatches; i += 1) {
        const { rows, notifications } = await db.transaction().execute((trx) => step(trx, now, batch));
        result.batches += 1;
        result.notifications += notifications;
        if (step === escalateBatch) result.escalated += rows; else result.warned += rows;
        if (rows < batch) break;
      }
    };
    await Promise.all(Array.from({ length: options.parallel ?? 2 }, lane));
  }
  return result;
}

const notifyAndDeliver = (now: Date) => sql`
  ins as (
    insert into notification (id, key, unit_id, kind, severity, subject_type, subject_id, payload, created_at)
    select shekara_uuid_v7(), 'obligation:' || md5(t.id || t.kind || t.target), t.target, t.kind, t.severity, 'obligation', t.id,
      jsonb_build_object('obligationKind', t.obligation_kind, 'ownerUnitId', t.unit_id, 'counterpartUnitId', t.counterpart_unit_id, 'subjectId', t.subject_id, 'dueAt', t.due_at, 'period', t.period), ${now}
    from targets t
    on conflict (key) do nothing
    returning id, unit_id, severity
  ), deliveries as (
    insert into notification_delivery (notification_id, channel_id, state, attempts, next_attempt_at)
    select ins.id, c.id, 'pending', 0, ${now} from ins join notification_channel c on c.unit_id = ins.unit_id and c.active
      and (case c.min_severity when 'info' then 0 when 'warning' then 1 else 2 end) <= (case ins.severity when 'info' then 0 when 'warning' then 1 else 2 end)
    returning notification_id
  )
  select (select count(*) from upd)::int as rows, (select count(*) from ins)::int as notifications, (select count(*) from deliveries)::int as deliveries`;

async function escalateBatch(db: Executor, now: Date, batch: number) {
  const r = await sql<{ rows: number; notifications: number }>`
    with due as (
      select obligation_id as id from obligation_clock where next_check_at <= ${now} and due_at < ${now}
      order by next_check_at limit ${batch} for update skip locked
    ), gone as (
      delete from obligation_clock c using due where c.obligation_id = due.id returning c.obligation_id as id
    ), upd as (
      update obligation o set state = 'overdue', stage = 'escalated', escalated_at = ${now}, escalated_to_unit_id = u.parent_id
      from gone, unit u where o.id = gone.id and u.id = o.unit_id
      returning o.id, o.kind, o.unit_id, o.counterpart_unit_id, o.subject_id, o.escalated_to_unit_id, o.due_at, o.period, o.rule
    ), targets as (
      select id, kind as obligation_kind, unit_id, counterpart_unit_id, subject_id, due_at, period, rule, unit_id as target, 'obligation.overdue' as kind, 'alarm' as severity from upd
      union all
      select id, kind, unit_id, counterpart_unit_id, subject_id, due_at, period, rule, counterpart_unit_id, 'obligation.overdue_counterpart', 'warning' from upd where counterpart_unit_id is not null
      union all
      select upd.id, upd.kind, upd.unit_id, upd.counterpart_unit_id, upd.subject_id, upd.due_at, upd.period, upd.rule, r.unit_id, 'obligation.overdue_counterpart', 'warning'
        from upd join exchange_recipient r on r.message_id = upd.subject_id where upd.counterpart_unit_id is null
      union all
      select id, kind, unit_id, counterpart_unit_id, subject_id, due_at, period, rule, escalated_to_unit_id, 'obligation.escalated', 'alarm' from upd where escalated_to_unit_id is not null
    ), ${notifyAndDeliver(now)}`.execute(db);
  return r.rows[0] ?? { rows: 0, notifications: 0 };
}

async function warnBatch(db: Executor, now: Date, batch: number) {
  const r = await sql<{ rows: number; notifications: number }>`
    with due as (
      select obligation_id as id from obligation_clock where next_check_at <= ${now} and due_at >= ${now}
      order by next_check_at limit ${batch} for update skip locked
    ), moved as (
      update obligation_clock c set next_check_at = c.due_at + interval '1 millisecond' from due
      where c.obligation_id = due.id returning c.obligation_id as id
    ), upd as (
      update obligation o set stage = 'warned' from moved where o.id = moved.id
      returning o.id, o.kind, o.unit_id, o.counterpart_unit_id, o.subject_id, o.due_at, o.period, o.rule
    ), targets as (
      select id, kind as obligation_kind, unit_id, counterpart_unit_id, subject_id, due_at, period, rule, unit_id as target, 'obligation.due_soon' as kind, 'warning' as severity from upd
    ), ${notifyAndDeliver(now)}`.execute(db);
  return r.rows[0] ?? { rows: 0, notifications: 0 };
}
