// What a screening asks of the in-memory index and what comes back: pure functions over one
// ScreeningIndex, run where the index lives (the screening worker thread, or the calling thread).
// Only the entries that scored come back, whole, so the caller needs nothing else of the index.
import { CANDIDATE_BUDGET, NEAR_MISS, screenPerson, toScreeningQuery, type PersonQuery } from './screen.ts';
import { documentKey } from './records.ts';
import { isPatronymic, nameTokens, tokens } from './normalize.ts';
import type { IndexedEntry, ScreeningIndex } from './screening.index.ts';
import { scoreEntry, type Reason, type ScreeningQuery } from './screening.score.ts';

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
