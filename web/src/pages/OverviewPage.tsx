import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { get } from '../api.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { Agency, Checkpoint, LegalAct, List, Role, Unit } from '../types.ts';
import { ErrorNote } from '../ui.tsx';

export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { session, can } = useSession();
  const checkpoints = useQuery({ queryKey: ['checkpoints', {}], queryFn: () => get<List<Checkpoint>>('/api/v1/checkpoints'), enabled: can('geo.read') });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => get<List<Agency>>('/api/v1/agencies'), enabled: can('org.read') });
  const acts = useQuery({ queryKey: ['legal-acts'], queryFn: () => get<List<LegalAct>>('/api/v1/legal-acts'), enabled: can('legal.read') });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => get<List<Role>>('/api/v1/roles') });
  const unitId = session?.user.unitId;
  const unit = useQuery({ queryKey: ['unit', unitId], queryFn: () => get<Unit>(`/api/v1/units/${unitId}`), enabled: Boolean(unitId) && can('org.read') });
  const cps = checkpoints.data?.items ?? [];
  const roleName = (code: string) => {
    const role = roles.data?.items.find((r) => r.code === code);
    return role ? pick(role.names, i18n.language) : code;
  };
  return (
    <div className="page">
      <h1>{t('overview.welcome', { name: session?.user.displayName })}</h1>
      <div className="cards">
        {unit.data && <div className="card"><h2>{t('overview.unit')}</h2><p>{pick(unit.data.names, i18n.language)}</p><p className="muted">{unit.data.code} · {t(`org.level.${unit.data.level}`)}</p></div>}
        <div className="card">
          <h2>{t('overview.roles')}</h2>
          <ul className="plain">{session?.grants.map((g, i) => <li key={i}>{roleName(g.role)}{g.actingForUserId && <span className="badge">{t('overview.acting')}</span>}</li>)}</ul>
        </div>
        {can('geo.read') && (
          <Link href="/checkpoints" className="card link-card">
            <h2>{t('overview.checkpoints')}</h2>
            <p className="big-number">{cps.length}</p>
            <p className="muted">{cps.filter((c) => c.isOpenNow).length} {t('overview.openNow')} · {cps.filter((c) => c.status !== 'open').length} {t('overview.restricted')}</p>
          </Link>
        )}
        {can('org.read') && <Link href="/organisations" className="card link-card"><h2>{t('overview.agencies')}</h2><p className="big-number">{agencies.data?.items.length ?? '…'}</p></Link>}
        {can('legal.read') && <Link href="/legal" className="card link-card"><h2>{t('overview.acts')}</h2><p className="big-number">{acts.data?.items.length ?? '…'}</p></Link>}
      </div>
      <ErrorNote error={checkpoints.error ?? agencies.error ?? acts.error} />
    </div>
  );
}
