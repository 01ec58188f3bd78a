import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('appUser').selectAll().where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user's own grants, and those of principals they act for right now. */
export async function loadGrantRows(db: Executor, userId: string, at: Date) {
  const own = await db
    .selectFrom('userRole')
    .innerJoin('role', 'role.code', 'userRole.roleCode')
    .select(['role.code as role', 'role.permissions', 'userRole.scopeUnitId'])
    .where('userRole.userId', '=', userId)
    .execute();
  const acting = await db
    .selectFrom('actingAssignment as a')
    .innerJoin('userRole', 'userRole.userId', 'a.principalUserId')
    .innerJoin('role', 'role.code', 'userRole.roleCode')
    .innerJoin('appUser as principal', 'principal.id', 'a.principalUserId')
    .select(['role.code as role', 'role.permissions', 'userRole.scopeUnitId', 'a.principalUserId'])
    .where('a.deputyUserId', '=', userId)
    .where('a.revokedAt', 'is', null)
    .where('a.validFrom', '<=', at)
    .where('a.validTo', '>', at)
    .where('principal.isActive', '=', true)
    .execute();
  return { own, acting };
}

export function findSession(db: Executor, tokenHash: string) {
  return db.selectFrom('userSession').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export function findApiToken(db: Executor, tokenHash: string) {
  return db.selectFrom('apiToken').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}
