// Watchlist imports started from the web UI: the file is parsed at once (a malformed file is a 400
// naming each record, nothing written), then imported in the background, one job at a time per
// process, with its progress readable while it runs. The import is one transaction (all-or-nothing):
// a job cut off by a restart imported nothing, and is marked failed when the process starts again.
import type { z } from 'zod';
import type { ImportJobView, StartImportBody } from '../../../contracts/screening.ts';
import { can, isCrossAgency, type Ctx } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { ConflictError, NotFoundError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { recordChange } from '../../audit/index.ts';
import { ImportRejectedError, type WatchlistService } from '../watchlist.service.ts';
import { parseWatchlistCsv } from './csv.ts';
import { parseUnXml } from './un-xml.ts';

type View = z.infer<typeof ImportJobView>;
const INTERRUPTED = 'The server stopped while the import ran; nothing was imported. Start it again.';

export function createImportJobs(deps: Deps, watchlists: WatchlistService) {
  const { db, clock, config } = deps;
  /** Progress of the jobs running in this process (the row has it only at the start and the end). */
  const live = new Map<string, { done: number; total: number }>();
  let queue: Promise<void> = Promise.resolve();

  function mayManage(ctx: Ctx) {
    if (!can(ctx.actor, 'watchlist.manage')) throw new NotFoundError('Watchlist imports');
  }

  function visible(ctx: Ctx) {
    let q = db.selectFrom('watchlistImport').select(['id', 'status', 'format', 'kind', 'fileName', 'fileBytes', 'total', 'done', 'result', 'problems', 'error', 'startedBy', 'createdAt', 'finishedAt']);
    if (!isCrossAgency(ctx.actor, 'watchlist.manage')) q = ctx.actor.agencyId ? q.where('agencyId', '=', ctx.actor.agencyId) : q.where('startedBy', '=', ctx.actor.userId);
    return q;
  }

  function withProgress<T extends { id: string; done: number; total: number }>(row: T): T {
    const progress = live.get(row.id);
    return progress ? { ...row, ...progress } : row;
  }

  async function finish(id: string, values: { status: View['status']; result?: unknown; problems?: unknown; error?: string; done?: number }) {
    await db.updateTable('watchlistImport').set({
      status: values.status,
      result: values.result === undefined ? null : JSON.stringify(values.result),
      problems: values.problems === undefined ? null : JSON.stringify(values.problems),
      error: values.error ?? null,
      ...(values.done !== undefined && { done: values.done }),
      finishedAt: clock.now(),
    }).where('id', '=', id).execute();
  }

  async function run(ctx: Ctx, id: string, parsed: ReturnType<typeof parseUnXml>, source: string, kind: string | undefined) {
    const progress = { done: 0, total: parsed.records.length };
    live.set(id, progress);
    let lastWrite = 0;
    try {
      const result = await watchlists.importRecords(ctx, { ...parsed, source, ...(kind ? { kind } : {}) }, (done, total) => {
        progress.done = done;
        progress.total = total;
        // other nodes of a cluster read the row: keep it roughly current (the embedded database is one process)
        if (deps.database.kind === 'postgres' && Date.now() - lastWrite > 1000) {
          lastWrite = Date.now();
          db.updateTable('watchlistImport').set({ done }).where('id', '=', id).where('status', '=', 'running').execute().catch(() => undefined);
        }
      });
      await finish(id, { status: 'succeeded', result: result.lists, done: progress.total });
    } catch (error) {
      if (error instanceof ImportRejectedError) await finish(id, { status: 'rejected', problems: error.errors });
      else {
        deps.log.error({ err: error, importId: id }, 'watchlist import failed');
        await finish(id, { status: 'failed', error: `${(error as Error).message.slice(0, 500)} Nothing was imported.` });
      }
    } finally {
      live.delete(id);
    }
  }

  return {
    /** Parses the file, records the job and queues the import; a malformed file is refused with its problems. */
    async start(ctx: Ctx, body: z.infer<typeof StartImportBody>): Promise<View> {
      mayManage(ctx);
      const id = body.id ?? newId();
      const existing = await visible(ctx).where('id', '=', id).executeTakeFirst();
      if (existing) {
        if (existing.fileName !== body.fileName || existing.fileBytes !== Buffer.byteLength(body.content)) throw new ConflictError('An import with this id exists for another file.', [{ path: 'id', code: 'ALREADY_USED', message: 'already used' }]);
        return withProgress(existing);
      }
      const parsed = body.format === 'un-xml' ? parseUnXml(body.content) : parseWatchlistCsv(body.content);
      if (parsed.problems.length) throw new ImportRejectedError(parsed.problems);
      if (parsed.records.length === 0) throw new ImportRejectedError([{ record: 'file', message: 'no records' }]);
      const now = clock.now();
      const row = {
        id, status: 'running' as const, format: body.format, kind: body.kind ?? null, fileName: body.fileName, fileBytes: Buffer.byteLength(body.content),
        total: parsed.records.length, done: 0, startedBy: ctx.actor.userId, agencyId: ctx.actor.agencyId, nodeId: config.nodeId, createdAt: now,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('watchlistImport').values(row).execute();
        await recordChange(deps, trx, ctx, { action: 'screening.import.started', entityType: 'watchlist_import', entityId: id, details: { fileName: row.fileName, format: row.format, records: row.total } });
      });
      const source = `${body.format}:${body.fileName}`;
      queue = queue.then(() => run(ctx, id, parsed, source, body.kind));
      return { ...row, result: null, problems: null, error: null, finishedAt: null };
    },

    async get(ctx: Ctx, id: string): Promise<View> {
      mayManage(ctx);
      const row = await visible(ctx).where('id', '=', id).executeTakeFirst();
      if (!row) throw new NotFoundError('The import');
      return withProgress(row);
    },

    async list(ctx: Ctx, limit = 20): Promise<View[]> {
      mayManage(ctx);
      return (await visible(ctx).orderBy('createdAt', 'desc').limit(limit).execute()).map(withProgress);
    },

    /** At start: this node's jobs that were running when it stopped imported nothing; say so. */
    async markInterrupted(): Promise<number> {
      const result = await db.updateTable('watchlistImport').set({ status: 'failed', error: INTERRUPTED, finishedAt: clock.now() })
        .where('status', '=', 'running').where('nodeId', '=', config.nodeId).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Resolves when every queued import has ended (tests, shutdown). */
    idle: () => queue,
  };
}
export type ImportJobs = ReturnType<typeof createImportJobs>;
