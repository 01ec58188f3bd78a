import { sql, type RawBuilder } from 'kysely';
import { reachOf, type Actor } from '../../platform/actor.ts';
import type { Permission } from '../../platform/permissions.ts';

/**
 * The rows a reader's `permission` reaches, as a condition on a record's agency and its unit's path
 * (the same reach as `can`, so that a page of a list is filled with rows the reader may see); null
 * when the reach has no limit.
 */
export function reachCondition(actor: Actor, permission: Permission, agencyColumn: string, pathColumn: string): RawBuilder<boolean> | null {
  const reach = reachOf(actor, permission);
  if (reach.some((r) => r.agencyId === null && r.unitId === null)) return null;
  if (reach.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(reach.map((r) => sql`(${r.agencyId ? sql`${sql.ref(agencyColumn)} = ${r.agencyId}` : sql`true`} and ${r.unitId ? sql`${r.unitId}::uuid = any(${sql.ref(pathColumn)})` : sql`true`})`), sql` or `)})`;
}
