import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IsoDate, listOf, Uuid } from '../../contracts/common.ts';
import {
  AdmissionBody, AdmissionsQuery, AdmissionView, CalendarItem, CalendarQuery, CreateListBody, InspectionPlanBody, InspectionRecordBody, InspectionView, ListsQuery, ListSummary,
  ListView, NewVersionBody, PlanBody, PlanView, ReturnBody, RosterBody, RosterView, SezPartyView, UpdateListBody, WeaponInsideView,
} from '../../contracts/sez.ts';
import { requireCtx } from '../auth/index.ts';
import type { AdmissionService } from './admission.service.ts';
import { renderListPdf } from './form-pdf.ts';
import type { ListService } from './lists.service.ts';
import type { PlanService } from './plans.service.ts';
import type { SezDeskService } from './desk.service.ts';

export async function sezRoutes(app: FastifyInstance, s: { sezLists: ListService; sezAdmissions: AdmissionService; sezPlans: PlanService; sezDesk: SezDeskService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['special economic zones'];
  const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
  r.get('/api/v1/sez', { schema: { tags, summary: 'The SEZs the caller takes part in, with the parties and the rules in force', response: { 200: listOf(SezPartyView) } } },
    async (req) => ({ items: await s.sezDesk.parties(requireCtx(req)) }));
  r.get('/api/v1/sez/calendar', { schema: { tags, summary: 'What is due in a month for an SEZ: list deliveries, forwarding, rosters, inspector lists, planned inspections', querystring: CalendarQuery, response: { 200: listOf(CalendarItem) } } },
    async (req) => ({ items: await s.sezDesk.calendar(requireCtx(req), req.query.sezId, req.query.month) }));

  r.get('/api/v1/sez/lists', { schema: { tags, summary: 'Officer lists the caller sees (police body: its own; NSC: signed; BS: forwarded)', querystring: ListsQuery, response: { 200: listOf(ListSummary) } } },
    async (req) => ({ items: await s.sezLists.list(requireCtx(req), req.query) }));
  r.post('/api/v1/sez/lists', { schema: { tags, summary: 'Draft a list: monthly with weapons permit (p.4), priority group (p.7), emergency (p.8) or inspectors (EN p.13)', body: CreateListBody, response: { 201: ListView } } },
    async (req, reply) => reply.status(201).send(await s.sezLists.create(requireCtx(req), req.body)));
  r.get('/api/v1/sez/lists/:id', { schema: { tags, summary: 'One list with its officers, vehicles, chain and clocks (audited read)', params: IdParams, response: { 200: ListView } } },
    async (req) => s.sezLists.view(requireCtx(req), req.params.id));
  r.put('/api/v1/sez/lists/:id', { schema: { tags, summary: 'Replace the lines of a draft', params: IdParams, body: UpdateListBody, response: { 200: ListView } } },
    async (req) => s.sezLists.update(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/sez/lists/:id/sign', { schema: { tags, summary: 'Sign (head of the police body or the acting substitute; approves the weapons permit with it)', params: IdParams, response: { 200: ListView } } },
    async (req) => s.sezLists.sign(requireCtx(req), req.params.id));
  r.post('/api/v1/sez/lists/:id/return', { schema: { tags, summary: 'Return a signed list for correction (NSC district division)', params: IdParams, body: ReturnBody, response: { 200: ListView } } },
    async (req) => s.sezLists.returnForCorrection(requireCtx(req), req.params.id, req.body.reason));
  r.post('/api/v1/sez/lists/:id/agree', { schema: { tags, summary: 'Agree (NSC district division): the forwarding clock starts (KZ p.6)', params: IdParams, response: { 200: ListView } } },
    async (req) => s.sezLists.agree(requireCtx(req), req.params.id));
  r.post('/api/v1/sez/lists/:id/forward', { schema: { tags, summary: 'Forward to the BS military unit (NSC district division; inspector lists: the police body)', params: IdParams, response: { 200: ListView } } },
    async (req) => s.sezLists.forward(requireCtx(req), req.params.id));
  r.post('/api/v1/sez/lists/:id/receive', { schema: { tags, summary: 'Register receipt (BS military unit)', params: IdParams, response: { 200: ListView } } },
    async (req) => s.sezLists.receive(requireCtx(req), req.params.id));
  r.post('/api/v1/sez/lists/:id/close', { schema: { tags, summary: 'Close a priority or emergency list once the group has left', params: IdParams, body: z.strictObject({ note: z.string().trim().max(1000).optional() }), response: { 200: ListView } } },
    async (req) => s.sezLists.close(requireCtx(req), req.params.id, req.body.note ?? null));
  r.post('/api/v1/sez/lists/:id/versions', { schema: { tags, summary: 'A new version: correction after return, or amendment of a forwarded list', params: IdParams, body: NewVersionBody, response: { 201: ListView } } },
    async (req, reply) => reply.status(201).send(await s.sezLists.newVersion(requireCtx(req), req.params.id, req.body)));
  r.get('/api/v1/sez/lists/:id/form.pdf', { schema: { tags, summary: 'The list as the Appendix form (PDF, Kazakh or Russian), signature blocks from the chain', params: IdParams, querystring: z.strictObject({ lang: z.enum(['kk', 'ru']).default('ru') }), produces: ['application/pdf'] } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const list = await s.sezLists.view(ctx, req.params.id);
      const sez = (await s.sezDesk.parties(ctx)).find((x) => x.id === list.sez.id);
      const pdf = await renderListPdf(list as never, req.query.lang, sez?.timeZone ?? 'Asia/Almaty');
      return reply.type('application/pdf').header('content-disposition', `inline; filename="sez-list-${list.month}-v${list.version}-${req.query.lang}.pdf"`).header('cache-control', 'no-store').send(pdf);
    });

  r.post('/api/v1/sez/admissions', { schema: { tags, summary: 'Check an officer at the checkpoint into or out of the SEZ: pass or refuse with every reason (send an Idempotency-Key)', body: AdmissionBody, response: { 201: AdmissionView } } },
    async (req, reply) => reply.status(201).send(await s.sezAdmissions.admit(requireCtx(req), req.body)));
  r.get('/api/v1/sez/admissions', { schema: { tags, summary: 'The checkpoint log of an SEZ, newest first (audited read)', querystring: AdmissionsQuery, response: { 200: listOf(AdmissionView) } } },
    async (req) => ({ items: await s.sezAdmissions.log(requireCtx(req), req.query) }));
  r.get('/api/v1/sez/weapons-inside', { schema: { tags, summary: 'Service weapons taken into the SEZ and not yet out (p.14)', querystring: z.strictObject({ sezId: Uuid }), response: { 200: listOf(WeaponInsideView) } } },
    async (req) => ({ items: await s.sezAdmissions.weaponsInside(requireCtx(req), req.query.sezId) }));

  r.get('/api/v1/sez/plans', { schema: { tags, summary: 'Annual plans of the complex use of forces and means', querystring: z.strictObject({ sezId: Uuid }), response: { 200: listOf(PlanView) } } },
    async (req) => ({ items: await s.sezPlans.plans(requireCtx(req), req.query.sezId) }));
  r.put('/api/v1/sez/plans', { schema: { tags, summary: 'Draft or replace the year\'s plan (patrol routes as lines, squads, tasks, equipment)', body: PlanBody, response: { 200: PlanView } } },
    async (req) => s.sezPlans.savePlan(requireCtx(req), req.body));
  r.get('/api/v1/sez/plans/:id', { schema: { tags, summary: 'One plan', params: IdParams, response: { 200: PlanView } } },
    async (req) => s.sezPlans.plan(requireCtx(req), req.params.id));
  r.post('/api/v1/sez/plans/:id/:action', { schema: { tags, summary: 'send (police body), agree or return (BS military unit)', params: z.strictObject({ id: Uuid, action: z.enum(['send', 'agree', 'return']) }), body: z.strictObject({ reason: z.string().trim().min(1).max(1000).optional() }), response: { 200: PlanView } } },
    async (req) => s.sezPlans.planStep(requireCtx(req), req.params.id, req.params.action, req.body.reason));

  r.get('/api/v1/sez/rosters', { schema: { tags, summary: 'Daily post rosters of an SEZ over days', querystring: z.strictObject({ sezId: Uuid, from: IsoDate, to: IsoDate }), response: { 200: listOf(RosterView) } } },
    async (req) => ({ items: await s.sezPlans.rosters(requireCtx(req), req.query.sezId, req.query.from, req.query.to) }));
  r.put('/api/v1/sez/rosters', { schema: { tags, summary: 'Draft or replace the post roster of a day (KZ p.12)', body: RosterBody, response: { 200: RosterView } } },
    async (req) => s.sezPlans.saveRoster(requireCtx(req), req.body));
  r.post('/api/v1/sez/rosters/:id/approve', { schema: { tags, summary: 'Approve the roster (head or acting substitute): the copy goes to the BS subdivision', params: IdParams, response: { 200: RosterView } } },
    async (req) => s.sezPlans.approveRoster(requireCtx(req), req.params.id));

  r.get('/api/v1/sez/inspections', { schema: { tags, summary: 'Planned and performed service inspections of a month', querystring: z.strictObject({ sezId: Uuid, month: Month }), response: { 200: listOf(InspectionView) } } },
    async (req) => ({ items: await s.sezPlans.inspections(requireCtx(req), req.query.sezId, req.query.month) }));
  r.post('/api/v1/sez/inspections', { schema: { tags, summary: 'Plan an inspection in the plan-assignment (head of the police body, KZ p.13)', body: InspectionPlanBody, response: { 201: InspectionView } } },
    async (req, reply) => reply.status(201).send(await s.sezPlans.planInspection(requireCtx(req), req.body)));
  r.post('/api/v1/sez/inspections/:id/record', { schema: { tags, summary: 'Record what an inspection found', params: IdParams, body: InspectionRecordBody, response: { 200: InspectionView } } },
    async (req) => s.sezPlans.recordInspection(requireCtx(req), req.params.id, req.body));
}
