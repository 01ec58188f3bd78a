// Rows read from the database reused for a few seconds (SHEKARA_CACHE_SECONDS), so the hot paths of
// border control cost no query for who is asking (the session or token with its grants) or where (the
// checkpoint and its lanes). Whatever this process writes to the tables a row came from empties the
// cache at once (`WriteWatch`); a change made by another process applies within the cache's time.
// Entries age on the app clock: a test that moves the clock moves them too. Misses are never kept.
import type { WriteWatch } from './write-watch.ts';

export function createWatchedCache<T extends object>(watch: WriteWatch, tables: readonly string[], seconds: number, maxEntries = 10_000) {
  const entries = new Map<string, { row: T; version: number; at: number }>();
  let version = watch.version(tables);
  /** The version now; a watched write since the last look empties the cache. */
  const current = () => {
    const now = watch.version(tables);
    if (now !== version) {
      entries.clear();
      version = now;
    }
    return now;
  };
  const keep = (key: string, row: T, readAt: number, now: Date) => {
    if (entries.size >= maxEntries) entries.clear();
    entries.set(key, { row, version: readAt, at: now.getTime() });
  };
  return {
    /** The cached row of `key` if it is still good, without loading anything. */
    peek<R extends T>(key: string, now: Date): R | undefined {
      if (seconds <= 0) return undefined;
      const v = current();
      const hit = entries.get(key);
      const age = hit ? now.getTime() - hit.at : -1;
      return hit && hit.version === v && age >= 0 && age < seconds * 1000 ? (hit.row as R) : undefined;
    },
    /** The cached row of `key`, or `load()`'s (kept when found). */
    async get<R extends T>(key: string, now: Date, load: () => Promise<R | undefined>): Promise<R | undefined> {
      const hit = this.peek<R>(key, now);
      if (hit) return hit;
      const readAt = watch.version(tables);
      const row = await load();
      if (!row) {
        entries.delete(key);
        return row;
      }
      // a write that ran while this was read makes it stale at once (its version is behind)
      if (seconds > 0) keep(key, row, readAt, now);
      return row;
    },
    /** A row this process has just written, as written. */
    set(key: string, row: T, now: Date) {
      if (seconds > 0) keep(key, row, current(), now);
    },
    delete(key: string) {
      entries.delete(key);
    },
  };
}
