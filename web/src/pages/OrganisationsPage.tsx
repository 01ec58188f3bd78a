import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { Agency, Counterparts, List, Officer, Unit } from '../types.ts';
import { ErrorNote, Loading } from '../ui.tsx';

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => get<List<Agency>>('/api/v1/agencies') });
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const current = agencyId ?? session?.user.agencyId ?? agencies.data?.items[0]?.id ?? null;
  const [unitId, setUnitId] = useState<string | null>(null);
  const units = useQuery({ queryKey: ['units', current], queryFn: () => get<List<Unit>>(`/api/v1/units?agencyId=${current}`), enabled: Boolean(current) });
  const lang = i18n.language;
  return (
    <div className="page">
      <h1>{t('nav.organisations')}</h1>
      <ErrorNote error={agencies.error ?? units.error} />
      <div className="org-layout">
        <section className="panel">
          <h2>{t('org.agencies')}</h2>
          <ul className="plain agency-list">
            {agencies.data?.items.map((a) => (
              <li key={a.id}>
                <button type="button" className={`link${a.id === current ? ' active' : ''}`} onClick={() => { setAgencyId(a.id); setUnitId(null); }}>
                  {pick(a.names, lang)}
                </button>
                {a.kind === 'foreign_partner' && <span className="badge">{t('org.foreign')}</span>}
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          <h2>{t('org.units')}</h2>
          {units.isLoading && <Loading />}
          {units.data && <UnitTree units={units.data.items} selected={unitId} onSelect={setUnitId} />}
        </section>
        <section className="panel">
          {unitId ? <UnitDetail id={unitId} units={units.data?.items ?? []} /> : <p className="muted">{t('org.selectUnit')}</p>}
        </section>
      </div>
    </div>
  );
}

function UnitTree({ units, selected, onSelect }: { units: Unit[]; selected: string | null; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const children = useMemo(() => {
    const map = new Map<string | null, Unit[]>();
    for (const u of units) map.set(u.parentId, [...(map.get(u.parentId) ?? []), u]);
    return map;
  }, [units]);
  const ids = new Set(units.map((u) => u.id));
  const roots = units.filter((u) => !u.parentId || !ids.has(u.parentId));
  const render = (u: Unit) => (
    <li key={u.id}>
      <button type="button" className={`link${u.id === selected ? ' active' : ''}`} onClick={() => onSelect(u.id)} title={t(`org.level.${u.level}`)}>
        <span className="level">{u.level}</span> {pick(u.names, i18n.language)}
      </button>
      {children.get(u.id) && <ul>{children.get(u.id)!.map(render)}</ul>}
    </li>
  );
  return <ul className="tree">{roots.map(render)}</ul>;
}

function UnitDetail({ id, units }: { id: string; units: Unit[] }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const unit = units.find((u) => u.id === id);
  const counterparts = useQuery({ queryKey: ['counterparts', id], queryFn: () => get<List<Counterparts>>(`/api/v1/counterparts?unitId=${id}`) });
  const officers = useQuery({ queryKey: ['officers', id], queryFn: () => get<List<Officer>>(`/api/v1/officers?unitId=${id}`), enabled: can('officer.read') });
  const lang = i18n.language;
  if (!unit) return null;
  return (
    <div>
      <h2>{pick(unit.names, lang)}</h2>
      <dl className="facts">
        <dt>{t('org.code')}</dt><dd><code>{unit.code}</code></dd>
        <dt>{t('org.level')}</dt><dd>{unit.level} · {t(`org.level.${unit.level}`)}</dd>
        <dt>{t('org.unitType')}</dt><dd>{unit.unitType}</dd>
        <dt>{t('cp.timeZone')}</dt><dd>{unit.timeZone}</dd>
      </dl>
      <h3>{t('org.counterparts')}</h3>
      <ErrorNote error={counterparts.error} />
      {counterparts.data?.items.map((g) => (
        <div key={g.id} className="counterpart">
          <strong>{pick(g.names, lang)}</strong> <span className="muted">· {t(`org.purpose.${g.purpose}`)} · {t(`org.level.${g.level}`)}</span>
          <ul className="plain">{g.members.map((m) => <li key={m.unitId} className={m.unitId === id ? 'self' : ''}>{pick(m.names, lang)} <span className="muted">({m.role})</span></li>)}</ul>
        </div>
      ))}
      {can('officer.read') && (
        <>
          <h3>{t('org.officers')}</h3>
          <ErrorNote error={officers.error} />
          {officers.data && officers.data.items.length === 0 && <p className="muted">{t('org.noOfficers')}</p>}
          {officers.data && officers.data.items.length > 0 && (
            <table className="data">
              <thead><tr><th>{t('org.surname')}</th><th>{t('org.givenNames')}</th><th>{t('org.rank')}</th><th>{t('org.position')}</th><th>{t('org.certificate')}</th></tr></thead>
              <tbody>{officers.data.items.map((o) => <tr key={o.id}><td>{o.surname}</td><td>{o.givenNames} {o.patronymic}</td><td>{o.rank}</td><td>{o.position}</td><td><code>{o.serviceCertificateNo}</code></td></tr>)}</tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
