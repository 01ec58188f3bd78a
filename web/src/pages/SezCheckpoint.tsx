import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get, newUuid } from '../api.ts';
import type { List, SezAdmission, SezParty } from '../types.ts';
import { ErrorNote, Field, FormError } from '../ui.tsx';
import { formatTime } from '../dates.ts';

const blank = { direction: 'entry' as 'entry' | 'exit', surname: '', givenName: '', certificateNo: '', idDocumentNo: '', idDocumentExpiry: '', weapons: '', plate: '', outcome: 'no_findings' as 'no_findings' | 'findings', remarks: '', inspectors: '', stateRevenueOfficer: '' };

/** The Border Service at the checkpoint: check an officer against the lists in force, see the outcome with its reasons, the log and the weapons inside. */
export function SezCheckpoint({ sez, canAdmit }: { sez: SezParty; canAdmit: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(blank);
  const [withVehicle, setWithVehicle] = useState(false);
  const [result, setResult] = useState<SezAdmission | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const log = useQuery({ queryKey: ['sez', 'log', sez.id], queryFn: () => get<List<SezAdmission>>(`/api/v1/sez/admissions?sezId=${sez.id}&limit=50`) });
  const inside = useQuery({ queryKey: ['sez', 'inside', sez.id], queryFn: () => get<List<{ weaponNo: string; certificateNo: string; enteredAt: string }>>(`/api/v1/sez/weapons-inside?sezId=${sez.id}`) });
  const key = useRef(newUuid());
  const admit = useMutation({
    mutationFn: () => api<SezAdmission>('POST', '/api/v1/sez/admissions', {
      sezId: sez.id, direction: form.direction, surname: form.surname, givenName: form.givenName, certificateNo: form.certificateNo, idDocumentNo: form.idDocumentNo,
      ...(form.idDocumentExpiry && { idDocumentExpiry: form.idDocumentExpiry }), weapons: form.weapons.split(',').map((w) => w.trim()).filter(Boolean),
      ...(withVehicle && { vehicle: { plate: form.plate, inspection: { outcome: form.outcome, ...(form.remarks && { remarks: form.remarks }), inspectors: form.inspectors, ...(form.stateRevenueOfficer && { stateRevenueOfficer: form.stateRevenueOfficer }) } } }),
    }, { 'idempotency-key': key.current }),
    onSuccess: (data) => { setResult(data); key.current = newUuid(); void queryClient.invalidateQueries({ queryKey: ['sez', 'log', sez.id] }); void queryClient.invalidateQueries({ queryKey: ['sez', 'inside', sez.id] }); },
  });
  const err = admit.error instanceof ApiError ? admit.error : null;
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  function submit(event: FormEvent) { event.preventDefault(); admit.mutate(); }
  function next() { setForm({ ...blank, direction: form.direction }); setResult(null); setWithVehicle(false); admit.reset(); first.current?.focus(); }
  const ordered = [...(log.data?.items ?? [])].sort((a, b) => Number(b.priority) - Number(a.priority) || b.at.localeCompare(a.at));
  return (
    <section>
      {canAdmit && (
        <form className="panel" onSubmit={submit} aria-label={t('sez.admitTitle')}>
          <h2>{t('sez.admitTitle')}</h2>
          <div className="row">
            <Field label={t('sez.direction')}>
              <select value={form.direction} onChange={set('direction')}><option value="entry">{t('sez.entry')}</option><option value="exit">{t('sez.exit')}</option></select>
            </Field>
            <Field label={t('sez.certificate')} error={err?.fieldError('certificateNo')}><input ref={first} autoFocus value={form.certificateNo} onChange={set('certificateNo')} /></Field>
            <Field label={t('sez.surname')} error={err?.fieldError('surname')}><input value={form.surname} onChange={set('surname')} /></Field>
            <Field label={t('sez.givenName')} error={err?.fieldError('givenName')}><input value={form.givenName} onChange={set('givenName')} /></Field>
          </div>
          <div className="row">
            <Field label={t('sez.idDocument')} error={err?.fieldError('idDocumentNo')}><input value={form.idDocumentNo} onChange={set('idDocumentNo')} /></Field>
            <Field label={t('sez.idExpiry')} error={err?.fieldError('idDocumentExpiry')}><input type="date" value={form.idDocumentExpiry} onChange={set('idDocumentExpiry')} /></Field>
            <Field label={t('sez.weaponsCarried')} error={err?.fieldError('weapons.0')}><input value={form.weapons} onChange={set('weapons')} placeholder="ПМ 1234, …" /></Field>
          </div>
          <label className="check"><input type="checkbox" checked={withVehicle} onChange={(e) => setWithVehicle(e.target.checked)} /> {t('sez.onVehicle')}</label>
          {withVehicle && (
            <div className="row">
              <Field label={t('sez.plate')} error={err?.fieldError('vehicle.plate')}><input value={form.plate} onChange={set('plate')} /></Field>
              <Field label={t('sez.inspection')}><select value={form.outcome} onChange={set('outcome')}><option value="no_findings">{t('sez.noFindings')}</option><option value="findings">{t('sez.findings')}</option></select></Field>
              <Field label={t('sez.inspectors')} error={err?.fieldError('vehicle.inspection.inspectors')}><input value={form.inspectors} onChange={set('inspectors')} /></Field>
              {sez.rules?.stateRevenueInspects && <Field label={t('sez.stateRevenueOfficer')} error={err?.fieldError('vehicle.inspection.stateRevenueOfficer')}><input value={form.stateRevenueOfficer} onChange={set('stateRevenueOfficer')} /></Field>}
              <Field label={t('sez.remarks')}><input value={form.remarks} onChange={set('remarks')} /></Field>
            </div>
          )}
          <FormError error={admit.error} />
          <div className="row">
            <button className="primary" type="submit" disabled={admit.isPending}>{t('sez.check')}</button>
            <button type="button" onClick={next}>{t('sez.nextOfficer')}</button>
          </div>
          {result && (
            <div className={`note ${result.result === 'pass' ? 'ok' : 'error'}`} role="status" aria-label={t('sez.outcome')}>
              <strong>{t(`sez.result.${result.result}`)}</strong> · {result.surname} {result.givenName} · {result.certificateNo}{result.priority && <> · <span className="badge status-suspended">{t(`sez.basis.${result.basis}`)}</span></>}
              <ul>{result.reasons.map((r, i) => <li key={i}><strong>{t(`sez.reason.${r.code}`, { defaultValue: r.code })}</strong> <span className="muted small">{reasonText(r, t)}</span></li>)}</ul>
            </div>
          )}
        </form>
      )}
      <h2>{t('sez.log')}</h2>
      <ErrorNote error={log.error} />
      <table className="data">
        <thead><tr><th>{t('sez.time')}</th><th>{t('sez.direction')}</th><th>{t('sez.officer')}</th><th>{t('sez.basis')}</th><th>{t('sez.weapons')}</th><th>{t('sez.outcome')}</th></tr></thead>
        <tbody>
          {ordered.map((a) => (
            <tr key={a.id} className={a.priority ? 'priority' : ''}>
              <td>{formatTime(a.at, i18n.language, sez.timeZone)}</td><td>{t(`sez.${a.direction}`)}</td><td>{a.surname} {a.givenName} · {a.certificateNo}</td>
              <td>{a.listId ? <>{t(`sez.basis.${a.basis}`)}{a.priority && ' ★'}</> : '—'}</td><td>{a.weapons.map((w) => w.number).join(', ')}{a.vehicle && ` · ${a.vehicle.plate}`}</td>
              <td><span className={`badge ${a.result === 'pass' ? 'status-open' : 'status-suspended'}`}>{t(`sez.result.${a.result}`)}</span> {a.reasons.map((r) => t(`sez.reason.${r.code}`, { defaultValue: r.code })).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('sez.weaponsInside')}</h2>
      {inside.data?.items.length === 0 && <p className="muted">{t('sez.noWeaponsInside')}</p>}
      <ul>{inside.data?.items.map((w) => <li key={w.weaponNo}>{w.weaponNo} · {w.certificateNo} · {formatTime(w.enteredAt, i18n.language, sez.timeZone)}</li>)}</ul>
    </section>
  );
}

/** A reason in the interface's words, from the values the server gives (older records: its English detail). */
function reasonText(r: SezAdmission['reasons'][number], t: (key: string, options?: Record<string, string>) => string): string {
  if (!r.params) return r.detail;
  const key = r.code === 'NOT_ON_LIST' && r.params.listMonth ? 'NOT_ON_LIST_OTHER' : r.code;
  return t(`sez.reasonText.${key}`, { ...r.params, ...(r.params.listStatus && { listStatus: t(`sez.status.${r.params.listStatus}`) }) });
}
