// The shift overview: one small answer with what needs the signed-in officer's attention now (the
// checkpoints they read, the foreigners over their days, their exchange desk), each part composed from
// the module that owns it and only for those who may read it. Counts, no person named: not an audited read.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OverviewView } from '../../contracts/overview.ts';
import type { Deps } from '../../platform/deps.ts';
import { requireCtx } from '../auth/index.ts';
import type { ActivityService, StayService, VehicleService } from '../crossings/index.ts';
import type { DeskService } from '../exchange/index.ts';

export async function overviewRoutes(app: FastifyInstance, { deps, activity, vehicles, stays, desk }: { deps: Deps; activity: ActivityService; vehicles: VehicleService; stays: StayService; desk: DeskService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/overview', { schema: { tags: ['overview'], summary: 'The shift overview: travellers and vehicles at the reader\'s checkpoints now and today, vehicles awaiting permission marks, foreigners over their days, the exchange desk\'s deadlines (counts only)', response: { 200: OverviewView } } },
    async (req) => {
      const ctx = requireCtx(req);
      const [checkpoints, atControl, overstays, deskSummary] = await Promise.all([activity.checkpoints(ctx), vehicles.atControl(ctx), stays.overCount(ctx), desk.summary(ctx)]);
      return { at: deps.clock.now(), checkpoints, vehicles: atControl, stays: overstays, desk: deskSummary };
    });
}
