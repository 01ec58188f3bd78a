export { createActivityService, type ActivityService } from './activity.ts';
export { createCrossingService, type CrossingService } from './crossings.service.ts';
export { crossingRoutes } from './crossings.routes.ts';
export { REFUSAL_REASONS_2013, REFUSAL_PACK_CODE } from './refusal-reasons.ts';
export { createStayService, startStayVerdicts, type StayService } from './stays.service.ts';
export { createVehicleService, type VehicleService } from './vehicles.service.ts';
