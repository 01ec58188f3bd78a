import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import type { Agency, Compliance, List, Unit } from '../types.ts';
import { ErrorNote, Field, Loading } from '../ui.tsx';
import { formatTime } from '../dates.ts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10} %`);
const monthStart = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`; };
const today = () => new Date().toISOString().slice(0, 10);

/** Compliance with the exchange deadlines: on-time share per type and unit, overdue obligations, late confirmations. */
export function CompliancePage() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState({ from: monthStart(), to: today(), level: '', agencyId: '', unitId: '' });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => get<List<Agency>>('/api/v1/agencies') });
  const units = useQuery({ queryKey: ['units'], queryFn: () => get<List<Unit>>('/api/v1/units') });
  const query = `from=${period.from}&to=${period.to}${period.level ? `&level=${period.level}` : ''}${period.agencyId ? `&agencyId=${period.agencyId}` : ''}${period.unitId ? `&unitId=${period.unitId}` : ''}`;
  const data = useQuery({ queryKey: ['exchange', 'compliance', query], queryFn: () => get<Compliance>(`/api/v1/exchange/compliance?${query}`) });
  const lang = i18n.language as 'kk' | 'ru' | 'en';
  return (
    <div className="page">
      <h1>{t('compliance.title')}</h1>
      <div className="panel row">
        <Field label={t('compliance.from')}><input type="date" name="from" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} /></Field>
        <Field label={t('compliance.to')}><input type="date" name="to" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} /></Field>
        <Field label={t('compliance.agency')}><select name="agencyId" value={period.agencyId} onChange={(e) => setPeriod({ ...period, agencyId: e.target.value, unitId: '' })}><option value="">—</option>{agencies.data?.items.map((a) => <option key={a.id} value={a.id}>{a.shortNames[lang]}</option>)}</select></Field>
        <Field label={t('compliance.unit')}><select name="unitId" value={period.unitId} onChange={(e) => setPeriod({ ...period, unitId: e.target.value })}><option value="">—</option>{units.data?.items.filter((u) => !period.agencyId || u.agencyId === period.agencyId).map((u) => <option key={u.id} value={u.id}>{u.level} · {u.names[lang]}</option>)}</select></Field>
        <Field label={t('compliance.level')}><select name="level" value={period.level} onChange={(e) => setPeriod({ ...period, level: e.target.value })}><option value="">—</option>{[1, 2, 3, 4, 5].map((l) => <option key={l} value={l}>{l}</option>)}</select></Field>
        <a className="link" href={`/api/v1/exchange/compliance.csv?${query}`} download>{t('compliance.csv')}</a>
        <a className="link" href={`/api/v1/exchange/compliance/report?month=${period.from.slice(0, 7)}&lang=${lang}${period.unitId ? `&unitId=${period.unitId}` : ''}`} target="_blank" rel="noreferrer">{t('compliance.print')}</a>
      </div>
      <ErrorNote error={data.error} />
      {data.isLoading && <Loading />}
      {data.data && (
        <>
          <section className="panel"><h2>{t('compliance.byKind')}</h2>
            <table className="data"><thead><tr><th>{t('desk.obligation')}</th><th>{t('compliance.due')}</th><th>{t('timing.on_time')}</th><th>{t('timing.early')}</th><th>{t('timing.late')}</th><th>{t('compliance.missed')}</th><th>{t('compliance.share')}</th></tr></thead>
              <tbody>{data.data.byKind.map((k) => <tr key={k.kind}><td>{t(`obligation.${k.kind}`, { defaultValue: k.kind })}</td><td>{k.due}</td><td>{k.onTime}</td><td>{k.early}</td><td>{k.late}</td><td>{k.missed}</td><td><strong>{pct(k.onTimeShare)}</strong></td></tr>)}</tbody></table>
          </section>
          <section className="panel"><h2>{t('compliance.byUnit')}</h2>
            <table className="data"><thead><tr><th>{t('desk.owner')}</th><th>{t('compliance.due')}</th><th>{t('timing.on_time')}</th><th>{t('timing.late')}</th><th>{t('compliance.missed')}</th><th>{t('compliance.share')}</th></tr></thead>
              <tbody>{data.data.byUnit.map((u) => <tr key={u.unit.id}><td>{u.unit.names[lang]}</td><td>{u.due}</td><td>{u.onTime}</td><td>{u.late}</td><td>{u.missed}</td><td><strong>{pct(u.onTimeShare)}</strong></td></tr>)}</tbody></table>
          </section>
          <section className="panel"><h2>{t('compliance.lateConfirmations')}</h2>
            {data.data.lateConfirmations.length === 0 ? <p className="muted">{t('desk.empty')}</p> : (
              <ul>{data.data.lateConfirmations.map((c) => <li key={c.messageId}>{c.sender.names[lang]} · {formatTime(c.reportedAt, i18n.language)} · {c.minutes === null ? t('compliance.notConfirmed') : t('compliance.minutes', { minutes: c.minutes })}</li>)}</ul>
            )}
          </section>
          <section className="panel"><h2>{t('compliance.overdue')}</h2>
            {data.data.overdue.length === 0 ? <p className="muted">{t('desk.empty')}</p> : (
              <ul>{data.data.overdue.slice(0, 50).map((o) => <li key={o.id}>{t(`obligation.${o.kind}`, { defaultValue: o.kind })} · {o.unit.names[lang]}{o.counterpart && ` → ${o.counterpart.names[lang]}`} · {formatTime(o.dueAt, i18n.language)}</li>)}</ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
