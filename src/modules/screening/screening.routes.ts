import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, listOf, Ok, Uuid } from '../../contracts/common.ts';
import {
  AdjudicateBody, AlertView, EntriesQuery, EntryHistoryView, EntryView, LostDocumentBody, ScreeningRequest, ScreeningResponse, UpsertEntryBody, WatchlistView,
} from '../../contracts/screening.ts';
import { requireCtx } from '../auth/index.ts';
import type { ScreeningService } from './screening.service.ts';
import type { WatchlistService } from './watchlist.service.ts';

export async function screeningRoutes(app: FastifyInstance, { screening, watchlists }: { screening: ScreeningService; watchlists: WatchlistService }) {
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
}
