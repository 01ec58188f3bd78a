// The list side's name variants packed into typed arrays, and the name score computed on them.
// Scoring a candidate used to walk entry → variants → tokens → key strings, objects scattered over a
// heap of a million entries: a cache miss at each step, about 1 µs per candidate. Here a candidate's
// variants are a few consecutive integers (interned key ids), the keys' lengths, letter masks and
// rarity sit in typed arrays, and a query token's similarity to a key is computed once per screening.
// The arithmetic is matchNames' (similarity.ts), to the last bit; packed-names.test.ts holds them equal.
import { letterMask, mayBeSimilarMasks, tokenSimilarity, type NameToken } from './similarity.ts';

export type Variant = { name: number; weak: boolean; tokens: NameToken[] };

/** A query prepared for scoring against packed names: per token its key id (or −1) and rarity; its stamp in the memo. */
export type PackedQuery = {
  tokens: NameToken[];
  ids: Int32Array;
  info: Float64Array;
  stamp: number;
};

const MAX_TOKENS = 127;
// Query tokens whose similarities are remembered within a screening (a name has a few; a search text
// of many words goes uncached past these, rather than growing the memo by megabytes per token).
const MEMO_TOKENS = 12;

export class PackedNames {
  private readonly keyIds = new Map<string, number>();
  /** one token object per distinct key, for the rare full similarity computation */
  private readonly keyTokens: NameToken[] = [];
  private building: number[] = [];
  private starts: number[] = [];
  private entryStart = new Int32Array(0);
  private pool = new Int32Array(0);
  private keyLength = new Uint8Array(0);
  private keyMask = new Int32Array(0);
  private keyInfo = new Float64Array(0);
  // A query token's similarity to a key, computed once per screening: slot token × keyCount + key,
  // valid while its stamp is the query's. Typed arrays, not a Map per token: a common given name meets
  // the same few thousand keys in every screening, and a lookup here is two array reads.
  private memoStamp = new Uint32Array(0);
  private memoValue = new Float64Array(0);
  private stamp = 0;

  get keyCount() {
    return this.keyTokens.length;
  }

  idOf(key: string): number {
    return this.keyIds.get(key) ?? -1;
  }

  private intern(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyTokens.length;
      this.keyIds.set(key, id);
      this.keyTokens.push({ key, optional: false, truncated: false, mask: letterMask(key) });
    }
    return id;
  }

  /** Adds the next entry's variants (entries are numbered in the order they are added). Layout: count, then per variant a header (name << 8 | weak << 7 | tokens) and its tokens (id << 1 | optional). */
  add(variants: Variant[]) {
    this.starts.push(this.building.length);
    this.building.push(variants.length);
    for (const v of variants) {
      const tokens = v.tokens.slice(0, MAX_TOKENS);
      this.building.push((v.name << 8) | (v.weak ? 128 : 0) | tokens.length);
      for (const t of tokens) this.building.push((this.intern(t.key) << 1) | (t.optional ? 1 : 0));
    }
  }

  /** Freezes the pool; `rarity` gives each key's informativeness (0–1) once all entries are in. */
  seal(rarity: (key: string) => number) {
    this.pool = Int32Array.from(this.building);
    this.entryStart = Int32Array.from(this.starts);
    this.building = [];
    this.starts = [];
    const n = this.keyTokens.length;
    this.keyLength = new Uint8Array(n);
    this.keyMask = new Int32Array(n);
    this.keyInfo = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const t = this.keyTokens[i]!;
      this.keyLength[i] = Math.min(t.key.length, 255);
      this.keyMask[i] = t.mask!;
      this.keyInfo[i] = rarity(t.key);
    }
  }

  private startOf(entry: number): number {
    return this.entryStart[entry]!;
  }

  /** The entry's variants as token objects (explanations, tools; not the hot path). */
  variants(entry: number): Variant[] {
    const out: Variant[] = [];
    let p = this.startOf(entry);
    const count = this.pool[p++]!;
    for (let v = 0; v < count; v++) {
      const header = this.pool[p++]!;
      const tokens: NameToken[] = [];
      for (let j = 0; j < (header & 127); j++) {
        const code = this.pool[p++]!;
        const key = this.keyTokens[code >> 1]!.key;
        tokens.push({ key, optional: (code & 1) === 1, truncated: false, mask: letterMask(key) });
      }
      out.push({ name: header >> 8, weak: (header & 128) !== 0, tokens });
    }
    return out;
  }

  prepare(tokens: NameToken[], rarity: (key: string) => number): PackedQuery {
    const slots = Math.min(tokens.length, MEMO_TOKENS) * this.keyTokens.length;
    if (this.memoStamp.length < slots) {
      this.memoStamp = new Uint32Array(slots);
      this.memoValue = new Float64Array(slots);
      this.stamp = 0;
    }
    if (this.stamp >= 0xffffffff) {
      this.memoStamp.fill(0);
      this.stamp = 0;
    }
    return {
      tokens,
      ids: Int32Array.from(tokens, (t) => this.idOf(t.key)),
      info: Float64Array.from(tokens, (t) => rarity(t.key)),
      stamp: ++this.stamp,
    };
  }

  /** The entry's best variant for the query: its name score (before the weak-alias cost), name index and quality. */
  best(query: PackedQuery, entry: number, weakCost: number): { score: number; name: number; weak: boolean } {
    let best = 0;
    let bestName = 0;
    let bestWeak = false;
    let p = this.startOf(entry);
    const count = this.pool[p++]!;
    for (let v = 0; v < count; v++) {
      const header = this.pool[p++]!;
      const size = header & 127;
      const weak = (header & 128) !== 0;
      const score = this.score(query, p, size) + (weak ? weakCost : 0);
      if (score > best) {
        best = score;
        bestName = header >> 8;
        bestWeak = weak;
      }
      p += size;
    }
    return { score: best, name: bestName, weak: bestWeak };
  }

  private similarity(query: PackedQuery, i: number, id: number): number {
    if (query.ids[i] === id) return 1;
    if (i >= MEMO_TOKENS) return this.computeSimilarity(query, i, id);
    const slot = i * this.keyTokens.length + id;
    if (this.memoStamp[slot] === query.stamp) return this.memoValue[slot]!;
    const s = this.computeSimilarity(query, i, id);
    this.memoStamp[slot] = query.stamp;
    this.memoValue[slot] = s;
    return s;
  }

  private computeSimilarity(query: PackedQuery, i: number, id: number): number {
    const q = query.tokens[i]!;
    const length = this.keyLength[id]!;
    return q.key.length > 1 && length > 1 && !q.truncated && !mayBeSimilarMasks(q.mask ?? letterMask(q.key), q.key.length, this.keyMask[id]!, length)
      ? 0
      : tokenSimilarity(q, this.keyTokens[id]!);
  }

  /** matchNames' score (similarity.ts) of the query against the variant of `size` tokens at `start` of the pool. */
  private score(query: PackedQuery, start: number, size: number): number {
    const nq = query.tokens.length;
    if (nq === 0 || size === 0) return 0;
    ensureScratch(nq, size);
    let n = 0;
    for (let i = 0; i < nq; i++) {
      for (let j = 0; j < size; j++) {
        const s = this.similarity(query, i, this.pool[start + j]! >> 1);
        if (s < 0.8) continue;
        let k = n++;
        while (k > 0 && pairS[k - 1]! < s) {
          pairQ[k] = pairQ[k - 1]!;
          pairC[k] = pairC[k - 1]!;
          pairS[k] = pairS[k - 1]!;
          k--;
        }
        pairQ[k] = i;
        pairC[k] = j;
        pairS[k] = s;
      }
    }
    simQ.fill(-1, 0, nq);
    simC.fill(-1, 0, size);
    for (let k = 0; k < n; k++) {
      const i = pairQ[k]!;
      const j = pairC[k]!;
      if (simQ[i]! >= 0 || simC[j]! >= 0) continue;
      simQ[i] = pairS[k]!;
      simC[j] = pairS[k]!;
    }
    let requiredQ = 0;
    let requiredC = 0;
    for (let i = 0; i < nq; i++) if (!query.tokens[i]!.optional) requiredQ++;
    for (let j = 0; j < size; j++) if ((this.pool[start + j]! & 1) === 0) requiredC++;
    const shorterIsQuery = requiredQ <= requiredC;
    const shorterCount = shorterIsQuery ? requiredQ : requiredC;
    if (shorterCount === 0) return 0;
    let weighted = 0;
    let weights = 0;
    let extras = 0;
    if (shorterIsQuery) {
      for (let i = 0; i < nq; i++) {
        const t = query.tokens[i]!;
        if (t.optional) continue;
        const weight = Math.min(t.key.length, 8) * (0.3 + 0.7 * query.info[i]!);
        weights += weight;
        if (simQ[i]! >= 0) weighted += weight * simQ[i]!;
      }
      for (let j = 0; j < size; j++) if ((this.pool[start + j]! & 1) === 0 && simC[j]! < 0) extras++;
    } else {
      for (let j = 0; j < size; j++) {
        const code = this.pool[start + j]!;
        if (code & 1) continue;
        const id = code >> 1;
        const weight = Math.min(this.keyLength[id]!, 8) * (0.3 + 0.7 * this.keyInfo[id]!);
        weights += weight;
        if (simC[j]! >= 0) weighted += weight * simC[j]!;
      }
      for (let i = 0; i < nq; i++) if (!query.tokens[i]!.optional && simQ[i]! < 0) extras++;
    }
    const longerCount = shorterIsQuery ? requiredC : requiredQ;
    const singlePenalty = shorterCount === 1 && longerCount > 1 ? 0.15 : 0;
    return Math.max(0, weighted / weights - 0.06 * extras - singlePenalty);
  }
}

let pairQ = new Int32Array(64);
let pairC = new Int32Array(64);
let pairS = new Float64Array(64);
let simQ = new Float64Array(16);
let simC = new Float64Array(16);
function ensureScratch(nq: number, nc: number) {
  if (pairQ.length < nq * nc) {
    pairQ = new Int32Array(nq * nc * 2);
    pairC = new Int32Array(nq * nc * 2);
    pairS = new Float64Array(nq * nc * 2);
  }
  if (simQ.length < nq) simQ = new Float64Array(nq * 2);
  if (simC.length < nc) simC = new Float64Array(nc * 2);
}
