// Admission of police officers at the checkpoint into and out of an SEZ (SEZ Rules 2019 p.3, 7-9, 14,
// KZ p.15): the Border Service checks the identity document and the service certificate against the
// lists in force for the month and the SEZ, the weapons against the permit, inspects special vehicles,
// and records the outcome with every reason. An officer on no list is refused with the reason, never
// admitted silently. Priority (p.7) and emergency (p.8) passages are marked and shown first.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AdmissionBody, AdmissionsQuery } from '../../contracts/sez.ts';
import type { Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange, recordRead } from '../audit/index.ts';
import { localParts } from '../exchange/clocks.ts';
import { reaches, sezFor, sezRulesAt } from './parties.ts';
import type { AdmissionReason, AdmissionWeapon, VehicleRecord } from './sez.tables.ts';

type Body = z.infer<typeof AdmissionBody>;
const BASIS_ORDER = { emergency: 0, oig: 1, routine: 2, inspector: 3 } as const;

export function createAdmissionService(deps: Deps) {
  const { db, clock } = deps;

  function present(r: Awaited<ReturnType<typeof loadLog>>[number]) {
    return {
      id: r.id, sezId: r.sezId, checkpointId: r.checkpointId, direction: r.direction, basis: r.basis, priority: r.priority, surname: r.surname, givenName: r.givenName,
      certificateNo: r.certificateNo, idDocumentNo: r.idDocumentNo, listId: r.listId, lineNo: r.lineNo, result: r.result, reasons: r.reasons,
      weapons: r.weapons, vehicle: r.vehicle, decidedBy: r.decidedBy, at: r.at,
    };
  }

  function loadLog(sezId: string, q: { from?: Date; to?: Date; result?: 'pass' | 'refuse'; limit: number }) {
    let query = db.selectFrom('sezAdmission').selectAll().where('sezId', '=', sezId);
    if (q.from) query = query.where('at', '>=', q.from);
    if (q.to) query = query.where('at', '<', q.to);
    if (q.result) query = query.where('result', '=', q.result);
    return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  }

  return {
    /** Checks one officer at the checkpoint and records the outcome (pass or refuse, with every reason), the weapons in or out and the vehicle inspection. */
    async admit(ctx: Ctx, body: Body) {
      const sez = await sezFor(db, ctx, body.sezId);
      const bsUnit = reaches(ctx, 'sez.admit', sez.bsSubdivision) ? sez.bsSubdivision! : reaches(ctx, 'sez.admit', sez.bs) ? sez.bs! : null;
      if (!bsUnit) throw new NotFoundError('Checkpoint of this SEZ');
      const problems: FieldProblem[] = [];
      const checkpointId = body.checkpointId ?? sez.checkpointIds[0];
      if (!checkpointId || !sez.checkpointIds.includes(checkpointId)) problems.push({ path: 'checkpointId', code: 'NOT_SEZ_CHECKPOINT', message: 'not a checkpoint of this SEZ' });
      const at = clock.now();
      const local = localParts(at, sez.timeZone);
      const pack = await sezRulesAt(db, local.date);
      if (body.vehicle && pack.content.vehicleInspection.stateRevenueParticipates && !body.vehicle.inspection.stateRevenueOfficer) {
        problems.push({ path: 'vehicle.inspection.stateRevenueOfficer', code: 'STATE_REVENUE_OFFICER_REQUIRED', message: `the state revenue officer who inspected with the Border Service is required (${pack.content.vehicleInspection.basis})` });
      }
      if (problems.length) throw new ValidationError(problems);

      const cert = body.certificateNo.toUpperCase();
      const month = `${local.date.slice(0, 7)}-01`;
      // the lines that name this certificate in lists in force: monthly and inspector lists forwarded to the BS for this month,
      // priority and emergency lists signed and not closed
      const lines = await db.selectFrom('sezListOfficer as o').innerJoin('sezList as l', 'l.id', 'o.listId')
        .select(['l.id as listId', 'l.kind', 'l.version', 'o.lineNo', 'o.surname', 'o.givenName', 'o.weaponNo', 'o.equipment'])
        .where('o.certificateNo', '=', cert).where('l.sezId', '=', sez.id)
        .where((eb) => eb.or([
          eb.and([eb('l.kind', 'in', ['monthly', 'inspectors']), eb('l.month', '=', month), eb('l.status', 'in', ['forwarded', 'received'])]),
          eb.and([eb('l.kind', 'in', ['oig', 'emergency']), eb('l.status', '=', 'signed')]),
        ])).execute();
      const basisOf = (kind: string) => (kind === 'monthly' ? 'routine' : kind === 'inspectors' ? 'inspector' : kind) as keyof typeof BASIS_ORDER;
      const line = [...lines].sort((a, b) => BASIS_ORDER[basisOf(a.kind)] - BASIS_ORDER[basisOf(b.kind)])[0];
      const reasons: AdmissionReason[] = [];
      const block = (code: string, detail: string, params: Record<string, string>) => reasons.push({ code, detail, blocking: true, params });
      const warn = (code: string, detail: string, params: Record<string, string>) => reasons.push({ code, detail, blocking: false, params });

      // an officer who went in on a list that has since been closed or replaced still comes out: noted, not refused
      const wentIn = body.direction === 'exit' && !line
        ? await db.selectFrom('sezAdmission').select(['basis', 'listId', 'direction']).where('sezId', '=', sez.id).where('certificateNo', '=', cert).where('result', '=', 'pass').orderBy('at', 'desc').orderBy('id', 'desc').executeTakeFirst()
        : undefined;
      if (!line && wentIn?.direction === 'entry') {
        warn('EXIT_AFTER_LIST_ENDED', `Certificate ${cert} went in on a list that is no longer in force; the exit is recorded (p.3, p.14).`, { cert });
      } else if (!line) {
        const anyList = await db.selectFrom('sezListOfficer as o').innerJoin('sezList as l', 'l.id', 'o.listId').select(['l.status', 'l.month', 'l.kind'])
          .where('o.certificateNo', '=', cert).where('l.sezId', '=', sez.id).orderBy('l.month', 'desc').executeTakeFirst();
        block('NOT_ON_LIST', anyList
          ? `Certificate ${cert} is on a ${anyList.kind} list for ${String(anyList.month).slice(0, 7)} that is ${anyList.status}, not on a list in force at ${sez.names.en} for ${local.date.slice(0, 7)} (p.3).`
          : `Certificate ${cert} is on no list in force at ${sez.names.en} for ${local.date.slice(0, 7)} (p.3): passage only on an approved list.`,
        { cert, month: local.date.slice(0, 7), ...(anyList && { listMonth: String(anyList.month).slice(0, 7), listStatus: anyList.status }) });
      } else if (line.surname.toLocaleUpperCase('ru') !== body.surname.toLocaleUpperCase('ru') || line.givenName.toLocaleUpperCase('ru') !== body.givenName.toLocaleUpperCase('ru')) {
        block('NAME_MISMATCH', `The list names certificate ${cert} as ${line.surname} ${line.givenName}, not ${body.surname} ${body.givenName}.`, { cert, listed: `${line.surname} ${line.givenName}`, given: `${body.surname} ${body.givenName}` });
      }
      if (body.idDocumentExpiry && body.idDocumentExpiry < local.date) block('ID_DOCUMENT_EXPIRED', `The identity document ${body.idDocumentNo} expired on ${body.idDocumentExpiry} (p.3: a valid document).`, { document: body.idDocumentNo, expiry: body.idDocumentExpiry });

      // weapons that went in with this officer and are not out yet (p.14): on exit they come out, whatever the lists say now
      const inside = body.direction === 'exit'
        ? (await db.selectFrom('sezWeaponMovement as m').select(['m.weaponNo'])
          .where('m.sezId', '=', sez.id).where('m.certificateNo', '=', cert).where('m.direction', '=', 'entry')
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('sezWeaponMovement as n').select(sql<number>`1`.as('x')).whereRef('n.weaponNo', '=', 'm.weaponNo').whereRef('n.sezId', '=', 'm.sezId').whereRef('n.seq', '>', 'm.seq'))))
          .execute()).map((m) => m.weaponNo)
        : [];
      const permitted = new Set([...(line?.weaponNo ? [line.weaponNo] : []), ...((line?.equipment as { weapons?: string[] } | null)?.weapons ?? []), ...inside]);
      const weapons: AdmissionWeapon[] = body.weapons.map((w) => ({ number: w.toUpperCase(), listed: permitted.has(w.toUpperCase()) }));
      for (const w of weapons) if (!w.listed && (line || wentIn)) block('WEAPON_NOT_PERMITTED', `Weapon ${w.number} is not on the permit for ${cert} (KZ p.15: passage with a service weapon on the head's permit).`, { weapon: w.number, cert });
      const carried = new Set(weapons.map((w) => w.number));
      for (const w of inside) if (!carried.has(w)) warn('WEAPON_STILL_INSIDE', `Weapon ${w} went in with ${cert} and is not carried out: report to the duty officer (p.14).`, { weapon: w, cert });
      let vehicle: VehicleRecord | null = null;
      if (body.vehicle) {
        const plate = body.vehicle.plate.toUpperCase().replace(/\s+/g, ' ');
        const listed = line ? Boolean(await db.selectFrom('sezListVehicle').select('plate').where('listId', '=', line.listId).where('plate', '=', plate).executeTakeFirst()) : false;
        if (!listed && line) block('VEHICLE_NOT_LISTED', `Vehicle ${plate} is not in the special vehicles of list v${line.version} (p.3, p.9).`, { plate, version: String(line.version) });
        if (body.vehicle.inspection.outcome === 'findings') warn('VEHICLE_FINDINGS', `Inspection of ${plate}: ${body.vehicle.inspection.remarks ?? 'findings recorded'} (p.9).`, { plate, remarks: body.vehicle.inspection.remarks ?? '' });
        vehicle = { plate, kind: body.vehicle.kind ?? null, listed, inspection: { outcome: body.vehicle.inspection.outcome, remarks: body.vehicle.inspection.remarks ?? null, inspectors: body.vehicle.inspection.inspectors, stateRevenueOfficer: body.vehicle.inspection.stateRevenueOfficer ?? null } };
      }
      if (line && pack.content.roster.required && (line.kind === 'monthly')) {
        const roster = await db.selectFrom('sezRoster').select('posts').where('sezId', '=', sez.id).where('day', '=', local.date).where('status', '=', 'approved').execute();
        if (roster.length && !roster.some((r) => r.posts.some((p) => p.officers.some((o) => o.toUpperCase().includes(cert) || o.toLocaleUpperCase('ru').includes(line.surname.toLocaleUpperCase('ru')))))) {
          warn('NOT_ON_ROSTER', `${line.surname} is not on today's approved post roster (KZ p.12): advisory only, the roster is not a basis of passage.`, { surname: line.surname });
        }
      }
      const result = reasons.some((r) => r.blocking) ? 'refuse' : 'pass';
      const basis = line ? basisOf(line.kind) : (wentIn?.basis ?? 'routine');
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('sezAdmission').values({
          id, sezId: sez.id, checkpointId: checkpointId!, bsUnitId: bsUnit.id, direction: body.direction, basis, priority: basis === 'oig' || basis === 'emergency',
          surname: body.surname, givenName: body.givenName, certificateNo: cert, idDocumentNo: body.idDocumentNo.toUpperCase(), idDocumentExpiry: body.idDocumentExpiry ?? null,
          listId: line?.listId ?? null, lineNo: line?.lineNo ?? null, result, reasons: JSON.stringify(reasons), weapons: JSON.stringify(weapons), vehicle: vehicle ? JSON.stringify(vehicle) : null,
          decidedBy: ctx.actor.via === 'cli' ? null : ctx.actor.userId, at,
        }).execute();
        if (result === 'pass' && weapons.length) {
          await trx.insertInto('sezWeaponMovement').values(weapons.map((w) => ({ admissionId: id, weaponNo: w.number, sezId: sez.id, certificateNo: cert, direction: body.direction, at }))).execute();
        }
        await recordChange(deps, trx, ctx, { action: `sez.admission.${result}`, entityType: 'sez_admission', entityId: id, agencyId: bsUnit.agencyId, unitId: bsUnit.id, details: { sezId: sez.id, direction: body.direction, basis, certificateNo: cert, listId: line?.listId ?? null, reasons: reasons.map((r) => r.code), weapons: weapons.map((w) => w.number), vehicle: vehicle?.plate ?? null } });
      });
      const row = await db.selectFrom('sezAdmission').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return present(row);
    },

      /** The checkpoint's log for an SEZ, newest first (read of personal data: audited). Priority passages are marked. */
    async log(ctx: Ctx, query: z.infer<typeof AdmissionsQuery>) {
      const sez = await sezFor(db, ctx, query.sezId);
      // the checkpoint's log is the Border Service's record (and oversight's)
      if (!reaches(ctx, 'sez.read', sez.bs) && !reaches(ctx, 'sez.read', sez.bsSubdivision)) throw new NotFoundError('Special economic zone');
      const rows = await loadLog(sez.id, { ...(query.from && { from: new Date(query.from) }), ...(query.to && { to: new Date(query.to) }), ...(query.result && { result: query.result }), limit: query.limit });
      await recordRead(deps, ctx, { entityType: 'sez_admission', entityIds: rows.map((r) => r.id), query });
      return rows.map(present);
    },

    /** Weapons taken into the SEZ and not yet out (p.14). */
    async weaponsInside(ctx: Ctx, sezId: string) {
      const sez = await sezFor(db, ctx, sezId);
      if (!reaches(ctx, 'sez.read', sez.bs) && !reaches(ctx, 'sez.read', sez.bsSubdivision)) throw new NotFoundError('Special economic zone');
      const rows = await db.selectFrom('sezWeaponMovement as m').select(['m.weaponNo', 'm.certificateNo', 'm.at'])
        .where('m.sezId', '=', sez.id).where('m.direction', '=', 'entry')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('sezWeaponMovement as n').select(sql<number>`1`.as('x')).whereRef('n.weaponNo', '=', 'm.weaponNo').whereRef('n.sezId', '=', 'm.sezId').whereRef('n.seq', '>', 'm.seq'))))
        .orderBy('m.at').execute();
      return rows.map((r) => ({ weaponNo: r.weaponNo, certificateNo: r.certificateNo, enteredAt: r.at }));
    },
  };
}
export type AdmissionService = ReturnType<typeof createAdmissionService>;
