import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/actor.ts';
import { DomainError, UnauthenticatedError } from '../../platform/errors.ts';
import { safeEqual } from './token.ts';
import type { AuthService } from './auth.service.ts';

export const SESSION_COOKIE = 'shekara_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, or null. Set before any handler runs. */
    ctx: Ctx | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in (login, health, demo users). */
    public?: boolean;
    /** A request or answer carrying a secret (a password, a new token): never kept for an Idempotency-Key replay. */
    secret?: boolean;
  }
}

class CsrfError extends DomainError {
  constructor() {
    super('CSRF', 403, 'Missing or wrong x-csrf-token header. Reload the page and try again.');
  }
}

/** API routes need a caller unless marked public; the web UI's files and the API docs are public. */
function requiresSignIn(request: FastifyRequest): boolean {
  if (request.routeOptions.config.public || request.is404) return false;
  const path = request.url.split('?')[0]!;
  return path.startsWith('/api/') && !path.startsWith('/api/docs');
}

/** The Ctx of a route that requires a signed-in caller. */
export function requireCtx(request: FastifyRequest): Ctx {
  if (!request.ctx) throw new UnauthenticatedError();
  return request.ctx;
}

/**
 * Resolves the caller from the session cookie or a bearer token. Every route needs a caller unless its
 * config says `public`. Cookie-authenticated writes must carry the session's CSRF token; bearer calls
 * need none (a browser never attaches a bearer token by itself).
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionToken', null);
  // onRequest: before the body is parsed or validated, so an outsider learns nothing from validation errors
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) {
      const resolved = await auth.authenticateToken(header.slice(7).trim());
      if (!resolved) throw new UnauthenticatedError('The bearer token is unknown, revoked or expired.');
      request.ctx = { actor: resolved.actor, correlationId: request.id, ip: request.ip };
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const resolved = await auth.authenticateSession(token);
        if (resolved) {
          request.ctx = { actor: resolved.actor, correlationId: request.id, ip: request.ip };
          request.sessionToken = token;
          const sent = request.headers['x-csrf-token'];
          if (UNSAFE.has(request.method) && !request.routeOptions.config.public && (typeof sent !== 'string' || !safeEqual(sent, resolved.csrfToken))) {
            throw new CsrfError();
          }
        }
      }
    }
    if (!request.ctx && requiresSignIn(request)) throw new UnauthenticatedError();
  });
}
