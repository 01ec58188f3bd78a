import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';

export const SCREENING_VERSION_KEY = 'screening_version';

/** The counter that every list or register change bumps; each process rebuilds its index when it moves. */
export async function readScreeningVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom('systemSetting').select('value').where('key', '=', SCREENING_VERSION_KEY).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

export async function bumpScreeningVersion(db: Executor): Promise<void> {
  await sql`insert into system_setting (key, value, updated_at) values (${SCREENING_VERSION_KEY}, '1'::jsonb, now())
    on conflict (key) do update set value = to_jsonb((system_setting.value #>> '{}')::bigint + 1), updated_at = now()`.execute(db);
}

export function listWatchlists(db: Executor) {
  return db
    .selectFrom('watchlist')
    .selectAll('watchlist')
    .select((eb) => eb.selectFrom('watchlistEntry').select(eb.fn.countAll<number>().as('n')).whereRef('watchlistEntry.watchlistId', '=', 'watchlist.id').where('watchlistEntry.removedAt', 'is', null).as('entryCount'))
    .orderBy('code')
    .execute();
}

export function findWatchlistByCode(db: Executor, code: string) {
  return db.selectFrom('watchlist').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Active entries with their list, in batches (the index is built from these). */
export function activeEntriesPage(db: Executor, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('watchlistEntry as e')
    .innerJoin('watchlist as w', 'w.id', 'e.watchlistId')
    .select(['e.id', 'e.watchlistId', 'e.externalId', 'e.kind', 'e.primaryName', 'e.names', 'e.sex', 'e.dateOfBirth', 'e.birthYearFrom', 'e.birthYearTo',
      'e.nationalities', 'e.documentNumbers', 'e.action', 'e.contact', 'e.restricted', 'e.version', 'e.validTo',
      'w.code as listCode', 'w.threshold', 'w.defaultAction', 'w.ownerAgencyId', 'w.contact as listContact'])
    .where('e.removedAt', 'is', null);
  if (afterId) q = q.where('e.id', '>', afterId);
  return q.orderBy('e.id').limit(limit).execute();
}

export function activeDocumentsPage(db: Executor, afterId: string | null, limit: number) {
  let q = db.selectFrom('documentRegister').select(['id', 'issuingState', 'lookupKey']).where('removedAt', 'is', null);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

export function findRegisteredDocuments(db: Executor, lookupKey: string, issuingState: string | null) {
  let q = db.selectFrom('documentRegister').select(['id', 'issuingState', 'number', 'status']).where('lookupKey', '=', lookupKey).where('removedAt', 'is', null);
  if (issuingState) q = q.where('issuingState', '=', issuingState);
  return q.execute();
}

export function findEntry(db: Executor, id: string) {
  return db.selectFrom('watchlistEntry as e').innerJoin('watchlist as w', 'w.id', 'e.watchlistId').selectAll('e').select(['w.code as listCode', 'w.ownerAgencyId']).where('e.id', '=', id).executeTakeFirst();
}

export function entryVersions(db: Executor, entryId: string) {
  return db.selectFrom('watchlistEntryVersion').selectAll().where('entryId', '=', entryId).orderBy('version', 'desc').execute();
}
