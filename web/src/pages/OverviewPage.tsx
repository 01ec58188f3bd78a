import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { get } from '../api.ts';
import { formatTime } from '../dates.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { Agency, Checkpoint, LegalAct, List, Role, Unit } from '../types.ts';
import { ErrorNote } from '../ui.tsx';

type Names = { kk: string; ru: string; en: string };
type Activity = {
  id: string; code: string; names: Names; status: string; today: string;
  now: { inControl: number; secondary: number; awaitingExit: number; refusedNotYetOut: number; vehiclesAtControl: number };
  crossingsToday: { all: number; entry: number; exit: number; passed: number; refused: number; otherMeasures: number };
};
type Overview = {
  at: string;
  checkpoints: Activity[] | null;
  vehicles: { atControl: number; awaitingMarks: number } | null;
  stays: { over: number; pending: number } | null;
  desk: { unitId: string; owedOverdue: number; owedDueSoon: number; owedToUsOverdue: number; unseen: number } | null;
};

/** A count that opens the list it counts; a nought is plain text. */
function Count({ n, href, label, alarm = false }: { n: number; href: string; label: string; alarm?: boolean }) {
  if (n === 0) return <span className="muted" aria-label={`${label}: 0`}>0</span>;
  return <Link href={href} className={alarm ? 'count alarm' : 'count'} aria-label={`${label}: ${n}`}>{n}</Link>;
}

/**
 * The first page after signing in: what needs the officer's attention on this shift (the checkpoints they
 * read, now and since midnight; the foreigners over their days; their desk's deadlines), from one small
 * request refreshed every half minute; then their unit, roles and the reference data.
 */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { session, can } = useSession();
  const overview = useQuery({ queryKey: ['overview'], queryFn: () => get<Overview>('/api/v1/overview'), staleTime: 0, refetchInterval: 30_000 });
  const checkpoints = useQuery({ queryKey: ['checkpoints', {}], queryFn: () => get<List<Checkpoint>>('/api/v1/checkpoints'), enabled: can('geo.read') });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => get<List<Agency>>('/api/v1/agencies'), enabled: can('org.read') });
  const acts = useQuery({ queryKey: ['legal-acts'], queryFn: () => get<List<LegalAct>>('/api/v1/legal-acts'), enabled: can('legal.read') });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => get<List<Role>>('/api/v1/roles') });
  const unitId = session?.user.unitId;
  const unit = useQuery({ queryKey: ['unit', unitId], queryFn: () => get<Unit>(`/api/v1/units/${unitId}`), enabled: Boolean(unitId) && can('org.read') });
  const cps = checkpoints.data?.items ?? [];
  const o = overview.data;
  const roleName = (code: string) => {
    const role = roles.data?.items.find((r) => r.code === code);
    return role ? pick(role.names, i18n.language) : code;
  };
  // the checkpoints where someone is or was at control today, in full; the quiet ones named below
  const load = (c: Activity) => Object.values(c.now).reduce((a, n) => a + n, 0) + c.crossingsToday.all;
  const busy = o?.checkpoints?.filter((c) => load(c) > 0) ?? [];
  const quiet = o?.checkpoints?.filter((c) => load(c) === 0) ?? [];
  const journal = (c: Activity, extra: Record<string, string>) => `/crossings?${new URLSearchParams({ checkpointId: c.id, ...extra })}`;
  return (
    <div className="page">
      <h1>{t('overview.welcome', { name: session?.user.displayName })}</h1>
      <p className="muted">
        {unit.data && <>{pick(unit.data.names, i18n.language)} · </>}
        {session?.grants.map((g) => roleName(g.role) + (g.actingForUserId ? ` (${t('overview.acting')})` : '')).join(', ')}
        {o && <> · {t('overview.updated', { at: formatTime(o.at, i18n.language) })}</>}
      </p>
      <ErrorNote error={overview.error} />

      {o?.checkpoints && (
        <section className="panel" aria-labelledby="shift-checkpoints">
          <h2 id="shift-checkpoints">{t('overview.shift')}</h2>
          {o.checkpoints.length === 0 && <p className="muted">{t('overview.noCheckpoints')}</p>}
          {busy.length > 0 && (
            <div className="table-wrap">
              <table className="data shift">
                <thead>
                  <tr><th rowSpan={2}>{t('overview.checkpoint')}</th><th colSpan={5}>{t('overview.now')}</th><th colSpan={4}>{t('overview.today')}</th></tr>
                  <tr>
                    <th>{t('overview.inControl')}</th><th>{t('overview.secondary')}</th><th>{t('overview.awaitingExit')}</th><th>{t('overview.refusedNotYetOut')}</th><th>{t('overview.vehicles')}</th>
                    <th>{t('overview.crossings')}</th><th>{t('overview.passed')}</th><th>{t('overview.refused')}</th><th>{t('overview.otherMeasures')}</th>
                  </tr>
                </thead>
                <tbody>
                  {busy.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link href={`/checkpoints/${c.id}`}>{pick(c.names, i18n.language)}</Link>
                        {c.status !== 'open' && <span className={`badge status-${c.status}`}>{t(`status.${c.status}`)}</span>}
                      </th>
                      <td><Count n={c.now.inControl} href={journal(c, { status: 'in_control' })} label={t('overview.inControl')} /></td>
                      <td><Count n={c.now.secondary} href={journal(c, { status: 'secondary' })} label={t('overview.secondary')} alarm /></td>
                      <td><Count n={c.now.awaitingExit} href={journal(c, { status: 'decided' })} label={t('overview.awaitingExit')} /></td>
                      <td><Count n={c.now.refusedNotYetOut} href={journal(c, { status: 'decided' })} label={t('overview.refusedNotYetOut')} alarm /></td>
                      <td><Count n={c.now.vehiclesAtControl} href={`/vehicles?${new URLSearchParams({ checkpointId: c.id })}`} label={t('overview.vehicles')} /></td>
                      <td>
                        <Count n={c.crossingsToday.all} href={journal(c, { from: c.today })} label={t('overview.crossings')} />
                        {c.crossingsToday.all > 0 && <small className="muted split">{t('overview.entryExit', c.crossingsToday)}</small>}
                      </td>
                      <td>{c.crossingsToday.passed}</td>
                      <td>{c.crossingsToday.refused}</td>
                      <td>{c.crossingsToday.otherMeasures}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {quiet.length > 0 && (
            <p className="muted quiet">
              {t(busy.length ? 'overview.quiet' : 'overview.allQuiet')}{' '}
              {quiet.map((c, i) => <span key={c.id}>{i > 0 && ', '}<Link href={`/checkpoints/${c.id}`}>{pick(c.names, i18n.language)}</Link>{c.status !== 'open' && ` (${t(`status.${c.status}`)})`}</span>)}
            </p>
          )}
        </section>
      )}

      <div className="cards">
        {o?.vehicles && (
          <Link href="/vehicles" className="card link-card">
            <h2>{t('overview.vehicles')}</h2>
            <p className="big-number">{o.vehicles.atControl}</p>
            <p className={o.vehicles.awaitingMarks > 0 ? 'alarm' : 'muted'}>{t('overview.awaitingMarks', { n: o.vehicles.awaitingMarks })}</p>
          </Link>
        )}
        {o?.stays && (
          <Link href="/stays" className="card link-card">
            <h2>{t('overview.overstays')}</h2>
            <p className={`big-number${o.stays.over > 0 ? ' alarm' : ''}`}>{o.stays.over}</p>
            <p className="muted">{o.stays.pending > 0 ? t('stays.pending', { count: o.stays.pending }) : t('overview.overstaysNote')}</p>
          </Link>
        )}
        {o?.desk && (
          <Link href="/desk" className="card link-card">
            <h2>{t('nav.desk')}</h2>
            <p className={`big-number${o.desk.owedOverdue > 0 ? ' alarm' : ''}`}>{o.desk.owedOverdue}</p>
            <p>{t('overview.owedOverdue')}</p>
            <p className="muted">{t('overview.deskNote', o.desk)}</p>
          </Link>
        )}
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
