// Who takes part for an SEZ: the counterpart group of purpose "sez_passage" names the police body,
// the NSC district division, the BS military unit and its subdivision at the checkpoint; the SEZ's
// time zone is its checkpoint's. The rule pack in force on a local date says what each must do.
import { can, type Ctx, type Grant } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import type { Permission } from '../../platform/permissions.ts';
import { packInForce, type PackInForce } from '../crossings/reasons.ts';
import { reaches, unitsById, type UnitInfo } from '../exchange/units.ts';
import { SEZ_PACK_CODE, type SezRules } from './rules.ts';

export type PartyRole = 'police_body' | 'nsc_district_division' | 'bs_military_unit' | 'bs_subdivision';
export type Sez = {
  id: string; code: string; names: { kk: string; ru: string; en: string }; checkpointIds: string[]; timeZone: string;
  units: Array<UnitInfo & { role: PartyRole }>;
  police: UnitInfo[]; nsc: UnitInfo | null; bs: UnitInfo | null; bsSubdivision: UnitInfo | null;
};

export async function loadSez(db: Executor, sezId: string): Promise<Sez | null> {
  const sez = await db.selectFrom('sez').selectAll().where('id', '=', sezId).executeTakeFirst();
  if (!sez) return null;
  const checkpoints = await db.selectFrom('sezCheckpoint').innerJoin('checkpoint', 'checkpoint.id', 'sezCheckpoint.checkpointId')
    .select(['checkpoint.id', 'checkpoint.timeZone']).where('sezCheckpoint.sezId', '=', sezId).orderBy('checkpoint.code').execute();
  const members = await db.selectFrom('counterpartGroup as g').innerJoin('counterpartMember as m', 'm.groupId', 'g.id')
    .select(['m.unitId', 'm.role']).where('g.purpose', '=', 'sez_passage').where('g.sezId', '=', sezId).execute();
  const units = await unitsById(db, members.map((m) => m.unitId));
  const parties = members.flatMap((m) => { const u = units.get(m.unitId); return u ? [{ ...u, role: m.role as PartyRole }] : []; });
  const first = (role: PartyRole) => parties.find((p) => p.role === role) ?? null;
  return {
    id: sez.id, code: sez.code, names: { kk: sez.nameKk, ru: sez.nameRu, en: sez.nameEn }, checkpointIds: checkpoints.map((c) => c.id),
    timeZone: checkpoints[0]?.timeZone ?? first('police_body')?.timeZone ?? 'Asia/Almaty',
    units: parties, police: parties.filter((p) => p.role === 'police_body'), nsc: first('nsc_district_division'), bs: first('bs_military_unit'), bsSubdivision: first('bs_subdivision'),
  };
}

export { reaches };

/** The parts the actor plays for an SEZ with a permission (any role whose unit their grants reach). */
export function rolesOf(ctx: Ctx, sez: Sez, permission: Permission): PartyRole[] {
  return [...new Set(sez.units.filter((u) => reaches(ctx, permission, u)).map((u) => u.role))];
}

/** An SEZ the actor takes part in (any role, with `sez.read`); otherwise 404. */
export async function sezFor(db: Executor, ctx: Ctx, sezId: string): Promise<Sez> {
  const sez = await loadSez(db, sezId);
  if (!sez || (rolesOf(ctx, sez, 'sez.read').length === 0 && !can(ctx.actor, 'scope.all_agencies'))) throw new NotFoundError('Special economic zone');
  return sez;
}

export async function sezRulesAt(db: Executor, date: string): Promise<PackInForce<SezRules>> {
  try {
    return await packInForce<SezRules>(db, SEZ_PACK_CODE, date);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NO_RULE_PACK') throw new DomainError('NO_RULE_PACK', 409, `No ${SEZ_PACK_CODE} rule pack is in force on ${date}: an administrator enters one on the legal register.`, [], { date });
    throw error;
  }
}

export const deliveryKey = (sezId: string, policeUnitId: string, month: string, kind: 'monthly' | 'inspectors') =>
  `sez.${kind === 'monthly' ? 'delivery' : 'inspectors'}:${sezId}:${policeUnitId}:${month}`;

/** The grant that gives `permission` over `unit`: one's own first, then one held as acting substitute. */
export function grantOver(ctx: Ctx, permission: Permission, unit: UnitInfo): Grant | null {
  const fits = ctx.actor.grants.filter((g) => g.permissions.has(permission) && unit.agencyId === ctx.actor.agencyId && (g.scopeUnitId === null || unit.path.includes(g.scopeUnitId)));
  return fits.find((g) => !g.actingForUserId) ?? fits[0] ?? null;
}
