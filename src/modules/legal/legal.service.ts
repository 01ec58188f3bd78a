import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { RulePacksQuery, SuccessorRulePackBody, UpsertLegalActBody } from '../../contracts/legal.ts';
import { ExchangeRules, EXCHANGE_PACK_CODE } from '../exchange/rules.ts';
import { SezRules, SEZ_PACK_CODE } from '../sez/rules.ts';
import { CaseRules, CASE_PACK_CODE } from '../cases/rules.ts';
import { StayRules, STAY_PACK_CODE } from '../crossings/refusal-reasons.ts';
import type { LegalActTable, RulePackTable } from '../../database.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { issueProblem, NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange } from '../audit/index.ts';

type Input = z.infer<typeof UpsertLegalActBody>;

/** The shapes of the rule packs whose successors are entered through the API. */
const PACK_SHAPES: Record<string, z.ZodType> = { [EXCHANGE_PACK_CODE]: ExchangeRules, [SEZ_PACK_CODE]: SezRules, [CASE_PACK_CODE]: CaseRules, [STAY_PACK_CODE]: StayRules };

function present(a: Selectable<LegalActTable> & { rulePackCount: number | string }) {
  return {
    id: a.id, code: a.code, actType: a.actType as never, number: a.number, adoptedOn: a.adoptedOn, registrationNo: a.registrationNo, registeredOn: a.registeredOn,
    titles: { kk: a.titleKk, ru: a.titleRu, en: a.titleEn }, issuer: a.issuer, status: a.status as never, inForceFrom: a.inForceFrom, repealedOn: a.repealedOn,
    repealedByActId: a.repealedByActId, repealedByText: a.repealedByText, languages: a.languages as never, notes: a.notes, rulePackCount: Number(a.rulePackCount),
  };
}

/** The acts as stored, with the consistency rules of a register: a repealed act says when and by what. */
function check(input: Input): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.status === 'repealed') {
    if (!input.repealedOn) problems.push({ path: 'repealedOn', code: 'REPEAL_DATE_REQUIRED', message: 'is required for a repealed act' });
    if (!input.repealedByActId && !input.repealedByText) problems.push({ path: 'repealedByText', code: 'REPEALING_ACT_REQUIRED', message: 'name the repealing act (repealedByActId or repealedByText)' });
  } else if (input.repealedOn || input.repealedByActId) {
    problems.push({ path: 'status', code: 'MUST_BE_REPEALED', message: 'must be "repealed" when a repeal is recorded' });
  }
  if (input.repealedOn && input.repealedOn < input.adoptedOn) problems.push({ path: 'repealedOn', code: 'NOT_AFTER', params: { other: 'adoptedOn' }, message: 'must not precede adoptedOn' });
  return problems;
}

/** A rule pack with its titles in the three languages. */
const packView = (p: Selectable<RulePackTable>) => ({ ...p, titles: { kk: p.titleKk, ru: p.titleRu, en: p.titleEn } });

export function createLegalService(deps: Deps) {
  const { db, clock } = deps;
  const base = () =>
    db.selectFrom('legalAct').selectAll('legalAct')
      .select((eb) => eb.selectFrom('rulePack').select(eb.fn.countAll<number>().as('n')).whereRef('rulePack.actId', '=', 'legalAct.id').as('rulePackCount'));

  function toRow(input: Input) {
    return {
      code: input.code, actType: input.actType, number: input.number, adoptedOn: input.adoptedOn, registrationNo: input.registrationNo ?? null,
      registeredOn: input.registeredOn ?? null, titleKk: input.titles.kk ?? null, titleRu: input.titles.ru ?? null, titleEn: input.titles.en,
      issuer: input.issuer, status: input.status, inForceFrom: input.inForceFrom ?? null, repealedOn: input.repealedOn ?? null,
      repealedByActId: input.repealedByActId ?? null, repealedByText: input.repealedByText ?? null, languages: JSON.stringify(input.languages), notes: input.notes ?? null,
    };
  }

  return {
    async list(ctx: Ctx) {
      if (!can(ctx.actor, 'legal.read')) return [];
      return (await base().orderBy('adoptedOn').execute()).map((a) => present({ ...a, rulePackCount: a.rulePackCount ?? 0 }));
    },
    async get(ctx: Ctx, id: string) {
      if (!can(ctx.actor, 'legal.read')) throw new NotFoundError('Legal act');
      const act = await base().where('legalAct.id', '=', id).executeTakeFirst();
      if (!act) throw new NotFoundError('Legal act');
      return present({ ...act, rulePackCount: act.rulePackCount ?? 0 });
    },
    /** Creates the act, or updates the one with the same code (register maintenance is an upsert by code). */
    async upsert(ctx: Ctx, input: Input) {
      if (!can(ctx.actor, 'legal.manage')) throw new NotFoundError('Legal register');
      const problems = check(input);
      if (input.repealedByActId && !(await db.selectFrom('legalAct').select('id').where('id', '=', input.repealedByActId).executeTakeFirst())) {
        problems.push({ path: 'repealedByActId', code: 'UNKNOWN', message: 'unknown act' });
      }
      if (problems.length) throw new ValidationError(problems);
      const now = clock.now();
      const id = await db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('legalAct').select('id').where('code', '=', input.code).executeTakeFirst();
        const actId = existing?.id ?? newId();
        if (existing) await trx.updateTable('legalAct').set({ ...toRow(input), updatedAt: now }).where('id', '=', actId).execute();
        else await trx.insertInto('legalAct').values({ id: actId, ...toRow(input), createdAt: now, updatedAt: now }).execute();
        await recordChange(deps, trx, ctx, { action: existing ? 'legal.act.updated' : 'legal.act.created', entityType: 'legal_act', entityId: actId, details: { code: input.code, status: input.status } });
        return actId;
      });
      return this.get(ctx, id);
    },
    /** A successor pack: new values from a date, validated against the pack's shape; the pack in force then ends the day
     * before. Obligations already opened keep the pack they arose under. */
    async addSuccessorPack(ctx: Ctx, input: z.infer<typeof SuccessorRulePackBody>) {
      if (!can(ctx.actor, 'legal.manage')) throw new NotFoundError('Legal register');
      const problems: FieldProblem[] = [];
      const shape = PACK_SHAPES[input.code];
      const latest = await db.selectFrom('rulePack').selectAll().where('code', '=', input.code).orderBy('effectiveFrom', 'desc').executeTakeFirst();
      if (!latest) problems.push({ path: 'code', code: 'UNKNOWN', message: 'no rule pack has this code' });
      else if (!shape) problems.push({ path: 'code', code: 'PACK_NOT_ENTERED_HERE', message: `successor packs of ${input.code} are not entered here yet` });
      if (!(await db.selectFrom('legalAct').select('id').where('id', '=', input.actId).executeTakeFirst())) problems.push({ path: 'actId', code: 'UNKNOWN', message: 'unknown act' });
      const today = clock.now().toISOString().slice(0, 10);
      if (input.effectiveFrom < today) problems.push({ path: 'effectiveFrom', code: 'EFFECTIVE_IN_PAST', message: 'is in the past: what was judged stays judged' });
      if (latest && input.effectiveFrom <= String(latest.effectiveFrom)) problems.push({ path: 'effectiveFrom', code: 'AFTER_LATEST_PACK', params: { date: String(latest.effectiveFrom) }, message: `must be after ${String(latest.effectiveFrom)}, the start of the latest pack` });
      if (shape) {
        const parsed = shape.safeParse(input.content);
        if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issueProblem(issue, ['content', ...issue.path].join('.'), input.content));
      }
      if (problems.length) throw new ValidationError(problems);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('rulePack').set({ effectiveTo: input.effectiveFrom }).where('code', '=', input.code).where('effectiveFrom', '<', input.effectiveFrom)
          .where((eb) => eb.or([eb('effectiveTo', 'is', null), eb('effectiveTo', '>', input.effectiveFrom)])).execute();
        await trx.insertInto('rulePack').values({ id, actId: input.actId, code: input.code, kind: latest!.kind, titleKk: input.titleKk ?? null, titleRu: input.titleRu ?? null, titleEn: input.titleEn, effectiveFrom: input.effectiveFrom, effectiveTo: null, content: JSON.stringify(input.content), createdAt: clock.now() }).execute();
        await recordChange(deps, trx, ctx, { action: 'legal.rule_pack.added', entityType: 'rule_pack', entityId: id, details: { code: input.code, effectiveFrom: input.effectiveFrom, succeeds: latest!.id } });
      });
      return packView(await db.selectFrom('rulePack').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    },
    /** Rule packs, optionally only those in effect on a date: past records are judged by the rules of their time. */
    async listRulePacks(ctx: Ctx, query: z.infer<typeof RulePacksQuery>) {
      if (!can(ctx.actor, 'legal.read')) return [];
      let q = db.selectFrom('rulePack').selectAll();
      if (query.actId) q = q.where('actId', '=', query.actId);
      if (query.code) q = q.where('code', '=', query.code);
      if (query.on) {
        const on = query.on;
        q = q.where('effectiveFrom', '<=', on).where((eb) => eb.or([eb('effectiveTo', 'is', null), eb('effectiveTo', '>', on)]));
      }
      return (await q.orderBy('code').orderBy('effectiveFrom').execute()).map(packView);
    },
  };
}
export type LegalService = ReturnType<typeof createLegalService>;
