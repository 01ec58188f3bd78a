import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import type { AuditEvent, List } from '../types.ts';
import { ErrorNote, Field, Loading } from '../ui.tsx';
import { formatTime } from '../dates.ts';

type Verify = { chains: Array<{ chain: string; rows: number; ok: boolean }>; firstBreak: { chain: string; seq: number; problem: string } | null };

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const events = useInfiniteQuery({
    queryKey: ['audit', action],
    initialPageParam: null as AuditEvent | null,
    queryFn: ({ pageParam }) => {
      const p = new URLSearchParams({ limit: '50', ...(action.trim() && { action: action.trim() }), ...(pageParam && { beforeTime: pageParam.occurredAt, beforeId: pageParam.id }) });
      return get<List<AuditEvent>>(`/api/v1/audit-events?${p}`);
    },
    getNextPageParam: (last) => (last.items.length === 50 ? last.items[last.items.length - 1] : undefined),
  });
  const verify = useMutation({ mutationFn: () => get<Verify>('/api/v1/audit-events/verify') });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page">
      <h1>{t('nav.audit')}</h1>
      <div className="filters">
        <Field label={t('audit.filterAction')}><input value={action} onChange={(e) => setAction(e.target.value)} placeholder="auth." /></Field>
        <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>{t('audit.verify')}</button>
      </div>
      <ErrorNote error={verify.error} />
      {verify.data && (verify.data.firstBreak
        ? <div className="note error" role="alert">{t('audit.broken', { chain: verify.data.firstBreak.chain, seq: verify.data.firstBreak.seq, problem: verify.data.firstBreak.problem })}</div>
        : <div className="note ok" role="status">{t('audit.intact', { rows: verify.data.chains.reduce((n, c) => n + c.rows, 0) })}</div>)}
      <ErrorNote error={events.error} />
      {events.isLoading && <Loading />}
      <div className="table-wrap">
        <table className="data">
          <thead><tr><th>{t('audit.when')}</th><th>{t('audit.who')}</th><th>{t('audit.action')}</th><th>{t('audit.entity')}</th><th>{t('audit.details')}</th></tr></thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{formatTime(e.occurredAt, i18n.language)}</td>
                <td>{e.actorUsername ?? 'system'}</td>
                <td><ActionWords action={e.action} /><code className="small">{e.action}</code></td>
                <td>{e.entityType} <span className="muted small">{e.entityId}</span></td>
                <td className="small mono">{JSON.stringify(e.details).slice(0, 160)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!events.isLoading && rows.length === 0 && <p className="muted">{t('audit.none')}</p>}
      </div>
      {events.hasNextPage && <button type="button" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>{t('audit.more')}</button>}
    </div>
  );
}

/** An action of the audit trail in the reader's language, where it has words. */
function ActionWords({ action }: { action: string }) {
  const { t } = useTranslation();
  const words = t(`auditAction.${action}`, { defaultValue: '' });
  return words ? <>{words}<br /></> : null;
}
