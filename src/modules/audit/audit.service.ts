import { can, isCrossAgency, type Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { listAuditEvents, verifyAuditChains, type AuditFilter } from './audit.repository.ts';

export function createAuditService(deps: Deps) {
  return {
    /** Lists events newest first; a non-oversight reader sees only events of their own agency. */
    async list(ctx: Ctx, filter: AuditFilter) {
      if (!can(ctx.actor, 'audit.read')) throw new NotFoundError('Audit trail');
      const scoped = isCrossAgency(ctx.actor, 'audit.read') ? filter : { ...filter, agencyId: ctx.actor.agencyId ?? '00000000-0000-0000-0000-000000000000' };
      return listAuditEvents(deps.db, scoped);
    },
    async verify(ctx: Ctx) {
      if (!isCrossAgency(ctx.actor, 'audit.read')) throw new NotFoundError('Audit trail');
      return verifyAuditChains(deps.db);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
