export { createAuthService, loadActor, type AuthService } from './auth.service.ts';
export { registerAuthentication, requireCtx, SESSION_COOKIE } from './auth.plugin.ts';
export { authRoutes } from './auth.routes.ts';
export { hashPassword, checkPasswordPolicy } from './password.ts';
