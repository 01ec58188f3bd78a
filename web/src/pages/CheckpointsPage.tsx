import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ControlQueue } from './ControlQueue.tsx';
import { ControlStats } from './ControlStats.tsx';
import { Link, useParams } from 'wouter';
import { api, ApiError, get } from '../api.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { Checkpoint, List, StatusChange } from '../types.ts';
import { ErrorNote, Field, FormError, Loading, StatusBadge } from '../ui.tsx';
import { formatTime } from '../dates.ts';

const NEIGHBOURS = ['CHN', 'KGZ', 'UZB', 'TKM', 'RUS', 'XCS'];
const MODES = ['road', 'rail', 'air', 'sea', 'river', 'pedestrian'];

export function hoursText(cp: Checkpoint, t: (k: string) => string): string {
  const hours = cp.workingHours as { always?: true; weekly?: Array<{ days: number[]; open: string; close: string }> };
  if (hours.always) return t('cp.alwaysOpen');
  return (hours.weekly ?? []).map((p) => `${p.days.length === 7 ? '' : `${p.days.join(',')} `}${p.open}–${p.close}`).join('; ');
}

export function CheckpointsPage() {
  const { t, i18n } = useTranslation();
  const [neighbour, setNeighbour] = useState('');
  const [mode, setMode] = useState('');
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const params = new URLSearchParams({ ...(neighbour && { neighbour }), ...(mode && { mode }), ...(status && { status }), ...(q.trim() && { q: q.trim() }) });
  const list = useQuery({ queryKey: ['checkpoints', params.toString()], queryFn: () => get<List<Checkpoint>>(`/api/v1/checkpoints?${params}`) });
  return (
    <div className="page">
      <h1>{t('nav.checkpoints')}</h1>
      <div className="filters">
        <Field label={t('common.search')}><input type="search" value={q} onChange={(e) => setQ(e.target.value)} /></Field>
        <Field label={t('cp.filterNeighbour')}>
          <select value={neighbour} onChange={(e) => setNeighbour(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {NEIGHBOURS.map((n) => <option key={n} value={n}>{t(`country.${n}`)}</option>)}
          </select>
        </Field>
        <Field label={t('cp.filterMode')}>
          <select value={mode} onChange={(e) => setMode(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {MODES.map((m) => <option key={m} value={m}>{t(`mode.${m}`)}</option>)}
          </select>
        </Field>
        <Field label={t('cp.filterStatus')}>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {['open', 'restricted', 'suspended'].map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </Field>
      </div>
      <ErrorNote error={list.error} onRetry={() => void list.refetch()} />
      {list.isLoading && <Loading />}
      {list.data && (
        <>
          <p className="muted">{t('cp.count', { count: list.data.items.length })}</p>
          <div className="table-wrap">
            <table className="data">
              <thead><tr><th>{t('cp.name')}</th><th>{t('cp.code')}</th><th>{t('cp.neighbour')}</th><th>{t('cp.modes')}</th><th>{t('cp.hours')}</th><th>{t('cp.status')}</th></tr></thead>
              <tbody>
                {list.data.items.map((cp) => (
                  <tr key={cp.id}>
                    <td><Link href={`/checkpoints/${cp.id}`}>{pick(cp.names, i18n.language)}</Link>{cp.isJoint && <span className="badge">{t('cp.joint')}</span>}</td>
                    <td><code>{cp.code}</code></td>
                    <td>{t(`country.${cp.neighbourCountry ?? 'AIR'}`)}</td>
                    <td>{cp.transportModes.map((m) => t(`mode.${m}`)).join(', ')}</td>
                    <td>{hoursText(cp, t)} <span className={cp.isOpenNow ? 'ok' : 'muted'}>· {cp.isOpenNow ? t('cp.openNow') : t('cp.closedNow')}</span></td>
                    <td><StatusBadge status={cp.status} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.data.items.length === 0 && <p className="muted">{t('cp.none')}</p>}
          </div>
        </>
      )}
    </div>
  );
}

export function CheckpointDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const cp = useQuery({ queryKey: ['checkpoint', id], queryFn: () => get<Checkpoint>(`/api/v1/checkpoints/${id}`) });
  const history = useQuery({ queryKey: ['checkpoint-history', id], queryFn: () => get<List<StatusChange>>(`/api/v1/checkpoints/${id}/status-history`) });
  if (cp.isLoading) return <Loading />;
  if (cp.error || !cp.data) return <div className="page"><ErrorNote error={cp.error} /></div>;
  const c = cp.data;
  const lang = i18n.language;
  return (
    <div className="page">
      <p><Link href="/checkpoints">← {t('nav.checkpoints')}</Link></p>
      <h1>{pick(c.names, lang)} <StatusBadge status={c.status} /></h1>
      <dl className="facts">
        <dt>{t('cp.code')}</dt><dd><code>{c.code}</code></dd>
        <dt>{t('cp.neighbour')}</dt><dd>{t(`country.${c.neighbourCountry ?? 'AIR'}`)}{c.neighbourCheckpointName && ` · ${t('cp.neighbourCheckpoint')}: ${c.neighbourCheckpointName}`}</dd>
        <dt>{t('cp.modes')}</dt><dd>{c.transportModes.map((m) => t(`mode.${m}`)).join(', ')}</dd>
        <dt>{t('cp.category')}</dt><dd>{t(`category.${c.category}`)}</dd>
        <dt>{t('cp.hours')}</dt><dd>{hoursText(c, t)} · {c.isOpenNow ? t('cp.openNow') : t('cp.closedNow')}</dd>
        <dt>{t('cp.timeZone')}</dt><dd>{c.timeZone} · {t('cp.localTime')}: {formatTime(new Date().toISOString(), lang, c.timeZone)}</dd>
        {c.isJoint && <><dt>{t('cp.joint')}</dt><dd>{t(`country.${c.jointPartnerCountry}`)}{c.controlZone && ` · ${t('cp.controlZone')}: ${c.controlZone}`}</dd></>}
        <dt>{t('cp.coordinates')}</dt><dd>{c.latitude.toFixed(3)}, {c.longitude.toFixed(3)}{c.coordinatesAreDemo && <span className="muted"> ({t('common.demoCoordinates')})</span>}</dd>
        {c.status !== 'open' && <><dt>{t('cp.reason')}</dt><dd>{c.statusReason}</dd><dt>{t('cp.legalBasis')}</dt><dd>{c.statusLegalBasis}</dd><dt>{t('cp.validFrom')}</dt><dd>{formatTime(c.statusFrom, lang, c.timeZone)} – {formatTime(c.statusUntil, lang, c.timeZone)}</dd><dt>{t('cp.scope')}</dt><dd>{scopeText(c.statusModes, c.statusDirections, t)}</dd></>}
      </dl>
      {can('crossing.read') && c.unitId && <ControlStats checkpointId={c.id} />}
      {can('crossing.read') && c.unitId && <ControlQueue checkpointId={c.id} />}
      {can('checkpoint.status.decide') && <StatusForm checkpoint={c} />}
      <h2>{t('cp.statusHistory')}</h2>
      <ErrorNote error={history.error} />
      {history.data?.items.length === 0 && <p className="muted">{t('cp.noHistory')}</p>}
      <ul className="timeline">
        {history.data?.items.map((h) => (
          <li key={h.id}>
            <StatusBadge status={h.status} /> {formatTime(h.validFrom, lang, c.timeZone)}{h.validUntil && ` – ${formatTime(h.validUntil, lang, c.timeZone)}`}
            {h.status !== 'open' && <div>{t('cp.scope')}: {scopeText(h.transportModes, h.directions, t)}</div>}
            {h.reason && <div>{t('cp.reason')}: {h.reason}</div>}
            {h.legalBasis && <div>{t('cp.legalBasis')}: {h.legalBasis}</div>}
            {h.mfaNotifyBy && <div className="muted">{t('cp.mfaNotifyBy')} {formatTime(h.mfaNotifyBy, lang, c.timeZone)}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "road, rail · exit", or "all traffic" when the decision covers every mode and both directions. */
function scopeText(modes: string[] | null, directions: string[] | null, t: (key: string) => string): string {
  if (!modes && !directions) return t('cp.scopeAll');
  return [modes?.map((m) => t(`mode.${m}`)).join(', '), directions?.map((d) => t(`booth.dir.${d}`)).join(', ')].filter(Boolean).join(' · ');
}

function StatusForm({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState(checkpoint.status === 'open' ? 'restricted' : 'open');
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [requestedByNeighbour, setRequested] = useState(false);
  const [modes, setModes] = useState<string[]>([]);
  const [directions, setDirections] = useState<string[]>([]);
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
  const mutation = useMutation({
    mutationFn: () => api<Checkpoint>('POST', `/api/v1/checkpoints/${checkpoint.id}/status`, {
      status, ...(reason && { reason }), ...(legalBasis && { legalBasis }), ...(validUntil && { validUntil: new Date(validUntil).toISOString() }), requestedByNeighbour,
      ...(status !== 'open' && modes.length > 0 && { transportModes: modes }), ...(status !== 'open' && directions.length > 0 && { directions }),
    }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['checkpoint', checkpoint.id] });
      void queryClient.invalidateQueries({ queryKey: ['checkpoint-history', checkpoint.id] });
      void queryClient.invalidateQueries({ queryKey: ['checkpoints'] });
      setReason('');
      setLegalBasis('');
    },
  });
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate();
  }
  return (
    <form className="panel" onSubmit={submit}>
      <h2>{t('cp.changeStatus')}</h2>
      <div className="row">
        <Field label={t('cp.status')}>
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {['open', 'restricted', 'suspended'].map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </Field>
        <Field label={t('cp.validUntil')} error={err?.fieldError('validUntil')}><input type="datetime-local" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} /></Field>
      </div>
      {status !== 'open' && (
        <>
          <Field label={t('cp.reason')} error={err?.fieldError('reason')}><input value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
          <Field label={t('cp.legalBasis')} error={err?.fieldError('legalBasis')}><input value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} /></Field>
          <fieldset className="scope">
            <legend>{t('cp.scope')}</legend>
            {checkpoint.transportModes.map((m) => <label key={m} className="check"><input type="checkbox" checked={modes.includes(m)} onChange={() => setModes(toggle(modes, m))} /> {t(`mode.${m}`)}</label>)}
            {['entry', 'exit'].map((d) => <label key={d} className="check"><input type="checkbox" checked={directions.includes(d)} onChange={() => setDirections(toggle(directions, d))} /> {t(`booth.dir.${d}`)}</label>)}
            <div className="muted">{t('cp.scopeHint')}</div>
          </fieldset>
          <label className="check"><input type="checkbox" checked={requestedByNeighbour} onChange={(e) => setRequested(e.target.checked)} /> {t('cp.requestedByNeighbour')}</label>
        </>
      )}
      <FormError error={mutation.error} />
      {mutation.isSuccess && <div className="note ok">{t('common.saved')}</div>}
      <button className="primary" type="submit" disabled={mutation.isPending}>{t('common.save')}</button>
    </form>
  );
}
