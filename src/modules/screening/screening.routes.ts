import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, listOf, Ok, Uuid } from '../../contracts/common.ts';
import {
  AdjudicateBody, AlertView, ImportJobView, StartImportBody, EntriesQuery, EntryHistoryView, EntryView, LostDocumentBody, ScreeningRequest, ScreeningResponse, UpsertEntryBody, WatchlistView,
} from '../../contracts/screening.ts';
import { requireCtx } from '../auth/index.ts';
import type { ImportJobs } from './import/import-jobs.ts';
import type { ScreeningService } from './screening.service.ts';
import type { WatchlistService } from './watchlist.service.ts';

export async function screeningRoutes(app: FastifyInstance, { screening, watchlists, importJobs, importLimitBytes }: { screening: ScreeningService; watchlists: WatchlistService; importJobs: ImportJobs; importLimitBytes: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['screening'];
  r.post('/api/v1/screenings', { schema: { tags, summary: 'Screen a person and/or a document against the watchlists and the lost/stolen register', body: ScreeningRequest, response: { 200: ScreeningResponse } } },
    async (req) => screening.screen(requireCtx(req), req.body));
  r.get('/api/v1/watchlists', { schema: { tags, summary: 'Watchlists with their kind, threshold and size', response: { 200: listOf(WatchlistView) } } },
    async (req) => ({ items: await screening.listWatchlists(requireCtx(req)) }));
  r.get('/api/v1/watchlist-entries', { schema: { tags, summary: 'Find entries by a name in any script (audited read)', querystring: EntriesQuery, response: { 200: listOf(EntryView) } } },
    async (req) => ({ items: await screening.searchEntries(requireCtx(req), req.query) }));
  r.get('/api/v1/watchlist-entries/:id', { schema: { tags, summary: 'One entry with its history (audited read)', params: IdParams, response: { 200: EntryHistoryView } } },
    async (req) => screening.getEntry(requireCtx(req), req.params.id));
  r.put('/api/v1/watchlist-entries', { schema: { tags, summary: 'Add or change an entry by list and entry id (a new version each time)', body: UpsertEntryBody, response: { 200: z.object({ id: Uuid }) } } },
    async (req) => ({ id: await watchlists.upsertEntry(requireCtx(req), req.body) }));
  r.post('/api/v1/watchlist-entries/:id/remove', { schema: { tags, summary: 'Remove an entry from its list (kept in history)', params: IdParams, response: { 200: Ok } } },
    async (req) => (await watchlists.removeEntry(requireCtx(req), req.params.id), { ok: true as const }));
  r.post('/api/v1/lost-documents', { schema: { tags, summary: 'Register a lost, stolen, invalid or revoked travel document', body: LostDocumentBody, response: { 201: z.object({ id: Uuid }) } } },
    async (req, reply) => reply.status(201).send({ id: (await watchlists.addDocument(requireCtx(req), req.body)).id }));
  r.get('/api/v1/screening-alerts', { schema: { tags, summary: 'Alerts raised at checkpoints (audited read)', querystring: z.strictObject({ status: z.enum(['open', 'true_match', 'false_match']).optional() }), response: { 200: listOf(AlertView) } } },
    async (req) => ({ items: await screening.listAlerts(requireCtx(req), req.query.status) }));
  r.post('/api/v1/screening-alerts/:id/adjudicate', { schema: { tags, summary: 'Decide an alert: true match, or false match (remembered for this traveller and entry version)', params: IdParams, body: AdjudicateBody, response: { 200: z.object({ id: Uuid, status: z.string() }) } } },
    async (req) => screening.adjudicate(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/watchlist-imports', { bodyLimit: importLimitBytes, schema: { tags, summary: 'Start importing a UN XML or CSV file into the watchlists: 400 with every bad record and nothing imported, else 202 and the job, which runs in the background (all-or-nothing)', body: StartImportBody, response: { 202: ImportJobView } } },
    async (req, reply) => {
      const job = await importJobs.start(requireCtx(req), req.body);
      return reply.status(202).header('location', `/api/v1/watchlist-imports/${job.id}`).send(job);
    });
  r.get('/api/v1/watchlist-imports', { schema: { tags, summary: 'Recent watchlist imports of your agency', response: { 200: listOf(ImportJobView) } } },
    async (req) => ({ items: await importJobs.list(requireCtx(req)) }));
  r.get('/api/v1/watchlist-imports/:id', { schema: { tags, summary: 'One import with its progress, result or problems', params: IdParams, response: { 200: ImportJobView } } },
    async (req) => importJobs.get(requireCtx(req), req.params.id));
}
