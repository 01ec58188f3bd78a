import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, get } from '../api.ts';
import type { List, Notice } from '../types.ts';
import { formatTime } from '../dates.ts';

/** The unseen notifications of the user's desks that concern one page (SEZ passage, cases), refreshed every 20 s: for officers
 * without an exchange desk this is where lists to agree, priority groups, hand-overs to accept and clocks due appear. */
export function Notices({ match }: { match: (n: Notice) => boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const notices = useQuery({ queryKey: ['notices'], queryFn: () => get<List<Notice>>('/api/v1/notifications?unseen=true&limit=20'), refetchInterval: 20_000 });
  const seen = useMutation({ mutationFn: (id: string) => api('POST', `/api/v1/notifications/${id}/seen`), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notices'] }) });
  const items = (notices.data?.items ?? []).filter(match);
  if (!items.length) return null;
  return (
    <section className="panel" aria-label={t('desk.notifications')} aria-live="polite">
      <ul className="timeline">
        {items.map((n) => (
          <li key={n.id} className={`notice severity-${n.severity}`}>
            <strong>{t(`notice.${n.kind}`, { defaultValue: n.kind })}</strong>{' '}
            {typeof n.payload.obligationKind === 'string' && <span>{t(`obligation.${n.payload.obligationKind}`)} </span>}
            {typeof n.payload.summary === 'string' && <span>{n.payload.summary} </span>}
            <span className="muted small">{formatTime(n.createdAt, i18n.language)}</span>{' '}
            <button type="button" className="link" onClick={() => seen.mutate(n.id)}>{t('desk.seen')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
