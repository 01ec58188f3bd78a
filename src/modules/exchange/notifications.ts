// Notifications to a unit's desk: in-app (listed, streamed to the browser) and, through
// notification_delivery rows, to the unit's external channels (e-mail over SMTP, webhook). A
// notification's key makes it happen once; deliveries are claimed with SKIP LOCKED by any worker and
// carry the key (webhook `idempotency-key`, e-mail Message-ID) so a receiver can drop a repeat after a
// crash between sending and recording.
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import type { Permission } from '../../platform/permissions.ts';
import type { Severity } from './exchange.tables.ts';

export type NewNotification = { key: string; unitId: string; kind: string; severity: Severity; subjectType: string; subjectId: string | null; payload: Record<string, unknown> };

const RANK: Record<Severity, number> = { info: 0, warning: 1, alarm: 2 };

/** Inserts notifications (each once by key) and their pending deliveries to the units' channels. */
export async function notify(db: Executor, at: Date, items: NewNotification[]): Promise<number> {
  if (!items.length) return 0;
  const rows = items.map((n) => ({ id: newId(), key: n.key, unitId: n.unitId, kind: n.kind, severity: n.severity, subjectType: n.subjectType, subjectId: n.subjectId, payload: JSON.stringify(n.payload), createdAt: at }));
  const inserted = await db.insertInto('notification').values(rows).onConflict((oc) => oc.column('key').doNothing()).returning(['id', 'unitId', 'severity']).execute();
  if (inserted.length) {
    const channels = await db.selectFrom('notificationChannel').select(['id', 'unitId', 'minSeverity']).where('unitId', 'in', [...new Set(inserted.map((n) => n.unitId))]).where('active', '=', true).execute();
    const deliveries = inserted.flatMap((n) => channels.filter((c) => c.unitId === n.unitId && RANK[c.minSeverity] <= RANK[n.severity]).map((c) => ({ notificationId: n.id, channelId: c.id, state: 'pending' as const, attempts: 0, nextAttemptAt: at })));
    if (deliveries.length) await db.insertInto('notificationDelivery').values(deliveries).execute();
  }
  return inserted.length;
}

/** The units whose desk the actor keeps for a permission: each grant's scope unit, else the unit of the principal the actor acts
 * for, else the actor's own unit. A deputy thus receives what the principal would. */
export function deskUnits(actor: Actor, permission: Permission): string[] {
  const units = new Set<string>();
  for (const g of actor.grants) if (g.permissions.has(permission)) { const u = g.scopeUnitId ?? g.actingForUnitId ?? actor.unitId; if (u) units.add(u); }
  return [...units];
}

export type Sender = (channel: { kind: 'email' | 'webhook'; target: string }, message: { key: string; subject: string; text: string; payload: unknown }) => Promise<void>;

/** Sends by SMTP (nodemailer) and webhook (POST JSON, signed with HMAC-SHA256 when a secret is set). */
export function defaultSender(config: Deps['config']): Sender {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  return async (channel, m) => {
    if (channel.kind === 'email') {
      if (!transport) throw new Error('no SMTP server is configured (SHEKARA_SMTP_URL)');
      await transport.sendMail({ from: config.smtpFrom, to: channel.target, subject: m.subject, text: m.text, messageId: `<${m.key.replace(/[^a-zA-Z0-9.:-]/g, '.')}@shekara>` });
      return;
    }
    const body = JSON.stringify(m.payload);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': m.key };
    if (config.webhookSecret) headers['x-shekara-signature'] = `sha256=${crypto.createHmac('sha256', config.webhookSecret).update(body).digest('hex')}`;
    const res = await fetch(channel.target, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  };
}

/** Delivers pending notifications to external channels, `limit` at a time; failures retry with backoff, up to 8 attempts. */
export async function deliverPending(deps: Pick<Deps, 'db' | 'clock'>, send: Sender, limit = 50): Promise<{ sent: number; failed: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const due = await sql<{ notificationId: string; channelId: string; attempts: number; kind: 'email' | 'webhook'; target: string; key: string; nkind: string; severity: string; payload: unknown; createdAt: Date; unitId: string }>`
      select d.notification_id as "notificationId", d.channel_id as "channelId", d.attempts, c.kind, c.target, n.key, n.kind as nkind, n.severity,
        n.payload || coalesce((select jsonb_build_object('owner', jsonb_build_object('kk', u.name_kk, 'ru', u.name_ru, 'en', u.name_en)) from unit u where u.id::text = n.payload->>'ownerUnitId'), '{}'::jsonb) as payload,
        n.created_at as "createdAt", n.unit_id as "unitId"
      from notification_delivery d join notification_channel c on c.id = d.channel_id join notification n on n.id = d.notification_id
      where d.state = 'pending' and d.next_attempt_at <= ${now}
      order by d.next_attempt_at limit ${limit} for update of d skip locked`.execute(trx);
    let sent = 0;
    let failed = 0;
    for (const d of due.rows) {
      const subject = `[Shekara] ${d.severity.toUpperCase()}: ${d.nkind}`;
      try {
        await send({ kind: d.kind, target: d.target }, { key: d.key, subject, text: `${subject}\n\n${JSON.stringify(d.payload, null, 2)}`, payload: { key: d.key, kind: d.nkind, severity: d.severity, unitId: d.unitId, createdAt: d.createdAt, payload: d.payload } });
        await trx.updateTable('notificationDelivery').set({ state: 'sent', sentAt: now, attempts: d.attempts + 1, lastError: null }).where('notificationId', '=', d.notificationId).where('channelId', '=', d.channelId).execute();
        sent += 1;
      } catch (error) {
        const attempts = d.attempts + 1;
        await trx.updateTable('notificationDelivery').set({ state: attempts >= 8 ? 'failed' : 'pending', attempts, lastError: String((error as Error).message).slice(0, 500), nextAttemptAt: new Date(now.getTime() + 30_000 * 2 ** Math.min(attempts, 8)) })
          .where('notificationId', '=', d.notificationId).where('channelId', '=', d.channelId).execute();
        failed += 1;
      }
    }
    return { sent, failed };
  });
}
