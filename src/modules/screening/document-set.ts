// A compact set of document keys for the lost/stolen register: 64-bit hashes in one sorted typed array
// (8 bytes a document instead of a few hundred for a Map of strings), looked up by binary search.
// A hash hit is confirmed against the database, so a collision can cost a query, never a false hit.

function hash64(text: string): bigint {
  // two independent 32-bit FNV-1a style hashes make one 64-bit value
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (BigInt(h1 >>> 0) << 32n) | BigInt(h2 >>> 0);
}

export class DocumentSet {
  private pending: bigint[] = [];
  private sorted = new BigUint64Array(0);

  add(key: string) {
    this.pending.push(hash64(key));
  }

  /** Sorts what was added; call once after the last add. */
  seal(): this {
    const all = new BigUint64Array(this.sorted.length + this.pending.length);
    all.set(this.sorted);
    all.set(this.pending, this.sorted.length);
    all.sort();
    this.sorted = all;
    this.pending = [];
    return this;
  }

  get size() {
    return this.sorted.length;
  }

  get bytes() {
    return this.sorted.byteLength;
  }

  has(key: string): boolean {
    const h = hash64(key);
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.sorted[mid]!;
      if (v === h) return true;
      if (v < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
