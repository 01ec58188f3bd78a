import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DemoUsersView } from '../../contracts/auth.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { pendingMigrations } from '../../platform/migrate.ts';
import { writeJoinerStats } from '../audit/index.ts';
import { DEMO_PASSWORD, listDemoUsers } from '../../demo/index.ts';

/** Health, readiness, metrics and the sign-in page's demo-user list. */
export async function systemRoutes(app: FastifyInstance, { deps, metrics }: { deps: Deps; metrics: Metrics }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  metrics.gauge('shekara_outbox_pending', 'Outbox events not yet delivered', async () => {
    const row = await deps.db.selectFrom('outboxEvent').select((eb) => eb.fn.countAll<number>().as('n')).where('publishedAt', 'is', null).executeTakeFirst();
    return Number(row?.n ?? 0);
  });
  // what to alert on when a relay is configured: the backlog's age, not its size (a busy hour is large and young)
  metrics.gauge('shekara_outbox_oldest_pending_seconds', 'Age of the oldest outbox event not yet delivered (0: none)', async () => {
    const row = await deps.db.selectFrom('outboxEvent').select((eb) => eb.fn.min('createdAt').as('oldest')).where('publishedAt', 'is', null).executeTakeFirst();
    return row?.oldest ? Math.max(0, (deps.clock.now().getTime() - new Date(row.oldest).getTime()) / 1000) : 0;
  });
  // group commit of audited writes (ADR 0012): writes per statement is how much load joined
  const joined = () => writeJoinerStats(deps.db);
  metrics.counter('shekara_audited_writes_total', 'Audited writes made outside a transaction', () => joined().writes);
  metrics.counter('shekara_audited_write_statements_total', 'Statements those writes took (joined under load; a joined statement that failed is tried again in halves)', () => joined().statements);

  r.get('/health/live', { schema: { tags: ['system'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } }, config: { public: true } },
    async () => ({ status: 'ok' as const }));

  r.get('/health/ready', {
    schema: { tags: ['system'], summary: 'The database is reachable and migrated', response: { 200: z.object({ status: z.literal('ok'), database: z.string() }), 503: z.object({ status: z.literal('unavailable'), reason: z.string() }) } },
    config: { public: true },
  }, async (_req, reply) => {
    const pending = await pendingMigrations(deps.database).catch(() => -1);
    if (pending !== 0) return reply.status(503).send({ status: 'unavailable' as const, reason: pending < 0 ? 'database unreachable' : `${pending} migration(s) pending` });
    return { status: 'ok' as const, database: deps.database.kind };
  });

  r.get('/metrics', { schema: { hide: true }, config: { public: true } }, async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  r.get('/api/v1/demo-users', { schema: { tags: ['system'], summary: 'Demo accounts, listed only while demo data is loaded', response: { 200: DemoUsersView } }, config: { public: true } },
    async () => {
      const users = await listDemoUsers(deps.db);
      return { demo: users.length > 0, users, password: users.length > 0 ? DEMO_PASSWORD : null };
    });
}
