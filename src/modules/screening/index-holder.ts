import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import type { IndexScreenRequest, IndexScreenResult, IndexSearchRequest } from './engine.ts';
import { createInlineEngine, createWorkerEngine, type ScreeningEngine } from './engines.ts';
import { activeDocumentsPage, activeEntriesPage, readScreeningVersion } from './screening.repository.ts';
import type { EntrySource } from './screening.index.ts';

// Default alert thresholds per list kind; a list may set its own.
export const DEFAULT_THRESHOLDS: Record<string, number> = { wanted: 0.88, entry_ban: 0.88, exit_ban: 0.88, sanctions: 0.9, other: 0.9 };
const CHECK_EVERY_MS = 2000;
const PAGE = 5000;

/**
 * Keeps this process's screening index current: it checks the version counter at most every two
 * seconds and rebuilds in the background when it moved; screenings go on against the previous index
 * until the new one is ready, then it is swapped in whole. The index lives in a worker thread of its
 * own unless `config.screeningThread` is `main` (engines.ts); the rows come from the database here.
 */
export function createIndexHolder(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>) {
  /** the version of the index the engine answers from (null: none yet, or the worker was lost) */
  let current: number | null = null;
  let building: Promise<number> | null = null;
  let checkedAt = 0;
  const engine: ScreeningEngine = deps.config.screeningThread === 'main'
    ? createInlineEngine()
    : createWorkerEngine({
      onLost: (error) => {
        deps.log.error({ error: error.message }, 'the screening worker stopped: the index is built again on the next screening');
        current = null;
      },
    });

  async function build(version: number): Promise<number> {
    const started = performance.now();
    const today = deps.clock.now().toISOString().slice(0, 10);
    // Fresh statistics first: after a bulk load the planner, knowing nothing of the new rows, sorted the
    // whole table for every page (a minute for 200,000 entries and 1,000,000 documents on PostgreSQL;
    // with statistics each page is an index scan). ANALYZE samples, so it costs little.
    await sql`analyze watchlist_entry, document_register`.execute(deps.db).catch((error: unknown) => deps.log.warn({ error: String(error) }, 'analyze before the screening index failed'));
    const built = await engine.build(version, async (sink) => {
      let after: string | null = null;
      for (;;) {
        const page = await activeEntriesPage(deps.db, after, PAGE);
        const entries: EntrySource[] = [];
        for (const row of page) {
          if (row.validTo && row.validTo < today) continue; // expired entries no longer stop anyone
          entries.push({
            id: row.id, watchlistId: row.watchlistId, listCode: row.listCode, kind: row.kind, threshold: row.threshold ?? DEFAULT_THRESHOLDS[row.kind] ?? 0.9,
            action: row.action ?? row.defaultAction, ownerAgencyId: row.ownerAgencyId, contact: row.contact ?? row.listContact, restricted: row.restricted,
            version: row.version, primaryName: row.primaryName, names: row.names, sex: row.sex, dateOfBirth: row.dateOfBirth, yearFrom: row.birthYearFrom,
            yearTo: row.birthYearTo, nationalities: row.nationalities, documentNumbers: row.documentNumbers, externalId: row.externalId,
          });
        }
        sink.entries(entries);
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.id;
      }
      after = null;
      for (;;) {
        const page = await activeDocumentsPage(deps.db, after, PAGE);
        const pairs: string[] = [];
        for (const doc of page) pairs.push(doc.issuingState, doc.lookupKey);
        sink.documents(pairs);
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.id;
      }
    });
    deps.log.info({ entries: built.entries, keys: built.keys, ms: Math.round(performance.now() - started), version, thread: deps.config.screeningThread }, 'screening index built');
    return built.version;
  }

  let waitForFresh = false;

  /** Makes sure an index is there, rebuilt first if there is none or the lists changed since it was built. */
  async function ready(): Promise<void> {
    const now = Date.now();
    if (current !== null && !waitForFresh && now - checkedAt < CHECK_EVERY_MS) return;
    checkedAt = now;
    const version = await readScreeningVersion(deps.db);
    if (current !== null && current === version) {
      waitForFresh = false;
      return;
    }
    building ??= build(version).then((ready) => {
      if (current === null || ready >= current) current = ready;
      return ready;
    }).finally(() => {
      building = null;
    });
    // a change made by another process: keep screening on the old index while the new one builds
    if (current !== null && !waitForFresh) return;
    waitForFresh = false;
    await building;
  }

  return {
    ready,
    /** Screens against the current index (see engine.ts). */
    async screen(request: IndexScreenRequest): Promise<IndexScreenResult> {
      await ready();
      return engine.screen(request);
    },
    /** Searches the current index's entries by name (see engine.ts). */
    async search(request: IndexSearchRequest) {
      await ready();
      return engine.search(request);
    },
    /** After a change made here: the next screening waits for the index that includes it. */
    invalidate() {
      waitForFresh = true;
    },
    /** Stops the worker thread, if any. */
    close: () => engine.close(),
  };
}
export type IndexHolder = ReturnType<typeof createIndexHolder>;
