// Stays of foreigners and the overstay list for the migration police (the Instruction's exchange of
// information on foreigners): passed crossings of every checkpoint, matched per document.
import type { Deps } from '../../platform/deps.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { recordRead } from '../audit/index.ts';
import { FOREIGN } from './checks.ts';
import { packInForce } from './reasons.ts';
import { STAY_PACK_CODE } from './refusal-reasons.ts';
import { judge, type Passage, type StayRule } from './stays.ts';

const LOOK_BACK_DAYS = 400;

export function createStayService(deps: Deps) {
  const { db, clock } = deps;

  async function rulesOn(date: string): Promise<{ packId: string; rules: StayRule[] }> {
    const pack = await packInForce<{ rules: StayRule[] }>(db, STAY_PACK_CODE, date, `No stay rules (${STAY_PACK_CODE}) are in force on ${date}.`);
    return { packId: pack.id, rules: pack.content.rules };
  }

  function passages(filter?: { issuingState: string; documentNumber: string }) {
    let q = db.selectFrom('crossing')
      .select(['id', 'direction', 'arrivedAt', 'decidedAt', 'leftAt', 'checkpointId', 'issuingState', 'documentNumber', 'surname', 'givenNames', 'dateOfBirth', 'nationality'])
      .where('decision', '=', 'pass').where('travellerCategory', 'in', [...FOREIGN])
      .where('arrivedAt', '>=', new Date(clock.now().getTime() - LOOK_BACK_DAYS * 86_400_000));
    if (filter) q = q.where('issuingState', '=', filter.issuingState).where('documentNumber', '=', filter.documentNumber);
    return q.orderBy('arrivedAt').execute();
  }

  type Row = Awaited<ReturnType<typeof passages>>[number];
  const passageOf = (r: Row): Passage => ({ id: r.id, direction: r.direction, at: r.leftAt ?? r.decidedAt ?? r.arrivedAt, checkpointId: r.checkpointId });

  return {
    /** Foreigners in the country now whose stay exceeds the rule for their nationality. */
    async overstays(ctx: Ctx) {
      if (!can(ctx.actor, 'stay.read')) throw new NotFoundError('Stays');
      const today = clock.now();
      const { packId, rules } = await rulesOn(today.toISOString().slice(0, 10));
      const byDocument = new Map<string, Row[]>();
      for (const r of await passages()) {
        const key = `${r.issuingState}|${r.documentNumber}`;
        const list = byDocument.get(key);
        if (list) list.push(r);
        else byDocument.set(key, [r]);
      }
      const items = [];
      for (const rows of byDocument.values()) {
        const last = rows[rows.length - 1]!;
        const verdict = judge(rows.map(passageOf), last.nationality, rules, today);
        if (!verdict.overstay || !verdict.current) continue;
        items.push({
          person: { surname: last.surname, givenNames: last.givenNames, dateOfBirth: last.dateOfBirth, nationality: last.nationality },
          document: { issuingState: last.issuingState, number: last.documentNumber },
          enteredAt: verdict.current.entry.at, entryCheckpointId: verdict.current.entry.checkpointId, entryCrossingId: verdict.current.entry.id,
          daysThisStay: verdict.daysThisStay, daysInPeriod: verdict.daysInPeriod, overBy: verdict.overBy, rule: verdict.rule?.label ?? null,
        });
      }
      items.sort((a, b) => b.overBy - a.overBy);
      if (items.length) await recordRead(deps, ctx, { entityType: 'crossing', entityIds: items.map((i) => i.entryCrossingId), query: { report: 'overstays', rulePack: packId } });
      return { rulePackId: packId, items };
    },

    /** One traveller's stays by document, with the days counted against the rule. */
    async stays(ctx: Ctx, issuingState: string, documentNumber: string) {
      if (!can(ctx.actor, 'stay.read')) throw new NotFoundError('Stays');
      const today = clock.now();
      const { packId, rules } = await rulesOn(today.toISOString().slice(0, 10));
      const rows = await passages({ issuingState, documentNumber });
      if (rows.length) await recordRead(deps, ctx, { entityType: 'crossing', entityIds: rows.map((r) => r.id), query: { report: 'stays' } });
      const verdict = judge(rows.map(passageOf), rows[rows.length - 1]?.nationality ?? null, rules, today);
      return {
        rulePackId: packId, rule: verdict.rule?.label ?? null, inCountry: verdict.current !== null, daysThisStay: verdict.daysThisStay, daysInPeriod: verdict.daysInPeriod,
        overstay: verdict.overstay, overBy: verdict.overBy, passages: rows.map((r) => ({ crossingId: r.id, direction: r.direction, at: passageOf(r).at, checkpointId: r.checkpointId })),
      };
    },
  };
}
export type StayService = ReturnType<typeof createStayService>;
