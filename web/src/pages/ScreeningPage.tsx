import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { List } from '../types.ts';
import { ErrorNote, Field, FormError, Loading } from '../ui.tsx';
import { formatTime } from '../dates.ts';
import { WatchlistImport } from './WatchlistImport.tsx';

type Hit = { entryId: string; recordId: string; list: string; kind: string; score: number; matchedName: string; explanation: string; reasons: Array<{ code: string; value?: string; percent?: number }>; action: string; contact: string | null; alertId?: string; details?: { names: string[]; dateOfBirth: string | null; nationalities: string[]; reason: string | null } };
type Screening = { hits: Hit[]; documentHits: Array<{ entryId: string; documentNumber: string; status: string; issuingState: string }>; candidates: Hit[]; suppressed: Hit[] };
type Watchlist = { id: string; code: string; kind: string; names: { kk: string; ru: string; en: string }; threshold: number; entryCount: number; version: number };
type Entry = { id: string; entryId: string; list: string; kind: string; primaryName: string; score?: number; details?: Hit['details'] };
type History = { entry: Entry; versions: Array<{ version: number; change: string; changedAt: string; snapshot: unknown }> };
type Alert = { id: string; entryId: string; list: string; score: number; status: string; createdAt: string; query: { person?: { surname?: string; givenNames?: string } } };

/** Screening at the desk: screen a traveller, search the lists, decide alerts. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <div className="page">
      <h1>{t('nav.screening')}</h1>
      {can('screening.run') && <ScreenForm />}
      {can('alert.adjudicate') && <Alerts />}
      <Lists />
    </div>
  );
}

function HitCard({ hit }: { hit: Hit }) {
  const { t } = useTranslation();
  return (
    <li className={`hit kind-${hit.kind}`}>
      <strong>{hit.matchedName}</strong> <span className="badge">{hit.list}</span> <span className="badge">{t(`screening.kind.${hit.kind}`)}</span> <span className="score">{Math.round(hit.score * 100)}%</span>
      <div>{t('screening.action')}: <strong>{t(`screening.actionCode.${hit.action}`)}</strong>{hit.contact && ` · ${t('screening.contact')}: ${hit.contact}`}</div>
      <div className="muted small">{hit.reasons.map((r) => t(`screening.why.${r.code}`, { value: r.value, percent: r.percent })).join('; ')}</div>
      {hit.details ? <div className="small">{hit.details.dateOfBirth ?? '—'} · {hit.details.nationalities.join(', ') || '—'}{hit.details.reason && ` · ${hit.details.reason}`}</div> : <div className="muted small">{t('screening.restricted')}</div>}
    </li>
  );
}

function ScreenForm() {
  const { t } = useTranslation();
  const empty = { surname: '', givenNames: '', dateOfBirth: '', nationality: '', document: '' };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const mutation = useMutation({
    mutationFn: () => {
      const person = { ...(form.surname.trim() && { surname: form.surname.trim() }), ...(form.givenNames.trim() && { givenNames: form.givenNames.trim() }), ...(form.dateOfBirth.trim() && { dateOfBirth: form.dateOfBirth.trim() }), ...(form.nationality.trim() && { nationality: form.nationality.trim() }) };
      return api<Screening>('POST', '/api/v1/screenings', { ...(Object.keys(person).length && { person }), ...(form.document.trim() && { document: { number: form.document.trim() } }) });
    },
  });
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const result = mutation.data;
  return (
    <form className="panel" onSubmit={(e: FormEvent) => { e.preventDefault(); mutation.mutate(); }} aria-label={t('screening.screen')}>
      <h2>{t('screening.screen')}</h2>
      <div className="row">
        <Field label={t('screening.surname')} error={err?.fieldError('person.surname')}><input name="surname" value={form.surname} onChange={set('surname')} autoFocus /></Field>
        <Field label={t('screening.givenNames')} error={err?.fieldError('person.givenNames')}><input name="givenNames" value={form.givenNames} onChange={set('givenNames')} /></Field>
        <Field label={t('screening.dateOfBirth')} error={err?.fieldError('person.dateOfBirth')}><input name="dateOfBirth" value={form.dateOfBirth} onChange={set('dateOfBirth')} placeholder="1985-03-14" /></Field>
        <Field label={t('screening.nationality')} error={err?.fieldError('person.nationality')}><input name="nationality" value={form.nationality} onChange={set('nationality')} placeholder="KAZ" maxLength={3} /></Field>
        <Field label={t('screening.document')} error={err?.fieldError('document.number')}><input name="document" value={form.document} onChange={set('document')} /></Field>
      </div>
      <FormError error={mutation.error} />
      <button className="primary" type="submit" disabled={mutation.isPending}>{t('screening.screen')}</button>
      {result && (
        <div className="results" aria-live="polite">
          {result.hits.length === 0 && result.documentHits.length === 0 ? <div className="note ok">{t('screening.noHits')}</div> : <div className="note error">{t('screening.stop')}</div>}
          <ul className="plain hits">{result.hits.map((h) => <HitCard key={h.recordId} hit={h} />)}</ul>
          {result.documentHits.map((d) => <div key={d.entryId} className="note error">{t('screening.documentHit', { number: d.documentNumber, state: d.issuingState, status: t(`screening.docStatus.${d.status}`) })}</div>)}
          {result.suppressed.length > 0 && <p className="muted">{t('screening.suppressed', { count: result.suppressed.length })}</p>}
          {result.candidates.length > 0 && <><h3>{t('screening.nearMisses')}</h3><ul className="plain hits near">{result.candidates.map((h) => <HitCard key={h.recordId} hit={h} />)}</ul></>}
        </div>
      )}
    </form>
  );
}

function Alerts() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const alerts = useQuery({ queryKey: ['alerts'], queryFn: () => get<List<Alert>>('/api/v1/screening-alerts?status=open') });
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: ({ id, status }: { id: string; status: string }) => api('POST', `/api/v1/screening-alerts/${id}/adjudicate`, { status, reason }),
    onSuccess: () => { setReason(''); void queryClient.invalidateQueries({ queryKey: ['alerts'] }); },
  });
  if (!alerts.data?.items.length) return null;
  return (
    <section className="panel">
      <h2>{t('screening.openAlerts')}</h2>
      <Field label={t('screening.reason')}><input value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
      <FormError error={decide.error} />
      <ul className="plain">
        {alerts.data.items.map((a) => (
          <li key={a.id} className="alert-row">
            {formatTime(a.createdAt, i18n.language)} · {a.query.person?.surname} {a.query.person?.givenNames} → {a.list} {a.entryId} ({Math.round(a.score * 100)}%)
            <button type="button" disabled={reason.trim().length < 3} onClick={() => decide.mutate({ id: a.id, status: 'true_match' })}>{t('screening.trueMatch')}</button>
            <button type="button" disabled={reason.trim().length < 3} onClick={() => decide.mutate({ id: a.id, status: 'false_match' })}>{t('screening.falseMatch')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Lists() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const lists = useQuery({ queryKey: ['watchlists'], queryFn: () => get<List<Watchlist>>('/api/v1/watchlists') });
  const entries = useQuery({ queryKey: ['entries', q], queryFn: () => get<List<Entry>>(`/api/v1/watchlist-entries?limit=30${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`), enabled: q.trim().length >= 2 });
  const history = useQuery({ queryKey: ['entry', selected], queryFn: () => get<History>(`/api/v1/watchlist-entries/${selected}`), enabled: Boolean(selected) });
  return (
    <section className="panel">
      <h2>{t('screening.lists')}</h2>
      <ErrorNote error={lists.error} />
      {lists.isLoading && <Loading />}
      <table className="data">
        <thead><tr><th>{t('legal.code')}</th><th>{t('cp.name')}</th><th>{t('screening.kindLabel')}</th><th>{t('screening.entries')}</th><th>{t('screening.threshold')}</th></tr></thead>
        <tbody>{lists.data?.items.map((l) => <tr key={l.id}><td><code>{l.code}</code></td><td>{pick(l.names, i18n.language)}</td><td>{t(`screening.kind.${l.kind}`)}</td><td>{l.entryCount}</td><td>{Math.round(l.threshold * 100)}%</td></tr>)}</tbody>
      </table>
      {can('watchlist.manage') && <WatchlistImport />}
      <Field label={t('screening.search')}><input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Щербакова / SHCHERBAKOVA" /></Field>
      <ErrorNote error={entries.error} />
      <ul className="plain entries">
        {entries.data?.items.map((e) => (
          <li key={e.id}><button type="button" className="link" onClick={() => setSelected(e.id)}>{e.primaryName}</button> <span className="badge">{e.list}</span> {e.score !== undefined && <span className="muted">{Math.round(e.score * 100)}%</span>}</li>
        ))}
      </ul>
      {history.data && (
        <div className="subform">
          <h3>{history.data.entry.primaryName} <code>{history.data.entry.entryId}</code></h3>
          {!history.data.entry.details && <p className="muted">{t('screening.restricted')}</p>}
          <ul className="timeline">{history.data.versions.map((v) => <li key={v.version}>v{v.version} · {t(`screening.change.${v.change}`)} · {formatTime(v.changedAt, i18n.language)}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
