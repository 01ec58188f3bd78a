import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { Incident, IncidentSummary, List } from '../types.ts';
import { ErrorNote, Field, FormError, Loading } from '../ui.tsx';
import { formatTime } from '../dates.ts';

const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Border incidents with the neighbour (Law Art. 27): the list, registration, and each step to settlement or the MFA. */
export function IncidentsPanel() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['cases', 'incidents'], queryFn: () => get<List<IncidentSummary>>('/api/v1/border-incidents') });
  const [open, setOpen] = useState<string | null>(null);
  const [form, setForm] = useState({ neighbourCountry: 'KGZ', domain: 'land', occurredAt: local(new Date()), place: '', summary: '', violation: '' });
  const register = useMutation({
    mutationFn: () => api<Incident>('POST', '/api/v1/border-incidents', { ...form, occurredAt: new Date(form.occurredAt).toISOString(), place: { description: form.place } }),
    onSuccess: (i) => { void queryClient.invalidateQueries({ queryKey: ['cases', 'incidents'] }); setOpen(i.id); },
  });
  const err = register.error instanceof ApiError ? register.error : null;
  function submit(e: FormEvent) { e.preventDefault(); register.mutate(); }
  return (
    <section aria-label={t('cases.tab.incidents')}>
      <ErrorNote error={list.error} />
      <table className="data">
        <thead><tr><th>№</th><th>{t('incident.neighbour')}</th><th>{t('incident.when')}</th><th>{t('incident.summary')}</th><th>{t('incident.status')}</th><th /></tr></thead>
        <tbody>{list.data?.items.map((i) => <tr key={i.id}><td>{i.number}</td><td>{t(`country.${i.neighbourCountry}`, { defaultValue: i.neighbourCountry })}</td><td>{formatTime(i.occurredAt, i18n.language)}</td><td>{i.summary}</td><td>{t(`incident.status.${i.status}`)}</td><td><button type="button" className="link" onClick={() => setOpen(i.id)}>{t('cases.open')}</button></td></tr>)}</tbody>
      </table>
      {list.data?.items.length === 0 && <p className="muted">{t('cases.none')}</p>}
      {open && <IncidentView id={open} />}
      {can('case.record') && (
        <form className="panel" onSubmit={submit} aria-label={t('incident.register')}>
          <h2>{t('incident.register')}</h2>
          <div className="row">
            <Field label={t('incident.neighbour')} error={err?.fieldError('neighbourCountry')}><select value={form.neighbourCountry} onChange={(e) => setForm({ ...form, neighbourCountry: e.target.value })}>{['KGZ', 'CHN', 'RUS', 'UZB', 'TKM'].map((c) => <option key={c} value={c}>{t(`country.${c}`, { defaultValue: c })}</option>)}</select></Field>
            <Field label={t('incident.domain')}><select value={form.domain} onChange={(e) => setForm({ ...form, domain: e.target.value })}>{['land', 'water', 'air'].map((d) => <option key={d} value={d}>{t(`incident.domain.${d}`)}</option>)}</select></Field>
            <Field label={t('incident.when')} error={err?.fieldError('occurredAt')}><input type="datetime-local" value={form.occurredAt} onChange={(e) => setForm({ ...form, occurredAt: e.target.value })} /></Field>
          </div>
          <Field label={t('incident.place')} error={err?.fieldError('place.description')}><input value={form.place} onChange={(e) => setForm({ ...form, place: e.target.value })} /></Field>
          <Field label={t('incident.summary')} error={err?.fieldError('summary')}><input value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} /></Field>
          <Field label={t('incident.violation')} error={err?.fieldError('violation')}><input value={form.violation} onChange={(e) => setForm({ ...form, violation: e.target.value })} /></Field>
          <FormError error={register.error} />
          <button className="primary" type="submit">{t('incident.register')}</button>
        </form>
      )}
    </section>
  );
}

function IncidentView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const inc = useQuery({ queryKey: ['cases', 'incident', id], queryFn: () => get<Incident>(`/api/v1/border-incidents/${id}`) });
  const [kind, setKind] = useState('investigation');
  const [v, setV] = useState({ mode: 'joint', exchangePoint: '', counterpart: '', subject: '', venue: 'meeting_point', location: '', participants: '', protocol: '', settled: false, outcome: '', mfaUnitId: '', at: local(new Date()) });
  const step = useMutation({
    mutationFn: () => {
      const at = new Date(v.at).toISOString();
      const body = kind === 'investigation' ? { kind, mode: v.mode }
        : kind === 'letter_sent' || kind === 'letter_received' ? { kind, at, exchangePoint: v.exchangePoint, counterpart: v.counterpart, subject: v.subject }
          : kind === 'meeting' ? { kind, at, venue: v.venue, location: v.location, participants: v.participants.split(';').map((p) => p.trim()).filter(Boolean), protocol: v.protocol, settled: v.settled }
            : kind === 'settled' ? { kind, outcome: v.outcome } : { kind, mfaUnitId: v.mfaUnitId, outcome: v.outcome };
      return api<Incident>('POST', `/api/v1/border-incidents/${id}/steps`, body);
    },
    onSuccess: (i) => { queryClient.setQueryData(['cases', 'incident', id], i); void queryClient.invalidateQueries({ queryKey: ['cases', 'incidents'] }); },
  });
  if (!inc.data) return inc.error ? <ErrorNote error={inc.error} /> : <Loading />;
  const i = inc.data;
  const closed = i.status === 'settled' || i.status === 'passed_to_mfa';
  const text = (k: keyof typeof v, label: string) => <Field label={t(label)}><input value={String(v[k])} onChange={(e) => setV({ ...v, [k]: e.target.value })} /></Field>;
  return (
    <article className="panel" aria-label={t('incident.title')}>
      <h2>{t('incident.title')} {i.number} · {t(`incident.status.${i.status}`)}</h2>
      <p>{formatTime(i.occurredAt, i18n.language)} · {String(i.place.description ?? '')} · {i.summary}</p>
      {i.representatives.length > 0 && <p className="muted small">{t('incident.representatives')}: {i.representatives.map((r) => `${r.fullName} (${r.position})`).join('; ')}</p>}
      <ol className="timeline">{i.events.map((e, n) => <li key={n}><strong>{t(`incident.step.${e.kind}`)}</strong> · {formatTime(e.at, i18n.language)} · {e.kind === 'investigation' ? t(`incident.mode.${String(e.details.mode)}`) : Object.entries(e.details).filter(([k, x]) => typeof x === 'string' && k !== 'venue').map(([, x]) => x).join(' · ')}</li>)}</ol>
      {i.outcome && <p><strong>{t('incident.outcome')}:</strong> {i.outcome}</p>}
      {!closed && (
        <div>
          <Field label={t('incident.nextStep')}><select value={kind} onChange={(e) => setKind(e.target.value)}>{['investigation', 'letter_sent', 'letter_received', 'meeting', 'settled', 'passed_to_mfa'].map((k) => <option key={k} value={k}>{t(`incident.step.${k}`)}</option>)}</select></Field>
          {kind === 'investigation' && <Field label={t('incident.mode')}><select value={v.mode} onChange={(e) => setV({ ...v, mode: e.target.value })}><option value="unilateral">{t('incident.mode.unilateral')}</option><option value="joint">{t('incident.mode.joint')}</option></select></Field>}
          {kind !== 'investigation' && kind !== 'settled' && kind !== 'passed_to_mfa' && <Field label={t('incident.when')}><input type="datetime-local" value={v.at} onChange={(e) => setV({ ...v, at: e.target.value })} /></Field>}
          {(kind === 'letter_sent' || kind === 'letter_received') && <div className="row">{text('exchangePoint', 'incident.exchangePoint')}{text('counterpart', 'incident.counterpart')}{text('subject', 'incident.subject')}</div>}
          {kind === 'meeting' && <>
            <div className="row"><Field label={t('incident.venue')}><select value={v.venue} onChange={(e) => setV({ ...v, venue: e.target.value })}><option value="meeting_point">{t('incident.venue.meeting_point')}</option><option value="incident_site">{t('incident.venue.incident_site')}</option></select></Field>{text('location', 'incident.place')}{text('participants', 'incident.participants')}</div>
            {text('protocol', 'incident.protocol')}
            <label className="check"><input type="checkbox" checked={v.settled} onChange={(e) => setV({ ...v, settled: e.target.checked })} /> {t('incident.settledAtMeeting')}</label>
          </>}
          {kind === 'passed_to_mfa' && <MfaUnit value={v.mfaUnitId} onChange={(mfaUnitId) => setV({ ...v, mfaUnitId })} />}
          {(kind === 'settled' || kind === 'passed_to_mfa') && text('outcome', 'incident.outcome')}
          <FormError error={step.error} />
          <button type="button" className="primary" onClick={() => step.mutate()}>{t('incident.record')}</button>
        </div>
      )}
    </article>
  );
}

function MfaUnit({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => get<List<{ id: string; kind: string }>>('/api/v1/agencies') });
  const mfa = agencies.data?.items.find((a) => a.kind === 'foreign_affairs');
  const units = useQuery({ queryKey: ['units', mfa?.id], queryFn: () => get<List<{ id: string; names: { kk: string; ru: string; en: string } }>>(`/api/v1/units?agencyId=${mfa!.id}`), enabled: Boolean(mfa) });
  return (
    <Field label={t('incident.mfaUnit')}>
      <select value={value} onChange={(e) => onChange(e.target.value)}><option value="" />{units.data?.items.map((u) => <option key={u.id} value={u.id}>{pick(u.names, i18n.language)}</option>)}</select>
    </Field>
  );
}
