// String and name similarity for scoring screening candidates. Hand-written because it is the hot
// path: no allocation per comparison beyond two small flag arrays reused across calls.

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro-Winkler similarity (0–1) with the standard prefix scale 0.1 over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 1 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ch = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ch) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

let row = new Uint16Array(64);
/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (row.length <= b.length) row = new Uint16Array(b.length * 2 + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    let best = row[0]!;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      prev = current;
      if (row[j]! < best) best = row[j]!;
    }
    if (best > max) return max + 1;
  }
  return row[b.length]!;
}

export type NameToken = {
  /** skeleton of the token */
  key: string;
  /** the token is a patronymic: missing on the other side costs nothing */
  optional: boolean;
  /** the token may have been cut at the end of an MRZ name field */
  truncated?: boolean;
  /** the letters of the key as a bit set (lazily, see letterMask) */
  mask?: number;
};

/** The letters A–Z of a key as bits (other characters share bits 26–30): for a quick Jaro bound. */
export function letterMask(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    mask |= 1 << (c >= 65 && c <= 90 ? c - 65 : 26 + (c % 5));
  }
  return mask;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Whether two whole tokens may reach a similarity of 0.8 at all. Jaro's matches m are at most the
 * length of either key less its letters the other lacks; with no transpositions and the longest
 * prefix (4), Jaro-Winkler ≤ J + 0.4 (1 − J) where J = (m/la + m/lb + 1) / 3. Below 0.8, skip.
 */
export function mayBeSimilarMasks(a: number, la: number, b: number, lb: number): boolean {
  const m = Math.min(la - popcount(a & ~b), lb - popcount(b & ~a));
  if (m <= 0) return false;
  const jaro = (m / la + m / lb + 1) / 3;
  return jaro + 0.4 * (1 - jaro) >= 0.8;
}

/** A cut token keeps its initial glide (IULI… of IULIIA), which the skeleton of the whole name drops. */
export const withoutInitialGlide = (key: string) => (/^[IJ][AEOU]/.test(key) ? key.slice(1) : key);

/** Similarity of two tokens: exact keys 1; an initial against a name that starts with it 0.9; a truncated prefix 0.95; else Jaro-Winkler. */
export function tokenSimilarity(q: NameToken, c: NameToken): number {
  if (q.key === c.key) return 1;
  if (q.key.length === 1 || c.key.length === 1) return q.key[0] === c.key[0] ? 0.9 : 0;
  if (q.truncated && q.key.length >= 2 && (c.key.startsWith(q.key) || c.key.startsWith(withoutInitialGlide(q.key)))) return q.key.length >= 4 ? 0.95 : 0.9;
  if (c.truncated && c.key.length >= 2 && q.key.startsWith(c.key)) return c.key.length >= 4 ? 0.95 : 0.9;
  // two short name parts (Chinese syllables, WU / XU / HU) that differ are different names, not misspellings
  if (q.key.length <= 3 && c.key.length <= 3) return 0.7;
  const jw = jaroWinkler(q.key, c.key);
  if (jw < 0.8) return jw;
  // Jaro-Winkler forgives a second and third edit too easily (BAJANEVA / BAIAKEVA 0.93): each edit past the first costs
  const edits = levenshtein(q.key, c.key, 3);
  return edits <= 1 ? jw : jw - 0.08 * (edits - 1);
}

export type NameMatch = { score: number; pairs: Array<{ query: number; candidate: number; similarity: number }> };

/**
 * Best-pairs alignment of query tokens to candidate tokens, whatever their order (surname and given
 * names swapped, a name in the wrong MRZ slot). Each token pairs at most once, best pairs first. The score
 * is the length-weighted mean similarity over the required (non-patronymic) tokens of the shorter side;
 * unpaired required tokens of the longer side lower it a little (a middle name the other list lacks). Each
 * token weighs by its length and by how informative it is (rare names more; see ScreeningIndex.informativeness).
 */
export function matchNames(query: NameToken[], candidate: NameToken[], informativeness: (key: string) => number = () => 1): NameMatch {
  if (query.length === 0 || candidate.length === 0) return { score: 0, pairs: [] };
  const all: Array<{ query: number; candidate: number; similarity: number }> = [];
  for (let i = 0; i < query.length; i++) {
    for (let j = 0; j < candidate.length; j++) {
      const similarity = tokenSimilarity(query[i]!, candidate[j]!);
      // below 0.8 two skeletons are different names, not spellings of one (SERIK / AIGERIM scores 0.7)
      if (similarity >= 0.8) all.push({ query: i, candidate: j, similarity });
    }
  }
  all.sort((x, y) => y.similarity - x.similarity);
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  const pairs: NameMatch['pairs'] = [];
  for (const pair of all) {
    if (usedQ.has(pair.query) || usedC.has(pair.candidate)) continue;
    usedQ.add(pair.query);
    usedC.add(pair.candidate);
    pairs.push(pair);
  }
  // Required tokens: the side with fewer required tokens must be covered; the longer side's extras cost 0.04 each.
  const required = (tokens: NameToken[]) => tokens.map((t, i) => ({ t, i })).filter(({ t }) => !t.optional);
  const rq = required(query);
  const rc = required(candidate);
  const [shorter, shorterUsed, shorterIsQuery] = rq.length <= rc.length ? [rq, usedQ, true] : [rc, usedC, false];
  if (shorter.length === 0) return { score: 0, pairs };
  let weighted = 0;
  let weights = 0;
  for (const { t, i } of shorter) {
    // a rare name part says more than a common one (IVANOV or SERIK alone identify nobody)
    const weight = Math.min(t.key.length, 8) * (0.3 + 0.7 * informativeness(t.key));
    weights += weight;
    if (!shorterUsed.has(i)) continue;
    const pair = pairs.find((p) => (shorterIsQuery ? p.query === i : p.candidate === i))!;
    weighted += weight * pair.similarity;
  }
  const longer = shorterIsQuery ? rc : rq;
  const longerUsed = shorterIsQuery ? usedC : usedQ;
  const extras = longer.filter(({ i }) => !longerUsed.has(i)).length;
  // a single-token name matches too easily: it must stand against a single-token name
  const singlePenalty = shorter.length === 1 && longer.length > 1 ? 0.15 : 0;
  const score = Math.max(0, weighted / weights - 0.06 * extras - singlePenalty);
  return { score, pairs };
}
