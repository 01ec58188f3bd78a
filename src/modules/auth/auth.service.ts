import { sql, type RawBuilder } from 'kysely';
import type { Actor, Ctx, Grant } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError, NotFoundError, UnauthenticatedError, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createWatchedCache } from '../../platform/watched-cache.ts';
import type { Permission } from '../../platform/permissions.ts';
import { recordChange } from '../audit/index.ts';
import { findSessionWithUser, findTokenWithUser, findUserById, findUserByUsername, selectUserWithGrants, type UserWithGrants } from './auth.repository.ts';
import { checkPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';
import { newApiToken, newSecret, sha256 } from './token.ts';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 401, 'The username or password is wrong.');
  }
}

export class AccountLockedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('ACCOUNT_LOCKED', 429, `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

type Meta = { ip: string | null; userAgent: string | null; correlationId: string };

/** What a signed-in actor is made of: this process's write to any of these empties the sign-in cache. */
const SIGN_IN_TABLES = ['app_user', 'user_role', 'role', 'acting_assignment', 'api_token', 'user_session', 'unit', 'agency'];

// Kazakhstan keeps one time zone (UTC+5) since 2024; users outside any unit (the built-in admin) see it.
const DEFAULT_TIME_ZONE = 'Asia/Almaty';

/** Turns a user with its grants into the Actor every service checks. */
function toActor(user: UserWithGrants, via: Actor['via']): Actor {
  const grants: Grant[] = [
    ...user.own.map((g) => ({ role: g.role, permissions: new Set(g.permissions as Permission[]), scopeUnitId: g.scopeUnitId })),
    ...user.acting.map((g) => ({ role: g.role, permissions: new Set(g.permissions as Permission[]), scopeUnitId: g.scopeUnitId, actingForUserId: g.principalUserId, actingForUnitId: g.principalUnitId })),
  ];
  return { userId: user.id, username: user.username, displayName: user.displayName, agencyId: user.agencyId, unitId: user.unitId, locale: user.locale, timeZone: user.timeZone ?? DEFAULT_TIME_ZONE, grants, via };
}

/** Loads the Actor of a user by id (null when unknown or deactivated). */
export async function loadActor(db: Executor, userId: string, at: Date, via: Actor['via']): Promise<Actor | null> {
  const user = await selectUserWithGrants(db, at).where('u.id', '=', userId).executeTakeFirst();
  return user && user.isActive ? toActor(user, via) : null;
}

export function createAuthService(deps: Deps) {
  const { db, clock, config } = deps;
  const systemCtx = (actor: Actor, meta: Meta): Ctx => ({ actor, correlationId: meta.correlationId, ip: meta.ip });
  const signIns = createWatchedCache<UserWithGrants>(deps.database.writes, SIGN_IN_TABLES, config.cacheSeconds);
  // The last-seen time of a session or token is written as raw SQL, which the sign-in cache's watch does
  // not look into: it changes nothing a signed-in actor is made of, and must not empty the cache.
  const touch = (statement: RawBuilder<unknown>) => statement.execute(db);

  async function audit(trx: Executor, meta: Meta, action: string, user: { id: string; username: string; agencyId: string | null } | null, details: Record<string, unknown> = {}) {
    await recordChange(deps, trx, user ? {
      actor: { userId: user.id, username: user.username, displayName: user.username, agencyId: user.agencyId, unitId: null, locale: 'en', timeZone: 'UTC', grants: [], via: 'session' },
      correlationId: meta.correlationId,
      ip: meta.ip,
    } : null, { action, entityType: 'user', entityId: user?.id ?? '-', agencyId: user?.agencyId ?? null, details, publish: false });
  }

  return {
    /** Checks the password; counts failures and locks the account after too many. Returns a new session. */
    async login(username: string, password: string, meta: Meta) {
      const now = clock.now();
      const user = await findUserByUsername(db, username);
      if (!user || !user.isActive) {
        await verifyAgainstDummy(password);
        await db.transaction().execute((trx) => audit(trx, meta, 'auth.login_failed', null, { username: username.slice(0, 100), reason: 'unknown_user' }));
        throw new InvalidCredentialsError();
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        throw new AccountLockedError((user.lockedUntil.getTime() - now.getTime()) / 1000);
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const failures = user.failedLogins + 1;
        const lock = failures >= config.loginMaxFailures;
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('appUser')
            .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + config.loginLockMinutes * 60_000) : null })
            .where('id', '=', user.id)
            .execute();
          await audit(trx, meta, lock ? 'auth.account_locked' : 'auth.login_failed', user, { failures });
        });
        if (lock) throw new AccountLockedError(config.loginLockMinutes * 60);
        throw new InvalidCredentialsError();
      }
      const token = newSecret();
      const csrfToken = newSecret(24);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('userSession')
          .values({
            tokenHash: sha256(token),
            userId: user.id,
            csrfToken,
            createdAt: now,
            lastSeenAt: now,
            expiresAt: new Date(now.getTime() + config.sessionMaxHours * 3_600_000),
            ip: meta.ip,
            userAgent: meta.userAgent?.slice(0, 300) ?? null,
          })
          .execute();
        await trx.updateTable('appUser').set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where('id', '=', user.id).execute();
        await audit(trx, meta, 'auth.login', user);
      });
      return { token, csrfToken, userId: user.id };
    },

    /** Resolves a session cookie: null when unknown, revoked, expired or idle too long. */
    async authenticateSession(token: string) {
      const now = clock.now();
      const hash = sha256(token);
      const session = await signIns.get(hash, now, () => findSessionWithUser(db, hash, now));
      if (!session || session.revokedAt || session.expiresAt <= now || !session.isActive) return null;
      if (now.getTime() - session.lastSeenAt.getTime() > config.sessionIdleMinutes * 60_000) return null;
      const actor = toActor(session, 'session');
      // touch at most once a minute: a read route should not write on every request
      if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
        await touch(sql`update user_session set last_seen_at = ${now} where token_hash = ${session.tokenHash}`);
        session.lastSeenAt = now;
      }
      return { actor, csrfToken: session.csrfToken };
    },

    async authenticateToken(token: string) {
      const now = clock.now();
      const hash = sha256(token);
      const row = await signIns.get(hash, now, () => findTokenWithUser(db, hash, now));
      if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.isActive) return null;
      const actor = toActor(row, 'token');
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
        await touch(sql`update api_token set last_used_at = ${now} where id = ${row.tokenId}`);
        row.lastUsedAt = now;
      }
      return { actor };
    },

    /** Ends the session for good: the cookie no longer works even if replayed. */
    async logout(token: string, meta: Meta) {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const session = await trx.updateTable('userSession').set({ revokedAt: now }).where('tokenHash', '=', sha256(token)).where('revokedAt', 'is', null).returning('userId').executeTakeFirst();
        if (session) {
          const user = await findUserById(trx, session.userId);
          if (user) await audit(trx, meta, 'auth.logout', user);
        }
      });
    },

    /** Creates a bearer token for a user (CLI `token create`, or the user for themself). */
    async createToken(ctx: Ctx | null, userId: string, name: string, expiresAt: Date | null) {
      const user = await findUserById(db, userId);
      if (!user) throw new NotFoundError('User');
      const { token, prefix } = newApiToken();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('apiToken').values({ id, userId, name, tokenHash: sha256(token), prefix, createdAt: clock.now(), expiresAt }).execute();
        await recordChange(deps, trx, ctx, { action: 'auth.token_created', entityType: 'api_token', entityId: id, agencyId: user.agencyId, details: { userId, name, prefix }, publish: false });
      });
      return { id, token, prefix, name, expiresAt };
    },

    async listTokens(ctx: Ctx) {
      return db.selectFrom('apiToken').select(['id', 'name', 'prefix', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt']).where('userId', '=', ctx.actor.userId).orderBy('createdAt', 'desc').execute();
    },

    async revokeToken(ctx: Ctx, tokenId: string) {
      await db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('apiToken').set({ revokedAt: clock.now() }).where('id', '=', tokenId).where('userId', '=', ctx.actor.userId).where('revokedAt', 'is', null).returning('id').executeTakeFirst();
        if (!row) throw new NotFoundError('Token');
        await recordChange(deps, trx, ctx, { action: 'auth.token_revoked', entityType: 'api_token', entityId: tokenId, agencyId: ctx.actor.agencyId, publish: false });
      });
    },

    /** Changes one's own password (the current one is required) and ends every other session. */
    async changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string, keepSessionToken: string | null) {
      const user = await findUserById(db, ctx.actor.userId);
      if (!user) throw new UnauthenticatedError();
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new ValidationError([{ path: 'currentPassword', code: 'PASSWORD_WRONG', message: 'is wrong' }]);
      }
      const problems = checkPasswordPolicy(newPassword, user.username, 'newPassword');
      if (problems.length) throw new ValidationError(problems);
      const hash = await hashPassword(newPassword);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('appUser').set({ passwordHash: hash, passwordChangedAt: now, updatedAt: now }).where('id', '=', user.id).execute();
        let revoke = trx.updateTable('userSession').set({ revokedAt: now }).where('userId', '=', user.id).where('revokedAt', 'is', null);
        if (keepSessionToken) revoke = revoke.where('tokenHash', '<>', sha256(keepSessionToken));
        await revoke.execute();
        await recordChange(deps, trx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: user.id, agencyId: user.agencyId, publish: false });
      });
    },

    systemCtx,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
