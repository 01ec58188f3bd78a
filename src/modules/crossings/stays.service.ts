// Stays of foreigners and the overstay list for the migration police (the Instruction's exchange of
// information on foreigners): passed crossings of every checkpoint, matched per document.
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import type { z } from 'zod';
import type { OverstaysQuery } from '../../contracts/crossings.ts';
import type { Deps } from '../../platform/deps.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { recordRead } from '../audit/index.ts';
import { FOREIGN } from './checks.ts';
import { packInForce } from './reasons.ts';
import { STAY_PACK_CODE } from './refusal-reasons.ts';
import { isTraveller, sameTraveller, travellerOf } from './open-stays.ts';
import { judge, type Passage, type StayRule } from './stays.ts';

const LOOK_BACK_DAYS = 400;

export function createStayService(deps: Deps) {
  const { db, clock } = deps;

  async function rulesOn(date: string): Promise<{ packId: string; rules: StayRule[] }> {
    const pack = await packInForce<{ rules: StayRule[] }>(db, STAY_PACK_CODE, date, `No stay rules (${STAY_PACK_CODE}) are in force on ${date}.`);
    return { packId: pack.id, rules: pack.content.rules };
  }

  const passageColumns = ['crossing.id', 'crossing.direction', 'crossing.arrivedAt', 'crossing.decidedAt', 'crossing.leftAt', 'crossing.checkpointId', 'crossing.issuingState', 'crossing.documentNumber', 'crossing.surname', 'crossing.givenNames', 'crossing.dateOfBirth', 'crossing.nationality'] as const;
  /** The passed crossings of foreigners in the look-back period. */
  const passed = () => db.selectFrom('crossing').select(passageColumns)
    .where('crossing.decision', '=', 'pass').where('crossing.travellerCategory', 'in', [...FOREIGN])
    .where('crossing.arrivedAt', '>=', new Date(clock.now().getTime() - LOOK_BACK_DAYS * 86_400_000));

  /**
   * One traveller's passages, the earliest first: those of the document, and those of the same person on
   * other documents (as the document's latest passage names them).
   */
  async function passagesOf(issuingState: string, documentNumber: string) {
    const byDocument = (eb: ExpressionBuilder<Database, 'crossing'>) => eb.and([eb('crossing.issuingState', '=', issuingState), eb('crossing.documentNumber', '=', documentNumber)]);
    const rows = await passed().where(byDocument).orderBy('crossing.arrivedAt').execute();
    const traveller = rows.length ? travellerOf(rows[rows.length - 1]!) : null;
    if (!traveller) return rows;
    return passed().where((eb) => eb.or([byDocument(eb), isTraveller('crossing', traveller)])).orderBy('crossing.arrivedAt').execute();
  }

  /**
   * The passages of the travellers whose stay is open and could be over a limit: open since before the
   * shortest limit of the rules, or of a traveller who left within their longest period (the stays before
   * may count). No other open stay can be over any limit. Each stay's passages are found by its document
   * (index crossing_document) and its traveller (index crossing_surname), so the cost follows the open
   * stays, not every crossing of the period.
   */
  const passagesOfOpenStays = (enteredBefore: Date, exitedSince: Date) => {
    const ofStay = (eb: ExpressionBuilder<Database, 'crossing' | 'openStay'>) => eb.or([
      eb.and([eb('crossing.issuingState', '=', eb.ref('openStay.issuingState')), eb('crossing.documentNumber', '=', eb.ref('openStay.documentNumber'))]),
      sameTraveller('crossing', 'openStay'),
    ]);
    return db.selectFrom('openStay').innerJoinLateral(
      (eb) => eb.selectFrom('crossing').select(passageColumns).where(ofStay)
        .where('crossing.decision', '=', 'pass').where('crossing.travellerCategory', 'in', [...FOREIGN])
        .where('crossing.arrivedAt', '>=', new Date(clock.now().getTime() - LOOK_BACK_DAYS * 86_400_000)).as('p'),
      (join) => join.onTrue(),
    ).selectAll('p').select(['openStay.issuingState as stayState', 'openStay.documentNumber as stayNumber'])
      .where(({ eb, or, exists, selectFrom }) => or([
        eb('openStay.enteredAt', '<', enteredBefore),
        exists(selectFrom('crossing').select('crossing.id').where(ofStay)
          .where('crossing.decision', '=', 'pass').where('crossing.direction', '=', 'exit').where('crossing.arrivedAt', '>=', exitedSince)),
      ]))
      // each stay's passages the earliest first: the last names the traveller and the nationality
      .orderBy('p.arrivedAt')
      .execute();
  };

  type Row = Awaited<ReturnType<typeof passagesOf>>[number];
  const passageOf = (r: Row): Passage => ({ id: r.id, direction: r.direction, at: r.leftAt ?? r.decidedAt ?? r.arrivedAt, checkpointId: r.checkpointId });

  return {
    /** Foreigners in the country now whose stay exceeds the rule for their nationality: of the stays still open, those that could be. */
    async overstays(ctx: Ctx, query: z.infer<typeof OverstaysQuery>) {
      if (!can(ctx.actor, 'stay.read')) throw new NotFoundError('Stays');
      const today = clock.now();
      const { packId, rules } = await rulesOn(today.toISOString().slice(0, 10));
      // the open stays that could be over a limit: open longer than the shortest limit (a day's margin), or
      // of a traveller who left within the longest period
      const limits = rules.flatMap((r) => [r.maxDaysPerStay, r.maxDaysInPeriod]).filter((d): d is number => d !== null && d > 0);
      if (limits.length === 0) return { rulePackId: packId, total: 0, items: [] };
      const longestPeriod = Math.max(0, ...rules.map((r) => r.periodDays ?? 0));
      const dayAgo = (days: number) => new Date(today.getTime() - days * 86_400_000);
      const byStay = new Map<string, Row[]>();
      for (const r of await passagesOfOpenStays(dayAgo(Math.min(...limits) - 2), dayAgo(longestPeriod + 1))) {
        const key = `${r.stayState}|${r.stayNumber}`;
        const list = byStay.get(key);
        if (list) list.push(r);
        else byStay.set(key, [r]);
      }
      const items = [];
      // a traveller with two stays open (entered on two documents) is judged once
      const judged = new Set<string>();
      for (const rows of byStay.values()) {
        const last = rows[rows.length - 1]!;
        const verdict = judge(rows.map(passageOf), last.nationality, rules, today);
        if (!verdict.overstay || !verdict.current || judged.has(verdict.current.entry.id)) continue;
        judged.add(verdict.current.entry.id);
        if ((query.nationality && last.nationality !== query.nationality) || (query.entryCheckpointId && verdict.current.entry.checkpointId !== query.entryCheckpointId)) continue;
        items.push({
          person: { surname: last.surname, givenNames: last.givenNames, dateOfBirth: last.dateOfBirth, nationality: last.nationality },
          document: { issuingState: last.issuingState, number: last.documentNumber },
          enteredAt: verdict.current.entry.at, entryCheckpointId: verdict.current.entry.checkpointId, entryCrossingId: verdict.current.entry.id,
          daysThisStay: verdict.daysThisStay, daysInPeriod: verdict.daysInPeriod, overBy: verdict.overBy, rule: verdict.rule?.label ?? null, ruleNames: verdict.rule?.names ?? null,
        });
      }
      items.sort((a, b) => b.overBy - a.overBy);
      const shown = items.slice(0, query.limit);
      if (shown.length) await recordRead(deps, ctx, { entityType: 'crossing', entityIds: shown.map((i) => i.entryCrossingId), query: { report: 'overstays', rulePack: packId, ...query } });
      return { rulePackId: packId, total: items.length, items: shown };
    },

    /** One traveller's stays by document, with the days counted against the rule. */
    async stays(ctx: Ctx, issuingState: string, documentNumber: string) {
      if (!can(ctx.actor, 'stay.read')) throw new NotFoundError('Stays');
      const today = clock.now();
      const { packId, rules } = await rulesOn(today.toISOString().slice(0, 10));
      const rows = await passagesOf(issuingState, documentNumber);
      if (rows.length) await recordRead(deps, ctx, { entityType: 'crossing', entityIds: rows.map((r) => r.id), query: { report: 'stays' } });
      const verdict = judge(rows.map(passageOf), rows[rows.length - 1]?.nationality ?? null, rules, today);
      return {
        rulePackId: packId, rule: verdict.rule?.label ?? null, ruleNames: verdict.rule?.names ?? null, inCountry: verdict.current !== null, daysThisStay: verdict.daysThisStay, daysInPeriod: verdict.daysInPeriod,
        overstay: verdict.overstay, overBy: verdict.overBy, passages: rows.map((r) => ({ crossingId: r.id, direction: r.direction, at: passageOf(r).at, checkpointId: r.checkpointId })),
      };
    },
  };
}
export type StayService = ReturnType<typeof createStayService>;
