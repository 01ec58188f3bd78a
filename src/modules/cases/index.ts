export { createCaseService, type CaseService } from './cases.service.ts';
export { createForceService, type ForceService } from './force.service.ts';
export { caseRoutes } from './cases.routes.ts';
export { createIncidentService, type IncidentService } from './incidents.service.ts';
export { createCustodyBoardService, type CustodyBoardService } from './board.service.ts';
