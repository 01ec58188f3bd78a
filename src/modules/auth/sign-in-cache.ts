// A resolved session or bearer token (the user, the grants, the acting assignments) reused for a few
// seconds, so a request costs no query to authenticate (ADR 0009). Whatever this process writes to the
// tables an actor is made of (users, grants, roles, sessions, tokens, units) empties it at once; a change
// made by another process applies within `SHEKARA_AUTH_CACHE_SECONDS`. Expiry, revocation and idle
// time are still judged on every request against the app clock; only the database read is saved.
import type { WriteWatch } from '../../platform/write-watch.ts';

const MAX_ENTRIES = 10_000;

export function createSignInCache(watch: WriteWatch, seconds: number) {
  const entries = new Map<string, { row: object; epoch: number; at: number }>();
  let epoch = watch.epoch;
  return {
    /** The cached row of a token hash, or `load()`'s (cached when found). Unknown tokens are never kept. */
    async resolve<T extends object>(hash: string, now: Date, load: () => Promise<T | undefined>): Promise<T | undefined> {
      if (seconds <= 0) return load();
      if (watch.epoch !== epoch) {
        entries.clear();
        epoch = watch.epoch;
      }
      const hit = entries.get(hash);
      const age = hit ? now.getTime() - hit.at : -1;
      if (hit && hit.epoch === epoch && age >= 0 && age < seconds * 1000) return hit.row as T;
      const readAt = watch.epoch;
      const row = await load();
      if (!row) {
        entries.delete(hash);
        return row;
      }
      if (entries.size >= MAX_ENTRIES) entries.clear();
      // a write that ran while this was read makes it stale at once
      entries.set(hash, { row, epoch: readAt, at: now.getTime() });
      return row;
    },
  };
}
