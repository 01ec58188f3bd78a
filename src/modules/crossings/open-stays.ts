// Foreigners in the country now, by document (table open_stay, migration 0020): kept as passages are
// decided, so that the overstay list judges the stays still open, not every crossing of its look-back.
import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db.ts';
import type { Write } from '../audit/index.ts';
import { FOREIGN } from './checks.ts';

type Passed = { id: string; direction: 'entry' | 'exit'; travellerCategory: string; issuingState: string | null; documentNumber: string | null };

/** With the decision that passes a foreigner: an entry opens the document's stay (the one before it, if never closed, gives way), an exit closes it. */
export function openStayWrite(db: Db, row: Passed, at: Date): Write | null {
  const { issuingState, documentNumber } = row;
  if (!FOREIGN.has(row.travellerCategory) || !issuingState || !documentNumber) return null;
  if (row.direction === 'entry') {
    return db.insertInto('openStay').values({ issuingState, documentNumber, entryCrossingId: row.id, enteredAt: at })
      .onConflict((oc) => oc.columns(['issuingState', 'documentNumber']).doUpdateSet({ entryCrossingId: row.id, enteredAt: at }));
  }
  return db.deleteFrom('openStay').where('issuingState', '=', issuingState).where('documentNumber', '=', documentNumber);
}

/** The document's open stay as its passed crossings say now (after a correction changed who counts as a foreigner). */
export async function refreshOpenStay(db: Executor, issuingState: string, documentNumber: string): Promise<void> {
  const at = sql`coalesce(left_at, decided_at, arrived_at)`;
  await sql`
    with last as (
      select id, direction, ${at} as at from crossing
      where issuing_state = ${issuingState} and document_number = ${documentNumber} and decision = 'pass' and traveller_category in (${sql.join([...FOREIGN])})
      order by ${at} desc limit 1
    ), closed as (
      delete from open_stay where issuing_state = ${issuingState} and document_number = ${documentNumber} and not exists (select 1 from last where direction = 'entry')
    )
    insert into open_stay (issuing_state, document_number, entry_crossing_id, entered_at)
    select ${issuingState}, ${documentNumber}, id, at from last where direction = 'entry'
    on conflict (issuing_state, document_number) do update set entry_crossing_id = excluded.entry_crossing_id, entered_at = excluded.entered_at`.execute(db);
}
