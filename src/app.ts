// The composition root: every module is listed here, once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { auditRoutes, createAuditService } from './modules/audit/index.ts';
import { authRoutes, createAuthService, registerAuthentication } from './modules/auth/index.ts';
import { createActivityService, createCrossingService, createStayService, createVehicleService, crossingRoutes } from './modules/crossings/index.ts';
import { documentRoutes } from './modules/documents/index.ts';
import { createGeoService, geoRoutes } from './modules/geo/index.ts';
import { createLegalService, legalRoutes } from './modules/legal/index.ts';
import { createOrgService, createUserService, orgRoutes } from './modules/org/index.ts';
import { createScreeningModule, screeningRoutes } from './modules/screening/index.ts';
import { createDeskService, createMessageService, createUdbService, exchangeRoutes } from './modules/exchange/index.ts';
import { caseRoutes, createCaseService, createCustodyBoardService, createForceService, createIncidentService } from './modules/cases/index.ts';
import { createAdmissionService, createListService, createPlanService, createSezDeskService, sezRoutes } from './modules/sez/index.ts';
import { systemRoutes } from './modules/system/index.ts';
import { overviewRoutes } from './modules/overview/index.ts';
import type { Deps } from './platform/deps.ts';
import { createHttpServer } from './platform/http.ts';
import { registerIdempotency } from './platform/idempotency.ts';
import { problem, sendProblem } from './platform/problem.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

export function createServices(deps: Deps) {
  const { screening, watchlists, importJobs } = createScreeningModule(deps);
  return {
    screening,
    watchlists,
    importJobs,
    crossings: createCrossingService(deps, screening),
    stays: createStayService(deps),
    activity: createActivityService(deps),
    vehicles: createVehicleService(deps),
    auth: createAuthService(deps),
    audit: createAuditService(deps),
    org: createOrgService(deps),
    users: createUserService(deps),
    geo: createGeoService(deps),
    legal: createLegalService(deps),
    messages: createMessageService(deps),
    desk: createDeskService(deps),
    udb: createUdbService(deps),
    sezLists: createListService(deps),
    sezAdmissions: createAdmissionService(deps),
    sezPlans: createPlanService(deps),
    sezDesk: createSezDeskService(deps),
    cases: createCaseService(deps),
    force: createForceService(deps),
    incidents: createIncidentService(deps),
    custody: createCustodyBoardService(deps),
  };
}
export type Services = ReturnType<typeof createServices>;

/** Builds the whole HTTP application on the given dependencies (a test builds its own). */
export async function buildApp(deps: Deps, options: { logger?: boolean; web?: boolean } = {}): Promise<{ app: FastifyInstance; services: Services }> {
  const { app, metrics } = await createHttpServer(deps.config, { logger: options.logger ?? true });
  const services = createServices(deps);
  registerAuthentication(app, services.auth);
  registerIdempotency(app, deps.db, deps.clock);

  await systemRoutes(app, { deps, metrics });
  await authRoutes(app, { auth: services.auth, config: deps.config, metrics, updateMe: services.users.updateMe });
  await orgRoutes(app, services);
  await geoRoutes(app, services);
  await legalRoutes(app, services);
  await auditRoutes(app, services);
  await screeningRoutes(app, { ...services, importLimitBytes: deps.config.importLimitBytes });
  await documentRoutes(app);
  await crossingRoutes(app, services);
  await exchangeRoutes(app, services);
  await sezRoutes(app, services);
  await caseRoutes(app, services);
  await overviewRoutes(app, { deps, ...services });

  const hasWeb = options.web !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: false, maxAge: '1h' });
    app.get('/', { schema: { hide: true }, config: { public: true } }, (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  // The app's pages load only their own scripts and styles; the API docs (Swagger UI) keep their own policy.
  app.addHook('onSend', async (request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html') && !request.url.startsWith('/api/docs') && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    return payload;
  });
  app.setNotFoundHandler({ preHandler: async () => undefined }, (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/health') && (request.headers.accept ?? '').includes('text/html');
    if (isPage && hasWeb) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendProblem(request, reply, problem(404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
  return { app, services };
}
