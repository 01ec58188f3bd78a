import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import { activeDocumentsPage, activeEntriesPage, readScreeningVersion } from './screening.repository.ts';
import { ScreeningIndex } from './screening.index.ts';

// Default alert thresholds per list kind; a list may set its own.
export const DEFAULT_THRESHOLDS: Record<string, number> = { wanted: 0.88, entry_ban: 0.88, exit_ban: 0.88, sanctions: 0.9, other: 0.9 };
const CHECK_EVERY_MS = 2000;
// Rows read at a time: a page's rows are parsed in one go when it arrives (a thousand entries with their
// names take about as long as GIVE_WAY_MS; register documents are three short columns).
const ENTRY_PAGE = 1000;
const DOCUMENT_PAGE = 5000;
// A build shares the thread with the requests being served meanwhile (on the previous index, after a
// change made elsewhere): it gives way this often, so a booth waits about this long for its turn, not
// for a whole page of entries (half a second and more).
const GIVE_WAY_MS = 10;

/**
 * Keeps this process's screening index current: it checks the version counter at most every two
 * seconds and rebuilds in the background when it moved; screenings go on against the previous index
 * until the new one is ready, then it is swapped in whole.
 */
export function createIndexHolder(deps: Pick<Deps, 'db' | 'clock' | 'log'>) {
  let current: ScreeningIndex | null = null;
  let building: Promise<ScreeningIndex> | null = null;
  let checkedAt = 0;

  async function build(version: number): Promise<ScreeningIndex> {
    const started = performance.now();
    const index = new ScreeningIndex(version);
    let after: string | null = null;
    const today = deps.clock.now().toISOString().slice(0, 10);
    // Fresh statistics first: after a bulk load the planner, knowing nothing of the new rows, sorted the
    // whole table for every page (a minute for 200,000 entries and 1,000,000 documents on PostgreSQL;
    // with statistics each page is an index scan). ANALYZE samples, so it costs little.
    await sql`analyze watchlist_entry, document_register`.execute(deps.db).catch((error: unknown) => deps.log.warn({ error: String(error) }, 'analyze before the screening index failed'));
    // the time since the build last gave way to the requests
    let slice = performance.now();
    const due = () => performance.now() - slice >= GIVE_WAY_MS;
    const giveWay = async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    };
    for (;;) {
      const page = await activeEntriesPage(deps.db, after, ENTRY_PAGE);
      for (const row of page) {
        if (due()) await giveWay();
        if (row.validTo && row.validTo < today) continue; // expired entries no longer stop anyone
        index.addEntry({
          id: row.id, watchlistId: row.watchlistId, listCode: row.listCode, kind: row.kind, threshold: row.threshold ?? DEFAULT_THRESHOLDS[row.kind] ?? 0.9,
          action: row.action ?? row.defaultAction, ownerAgencyId: row.ownerAgencyId, contact: row.contact ?? row.listContact, restricted: row.restricted,
          version: row.version, primaryName: row.primaryName, names: row.names, sex: row.sex, dateOfBirth: row.dateOfBirth, yearFrom: row.birthYearFrom,
          yearTo: row.birthYearTo, nationalities: row.nationalities, documentNumbers: row.documentNumbers, externalId: row.externalId,
        });
      }
      if (page.length < ENTRY_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    after = null;
    for (;;) {
      const page = await activeDocumentsPage(deps.db, after, DOCUMENT_PAGE);
      for (const doc of page) {
        if (due()) await giveWay();
        index.addDocument(doc.issuingState, doc.lookupKey);
      }
      if (page.length < DOCUMENT_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    deps.log.info({ entries: index.entries.length, keys: index.keyCount, ms: Math.round(performance.now() - started), version }, 'screening index built');
    return index.seal();
  }

  let waitForFresh = false;

  return {
    /** The current index, rebuilt first if there is none or the lists changed since it was built. */
    async get(): Promise<ScreeningIndex> {
      const now = Date.now();
      if (current && !waitForFresh && now - checkedAt < CHECK_EVERY_MS) return current;
      checkedAt = now;
      const version = await readScreeningVersion(deps.db);
      if (current && current.version === version) {
        waitForFresh = false;
        return current;
      }
      building ??= build(version).then((ready) => {
        if (!current || ready.version >= current.version) current = ready;
        return ready;
      }).finally(() => {
        building = null;
      });
      // a change made by another process: keep screening on the old index while the new one builds
      if (current && !waitForFresh) return current;
      waitForFresh = false;
      return building;
    },
    /** After a change made here: the next screening waits for the index that includes it. */
    invalidate() {
      waitForFresh = true;
    },
  };
}
export type IndexHolder = ReturnType<typeof createIndexHolder>;
