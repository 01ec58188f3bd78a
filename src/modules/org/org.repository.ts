import type { Executor } from '../../platform/db.ts';

export function listAgencies(db: Executor) {
  return db.selectFrom('agency').selectAll().orderBy('country').orderBy('code').execute();
}

export function findAgency(db: Executor, id: string) {
  return db.selectFrom('agency').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnit(db: Executor, id: string) {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUnits(db: Executor, filter: { agencyId?: string | undefined; parentId?: string | undefined; level?: number | undefined }) {
  let q = db.selectFrom('unit').selectAll();
  if (filter.agencyId) q = q.where('agencyId', '=', filter.agencyId);
  if (filter.parentId) q = q.where('parentId', '=', filter.parentId);
  if (filter.level) q = q.where('level', '=', filter.level);
  return q.orderBy('level').orderBy('code').execute();
}

export function findOfficer(db: Executor, id: string) {
  return db.selectFrom('officer').innerJoin('unit', 'unit.id', 'officer.unitId').selectAll('officer').select('unit.path').where('officer.id', '=', id).executeTakeFirst();
}

/** Officers in any of the given subtrees (null scope: the whole agency); `null` agency means every agency. */
export function listOfficers(db: Executor, filter: { agencyId: string | null; scopeUnitIds: string[] | null; unitId?: string | undefined; q?: string | undefined; limit: number }) {
  let q = db.selectFrom('officer').innerJoin('unit', 'unit.id', 'officer.unitId').selectAll('officer');
  if (filter.agencyId) q = q.where('officer.agencyId', '=', filter.agencyId);
  if (filter.scopeUnitIds) {
    const ids = filter.scopeUnitIds;
    q = q.where((eb) => eb.or(ids.map((id) => eb(eb.val(id), '=', eb.fn.any('unit.path')))));
  }
  if (filter.unitId) q = q.where('officer.unitId', '=', filter.unitId);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('officer.surname', 'ilike', like), eb('officer.givenNames', 'ilike', like), eb('officer.serviceCertificateNo', 'ilike', like)]));
  }
  return q.orderBy('officer.surname').orderBy('officer.givenNames').limit(filter.limit).execute();
}

export async function listCounterpartGroups(db: Executor, filter: { checkpointId?: string | undefined; unitId?: string | undefined }) {
  let q = db.selectFrom('counterpartGroup').selectAll();
  if (filter.checkpointId) q = q.where('checkpointId', '=', filter.checkpointId);
  if (filter.unitId) {
    const unitId = filter.unitId;
    q = q.where('id', 'in', db.selectFrom('counterpartMember').select('groupId').where('unitId', '=', unitId));
  }
  const groups = await q.orderBy('level').orderBy('nameEn').execute();
  if (groups.length === 0) return [];
  const members = await db
    .selectFrom('counterpartMember')
    .innerJoin('unit', 'unit.id', 'counterpartMember.unitId')
    .select(['counterpartMember.groupId', 'counterpartMember.unitId', 'counterpartMember.role', 'unit.agencyId', 'unit.nameKk', 'unit.nameRu', 'unit.nameEn'])
    .where('groupId', 'in', groups.map((g) => g.id))
    .execute();
  return groups.map((g) => ({ ...g, members: members.filter((m) => m.groupId === g.id) }));
}
