export { createGeoService, type GeoService } from './geo.service.ts';
export { geoRoutes } from './geo.routes.ts';
export { isWithinWorkingHours, effectiveStatus } from './working-hours.ts';
export { checkpointsWhereUnitWorks } from './geo.repository.ts';
