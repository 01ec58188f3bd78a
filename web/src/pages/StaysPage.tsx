import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import { ErrorNote, Field, Loading } from '../ui.tsx';
import { formatTime } from '../dates.ts';

type Overstay = {
  person: { surname: string | null; givenNames: string | null; dateOfBirth: string | null; nationality: string | null };
  document: { issuingState: string | null; number: string | null }; enteredAt: string; daysThisStay: number; daysInPeriod: number | null; overBy: number; rule: string | null;
};
type Stays = { rule: string | null; inCountry: boolean; daysThisStay: number; daysInPeriod: number | null; overstay: boolean; overBy: number; passages: Array<{ crossingId: string; direction: string; at: string }> };

/** For the migration police and the Border Service: foreigners over their stay, and one traveller's stays. */
export function StaysPage() {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: ['overstays'], queryFn: () => get<{ items: Overstay[] }>('/api/v1/overstays') });
  const [doc, setDoc] = useState({ issuingState: '', documentNumber: '' });
  const [asked, setAsked] = useState<typeof doc | null>(null);
  const one = useQuery({ queryKey: ['stays', asked], queryFn: () => get<Stays>(`/api/v1/stays?issuingState=${encodeURIComponent(asked!.issuingState)}&documentNumber=${encodeURIComponent(asked!.documentNumber)}`), enabled: Boolean(asked) });
  return (
    <div className="page">
      <h1>{t('stays.title')}</h1>
      <section className="panel">
        <h2>{t('stays.overstays')}</h2>
        <ErrorNote error={list.error} />
        {list.isLoading && <Loading />}
        {list.data?.items.length === 0 && <p className="muted">{t('stays.none')}</p>}
        {list.data && list.data.items.length > 0 && (
          <table className="data">
            <thead><tr><th>{t('stays.person')}</th><th>{t('screening.dateOfBirth')}</th><th>{t('screening.nationality')}</th><th>{t('screening.document')}</th><th>{t('stays.entered')}</th><th>{t('stays.days')}</th><th>{t('stays.overBy')}</th><th>{t('stays.rule')}</th></tr></thead>
            <tbody>{list.data.items.map((o) => (
              <tr key={`${o.document.issuingState}${o.document.number}`}><td>{o.person.surname} {o.person.givenNames}</td><td>{o.person.dateOfBirth ?? '—'}</td><td>{o.person.nationality ?? '—'}</td><td>{o.document.issuingState} {o.document.number}</td><td>{formatTime(o.enteredAt, i18n.language)}</td><td>{o.daysThisStay}{o.daysInPeriod !== null && ` (${o.daysInPeriod})`}</td><td><strong>{o.overBy}</strong></td><td className="small">{o.rule}</td></tr>
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
            <p className="muted small">{one.data.rule}</p>
            <ul className="timeline">{one.data.passages.map((p) => <li key={p.crossingId}>{formatTime(p.at, i18n.language)} · {t(`booth.dir.${p.direction}`)}</li>)}</ul>
          </div>
        )}
      </form>
    </div>
  );
}
