// A correction of a crossing (Law Art. 19; "corrections never overwrite"): what changes, and what follows
// from it. A corrected identity is screened again, the checks run again on what the record now says; a
// corrected category runs the checks again on the hits as found. The service writes the plan as a new
// version, guarded by the version it was judged on.
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { CorrectCrossingBody } from '../../contracts/crossings.ts';
import type { Ctx } from '../../platform/actor.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { Change, Write } from '../audit/index.ts';
import type { ScreeningService } from '../screening/index.ts';
import { runChecks, type CheckFacts } from './checks.ts';
import { localDate } from './control-point.ts';
import type { Row } from './crossings.service.ts';
import type { CheckResult, CrossingHit, CrossingTable } from './crossings.tables.ts';

/** What a change of a crossing writes: its fields, more rows and audit events beside it, the version's kind and reason. */
export type Plan = { changes: Updateable<CrossingTable>; also?: Write[]; change: string; reason: string | null; audit: Pick<Change, 'action' | 'details'>; alsoAudit?: Change[] };

/** The hits of a screening as a crossing keeps them. */
export function crossingHits(hits: Awaited<ReturnType<ScreeningService['screenDeferred']>>['result']['hits']): CrossingHit[] {
  return hits.map((h) => ({ entryId: h.entryId, recordId: h.recordId, list: h.list, kind: h.kind, action: h.action, score: h.score, contact: h.contact, matchedName: h.matchedName, ...(h.alertId && { alertId: h.alertId }) }));
}

/** The correction `body` of the crossing `row` as a plan: the fields, and a screening and checks again where they follow. */
export async function correctionPlan(screening: ScreeningService, ctx: Ctx, row: Row, body: z.infer<typeof CorrectCrossingBody>): Promise<Plan> {
  if (row.status === 'voided') throw new ConflictError('A voided crossing is not corrected.', [], 'VOIDED');
  const changes: Updateable<CrossingTable> = {
    ...(body.travellerCategory && { travellerCategory: body.travellerCategory }),
    ...(body.purpose && { purpose: body.purpose }),
    ...(body.vehicleRole && { vehicleRole: body.vehicleRole }),
    ...(body.vehicle !== undefined && { vehiclePlate: body.vehicle?.plate ?? null, vehicleCountry: body.vehicle?.country ?? null }),
    ...(body.person?.surname && { surname: body.person.surname }),
    ...(body.person?.givenNames && { givenNames: body.person.givenNames }),
    ...(body.person?.dateOfBirth && { dateOfBirth: body.person.dateOfBirth }),
    ...(body.person?.sex && { sex: body.person.sex }),
    ...(body.person?.nationality && { nationality: body.person.nationality }),
  };
  const fields = Object.keys(changes);
  const changed = (field: keyof typeof changes & keyof Row) => field in changes && changes[field] !== row[field];
  const renamed = (['surname', 'givenNames', 'dateOfBirth', 'sex', 'nationality'] as const).some(changed);
  let also: Write[] = [];
  let alsoAudit: Change[] = [];
  if (renamed || changed('travellerCategory')) {
    const was = row.hits as unknown as CrossingHit[];
    let hits = was;
    let documentHits: CheckFacts['documentHits'] = [];
    if (renamed) {
      const person = { ...row, ...changes } as Row;
      const screened = await screening.screenDeferred(ctx, {
        person: { surname: person.surname ?? '', ...(person.givenNames && { givenNames: person.givenNames }), ...(person.dateOfBirth && { dateOfBirth: person.dateOfBirth }), ...(person.nationality && { nationality: person.nationality }), ...(person.sex && { sex: person.sex as 'M' | 'F' | 'X' }) },
        ...(row.documentNumber && { document: { number: row.documentNumber, ...(row.issuingState && { issuingState: row.issuingState }) } }),
        checkpointId: row.checkpointId,
      }, { alerted: new Map(was.filter((h) => h.alertId).map((h) => [h.recordId, h.alertId!])) });
      hits = crossingHits(screened.result.hits);
      documentHits = screened.result.documentHits;
      also = screened.writes;
      alsoAudit = [screened.audit];
      changes.hits = hits as never;
    }
    // what the first checks said of the checkpoint holds for the time of arrival, and of the document unless it was looked up again
    const first = row.checks as unknown as CheckResult[];
    const checks = runChecks({
      direction: row.direction, travellerCategory: changes.travellerCategory ?? row.travellerCategory, mrzValid: row.mrzValid, mrzErrors: [], documentExpiry: row.documentExpiry,
      today: localDate(row.arrivedAt, row.checkpointTimeZone), checkpointStatus: 'open', checkpointStatusReason: null, hits, documentHits,
    }).map((check) => (check.code === 'checkpoint_status' || (!renamed && check.code === 'document_register') ? first.find((c) => c.code === check.code) ?? check : check));
    changes.checks = checks as never;
  }
  return {
    changes, change: 'corrected', reason: body.reason, also, alsoAudit,
    audit: { action: 'crossing.corrected', details: { fields, reason: body.reason, ...(renamed && { screenedAgain: true, hits: (changes.hits as unknown as CrossingHit[]).map((h) => h.recordId) }) } },
  };
}
