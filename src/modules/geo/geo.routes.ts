import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, listOf, Uuid } from '../../contracts/common.ts';
import {
  BorderSectionView, CheckpointStatusChangeView, CheckpointsQuery, CheckpointView, CreateCheckpointBody, SetCheckpointStatusBody, SezView,
  UpdateCheckpointBody,
} from '../../contracts/geo.ts';
import { requireCtx } from '../auth/index.ts';
import { regionBoundariesJson } from './boundaries.ts';
import type { GeoService } from './geo.service.ts';

export async function geoRoutes(app: FastifyInstance, { geo }: { geo: GeoService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['checkpoints'];
  r.get('/api/v1/border-sections', { schema: { tags, summary: 'Sections of the State Border by neighbour', response: { 200: listOf(BorderSectionView) } } },
    async (req) => ({ items: await geo.listBorderSections(requireCtx(req)) }));
  r.get('/api/v1/checkpoints', { schema: { tags, summary: 'The checkpoint registry', querystring: CheckpointsQuery, response: { 200: listOf(CheckpointView) } } },
    async (req) => ({ items: await geo.listCheckpoints(requireCtx(req), req.query) }));
  r.get('/api/v1/me/checkpoints', { schema: { tags, summary: 'The checkpoints where I work, the nearest first: my unit\'s, those my control body serves, those under my unit (the default station of the booth console and of the vehicles at control)', response: { 200: z.object({ items: z.array(Uuid) }) } } },
    async (req) => ({ items: await geo.myCheckpoints(requireCtx(req)) }));
  r.get('/api/v1/checkpoints/:id', { schema: { tags, summary: 'One checkpoint', params: IdParams, response: { 200: CheckpointView } } },
    async (req) => geo.getCheckpoint(requireCtx(req), req.params.id));
  r.post('/api/v1/checkpoints', { schema: { tags, summary: 'Register a checkpoint', body: CreateCheckpointBody, response: { 201: CheckpointView } } },
    async (req, reply) => reply.status(201).send(await geo.createCheckpoint(requireCtx(req), req.body)));
  r.patch('/api/v1/checkpoints/:id', { schema: { tags, summary: 'Change a checkpoint', params: IdParams, body: UpdateCheckpointBody, response: { 200: CheckpointView } } },
    async (req) => geo.updateCheckpoint(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/checkpoints/:id/status', { schema: { tags, summary: 'Restrict, suspend or reopen crossing (Law Art. 14(7))', params: IdParams, body: SetCheckpointStatusBody, response: { 200: CheckpointView } } },
    async (req) => geo.setStatus(requireCtx(req), req.params.id, req.body));
  r.get('/api/v1/checkpoints/:id/status-history', { schema: { tags, summary: 'Status decisions, newest first', params: IdParams, response: { 200: listOf(CheckpointStatusChangeView) } } },
    async (req) => ({ items: await geo.listStatusChanges(requireCtx(req), req.params.id) }));
  r.get('/api/v1/sezs', { schema: { tags, summary: 'Special economic zones on the customs border', response: { 200: listOf(SezView) } } },
    async (req) => ({ items: await geo.listSezs(requireCtx(req)) }));
  r.get('/api/v1/geo/boundaries', { schema: { tags, summary: 'Country outlines around Kazakhstan (GeoJSON, offline data)', response: { 200: z.unknown() } } },
    async (req, reply) => {
      requireCtx(req);
      return reply.header('cache-control', 'private, max-age=86400').type('application/geo+json').serializer((s: unknown) => s as string).send(regionBoundariesJson());
    });
}
