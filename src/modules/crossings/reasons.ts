// Rule packs in force on a date (the pack whose period holds it, the latest if several), and the
// refusal reason list CROSSING-REFUSAL-REASONS read through it. Read in the caller's transaction when
// there is one: the embedded database has a single connection.
import type { Executor } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import { REFUSAL_PACK_CODE, type RefusalReason } from './refusal-reasons.ts';

export type PackInForce<T> = { id: string; code: string; effectiveFrom: string; effectiveTo: string | null; content: T };

export async function packInForce<T>(db: Executor, code: string, date: string, missing = `No rule pack ${code} is in force on ${date}.`): Promise<PackInForce<T>> {
  const pack = await db.selectFrom('rulePack').select(['id', 'code', 'effectiveFrom', 'effectiveTo', 'content'])
    .where('code', '=', code).where('effectiveFrom', '<=', date)
    .where((eb) => eb.or([eb('effectiveTo', 'is', null), eb('effectiveTo', '>', date)]))
    .orderBy('effectiveFrom', 'desc').executeTakeFirst();
  if (!pack) throw new DomainError('NO_RULE_PACK', 409, missing, [], { date });
  return { id: pack.id, code: pack.code, effectiveFrom: String(pack.effectiveFrom), effectiveTo: pack.effectiveTo ? String(pack.effectiveTo) : null, content: pack.content as T };
}

export type ReasonList = { packId: string; code: string; effectiveFrom: string; effectiveTo: string | null; reasons: RefusalReason[] };

export async function reasonListAt(db: Executor, date: string): Promise<ReasonList> {
  const pack = await packInForce<{ reasons: RefusalReason[] }>(db, REFUSAL_PACK_CODE, date, `No refusal reason list (${REFUSAL_PACK_CODE}) is in force on ${date}.`);
  return { packId: pack.id, code: pack.code, effectiveFrom: pack.effectiveFrom, effectiveTo: pack.effectiveTo, reasons: pack.content.reasons };
}
