import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import { pick } from '../i18n.ts';
import type { LegalAct, List } from '../types.ts';
import { ErrorNote, Loading } from '../ui.tsx';
import { RulePacks } from './RulePacks.tsx';

export function LegalPage() {
  const { t, i18n } = useTranslation();
  const acts = useQuery({ queryKey: ['legal-acts'], queryFn: () => get<List<LegalAct>>('/api/v1/legal-acts') });
  return (
    <div className="page">
      <h1>{t('nav.legal')}</h1>
      <ErrorNote error={acts.error} onRetry={() => void acts.refetch()} />
      {acts.isLoading && <Loading />}
      {acts.data && <RulePacks acts={acts.data.items} />}
      <div className="acts">
        {acts.data?.items.map((a) => (
          <article key={a.id} className="panel act">
            <header>
              <span className={`badge act-${a.status}`}>{t(`legal.status.${a.status}`)}</span> <code>{a.code}</code>
              <h2>{pick(a.titles, i18n.language)}</h2>
            </header>
            <dl className="facts">
              <dt>{t('legal.number')}</dt><dd>{a.number}{a.registrationNo && ` · MoJ ${a.registrationNo}`}</dd>
              <dt>{t('legal.adopted')}</dt><dd>{a.adoptedOn}</dd>
              {a.status === 'repealed' && <><dt>{t('legal.repealedBy')}</dt><dd>{a.repealedOn} · {a.repealedByText}</dd></>}
              <dt>{t('legal.languages')}</dt><dd>{a.languages.map((l) => `${l.lang.toUpperCase()} (${l.source}${l.note ? `; ${l.note}` : ''})`).join(' · ')}</dd>
              {a.notes && <><dt>{t('legal.notes')}</dt><dd>{a.notes}</dd></>}
            </dl>
          </article>
        ))}
      </div>
    </div>
  );
}
