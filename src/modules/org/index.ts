export { createOrgService, type OrgService } from './org.service.ts';
export { createUserService, type UserService } from './user.service.ts';
export { orgRoutes } from './org.routes.ts';
export { syncSystemRoles, SYSTEM_ROLES } from './roles.ts';
export { names } from './org.present.ts';
