// Where an officer works, remembered on the device: the checkpoint (at first the nearest where the
// officer works, as the server knows it), and the terms a crossing's record is told in. The booth console and
// the vehicles screen share them.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get } from '../api.ts';
import { useSearchParams } from 'wouter';
import type { Checkpoint, List } from '../types.ts';

export type Lane = { id: string; code: string; transportMode: string; direction: 'entry' | 'exit' | 'both'; active: boolean };

export const CATEGORIES = ['rk_citizen', 'foreigner', 'stateless', 'diplomat', 'crew', 'officer_on_duty', 'other'];
export const ROLES = ['driver', 'passenger', 'crew'];
export const PURPOSES = ['tourism', 'business', 'private', 'work', 'study', 'transit', 'official', 'residence', 'other'];

/**
 * The checkpoint asked for in the address (`?checkpointId=`, a link from the overview), else the one
 * chosen on this device under `key` (else under `alsoKey`, another screen's choice), at first the nearest
 * where the user works as the server knows it (`/api/v1/me/checkpoints`: their unit's, those their
 * control body serves, those under their unit); with `orFirst`, the first checkpoint when they work at none.
 */
export function useRememberedCheckpoint(key: string, options: { alsoKey?: string; orFirst?: boolean } = {}) {
  const checkpoints = useQuery({ queryKey: ['checkpoints', ''], queryFn: () => get<List<Checkpoint>>('/api/v1/checkpoints') });
  const mine = useQuery({ queryKey: ['my-checkpoints'], queryFn: () => get<{ items: string[] }>('/api/v1/me/checkpoints') });
  const [params] = useSearchParams();
  const [checkpointId, setCheckpointId] = useState(() => params.get('checkpointId') ?? localStorage.getItem(key) ?? (options.alsoKey && localStorage.getItem(options.alsoKey)) ?? '');
  const mineKnown = Boolean(mine.data) || (options.orFirst === true && mine.isError);
  useEffect(() => {
    if (checkpointId || !checkpoints.data || !mineKnown) return;
    const own = (mine.data?.items ?? []).map((id) => checkpoints.data.items.find((c) => c.id === id)).find((c) => c !== undefined) ?? (options.orFirst ? checkpoints.data.items[0] : undefined);
    if (own) setCheckpointId(own.id);
  }, [checkpointId, checkpoints.data, mine.data, mineKnown, options.orFirst]);
  useEffect(() => {
    if (checkpointId) localStorage.setItem(key, checkpointId);
  }, [key, checkpointId]);
  return { checkpoints: checkpoints.data?.items ?? [], checkpointId, setCheckpointId };
}
