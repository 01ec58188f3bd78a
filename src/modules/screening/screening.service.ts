import crypto from 'node:crypto';
import type { z } from 'zod';
import type { EntriesQuery, ScreeningRequest } from '../../contracts/screening.ts';
import { can, isCrossAgency, type Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { insertRows, recordChange, recordRead, writeAudited, type Change } from '../audit/index.ts';
import { DEFAULT_THRESHOLDS, type IndexHolder } from './index-holder.ts';
import { foldToAscii } from './normalize.ts';
import { documentKey, documentLookupKey } from './records.ts';
import { screenIndex, searchIndex } from './screen.ts';
import { entryVersions, findEntry, findRegisteredDocuments, listWatchlists } from './screening.repository.ts';
import type { IndexedEntry } from './screening.index.ts';
import { explainInEnglish, type Reason } from './screening.score.ts';

const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

type Request = z.infer<typeof ScreeningRequest>;

/** Identifies a traveller across screenings for the false-match memory: name, birth date, nationality, document. */
function travellerKey(request: Request): string {
  const p = request.person;
  const parts = [foldToAscii(`${p?.surname ?? ''} ${p?.givenNames ?? ''}`), p?.dateOfBirth ?? '', p?.nationality ?? '', request.document ? documentKey(request.document.number) : ''];
  return crypto.createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 40);
}

export function createScreeningService(deps: Deps, indexHolder: IndexHolder) {
  const { db, clock } = deps;

  /** The officer sees the entry's details when their agency keeps the list, they oversee all agencies, or the entry is open. */
  function details(ctx: Ctx, entry: IndexedEntry & { reason?: string | null; legalBasis?: string | null }) {
    const visible = !entry.restricted || isCrossAgency(ctx.actor, 'watchlist.read') || (entry.ownerAgencyId !== null && entry.ownerAgencyId === ctx.actor.agencyId);
    if (!visible) return undefined;
    return {
      names: entry.names.map((n) => n.name), dateOfBirth: entry.dateOfBirth, nationalities: entry.nationalities, sex: entry.sex,
      documentNumbers: entry.documentKeys, reason: entry.reason ?? null, legalBasis: entry.legalBasis ?? null,
    };
  }

  function present(ctx: Ctx, entry: IndexedEntry, score: number, matchedName: string, reasons: Reason[]) {
    return {
      entryId: entry.externalId, recordId: entry.id, list: entry.listCode, kind: entry.kind as never, score: Math.round(score * 1000) / 1000,
      matchedName, explanation: explainInEnglish(reasons).join('; '), reasons, action: entry.action as never, contact: entry.contact, details: details(ctx, entry),
    };
  }

  /**
   * Screens (reads only) and returns the writes — alerts and the audit of the query — for the caller
   * to run in its own transaction (a crossing commits them with itself: one transaction, not two).
   */
  async function screenDeferred(ctx: Ctx, request: Request, options: { alerted?: ReadonlyMap<string, string> } = {}) {
    if (!can(ctx.actor, 'screening.run')) throw new NotFoundError('Screening');
    const screened = screenIndex(await indexHolder.get(), { person: request.person, document: request.document });
    const documentHits: Array<{ entryId: string; list: string; documentNumber: string; status: string; issuingState: string }> = [];
    if (request.document && screened.mayHoldDocument) {
      const docs = await findRegisteredDocuments(db, documentLookupKey(request.document.number), request.document.issuingState ?? null);
      for (const doc of docs) documentHits.push({ entryId: doc.id, list: 'DOCUMENT_REGISTER', documentNumber: doc.number, status: doc.status, issuingState: doc.issuingState });
    }
    const hits = [];
    const candidates = [];
    // the entry version of each hit, for the false-match memory and the alert
    const versionOf = new Map<string, number>();
    for (const { entry, score, matchedName, reasons } of screened.scored) {
      if (score >= entry.threshold) {
        hits.push(present(ctx, entry, score, matchedName, reasons));
        versionOf.set(entry.id, entry.version);
      } else candidates.push(present(ctx, entry, score, matchedName, reasons));
    }
    // the false-match memory: the same traveller, the same entry, the same version of it
    const key = travellerKey(request);
    const cleared = hits.length
      ? await db.selectFrom('screeningAlert').select(['entryId', 'entryVersion']).where('travellerKey', '=', key).where('status', '=', 'false_match').where('entryId', 'in', hits.map((h) => h.recordId)).execute()
      : [];
    const isCleared = (h: { recordId: string }) => cleared.some((c) => c.entryId === h.recordId && c.entryVersion === versionOf.get(h.recordId));
    const suppressed = hits.filter(isCleared);
    const active: Array<(typeof hits)[number] & { alertId?: string }> = hits.filter((h) => !isCleared(h));
    const now = clock.now();
    // a hit at a checkpoint becomes an alert: its id is known now, written with the rest (a hit the
    // caller says was alerted already, screening the same traveller again, keeps that alert)
    const fresh = request.checkpointId ? active.filter((hit) => !options.alerted?.has(hit.recordId)) : [];
    for (const hit of active) {
      const known = options.alerted?.get(hit.recordId);
      if (known) hit.alertId = known;
    }
    for (const hit of fresh) hit.alertId = newId();
    // a hit at a checkpoint is an alert; every screening query is audited: who asked about whom, and what came back
    const alerts = fresh.length
      ? insertRows('screeningAlert', fresh.map((hit) => ({ id: hit.alertId!, entryId: hit.recordId, entryVersion: versionOf.get(hit.recordId)!, travellerKey: key, checkpointId: request.checkpointId!, score: hit.score, query: request, createdBy: ctx.actor.userId, agencyId: ctx.actor.agencyId, createdAt: now })))
      : null;
    const audit: Change = {
      action: 'screening.query', entityType: 'screening', entityId: key,
      details: { query: request, hits: active.map((h) => ({ entry: h.recordId, score: h.score })), documentHits: documentHits.length, suppressed: suppressed.length },
      publish: active.length > 0 || documentHits.length > 0,
    };
    /** What the screening writes (its alerts, its audit event), for the caller's statement. */
    return { result: { hits: active, documentHits, candidates, suppressed, indexVersion: screened.version }, writes: alerts ? [alerts] : [], audit };
  }

  return {
    /** Builds the index ahead of the first screening (at start-up, in the background). */
    async warmUp() {
      await indexHolder.get();
    },

    /** Screens a person and/or a document against every active list and the register, and records the alerts and the audit of the query. */
    async screen(ctx: Ctx, request: Request) {
      const { result, writes, audit } = await screenDeferred(ctx, request);
      await writeAudited(deps, db, ctx, writes, [audit]);
      return result;
    },

    screenDeferred,

    async listWatchlists(ctx: Ctx) {
      if (!can(ctx.actor, 'watchlist.read')) throw new NotFoundError('Watchlists');
      return (await listWatchlists(db)).map((w) => ({
        id: w.id, code: w.code, kind: w.kind as never, names: { kk: w.nameKk, ru: w.nameRu, en: w.nameEn }, ownerAgencyId: w.ownerAgencyId, contact: w.contact,
        defaultAction: w.defaultAction as never, threshold: w.threshold ?? DEFAULT_THRESHOLDS[w.kind] ?? 0.9, source: w.source, version: w.version, entryCount: Number(w.entryCount ?? 0),
      }));
    },

    /** Finds entries by a name in any script, ranked like a screening (or the latest, without a name). */
    async searchEntries(ctx: Ctx, query: z.infer<typeof EntriesQuery>) {
      if (!can(ctx.actor, 'watchlist.read')) throw new NotFoundError('Watchlists');
      const page = searchIndex(await indexHolder.get(), { q: query.q, list: query.list, limit: query.limit });
      if (page.length) await recordRead(deps, ctx, { entityType: 'watchlist_entry', entityIds: page.map((f) => f.entry.id), query });
      return page.map(({ entry, score }) => ({
        id: entry.id, entryId: entry.externalId, list: entry.listCode, kind: entry.kind as never, primaryName: entry.primaryName,
        ...(score !== undefined ? { score: Math.round(score * 1000) / 1000 } : {}), version: entry.version, removed: false, restricted: entry.restricted, details: details(ctx, entry),
      }));
    },

    /** One entry with every version of it. */
    async getEntry(ctx: Ctx, id: string) {
      if (!can(ctx.actor, 'watchlist.read')) throw new NotFoundError('Watchlist entry');
      const row = await findEntry(db, id);
      if (!row) throw new NotFoundError('Watchlist entry');
      const indexed = {
        ...row, listCode: row.listCode, names: row.names, documentKeys: row.documentNumbers, externalId: row.externalId, yearFrom: row.birthYearFrom, yearTo: row.birthYearTo,
      } as unknown as IndexedEntry & { reason: string | null; legalBasis: string | null };
      const visible = details(ctx, indexed);
      await recordRead(deps, ctx, { entityType: 'watchlist_entry', entityIds: [id] });
      const versions = visible ? await entryVersions(db, id) : [];
      return {
        entry: { id: row.id, entryId: row.externalId, list: row.listCode, kind: row.kind as never, primaryName: row.primaryName, version: row.version, removed: row.removedAt !== null, restricted: row.restricted, details: visible },
        versions: versions.map((v) => ({ version: v.version, change: v.change, changedAt: v.changedAt, changedBy: v.changedBy, snapshot: v.snapshot })),
      };
    },

    async listAlerts(ctx: Ctx, status: string | undefined) {
      if (!can(ctx.actor, 'alert.adjudicate')) throw new NotFoundError('Alerts');
      let q = db.selectFrom('screeningAlert as a').innerJoin('watchlistEntry as e', 'e.id', 'a.entryId').innerJoin('watchlist as w', 'w.id', 'e.watchlistId')
        .select(['a.id', 'a.entryId as recordId', 'e.externalId as entryId', 'w.code as list', 'a.score', 'a.status', 'a.reason', 'a.checkpointId', 'a.createdAt', 'a.adjudicatedAt', 'a.query']);
      if (status) q = q.where('a.status', '=', status);
      if (!isCrossAgency(ctx.actor, 'alert.adjudicate')) q = q.where('a.agencyId', '=', ctx.actor.agencyId ?? NO_AGENCY);
      const rows = await q.orderBy('a.createdAt', 'desc').limit(200).execute();
      if (rows.length) await recordRead(deps, ctx, { entityType: 'screening_alert', entityIds: rows.map((r) => r.id) });
      return rows.map((r) => ({ ...r, score: Number(r.score) }));
    },

    /** An officer decides an alert: a true match, or a false match that is remembered for this traveller and entry version. */
    async adjudicate(ctx: Ctx, id: string, input: { status: 'true_match' | 'false_match'; reason: string }) {
      if (!can(ctx.actor, 'alert.adjudicate')) throw new NotFoundError('Alert');
      const alert = await db.selectFrom('screeningAlert').selectAll().where('id', '=', id).executeTakeFirst();
      // another agency's alert is not found: its officers decide it
      if (!alert || (!isCrossAgency(ctx.actor, 'alert.adjudicate') && alert.agencyId !== ctx.actor.agencyId)) throw new NotFoundError('Alert');
      if (alert.status !== 'open') throw new ConflictError(`The alert was already decided (${alert.status}).`, [], 'ALERT_DECIDED', { state: alert.status });
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('screeningAlert').set({ status: input.status, reason: input.reason, adjudicatedBy: ctx.actor.userId, adjudicatedAt: now }).where('id', '=', id).execute();
        await recordChange(deps, trx, ctx, { action: 'screening.alert.adjudicated', entityType: 'screening_alert', entityId: id, details: { status: input.status, reason: input.reason, entry: alert.entryId } });
      });
      return { id, status: input.status };
    },
  };
}
export type ScreeningService = ReturnType<typeof createScreeningService>;
