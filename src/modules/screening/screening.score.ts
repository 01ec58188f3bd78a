// Scores one candidate entry against a screening query: name similarity first, then the attributes
// that agree or conflict (date of birth, sex, nationality). Every hit carries its explanation.
import type { IndexedEntry } from './screening.index.ts';
import { matchNames, type NameToken } from './similarity.ts';

export type ScreeningQuery = {
  tokens: NameToken[];
  birth: { yearFrom: number; yearTo: number; full: string | null } | null;
  sex: 'M' | 'F' | null;
  nationality: string | null;
};

export type ScoredEntry = { score: number; nameScore: number; matchedName: string; explanation: string[] };

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

export function scoreEntry(query: ScreeningQuery, entry: IndexedEntry, informativeness?: (key: string) => number): ScoredEntry {
  let best = { score: 0, name: 0, weak: false, pairs: 0 };
  for (const variant of entry.variants) {
    const match = matchNames(query.tokens, variant.tokens, informativeness);
    const score = match.score + (variant.weak ? WEAK_ALIAS : 0);
    if (score > best.score) best = { score, name: variant.name, weak: variant.weak, pairs: match.pairs.length };
  }
  const matchedName = entry.names[best.name]?.name ?? entry.primaryName;
  const explanation = [`name "${matchedName}"${best.weak ? ' (weak alias)' : ''} matches ${(best.score * 100).toFixed(0)}% over ${best.pairs} name part(s)`];
  let score = best.score;
  if (query.birth && entry.yearFrom !== null && entry.yearTo !== null) {
    const { yearFrom, yearTo, full } = query.birth;
    if (full && entry.dateOfBirth === full) {
      score += DOB_FULL_AGREES;
      explanation.push(`date of birth agrees (${full})`);
    } else if (yearFrom <= entry.yearTo && yearTo >= entry.yearFrom) {
      score += DOB_YEAR_AGREES;
      explanation.push(`year of birth agrees (${entry.dateOfBirth})`);
    } else if (yearFrom - entry.yearTo === 1 || entry.yearFrom - yearTo === 1) {
      score += DOB_ONE_YEAR_OFF;
      explanation.push(`year of birth one year off (${entry.dateOfBirth})`);
    } else {
      score += DOB_CONFLICT;
      explanation.push(`date of birth conflicts (${entry.dateOfBirth})`);
    }
  } else {
    score += UNCORROBORATED;
    explanation.push('no date of birth to compare');
  }
  if (query.sex && entry.sex && query.sex !== entry.sex) {
    score += SEX_CONFLICT;
    explanation.push(`sex conflicts (${entry.sex})`);
  }
  if (query.nationality && entry.nationalities.length) {
    if (entry.nationalities.includes(query.nationality)) {
      score += NATIONALITY_AGREES;
      explanation.push(`nationality agrees (${query.nationality})`);
    } else {
      score += NATIONALITY_CONFLICT;
      explanation.push(`nationality differs (${entry.nationalities.join(', ')})`);
    }
  }
  return { score: Math.max(0, Math.min(1, score)), nameScore: best.score, matchedName, explanation };
}
