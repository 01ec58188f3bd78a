// Rows read from the database reused for a few seconds (SHEKARA_CACHE_SECONDS), so the hot paths of
// border control cost no query for who is asking (the session or token with its grants) or where (the
// checkpoint and its lanes). Whatever this process writes to the tables a row came from empties the
// cache at once (`WriteWatch`); a change made by another process applies within the cache's time.
// Entries age on the app clock: a test that moves the clock moves them too. Misses are never kept.
import type { WriteWatch } from './write-watch.ts';

export function createWatchedCache<T extends object>(watch: WriteWatch, tables: readonly string[], seconds: number, maxEntries = 10_000) {
  const entries = new Map<string, { row: T; version: number; at: number }>();
  let version = watch.version(tables);
  return {
    /** The cached row of `key`, or `load()`'s (kept when found). */
    async get<R extends T>(key: string, now: Date, load: () => Promise<R | undefined>): Promise<R | undefined> {
      if (seconds <= 0) return load();
      const current = watch.version(tables);
      if (current !== version) {
        entries.clear();
        version = current;
      }
      const hit = entries.get(key);
      const age = hit ? now.getTime() - hit.at : -1;
      if (hit && hit.version === version && age >= 0 && age < seconds * 1000) return hit.row as R;
      const readAt = watch.version(tables);
      const row = await load();
      if (!row) {
        entries.delete(key);
        return row;
      }
      if (entries.size >= maxEntries) entries.clear();
      // a write that ran while this was read makes it stale at once (its version is behind)
      entries.set(key, { row, version: readAt, at: now.getTime() });
      return row;
    },
  };
}
