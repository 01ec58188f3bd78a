// Vehicles and cargo at control (Law Art. 19(8), 19(8-1), 23, 34): the Border Service registers a
// vehicle at a lane; customs and the other control bodies see the vehicles at their checkpoint and put
// their permission marks; examinations are recorded (jointly with customs where the law requires);
// customs' risk channel says which rules fired and why; the Border Service decides once every required
// mark, the e-queue booking (a road exit) and, on a red channel, an examination are there, and records
// that the vehicle left the checkpoint.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, ApiError, get } from '../api.ts';
import { formatTime } from '../dates.ts';
import { pick } from '../i18n.ts';
import { stateText } from '../problems.ts';
import { useSession } from '../session.tsx';
import type { List } from '../types.ts';
import { ErrorNote, Field, FormError, Loading } from '../ui.tsx';
import type { Reason } from './DecisionForm.tsx';
import { useRememberedCheckpoint, type Lane } from './station.ts';
import { citationIn } from '../../../src/contracts/citation.ts';

type Vehicle = {
  id: string; checkpointId: string; direction: 'entry' | 'exit'; transportMode: string; plate: string; plateCountry: string; vin: string | null; vehicleType: string;
  cargoDeclaration: string | null; cargoCategories: string[]; cargoDescription: string | null; equeueBooking: string | null;
  permissionMarks: Array<{ body: string; reference: string; at: string }>; requiredMarks: Array<{ body: string; basis: string; present: boolean }>;
  checks: Array<{ code: string; result: 'pass' | 'warn' | 'fail'; detail: string }>;
  risk: { channel: 'green' | 'yellow' | 'red'; fired: Array<{ rule: string; channel: string; why: string; names?: { kk: string; ru: string; en: string } }> };
  examinations: Array<{ kind: string; jointWithCustoms: boolean; result: string; findings: string | null; at: string }>;
  status: 'in_control' | 'examination' | 'decided' | 'completed'; decision: string | null; reasons: string[]; decisionNote: string | null; arrivedAt: string; decidedAt: string | null;
  occupants: Array<{ crossingId: string; surname: string | null; givenNames: string | null; role: string | null; status: string; decision: string | null }> | null;
};

const TYPES = ['car', 'bus', 'truck', 'tractor_trailer', 'van', 'motorcycle', 'special', 'wagon', 'vessel', 'aircraft'];
const CARGO = ['general', 'food', 'animals', 'animal_products', 'plants', 'excise', 'dual_use', 'weapons', 'radioactive', 'hazardous', 'empty'];
const BODIES = ['customs', 'transport', 'sanitary', 'veterinary', 'phytosanitary'];
const EXAMS = ['examination', 'special_examination', 'inspection', 'radiation'];

export function VehiclesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  // the checkpoint remembered on the device, as the booth's station is (the booth's choice at first)
  const { checkpoints, checkpointId, setCheckpointId } = useRememberedCheckpoint('vehicles.checkpoint', { alsoKey: 'booth.checkpoint', orFirst: true });
  const [selected, setSelected] = useState<string | null>(null);
  const atControl = useQuery({
    queryKey: ['vehicles', checkpointId], enabled: Boolean(checkpointId), refetchInterval: 10_000,
    queryFn: () => get<List<Vehicle>>(`/api/v1/vehicle-crossings?checkpointId=${checkpointId}&status=in_control&status=examination&status=decided&occupants=true&limit=100`),
  });
  const vehicle = atControl.data?.items.find((v) => v.id === selected) ?? null;
  return (
    <div className="page vehicles">
      <h1>{t('vehicles.title')}</h1>
      <div className="row">
        <Field label={t('booth.checkpoint')}>
          <select name="checkpoint" value={checkpointId} onChange={(e) => { setCheckpointId(e.target.value); setSelected(null); }}>
            {checkpoints.map((c) => <option key={c.id} value={c.id}>{pick(c.names, i18n.language)}</option>)}
          </select>
        </Field>
      </div>
      {can('crossing.record') && checkpointId && <RegisterVehicle checkpointId={checkpointId} onRegistered={setSelected} />}
      <section className="panel" aria-label={t('vehicles.atControl')}>
        <h2>{t('vehicles.atControl')}</h2>
        <ErrorNote error={atControl.error} />
        {atControl.isLoading && <Loading />}
        {atControl.data?.items.length === 0 && <p className="muted">{t('vehicles.none')}</p>}
        {atControl.data && atControl.data.items.length > 0 && (
          <table className="data">
            <thead><tr><th>{t('vehicles.plate')}</th><th>{t('vehicles.type')}</th><th>{t('booth.direction')}</th><th>{t('vehicles.channel')}</th><th>{t('vehicles.marks')}</th><th>{t('problem.path.status')}</th><th>{t('queue.arrived')}</th></tr></thead>
            <tbody>{atControl.data.items.map((v) => (
              <tr key={v.id} className={v.id === selected ? 'selected' : ''}>
                <td><button type="button" className="link" onClick={() => setSelected(v.id)}>{v.plate}</button> <span className="muted">{v.plateCountry}</span></td>
                <td>{t(`vehicles.type.${v.vehicleType}`)}</td>
                <td>{t(`booth.dir.${v.direction}`)}</td>
                <td><span className={`badge channel-${v.risk.channel}`}>{t(`vehicles.channel.${v.risk.channel}`)}</span></td>
                <td>{v.requiredMarks.filter((m) => m.present).length} / {v.requiredMarks.length}</td>
                <td>{t(`vehicles.status.${v.status}`)}{v.decision && `: ${t(`vehicles.decision.${v.decision}`)}`}</td>
                <td>{formatTime(v.arrivedAt, i18n.language)}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </section>
      {vehicle && <VehicleDetail key={vehicle.id} vehicle={vehicle} />}
    </div>
  );
}

function RegisterVehicle({ checkpointId, onRegistered }: { checkpointId: string; onRegistered: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lanes = useQuery({ queryKey: ['lanes', checkpointId], queryFn: () => get<List<Lane>>(`/api/v1/checkpoints/${checkpointId}/lanes`) });
  const usable = (lanes.data?.items ?? []).filter((l) => l.active && l.transportMode !== 'pedestrian');
  const empty = { laneId: '', direction: 'entry', plate: '', plateCountry: 'KAZ', vehicleType: 'truck', vin: '', cargoDeclaration: '', cargoDescription: '', equeueBooking: '' };
  const [form, setForm] = useState(empty);
  const [cargo, setCargo] = useState<string[]>([]);
  const lane = usable.find((l) => l.id === form.laneId) ?? usable[0];
  const direction = lane && lane.direction !== 'both' ? lane.direction : form.direction;
  const register = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Vehicle>('POST', '/api/v1/vehicle-crossings', body),
    onSuccess: (v) => {
      setForm({ ...empty, laneId: form.laneId });
      setCargo([]);
      void queryClient.invalidateQueries({ queryKey: ['vehicles', checkpointId] });
      onRegistered(v.id);
    },
  });
  const err = register.error instanceof ApiError ? register.error : null;
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const optional = (k: 'vin' | 'cargoDeclaration' | 'cargoDescription' | 'equeueBooking') => (form[k].trim() ? { [k]: form[k].trim() } : {});
    register.mutate({
      checkpointId, ...(lane && { laneId: lane.id }), direction, transportMode: lane?.transportMode ?? 'road', plate: form.plate, plateCountry: form.plateCountry.trim().toUpperCase(),
      vehicleType: form.vehicleType, cargoCategories: cargo, ...optional('vin'), ...optional('cargoDeclaration'), ...optional('cargoDescription'), ...optional('equeueBooking'),
    });
  };
  return (
    <form className="panel" aria-label={t('vehicles.register')} onSubmit={submit}>
      <h2>{t('vehicles.register')}</h2>
      <div className="row">
        <Field label={t('booth.lane')} error={err?.fieldError('laneId')}>
          <select name="laneId" value={lane?.id ?? ''} onChange={set('laneId')}>{usable.map((l) => <option key={l.id} value={l.id}>{l.code} · {t(`booth.mode.${l.transportMode}`)} · {t(`booth.dir.${l.direction}`)}</option>)}</select>
        </Field>
        {lane?.direction === 'both' && (
          <Field label={t('booth.direction')}><select name="direction" value={form.direction} onChange={set('direction')}><option value="entry">{t('booth.dir.entry')}</option><option value="exit">{t('booth.dir.exit')}</option></select></Field>
        )}
        <Field label={t('vehicles.plate')} error={err?.fieldError('plate')}><input name="plate" value={form.plate} onChange={set('plate')} required autoComplete="off" /></Field>
        <Field label={t('vehicles.plateCountry')} error={err?.fieldError('plateCountry')}><input name="plateCountry" value={form.plateCountry} onChange={set('plateCountry')} maxLength={3} /></Field>
        <Field label={t('vehicles.type')} error={err?.fieldError('vehicleType')}>
          <select name="vehicleType" value={form.vehicleType} onChange={set('vehicleType')}>{TYPES.map((v) => <option key={v} value={v}>{t(`vehicles.type.${v}`)}</option>)}</select>
        </Field>
        <Field label={t('vehicles.vin')} error={err?.fieldError('vin')}><input name="vin" value={form.vin} onChange={set('vin')} maxLength={17} autoComplete="off" /></Field>
      </div>
      <div className="row">
        <Field label={t('vehicles.cargoDeclaration')} error={err?.fieldError('cargoDeclaration')}><input name="cargoDeclaration" value={form.cargoDeclaration} onChange={set('cargoDeclaration')} /></Field>
        <Field label={t('vehicles.cargoDescription')} error={err?.fieldError('cargoDescription')}><input name="cargoDescription" value={form.cargoDescription} onChange={set('cargoDescription')} /></Field>
        {lane?.transportMode === 'road' && direction === 'exit' && (
          <Field label={t('vehicles.equeue')} error={err?.fieldError('equeueBooking')}><input name="equeueBooking" value={form.equeueBooking} onChange={set('equeueBooking')} autoComplete="off" /></Field>
        )}
      </div>
      <fieldset className="cargo">
        <legend>{t('vehicles.cargoCategories')}</legend>
        {CARGO.map((c) => (
          <label key={c} className="check-option"><input type="checkbox" name="cargo" value={c} checked={cargo.includes(c)} onChange={(e) => setCargo(e.target.checked ? [...cargo, c] : cargo.filter((x) => x !== c))} /> {t(`vehicles.cargo.${c}`)}</label>
        ))}
      </fieldset>
      <FormError error={register.error} />
      <button type="submit" className="primary" disabled={register.isPending}>{t('vehicles.register')}</button>
    </form>
  );
}

function VehicleDetail({ vehicle: v }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries({ queryKey: ['vehicles', v.checkpointId] });
  const open = v.status === 'in_control' || v.status === 'examination';
  // a check in the reader's words: the missing bodies named, the booking shown
  const checkText = (c: Vehicle['checks'][number]) => {
    if (c.code === 'permission_marks' && c.result === 'fail') return t('vehicles.detail.marksMissing', { bodies: v.requiredMarks.filter((m) => !m.present).map((m) => t(`vehicles.body.${m.body}`)).join(', ') });
    return t(`vehicles.detail.${c.code}.${c.result}`, { booking: v.equeueBooking, defaultValue: c.detail });
  };
  return (
    <section className="panel vehicle" aria-label={`${v.plate} ${v.plateCountry}`}>
      <h2>{v.plate} <span className="muted">{v.plateCountry}</span> · {t(`vehicles.type.${v.vehicleType}`)} · {t(`booth.dir.${v.direction}`)}</h2>
      <p className="small">
        {v.vin && <>{t('vehicles.vin')} {v.vin} · </>}
        {v.cargoDeclaration && <>{t('vehicles.cargoDeclaration')} {v.cargoDeclaration} · </>}
        {t('vehicles.cargoCategories')}: {v.cargoCategories.map((c) => t(`vehicles.cargo.${c}`)).join(', ') || '—'}
        {v.cargoDescription && <> · {v.cargoDescription}</>}
        {v.equeueBooking && <> · {t('vehicles.equeue')} {v.equeueBooking}</>}
      </p>
      <div className="result">
        <ul className="plain checks">
          {v.checks.map((c) => <li key={c.code} className={`check c-${c.result}`}><span className="mark">{c.result === 'pass' ? '✓' : c.result === 'warn' ? '!' : '✗'}</span> <strong>{t(`booth.check.${c.code}`)}</strong> <span className="muted small" title={c.detail}>{checkText(c)}</span></li>)}
        </ul>
      </div>
      {v.occupants && (
        <>
          <h3>{t('vehicles.occupants')}</h3>
          {v.occupants.length === 0 ? <p className="muted small">{t('vehicles.noOccupants')}</p> : (
            <ul className="plain occupants">{v.occupants.map((o) => (
              <li key={o.crossingId}><Link href={`/crossings/${o.crossingId}`}>{o.surname} {o.givenNames}</Link>{o.role && ` · ${t(`booth.roleOf.${o.role}`)}`} · {o.decision ? t(`booth.decision.${o.decision}`) : stateText(t, o.status)}</li>
            ))}</ul>
          )}
        </>
      )}
      <h3>{t('vehicles.channel')}: <span className={`badge channel-${v.risk.channel}`}>{t(`vehicles.channel.${v.risk.channel}`)}</span></h3>
      {v.risk.fired.length ? <ul className="fired">{v.risk.fired.map((f) => <li key={f.rule}><span className={`badge channel-${f.channel}`}>{f.rule}</span> {f.names ? pick(f.names, i18n.language) : f.why}</li>)}</ul> : <p className="muted small">{t('vehicles.noRule')}</p>}
      <h3>{t('vehicles.marks')}</h3>
      {v.requiredMarks.length === 0 && <p className="muted small">{t('vehicles.noneRequired')}</p>}
      <table className="data marks">
        <tbody>{v.requiredMarks.map((m) => {
          const mark = v.permissionMarks.find((p) => p.body === m.body);
          return <tr key={m.body}><th>{t(`vehicles.body.${m.body}`)}</th><td className="small muted">{citationIn(m.basis, i18n.language)}</td><td>{mark ? <>✓ {mark.reference} · {formatTime(mark.at, i18n.language)}</> : <strong className="missing">✗ {t('vehicles.missing')}</strong>}</td></tr>;
        })}</tbody>
      </table>
      {open && can('vehicle.mark') && <MarkForm key={v.permissionMarks.map((m) => m.body).join()} vehicle={v} onDone={done} />}
      <h3>{t('vehicles.examinations')}</h3>
      {v.examinations.length === 0 ? <p className="muted small">{t('vehicles.noExaminations')}</p> : (
        <ul className="timeline">{v.examinations.map((e, i) => <li key={i}>{formatTime(e.at, i18n.language)} · {t(`vehicles.exam.${e.kind}`)}{e.jointWithCustoms && ` (${t('vehicles.exam.joint')})`} · {t(`vehicles.exam.${e.result}`)}{e.findings && `: ${e.findings}`}</li>)}</ul>
      )}
      {open && (can('crossing.record') || can('vehicle.mark')) && <ExaminationForm vehicle={v} onDone={done} />}
      {can('crossing.record') && <VehicleDecision vehicle={v} onDone={done} />}
    </section>
  );
}

function MarkForm({ vehicle: v, onDone }: { vehicle: Vehicle; onDone: () => void }) {
  const { t } = useTranslation();
  // the bodies still missing first
  const bodies = [...v.requiredMarks.filter((m) => !m.present).map((m) => m.body), ...BODIES.filter((b) => !v.requiredMarks.some((m) => m.body === b && !m.present))];
  const [body, setBody] = useState(bodies[0] ?? 'customs');
  const [reference, setReference] = useState('');
  const mark = useMutation({ mutationFn: () => api<Vehicle>('POST', `/api/v1/vehicle-crossings/${v.id}/marks`, { body, reference }), onSuccess: () => { setReference(''); onDone(); } });
  const err = mark.error instanceof ApiError ? mark.error : null;
  return (
    <form className="row inline-form" aria-label={t('vehicles.putMark')} onSubmit={(e) => { e.preventDefault(); mark.mutate(); }}>
      <Field label={t('vehicles.markBody')}><select name="body" value={body} onChange={(e) => setBody(e.target.value)}>{bodies.map((b) => <option key={b} value={b}>{t(`vehicles.body.${b}`)}</option>)}</select></Field>
      <Field label={t('vehicles.reference')} error={err?.fieldError('reference')}><input name="reference" value={reference} onChange={(e) => setReference(e.target.value)} required autoComplete="off" /></Field>
      <button type="submit" className="primary" disabled={mark.isPending}>{t('vehicles.putMark')}</button>
      <FormError error={mark.error} />
    </form>
  );
}

function ExaminationForm({ vehicle: v, onDone }: { vehicle: Vehicle; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('examination');
  const [joint, setJoint] = useState(v.risk.channel === 'red');
  const [result, setResult] = useState('nothing_found');
  const [findings, setFindings] = useState('');
  const examine = useMutation({
    mutationFn: () => api<Vehicle>('POST', `/api/v1/vehicle-crossings/${v.id}/examinations`, { kind, jointWithCustoms: joint, result, ...(findings.trim() && { findings: findings.trim() }) }),
    onSuccess: () => { setFindings(''); onDone(); },
  });
  const err = examine.error instanceof ApiError ? examine.error : null;
  return (
    <form className="row inline-form" aria-label={t('vehicles.exam.record')} onSubmit={(e) => { e.preventDefault(); examine.mutate(); }}>
      <Field label={t('vehicles.exam.kind')}><select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>{EXAMS.map((k) => <option key={k} value={k}>{t(`vehicles.exam.${k}`)}</option>)}</select></Field>
      <label className="check-option"><input type="checkbox" name="joint" checked={joint} onChange={(e) => setJoint(e.target.checked)} /> {t('vehicles.exam.joint')}</label>
      <Field label={t('vehicles.exam.result')}>
        <select name="result" value={result} onChange={(e) => setResult(e.target.value)}><option value="nothing_found">{t('vehicles.exam.nothing_found')}</option><option value="findings">{t('vehicles.exam.findings')}</option></select>
      </Field>
      {result === 'findings' && <Field label={t('vehicles.exam.findingsText')} error={err?.fieldError('findings')}><input name="findings" value={findings} onChange={(e) => setFindings(e.target.value)} /></Field>}
      <button type="submit" disabled={examine.isPending}>{t('vehicles.exam.record')}</button>
      <FormError error={examine.error} />
    </form>
  );
}

function VehicleDecision({ vehicle: v, onDone }: { vehicle: Vehicle; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const reasons = useQuery({ queryKey: ['refusal-reasons'], queryFn: () => get<{ reasons: Reason[] }>('/api/v1/refusal-reasons') });
  const [pending, setPending] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Vehicle>('POST', `/api/v1/vehicle-crossings/${v.id}/decision`, body),
    onSuccess: () => { setPending(null); onDone(); },
  });
  const leave = useMutation({ mutationFn: () => api<Vehicle>('POST', `/api/v1/vehicle-crossings/${v.id}/leave`), onSuccess: onDone });
  const err = decide.error instanceof ApiError ? decide.error : null;
  if (v.status === 'decided') {
    return (
      <div className="note outcome" role="status">
        <strong>{t(`vehicles.decision.${v.decision}`)}</strong>{v.decidedAt && ` · ${new Date(v.decidedAt).toLocaleTimeString(i18n.language)}`}{v.reasons.length > 0 && ` · ${v.reasons.join(', ')}`}
        {v.decision !== 'detain' && <button type="button" className="primary" onClick={() => leave.mutate()} disabled={leave.isPending}>{t('vehicles.left')}</button>}
        <ErrorNote error={leave.error} />
      </div>
    );
  }
  const applicable = (reasons.data?.reasons ?? []).filter((r) => r.directions.includes(v.direction));
  const choose = (decision: string) => (decision === 'pass' ? decide.mutate({ decision }) : setPending(decision));
  return (
    <div className="decisions-panel" role="group" aria-label={t('vehicles.decide')}>
      <h3>{t('vehicles.decide')}</h3>
      <div className="row">
        {['pass', 'refuse', 'detain'].map((d) => <button key={d} type="button" className={`decision d-${d}`} onClick={() => choose(d)} disabled={decide.isPending}>{t(`vehicles.decision.${d}`)}</button>)}
      </div>
      {pending && (
        <form aria-label={t(`vehicles.decision.${pending}`)} onSubmit={(e) => { e.preventDefault(); decide.mutate({ decision: pending, ...(pending === 'refuse' && { reasons: chosen }), ...(note.trim() && { note: note.trim() }) }); }}>
          {pending === 'refuse' && (
            <fieldset><legend>{t('booth.reasons')}</legend>
              {applicable.map((r) => <label key={r.code} className="check-option"><input type="checkbox" checked={chosen.includes(r.code)} onChange={(e) => setChosen(e.target.checked ? [...chosen, r.code] : chosen.filter((c) => c !== r.code))} /> {pick(r.names, i18n.language)}</label>)}
              {err?.fieldError('reasons') && <small className="field-error">{err.fieldError('reasons')}</small>}
            </fieldset>
          )}
          <Field label={pending === 'detain' ? t('booth.note') : t('booth.noteOptional')} error={err?.fieldError('note')}><textarea name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} /></Field>
          <button type="submit" className="primary" disabled={decide.isPending}>{t('booth.confirm')}</button> <button type="button" onClick={() => setPending(null)}>{t('common.cancel')}</button>
        </form>
      )}
      <FormError error={decide.error} />
    </div>
  );
}
