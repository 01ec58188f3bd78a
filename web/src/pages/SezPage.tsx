import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { List, SezParty } from '../types.ts';
import { ErrorNote, Loading } from '../ui.tsx';
import { Notices } from './Notices.tsx';
import { SezCalendar } from './SezCalendar.tsx';
import { SezCheckpoint } from './SezCheckpoint.tsx';
import { SezLists } from './SezLists.tsx';
import { SezPlans } from './SezPlans.tsx';


/** SEZ passage (SEZ Rules 2019): the police body drafts, signs and tracks lists; the NSC division agrees and forwards them;
 * the Border Service receives them and admits officers at the checkpoint; the plan, rosters and the month's calendar. */
export function SezPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const parties = useQuery({ queryKey: ['sez', 'parties'], queryFn: () => get<List<SezParty>>('/api/v1/sez') });
  const [chosen, setChosen] = useState<string | null>(null);
  const sez = parties.data?.items.find((s) => s.id === chosen) ?? parties.data?.items[0];
  const roles = sez?.myRoles ?? [];
  const isBs = roles.includes('bs_military_unit') || roles.includes('bs_subdivision');
  const tabs = ['lists', ...(isBs && can('sez.admit') ? ['checkpoint'] : isBs ? ['log'] : []), ...(roles.includes('police_body') || roles.includes('bs_military_unit') ? ['plan'] : []), 'calendar'] as const;
  // the checkpoint opens on its own tab; everyone else on the lists
  const [tab, setTab] = useState<string | null>(null);
  const current = tab && (tabs as readonly string[]).includes(tab) ? tab : tabs.includes('checkpoint' as never) ? 'checkpoint' : tabs[0];
  return (
    <div className="page">
      <h1>{t('sez.title')}</h1>
      <ErrorNote error={parties.error} />
      {parties.isLoading && <Loading />}
      {parties.data?.items.length === 0 && <p className="muted">{t('sez.none')}</p>}
      {sez && (
        <>
          <div className="row">
            {parties.data!.items.length > 1 && (
              <select aria-label={t('sez.zone')} value={sez.id} onChange={(e) => setChosen(e.target.value)}>
                {parties.data!.items.map((s) => <option key={s.id} value={s.id}>{pick(s.names, i18n.language)}</option>)}
              </select>
            )}
            <p><strong>{pick(sez.names, i18n.language)}</strong> · {t('sez.myRoles')}: {roles.map((r) => t(`sez.role.${r}`)).join(', ') || t('sez.oversight')}</p>
          </div>
          {sez.rules && (
            <p className="muted small">
              {t('sez.rulesLine', { day: sez.rules.deliveryDay, reading: t(`sez.reading.${sez.rules.deliveryMonth}`), from: sez.rules.effectiveFrom })}{' '}
              {sez.rules.forwardWithinDays !== null ? t('sez.forwardRule', { days: sez.rules.forwardWithinDays }) : t('sez.forwardNone')}
            </p>
          )}
          <Notices match={(n) => n.subjectType.startsWith('sez_') || String(n.payload.obligationKind ?? '').startsWith('sez.')} />
          <div className="lang-switch tabs" role="tablist">
            {tabs.map((k) => <button key={k} type="button" role="tab" aria-selected={current === k} className={current === k ? 'active' : ''} onClick={() => setTab(k)}>{t(`sez.tab.${k}`)}</button>)}
          </div>
          {current === 'lists' && <SezLists sez={sez} />}
          {(current === 'checkpoint' || current === 'log') && <SezCheckpoint sez={sez} canAdmit={current === 'checkpoint'} />}
          {current === 'plan' && <SezPlans sez={sez} />}
          {current === 'calendar' && <SezCalendar sez={sez} />}
        </>
      )}
    </div>
  );
}
