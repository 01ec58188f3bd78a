// A crossing's history as its users read it: what each stored version changed against the one before.
// Pure: the service reads the versions' snapshots (crossing_version.snapshot, the row as written).
import type { CrossingHit } from './crossings.tables.ts';

// The fields of a crossing a version may change, as its history shows them (its bookkeeping, version and updatedAt, left out).
const HISTORY_FIELDS = [
  'status', 'decision', 'reasons', 'decisionNote', 'returnToCountry', 'decidedAt', 'leftAt', 'hits',
  'surname', 'givenNames', 'dateOfBirth', 'sex', 'nationality', 'travellerCategory', 'purpose', 'vehicleRole', 'vehiclePlate', 'vehicleCountry', 'laneId',
] as const;

/** A field's value in a stored version as text: a list joined, hits by list and name, nothing (or an empty list) null. */
function historyValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'hits') return (value as CrossingHit[]).map((h) => `${h.list}: ${h.matchedName}`).join('; ') || null;
  if (Array.isArray(value)) return value.join(', ') || null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What one stored version of a crossing changed against the one before it. */
export function versionChanges(before: unknown, after: unknown): Array<{ field: string; from: string | null; to: string | null }> {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const changes = [];
  for (const field of HISTORY_FIELDS) {
    const from = historyValue(field, a[field]);
    const to = historyValue(field, b[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}
