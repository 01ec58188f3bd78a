import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { geoMercator, geoPath } from 'd3-geo';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import type { List, SezInspection, SezParty, SezPlan, SezRoster } from '../types.ts';
import { ErrorNote, Field, FormError } from '../ui.tsx';
import { formatTime } from '../dates.ts';

const today = () => new Date().toISOString().slice(0, 10);
const addDay = (d: string, n: number) => { const x = new Date(`${d}T00:00:00Z`); x.setUTCDate(x.getUTCDate() + n); return x.toISOString().slice(0, 10); };
/** "lon lat, lon lat; …" ↔ the route's points. */
const parsePoints = (text: string) => text.split(';').map((p) => p.trim()).filter(Boolean).map((p) => p.split(/[\s,]+/).map(Number) as [number, number]);
const printPoints = (c: number[][]) => c.map(([x, y]) => `${x} ${y}`).join('; ');

/** The annual plan (routes drawn as lines), tomorrow's post roster, and the inspections of the plan-assignment. */
export function SezPlans({ sez }: { sez: SezParty }) {
  return (<><PlanPanel sez={sez} /><RosterPanel sez={sez} /><InspectionsPanel sez={sez} /></>);
}

function RoutesMap({ routes }: { routes: Array<{ name: string; coordinates: number[][] }> }) {
  const valid = routes.filter((r) => r.coordinates.length >= 2 && r.coordinates.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y)));
  if (!valid.length) return null;
  const collection = { type: 'FeatureCollection' as const, features: valid.map((r) => ({ type: 'Feature' as const, properties: { name: r.name }, geometry: { type: 'LineString' as const, coordinates: r.coordinates } })) };
  const projection = geoMercator().fitExtent([[20, 20], [580, 280]], collection);
  const path = geoPath(projection);
  const colors = ['#0b5c7a', '#b5462a', '#3c7d22', '#7a4bb0'];
  return (
    <svg className="routes-map" viewBox="0 0 600 300" role="img" aria-label="patrol routes">
      <rect width="600" height="300" fill="#eef2f4" />
      {collection.features.map((f, i) => {
        const end = projection(f.geometry.coordinates[f.geometry.coordinates.length - 1] as [number, number]);
        return (<g key={i}><path d={path(f) ?? ''} fill="none" stroke={colors[i % colors.length]} strokeWidth={3} />{end && <text x={end[0] + 4} y={end[1] - 4} fontSize="12" fill={colors[i % colors.length]}>{f.properties.name}</text>}</g>);
      })}
    </svg>
  );
}

function PlanPanel({ sez }: { sez: SezParty }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plans = useQuery({ queryKey: ['sez', 'plans', sez.id], queryFn: () => get<List<SezPlan>>(`/api/v1/sez/plans?sezId=${sez.id}`) });
  const year = new Date().getUTCFullYear() + 1;
  const current = plans.data?.items.find((p) => p.year === year) ?? plans.data?.items[0];
  const [form, setForm] = useState<{ squads: string; tasks: string; equipment: string; routes: Array<{ name: string; points: string }> } | null>(null);
  const edit = () => setForm({ squads: String(current?.squadCount ?? 1), tasks: current?.tasks.join('\n') ?? '', equipment: current?.equipment.join('\n') ?? '', routes: current?.routes.map((r) => ({ name: r.name, points: printPoints(r.coordinates) })) ?? [{ name: '', points: '' }] });
  const save = useMutation({
    mutationFn: () => api<SezPlan>('PUT', '/api/v1/sez/plans', { sezId: sez.id, year: current?.year ?? year, squadCount: Number(form!.squads), tasks: form!.tasks.split('\n').map((x) => x.trim()).filter(Boolean), equipment: form!.equipment.split('\n').map((x) => x.trim()).filter(Boolean), routes: form!.routes.map((r) => ({ name: r.name, coordinates: parsePoints(r.points) })) }),
    onSuccess: () => { setForm(null); void queryClient.invalidateQueries({ queryKey: ['sez', 'plans', sez.id] }); },
  });
  const step = useMutation({ mutationFn: (a: string) => api<SezPlan>('POST', `/api/v1/sez/plans/${current!.id}/${a}`, a === 'return' ? { reason: 'See remarks' } : {}), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sez', 'plans', sez.id] }) });
  const err = save.error instanceof ApiError ? save.error : null;
  function submit(e: FormEvent) { e.preventDefault(); save.mutate(); }
  return (
    <section className="panel">
      <h2>{t('sez.plan', { year: current?.year ?? year })} {current && <span className={`badge sez-${current.status}`}>{t(`sez.planStatus.${current.status}`)}</span>}</h2>
      <ErrorNote error={plans.error} />
      {current && !form && (
        <>
          <p>{t('sez.squads')}: {current.squadCount}</p>
          <RoutesMap routes={current.routes} />
          <div className="row"><div><h3>{t('sez.tasks')}</h3><ul>{current.tasks.map((x, i) => <li key={i}>{x}</li>)}</ul></div><div><h3>{t('sez.equipment')}</h3><ul>{current.equipment.map((x, i) => <li key={i}>{x}</li>)}</ul></div></div>
          {current.returnedReason && <p className="note error">{current.returnedReason}</p>}
        </>
      )}
      {!current && !form && <p className="muted">{t('sez.noPlan')}</p>}
      {form && (
        <form onSubmit={submit}>
          <Field label={t('sez.squads')} error={err?.fieldError('squadCount')}><input type="number" min={1} value={form.squads} onChange={(e) => setForm({ ...form, squads: e.target.value })} /></Field>
          {form.routes.map((r, i) => (
            <div className="row" key={i}>
              <Field label={t('sez.routeName')} error={err?.fieldError(`routes.${i}.name`)}><input value={r.name} onChange={(e) => setForm({ ...form, routes: form.routes.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} /></Field>
              <Field label={t('sez.routePoints')} error={err?.fieldError(`routes.${i}.coordinates`)}><input value={r.points} placeholder="80.398 44.215; 80.405 44.219" onChange={(e) => setForm({ ...form, routes: form.routes.map((x, j) => (j === i ? { ...x, points: e.target.value } : x)) })} /></Field>
            </div>
          ))}
          <button type="button" onClick={() => setForm({ ...form, routes: [...form.routes, { name: '', points: '' }] })}>{t('sez.addRoute')}</button>
          <RoutesMap routes={form.routes.map((r) => ({ name: r.name, coordinates: parsePoints(r.points) }))} />
          <Field label={t('sez.tasks')} error={err?.fieldError('tasks')}><textarea rows={3} value={form.tasks} onChange={(e) => setForm({ ...form, tasks: e.target.value })} /></Field>
          <Field label={t('sez.equipment')} error={err?.fieldError('equipment')}><textarea rows={3} value={form.equipment} onChange={(e) => setForm({ ...form, equipment: e.target.value })} /></Field>
          <FormError error={save.error} />
          <div className="row"><button className="primary" type="submit">{t('common.save')}</button><button type="button" onClick={() => setForm(null)}>{t('common.cancel')}</button></div>
        </form>
      )}
      {!form && (
        <div className="row">
          {(!current || current.next.includes('edit')) && sez.myRoles.includes('police_body') && <button type="button" onClick={edit}>{t('sez.editPlan')}</button>}
          {current?.next.filter((a) => a !== 'edit').map((a) => <button key={a} type="button" className="primary" onClick={() => step.mutate(a)}>{t(`sez.planAction.${a}`)}</button>)}
        </div>
      )}
      <FormError error={step.error} />
    </section>
  );
}

function RosterPanel({ sez }: { sez: SezParty }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const day = addDay(today(), 1);
  const rosters = useQuery({ queryKey: ['sez', 'rosters', sez.id], queryFn: () => get<List<SezRoster>>(`/api/v1/sez/rosters?sezId=${sez.id}&from=${addDay(today(), -3)}&to=${addDay(today(), 2)}`) });
  const tomorrow = rosters.data?.items.find((r) => r.day === day);
  const [post, setPost] = useState({ post: '', squad: '', from: '08:00', to: '20:00', officers: '' });
  const save = useMutation({
    mutationFn: () => api<SezRoster>('PUT', '/api/v1/sez/rosters', { sezId: sez.id, day, posts: [...(tomorrow?.posts ?? []), { ...post, officers: post.officers.split(',').map((o) => o.trim()).filter(Boolean) }] }),
    onSuccess: () => { setPost({ post: '', squad: '', from: '08:00', to: '20:00', officers: '' }); void queryClient.invalidateQueries({ queryKey: ['sez', 'rosters', sez.id] }); },
  });
  const approve = useMutation({ mutationFn: () => api<SezRoster>('POST', `/api/v1/sez/rosters/${tomorrow!.id}/approve`), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sez', 'rosters', sez.id] }) });
  if (!sez.rules?.rosterRequired) return null;
  const police = sez.myRoles.includes('police_body');
  return (
    <section className="panel">
      <h2>{t('sez.roster', { day })} {tomorrow && <span className={`badge sez-${tomorrow.status}`}>{t(`sez.rosterStatus.${tomorrow.status}`)}</span>}</h2>
      {tomorrow?.obligation && <p className="muted small">{t('sez.dueBy')} {formatTime(tomorrow.obligation.dueAt, i18n.language, sez.timeZone)} · {tomorrow.obligation.rule}</p>}
      <ErrorNote error={rosters.error} />
      {tomorrow && <table className="data"><thead><tr><th>{t('sez.post')}</th><th>{t('sez.squad')}</th><th>{t('sez.shift')}</th><th>{t('sez.officers')}</th></tr></thead><tbody>{tomorrow.posts.map((p, i) => <tr key={i}><td>{p.post}</td><td>{p.squad}</td><td>{p.from}–{p.to}</td><td>{p.officers.join(', ')}</td></tr>)}</tbody></table>}
      {police && tomorrow?.status !== 'approved' && (
        <form className="row" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
          <Field label={t('sez.post')}><input value={post.post} onChange={(e) => setPost({ ...post, post: e.target.value })} /></Field>
          <Field label={t('sez.squad')}><input value={post.squad} onChange={(e) => setPost({ ...post, squad: e.target.value })} /></Field>
          <Field label={t('sez.from')}><input type="time" value={post.from} onChange={(e) => setPost({ ...post, from: e.target.value })} /></Field>
          <Field label={t('sez.to')}><input type="time" value={post.to} onChange={(e) => setPost({ ...post, to: e.target.value })} /></Field>
          <Field label={t('sez.officers')}><input value={post.officers} onChange={(e) => setPost({ ...post, officers: e.target.value })} /></Field>
          <button type="submit">{t('sez.addPost')}</button>
        </form>
      )}
      {police && tomorrow?.status === 'draft' && <button type="button" className="primary" onClick={() => approve.mutate()}>{t('sez.approveRoster')}</button>}
      <FormError error={save.error ?? approve.error} />
    </section>
  );
}

function InspectionsPanel({ sez }: { sez: SezParty }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const month = today().slice(0, 7);
  const items = useQuery({ queryKey: ['sez', 'inspections', sez.id, month], queryFn: () => get<List<SezInspection>>(`/api/v1/sez/inspections?sezId=${sez.id}&month=${month}`), enabled: sez.myRoles.includes('police_body') });
  const [plan, setPlan] = useState({ plannedOn: today(), squad: '', post: '', inspector: '' });
  const [findings, setFindings] = useState<Record<string, string>>({});
  const add = useMutation({ mutationFn: () => api('POST', '/api/v1/sez/inspections', { sezId: sez.id, ...plan, ...(plan.post ? {} : { post: undefined }) }), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sez', 'inspections', sez.id] }) });
  const record = useMutation({ mutationFn: (id: string) => api('POST', `/api/v1/sez/inspections/${id}/record`, { performedAt: new Date().toISOString(), findings: findings[id] }), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sez', 'inspections', sez.id] }) });
  if (!sez.myRoles.includes('police_body')) return null;
  return (
    <section className="panel">
      <h2>{t('sez.inspections')}</h2>
      <table className="data"><thead><tr><th>{t('sez.date')}</th><th>{t('sez.squad')}</th><th>{t('sez.post')}</th><th>{t('sez.inspector')}</th><th>{t('sez.findingsCol')}</th></tr></thead>
        <tbody>{items.data?.items.map((i) => <tr key={i.id}><td>{i.plannedOn}</td><td>{i.squad}</td><td>{i.post}</td><td>{i.inspector}</td><td>{i.performedAt ? <>{formatTime(i.performedAt, i18n.language, sez.timeZone)}: {i.findings}</> : <span className="row"><input aria-label={t('sez.findingsCol')} value={findings[i.id] ?? ''} onChange={(e) => setFindings({ ...findings, [i.id]: e.target.value })} /><button type="button" disabled={!findings[i.id]} onClick={() => record.mutate(i.id)}>{t('sez.record')}</button></span>}</td></tr>)}</tbody>
      </table>
      <form className="row" onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
        <Field label={t('sez.date')}><input type="date" value={plan.plannedOn} onChange={(e) => setPlan({ ...plan, plannedOn: e.target.value })} /></Field>
        <Field label={t('sez.squad')}><input value={plan.squad} onChange={(e) => setPlan({ ...plan, squad: e.target.value })} /></Field>
        <Field label={t('sez.post')}><input value={plan.post} onChange={(e) => setPlan({ ...plan, post: e.target.value })} /></Field>
        <Field label={t('sez.inspector')}><input value={plan.inspector} onChange={(e) => setPlan({ ...plan, inspector: e.target.value })} /></Field>
        <button type="submit">{t('sez.planInspection')}</button>
      </form>
      <FormError error={add.error ?? record.error} />
    </section>
  );
}
