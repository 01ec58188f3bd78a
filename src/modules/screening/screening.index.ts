// The in-memory screening index: every active watchlist entry's name variants as skeleton tokens,
// postings from token keys to entries, a delete-1 neighbourhood for one-edit misspellings (SymSpell),
// and the document register as a hash map. Built from the database; swapped whole when a list changes,
// so a screening always sees one consistent version.
import { AttributeColumns } from './attributes.ts';
import { createNameVariants } from './normalize.ts';
import { DocumentSet } from './document-set.ts';
import { documentLookupKey } from './records.ts';
import { PackedNames, type PackedQuery, type Variant } from './packed-names.ts';
import { withoutInitialGlide, type NameToken } from './similarity.ts';

export type IndexedEntry = {
  id: string;
  /** the id given at import (UN DATAID, CSV id) */
  externalId: string;
  watchlistId: string;
  listCode: string;
  kind: string;
  threshold: number;
  action: string;
  ownerAgencyId: string | null;
  contact: string | null;
  restricted: boolean;
  version: number;
  primaryName: string;
  names: Array<{ name: string; quality: string }>;
  sex: string | null;
  dateOfBirth: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  nationalities: string[];
  documentKeys: string[];
  /** fewest required (non-patronymic) tokens among the entry's name variants */
  requiredTokens: number;
};

export type EntrySource = Omit<IndexedEntry, 'documentKeys' | 'requiredTokens'> & { documentNumbers: string[] };

function deletes(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

// A token whose keys hold more entries than this many times the budget only ranks the entries the rarer tokens reached.
const WALK_FACTOR = 20;
// Query tokens whose similar keys and postings are kept (a few MiB: most keys reach a handful of others).
const REACH_MEMO = 20_000;

function includesSorted(list: number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The k-th largest value (1-based) by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}

export class ScreeningIndex {
  readonly entries: IndexedEntry[] = [];
  readonly version: number;
  private readonly postings = new Map<string, number[]>();
  /** delete-1 variant → keys it comes from (only keys of length ≥ 4, where one edit is a misspelling, not another name) */
  private readonly neighbours = new Map<string, string[]>();
  private sortedKeys: string[] = [];
  readonly documents = new DocumentSet();
  /** per entry, its names' variants across transliteration schemes, packed for scoring */
  readonly names = new PackedNames();
  /** per entry, the attributes a score reads (dates of birth, sex, nationalities, threshold) */
  readonly attributes = new AttributeColumns();
  private readonly entryDocuments = new Map<string, number[]>();
  private weight = new Float64Array(0);
  private seenBy = new Uint32Array(0);
  private stamp = 1;
  private queryStart = 1;
  private touched = new Int32Array(4096);
  private weights = new Float64Array(0);
  private readonly reachMemo = new Map<string, { keys: string[]; lists: number[][]; total: number }>();
  /** nameVariants, keeping what the words and tokens of the names added so far came to (emptied by seal) */
  private nameVariants = createNameVariants();

  constructor(version: number) {
    this.version = version;
  }

  addEntry(source: EntrySource) {
    const index = this.entries.length;
    const variants: Variant[] = [];
    source.names.forEach((n, nameIndex) => {
      for (const tokens of this.nameVariants(n.name)) {
        if (tokens.length) variants.push({ name: nameIndex, weak: n.quality === 'weak', tokens });
      }
    });
    const documentKeys = source.documentNumbers.map(documentLookupKey).filter((k) => k.length >= 4);
    // the fewest required tokens of a variant, and the keys an entry is found by
    let requiredTokens = 99;
    const keys = new Set<string>();
    for (const variant of variants) {
      let required = 0;
      for (const t of variant.tokens) {
        if (t.optional) continue;
        required++;
        if (t.key.length >= 2) keys.add(t.key);
      }
      requiredTokens = Math.min(requiredTokens, required);
    }
    this.entries.push({ ...source, documentKeys, requiredTokens });
    this.names.add(variants);
    this.attributes.add(source);
    for (const key of keys) {
      let list = this.postings.get(key);
      if (!list) {
        list = [];
        this.postings.set(key, list);
        if (key.length >= 4) {
          for (const d of deletes(key)) {
            const from = this.neighbours.get(d);
            if (from) from.push(key);
            else this.neighbours.set(d, [key]);
          }
        }
      }
      list.push(index);
    }
    for (const key of documentKeys) {
      const list = this.entryDocuments.get(key);
      if (list) list.push(index);
      else this.entryDocuments.set(key, [index]);
    }
  }

  /** Adds a register document by issuing state and lookup key (with and without the state). */
  addDocument(issuingState: string, lookupKey: string) {
    this.documents.add(`${issuingState}|${lookupKey}`);
    this.documents.add(`|${lookupKey}`);
  }

  /** Call once all entries are added: prepares prefix search for MRZ-truncated tokens. */
  seal(): this {
    this.sortedKeys = [...this.postings.keys()].sort();
    this.documents.seal();
    this.names.seal(this.informativeness);
    this.attributes.seal();
    this.reachMemo.clear();
    this.nameVariants = createNameVariants();
    return this;
  }

  /** The query's tokens made ready for scoring against this index's packed names (once per screening). */
  prepare(tokens: NameToken[]): PackedQuery {
    return this.names.prepare(tokens, this.informativeness);
  }

  /** An entry's name variants as token lists (tools and tests; scoring reads the packed form). */
  variantsOf(entry: number): Variant[] {
    return this.names.variants(entry);
  }

  /** 0–1: how rare a name key is among the entries (1 = unique, near 0 = in a large share of them). */
  informativeness = (key: string): number => {
    const n = this.entries.length;
    if (n < 2) return 1;
    const df = this.postings.get(key)?.length ?? 1;
    return Math.max(0, Math.min(1, Math.log2(n / df) / Math.log2(n)));
  };

  get keyCount() {
    return this.postings.size;
  }

  /** Keys within one edit of `key` (for keys of length ≥ 4), the key itself, and for a truncated token the keys it begins. */
  similarKeys(key: string, truncated: boolean): string[] {
    const found = new Set<string>();
    if (this.postings.has(key)) found.add(key);
    // one letter missing in the query (OHN for JOHN): the neighbourhood holds the deletions of keys of four letters or more
    if (key.length >= 3) for (const k of this.neighbours.get(key) ?? []) found.add(k);
    if (key.length >= 4) {
      for (const d of deletes(key)) {
        if (this.postings.has(d) && d.length >= 4) found.add(d); // one letter too many
        for (const k of this.neighbours.get(d) ?? []) found.add(k); // one letter different or swapped
      }
    }
    for (const prefix of truncated && key.length >= 2 ? new Set([key, withoutInitialGlide(key)]) : []) {
      let lo = 0;
      let hi = this.sortedKeys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.sortedKeys[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.sortedKeys.length && this.sortedKeys[i]!.startsWith(prefix) && found.size < 200; i++) found.add(this.sortedKeys[i]!);
    }
    return [...found];
  }

  /**
   * A query token's similar keys with their postings and how many entries they hold in all. Travellers'
   * names repeat (a few thousand given names and surnames make most of them), and the index does not
   * change once sealed: the answer is kept, up to REACH_MEMO tokens, then the memo starts afresh.
   */
  private reach(token: NameToken): { keys: string[]; lists: number[][]; total: number } {
    const memoKey = token.truncated ? `${token.key}<` : token.key;
    let found = this.reachMemo.get(memoKey);
    if (!found) {
      const keys = this.similarKeys(token.key, Boolean(token.truncated));
      const lists = keys.map((key) => this.postings.get(key)!);
      let total = 0;
      for (const list of lists) total += list.length;
      if (this.reachMemo.size >= REACH_MEMO) this.reachMemo.clear();
      this.reachMemo.set(memoKey, (found = { keys, lists, total }));
    }
    return found;
  }

  /**
   * Candidate entries for the query tokens: entries sharing at least `minTokens` of the query's tokens
   * (exactly or within one edit), most shared first, at most `budget`.
   */
  candidates(query: NameToken[], budget: number): number[] {
    const required = query.filter((t) => !t.optional && t.key.length >= 2);
    const n = this.entries.length;
    // scratch arrays, reused by every query (screenings run one at a time on the event loop): a common
    // name part reaches tens of thousands of entries, and a Map and a Set per query cost more than the walk
    if (this.weight.length < n) {
      this.weight = new Float64Array(n);
      this.seenBy = new Uint32Array(n);
    }
    if (this.stamp > 4_000_000_000) {
      this.seenBy.fill(0);
      this.stamp = this.queryStart = 1;
    }
    const { weight, seenBy } = this;
    // the entries reached, in the order reached: a scratch array too, grown when a query reaches more
    let touched = this.touched;
    let count = 0;
    // rarest token first: its entries are the candidates; a common token (IVAN, ANA, SMITH among a million)
    // then only adds weight to entries already reached, unless its postings are few enough to walk whole
    const plans = required.map((token) => ({ token, ...this.reach(token) })).sort((a, b) => a.total - b.total);
    const walkLimit = budget * WALK_FACTOR;
    plans.forEach(({ token, keys, lists, total }, k) => {
      const addNew = k === 0 || total <= walkLimit;
      const stamp = ++this.stamp;
      for (let n = 0; n < keys.length; n++) {
        const key = keys[n]!;
        const postings = lists[n]!;
        // each entry gathers the rarity of the query tokens it shares: a rare surname alone ranks above a common given name
        const w = (key === token.key ? 1 : 0.8) / Math.log2(2 + postings.length);
        if (!addNew && count * Math.log2(postings.length + 1) < postings.length) {
          // fewer entries reached than the key has: look each of them up in the (ascending) postings
          for (let t = 0; t < count; t++) {
            const entry = touched[t]!;
            if (seenBy[entry] !== stamp && includesSorted(postings, entry)) {
              seenBy[entry] = stamp;
              weight[entry] = weight[entry]! + w;
            }
          }
          continue;
        }
        for (let i = 0; i < postings.length; i++) {
          const entry = postings[i]!;
          if (seenBy[entry] === stamp) continue;
          if (seenBy[entry]! < this.queryStart) {
            if (!addNew) continue;
            weight[entry] = 0;
            if (count === touched.length) {
              const grown = new Int32Array(touched.length * 2);
              grown.set(touched);
              touched = this.touched = grown;
            }
            touched[count++] = entry;
          }
          seenBy[entry] = stamp;
          weight[entry] = weight[entry]! + w;
        }
      }
    });
    this.queryStart = ++this.stamp;
    if (count <= budget) return Array.from(touched.subarray(0, count));
    // the budget's best by weight, ties in the order they were reached (as a stable sort would keep them)
    if (this.weights.length < count) this.weights = new Float64Array(touched.length);
    const weights = this.weights.subarray(0, count);
    for (let t = 0; t < count; t++) weights[t] = weight[touched[t]!]!;
    const cut = kthLargest(weights, budget);
    const out: number[] = [];
    for (let t = 0; t < count; t++) if (weight[touched[t]!]! > cut) out.push(touched[t]!);
    for (let t = 0; t < count && out.length < budget; t++) if (weight[touched[t]!] === cut) out.push(touched[t]!);
    return out;
  }

  entriesHoldingDocument(number: string): number[] {
    return this.entryDocuments.get(documentLookupKey(number)) ?? [];
  }

  /** Whether the register may hold this document (confirm against the database: it holds the details). */
  mayHoldDocument(number: string, issuingState: string | null): boolean {
    return this.documents.has(`${issuingState ?? ''}|${documentLookupKey(number)}`);
  }
}
