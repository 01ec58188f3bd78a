// Where an officer works, remembered on the device: the checkpoint (at first the one the officer's own
// unit, or a unit above it, serves), and the terms a crossing's record is told in. The booth console and
// the vehicles screen share them.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get } from '../api.ts';
import { useSession } from '../session.tsx';
import type { Checkpoint, List } from '../types.ts';

export type Lane = { id: string; code: string; transportMode: string; direction: 'entry' | 'exit' | 'both'; active: boolean };

export const CATEGORIES = ['rk_citizen', 'foreigner', 'stateless', 'diplomat', 'crew', 'officer_on_duty', 'other'];
export const ROLES = ['driver', 'passenger', 'crew'];
export const PURPOSES = ['tourism', 'business', 'private', 'work', 'study', 'transit', 'official', 'residence', 'other'];

/**
 * The checkpoint chosen on this device under `key` (else under `alsoKey`, another screen's choice), at
 * first the one the user's own unit serves; with `orFirst`, the first checkpoint when the unit serves none.
 */
export function useRememberedCheckpoint(key: string, options: { alsoKey?: string; orFirst?: boolean } = {}) {
  const { session } = useSession();
  const checkpoints = useQuery({ queryKey: ['checkpoints', ''], queryFn: () => get<List<Checkpoint>>('/api/v1/checkpoints') });
  const unitId = session?.user.unitId;
  const unit = useQuery({ queryKey: ['unit', unitId], queryFn: () => get<{ path: string[] }>(`/api/v1/units/${unitId}`), enabled: Boolean(unitId) });
  const [checkpointId, setCheckpointId] = useState(() => localStorage.getItem(key) ?? (options.alsoKey && localStorage.getItem(options.alsoKey)) ?? '');
  const unitKnown = Boolean(unit.data) || (options.orFirst === true && (unit.isError || !unitId));
  useEffect(() => {
    if (checkpointId || !checkpoints.data || !unitKnown) return;
    const own = checkpoints.data.items.find((c) => c.unitId && unit.data?.path.includes(c.unitId)) ?? (options.orFirst ? checkpoints.data.items[0] : undefined);
    if (own) setCheckpointId(own.id);
  }, [checkpointId, checkpoints.data, unit.data, unitKnown, options.orFirst]);
  useEffect(() => {
    if (checkpointId) localStorage.setItem(key, checkpointId);
  }, [key, checkpointId]);
  return { checkpoints: checkpoints.data?.items ?? [], checkpointId, setCheckpointId };
}
