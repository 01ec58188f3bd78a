// The Unified Data Bank (Instruction 2002 p.5(5), p.10(3)): reviews, recommendations, training
// materials and document specimens, searchable in full text (Russian stemming plus exact word forms,
// which is what Kazakh gets: PostgreSQL has no Kazakh stemmer), attachments stored once by SHA-256.
// A document is visible to its agency, or to every interacting agency when its owner says so.
import crypto from 'node:crypto';
import type { z } from 'zod';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import type { UdbDocumentTable } from './exchange.tables.ts';
import type { UdbDocumentBody, UdbQuery } from '../../contracts/exchange.ts';
import { can, isCrossAgency, type Ctx } from '../../platform/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordChange } from '../audit/index.ts';
import { deskUnit } from './units.ts';

/** Agency kinds that interact under the Instruction (and oversee it). */
const INTERACTING = ['border_service', 'internal_affairs', 'customs', 'national_security', 'prosecution'];

type Visibility = { all: boolean; own: string | null; interacting: boolean };

function visibility(eb: ExpressionBuilder<Database & { d: UdbDocumentTable }, 'd'>, v: Visibility) {
  if (v.all) return eb.val(true);
  return eb.or([eb('d.ownerAgencyId', '=', v.own ?? '00000000-0000-0000-0000-000000000000'), ...(v.interacting ? [eb('d.visibility', '=', 'interacting')] : [])]);
}

export function createUdbService(deps: Deps) {
  const { db, clock } = deps;

  async function visibleTo(ctx: Ctx): Promise<Visibility> {
    if (!can(ctx.actor, 'udb.read')) throw new NotFoundError('Data Bank');
    const agency = ctx.actor.agencyId ? await db.selectFrom('agency').select('kind').where('id', '=', ctx.actor.agencyId).executeTakeFirst() : undefined;
    const all = isCrossAgency(ctx.actor, 'udb.read');
    return { all, own: ctx.actor.agencyId, interacting: all || INTERACTING.includes(agency?.kind ?? '') };
  }

  async function attachmentsOf(ids: string[]) {
    if (!ids.length) return new Map<string, Array<{ sha256: string; fileName: string; mediaType: string; size: number }>>();
    const rows = await db.selectFrom('udbAttachment as a').innerJoin('udbBlob as b', 'b.sha256', 'a.sha256').select(['a.documentId', 'a.sha256', 'a.fileName', 'a.mediaType', 'b.size']).where('a.documentId', 'in', ids).execute();
    const map = new Map<string, Array<{ sha256: string; fileName: string; mediaType: string; size: number }>>();
    for (const r of rows) map.set(r.documentId, [...(map.get(r.documentId) ?? []), { sha256: r.sha256, fileName: r.fileName, mediaType: r.mediaType, size: r.size }]);
    return map;
  }

  const columns = ['d.id', 'd.kind', 'd.title', 'd.body', 'd.language', 'd.ownerAgencyId', 'd.ownerUnitId', 'd.visibility', 'd.period', 'd.createdAt'] as const;

  return {
    async create(ctx: Ctx, body: z.infer<typeof UdbDocumentBody>) {
      const id = body.id ?? newId();
      const unit = await deskUnit(db, ctx, 'udb.contribute', body.unitId);
      const existing = await db.selectFrom('udbDocument').select(['id', 'submittedBy']).where('id', '=', id).executeTakeFirst();
      if (existing) {
        if (existing.submittedBy !== (ctx.actor.via === 'cli' ? null : ctx.actor.userId)) throw new ConflictError('A different document has this id.', [{ path: 'id', code: 'ALREADY_USED', message: 'already used' }]);
        return this.get(ctx, id);
      }
      const now = clock.now();
      const files = body.attachments.map((a) => { const bytes = Buffer.from(a.contentBase64, 'base64'); return { ...a, bytes, sha256: crypto.createHash('sha256').update(bytes).digest('hex') }; });
      await db.transaction().execute(async (trx) => {
        const text = `${body.title}\n${body.body}`;
        await trx.insertInto('udbDocument').values({
          id, kind: body.kind, title: body.title, body: body.body, language: body.language, ownerAgencyId: unit.agencyId, ownerUnitId: unit.id, visibility: body.visibility, period: body.period ?? null,
          submittedBy: ctx.actor.via === 'cli' ? null : ctx.actor.userId, createdAt: now, search: sql<string>`setweight(to_tsvector('russian', ${body.title}), 'A') || to_tsvector('russian', ${text}) || to_tsvector('simple', ${text})`,
        }).execute();
        for (const f of files) {
          await trx.insertInto('udbBlob').values({ sha256: f.sha256, size: f.bytes.length, content: f.bytes, createdAt: now }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
          await trx.insertInto('udbAttachment').values({ documentId: id, sha256: f.sha256, fileName: f.fileName, mediaType: f.mediaType }).onConflict((oc) => oc.columns(['documentId', 'sha256']).doNothing()).execute();
        }
        await recordChange(deps, trx, ctx, { action: 'udb.document.added', entityType: 'udb_document', entityId: id, agencyId: unit.agencyId, unitId: unit.id, details: { kind: body.kind, title: body.title, attachments: files.map((f) => f.sha256) } });
      });
      return this.get(ctx, id);
    },

    async get(ctx: Ctx, id: string) {
      const v = await visibleTo(ctx);
      const row = await db.selectFrom('udbDocument as d').select(columns).where('d.id', '=', id).where((eb) => visibility(eb, v)).executeTakeFirst();
      if (!row) throw new NotFoundError('Document');
      return { ...row, attachments: (await attachmentsOf([id])).get(id) ?? [] };
    },

    /** Full-text search (ranked), or the newest documents when there is no query. */
    async search(ctx: Ctx, query: z.infer<typeof UdbQuery>) {
      const v = await visibleTo(ctx);
      let q = db.selectFrom('udbDocument as d').select(columns).where((eb) => visibility(eb, v));
      if (query.kind) q = q.where('d.kind', '=', query.kind);
      let rows;
      if (query.q) {
        const ts = sql`(websearch_to_tsquery('russian', ${query.q}) || websearch_to_tsquery('simple', ${query.q}))`;
        rows = await q.select(sql<number>`ts_rank(d.search, ${ts})`.as('rank')).where(sql<boolean>`d.search @@ ${ts}`).orderBy('rank', 'desc').orderBy('d.createdAt', 'desc').limit(query.limit).execute();
      } else {
        rows = await q.orderBy('d.createdAt', 'desc').limit(query.limit).execute();
      }
      const attachments = await attachmentsOf(rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, attachments: attachments.get(r.id) ?? [] }));
    },

    /** An attachment's bytes, if the document that holds it is visible. */
    async attachment(ctx: Ctx, documentId: string, sha256: string) {
      await this.get(ctx, documentId);
      const row = await db.selectFrom('udbAttachment as a').innerJoin('udbBlob as b', 'b.sha256', 'a.sha256').select(['a.fileName', 'a.mediaType', 'b.content']).where('a.documentId', '=', documentId).where('a.sha256', '=', sha256).executeTakeFirst();
      if (!row) throw new NotFoundError('Attachment');
      return row;
    },
  };
}

export type UdbService = ReturnType<typeof createUdbService>;
