import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IsoDateTime, listOf, Timestamp, Uuid } from '../../contracts/common.ts';
import { requireCtx } from '../auth/index.ts';
import type { AuditService } from './audit.service.ts';

const AuditEventView = z.object({
  id: Uuid, chain: z.string(), seq: z.number(), occurredAt: Timestamp, actorUserId: Uuid.nullable(), actorUsername: z.string().nullable(),
  agencyId: Uuid.nullable(), unitId: Uuid.nullable(), action: z.string(), entityType: z.string().nullable(), entityId: z.string().nullable(),
  correlationId: z.string().nullable(), ip: z.string().nullable(), details: z.record(z.string(), z.unknown()), hash: z.string(),
});
const AuditQuery = z.strictObject({
  action: z.string().max(100).optional().describe('Prefix, e.g. "auth." or "org.unit"'),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: Uuid.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeTime: IsoDateTime.optional().describe('Keyset paging: occurredAt of the last row seen'),
  beforeId: Uuid.optional(),
});
const VerifyView = z.object({
  chains: z.array(z.object({ chain: z.string(), rows: z.number(), ok: z.boolean() })),
  firstBreak: z.object({ chain: z.string(), seq: z.number(), id: z.string().nullable(), problem: z.string() }).nullable(),
});

export async function auditRoutes(app: FastifyInstance, { audit }: { audit: AuditService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/audit-events', { schema: { tags: ['audit'], summary: 'The audit trail, newest first', querystring: AuditQuery, response: { 200: listOf(AuditEventView) } } },
    async (req) => {
      const q = req.query;
      const items = await audit.list(requireCtx(req), {
        action: q.action, entityType: q.entityType, entityId: q.entityId, actorUserId: q.actorUserId, limit: q.limit,
        from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined,
        before: q.beforeTime && q.beforeId ? { occurredAt: new Date(q.beforeTime), id: q.beforeId } : undefined,
      });
      return { items };
    });
  r.get('/api/v1/audit-events/verify', { schema: { tags: ['audit'], summary: 'Recompute the hash chains; report the first broken link', response: { 200: VerifyView } } },
    async (req) => audit.verify(requireCtx(req)));
}
