// The hot path of a screening, pure: query → candidates from the index → scores → hits and near misses,
// and a document against the entries holding it and the register. Only the entries that scored come
// back, whole: the service adds the register's details, the false-match memory, alerts, visibility and
// the audit around them. The benchmark runs screenPerson, exactly.
import { isPatronymic, nameTokens, tokens } from './normalize.ts';
import { documentKey } from './records.ts';
import type { IndexedEntry, ScreeningIndex } from './screening.index.ts';
import { scoreAtLeast, scoreEntry, type Reason, type ScreeningQuery } from './screening.score.ts';
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

/** How many candidates a screening scores at most. */
export const candidateNet = (query: ScreeningQuery, budget = CANDIDATE_BUDGET) => (query.tokens.some((t) => t.truncated) ? Math.max(budget, TRUNCATED_BUDGET) : budget);

/** Scores the index's candidates for a person: hits at or above each entry's threshold, and near misses. */
export function screenPerson(index: ScreeningIndex, query: ScreeningQuery, budget = CANDIDATE_BUDGET): { hits: Scored[]; nearMisses: Scored[] } {
  const hits: Scored[] = [];
  const nearMisses: Scored[] = [];
  if (!query.tokens.some((t) => !t.optional)) return { hits, nearMisses };
  const packed = index.prepare(query.tokens);
  const attributes = index.attributes.prepare(query);
  const thresholds = index.attributes.threshold;
  for (const candidate of index.candidates(query.tokens, candidateNet(query, budget))) {
    const result = scoreAtLeast(index, candidate, packed, attributes, thresholds[candidate]! - NEAR_MISS);
    if (!result) continue;
    const scored = { entry: candidate, score: result.score, matchedName: result.matchedName, reasons: result.reasons };
    if (result.score >= thresholds[candidate]!) hits.push(scored);
    else nearMisses.push(scored);
  }
  hits.sort((a, b) => b.score - a.score);
  nearMisses.sort((a, b) => b.score - a.score);
  return { hits, nearMisses: nearMisses.slice(0, 10) };
}

export type IndexScreenRequest = { person?: PersonQuery | undefined; document?: { number: string; issuingState?: string | null | undefined } | undefined };

export type IndexScreenResult = {
  version: number;
  /** hits and near misses, best first: a document held by a listed person scores 1 */
  scored: Array<{ entry: IndexedEntry; score: number; matchedName: string; reasons: Reason[] }>;
  /** whether the document register may hold the document (the database holds the details) */
  mayHoldDocument: boolean;
};

export type IndexSearchRequest = { q?: string | undefined; list?: string | undefined; limit: number };

/** Screens a person and a document against one index: the hits, the near misses (10 at most) and the register's answer. */
export function screenIndex(index: ScreeningIndex, request: IndexScreenRequest): IndexScreenResult {
  const person = screenPerson(index, toScreeningQuery(request.person));
  const scored = new Map<number, { score: number; matchedName: string; reasons: Reason[] }>();
  for (const s of [...person.hits, ...person.nearMisses]) scored.set(s.entry, s);
  let mayHoldDocument = false;
  if (request.document) {
    // a document number held by a listed person is an exact identifier: the strongest hit there is
    for (const i of index.entriesHoldingDocument(request.document.number)) {
      scored.set(i, { score: 1, matchedName: index.entries[i]!.primaryName, reasons: [{ code: 'document_held', value: documentKey(request.document.number) }] });
    }
    mayHoldDocument = index.mayHoldDocument(request.document.number, request.document.issuingState ?? null);
  }
  const ranked = [...scored].sort((a, b) => b[1].score - a[1].score);
  const out: IndexScreenResult['scored'] = [];
  let near = 0;
  for (const [i, { score, matchedName, reasons }] of ranked) {
    const entry = index.entries[i]!;
    if (score >= entry.threshold || (score >= entry.threshold - NEAR_MISS && near++ < 10)) out.push({ entry, score, matchedName, reasons });
  }
  return { version: index.version, scored: out, mayHoldDocument };
}

/** Entries by a name in any script, ranked like a screening by their name score; without a name, the first of the list. */
export function searchIndex(index: ScreeningIndex, query: IndexSearchRequest): Array<{ entry: IndexedEntry; score?: number }> {
  let found: Array<{ entry: IndexedEntry; score?: number }>;
  if (query.q) {
    const q: ScreeningQuery = { tokens: nameTokens(query.q), birth: null, sex: null, nationality: null };
    const single = tokens(query.q).filter((t) => !isPatronymic(t)).length === 1;
    const packed = index.prepare(q.tokens);
    found = index.candidates(q.tokens, CANDIDATE_BUDGET)
      .map((i) => ({ entry: index.entries[i]!, score: scoreEntry(q, index, i, packed).nameScore }))
      .filter((f) => f.score >= (single ? 0.7 : 0.75))
      .sort((a, b) => b.score - a.score);
  } else {
    found = [];
    for (const entry of index.entries) {
      if (found.length >= query.limit) break;
      if (!query.list || entry.listCode === query.list) found.push({ entry });
    }
  }
  if (query.list) found = found.filter((f) => f.entry.listCode === query.list);
  return found.slice(0, query.limit);
}
