import crypto from 'node:crypto';
import { sql } from 'kysely';
import { seedDemo, seedReference } from './demo/index.ts';
import { recordChange } from './modules/audit/index.ts';
import { checkPasswordPolicy, hashPassword } from './modules/auth/index.ts';
import { syncSystemRoles } from './modules/org/index.ts';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db.ts';
import type { Deps } from './platform/deps.ts';
import { StartupError } from './platform/errors.ts';
import { newId } from './platform/ids.ts';
import { migrate } from './platform/migrate.ts';

export const ADMIN_USERNAME = 'admin';

/** A random password that meets the policy: 20 characters from four classes. */
export function generatePassword(): string {
  const pick = (set: string, n: number) => Array.from(crypto.randomBytes(n), (b) => set[b % set.length]).join('');
  const chars = [...pick('abcdefghijkmnopqrstuvwxyz', 8), ...pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 5), ...pick('23456789', 4), ...pick('-_.!', 3)];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export class AdminPasswordPolicyError extends StartupError {}

/**
 * Creates the built-in administrator on the first start: with SHEKARA_ADMIN_PASSWORD, or a generated
 * password returned here so the caller can print it once. Later starts leave the account alone.
 */
export async function ensureAdmin(deps: Pick<Deps, 'db' | 'clock' | 'config'>, config: Config): Promise<{ created: boolean; generatedPassword: string | null }> {
  const existing = await deps.db.selectFrom('appUser').select('id').where(sql`lower(username)`, '=', ADMIN_USERNAME).executeTakeFirst();
  if (existing) return { created: false, generatedPassword: null };
  const password = config.adminPassword ?? generatePassword();
  const problems = checkPasswordPolicy(password, ADMIN_USERNAME, 'SHEKARA_ADMIN_PASSWORD');
  if (problems.length) throw new AdminPasswordPolicyError(`SHEKARA_ADMIN_PASSWORD is too weak: ${problems.map((p) => p.message).join('; ')}.`);
  const now = deps.clock.now();
  const id = newId();
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('appUser').values({ id, username: ADMIN_USERNAME, displayName: 'Administrator', passwordHash, agencyId: null, unitId: null, locale: 'en', isBuiltin: true, passwordChangedAt: now, createdAt: now, updatedAt: now })
      .onConflict((oc) => oc.doNothing()).execute();
    await trx.insertInto('userRole').values({ userId: id, roleCode: 'admin', scopeUnitId: null, grantedAt: now, grantedBy: null }).execute();
    await recordChange(deps, trx, null, { action: 'org.user.created', entityType: 'user', entityId: id, details: { username: ADMIN_USERNAME, builtin: true }, publish: false });
  });
  return { created: true, generatedPassword: config.adminPassword ? null : password };
}

/** Everything a fresh or existing database needs before serving: migrations, roles, reference data, admin, demo. */
export async function prepareDatabase(database: DatabaseHandle, deps: Pick<Deps, 'db' | 'clock' | 'config'>, config: Config) {
  const applied = await migrate(database);
  await syncSystemRoles(deps.db);
  await seedReference(deps);
  const admin = await ensureAdmin(deps, config);
  const demo = config.demo ? await seedDemo(deps) : { inserted: 0 };
  return { applied, admin, demo };
}
