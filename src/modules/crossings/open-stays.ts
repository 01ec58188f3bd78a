// Foreigners in the country now, by document (table open_stay, migration 0020): kept as passages are
// decided, so that the overstay list judges the stays still open, not every crossing of its look-back.
// An entry and its exit are matched per traveller: by the document, or by the same person on another
// document (a passport renewed during the stay): nationality, full date of birth, surname and given
// names alike, case aside.
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db, Executor } from '../../platform/db.ts';
import type { Write } from '../audit/index.ts';
import { FOREIGN } from './checks.ts';

export type Traveller = { nationality: string; dateOfBirth: string; surname: string; givenNames: string | null };
export type Passed = { id: string; direction: 'entry' | 'exit'; travellerCategory: string; issuingState: string | null; documentNumber: string | null; surname: string | null; givenNames: string | null; dateOfBirth: string | null; nationality: string | null };

/** The person a crossing names, when it names them well enough to be matched on another document. */
export function travellerOf(row: Pick<Passed, 'surname' | 'givenNames' | 'dateOfBirth' | 'nationality'>): Traveller | null {
  if (!row.nationality || !row.surname || !row.dateOfBirth || !/^\d{4}-\d\d-\d\d$/.test(row.dateOfBirth)) return null;
  return { nationality: row.nationality, dateOfBirth: row.dateOfBirth, surname: row.surname, givenNames: row.givenNames };
}

/** The rows of table `a` (its person columns) that name this traveller. */
export function isTraveller(a: string, t: Traveller): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${a}.${c}`);
  return sql<boolean>`(${col('nationality')} = ${t.nationality} and ${col('dateOfBirth')} = ${t.dateOfBirth} and upper(${col('surname')}) = upper(${t.surname}) and upper(coalesce(${col('givenNames')}, '')) = upper(${t.givenNames ?? ''}))`;
}

/** Rows of tables `a` and `b` (their person columns) that name the same traveller. */
export function sameTraveller(a: string, b: string): RawBuilder<boolean> {
  const col = (t: string, c: string) => sql.ref(`${t}.${c}`);
  return sql<boolean>`(${col(b, 'dateOfBirth')} is not null and ${col(a, 'nationality')} = ${col(b, 'nationality')} and ${col(a, 'dateOfBirth')} = ${col(b, 'dateOfBirth')} and upper(${col(a, 'surname')}) = upper(${col(b, 'surname')}) and upper(coalesce(${col(a, 'givenNames')}, '')) = upper(coalesce(${col(b, 'givenNames')}, '')))`;
}

/** A stay's kept verdict set aside: judged again when the overstay list is next asked for (migration 0021). */
const unjudged = { version: sql<number>`${sql.ref('openStay.version')} + 1`, judgedUnder: null, overFrom: null };

/**
 * With the decision that passes a foreigner: an entry opens the document's stay (the one before it, if
 * never closed, gives way) and sets aside the verdicts of the same traveller's stays open on other
 * documents (this entry is now their current stay); an exit closes the stay of its document and of the
 * same traveller on another document.
 */
export function openStayWrites(db: Db, row: Passed, at: Date): Write[] {
  const { issuingState, documentNumber } = row;
  if (!FOREIGN.has(row.travellerCategory) || !issuingState || !documentNumber) return [];
  const traveller = travellerOf(row);
  const ofDocument = (eb: ExpressionBuilder<Database, 'openStay'>) => eb.and([eb('issuingState', '=', issuingState), eb('documentNumber', '=', documentNumber)]);
  if (row.direction === 'entry') {
    const person = { surname: row.surname, givenNames: row.givenNames, dateOfBirth: traveller ? row.dateOfBirth : null, nationality: row.nationality };
    return [
      db.insertInto('openStay').values({ issuingState, documentNumber, entryCrossingId: row.id, enteredAt: at, ...person })
        .onConflict((oc) => oc.columns(['issuingState', 'documentNumber']).doUpdateSet({ entryCrossingId: row.id, enteredAt: at, ...person, ...unjudged })),
      ...(traveller ? [db.updateTable('openStay').set(unjudged).where((eb) => eb.and([isTraveller('openStay', traveller), eb.not(ofDocument(eb))]))] : []),
    ];
  }
  return [db.deleteFrom('openStay').where((eb) => eb.or([ofDocument(eb), ...(traveller ? [isTraveller('openStay', traveller)] : [])]))];
}

/**
 * With a correction of a passed foreigner's crossing that changes who they are: the verdicts of the
 * document's open stay and of the stays of the traveller as named before and after set aside, and the
 * stay opened by this crossing naming the traveller as corrected.
 */
export function correctedTravellerWrites(db: Db, before: Passed, after: Passed): Write[] {
  if (!before.issuingState || !before.documentNumber) return [];
  const { issuingState, documentNumber } = before;
  const travellers = [travellerOf(before), travellerOf(after)].filter((t): t is Traveller => t !== null);
  const named = travellerOf(after);
  return [db.updateTable('openStay')
    .set({
      ...unjudged,
      surname: sql`case when ${sql.ref('entryCrossingId')} = ${after.id} then ${after.surname} else ${sql.ref('surname')} end`,
      givenNames: sql`case when ${sql.ref('entryCrossingId')} = ${after.id} then ${after.givenNames} else ${sql.ref('givenNames')} end`,
      dateOfBirth: sql`case when ${sql.ref('entryCrossingId')} = ${after.id} then ${named ? after.dateOfBirth : null} else ${sql.ref('dateOfBirth')} end`,
      nationality: sql`case when ${sql.ref('entryCrossingId')} = ${after.id} then ${after.nationality}::char(3) else ${sql.ref('nationality')} end`,
    })
    .where((eb) => eb.or([
      eb.and([eb('issuingState', '=', issuingState), eb('documentNumber', '=', documentNumber)]),
      ...travellers.map((t) => isTraveller('openStay', t)),
    ]))];
}

/** The document's open stay as its passed crossings say now (after a correction changed who counts as a foreigner). */
export async function refreshOpenStay(db: Executor, issuingState: string, documentNumber: string): Promise<void> {
  const at = sql`coalesce(left_at, decided_at, arrived_at)`;
  await sql`
    with last as (
      select id, direction, ${at} as at, surname, given_names, date_of_birth, nationality from crossing
      where issuing_state = ${issuingState} and document_number = ${documentNumber} and decision = 'pass' and traveller_category in (${sql.join([...FOREIGN])})
      order by ${at} desc limit 1
    ), closed as (
      delete from open_stay where issuing_state = ${issuingState} and document_number = ${documentNumber} and not exists (select 1 from last where direction = 'entry')
    )
    insert into open_stay (issuing_state, document_number, entry_crossing_id, entered_at, surname, given_names, date_of_birth, nationality)
    select ${issuingState}, ${documentNumber}, id, at, surname, given_names, case when date_of_birth ~ '^\\d{4}-\\d\\d-\\d\\d$' then date_of_birth end, nationality from last where direction = 'entry'
    on conflict (issuing_state, document_number) do update set entry_crossing_id = excluded.entry_crossing_id, entered_at = excluded.entered_at,
      surname = excluded.surname, given_names = excluded.given_names, date_of_birth = excluded.date_of_birth, nationality = excluded.nationality,
      version = open_stay.version + 1, judged_under = null, over_from = null`.execute(db);
}
