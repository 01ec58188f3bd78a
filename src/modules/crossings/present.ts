import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { CrossingView } from '../../contracts/crossings.ts';
import type { Suggested } from './checks.ts';
import type { CheckResult, CrossingHit, CrossingTable } from './crossings.tables.ts';

/** A crossing row as the API shows it. */
export function presentCrossing(r: Selectable<CrossingTable>, suggested: Suggested): z.infer<typeof CrossingView> {
  return {
    id: r.id, checkpointId: r.checkpointId, laneId: r.laneId, unitId: r.unitId, direction: r.direction, transportMode: r.transportMode, travellerCategory: r.travellerCategory as never,
    vehicleRole: r.vehicleRole, vehicle: r.vehiclePlate ? { plate: r.vehiclePlate, country: r.vehicleCountry } : null, vehicleCrossingId: r.vehicleCrossingId, purpose: r.purpose,
    person: { surname: r.surname, givenNames: r.givenNames, dateOfBirth: r.dateOfBirth, sex: r.sex, nationality: r.nationality },
    document: { code: r.documentCode, number: r.documentNumber, issuingState: r.issuingState, expiry: r.documentExpiry, mrzLines: r.mrzLines, mrzValid: r.mrzValid },
    checks: r.checks as unknown as CheckResult[], hits: r.hits as unknown as CrossingHit[], suggested,
    status: r.status, decision: r.decision, reasons: r.reasons, decisionNote: r.decisionNote, returnToCountry: r.returnToCountry,
    arrivedAt: r.arrivedAt, decidedAt: r.decidedAt, leftAt: r.leftAt, officerUserId: r.officerUserId, decidedBy: r.decidedBy, version: r.version,
  };
}
