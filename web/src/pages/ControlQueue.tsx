// The supervisor's live queue of a checkpoint: who is at control, in secondary inspection, or decided
// and not yet out of the checkpoint, on which lane and for how long. An officer of the checkpoint records
// that a traveller has left it: only then is passage complete (Law Art. 19(9)).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, get } from '../api.ts';
import { useSession } from '../session.tsx';
import type { List } from '../types.ts';
import { ErrorNote } from '../ui.tsx';
import { formatPart } from '../dates.ts';

type Row = {
  id: string; laneId: string | null; direction: 'entry' | 'exit'; status: string; decision: string | null; arrivedAt: string; decidedAt: string | null;
  person: { surname: string | null; givenNames: string | null; nationality: string | null };
};
type Lane = { id: string; code: string };


export function ControlQueue({ checkpointId }: { checkpointId: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const lists = useQuery({
    queryKey: ['control-queue', checkpointId],
    // one read (one audit event) a refresh for the three states a traveller is still at the checkpoint in
    queryFn: async () => (await get<List<Row>>(`/api/v1/crossings?checkpointId=${checkpointId}&status=in_control&status=secondary&status=decided&limit=200`)).items,
    refetchInterval: 15_000,
  });
  const lanes = useQuery({ queryKey: ['lanes', checkpointId], queryFn: () => get<List<Lane>>(`/api/v1/checkpoints/${checkpointId}/lanes`) });
  const leave = useMutation({
    mutationFn: (id: string) => api('POST', `/api/v1/crossings/${id}/leave`),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ['control-queue', checkpointId] }), client.invalidateQueries({ queryKey: ['control-stats', checkpointId] })]),
  });
  // decided and still here: passed or refused, not yet out of the checkpoint (other measures take the traveller elsewhere)
  const rows = (lists.data ?? []).filter((r) => r.status !== 'decided' || r.decision === 'pass' || r.decision === 'refuse')
    .sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt));
  const laneCode = (id: string | null) => lanes.data?.items.find((l) => l.id === id)?.code ?? '—';
  const minutes = (from: string) => Math.max(0, Math.floor((Date.now() - Date.parse(from)) / 60_000));
  return (
    <section className="panel control-queue" aria-label={t('queue.title')}>
      <h2>{t('queue.title')}</h2>
      <ErrorNote error={lists.error ?? leave.error} />
      {lists.data && rows.length === 0 && <p className="muted">{t('queue.empty')}</p>}
      {rows.length > 0 && (
        <table className="data">
          <thead><tr><th>{t('booth.lane')}</th><th>{t('booth.direction')}</th><th>{t('booth.traveller')}</th><th>{t('queue.state')}</th><th>{t('queue.arrived')}</th><th>{t('queue.waiting')}</th>{can('crossing.record') && <th />}</tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={`queue-${r.status}`}>
                <td>{laneCode(r.laneId)}</td>
                <td>{t(`booth.dir.${r.direction}`)}</td>
                <td><Link href={`/crossings/${r.id}`}>{[r.person.surname, r.person.givenNames].filter(Boolean).join(' ')}</Link>{r.person.nationality && <span className="muted"> · {r.person.nationality}</span>}</td>
                <td>{r.status === 'decided' ? t('queue.awaitingExit', { decision: t(`booth.decision.${r.decision}`) }) : t(`crossing.status.${r.status}`)}</td>
                <td>{formatPart(r.arrivedAt, i18n.language, 'time')}</td>
                <td>{t('queue.minutes', { count: minutes(r.status === 'decided' ? (r.decidedAt ?? r.arrivedAt) : r.arrivedAt) })}</td>
                {can('crossing.record') && (
                  <td>{r.status === 'decided' && <button type="button" onClick={() => leave.mutate(r.id)} disabled={leave.isPending}>{t('queue.left')}</button>}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
