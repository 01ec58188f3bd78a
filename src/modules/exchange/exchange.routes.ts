import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IsoDateTime, listOf, Ok, Uuid } from '../../contracts/common.ts';
import { ChannelBody, ChannelView, ComplianceQuery, ComplianceView, ConfirmBody, EscalateBody, InboxItem, InboxQuery, MessageView, NotificationView, ObligationsQuery, ObligationView, SendMessageBody, UdbDocumentBody, UdbDocumentView, UdbQuery } from '../../contracts/exchange.ts';
import { requireCtx } from '../auth/index.ts';
import { complianceCsv, complianceReportHtml } from './compliance-report.ts';
import type { DeskService } from './desk.service.ts';
import type { MessageService } from './messages.service.ts';
import type { UdbService } from './udb.service.ts';

export async function exchangeRoutes(app: FastifyInstance, { messages, desk, udb }: { messages: MessageService; desk: DeskService; udb: UdbService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['information exchange'];
  r.post('/api/v1/exchange/messages', { schema: { tags, summary: 'Report or send information (urgent, daily, monthly, advance, UDB): judged against the rule pack in force, delivered to the counterparts and units addressed', body: SendMessageBody, response: { 201: MessageView } } },
    async (req, reply) => reply.status(201).send(await messages.send(requireCtx(req), req.body)));
  r.get('/api/v1/exchange/messages', { schema: { tags, summary: 'A desk\'s inbox or outbox, newest first', querystring: InboxQuery, response: { 200: listOf(InboxItem) } } },
    async (req) => ({ items: await messages.inbox(requireCtx(req), req.query) }));
  r.get('/api/v1/exchange/messages/:id', { schema: { tags, summary: 'One message with receipts and clocks; opening it marks it read (audited read)', params: IdParams, response: { 200: MessageView } } },
    async (req) => messages.get(requireCtx(req), req.params.id));
  r.post('/api/v1/exchange/messages/:id/confirmation', { schema: { tags, summary: 'Confirm urgent information in writing (p.5(1): within 2 hours of the oral report under the 2002 pack)', params: IdParams, body: ConfirmBody, response: { 200: MessageView } } },
    async (req) => messages.confirm(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/exchange/messages/:id/acknowledge', { schema: { tags, summary: 'Acknowledge a received message', params: IdParams, response: { 200: MessageView } } },
    async (req) => messages.acknowledge(requireCtx(req), req.params.id));
  r.post('/api/v1/exchange/messages/:id/escalate', { schema: { tags, summary: 'Escalate a message to the next level up of one\'s own side', params: IdParams, body: EscalateBody, response: { 200: MessageView } } },
    async (req) => messages.escalate(requireCtx(req), req.params.id, req.body.note));
  r.get('/api/v1/exchange/obligations', { schema: { tags, summary: 'A desk\'s obligations: owed, owed to it, escalated to it', querystring: ObligationsQuery, response: { 200: listOf(ObligationView) } } },
    async (req) => ({ items: await desk.obligations(requireCtx(req), req.query) }));
  r.get('/api/v1/exchange/compliance', { schema: { tags, summary: 'On-time share per message type and unit, overdue obligations, late written confirmations', querystring: ComplianceQuery, response: { 200: ComplianceView } } },
    async (req) => desk.compliance(requireCtx(req), req.query));
  r.get('/api/v1/exchange/compliance.csv', { schema: { tags, summary: 'Compliance per unit and message type as CSV', querystring: ComplianceQuery, produces: ['text/csv'] } },
    async (req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="compliance-${req.query.from}-${req.query.to}.csv"`).send(complianceCsv(await desk.compliance(requireCtx(req), req.query))));
  r.get('/api/v1/exchange/compliance/report', { schema: { tags, summary: 'The printable compliance report of a month (HTML, Kazakh, Russian or English)', querystring: z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'), unitId: Uuid.optional(), lang: z.enum(['kk', 'ru', 'en']).default('ru') }), produces: ['text/html'] } },
    async (req, reply) => {
      const [y, m] = req.query.month.split('-').map(Number) as [number, number];
      const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      const data = await desk.compliance(requireCtx(req), { from: `${req.query.month}-01`, to, ...(req.query.unitId && { unitId: req.query.unitId }) });
      return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'").header('cache-control', 'no-store').send(complianceReportHtml(data, req.query.month, req.query.lang));
    });

  r.get('/api/v1/notifications', { schema: { tags, summary: 'Notifications of the caller\'s desks, newest first', querystring: z.strictObject({ unseen: z.coerce.boolean().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: listOf(NotificationView) } } },
    async (req) => ({ items: await desk.notifications(requireCtx(req), req.query) }));
  r.post('/api/v1/notifications/:id/seen', { schema: { tags, summary: 'Mark a notification seen', params: IdParams, response: { 200: Ok } } },
    async (req) => desk.markSeen(requireCtx(req), req.params.id));
  r.get('/api/v1/notifications/stream', {
    schema: { tags, summary: 'Live notifications (server-sent events): new ones as they come; the stream ends after `wait` seconds and the browser reconnects', querystring: z.strictObject({ since: IsoDateTime.optional(), wait: z.coerce.number().int().min(0).max(120).default(55) }), produces: ['text/event-stream'] },
  }, async (req, reply) => {
    const ctx = requireCtx(req);
    const first = await desk.notifications(ctx, { limit: 20, ...(req.query.since && { from: new Date(req.query.since) }) });
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    // polled from the last instant seen, inclusive (one sweep writes many notifications at one instant); ids already sent are skipped
    let last = first[0]?.createdAt ?? (req.query.since ? new Date(req.query.since) : new Date(0));
    let sentAtLast = new Set(first.filter((n) => n.createdAt.getTime() === last.getTime()).map((n) => n.id));
    const send = (items: typeof first) => { for (const n of [...items].reverse()) out.write(`id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`); };
    send(first);
    if (req.query.wait === 0) { out.end(); return; }
    out.write('retry: 3000\n\n');
    let busy = false;
    const poll = setInterval(() => {
      if (busy) return;
      busy = true;
      desk.notifications(ctx, { from: last, limit: 50 }).then((found) => {
        const items = found.filter((n) => !(n.createdAt.getTime() === last.getTime() && sentAtLast.has(n.id)));
        if (!items.length) { out.write(': keep-alive\n\n'); return; }
        const newest = items[0]!.createdAt;
        sentAtLast = new Set([...(newest.getTime() === last.getTime() ? sentAtLast : []), ...items.filter((n) => n.createdAt.getTime() === newest.getTime()).map((n) => n.id)]);
        last = newest;
        send(items);
      }).catch(() => out.end()).finally(() => { busy = false; });
    }, 2000);
    const end = setTimeout(() => out.end(), req.query.wait * 1000);
    out.on('close', () => { clearInterval(poll); clearTimeout(end); });
  });
  r.get('/api/v1/notification-channels', { schema: { tags, summary: 'A unit\'s external notification channels (e-mail, webhook)', querystring: z.strictObject({ unitId: Uuid.optional() }), response: { 200: listOf(ChannelView) } } },
    async (req) => ({ items: await desk.channels(requireCtx(req), req.query.unitId) }));
  r.post('/api/v1/notification-channels', { schema: { tags, summary: 'Add an e-mail or webhook channel to a unit\'s desk', body: ChannelBody, response: { 200: ChannelView } } },
    async (req) => desk.addChannel(requireCtx(req), req.body));
  r.post('/api/v1/notification-channels/:id/remove', { schema: { tags, summary: 'Stop a channel', params: IdParams, response: { 200: Ok } } },
    async (req) => desk.removeChannel(requireCtx(req), req.params.id));

  r.post('/api/v1/udb/documents', { schema: { tags, summary: 'Add a document to the Unified Data Bank (attachments stored once by SHA-256)', body: UdbDocumentBody, response: { 201: UdbDocumentView } } },
    async (req, reply) => reply.status(201).send(await udb.create(requireCtx(req), req.body)));
  r.get('/api/v1/udb/documents', { schema: { tags, summary: 'Search the Unified Data Bank (full text, Russian and Kazakh)', querystring: UdbQuery, response: { 200: listOf(UdbDocumentView) } } },
    async (req) => ({ items: await udb.search(requireCtx(req), req.query) }));
  r.get('/api/v1/udb/documents/:id', { schema: { tags, summary: 'One Data Bank document', params: IdParams, response: { 200: UdbDocumentView } } },
    async (req) => udb.get(requireCtx(req), req.params.id));
  r.get('/api/v1/udb/documents/:id/attachments/:sha256', { schema: { tags, summary: 'An attachment of a Data Bank document', params: z.strictObject({ id: Uuid, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex') }) } },
    async (req, reply) => {
      const a = await udb.attachment(requireCtx(req), req.params.id, req.params.sha256);
      return reply.type(a.mediaType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`).header('x-content-type-options', 'nosniff').send(Buffer.from(a.content));
    });
}
