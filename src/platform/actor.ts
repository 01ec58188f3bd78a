import type { Permission } from './permissions.ts';

/** A role held over a unit subtree; `scopeUnitId` null means the holder's whole agency. */
export type Grant = {
  role: string;
  permissions: ReadonlySet<Permission>;
  scopeUnitId: string | null;
  /** Set when the grant comes from acting for another user (a deputy signing for a head). */
  actingForUserId?: string;
  /** The principal's unit: a deputy keeps the principal's desk. */
  actingForUnitId?: string;
};

/** Who is calling: a signed-in user (session) or a machine client (bearer token). */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  agencyId: string | null;
  unitId: string | null;
  locale: 'kk' | 'ru' | 'en';
  /** IANA zone of the user's unit: times are shown to the user in it. */
  timeZone: string;
  grants: Grant[];
  via: 'session' | 'token' | 'cli';
};

/** Everything a service needs to know about the request it serves. */
export type Ctx = {
  actor: Actor;
  correlationId: string;
  ip: string | null;
};

/** Something placed in the org tree: its agency and its ancestors (including itself). */
export type Scoped = { agencyId: string; path: readonly string[] };

/** True when some grant of the actor carries `permission` over `target` (or at all, without a target). */
export function can(actor: Actor, permission: Permission, target?: Scoped): boolean {
  return actor.grants.some((grant) => {
    if (!grant.permissions.has(permission)) return false;
    if (!target) return true;
    if (grant.permissions.has('scope.all_agencies')) {
      return grant.scopeUnitId === null || target.path.includes(grant.scopeUnitId);
    }
    if (target.agencyId !== actor.agencyId) return false;
    return grant.scopeUnitId === null || target.path.includes(grant.scopeUnitId);
  });
}

/**
 * Where `permission` reaches, as clauses of which any one admits a record: `agencyId` null for every
 * agency, `unitId` null for the whole agency (or all of them), else the unit's subtree. The same reach
 * as `can`, for a query to filter by (an empty list reaches nothing).
 */
export function reachOf(actor: Actor, permission: Permission): Array<{ agencyId: string | null; unitId: string | null }> {
  const reach: Array<{ agencyId: string | null; unitId: string | null }> = [];
  for (const g of actor.grants) {
    if (!g.permissions.has(permission)) continue;
    if (g.permissions.has('scope.all_agencies')) reach.push({ agencyId: null, unitId: g.scopeUnitId });
    else if (actor.agencyId) reach.push({ agencyId: actor.agencyId, unitId: g.scopeUnitId });
  }
  return reach;
}

/** True when the actor's grants reach every agency (administrator, oversight). */
export function isCrossAgency(actor: Actor, permission: Permission): boolean {
  return actor.grants.some(
    (g) => g.permissions.has(permission) && g.permissions.has('scope.all_agencies') && g.scopeUnitId === null,
  );
}

/** A system actor for CLI commands run by an operator on the server machine. */
export function cliActor(permissions: ReadonlySet<Permission>): Actor {
  return {
    userId: '00000000-0000-7000-8000-000000000000',
    username: 'cli',
    displayName: 'Command line',
    agencyId: null,
    unitId: null,
    locale: 'en',
    timeZone: 'UTC',
    grants: [{ role: 'cli', permissions, scopeUnitId: null }],
    via: 'cli',
  };
}
