// Scores one candidate entry against a screening query: name similarity first, then the attributes
// that agree or conflict (date of birth, sex, nationality). Every hit carries its explanation.
import type { PackedQuery } from './packed-names.ts';
import type { AttributeQuery } from './attributes.ts';
import type { ScreeningIndex } from './screening.index.ts';
import type { NameToken } from './similarity.ts';

export type ScreeningQuery = {
  tokens: NameToken[];
  birth: { yearFrom: number; yearTo: number; full: string | null } | null;
  sex: 'M' | 'F' | null;
  nationality: string | null;
};

/** Why a candidate scored as it did, as codes the interface words in the officer's language. */
export type Reason = {
  code: 'name' | 'weak_alias' | 'dob_agrees' | 'birth_year_agrees' | 'birth_year_one_off' | 'dob_conflicts' | 'no_dob' | 'sex_conflicts' | 'nationality_agrees' | 'nationality_differs' | 'document_held';
  value?: string;
  percent?: number;
};

const ENGLISH: Record<Reason['code'], (r: Reason) => string> = {
  name: (r) => `name "${r.value}" matches ${r.percent}%`,
  weak_alias: () => 'through a weak alias',
  dob_agrees: (r) => `date of birth agrees (${r.value})`,
  birth_year_agrees: (r) => `year of birth agrees (${r.value})`,
  birth_year_one_off: (r) => `year of birth one year off (${r.value})`,
  dob_conflicts: (r) => `date of birth conflicts (${r.value})`,
  no_dob: () => 'no date of birth to compare',
  sex_conflicts: (r) => `sex conflicts (${r.value})`,
  nationality_agrees: (r) => `nationality agrees (${r.value})`,
  nationality_differs: (r) => `nationality differs (${r.value})`,
  document_held: (r) => `document number ${r.value} is held by this listed person`,
};

/** The reasons in English, for the API's `explanation` text and the logs. */
export function explainInEnglish(reasons: Reason[]): string[] {
  return reasons.map((r) => ENGLISH[r.code](r));
}

export type ScoredEntry = { score: number; nameScore: number; matchedName: string; reasons: Reason[] };

// How far each attribute moves the name score. Conflicts weigh more than agreements: a list entry
// with another year of birth is most likely another person; the same year proves little.
const DOB_FULL_AGREES = 0.06;
const DOB_YEAR_AGREES = 0.03;
const DOB_ONE_YEAR_OFF = -0.04;
const DOB_CONFLICT = -0.25;
const SEX_CONFLICT = -0.15;
const NATIONALITY_AGREES = 0.02;
const NATIONALITY_CONFLICT = -0.05;
const WEAK_ALIAS = -0.05;
// No date of birth to compare (the entry or the query lacks it): the name alone must be stronger.
const UNCORROBORATED = -0.03;

/**
 * Scores entry number `entryNo` of the index; `packed` is `index.prepare(query.tokens)` and
 * `attributes` `index.attributes.prepare(query)`, each made once per screening.
 */
export function scoreEntry(query: ScreeningQuery, index: ScreeningIndex, entryNo: number, packed: PackedQuery, attributes = index.attributes.prepare(query)): ScoredEntry {
  return scoreAtLeast(index, entryNo, packed, attributes, -Infinity)!;
}

/**
 * scoreEntry for a candidate that matters only at `cut` or above: below it, null, unexplained
 * (explaining costs more than scoring). Most candidates conflict on the date of birth or sex: their
 * ceiling is under the cut, and their names are not scored at all.
 */
export function scoreAtLeast(index: ScreeningIndex, entryNo: number, packed: PackedQuery, attributes: AttributeQuery, cut: number): ScoredEntry | null {
  if (scoreCeiling(index, entryNo, attributes) < cut) return null;
  const best = index.names.best(packed, entryNo, WEAK_ALIAS);
  if (withAttributes(index, entryNo, attributes, best.score, null) < cut) return null;
  const entry = index.entries[entryNo]!;
  const matchedName = entry.names[best.name]?.name ?? entry.primaryName;
  const reasons: Reason[] = [{ code: 'name', value: matchedName, percent: Math.round(best.score * 100) }];
  if (best.weak) reasons.push({ code: 'weak_alias' });
  return { score: withAttributes(index, entryNo, attributes, best.score, reasons), nameScore: best.score, matchedName, reasons };
}

/**
 * The most entry number `entryNo` can score against the query: its attributes applied to a perfect
 * name, by the same arithmetic as scoreEntry (floating-point addition is monotonic, so no name
 * score of at most 1 can score above it). A candidate whose ceiling is below the cut is not scored.
 */
export function scoreCeiling(index: ScreeningIndex, entryNo: number, attributes: AttributeQuery): number {
  return withAttributes(index, entryNo, attributes, 1, null);
}

/** The name score moved by what the attributes agree or conflict on, clamped to 0…1; the reasons noted when asked for. */
function withAttributes(index: ScreeningIndex, e: number, q: AttributeQuery, nameScore: number, reasons: Reason[] | null): number {
  const columns = index.attributes;
  // the entry's own texts (index.entries) are read only to explain a score, for the few candidates that get that far
  let score = nameScore;
  if (q.birth && columns.hasYears(e)) {
    const { yearFrom, yearTo, full } = q.birth;
    const entryFrom = columns.yearFrom[e]!;
    const entryTo = columns.yearTo[e]!;
    if (full > 0 && columns.dob[e] === full) {
      score += DOB_FULL_AGREES;
      reasons?.push({ code: 'dob_agrees', value: index.entries[e]!.dateOfBirth ?? '' }); // the query's, to the letter
    } else if (yearFrom <= entryTo && yearTo >= entryFrom) {
      score += DOB_YEAR_AGREES;
      reasons?.push({ code: 'birth_year_agrees', value: index.entries[e]!.dateOfBirth ?? '' });
    } else if (yearFrom - entryTo === 1 || entryFrom - yearTo === 1) {
      score += DOB_ONE_YEAR_OFF;
      reasons?.push({ code: 'birth_year_one_off', value: index.entries[e]!.dateOfBirth ?? '' });
    } else {
      score += DOB_CONFLICT;
      reasons?.push({ code: 'dob_conflicts', value: index.entries[e]!.dateOfBirth ?? '' });
    }
  } else {
    score += UNCORROBORATED;
    reasons?.push({ code: 'no_dob' });
  }
  const sex = columns.sex[e]!;
  if (q.sex !== 0 && sex !== 0 && q.sex !== sex) {
    score += SEX_CONFLICT;
    reasons?.push({ code: 'sex_conflicts', value: index.entries[e]!.sex ?? '' });
  }
  if (q.nationality !== null && columns.nationalityCount(e) > 0) {
    if (columns.hasNationality(e, q.nationality)) {
      score += NATIONALITY_AGREES;
      reasons?.push({ code: 'nationality_agrees', value: q.nationalityText ?? '' });
    } else {
      score += NATIONALITY_CONFLICT;
      reasons?.push({ code: 'nationality_differs', value: index.entries[e]!.nationalities.join(', ') });
    }
  }
  return Math.max(0, Math.min(1, score));
}
