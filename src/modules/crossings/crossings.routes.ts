import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IsoDate, listOf } from '../../contracts/common.ts';
import { ControlStatsView, CorrectCrossingBody, CrossingPageView, CrossingVersionView, CrossingsQuery, CrossingView, DecideBody, LaneView, OverstaysCsvQuery, OverstaysQuery, OverstaysView, ReasonListView, StartCrossingBody, StaysQuery, StaysView, StartVehicleBody, MarkBody, ExaminationBody, VehicleDecideBody, VehicleCrossingView, VehicleCrossingsQuery } from '../../contracts/crossings.ts';
import type { StayService } from './stays.service.ts';
import type { VehicleService } from './vehicles.service.ts';
import { IsoDateTime } from '../../contracts/common.ts';
import { requireCtx } from '../auth/index.ts';
import type { CrossingService } from './crossings.service.ts';
import { refusalNoticeHtml } from './notice.ts';
import { overstaysCsv } from './stays-report.ts';

export async function crossingRoutes(app: FastifyInstance, { crossings, stays, vehicles }: { crossings: CrossingService; stays: StayService; vehicles: VehicleService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['border control'];
  r.get('/api/v1/refusal-reasons', { schema: { tags, summary: 'The refusal reason list in force on a date (a rule pack of the Law)', querystring: z.strictObject({ on: IsoDate.optional() }), response: { 200: ReasonListView } } },
    async (req) => crossings.reasonList(requireCtx(req), req.query.on));
  r.get('/api/v1/checkpoints/:id/lanes', { schema: { tags, summary: 'The lanes and booths of a checkpoint', params: IdParams, response: { 200: listOf(LaneView) } } },
    async (req) => ({ items: await crossings.lanes(requireCtx(req), req.params.id) }));
  r.post('/api/v1/crossings', { schema: { tags, summary: 'Register a traveller at control: the document is read, every check runs, the traveller is screened (422 for an invalid MRZ, a suspended checkpoint or a mode not served)', body: StartCrossingBody, response: { 201: CrossingView } } },
    async (req, reply) => reply.status(201).send(await crossings.start(requireCtx(req), req.body)));
  r.get('/api/v1/crossings', { schema: { tags, summary: 'Crossings, latest first, a page at a time (audited read)', querystring: CrossingsQuery, response: { 200: CrossingPageView } } },
    async (req) => crossings.list(requireCtx(req), req.query));
  r.get('/api/v1/crossings/:id', { schema: { tags, summary: 'One crossing with its checks, hits and decision (audited read)', params: IdParams, response: { 200: CrossingView } } },
    async (req) => crossings.get(requireCtx(req), req.params.id));
  r.get('/api/v1/crossings/:id/versions', { schema: { tags, summary: 'Every version of a crossing, who made it and why, and what it changed: corrections never overwrite (audited read)', params: IdParams, response: { 200: listOf(CrossingVersionView) } } },
    async (req) => ({ items: await crossings.versions(requireCtx(req), req.params.id) }));
  r.post('/api/v1/crossings/:id/decision', { schema: { tags, summary: 'Decide at control (pass, refuse with coded reasons, secondary, seize the document, hold for identification, detain) or close a secondary inspection', params: IdParams, body: DecideBody, response: { 200: CrossingView } } },
    async (req) => crossings.decide(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/crossings/:id/leave', { schema: { tags, summary: 'The traveller left the checkpoint: passage is complete (Law Art. 19(9))', params: IdParams, response: { 200: CrossingView } } },
    async (req) => crossings.leave(requireCtx(req), req.params.id));
  r.post('/api/v1/crossings/:id/corrections', { schema: { tags, summary: 'Correct a crossing: a new version with the reason; nothing is overwritten', params: IdParams, body: CorrectCrossingBody, response: { 200: CrossingView } } },
    async (req) => crossings.correct(requireCtx(req), req.params.id, req.body));
  r.get('/api/v1/checkpoints/:id/control-stats', { schema: { tags, summary: 'For the supervisor: travellers at control now, and per lane the throughput and processing time since a time (default: the last hour)', params: IdParams, querystring: z.strictObject({ since: IsoDateTime.optional() }), response: { 200: ControlStatsView } } },
    async (req) => crossings.controlStats(requireCtx(req), req.params.id, req.query.since ? new Date(req.query.since) : undefined));
  r.post('/api/v1/vehicle-crossings', { schema: { tags, summary: 'Register a vehicle at control: the permission marks it needs, the e-queue booking on a road exit, customs\' risk channel', body: StartVehicleBody, response: { 201: VehicleCrossingView } } },
    async (req, reply) => reply.status(201).send(await vehicles.start(requireCtx(req), req.body)));
  r.get('/api/v1/vehicle-crossings', { schema: { tags, summary: 'Vehicles at control, latest first: at a checkpoint, in a status, or by plate (the Border Service unit of the checkpoint and the control bodies that put permission marks)', querystring: VehicleCrossingsQuery, response: { 200: listOf(VehicleCrossingView) } } },
    async (req) => ({ items: await vehicles.list(requireCtx(req), req.query) }));
  r.get('/api/v1/vehicle-crossings/:id', { schema: { tags, summary: 'One vehicle crossing with its marks, checks, risk channel and examinations', params: IdParams, response: { 200: VehicleCrossingView } } },
    async (req) => vehicles.get(requireCtx(req), req.params.id));
  r.post('/api/v1/vehicle-crossings/:id/marks', { schema: { tags, summary: 'A control body puts its permission mark (Law Art. 19(8))', params: IdParams, body: MarkBody, response: { 200: VehicleCrossingView } } },
    async (req) => vehicles.mark(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/vehicle-crossings/:id/examinations', { schema: { tags, summary: 'Record an examination, special examination, inspection or radiation control, jointly with customs where the law requires', params: IdParams, body: ExaminationBody, response: { 200: VehicleCrossingView } } },
    async (req) => vehicles.examine(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/vehicle-crossings/:id/decision', { schema: { tags, summary: 'Pass (every required mark, the e-queue booking, an examination on a red channel), refuse with coded reasons, or detain the vehicle', params: IdParams, body: VehicleDecideBody, response: { 200: VehicleCrossingView } } },
    async (req) => vehicles.decide(requireCtx(req), req.params.id, req.body));
  r.post('/api/v1/vehicle-crossings/:id/leave', { schema: { tags, summary: 'The vehicle left the checkpoint: passage is complete', params: IdParams, response: { 200: VehicleCrossingView } } },
    async (req) => vehicles.leave(requireCtx(req), req.params.id));
  r.get('/api/v1/overstays', { schema: { tags, summary: 'Foreigners in the country whose stay exceeds the stay rules in force for their nationality (audited read)', querystring: OverstaysQuery, response: { 200: OverstaysView } } },
    async (req) => stays.overstays(requireCtx(req), req.query));
  r.get('/api/v1/overstays.csv', { schema: { tags, summary: 'The overstay list as CSV for a spreadsheet, those over longest first (audited read)', querystring: OverstaysCsvQuery, produces: ['text/csv'] } },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const list = await stays.overstays(ctx, req.query);
      const day = new Date().toISOString().slice(0, 10);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="overstays-${day}.csv"`).send(overstaysCsv(list, await stays.checkpointCodes(list.items.map((i) => i.entryCheckpointId))));
    });
  r.get('/api/v1/stays', { schema: { tags, summary: 'One traveller\'s stays by document: entries matched to exits across all checkpoints, days counted against the rule (audited read)', querystring: StaysQuery, response: { 200: StaysView } } },
    async (req) => stays.stays(requireCtx(req), req.query.issuingState, req.query.documentNumber));
  r.get('/api/v1/crossings/:id/refusal-notice', {
    schema: { tags, summary: 'The printable refusal notice in Kazakh, Russian or English (HTML)', params: IdParams, querystring: z.strictObject({ lang: z.enum(['kk', 'ru', 'en']).default('ru') }), produces: ['text/html'] },
  }, async (req, reply) => {
    const { row, checkpoint, officer, reasons } = await crossings.refusal(requireCtx(req), req.params.id);
    const html = refusalNoticeHtml({
      lang: req.query.lang, checkpoint, decidedAt: row.decidedAt ?? row.arrivedAt, direction: row.direction, reasons, returnToCountry: row.returnToCountry, officer, crossingId: row.id,
      person: { surname: row.surname, givenNames: row.givenNames, dateOfBirth: row.dateOfBirth, nationality: row.nationality },
      document: { code: row.documentCode, number: row.documentNumber, issuingState: row.issuingState },
    });
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'").header('cache-control', 'no-store').send(html);
  });
}
