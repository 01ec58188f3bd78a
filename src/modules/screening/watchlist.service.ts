import type { z } from 'zod';
import type { LostDocumentBody, UpsertEntryBody } from '../../contracts/screening.ts';
import { can, type Ctx } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange } from '../audit/index.ts';
import { parseBirthDate } from './dob.ts';
import type { IndexHolder } from './index-holder.ts';
import { documentKey, documentLookupKey, recordHash, type ImportProblem, type WatchlistRecord } from './records.ts';
import { bumpScreeningVersion, findEntry, findWatchlistByCode } from './screening.repository.ts';

export class ImportRejectedError extends ValidationError {
  constructor(problems: ImportProblem[]) {
    super(problems.slice(0, 1000).map((p) => ({ path: p.record, code: 'IMPORT_RECORD', params: { detail: p.message }, message: p.message })), `The import was rejected: ${problems.length} problem(s); nothing was imported.`);
  }
}

export type ImportResult = { lists: Array<{ list: string; created: number; updated: number; removed: number; unchanged: number }> };

// Lists that an import may create when their code is new; the rest become kind "other".
const KNOWN_LISTS: Record<string, { kind: string; action: string; names: [string, string, string] }> = {
  'UN-SC': { kind: 'sanctions', action: 'secondary', names: ['БҰҰ Қауіпсіздік Кеңесінің жиынтық санкциялық тізімі', 'Сводный санкционный перечень Совета Безопасности ООН', 'UN Security Council consolidated sanctions list'] },
};

export function createWatchlistService(deps: Deps, indexHolder: IndexHolder) {
  const { db, clock } = deps;

  async function ensureList(trx: Tx, code: string, kind: string | undefined, source: string, ownerAgencyId: string | null) {
    const existing = await findWatchlistByCode(trx, code);
    if (existing) return existing;
    const known = KNOWN_LISTS[code];
    const now = clock.now();
    const row = {
      id: newId(), code, kind: kind ?? known?.kind ?? 'other', nameKk: known?.names[0] ?? code, nameRu: known?.names[1] ?? code, nameEn: known?.names[2] ?? code,
      ownerAgencyId, contact: null, defaultAction: known?.action ?? 'secondary', threshold: null, source, createdAt: now, updatedAt: now,
    };
    await trx.insertInto('watchlist').values(row).execute();
    return { ...row, version: 0 };
  }

  function rowOf(record: WatchlistRecord) {
    return {
      primaryName: record.names[0]!.name, names: JSON.stringify(record.names), sex: record.sex, dateOfBirth: record.dateOfBirth,
      birthYearFrom: record.birthYearFrom, birthYearTo: record.birthYearTo, placeOfBirth: record.placeOfBirth, nationalities: record.nationalities,
      documentNumbers: record.documentNumbers, reason: record.reason, contentHash: recordHash(record),
    };
  }

  return {
    /**
     * Imports records all-or-nothing. A file replaces the content of each list it names: new entries are
     * added, changed ones get a new version, entries missing from the file are removed, unchanged ones are
     * not touched — so the same file twice changes nothing. Screening goes on against the old index
     * until the transaction commits.
     */
    async importRecords(ctx: Ctx, input: { records: WatchlistRecord[]; problems: ImportProblem[]; source: string; kind?: string }, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
      if (!can(ctx.actor, 'watchlist.manage')) throw new NotFoundError('Watchlists');
      if (input.problems.length) throw new ImportRejectedError(input.problems);
      if (input.records.length === 0) throw new ImportRejectedError([{ record: 'file', message: 'no records' }]);
      const byList = new Map<string, WatchlistRecord[]>();
      for (const r of input.records) {
        const group = byList.get(r.list);
        if (group) group.push(r);
        else byList.set(r.list, [r]);
      }
      const now = clock.now();
      const actorId = ctx.actor.via === 'cli' ? null : ctx.actor.userId;
      let done = 0;
      const result = await db.transaction().execute(async (trx) => {
        const lists: ImportResult['lists'] = [];
        for (const [code, records] of byList) {
          // a list first loaded by a signed-in manager is kept by their agency: its officers see the details
          const list = await ensureList(trx, code, input.kind, input.source, ctx.actor.via === 'cli' ? null : ctx.actor.agencyId);
          const existing = new Map((await trx.selectFrom('watchlistEntry').select(['id', 'externalId', 'contentHash', 'version', 'removedAt']).where('watchlistId', '=', list.id).execute()).map((e) => [e.externalId, e]));
          const counts = { list: code, created: 0, updated: 0, removed: 0, unchanged: 0 };
          const versions: Array<{ entryId: string; version: number; change: string; snapshot: string; changedAt: Date; changedBy: string | null }> = [];
          const inserts = [];
          for (const record of records) {
            const row = rowOf(record);
            const old = existing.get(record.externalId);
            existing.delete(record.externalId);
            if (!old) {
              const id = newId();
              inserts.push({ id, watchlistId: list.id, externalId: record.externalId, kind: list.kind, ...row, restricted: true, version: 1, createdAt: now, updatedAt: now });
              versions.push({ entryId: id, version: 1, change: 'created', snapshot: JSON.stringify(record), changedAt: now, changedBy: actorId });
              counts.created++;
            } else if (old.contentHash !== row.contentHash || old.removedAt) {
              await trx.updateTable('watchlistEntry').set({ ...row, version: old.version + 1, removedAt: null, updatedAt: now }).where('id', '=', old.id).execute();
              versions.push({ entryId: old.id, version: old.version + 1, change: old.removedAt ? 'restored' : 'updated', snapshot: JSON.stringify(record), changedAt: now, changedBy: actorId });
              counts.updated++;
            } else counts.unchanged++;
            if (++done % 100 === 0) onProgress?.(done, input.records.length);
          }
          for (let i = 0; i < inserts.length; i += 500) await trx.insertInto('watchlistEntry').values(inserts.slice(i, i + 500)).execute();
          for (const gone of existing.values()) {
            if (gone.removedAt) continue;
            await trx.updateTable('watchlistEntry').set({ removedAt: now, version: gone.version + 1, updatedAt: now }).where('id', '=', gone.id).execute();
            versions.push({ entryId: gone.id, version: gone.version + 1, change: 'removed', snapshot: '{}', changedAt: now, changedBy: actorId });
            counts.removed++;
          }
          for (let i = 0; i < versions.length; i += 500) await trx.insertInto('watchlistEntryVersion').values(versions.slice(i, i + 500)).execute();
          if (counts.created + counts.updated + counts.removed > 0) {
            await trx.updateTable('watchlist').set({ version: list.version + 1, updatedAt: now }).where('id', '=', list.id).execute();
            await recordChange(deps, trx, ctx, { action: 'screening.watchlist.imported', entityType: 'watchlist', entityId: list.id, details: { ...counts, source: input.source } });
          }
          lists.push(counts);
        }
        if (lists.some((l) => l.created + l.updated + l.removed > 0)) await bumpScreeningVersion(trx);
        return { lists };
      });
      onProgress?.(input.records.length, input.records.length);
      indexHolder.invalidate();
      return result;
    },

    /** Adds or changes one entry by list and entry id; each change is a new version in the entry's history. */
    async upsertEntry(ctx: Ctx, input: z.infer<typeof UpsertEntryBody>) {
      if (!can(ctx.actor, 'watchlist.manage')) throw new NotFoundError('Watchlists');
      const birth = input.dateOfBirth ? (parseBirthDate(input.dateOfBirth) ?? (() => {
        const [a, b] = input.dateOfBirth!.split('..').map(Number);
        return { text: input.dateOfBirth!, yearFrom: a!, yearTo: b! };
      })()) : null;
      if (birth && birth.yearFrom > birth.yearTo) throw new ValidationError([{ path: 'dateOfBirth', code: 'RANGE_BACKWARDS', message: 'the range runs backwards' }]);
      const record: WatchlistRecord = {
        externalId: input.entryId, list: input.list, names: input.names, sex: input.sex ?? null, dateOfBirth: birth?.text ?? null, birthYearFrom: birth?.yearFrom ?? null,
        birthYearTo: birth?.yearTo ?? null, placeOfBirth: input.placeOfBirth ?? null, nationalities: input.nationalities, documentNumbers: input.documentNumbers, reason: input.reason ?? null,
      };
      const now = clock.now();
      const id = await db.transaction().execute(async (trx) => {
        const list = await ensureList(trx, input.list, undefined, 'manual', ctx.actor.via === 'cli' ? null : ctx.actor.agencyId);
        const old = await trx.selectFrom('watchlistEntry').selectAll().where('watchlistId', '=', list.id).where('externalId', '=', input.entryId).executeTakeFirst();
        const row = { ...rowOf(record), legalBasis: input.legalBasis ?? null, action: input.action ?? null, validTo: input.validTo ?? null };
        const entryId = old?.id ?? newId();
        const version = (old?.version ?? 0) + 1;
        if (old) await trx.updateTable('watchlistEntry').set({ ...row, version, removedAt: null, updatedAt: now }).where('id', '=', old.id).execute();
        else await trx.insertInto('watchlistEntry').values({ id: entryId, watchlistId: list.id, externalId: input.entryId, kind: list.kind, ...row, restricted: true, version, createdAt: now, updatedAt: now }).execute();
        await trx.insertInto('watchlistEntryVersion').values({ entryId, version, change: old ? 'updated' : 'created', snapshot: JSON.stringify({ ...record, legalBasis: row.legalBasis, action: row.action, validTo: row.validTo }), changedAt: now, changedBy: ctx.actor.via === 'cli' ? null : ctx.actor.userId }).execute();
        await trx.updateTable('watchlist').set({ version: list.version + 1, updatedAt: now }).where('id', '=', list.id).execute();
        await bumpScreeningVersion(trx);
        await recordChange(deps, trx, ctx, { action: old ? 'screening.entry.updated' : 'screening.entry.created', entityType: 'watchlist_entry', entityId: entryId, details: { list: input.list, entryId: input.entryId, version } });
        return entryId;
      });
      indexHolder.invalidate();
      return id;
    },

    async removeEntry(ctx: Ctx, id: string) {
      if (!can(ctx.actor, 'watchlist.manage')) throw new NotFoundError('Watchlist entry');
      const entry = await findEntry(db, id);
      if (!entry || entry.removedAt) throw new NotFoundError('Watchlist entry');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('watchlistEntry').set({ removedAt: now, version: entry.version + 1, updatedAt: now }).where('id', '=', id).execute();
        await trx.insertInto('watchlistEntryVersion').values({ entryId: id, version: entry.version + 1, change: 'removed', snapshot: '{}', changedAt: now, changedBy: ctx.actor.userId }).execute();
        await bumpScreeningVersion(trx);
        await recordChange(deps, trx, ctx, { action: 'screening.entry.removed', entityType: 'watchlist_entry', entityId: id, details: { list: entry.listCode, entryId: entry.externalId } });
      });
      indexHolder.invalidate();
    },

    /** Registers a lost, stolen, invalid or revoked travel document. */
    async addDocument(ctx: Ctx, input: z.infer<typeof LostDocumentBody>) {
      if (!can(ctx.actor, 'watchlist.manage')) throw new NotFoundError('Document register');
      const id = newId();
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('documentRegister').values({ id, issuingState: input.issuingState, number: documentKey(input.number), numberKey: documentKey(input.number), lookupKey: documentLookupKey(input.number), documentType: input.documentType ?? null, status: input.status, source: input.source, reportedOn: input.reportedOn ?? null, createdAt: clock.now() }).execute();
          await bumpScreeningVersion(trx);
          await recordChange(deps, trx, ctx, { action: 'screening.document.registered', entityType: 'document_register', entityId: id, details: { issuingState: input.issuingState, status: input.status } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('This document is already in the register.', [{ path: 'number', code: 'ALREADY_USED', message: 'already registered' }]);
        throw error;
      }
      indexHolder.invalidate();
      return { id, ...input, number: documentKey(input.number) };
    },
  };
}
export type WatchlistService = ReturnType<typeof createWatchlistService>;
