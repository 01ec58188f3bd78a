import { can, isCrossAgency, type Actor, type Scoped } from '../../platform/actor.ts';

// Who may do what in the org module. Reference data (agencies, the unit trees, counterpart links)
// is shared by the agencies that work together; personal data (officers, users) stays inside the
// agency and the grant's unit subtree. What the actor may not see is a 404, never a 403.

export const canReadOrg = (actor: Actor) => can(actor, 'org.read');
export const canManageUnit = (actor: Actor, unit: Scoped) => can(actor, 'org.manage', unit);
export const canCreateRootUnit = (actor: Actor) => isCrossAgency(actor, 'org.manage');
export const canManageCounterparts = (actor: Actor) => isCrossAgency(actor, 'org.manage');
export const canReadOfficer = (actor: Actor, officerUnit: Scoped) => can(actor, 'officer.read', officerUnit);
export const canManageOfficer = (actor: Actor, officerUnit: Scoped) => can(actor, 'officer.manage', officerUnit);
export const canManageUser = (actor: Actor, userUnit: Scoped) => can(actor, 'user.manage', userUnit);

/** The subtrees where the actor holds `permission`: null = no limit (all agencies or whole agency). */
export function scopeOf(actor: Actor, permission: 'officer.read' | 'user.manage'): { agencyId: string | null; unitIds: string[] | null } | 'none' {
  if (isCrossAgency(actor, permission)) return { agencyId: null, unitIds: null };
  const grants = actor.grants.filter((g) => g.permissions.has(permission));
  if (grants.length === 0 || !actor.agencyId) return 'none';
  if (grants.some((g) => g.scopeUnitId === null)) return { agencyId: actor.agencyId, unitIds: null };
  return { agencyId: actor.agencyId, unitIds: grants.map((g) => g.scopeUnitId!) };
}
