export { createListService, type ListService } from './lists.service.ts';
export { createAdmissionService, type AdmissionService } from './admission.service.ts';
export { createPlanService, openSezObligations, type PlanService } from './plans.service.ts';
export { createSezDeskService, type SezDeskService } from './desk.service.ts';
export { sezRoutes } from './sez.routes.ts';
