import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import type { List, SezList, SezListSummary, SezParty } from '../types.ts';
import { ErrorNote, Field, FormError, Loading } from '../ui.tsx';
import { formatTime } from '../dates.ts';
import { pick } from '../i18n.ts';

type Line = { surname: string; givenName: string; patronymic: string; certificateNo: string; weaponNo: string; equipment: string };
type Vehicle = { plate: string; kind: string; model: string };
const emptyLine = (): Line => ({ surname: '', givenName: '', patronymic: '', certificateNo: '', weaponNo: '', equipment: '' });
const nextMonth = () => { const d = new Date(); d.setUTCDate(1); d.setUTCMonth(d.getUTCMonth() + 1); return d.toISOString().slice(0, 7); };

/** The lists of an SEZ the user sees, the chosen one in full, and the form for a new list. */
export function SezLists({ sez }: { sez: SezParty }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  const lists = useQuery({ queryKey: ['sez', 'lists', sez.id], queryFn: () => get<List<SezListSummary>>(`/api/v1/sez/lists?sezId=${sez.id}`) });
  const police = sez.myRoles.includes('police_body');
  return (
    <section>
      {police && !drafting && <button type="button" className="primary" onClick={() => { setDrafting(true); setOpen(null); }}>{t('sez.newList')}</button>}
      {drafting && <ListForm sez={sez} onDone={(id) => { setDrafting(false); if (id) setOpen(id); }} />}
      <ErrorNote error={lists.error} />
      {lists.isLoading && <Loading />}
      {lists.data?.items.length === 0 && <p className="muted">{t('sez.noLists')}</p>}
      {!!lists.data?.items.length && (
        <table className="data">
          <thead><tr><th>{t('sez.month')}</th><th>{t('sez.kind')}</th><th>{t('sez.version')}</th><th>{t('sez.status')}</th><th>{t('sez.policeBody')}</th><th>{t('sez.officers')}</th><th>{t('sez.weapons')}</th><th /></tr></thead>
          <tbody>
            {lists.data.items.map((l) => (
              <tr key={l.id} className={open === l.id ? 'selected' : ''}>
                <td>{l.month}</td><td>{t(`sez.kind.${l.kind}`)}</td><td>v{l.version}</td>
                <td><span className={`badge sez-${l.status}`}>{t(`sez.status.${l.status}`)}</span>{l.next.length > 0 && <span className="badge status-restricted">{t('sez.yourTurn')}</span>}</td>
                <td>{pick(l.policeUnit.names, i18n.language)}</td><td>{l.officerCount}</td><td>{l.weaponCount}</td>
                <td><button type="button" className="link" onClick={() => { setOpen(l.id); setDrafting(false); }}>{t('sez.open')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <ListDetail id={open} sez={sez} onOpen={setOpen} />}
    </section>
  );
}

function ListDetail({ id, sez, onOpen }: { id: string; sez: SezParty; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['sez', 'list', id], queryFn: () => get<SezList>(`/api/v1/sez/lists/${id}`) });
  const [reason, setReason] = useState('');
  const [amending, setAmending] = useState(false);
  const step = useMutation({
    mutationFn: (action: string) => api<SezList>('POST', `/api/v1/sez/lists/${id}/${action}`, action === 'return' ? { reason } : {}),
    onSuccess: (data) => { queryClient.setQueryData(['sez', 'list', id], data); void queryClient.invalidateQueries({ queryKey: ['sez'] }); setReason(''); },
  });
  if (list.isLoading) return <Loading />;
  if (!list.data) return <ErrorNote error={list.error} />;
  const l = list.data;
  return (
    <article className="panel" aria-label={t('sez.list')}>
      <h2>{t(`sez.kind.${l.kind}`)} · {l.month} · v{l.version} <span className={`badge sez-${l.status}`}>{t(`sez.status.${l.status}`)}</span></h2>
      <p>
        <a href={`/api/v1/sez/lists/${l.id}/form.pdf?lang=kk`} target="_blank" rel="noreferrer">{t('sez.pdf')} (қаз.)</a>{' · '}
        <a href={`/api/v1/sez/lists/${l.id}/form.pdf?lang=ru`} target="_blank" rel="noreferrer">{t('sez.pdf')} (рус.)</a>
        {l.versions.length > 1 && <> · {t('sez.versions')}: {l.versions.map((v) => <button key={v.id} type="button" className="link" onClick={() => onOpen(v.id)}>v{v.version} ({t(`sez.status.${v.status}`)})</button>)}</>}
      </p>
      {l.changeReason && <p>{t('sez.changeReason')}: {l.changeReason}</p>}
      {l.offence && <p>{t('sez.offence')}: № {l.offence.registrationNo} · {l.offence.place} · {l.offence.summary}</p>}
      {l.emergencyOrder && <p>{t('sez.order')}: № {l.emergencyOrder.orderNo} {l.emergencyOrder.orderDate} · {l.emergencyOrder.emergency} · {l.emergencyOrder.purpose}</p>}
      {l.permitNo && <p>{t('sez.permitNo')}: {l.permitNo}</p>}
      <table className="data">
        <thead><tr><th>№</th><th>{t('sez.fullName')}</th><th>{t('sez.certificate')}</th><th>{t('sez.weaponNo')}</th></tr></thead>
        <tbody>{l.officers.map((o) => <tr key={o.lineNo}><td>{o.lineNo}</td><td>{[o.surname, o.givenName, o.patronymic].filter(Boolean).join(' ')}</td><td>{o.certificateNo}</td><td>{[o.weaponNo, ...(o.equipment?.weapons ?? [])].filter(Boolean).join(', ')}{o.equipment && <div className="muted small">{[...o.equipment.protection, ...o.equipment.activeDefence].join(', ')}</div>}</td></tr>)}</tbody>
      </table>
      {l.vehicles.length > 0 && <p>{t('sez.vehicles')}: {l.vehicles.map((v) => `${v.plate} (${v.kind}${v.model ? `, ${v.model}` : ''})`).join('; ')}</p>}
      <h3>{t('sez.chain')}</h3>
      <ol className="timeline">
        {l.steps.map((s, i) => <li key={i}><strong>{t(`sez.step.${s.step}`)}</strong> {formatTime(s.at, i18n.language, sez.timeZone)} · {s.signer.acting && `${t('sez.acting')} `}{s.signer.position} {s.signer.name} · {pick(s.signer.unitName, i18n.language)}{s.note && <div>{s.note}</div>}</li>)}
        {l.steps.length === 0 && <li className="muted">{t('sez.notSigned')}</li>}
      </ol>
      {l.obligations.length > 0 && (
        <>
          <h3>{t('sez.clocks')}</h3>
          <ul className="timeline">
            {l.obligations.map((o) => <li key={o.key}><strong>{t(`obligation.${o.kind}`)}</strong> · {t('sez.dueBy')} {formatTime(o.dueAt, i18n.language, sez.timeZone)} · <span className={`badge ob-${o.state}`}>{t(`obligation.state.${o.state}`)}</span>{o.outcome && <> · {t(`sez.outcome.${o.outcome}`)}</>}<div className="muted small">{o.rule}</div></li>)}
          </ul>
        </>
      )}
      <div className="row">
        {l.next.filter((a) => a !== 'edit' && a !== 'new_version' && a !== 'return').map((a) => (
          <button key={a} type="button" className="primary" disabled={step.isPending} onClick={() => step.mutate(a)}>{t(`sez.action.${a}`)}</button>
        ))}
        {l.next.includes('new_version') && <button type="button" onClick={() => setAmending(true)}>{t('sez.action.new_version')}</button>}
      </div>
      {l.next.includes('return') && (
        <div className="row">
          <Field label={t('sez.returnReason')}><input value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
          <button type="button" disabled={!reason.trim() || step.isPending} onClick={() => step.mutate('return')}>{t('sez.action.return')}</button>
        </div>
      )}
      <FormError error={step.error} />
      {amending && <ListForm sez={sez} base={l} onDone={(newId) => { setAmending(false); if (newId) onOpen(newId); }} />}
    </article>
  );
}

/** A new list, or a new version of `base` (correction after return, or amendment). */
function ListForm({ sez, base, onDone }: { sez: SezParty; base?: SezList; onDone: (id: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'monthly' | 'oig' | 'emergency' | 'inspectors'>(base?.kind ?? 'monthly');
  const [month, setMonth] = useState(base?.month ?? nextMonth());
  const [permitNo, setPermitNo] = useState(base?.permitNo ?? '');
  const [reason, setReason] = useState('');
  const [lines, setLines] = useState<Line[]>(base ? base.officers.map((o) => ({ surname: o.surname, givenName: o.givenName, patronymic: o.patronymic ?? '', certificateNo: o.certificateNo, weaponNo: o.weaponNo ?? '', equipment: o.equipment ? [...o.equipment.protection].join(', ') : '' })) : [emptyLine()]);
  const [vehicles, setVehicles] = useState<Vehicle[]>(base ? base.vehicles.map((v) => ({ plate: v.plate, kind: v.kind, model: v.model ?? '' })) : []);
  const [offence, setOffence] = useState({ registrationNo: '', committedAt: '', place: '', summary: '' });
  const [order, setOrder] = useState({ orderNo: '', orderDate: '', emergency: '', place: '' });
  const set = (i: number, k: keyof Line, v: string) => setLines(lines.map((l, j) => (j === i ? { ...l, [k]: v } : l)));
  const content = () => ({
    officers: lines.map((l) => ({
      surname: l.surname, givenName: l.givenName, ...(l.patronymic && { patronymic: l.patronymic }), certificateNo: l.certificateNo,
      ...(kind !== 'emergency' && l.weaponNo && { weaponNo: l.weaponNo }),
      ...(kind === 'emergency' && { equipment: { weapons: l.weaponNo ? l.weaponNo.split(',').map((w) => w.trim()).filter(Boolean) : [], protection: l.equipment.split(',').map((w) => w.trim()).filter(Boolean), activeDefence: [] } }),
    })),
    vehicles: vehicles.filter((v) => v.plate.trim()).map((v) => ({ plate: v.plate, kind: v.kind, ...(v.model && { model: v.model }) })),
    ...(permitNo && { permitNo }),
  });
  const save = useMutation({
    mutationFn: () => base
      ? api<SezList>('POST', `/api/v1/sez/lists/${base.id}/versions`, { reason, ...content() })
      : api<SezList>('POST', '/api/v1/sez/lists', {
        sezId: sez.id, kind, ...((kind === 'monthly' || kind === 'inspectors') && { month }), ...content(),
        ...(kind === 'oig' && { offence: { ...offence, committedAt: offence.committedAt ? new Date(offence.committedAt).toISOString() : '' } }),
        ...(kind === 'emergency' && { emergencyOrder: order }),
      }),
    onSuccess: (data) => { void queryClient.invalidateQueries({ queryKey: ['sez'] }); onDone(data.id); },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const fe = (path: string) => err?.fieldError(path);
  function submit(event: FormEvent) { event.preventDefault(); save.mutate(); }
  return (
    <form className="panel" onSubmit={submit} aria-label={base ? t('sez.action.new_version') : t('sez.newList')}>
      <h2>{base ? t('sez.newVersionOf', { version: base.version }) : t('sez.newList')}</h2>
      <div className="row">
        {!base && (
          <Field label={t('sez.kind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {(['monthly', 'oig', 'emergency', ...(sez.rules?.inspectorListsRequired ? ['inspectors'] as const : [])] as const).map((k) => <option key={k} value={k}>{t(`sez.kind.${k}`)}</option>)}
            </select>
          </Field>
        )}
        {!base && (kind === 'monthly' || kind === 'inspectors') && <Field label={t('sez.month')} error={fe('month')}><input type="month" value={month} onChange={(e) => setMonth(e.target.value)} /></Field>}
        {kind === 'monthly' && <Field label={t('sez.permitNo')} error={fe('permitNo')}><input value={permitNo} onChange={(e) => setPermitNo(e.target.value)} /></Field>}
        {base && <Field label={t('sez.changeReason')} error={fe('reason')}><input value={reason} onChange={(e) => setReason(e.target.value)} required /></Field>}
      </div>
      {kind === 'oig' && !base && (
        <fieldset className="scope"><legend>{t('sez.offence')}</legend>
          <div className="row">
            <Field label={t('sez.offenceNo')} error={fe('offence.registrationNo')}><input value={offence.registrationNo} onChange={(e) => setOffence({ ...offence, registrationNo: e.target.value })} /></Field>
            <Field label={t('sez.committedAt')} error={fe('offence.committedAt')}><input type="datetime-local" value={offence.committedAt} onChange={(e) => setOffence({ ...offence, committedAt: e.target.value })} /></Field>
            <Field label={t('sez.place')} error={fe('offence.place')}><input value={offence.place} onChange={(e) => setOffence({ ...offence, place: e.target.value })} /></Field>
          </div>
          <Field label={t('sez.summary')} error={fe('offence.summary')}><input value={offence.summary} onChange={(e) => setOffence({ ...offence, summary: e.target.value })} /></Field>
        </fieldset>
      )}
      {kind === 'emergency' && !base && (
        <fieldset className="scope"><legend>{t('sez.order')}</legend>
          <div className="row">
            <Field label={t('sez.orderNo')} error={fe('emergencyOrder.orderNo')}><input value={order.orderNo} onChange={(e) => setOrder({ ...order, orderNo: e.target.value })} /></Field>
            <Field label={t('sez.orderDate')} error={fe('emergencyOrder.orderDate')}><input type="date" value={order.orderDate} onChange={(e) => setOrder({ ...order, orderDate: e.target.value })} /></Field>
            <Field label={t('sez.place')} error={fe('emergencyOrder.place')}><input value={order.place} onChange={(e) => setOrder({ ...order, place: e.target.value })} /></Field>
          </div>
          <Field label={t('sez.emergency')} error={fe('emergencyOrder.emergency')}><input value={order.emergency} onChange={(e) => setOrder({ ...order, emergency: e.target.value })} /></Field>
        </fieldset>
      )}
      <table className="data form-table">
        <thead><tr><th>№</th><th>{t('sez.surname')}</th><th>{t('sez.givenName')}</th><th>{t('sez.patronymic')}</th><th>{t('sez.certificate')}</th><th>{kind === 'emergency' ? t('sez.weaponsList') : t('sez.weaponNo')}</th>{kind === 'emergency' && <th>{t('sez.protection')}</th>}<th /></tr></thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {(['surname', 'givenName', 'patronymic', 'certificateNo', 'weaponNo', ...(kind === 'emergency' ? ['equipment'] as const : [])] as const).map((k) => (
                <td key={k}><input aria-label={`${t(`sez.col.${k}`)} ${i + 1}`} value={l[k]} onChange={(e) => set(i, k, e.target.value)} />{fe(`officers.${i}.${k === 'equipment' ? 'equipment' : k}`) && <small className="field-error">{fe(`officers.${i}.${k}`)}</small>}</td>
              ))}
              <td>{lines.length > 1 && <button type="button" className="link" onClick={() => setLines(lines.filter((_, j) => j !== i))}>{t('sez.remove')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setLines([...lines, emptyLine()])}>{t('sez.addOfficer')}</button>
      <h3>{t('sez.vehicles')}</h3>
      {vehicles.map((v, i) => (
        <div className="row" key={i}>
          <Field label={t('sez.plate')} error={fe(`vehicles.${i}.plate`)}><input value={v.plate} onChange={(e) => setVehicles(vehicles.map((x, j) => (j === i ? { ...x, plate: e.target.value } : x)))} /></Field>
          <Field label={t('sez.vehicleKind')}><input value={v.kind} onChange={(e) => setVehicles(vehicles.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)))} /></Field>
          <Field label={t('sez.model')}><input value={v.model} onChange={(e) => setVehicles(vehicles.map((x, j) => (j === i ? { ...x, model: e.target.value } : x)))} /></Field>
        </div>
      ))}
      <button type="button" onClick={() => setVehicles([...vehicles, { plate: '', kind: '', model: '' }])}>{t('sez.addVehicle')}</button>
      <FormError error={save.error} />
      <div className="row">
        <button className="primary" type="submit" disabled={save.isPending}>{t('sez.saveDraft')}</button>
        <button type="button" onClick={() => onDone(null)}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
