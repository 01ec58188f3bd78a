// Stays of foreigners and the overstay list for the migration police (the Instruction's exchange of
// information on foreigners): passed crossings of every checkpoint, an entry matched to its exit per
// traveller; the list from the stays still open and the verdicts kept with them (ADR 0014, 0015).
import { sql, type ExpressionBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import type { z } from 'zod';
import type { OverstaysQuery } from '../../contracts/crossings.ts';
import type { Deps } from '../../platform/deps.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { recordRead } from '../audit/index.ts';
import { startRounds } from '../../platform/rounds.ts';
import { FOREIGN } from './checks.ts';
import { packInForce } from './reasons.ts';
import { STAY_PACK_CODE } from './refusal-reasons.ts';
import { isTraveller, sameTraveller, travellerOf } from './open-stays.ts';
import { dateOfDay, dayOf, judge, overFrom, type Passage, type StayRule } from './stays.ts';

/** How far before a stay's entry its traveller's passages are read (the stays before it that a period may count). */
const LOOK_BACK_DAYS = 400;
/**
 * How the open stays are judged: `page` a statement at a time; a list request judges at most
 * `requestPages` pages itself (after an upgrade or a new pack of rules, the rest is the timer's work, and
 * the list says how many are still to judge).
 */
export type JudgeOptions = { page: number; requestPages: number };

export function createStayService(deps: Deps, judging: JudgeOptions = { page: 2000, requestPages: 5 }) {
  const { db, clock } = deps;

  async function rulesOn(date: string): Promise<{ packId: string; rules: StayRule[] }> {
    const pack = await packInForce<{ rules: StayRule[] }>(db, STAY_PACK_CODE, date, `No stay rules (${STAY_PACK_CODE}) are in force on ${date}.`);
    return { packId: pack.id, rules: pack.content.rules };
  }

  const passageColumns = ['crossing.id', 'crossing.direction', 'crossing.arrivedAt', 'crossing.decidedAt', 'crossing.leftAt', 'crossing.checkpointId', 'crossing.issuingState', 'crossing.documentNumber', 'crossing.surname', 'crossing.givenNames', 'crossing.dateOfBirth', 'crossing.nationality', 'crossing.sex'] as const;
  /** The passed crossings of foreigners since `from`. */
  const passed = (from: Date) => db.selectFrom('crossing').select(passageColumns)
    .where('crossing.decision', '=', 'pass').where('crossing.travellerCategory', 'in', [...FOREIGN])
    .where('crossing.arrivedAt', '>=', from);

  /**
   * One traveller's passages, the earliest first: those of the document, and those of the same person on
   * other documents (as the document's latest passage names them), from the look-back period before now
   * or before the entry of the document's stay still open.
   */
  async function passagesOf(issuingState: string, documentNumber: string) {
    const byDocument = (eb: ExpressionBuilder<Database, 'crossing' | 'openStay'>) => eb.and([eb('issuingState', '=', issuingState), eb('documentNumber', '=', documentNumber)]);
    const open = await db.selectFrom('openStay').select('enteredAt').where(byDocument).executeTakeFirst();
    const from = new Date(Math.min(clock.now().getTime(), open?.enteredAt.getTime() ?? Infinity) - LOOK_BACK_DAYS * 86_400_000);
    const rows = await passed(from).where(byDocument).orderBy('crossing.arrivedAt').execute();
    const traveller = rows.length ? travellerOf(rows[rows.length - 1]!) : null;
    if (!traveller) return rows;
    return passed(from).where((eb) => eb.or([byDocument(eb), isTraveller('crossing', traveller)])).orderBy('crossing.arrivedAt').execute();
  }

  const stayColumns = ['openStay.issuingState', 'openStay.documentNumber', 'openStay.version', 'openStay.entryCrossingId', 'openStay.enteredAt', 'openStay.overFrom', 'openStay.surname', 'openStay.givenNames', 'openStay.dateOfBirth', 'openStay.nationality', 'openStay.sex'] as const;
  type StayColumn = typeof stayColumns[number] extends `openStay.${infer C}` ? C & keyof Database['openStay'] : never;
  /**
   * The open stays `stays` selects (as `s`), the first day over first, then the entry, each with its
   * traveller's passed crossings (by its document, index crossing_document, and by the same person on
   * another, index crossing_traveller) from the look-back period before its entry, the earliest first; a
   * stay with none has an empty list.
   */
  async function withPassages<T extends keyof Database>(stays: SelectQueryBuilder<Database, T, Pick<Selectable<Database['openStay']>, StayColumn>>) {
    const ref = (c: string) => sql.ref(c);
    const rows = await db.selectFrom(stays.as('s')).leftJoinLateral(
      (eb) => eb.selectFrom('crossing').select(passageColumns)
        .where(sql<boolean>`((${ref('crossing.issuingState')} = ${ref('s.issuingState')} and ${ref('crossing.documentNumber')} = ${ref('s.documentNumber')}) or ${sameTraveller('crossing', 's')})`)
        .where('crossing.decision', '=', 'pass').where('crossing.travellerCategory', 'in', [...FOREIGN])
        .where('crossing.arrivedAt', '>=', sql<Date>`${ref('s.enteredAt')} - make_interval(days => ${LOOK_BACK_DAYS})`).as('p'),
      (join) => join.onTrue(),
    ).selectAll('p').select(['s.issuingState as stayState', 's.documentNumber as stayNumber', 's.version as stayVersion', 's.entryCrossingId as stayEntry', 's.overFrom as stayOverFrom'])
      // the stays in the order asked for (the first day over, then the entry), each one's passages the earliest first
      .orderBy('s.overFrom').orderBy('s.enteredAt').orderBy('s.issuingState').orderBy('s.documentNumber').orderBy('p.arrivedAt').execute();
    const byStay = new Map<string, { state: string; number: string; version: number; entryCrossingId: string; overFrom: string | null; rows: Row[] }>();
    for (const r of rows) {
      const key = `${r.stayState}|${r.stayNumber}`;
      let stay = byStay.get(key);
      if (!stay) byStay.set(key, (stay = { state: r.stayState, number: r.stayNumber, version: r.stayVersion, entryCrossingId: r.stayEntry, overFrom: r.stayOverFrom, rows: [] }));
      if (r.id !== null) stay.rows.push(r as Row);
    }
    return [...byStay.values()];
  }

  /**
   * The open stays with no verdict kept under this pack of rules (new, changed, or judged under another
   * pack), judged a page at a time: the first day each is over if the traveller stays on, written with
   * the version judged (a stay changed meanwhile stays unjudged, for the next list). A stay whose
   * traveller entered again later on another document has given way to that stay: no day.
   */
  const unjudged = (packId: string) => db.selectFrom('openStay')
    .where((eb) => eb.or([eb('judgedUnder', 'is', null), eb('judgedUnder', '<', packId), eb('judgedUnder', '>', packId)]));
  async function judgeOpenStays(packId: string, rules: StayRule[], pages = Infinity): Promise<{ judged: number; more: boolean }> {
    let judged = 0;
    for (let p = 0; p < pages; p++) {
      const page = await withPassages(unjudged(packId).select(stayColumns).limit(judging.page));
      if (page.length === 0) return { judged, more: false };
      const verdicts = page.map((stay) => {
        const over = stay.rows.length ? overFrom(stay.rows.map(passageOf), stay.rows[stay.rows.length - 1]!.nationality, rules) : null;
        return { issuing_state: stay.state, document_number: stay.number, version: stay.version, over_from: over && over.entryId === stay.entryCrossingId ? over.day : null };
      });
      const written = await sql`
        update open_stay o set over_from = v.over_from, judged_under = ${packId}
        from jsonb_to_recordset(${JSON.stringify(verdicts)}::jsonb) as v(issuing_state char(3), document_number text, version integer, over_from date)
        where o.issuing_state = v.issuing_state and o.document_number = v.document_number and o.version = v.version`.execute(db);
      const n = Number(written.numAffectedRows ?? 0);
      judged += n;
      // a page all changed meanwhile: the rest for the next run
      if (page.length < judging.page || n === 0) return { judged, more: false };
    }
    return { judged, more: true };
  }

  type Row = Awaited<ReturnType<ReturnType<typeof passed>['execute']>>[number];
  const passageOf = (r: Row): Passage => ({ id: r.id, direction: r.direction, at: r.leftAt ?? r.decidedAt ?? r.arrivedAt, checkpointId: r.checkpointId });

  return {
    /**
     * Foreigners in the country now whose stay exceeds the rule for their nationality, those over longest
     * first: the stays not yet judged under the rules in force are judged, then the list is the stays
     * whose first day over has come (index open_stay_over), and the days of those shown counted today.
     */
    async overstays(ctx: Ctx, query: z.infer<typeof OverstaysQuery>) {
      if (!can(ctx.actor, 'stay.read')) throw new NotFoundError('Stays');
      const now = clock.now();
      const today = dateOfDay(dayOf(now));
      const { packId, rules } = await rulesOn(today);
      const { more } = await judgeOpenStays(packId, rules, judging.requestPages);
      const pending = more ? Number((await unjudged(packId).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n) : 0;
      const over = db.selectFrom('openStay')
        .where('openStay.judgedUnder', '=', packId).where('openStay.overFrom', '<=', today)
        .$if(query.nationality !== undefined, (q) => q.where('openStay.nationality', '=', query.nationality!))
        .$if(query.entryCheckpointId !== undefined, (q) => q.where(({ exists, selectFrom }) => exists(selectFrom('crossing').select('crossing.id')
          .whereRef('crossing.id', '=', 'openStay.entryCrossingId').where('crossing.checkpointId', '=', query.entryCheckpointId!))));
      const { total } = await over.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
      const shown = await withPassages(over.select(stayColumns)
        .orderBy('openStay.overFrom').orderBy('openStay.enteredAt').orderBy('openStay.issuingState').orderBy('openStay.documentNumber').limit(query.limit));
      const items = shown.flatMap(({ rows, overFrom: since }) => {
        const last = rows[rows.length - 1];
        const verdict = judge(rows.map(passageOf), last?.nationality ?? null, rules, now);
        if (!last || !verdict.current) return [];
        return [{
          person: { surname: last.surname, givenNames: last.givenNames, dateOfBirth: last.dateOfBirth, nationality: last.nationality },
          document: { issuingState: last.issuingState, number: last.documentNumber },
          enteredAt: verdict.current.entry.at, entryCheckpointId: verdict.current.entry.checkpointId, entryCrossingId: verdict.current.entry.id, overSince: since!,
          daysThisStay: verdict.daysThisStay, daysInPeriod: verdict.daysInPeriod, overBy: verdict.overBy, rule: verdict.rule?.label ?? null, ruleNames: verdict.rule?.names ?? null,
        }];
      });
      if (items.length) await recordRead(deps, ctx, { entityType: 'crossing', entityIds: items.map((i) => i.entryCrossingId), query: { report: 'overstays', rulePack: packId, ...query } });
      return { rulePackId: packId, total: Number(total), pending, items };
    },

    /**
     * For the shift overview: how many foreigners in the country are over their days by the verdicts kept
     * (nobody named), after judging what changed as the list does (at most its pages), and how many stays
     * are still not judged under the rules in force. Null for a reader without `stay.read`.
     */
    async overCount(ctx: Ctx): Promise<{ over: number; pending: number } | null> {
      if (!can(ctx.actor, 'stay.read')) return null;
      const today = dateOfDay(dayOf(clock.now()));
      const { packId, rules } = await rulesOn(today);
      // what changed since the timer's last run, judged as a list request would (nothing when nothing did)
      await judgeOpenStays(packId, rules, judging.requestPages);
      const count = (eb: ExpressionBuilder<Database, 'openStay'>) => eb.fn.countAll<string>().as('n');
      // as the list counts them (indexes open_stay_over, open_stay_judged)
      const [over, pending] = await Promise.all([
        db.selectFrom('openStay').select(count).where('judgedUnder', '=', packId).where('overFrom', '<=', today).executeTakeFirstOrThrow(),
        unjudged(packId).select(count).executeTakeFirstOrThrow(),
      ]);
      return { over: Number(over.n), pending: Number(pending.n) };
    },

    /** The codes of these checkpoints (for a report), by id. */
    async checkpointCodes(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('checkpoint').select(['id', 'code']).where('id', 'in', [...new Set(ids)]).execute();
      return new Map(rows.map((r) => [r.id, r.code]));
    },

    /**
     * Judges the open stays with no verdict under the rules in force today, for a timer: the list then
     * finds only what changed since the last tick, and a new pack of rules is judged in the background.
     */
    async keepVerdicts(): Promise<number> {
      const { packId, rules } = await rulesOn(dateOfDay(dayOf(clock.now())));
      return (await judgeOpenStays(packId, rules)).judged;
    },

    /** One traveller's stays by document, with the days counted against the rule. */
    async stays(ctx: Ctx, issuingState: string, documentNumber: string) {
      if (!can(ctx.actor, 'stay.read')) throw new NotFoundError('Stays');
      const today = clock.now();
      const { packId, rules } = await rulesOn(dateOfDay(dayOf(today)));
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

/** Every minute, the verdicts of the stays changed since: the overstay list stays quick. The stop waits for a run under way. */
export function startStayVerdicts(stays: StayService, log: { error(o: object, m: string): void }, everyMs = 60_000): () => Promise<void> {
  const rounds = startRounds(() => stays.keepVerdicts(), { everyMs, onError: (error) => log.error({ err: error }, 'judging the open stays failed') });
  return () => rounds.stop();
}
