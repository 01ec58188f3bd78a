// The hot path of a screening, pure: query → candidates from the index → scores → hits and near misses.
// The service adds the document register, the false-match memory, alerts and the audit around it;
// the benchmark runs exactly this.
import { nameTokens } from './normalize.ts';
import type { ScreeningIndex } from './screening.index.ts';
import { scoreEntry, type Reason, type ScreeningQuery } from './screening.score.ts';
import { parseBirthDate } from './dob.ts';

// Candidates scored per screening: a cut (truncated) name is weaker evidence, so it gets a wider net.
export const CANDIDATE_BUDGET = 200;
const TRUNCATED_BUDGET = 600;
export const NEAR_MISS = 0.12; // candidates this far below the threshold are shown, not alerted

export type PersonQuery = { surname?: string | undefined; givenNames?: string | undefined; dateOfBirth?: string | undefined; nationality?: string | undefined; sex?: string | undefined; nameTruncated?: boolean | undefined };
export type Scored = { entry: number; score: number; matchedName: string; reasons: Reason[] };

export function toScreeningQuery(person: PersonQuery | undefined): ScreeningQuery {
  const nameText = [person?.surname, person?.givenNames].filter(Boolean).join(' ');
  return {
    tokens: nameTokens(nameText, { lastTruncated: person?.nameTruncated ?? false }),
    birth: person?.dateOfBirth ? parseBirthDate(person.dateOfBirth) : null,
    sex: person?.sex === 'M' || person?.sex === 'F' ? person.sex : null,
    nationality: person?.nationality ?? null,
  };
}

/** Scores the index's candidates for a person: hits at or above each entry's threshold, and near misses. */
export function screenPerson(index: ScreeningIndex, query: ScreeningQuery, budget = CANDIDATE_BUDGET): { hits: Scored[]; nearMisses: Scored[] } {
  const hits: Scored[] = [];
  const nearMisses: Scored[] = [];
  if (!query.tokens.some((t) => !t.optional)) return { hits, nearMisses };
  const net = query.tokens.some((t) => t.truncated) ? Math.max(budget, TRUNCATED_BUDGET) : budget;
  const packed = index.prepare(query.tokens);
  for (const candidate of index.candidates(query.tokens, net)) {
    const entry = index.entries[candidate]!;
    const result = scoreEntry(query, index, candidate, packed);
    const scored = { entry: candidate, score: result.score, matchedName: result.matchedName, reasons: result.reasons };
    if (result.score >= entry.threshold) hits.push(scored);
    else if (result.score >= entry.threshold - NEAR_MISS) nearMisses.push(scored);
  }
  hits.sort((a, b) => b.score - a.score);
  nearMisses.sort((a, b) => b.score - a.score);
  return { hits, nearMisses: nearMisses.slice(0, 10) };
}
