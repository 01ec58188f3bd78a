import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Clock } from './clock.ts';
import type { Db } from './db.ts';
import { DomainError } from './errors.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PENDING_TIMEOUT_MS = 5 * 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
}

/**
 * `Idempotency-Key` on a write: the first answer is stored and a retry with the same key and body
 * gets the same answer (`Idempotent-Replayed: true`) without doing the work twice. The same key
 * with another body is a 422; a retry while the first is still running is a 409.
 */
export function registerIdempotency(app: FastifyInstance, db: Db, clock: Clock) {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    // a password in the request or a token in the answer is never stored: such a route takes no key
    if (!UNSAFE.has(request.method) || typeof key !== 'string' || !request.ctx || request.routeOptions.config.secret) return;
    if (!/^[A-Za-z0-9_.:-]{8,200}$/.test(key)) {
      throw new DomainError('VALIDATION', 400, 'Idempotency-Key must be 8-200 characters of A-Z a-z 0-9 _ . : -', [
        { path: 'headers.idempotency-key', code: 'IDEMPOTENCY_KEY', message: 'invalid format' },
      ]);
    }
    const userId = request.ctx.actor.userId;
    const route = request.routeOptions.url ?? request.url;
    const requestHash = crypto
      .createHash('sha256')
      .update(JSON.stringify([request.method, route, request.params, request.body ?? null]))
      .digest('hex');
    const now = clock.now();
    const inserted = await db
      .insertInto('idempotencyKey')
      .values({ userId, key, method: request.method, route, requestHash, state: 'pending', createdAt: now })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) {
      request.idempotency = { userId, key };
      return;
    }
    const existing = await db.selectFrom('idempotencyKey').selectAll().where('userId', '=', userId).where('key', '=', key).executeTakeFirstOrThrow();
    if (existing.requestHash !== requestHash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 422, 'This Idempotency-Key was used for a different request.');
    }
    if (existing.state === 'done') {
      return reply
        .status(existing.responseStatus ?? 200)
        .header('idempotent-replayed', 'true')
        .type(existing.responseStatus && existing.responseStatus >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8')
        .send(existing.responseBody ?? '');
    }
    if (now.getTime() - existing.createdAt.getTime() < PENDING_TIMEOUT_MS) {
      throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 409, 'The first request with this Idempotency-Key is still being processed.');
    }
    // the first attempt died mid-way and left nothing (its transaction rolled back): take it over
    await db.updateTable('idempotencyKey').set({ createdAt: now, requestHash }).where('userId', '=', userId).where('key', '=', key).execute();
    request.idempotency = { userId, key };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    request.idempotency = null;
    if (reply.statusCode >= 500) {
      await db.deleteFrom('idempotencyKey').where('userId', '=', idem.userId).where('key', '=', idem.key).execute();
    } else {
      await db
        .updateTable('idempotencyKey')
        .set({ state: 'done', responseStatus: reply.statusCode, responseBody: typeof payload === 'string' ? payload : String(payload ?? '') })
        .where('userId', '=', idem.userId)
        .where('key', '=', idem.key)
        .execute();
    }
    return payload;
  });
}
