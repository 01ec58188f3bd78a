import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../contracts/common.ts';
import { AcceptBody, AddItemsBody, CreateDetentionBody, CreateHandoverBody, CustodyBoardView, CustodyChainView, DetentionChangeBody, DetentionView, ForceBody, ForceView, HandoverView, IncidentBody, IncidentStepBody, IncidentSummary, IncidentView, CaseStatsQuery, CaseStatsView, ForceSummary, NoticeBody, RepresentativeBody, RepresentativeView } from '../../contracts/cases.ts';
import { listOf } from '../../contracts/common.ts';
import { requireCtx } from '../auth/index.ts';
import { renderActPdf, renderChainPdf, renderForcePdf } from './act-pdf.ts';
import type { CustodyBoardService } from './board.service.ts';
import type { CaseService } from './cases.service.ts';
import type { ForceService } from './force.service.ts';
import type { IncidentService } from './incidents.service.ts';

export async function caseRoutes(app: FastifyInstance, { cases, force, incidents, custody }: { cases: CaseService; force: ForceService; incidents: IncidentService; custody: CustodyBoardService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  r.post('/api/v1/detentions', { schema: { tags, summary: 'Record a detention by a patrol or directly, with the items seized (Law Art. 30, 66(12)-(14))', body: CreateDetentionBody, response: { 201: DetentionView } } },
    async (req, reply) => reply.status(201).send(await cases.createDetention(requireCtx(req), req.body)));
  r.get('/api/v1/detentions/:id', { schema: { tags, summary: 'A detention with its items and versions (audited read)', params: IdParams, response: { 200: DetentionView } } },
    async (req) => cases.detention(requireCtx(req), req.params.id));
  r.get('/api/v1/detentions/:id/photo', { schema: { tags, summary: 'The detained person\'s photo (audited read)', params: IdParams, produces: ['image/jpeg', 'image/png'] } },
    async (req, reply) => {
      const { bytes, mediaType } = await cases.photo(requireCtx(req), req.params.id);
      return reply.type(mediaType).header('cache-control', 'no-store').send(bytes);
    });
  r.post('/api/v1/detentions/:id/versions', { schema: { tags, summary: 'Change a detention (holding, protocol, explanation, correction): a new version', params: IdParams, body: DetentionChangeBody, response: { 200: DetentionView } } },
    async (req) => cases.changeDetention(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/detentions/:id/items', { schema: { tags, summary: 'Items found at the personal search or seized, into the detaining unit\'s custody', params: IdParams, body: AddItemsBody, response: { 200: DetentionView } } },
    async (req) => cases.addItems(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/handover-acts', { schema: { tags, summary: 'Hand persons, items and vehicles over to another unit (Instruction 2002 p.9(6)); send an Idempotency-Key', body: CreateHandoverBody, response: { 201: HandoverView } } },
    async (req, reply) => reply.status(201).send(await cases.createHandover(requireCtx(req), req.body)));
  r.get('/api/v1/handover-acts/:id', { schema: { tags, summary: 'A hand-over act (audited read)', params: IdParams, response: { 200: HandoverView } } },
    async (req) => cases.handover(requireCtx(req), req.params.id));
  r.post('/api/v1/handover-acts/:id/accept', { schema: { tags, summary: 'Accept (the receiving unit), with discrepancies per line if any: custody moves', params: IdParams, body: AcceptBody, response: { 200: HandoverView } } },
    async (req) => cases.accept(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/handover-acts/:id/refuse', { schema: { tags, summary: 'Refuse with the reason (the receiving unit): custody stays with the sender', params: IdParams, body: z.strictObject({ reason: z.string().trim().min(3).max(1000) }), response: { 200: HandoverView } } },
    async (req) => cases.refuse(requireCtx(req), req.params.id, req.body.reason));
  r.post('/api/v1/handover-acts/:id/measures', { schema: { tags, summary: 'Report back the measures taken (the receiving unit)', params: IdParams, body: z.strictObject({ measures: z.string().trim().min(3).max(4000) }), response: { 200: HandoverView } } },
    async (req) => cases.reportMeasures(requireCtx(req), req.params.id, req.body.measures));
  r.get('/api/v1/handover-acts/:id/act.pdf', { schema: { tags, summary: 'The act with the chain of custody of its items (PDF, Kazakh or Russian)', params: IdParams, querystring: z.strictObject({ lang: z.enum(['kk', 'ru']).default('ru') }), produces: ['application/pdf'] } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const act = await cases.handover(ctx, req.params.id);
      const chains = await Promise.all(act.lines.map(async (l) => ({ description: `${l.lineNo}. ${l.description}`, events: (await cases.chain(ctx, l.itemId)).events })));
      const pdf = await renderActPdf(act, chains, req.query.lang, ctx.actor.timeZone);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${act.number}-${req.query.lang}.pdf"`).header('cache-control', 'no-store').send(pdf);
    });
  r.get('/api/v1/custody-items/:id/chain', { schema: { tags, summary: 'The chain of custody of an item, from seizure to its current holder (audited read)', params: IdParams, response: { 200: CustodyChainView } } },
    async (req) => cases.chain(requireCtx(req), req.params.id));
  r.get('/api/v1/custody-items/:id/chain.pdf', { schema: { tags, summary: 'The chain of custody of an item, printed (PDF, Kazakh or Russian)', params: IdParams, querystring: z.strictObject({ lang: z.enum(['kk', 'ru']).default('ru') }), produces: ['application/pdf'] } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const pdf = await renderChainPdf(await cases.chain(ctx, req.params.id), req.query.lang, ctx.actor.timeZone);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="custody-chain-${req.query.lang}.pdf"`).header('cache-control', 'no-store').send(pdf);
    });
  r.get('/api/v1/use-of-force/:id/report.pdf', { schema: { tags, summary: 'The use-of-force report, printed (PDF, Kazakh or Russian)', params: IdParams, querystring: z.strictObject({ lang: z.enum(['kk', 'ru']).default('ru') }), produces: ['application/pdf'] } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const r = await force.view(ctx, req.params.id);
      const pdf = await renderForcePdf(r as never, await force.unitNames(r.unitId), req.query.lang, ctx.actor.timeZone);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="use-of-force-${req.query.lang}.pdf"`).header('cache-control', 'no-store').send(pdf);
    });
  r.get('/api/v1/custody-board', { schema: { tags, summary: 'A unit\'s custody board: held, incoming, outgoing, measures due, open detentions', querystring: z.strictObject({ unitId: Uuid.optional() }), response: { 200: CustodyBoardView } } },
    async (req) => custody.board(requireCtx(req), req.query.unitId));
  r.post('/api/v1/use-of-force', { schema: { tags, summary: 'Report a use of weapons, special means, service animals or physical force (Art. 72-75): the prosecutor clock starts', body: ForceBody, response: { 201: ForceView } } },
    async (req, reply) => reply.status(201).send(await force.report(requireCtx(req), req.body)));
  r.get('/api/v1/use-of-force', { schema: { tags, summary: 'Use-of-force reports of a unit and the units below it, newest first, with the prosecutor clock', querystring: z.strictObject({ unitId: Uuid.optional() }), response: { 200: listOf(ForceSummary) } } },
    async (req) => ({ items: await force.list(requireCtx(req), req.query.unitId) }));
  r.get('/api/v1/use-of-force/:id', { schema: { tags, summary: 'A use-of-force report with its clocks (audited read)', params: IdParams, response: { 200: ForceView } } },
    async (req) => force.view(requireCtx(req), req.params.id));
  r.post('/api/v1/use-of-force/:id/prosecutor-notice', { schema: { tags, summary: 'Record when and how the prosecutor was notified of the use (Art. 72(9))', params: IdParams, body: NoticeBody, response: { 200: ForceView } } },
    async (req) => force.notified(requireCtx(req), req.params.id, 'prosecutor', req.body));
  r.post('/api/v1/use-of-force/:id/premises-notice', { schema: { tags, summary: 'Record when the prosecutor was notified of the entry into premises (Art. 67(1)(22))', params: IdParams, body: NoticeBody, response: { 200: ForceView } } },
    async (req) => force.notified(requireCtx(req), req.params.id, 'premises', req.body));
  r.post('/api/v1/border-incidents', { schema: { tags, summary: 'Register a border incident (Law Art. 2(26), 27)', body: IncidentBody, response: { 201: IncidentView } } },
    async (req, reply) => reply.status(201).send(await incidents.register(requireCtx(req), req.body)));
  r.get('/api/v1/border-incidents', { schema: { tags, summary: 'Border incidents the caller sees, newest first', querystring: z.strictObject({ status: z.enum(['registered', 'investigating', 'settled', 'passed_to_mfa']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: listOf(IncidentSummary) } } },
    async (req) => ({ items: await incidents.list(requireCtx(req), req.query) }));
  r.get('/api/v1/case-statistics', { schema: { tags, summary: 'Detentions by category, hand-overs sent and received per counterpart agency and outcome, uses of force: the figures agencies reconcile (Instruction 2002 p.9(3))', querystring: CaseStatsQuery, response: { 200: CaseStatsView } } },
    async (req) => custody.statistics(requireCtx(req), req.query));
  r.get('/api/v1/border-incidents/:id', { schema: { tags, summary: 'A border incident with its steps and the border representatives of the section (audited read)', params: IdParams, response: { 200: IncidentView } } },
    async (req) => incidents.view(requireCtx(req), req.params.id));
  r.post('/api/v1/border-incidents/:id/steps', { schema: { tags, summary: 'Investigation mode, a letter through an exchange point, a meeting with protocol, settlement, or passing to the MFA', params: IdParams, body: IncidentStepBody, response: { 200: IncidentView } } },
    async (req) => incidents.step(requireCtx(req), req.params.id, req.body));
  r.get('/api/v1/border-representatives', { schema: { tags, summary: 'Border representatives, ours and the neighbours\' (lists exchanged through the MFA)', querystring: z.strictObject({ neighbour: z.string().regex(/^[A-Z]{3}$/).optional() }), response: { 200: listOf(RepresentativeView) } } },
    async (req) => ({ items: await incidents.representatives(requireCtx(req), req.query.neighbour) }));
  r.post('/api/v1/border-representatives', { schema: { tags, summary: 'Add a border representative (reference data)', body: RepresentativeBody, response: { 201: RepresentativeView } } },
    async (req, reply) => reply.status(201).send(await incidents.addRepresentative(requireCtx(req), req.body)));
}
