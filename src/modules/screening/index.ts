import type { Deps } from '../../platform/deps.ts';
import { createImportJobs } from './import/import-jobs.ts';
import { createIndexHolder } from './index-holder.ts';
import { createScreeningService } from './screening.service.ts';
import { createWatchlistService } from './watchlist.service.ts';

export { screeningRoutes } from './screening.routes.ts';
export { parseUnXml } from './import/un-xml.ts';
export { parseWatchlistCsv } from './import/csv.ts';
export type { ScreeningService } from './screening.service.ts';
export type { WatchlistService, ImportResult } from './watchlist.service.ts';
export type { ImportJobs } from './import/import-jobs.ts';

/** The screening services of one process share one in-memory index. */
export function createScreeningModule(deps: Deps) {
  const indexHolder = createIndexHolder(deps);
  const watchlists = createWatchlistService(deps, indexHolder);
  return { screening: createScreeningService(deps, indexHolder), watchlists, importJobs: createImportJobs(deps, watchlists), indexHolder };
}
