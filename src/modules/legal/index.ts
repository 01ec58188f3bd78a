export { createLegalService, type LegalService } from './legal.service.ts';
export { legalRoutes } from './legal.routes.ts';
