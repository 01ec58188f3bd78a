// Foreigners in the country now, by document (table open_stay, migration 0020), kept in the statement of
// each decision that passes one and of each correction of a passed crossing, with their overstay
// verdicts set aside when they change (migration 0021): the overstay list judges only what changed. An
// entry and its exit are matched per traveller: by the document, or by the same person on another
// document (a passport renewed during the stay): nationality, full date of birth, surname and given
// names alike, case aside, and the sex not the other (a namesake of the other sex is another person;
// a document that gives none, or X, does not tell them apart).
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../../platform/db.ts';
import type { Write } from '../audit/index.ts';
import { FOREIGN } from './checks.ts';

export type Traveller = { nationality: string; dateOfBirth: string; surname: string; givenNames: string | null; sex: string | null };
type Timed = { arrivedAt: Date; decidedAt: Date | null; leftAt: Date | null };
export type Passed = { id: string; direction: 'entry' | 'exit'; travellerCategory: string; issuingState: string | null; documentNumber: string | null; surname: string | null; givenNames: string | null; dateOfBirth: string | null; nationality: string | null; sex: string | null };

/** The person a crossing names, when it names them well enough to be matched on another document. */
export function travellerOf(row: Pick<Passed, 'surname' | 'givenNames' | 'dateOfBirth' | 'nationality' | 'sex'>): Traveller | null {
  if (!row.nationality || !row.surname || !row.dateOfBirth || !/^\d{4}-\d\d-\d\d$/.test(row.dateOfBirth)) return null;
  return { nationality: row.nationality, dateOfBirth: row.dateOfBirth, surname: row.surname, givenNames: row.givenNames, sex: row.sex };
}

/** The other of the two sexes a document can tell apart (M, F); null when it tells neither. */
const otherSex = (sex: string | null) => (sex === 'M' ? 'F' : sex === 'F' ? 'M' : null);

/** The rows of table `a` (its person columns) that name this traveller. */
export function isTraveller(a: string, t: Traveller): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${a}.${c}`);
  const other = otherSex(t.sex);
  const sex = other ? sql` and ${col('sex')} is distinct from ${other}` : sql``;
  return sql<boolean>`(${col('nationality')} = ${t.nationality} and ${col('dateOfBirth')} = ${t.dateOfBirth} and upper(${col('surname')}) = upper(${t.surname}) and upper(coalesce(${col('givenNames')}, '')) = upper(${t.givenNames ?? ''})${sex})`;
}

/** Rows of tables `a` and `b` (their person columns) that name the same traveller. */
export function sameTraveller(a: string, b: string): RawBuilder<boolean> {
  const col = (t: string, c: string) => sql.ref(`${t}.${c}`);
  return sql<boolean>`(${col(b, 'dateOfBirth')} is not null and ${col(a, 'nationality')} = ${col(b, 'nationality')} and ${col(a, 'dateOfBirth')} = ${col(b, 'dateOfBirth')} and upper(${col(a, 'surname')}) = upper(${col(b, 'surname')}) and upper(coalesce(${col(a, 'givenNames')}, '')) = upper(coalesce(${col(b, 'givenNames')}, ''))
    and not (coalesce(${col(a, 'sex')}, 'X') in ('M', 'F') and coalesce(${col(b, 'sex')}, 'X') in ('M', 'F') and ${col(a, 'sex')} <> ${col(b, 'sex')}))`;
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
    const person = { surname: row.surname, givenNames: row.givenNames, dateOfBirth: traveller ? row.dateOfBirth : null, nationality: row.nationality, sex: row.sex };
    return [
      db.insertInto('openStay').values({ issuingState, documentNumber, entryCrossingId: row.id, enteredAt: at, ...person })
        .onConflict((oc) => oc.columns(['issuingState', 'documentNumber']).doUpdateSet({ entryCrossingId: row.id, enteredAt: at, ...person, ...unjudged })),
      ...(traveller ? [db.updateTable('openStay').set(unjudged).where((eb) => eb.and([isTraveller('openStay', traveller), eb.not(ofDocument(eb))]))] : []),
    ];
  }
  return [db.deleteFrom('openStay').where((eb) => eb.or([ofDocument(eb), ...(traveller ? [isTraveller('openStay', traveller)] : [])]))];
}

/**
 * With a correction of a passed crossing that changes who the traveller is or whether they count as a
 * foreigner, in the same statement: the verdicts of the stays of the traveller as named before and
 * after set aside; the stay opened by this crossing naming the traveller as corrected; and, when the
 * category changed, the document's open stay as its passed crossings say with this one corrected (the
 * statement's other crossings as they were, this one as it will be).
 */
export function correctedTravellerWrites(db: Db, before: Passed & Timed, after: Passed & Timed): Write[] {
  if (!before.issuingState || !before.documentNumber) return [];
  const { issuingState, documentNumber } = before;
  const travellers = [travellerOf(before), travellerOf(after)].filter((t): t is Traveller => t !== null);
  const named = travellerOf(after);
  const recategorised = FOREIGN.has(before.travellerCategory) !== FOREIGN.has(after.travellerCategory);
  const ofDocument = (eb: ExpressionBuilder<Database, 'openStay'>) => eb.and([eb('issuingState', '=', issuingState), eb('documentNumber', '=', documentNumber)]);
  const writes: Write[] = [db.updateTable('openStay')
    .set({
      ...unjudged,
      surname: sql`case when ${sql.ref('entryCrossingId')} = ${after.id} then ${after.surname} else ${sql.ref('surname')} end`,
      givenNames: sql`case when ${sql.ref('entryCrossingId')} = ${after.id} then ${after.givenNames} else ${sql.ref('givenNames')} end`,
      dateOfBirth: sql`case when ${sql.ref('entryCrossingId')} = ${after.id} then ${named ? after.dateOfBirth : null} else ${sql.ref('dateOfBirth')} end`,
      nationality: sql`case when ${sql.ref('entryCrossingId')} = ${after.id} then ${after.nationality}::char(3) else ${sql.ref('nationality')} end`,
      sex: sql`case when ${sql.ref('entryCrossingId')} = ${after.id} then ${after.sex}::char(1) else ${sql.ref('sex')} end`,
    })
    .where((eb) => {
      const either = eb.or([ofDocument(eb), ...travellers.map((t) => isTraveller('openStay', t))]);
      // the document's own stay is rebuilt below: a row is changed once in a statement
      return recategorised ? eb.and([either, eb.not(ofDocument(eb))]) : either;
    })];
  if (recategorised) {
    // the document's latest passed crossing of a foreigner, this one as corrected
    const at = (r: Timed) => r.leftAt ?? r.decidedAt ?? r.arrivedAt;
    const last = sql`(
      select * from (
        select id, direction, coalesce(left_at, decided_at, arrived_at) as at, surname, given_names, case when date_of_birth ~ '^\d{4}-\d\d-\d\d$' then date_of_birth end as date_of_birth, nationality, sex
        from crossing where issuing_state = ${issuingState} and document_number = ${documentNumber} and decision = 'pass' and traveller_category in (${sql.join([...FOREIGN])}) and id <> ${after.id}
        union all
        select ${after.id}::uuid, ${after.direction}::text, ${at(after)}::timestamptz, ${after.surname}::text, ${after.givenNames}::text, ${named ? after.dateOfBirth : null}::text, ${after.nationality}::char(3), ${after.sex}::char(1)
        where ${FOREIGN.has(after.travellerCategory)}
      ) passed order by at desc, id desc limit 1
    )`;
    writes.push(
      db.insertInto('openStay').columns(['issuingState', 'documentNumber', 'entryCrossingId', 'enteredAt', 'surname', 'givenNames', 'dateOfBirth', 'nationality', 'sex'])
        .expression(sql`select ${issuingState}::char(3), ${documentNumber}::text, id, at, surname, given_names, date_of_birth, nationality, sex from ${last} as last where direction = 'entry'`)
        .onConflict((oc) => oc.columns(['issuingState', 'documentNumber']).doUpdateSet((eb) => ({
          entryCrossingId: eb.ref('excluded.entryCrossingId'), enteredAt: eb.ref('excluded.enteredAt'), surname: eb.ref('excluded.surname'), givenNames: eb.ref('excluded.givenNames'),
          dateOfBirth: eb.ref('excluded.dateOfBirth'), nationality: eb.ref('excluded.nationality'), sex: eb.ref('excluded.sex'), ...unjudged,
        }))),
      db.deleteFrom('openStay').where(ofDocument).where(sql<boolean>`not exists (select 1 from ${last} as last where direction = 'entry')`),
    );
  }
  return writes;
}
