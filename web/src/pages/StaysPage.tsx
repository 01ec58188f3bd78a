import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get } from '../api.ts';
import { pick } from '../i18n.ts';
import type { Checkpoint, List, Overstays, Stays } from '../types.ts';
import { ErrorNote, Field, Loading } from '../ui.tsx';
import { formatDate, formatTime } from '../dates.ts';

/** For the migration police and the Border Service: foreigners over their stay, and one traveller's stays. */
export function StaysPage() {
  const { t, i18n } = useTranslation();
  // those over longest first, by nationality and by the checkpoint where the stay began
  const [filter, setFilter] = useState({ nationality: '', entryCheckpointId: '' });
  const [applied, setApplied] = useState(filter);
  const query = new URLSearchParams(Object.entries(applied).filter(([, v]) => v));
  const list = useQuery({ queryKey: ['overstays', query.toString()], queryFn: () => get<Overstays>(`/api/v1/overstays?${query}`) });
  const checkpoints = useQuery({ queryKey: ['checkpoints', ''], queryFn: () => get<List<Checkpoint>>('/api/v1/checkpoints') });
  const bad = list.error instanceof ApiError && list.error.status === 400 ? list.error : null;
  const [doc, setDoc] = useState({ issuingState: '', documentNumber: '' });
  const [asked, setAsked] = useState<typeof doc | null>(null);
  const one = useQuery({ queryKey: ['stays', asked], queryFn: () => get<Stays>(`/api/v1/stays?issuingState=${encodeURIComponent(asked!.issuingState)}&documentNumber=${encodeURIComponent(asked!.documentNumber)}`), enabled: Boolean(asked) });
  return (
    <div className="page">
      <h1>{t('stays.title')}</h1>
      <section className="panel">
        <h2>{t('stays.overstays')}</h2>
        <form className="filters" role="search" aria-label={t('stays.overstays')} onSubmit={(e: FormEvent) => { e.preventDefault(); setApplied({ nationality: filter.nationality.trim().toUpperCase(), entryCheckpointId: filter.entryCheckpointId }); }}>
          <Field label={t('screening.nationality')} error={bad?.fieldError('querystring.nationality')}>
            <input name="nationality" value={filter.nationality} onChange={(e) => setFilter({ ...filter, nationality: e.target.value })} maxLength={3} placeholder="UZB" />
          </Field>
          <Field label={t('stays.entryCheckpoint')}>
            <select name="entryCheckpointId" value={filter.entryCheckpointId} onChange={(e) => setFilter({ ...filter, entryCheckpointId: e.target.value })}>
              <option value="">{t('common.all')}</option>
              {checkpoints.data?.items.map((c) => <option key={c.id} value={c.id}>{pick(c.names, i18n.language)}</option>)}
            </select>
          </Field>
          <button type="submit" className="primary">{t('common.search')}</button>
        </form>
        <ErrorNote error={bad ? null : list.error} />
        {list.data && list.data.pending > 0 && <p className="muted small" role="status">{t('stays.pending', { count: list.data.pending })}</p>}
        {list.isLoading && <Loading />}
        {list.data?.items.length === 0 && <p className="muted">{t('stays.none')}</p>}
        {list.data && list.data.items.length > 0 && (
          <p className="muted small">{list.data.total > list.data.items.length ? t('stays.longest', { count: list.data.items.length, total: list.data.total }) : t('stays.count', { count: list.data.total })}
            {' · '}<a className="link" href={`/api/v1/overstays.csv?${query}`} download>{t('stays.csv')}</a></p>
        )}
        {list.data && list.data.items.length > 0 && (
          <table className="data">
            <thead><tr><th>{t('stays.person')}</th><th>{t('screening.dateOfBirth')}</th><th>{t('screening.nationality')}</th><th>{t('screening.document')}</th><th>{t('stays.entered')}</th><th>{t('stays.overSince')}</th><th>{t('stays.days')}</th><th>{t('stays.overBy')}</th><th>{t('stays.rule')}</th></tr></thead>
            <tbody>{list.data.items.map((o) => (
              <tr key={`${o.document.issuingState}${o.document.number}`}><td><button type="button" className="link" onClick={() => { const d = { issuingState: o.document.issuingState ?? '', documentNumber: o.document.number ?? '' }; setDoc(d); setAsked(d); }}>{o.person.surname} {o.person.givenNames}</button></td><td>{o.person.dateOfBirth ?? '—'}</td><td>{o.person.nationality ?? '—'}</td><td>{o.document.issuingState} {o.document.number}</td><td>{formatTime(o.enteredAt, i18n.language)}</td><td>{formatDate(`${o.overSince}T12:00:00Z`, i18n.language)}</td><td>{o.daysThisStay}{o.daysInPeriod !== null && ` (${o.daysInPeriod})`}</td><td><strong>{o.overBy}</strong></td><td className="small">{o.ruleNames ? pick(o.ruleNames, i18n.language) : o.rule}</td></tr>
            ))}</tbody>
          </table>
        )}
      </section>
      <form className="panel" aria-label={t('stays.lookup')} onSubmit={(e: FormEvent) => { e.preventDefault(); setAsked({ issuingState: doc.issuingState.trim().toUpperCase(), documentNumber: doc.documentNumber.trim().toUpperCase() }); }}>
        <h2>{t('stays.lookup')}</h2>
        <div className="row">
          <Field label={t('stays.issuingState')}><input name="issuingState" value={doc.issuingState} onChange={(e) => setDoc({ ...doc, issuingState: e.target.value })} maxLength={3} placeholder="DEU" /></Field>
          <Field label={t('screening.document')}><input name="documentNumber" value={doc.documentNumber} onChange={(e) => setDoc({ ...doc, documentNumber: e.target.value })} /></Field>
        </div>
        <button type="submit" className="primary">{t('common.search')}</button>
        <ErrorNote error={one.error} />
        {one.data && (
          <div className="results">
            <p>{one.data.inCountry ? t('stays.inCountry', { days: one.data.daysThisStay }) : t('stays.notInCountry')}{one.data.overstay && <strong> · {t('stays.overstayBy', { days: one.data.overBy })}</strong>}</p>
            <p className="muted small">{one.data.ruleNames ? pick(one.data.ruleNames, i18n.language) : one.data.rule}</p>
            <ul className="timeline">{one.data.passages.map((p) => <li key={p.crossingId}>{formatTime(p.at, i18n.language)} · {t(`booth.dir.${p.direction}`)}</li>)}</ul>
          </div>
        )}
      </form>
    </div>
  );
}
