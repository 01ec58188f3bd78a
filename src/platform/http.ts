import crypto from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { ValidationError, type FieldProblem } from './errors.ts';
import { problem, sendProblem, toProblem } from './problem.ts';
import { problemDocsPage } from './problem-docs.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

function findNul(value: unknown, path: string, found: FieldProblem[]) {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ path, code: 'NUL_CHARACTER', message: 'must not contain a NUL character' });
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) findNul(child, `${path}.${key}`, found);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves when no route handler is at work (true), or after `ms` (false). */
    settled(ms: number): Promise<boolean>;
  }
}

/**
 * The HTTP server with Shekara's conventions: zod schemas on every route, OpenAPI 3.1, problem+json
 * errors, a correlation id per request (from `x-request-id` or made here), secrets redacted from logs.
 */
export async function createHttpServer(config: Config, options: { logger?: boolean } = {}): Promise<{ app: FastifyInstance; metrics: Metrics }> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.newPassword', '*.currentPassword', '*.token'],
              censor: '[redacted]',
            },
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { maxParamLength: 200 },
    // what the router refuses before any route runs (a path parameter too long, a malformed URL) is a problem too
    frameworkErrors: (error, request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const bad = tooLong || error.code === 'FST_ERR_BAD_URL';
      void sendProblem(request, reply, bad ? problem(tooLong ? 414 : 400, tooLong ? 'URI_TOO_LONG' : 'BAD_URL', tooLong ? 'A path parameter is too long.' : 'The URL is malformed.') : toProblem(error));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Handlers at work, for a stop that waits for them (`settled`): closing the server waits for open
  // connections only, and a handler goes on when its client has gone (a booth's link dropped mid-write).
  let working = 0;
  const idle: Array<() => void> = [];
  const done = () => {
    if (--working === 0) for (const resolve of idle.splice(0)) resolve();
  };
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function counted(this: FastifyInstance, request, reply) {
      working++;
      let result: unknown;
      try {
        result = handler.call(this, request, reply);
      } catch (error) {
        done();
        throw error;
      }
      if (result instanceof Promise) return result.finally(done);
      done();
      return result;
    };
  });
  app.decorate('settled', (ms: number) => (working === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    idle.push(() => { clearTimeout(timer); resolve(true); });
  })));

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });

  // PostgreSQL text cannot hold NUL: refuse it up front as bad input, naming where it was.
  app.addHook('preValidation', async (request) => {
    const found: FieldProblem[] = [];
    findNul(request.query, 'querystring', found);
    findNul(request.params, 'params', found);
    findNul(request.body, 'body', found);
    if (found.length) throw new ValidationError(found, `${found.length} field(s) contain a NUL character.`);
  });

  app.setErrorHandler((error, request, reply) => {
    const p = toProblem(error, { body: request.body, querystring: request.query, params: request.params, headers: request.headers });
    if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: p.code, status: p.status }, 'request refused');
    const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter) reply.header('retry-after', String(Math.ceil(retryAfter)));
    return sendProblem(request, reply, p);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shekara API',
        version: '1',
        description:
          'State-border management and inter-agency coordination. Sign in with POST /api/v1/auth/login (session cookie; ' +
          'writes then need the x-csrf-token header) or send `Authorization: Bearer <token>`. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'shekara_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  // what the problems' `type` URIs point to
  app.get('/docs/problems', { schema: { hide: true }, config: { public: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=3600').send(await problemDocsPage()));

  const metrics = createMetrics();
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  return { app, metrics };
}
