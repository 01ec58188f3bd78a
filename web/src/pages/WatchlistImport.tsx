import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get, newUuid } from '../api.ts';
import type { List } from '../types.ts';
import { Field, FormError } from '../ui.tsx';
import { formatTime } from '../dates.ts';
import { fieldProblemText } from '../problems.ts';

type ImportJob = {
  id: string; status: 'running' | 'succeeded' | 'rejected' | 'failed'; format: string; fileName: string; total: number; done: number; createdAt: string;
  result: Array<{ list: string; created: number; updated: number; removed: number; unchanged: number }> | null;
  problems: Array<{ path: string; message: string }> | null; error: string | null;
};
const KINDS = ['entry_ban', 'exit_ban', 'wanted', 'sanctions', 'other'];

/** Upload a UN XML or CSV list file; the import runs on the server and this follows its progress. */
export function WatchlistImport() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'un-xml' | 'csv'>('csv');
  const [kind, setKind] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async () => api<ImportJob>('POST', '/api/v1/watchlist-imports', { id: newUuid(), format, fileName: file!.name, content: await file!.text(), ...(kind && { kind }) }),
    onSuccess: (job) => { setJobId(job.id); void queryClient.invalidateQueries({ queryKey: ['imports'] }); },
  });
  const job = useQuery({
    queryKey: ['import', jobId],
    queryFn: () => get<ImportJob>(`/api/v1/watchlist-imports/${jobId}`),
    enabled: Boolean(jobId),
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
  const recent = useQuery({ queryKey: ['imports'], queryFn: () => get<List<ImportJob>>('/api/v1/watchlist-imports') });
  const status = job.data?.status;
  useEffect(() => {
    // when a job ends, the lists' sizes and the recent imports change
    if (status && status !== 'running') {
      void queryClient.invalidateQueries({ queryKey: ['watchlists'] });
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
    }
  }, [status, queryClient]);
  const current = job.data;
  const pick = (f: File | null) => {
    setFile(f);
    if (f) setFormat(/\.xml$/i.test(f.name) ? 'un-xml' : 'csv');
  };
  return (
    <form className="subform" aria-label={t('screening.import')} onSubmit={(e: FormEvent) => { e.preventDefault(); if (file) start.mutate(); }}>
      <h3>{t('screening.import')}</h3>
      <div className="row">
        <Field label={t('screening.importFile')}><input type="file" name="file" accept=".xml,.csv,text/csv,application/xml,text/xml" onChange={(e) => pick(e.target.files?.[0] ?? null)} /></Field>
        <Field label={t('screening.importFormat')}>
          <select name="format" value={format} onChange={(e) => setFormat(e.target.value as 'un-xml' | 'csv')}><option value="csv">CSV</option><option value="un-xml">UN XML</option></select>
        </Field>
        <Field label={t('screening.importKind')}>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('screening.importKindKeep')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{t(`screening.kind.${k}`)}</option>)}
          </select>
        </Field>
      </div>
      <FormError error={start.error} />
      {start.error instanceof ApiError && start.error.errors.length > 0 && (
        <ul className="problems">{start.error.errors.slice(0, 50).map((p, i) => <li key={i}><code>{p.path}</code> {fieldProblemText(t, p)}</li>)}</ul>
      )}
      <button type="submit" className="primary" disabled={!file || start.isPending || current?.status === 'running'}>{t('screening.importStart')}</button>
      {current && (
        <div className="import-status" aria-live="polite">
          {current.status === 'running' && <><progress value={current.done} max={Math.max(current.total, 1)} /> {t('screening.importRunning', { done: current.done, total: current.total })}</>}
          {current.status === 'succeeded' && <div className="note ok">{current.result?.map((r) => t('screening.importDone', r)).join(' ')}</div>}
          {current.status === 'rejected' && <div className="note error">{t('screening.importRejected')}<ul>{current.problems?.slice(0, 50).map((p, i) => <li key={i}><code>{p.path}</code> {p.message}</li>)}</ul></div>}
          {current.status === 'failed' && <div className="note error">{t('screening.importFailed')} {current.error}</div>}
        </div>
      )}
      {recent.data && recent.data.items.length > 0 && (
        <>
          <h4>{t('screening.importRecent')}</h4>
          <ul className="plain small">
            {recent.data.items.slice(0, 5).map((j) => <li key={j.id}>{formatTime(j.createdAt, i18n.language)} · {j.fileName} · {t(`screening.importStatus.${j.status}`)} · {j.total}</li>)}
          </ul>
        </>
      )}
    </form>
  );
}
