// The refusal reason list in force on a date: the rule pack CROSSING-REFUSAL-REASONS whose period holds it.
import type { Executor } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { REFUSAL_PACK_CODE, type RefusalReason } from './refusal-reasons.ts';

export type ReasonList = { packId: string; code: string; effectiveFrom: string; effectiveTo: string | null; reasons: RefusalReason[] };

export async function reasonListAt(db: Executor, date: string): Promise<ReasonList> {
  const pack = await db.selectFrom('rulePack').select(['id', 'code', 'effectiveFrom', 'effectiveTo', 'content'])
    .where('code', '=', REFUSAL_PACK_CODE).where('effectiveFrom', '<=', date)
    .where((eb) => eb.or([eb('effectiveTo', 'is', null), eb('effectiveTo', '>', date)]))
    .orderBy('effectiveFrom', 'desc').executeTakeFirst();
  if (!pack) throw new DomainError('NO_REASON_LIST', 409, `No refusal reason list (${REFUSAL_PACK_CODE}) is in force on ${date}.`);
  return { packId: pack.id, code: pack.code, effectiveFrom: String(pack.effectiveFrom), effectiveTo: pack.effectiveTo ? String(pack.effectiveTo) : null, reasons: (pack.content as { reasons: RefusalReason[] }).reasons };
}
