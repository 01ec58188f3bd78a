import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('appUser').selectAll().where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A user with their grants in one round trip: their own roles, and the roles of principals they act
 * for at `at`. Every authenticated request runs this, so it is a single query.
 */
export function selectUserWithGrants(db: Executor, at: Date) {
  return db.selectFrom('appUser as u').leftJoin('unit as home', 'home.id', 'u.unitId').select((eb) => [
    'u.id', 'u.username', 'u.displayName', 'u.agencyId', 'u.unitId', 'u.locale', 'u.isActive', 'home.timeZone',
    jsonArrayFrom(
      eb.selectFrom('userRole').innerJoin('role', 'role.code', 'userRole.roleCode')
        .select(['role.code as role', 'role.permissions', 'userRole.scopeUnitId'])
        .whereRef('userRole.userId', '=', 'u.id'),
    ).as('own'),
    jsonArrayFrom(
      eb.selectFrom('actingAssignment as a')
        .innerJoin('userRole', 'userRole.userId', 'a.principalUserId')
        .innerJoin('role', 'role.code', 'userRole.roleCode')
        .innerJoin('appUser as principal', 'principal.id', 'a.principalUserId')
        .select(['role.code as role', 'role.permissions', 'userRole.scopeUnitId', 'a.principalUserId', 'a.unitId as principalUnitId'])
        .whereRef('a.deputyUserId', '=', 'u.id')
        .where('a.revokedAt', 'is', null)
        .where('a.validFrom', '<=', at)
        .where('a.validTo', '>', at)
        .where('principal.isActive', '=', true),
    ).as('acting'),
  ]);
}

export type UserWithGrants = Awaited<ReturnType<ReturnType<typeof selectUserWithGrants>['executeTakeFirstOrThrow']>>;

export function findSession(db: Executor, tokenHash: string) {
  return db.selectFrom('userSession').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export function findApiToken(db: Executor, tokenHash: string) {
  return db.selectFrom('apiToken').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

/** A session with its user and grants, in one query. */
export function findSessionWithUser(db: Executor, tokenHash: string, at: Date) {
  return selectUserWithGrants(db, at)
    .innerJoin('userSession as s', 's.userId', 'u.id')
    .select(['s.tokenHash', 's.csrfToken', 's.lastSeenAt', 's.expiresAt', 's.revokedAt'])
    .where('s.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** An API token with its user and grants, in one query. */
export function findTokenWithUser(db: Executor, tokenHash: string, at: Date) {
  return selectUserWithGrants(db, at)
    .innerJoin('apiToken as t', 't.userId', 'u.id')
    .select(['t.id as tokenId', 't.expiresAt', 't.revokedAt', 't.lastUsedAt'])
    .where('t.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}
