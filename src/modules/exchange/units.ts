// Units as the exchange sees them: where they sit (agency, path, level, zone) and their counterparts
// of the same level in the other agencies (Instruction 2002 p.8; counterpart groups of the org model).
import { can, type Ctx } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import type { Permission } from '../../platform/permissions.ts';
import { deskUnits } from './notifications.ts';
import { packInForce, type PackInForce } from '../crossings/reasons.ts';
import { EXCHANGE_PACK_CODE, type ExchangeRules } from './rules.ts';

export type UnitInfo = { id: string; agencyId: string; parentId: string | null; path: string[]; level: number; timeZone: string; names: { kk: string; ru: string; en: string } };

const columns = ['id', 'agencyId', 'parentId', 'path', 'level', 'timeZone', 'nameKk', 'nameRu', 'nameEn'] as const;
const info = (u: { id: string; agencyId: string; parentId: string | null; path: string[]; level: number; timeZone: string; nameKk: string; nameRu: string; nameEn: string }): UnitInfo =>
  ({ id: u.id, agencyId: u.agencyId, parentId: u.parentId, path: u.path, level: u.level, timeZone: u.timeZone, names: { kk: u.nameKk, ru: u.nameRu, en: u.nameEn } });

export async function unitsById(db: Executor, ids: readonly string[]): Promise<Map<string, UnitInfo>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('unit').select(columns).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((u) => [u.id, info(u)]));
}

/** The units that work with `unitId` on illegal migration (same counterpart group), without itself. */
export async function counterpartsOf(db: Executor, unitId: string): Promise<UnitInfo[]> {
  const rows = await db.selectFrom('counterpartMember as me')
    .innerJoin('counterpartGroup as g', 'g.id', 'me.groupId')
    .innerJoin('counterpartMember as other', 'other.groupId', 'me.groupId')
    .innerJoin('unit', 'unit.id', 'other.unitId')
    .select(columns.map((c) => `unit.${c}` as const))
    .where('me.unitId', '=', unitId).where('g.purpose', '=', 'migration_interaction').where('other.unitId', '<>', unitId).where('unit.isActive', '=', true)
    .distinct().execute();
  return rows.map(info);
}

/** Every directed pair of counterpart units (each owes the other its daily and monthly information). */
export async function counterpartPairs(db: Executor) {
  return db.selectFrom('counterpartMember as a')
    .innerJoin('counterpartGroup as g', 'g.id', 'a.groupId')
    .innerJoin('counterpartMember as b', 'b.groupId', 'a.groupId')
    .innerJoin('unit as ua', 'ua.id', 'a.unitId')
    .innerJoin('unit as ub', 'ub.id', 'b.unitId')
    .select(['a.unitId as unitId', 'ua.agencyId as agencyId', 'ua.timeZone as timeZone', 'b.unitId as counterpartUnitId'])
    .where('g.purpose', '=', 'migration_interaction').whereRef('a.unitId', '<>', 'b.unitId').where('ua.isActive', '=', true).where('ub.isActive', '=', true)
    .distinct().execute();
}

/** The exchange rule pack in force on a local date, or null (a message is still recorded, unjudged). */
export async function exchangeRulesAt(db: Executor, date: string): Promise<PackInForce<ExchangeRules> | null> {
  try {
    return await packInForce<ExchangeRules>(db, EXCHANGE_PACK_CODE, date);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NO_RULE_PACK') return null;
    throw error;
  }
}

export const unitRef = (u: UnitInfo) => ({ id: u.id, agencyId: u.agencyId, level: u.level, names: u.names });

/** True when the actor holds `permission` over the unit (false for no unit). */
export const reaches = (ctx: Ctx, permission: Permission, unit: UnitInfo | null | undefined) =>
  Boolean(unit && can(ctx.actor, permission, { agencyId: unit.agencyId, path: unit.path }));

/** The unit the actor acts for: the one named, if the actor holds `permission` over it, else their first desk; otherwise 404. */
export async function deskUnit(db: Executor, ctx: Ctx, permission: Permission, unitId: string | undefined): Promise<UnitInfo> {
  const id = unitId ?? deskUnits(ctx.actor, permission)[0];
  const unit = id ? (await unitsById(db, [id])).get(id) : undefined;
  if (!reaches(ctx, permission, unit)) throw new NotFoundError('Unit');
  return unit!;
}
