import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordBody, CreatedTokenView, CreateTokenBody, LoginBody, SessionView, TokenView, UpdateMeBody } from '../../contracts/auth.ts';
import { IdParams, listOf, Ok } from '../../contracts/common.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { requireCtx, SESSION_COOKIE } from './auth.plugin.ts';
import type { AuthService } from './auth.service.ts';

function presentSession(actor: Actor, csrfToken: string | null) {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, agencyId: actor.agencyId, unitId: actor.unitId, locale: actor.locale, timeZone: actor.timeZone },
    grants: actor.grants.map((g) => ({ role: g.role, scopeUnitId: g.scopeUnitId, actingForUserId: g.actingForUserId, permissions: [...g.permissions] })),
    csrfToken,
  };
}

export async function authRoutes(app: FastifyInstance, deps: { auth: AuthService; config: Config; metrics: Metrics; updateMe: (ctx: ReturnType<typeof requireCtx>, body: { locale?: 'kk' | 'ru' | 'en' | undefined; displayName?: string | undefined }) => Promise<void> }) {
  const { auth, config, metrics } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(rateLimit, { global: false });

  r.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: LoginBody, response: { 200: SessionView } },
    config: { public: true, secret: true, rateLimit: { max: config.loginRatePerMinute, timeWindow: 60_000 } },
  }, async (request, reply) => {
    const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, correlationId: request.id };
    try {
      const session = await auth.login(request.body.username, request.body.password, meta);
      metrics.logins.labels('ok').inc();
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: config.sessionMaxHours * 3600,
      });
      const resolved = await auth.authenticateSession(session.token);
      return presentSession(resolved!.actor, session.csrfToken);
    } catch (error) {
      metrics.logins.labels('refused').inc();
      throw error;
    }
  });

  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out: the session ends on the server', response: { 200: Ok } }, config: { public: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token, { ip: request.ip, userAgent: null, correlationId: request.id });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/v1/auth/session', { schema: { tags: ['auth'], summary: 'The signed-in user, grants and CSRF token', response: { 200: SessionView } } }, async (request) => {
    const ctx = requireCtx(request);
    const csrf = request.sessionToken ? (await auth.authenticateSession(request.sessionToken))?.csrfToken ?? null : null;
    return presentSession(ctx.actor, csrf);
  });

  r.patch('/api/v1/me', { schema: { tags: ['auth'], summary: 'Change own language or display name', body: UpdateMeBody, response: { 200: Ok } } }, async (request) => {
    await deps.updateMe(requireCtx(request), request.body);
    return { ok: true as const };
  });

  r.post('/api/v1/me/password', { config: { secret: true }, schema: { tags: ['auth'], summary: 'Change own password; ends all other sessions', body: ChangePasswordBody, response: { 200: Ok } } }, async (request) => {
    await auth.changeOwnPassword(requireCtx(request), request.body.currentPassword, request.body.newPassword, request.sessionToken);
    return { ok: true as const };
  });

  r.get('/api/v1/me/tokens', { schema: { tags: ['auth'], summary: 'My API tokens', response: { 200: listOf(TokenView) } } }, async (request) => ({ items: await auth.listTokens(requireCtx(request)) }));

  r.post('/api/v1/me/tokens', { config: { secret: true }, schema: { tags: ['auth'], summary: 'Create an API token for me (shown once)', body: CreateTokenBody, response: { 201: CreatedTokenView } } }, async (request, reply) => {
    const ctx = requireCtx(request);
    const created = await auth.createToken(ctx, ctx.actor.userId, request.body.name, request.body.expiresAt ? new Date(request.body.expiresAt) : null);
    return reply.status(201).send({ id: created.id, name: created.name, prefix: created.prefix, token: created.token });
  });

  r.delete('/api/v1/me/tokens/:id', { schema: { tags: ['auth'], summary: 'Revoke one of my API tokens', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await auth.revokeToken(requireCtx(request), request.params.id);
    return { ok: true as const };
  });
}
