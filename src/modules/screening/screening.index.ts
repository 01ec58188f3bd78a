// The in-memory screening index: every active watchlist entry's name variants as skeleton tokens,
// postings from token keys to entries, a delete-1 neighbourhood for one-edit misspellings (SymSpell),
// and the document register as a hash map. Built from the database; swapped whole when a list changes,
// so a screening always sees one consistent version.
import { nameVariants } from './normalize.ts';
import { DocumentSet } from './document-set.ts';
import { documentLookupKey } from './records.ts';
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
  /** per name, its variants across transliteration schemes */
  variants: Array<{ name: number; weak: boolean; tokens: NameToken[] }>;
  sex: string | null;
  dateOfBirth: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  nationalities: string[];
  documentKeys: string[];
  /** fewest required (non-patronymic) tokens among the entry's name variants */
  requiredTokens: number;
};

export type EntrySource = Omit<IndexedEntry, 'variants' | 'documentKeys' | 'requiredTokens'> & { documentNumbers: string[] };

function deletes(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

export class ScreeningIndex {
  readonly entries: IndexedEntry[] = [];
  readonly version: number;
  private readonly postings = new Map<string, number[]>();
  /** delete-1 variant → keys it comes from (only keys of length ≥ 4, where one edit is a misspelling, not another name) */
  private readonly neighbours = new Map<string, string[]>();
  private sortedKeys: string[] = [];
  readonly documents = new DocumentSet();
  private readonly entryDocuments = new Map<string, number[]>();

  constructor(version: number) {
    this.version = version;
  }

  addEntry(source: EntrySource) {
    const index = this.entries.length;
    const variants: IndexedEntry['variants'] = [];
    source.names.forEach((n, nameIndex) => {
      for (const tokens of nameVariants(n.name)) {
        if (tokens.length) variants.push({ name: nameIndex, weak: n.quality === 'weak', tokens });
      }
    });
    const documentKeys = source.documentNumbers.map(documentLookupKey).filter((k) => k.length >= 4);
    const requiredTokens = Math.min(...variants.map((v) => v.tokens.filter((t) => !t.optional).length), 99);
    this.entries.push({ ...source, variants, documentKeys, requiredTokens });
    const keys = new Set(variants.flatMap((v) => v.tokens.filter((t) => !t.optional && t.key.length >= 2).map((t) => t.key)));
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
    return this;
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
   * Candidate entries for the query tokens: entries sharing at least `minTokens` of the query's tokens
   * (exactly or within one edit), most shared first, at most `budget`.
   */
  candidates(query: NameToken[], budget: number): number[] {
    const required = query.filter((t) => !t.optional && t.key.length >= 2);
    // each entry gathers the rarity of the query tokens it shares: a rare surname alone ranks above a common given name
    const weights = new Map<number, number>();
    for (const token of required) {
      const seen = new Set<number>();
      for (const key of this.similarKeys(token.key, Boolean(token.truncated))) {
        const postings = this.postings.get(key)!;
        const weight = (key === token.key ? 1 : 0.8) / Math.log2(2 + postings.length);
        for (const entry of postings) {
          if (seen.has(entry)) continue;
          seen.add(entry);
          weights.set(entry, (weights.get(entry) ?? 0) + weight);
        }
      }
    }
    if (weights.size <= budget) return [...weights.keys()];
    return [...weights].sort((a, b) => b[1] - a[1]).slice(0, budget).map(([entry]) => entry);
  }

  entriesHoldingDocument(number: string): number[] {
    return this.entryDocuments.get(documentLookupKey(number)) ?? [];
  }

  /** Whether the register may hold this document (confirm against the database: it holds the details). */
  mayHoldDocument(number: string, issuingState: string | null): boolean {
    return this.documents.has(`${issuingState ?? ''}|${documentLookupKey(number)}`);
  }
}
