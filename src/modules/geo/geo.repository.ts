import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';

export function listBorderSections(db: Executor) {
  return db
    .selectFrom('borderSection')
    .leftJoin('checkpoint', 'checkpoint.borderSectionId', 'borderSection.id')
    .selectAll('borderSection')
    .select((eb) => eb.fn.count<number>('checkpoint.id').as('checkpointCount'))
    .groupBy('borderSection.id')
    .orderBy(sql`${sql.ref('borderSection.code')} nulls last`)
    .execute();
}

export function findBorderSection(db: Executor, id: string) {
  return db.selectFrom('borderSection').selectAll().where('id', '=', id).executeTakeFirst();
}

export type CheckpointFilter = { neighbour?: string | undefined; mode?: string | undefined; q?: string | undefined; id?: string | undefined };

export async function listCheckpoints(db: Executor, filter: CheckpointFilter) {
  let q = db
    .selectFrom('checkpoint')
    .leftJoin('borderSection', 'borderSection.id', 'checkpoint.borderSectionId')
    .selectAll('checkpoint')
    .select('borderSection.neighbourCountry')
    .select((eb) => eb.fn.coalesce(eb.selectFrom('sezCheckpoint').select((inner) => inner.fn<string[]>('array_agg', ['sezCheckpoint.sezId']).as('ids')).whereRef('sezCheckpoint.checkpointId', '=', 'checkpoint.id'), sql<string[]>`'{}'::uuid[]`).as('sezIds'));
  if (filter.id) q = q.where('checkpoint.id', '=', filter.id);
  if (filter.neighbour) q = q.where('borderSection.neighbourCountry', '=', filter.neighbour);
  if (filter.mode) {
    const mode = filter.mode;
    q = q.where((eb) => eb(eb.val(mode), '=', eb.fn.any('checkpoint.transportModes')));
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('checkpoint.nameEn', 'ilike', like), eb('checkpoint.nameRu', 'ilike', like), eb('checkpoint.nameKk', 'ilike', like), eb('checkpoint.code', 'ilike', like)]));
  }
  return q.orderBy(sql`${sql.ref('borderSection.code')} nulls last`).orderBy('checkpoint.nameEn').execute();
}

export function listStatusChanges(db: Executor, checkpointId: string) {
  return db.selectFrom('checkpointStatusChange').selectAll().where('checkpointId', '=', checkpointId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(200).execute();
}

export async function listSezs(db: Executor) {
  const sezs = await db.selectFrom('sez').selectAll().orderBy('code').execute();
  const links = await db.selectFrom('sezCheckpoint').selectAll().execute();
  return sezs.map((s) => ({ ...s, checkpointIds: links.filter((l) => l.sezId === s.id).map((l) => l.checkpointId) }));
}

/**
 * The checkpoints where a unit works, the nearest first: the one whose unit it is at or under (a booth's
 * shift); then those it serves as a body at the checkpoint (it, a unit above it or one below it is a
 * member of a counterpart group of the checkpoint: customs, migration police, other control bodies);
 * then those under it (a department's, a detachment's); each rank by code.
 */
export async function checkpointsWhereUnitWorks(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('checkpoint').innerJoin('unit as cu', 'cu.id', 'checkpoint.unitId').innerJoin('unit as mine', (join) => join.on('mine.id', '=', unitId))
    .select(['checkpoint.id', 'checkpoint.code', sql<number>`case when checkpoint.unit_id = any(mine.path) then 0 when cu.id <> mine.id and ${unitId}::uuid = any(cu.path) then 2 else 1 end`.as('rank')])
    .where((eb) => eb.or([
      eb(sql<string>`checkpoint.unit_id`, '=', sql<string>`any(mine.path)`),
      eb(sql<string>`${unitId}::uuid`, '=', sql<string>`any(cu.path)`),
      eb.exists(eb.selectFrom('counterpartGroup as g').innerJoin('counterpartMember as m', 'm.groupId', 'g.id').innerJoin('unit as mu', 'mu.id', 'm.unitId').select('g.id')
        .whereRef('g.checkpointId', '=', 'checkpoint.id')
        .where((w) => w.or([w(sql<string>`mu.id`, '=', sql<string>`any(mine.path)`), w(sql<string>`${unitId}::uuid`, '=', sql<string>`any(mu.path)`)]))),
    ]))
    .orderBy('rank').orderBy('checkpoint.code').execute();
  return rows.map((r) => r.id);
}
