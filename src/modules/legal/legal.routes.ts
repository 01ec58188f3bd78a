import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, listOf } from '../../contracts/common.ts';
import { LegalActView, RulePacksQuery, RulePackView, SuccessorRulePackBody, UpsertLegalActBody } from '../../contracts/legal.ts';
import { requireCtx } from '../auth/index.ts';
import type { LegalService } from './legal.service.ts';

export async function legalRoutes(app: FastifyInstance, { legal }: { legal: LegalService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['legal register'];
  r.get('/api/v1/legal-acts', { schema: { tags, summary: 'Legal acts with status and language versions', response: { 200: listOf(LegalActView) } } },
    async (req) => ({ items: await legal.list(requireCtx(req)) }));
  r.get('/api/v1/legal-acts/:id', { schema: { tags, summary: 'One legal act', params: IdParams, response: { 200: LegalActView } } },
    async (req) => legal.get(requireCtx(req), req.params.id));
  r.put('/api/v1/legal-acts', { schema: { tags, summary: 'Create or update an act by its code', body: UpsertLegalActBody, response: { 200: LegalActView } } },
    async (req) => legal.upsert(requireCtx(req), req.body));
  r.get('/api/v1/rule-packs', { schema: { tags, summary: 'Rule packs (deadlines, forms, reason codes) with effective dates', querystring: RulePacksQuery, response: { 200: listOf(RulePackView) } } },
    async (req) => ({ items: await legal.listRulePacks(requireCtx(req), req.query) }));
  r.post('/api/v1/rule-packs', { schema: { tags, summary: 'Enter a successor rule pack: new values from a date (the pack in force ends then)', body: SuccessorRulePackBody, response: { 201: RulePackView } } },
    async (req, reply) => reply.status(201).send(await legal.addSuccessorPack(requireCtx(req), req.body)));
}
