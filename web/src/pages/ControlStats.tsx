import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import { ErrorNote } from '../ui.tsx';

type Stats = {
  open: { inControl: number; secondary: number; awaitingExit: number; refusedNotYetOut: number };
  lanes: Array<{ laneId: string | null; code: string | null; crossings: number; passed: number; refused: number; otherMeasures: number; perHour: number; medianSeconds: number | null; p90Seconds: number | null }>;
};

/** The supervisor's view of a checkpoint's control line: who is at control now, and each lane's last hour. */
export function ControlStats({ checkpointId }: { checkpointId: string }) {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: ['control-stats', checkpointId], queryFn: () => get<Stats>(`/api/v1/checkpoints/${checkpointId}/control-stats`), refetchInterval: 15_000 });
  const s = stats.data;
  const secs = (x: number | null) => (x === null ? '—' : `${Math.round(x)} ${t('control.seconds')}`);
  return (
    <section className="panel control-stats" aria-label={t('control.title')}>
      <h2>{t('control.title')}</h2>
      <ErrorNote error={stats.error} />
      {s && (
        <>
          <p>{t('control.now', s.open)}</p>
          {s.lanes.length === 0 ? <p className="muted">{t('control.none')}</p> : (
            <table className="data">
              <thead><tr><th>{t('booth.lane')}</th><th>{t('control.crossings')}</th><th>{t('control.perHour')}</th><th>{t('booth.decision.pass')}</th><th>{t('booth.decision.refuse')}</th><th>{t('control.other')}</th><th>{t('control.median')}</th><th>{t('control.p90')}</th></tr></thead>
              <tbody>{s.lanes.map((l) => <tr key={l.laneId ?? 'none'}><td>{l.code ?? '—'}</td><td>{l.crossings}</td><td>{l.perHour}</td><td>{l.passed}</td><td>{l.refused}</td><td>{l.otherMeasures}</td><td>{secs(l.medianSeconds)}</td><td>{secs(l.p90Seconds)}</td></tr>)}</tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
