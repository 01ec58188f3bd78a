// The overstay list as CSV, for the migration police's spreadsheets: one row per traveller over their
// days, those over longest first, the rule in the three languages.
import type { z } from 'zod';
import type { OverstaysView } from '../../contracts/crossings.ts';
import { csvDocument } from '../../platform/csv.ts';

export function overstaysCsv(list: z.input<typeof OverstaysView>, checkpointCodes: ReadonlyMap<string, string>): string {
  const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());
  return csvDocument([
    ['surname', 'given_names', 'date_of_birth', 'nationality', 'document_state', 'document_number', 'entered_at', 'entry_checkpoint', 'over_since', 'days_this_stay', 'days_in_period', 'over_by', 'rule_kk', 'rule_ru', 'rule_en'],
    ...list.items.map((i) => [
      i.person.surname, i.person.givenNames, i.person.dateOfBirth, i.person.nationality, i.document.issuingState, i.document.number,
      iso(i.enteredAt), checkpointCodes.get(i.entryCheckpointId) ?? i.entryCheckpointId, i.overSince, i.daysThisStay, i.daysInPeriod, i.overBy,
      i.ruleNames?.kk ?? i.rule, i.ruleNames?.ru ?? i.rule, i.ruleNames?.en ?? i.rule,
    ]),
  ]);
}
