import crypto from 'node:crypto';

/** The hash of the (virtual) row before the first row of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so a value hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type HashedFields = {
  id: string;
  chain: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  onBehalfOfUserId: string | null;
  agencyId: string | null;
  unitId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  correlationId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

/** sha256(prevHash + canonical row): any change to a row or its order breaks the chain from there on. */
export function auditHash(prevHash: string, row: HashedFields): string {
  const body = canonicalJson({ ...row, occurredAt: row.occurredAt.toISOString() });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * The canonical JSON of a row before and after its sequence number (which only the database knows
 * under the chain's lock): `head + seq + tail` is exactly `canonicalJson` of the row with that seq.
 */
export function canonicalAround(row: Omit<HashedFields, 'seq'>): [string, string] {
  const MARK = -7_777_777; // a number no row carries, replaced by its position
  const body = canonicalJson({ ...row, seq: MARK, occurredAt: row.occurredAt.toISOString() });
  // the last one: `details`, sorted before `seq`, may hold anything; only `unitId` (an id) sorts after it
  const at = body.lastIndexOf(`"seq":${MARK}`) + '"seq":'.length;
  return [body.slice(0, at), body.slice(at + String(MARK).length)];
}
