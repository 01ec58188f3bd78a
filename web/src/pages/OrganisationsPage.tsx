import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { Agency, Counterparts, List, Officer, Unit } from '../types.ts';
import { ErrorNote, Field, FormError, Loading } from '../ui.tsx';

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
  const { can, session } = useSession();
  const unit = units.find((u) => u.id === id);
  // the same rule as the server's policy: a grant over the unit's subtree, in the unit's agency unless cross-agency
  const canManage = (target: Unit, permission: string) => Boolean(session?.grants.some((g) => g.permissions.includes(permission)
    && (g.permissions.includes('scope.all_agencies') || target.agencyId === session.user.agencyId)
    && (g.scopeUnitId === null || target.path.includes(g.scopeUnitId))));
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
          <ul className="plain">{g.members.map((m) => <li key={m.unitId} className={m.unitId === id ? 'self' : ''}>{pick(m.names, lang)} <span className="muted">({t(`org.role.${m.role}`, { defaultValue: m.role })})</span></li>)}</ul>
        </div>
      ))}
      {canManage(unit, 'org.manage') && <NewUnitForm parent={unit} />}
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
          {canManage(unit, 'officer.manage') && <NewOfficerForm unit={unit} />}
        </>
      )}
    </div>
  );
}

const NAME_LANGS = ['kk', 'ru', 'en'] as const;

function NewUnitForm({ parent }: { parent: Unit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const empty = { code: '', unitType: '', kk: '', ru: '', en: '' };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const mutation = useMutation({
    mutationFn: () => api<Unit>('POST', '/api/v1/units', { parentId: parent.id, code: form.code.trim(), unitType: form.unitType.trim(), names: { kk: form.kk, ru: form.ru, en: form.en } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      setForm(empty);
    },
  });
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  if (parent.level >= 5) return null;
  return (
    <form className="subform" onSubmit={(e: FormEvent) => { e.preventDefault(); mutation.mutate(); }}>
      <h3>{t('org.newUnit', { level: t(`org.level.${parent.level + 1}`) })}</h3>
      <div className="row">
        <Field label={t('org.code')} error={err?.fieldError('code')}><input value={form.code} onChange={set('code')} required placeholder="BS-POST-…" /></Field>
        <Field label={t('org.unitType')} error={err?.fieldError('unitType')}><input value={form.unitType} onChange={set('unitType')} required /></Field>
      </div>
      <div className="row">
        {NAME_LANGS.map((l) => <Field key={l} label={`${t('cp.name')} (${t(`lang.${l}`)})`} error={err?.fieldError(`names.${l}`)}><input value={form[l]} onChange={set(l)} required /></Field>)}
      </div>
      <FormError error={mutation.error} />
      {mutation.isSuccess && <div className="note ok">{t('common.saved')}</div>}
      <button type="submit" disabled={mutation.isPending}>{t('common.create')}</button>
    </form>
  );
}

function NewOfficerForm({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const empty = { surname: '', givenNames: '', patronymic: '', rank: '', position: '', serviceCertificateNo: '' };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const mutation = useMutation({
    mutationFn: () => api<Officer>('POST', '/api/v1/officers', {
      unitId: unit.id, surname: form.surname.trim(), givenNames: form.givenNames.trim(), position: form.position.trim(),
      ...(form.patronymic.trim() && { patronymic: form.patronymic.trim() }), ...(form.rank.trim() && { rank: form.rank.trim() }),
      ...(form.serviceCertificateNo.trim() && { serviceCertificateNo: form.serviceCertificateNo.trim() }),
    }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['officers', unit.id] });
      setForm(empty);
    },
  });
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <form className="subform" onSubmit={(e: FormEvent) => { e.preventDefault(); mutation.mutate(); }}>
      <h3>{t('org.newOfficer')}</h3>
      <div className="row">
        <Field label={t('org.surname')} error={err?.fieldError('surname')}><input value={form.surname} onChange={set('surname')} required /></Field>
        <Field label={t('org.givenNames')} error={err?.fieldError('givenNames')}><input value={form.givenNames} onChange={set('givenNames')} required /></Field>
        <Field label={t('org.patronymic')} error={err?.fieldError('patronymic')}><input value={form.patronymic} onChange={set('patronymic')} /></Field>
      </div>
      <div className="row">
        <Field label={t('org.rank')} error={err?.fieldError('rank')}><input value={form.rank} onChange={set('rank')} /></Field>
        <Field label={t('org.position')} error={err?.fieldError('position')}><input value={form.position} onChange={set('position')} required /></Field>
        <Field label={t('org.certificate')} error={err?.fieldError('serviceCertificateNo')}><input value={form.serviceCertificateNo} onChange={set('serviceCertificateNo')} /></Field>
      </div>
      <FormError error={mutation.error} />
      {mutation.isSuccess && <div className="note ok">{t('common.saved')}</div>}
      <button type="submit" disabled={mutation.isPending}>{t('common.create')}</button>
    </form>
  );
}
