// The booth console: keyboard first. A document scanner types the MRZ into the focused field; the checks
// and hits appear at once; digit keys decide; Esc starts the next traveller.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get, newUuid } from '../api.ts';
import { pick } from '../i18n.ts';
import type { Crossing, List } from '../types.ts';
import { CrossingCard } from './CrossingCard.tsx';
import { DecisionForm, type Reason } from './DecisionForm.tsx';
import { CATEGORIES, PURPOSES, ROLES, useRememberedCheckpoint, type Lane } from './station.ts';
import { Field } from '../ui.tsx';
import { BoothProblem, problemText } from './BoothProblem.tsx';


const KEYS: Record<string, string> = { '1': 'pass', '2': 'refuse', '3': 'secondary', '4': 'detain', '5': 'seize_document', '6': 'hold_identification' };
const KEY_OF = Object.fromEntries(Object.entries(KEYS).map(([k, v]) => [v, k]));
type VehicleAtControl = { id: string; plate: string; plateCountry: string; vehicleType: string; direction: string; transportMode: string };

/** An MRZ is complete when it has 2 lines of 44 or 36 characters, or 3 of 30. */
function complete(text: string): string[] | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const sizes = lines.map((l) => l.length);
  if (lines.length === 2 && sizes.every((n) => n === 44 || n === 36) && sizes[0] === sizes[1]) return lines;
  if (lines.length === 3 && sizes.every((n) => n === 30)) return lines;
  return null;
}

function useStation() {
  const { checkpoints, checkpointId, setCheckpointId } = useRememberedCheckpoint('booth.checkpoint');
  const [laneId, setLaneId] = useState<string>(() => localStorage.getItem('booth.lane') ?? '');
  const lanes = useQuery({ queryKey: ['lanes', checkpointId], queryFn: () => get<List<Lane>>(`/api/v1/checkpoints/${checkpointId}/lanes`), enabled: Boolean(checkpointId) });
  useEffect(() => {
    if (lanes.data && !lanes.data.items.some((l) => l.id === laneId)) setLaneId(lanes.data.items.find((l) => l.active)?.id ?? '');
  }, [lanes.data, laneId]);
  useEffect(() => {
    if (laneId) localStorage.setItem('booth.lane', laneId);
  }, [laneId]);
  const lane = lanes.data?.items.find((l) => l.id === laneId);
  const checkpoint = checkpoints.find((c) => c.id === checkpointId);
  return { checkpoints, checkpoint, checkpointId, setCheckpointId: (id: string) => { setCheckpointId(id); setLaneId(''); }, lanes: lanes.data?.items ?? [], lane, setLaneId };
}

export function BoothPage() {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const [direction, setDirection] = useState<'entry' | 'exit'>('entry');
  const [category, setCategory] = useState('');
  // the traveller's place: the vehicle at control they come in and their role in it (kept for the
  // vehicle's next occupant; after the driver, passengers), and the purpose of travel (asked each time)
  const [vehicleId, setVehicleId] = useState('');
  const [role, setRole] = useState('');
  const [purpose, setPurpose] = useState('');
  const [mrz, setMrz] = useState('');
  const [crossing, setCrossing] = useState<Crossing | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [manual, setManual] = useState(false);
  const mrzRef = useRef<HTMLTextAreaElement>(null);
  const decisionsRef = useRef<HTMLDivElement>(null);
  const laneDirection = station.lane?.direction;
  const effectiveDirection = laneDirection && laneDirection !== 'both' ? laneDirection : direction;
  const reasons = useQuery({ queryKey: ['refusal-reasons'], queryFn: () => get<{ reasons: Reason[] }>('/api/v1/refusal-reasons') });
  const pedestrian = station.lane?.transportMode === 'pedestrian';
  const vehicles = useQuery({
    queryKey: ['vehicles-for-booth', station.checkpointId], enabled: Boolean(station.checkpointId) && !pedestrian, refetchInterval: 15_000,
    queryFn: () => get<List<VehicleAtControl>>(`/api/v1/vehicle-crossings?checkpointId=${station.checkpointId}&status=in_control&status=examination&limit=100`),
  });
  const laneVehicles = (vehicles.data?.items ?? []).filter((v) => v.direction === effectiveDirection && (!station.lane || v.transportMode === station.lane.transportMode));
  const vehicle = laneVehicles.find((v) => v.id === vehicleId);

  const register = useMutation({
    mutationFn: (read: { mrz: string[] } | { document: Record<string, string>; person: Record<string, string> }) => api<Crossing>('POST', '/api/v1/crossings', {
      id: newUuid(), checkpointId: station.checkpointId, ...(station.lane && { laneId: station.lane.id }), direction: effectiveDirection,
      transportMode: station.lane?.transportMode ?? 'road', ...(category && { travellerCategory: category }), ...read,
      ...(pedestrian ? { vehicleRole: 'pedestrian' } : { ...(vehicle && { vehicleCrossingId: vehicle.id }), ...(role && { vehicleRole: role }) }),
      ...(purpose && { purpose }),
    }),
    onSuccess: (c) => {
      setCrossing(c);
      // the keys now decide: take the focus off the MRZ field
      setTimeout(() => decisionsRef.current?.focus(), 0);
    },
  });
  const purposeRef = useRef<HTMLSelectElement>(null);
  const decide = useMutation({
    // the purpose the traveller states at control, when the registration left it open, goes with the decision
    mutationFn: (body: { decision: string; reasons?: string[]; note?: string; returnToCountry?: string }) => api<Crossing>('POST', `/api/v1/crossings/${crossing!.id}/decision`, { ...body, ...(purpose && !crossing!.purpose && { purpose }) }),
    onSuccess: (c) => { setCrossing(c); setPending(null); },
  });

  // the purpose may be chosen before the scan or, when it was not, at control until the decision
  const purposeOpen = !crossing || (!crossing.purpose && (crossing.status === 'in_control' || crossing.status === 'secondary'));

  const next = useCallback(() => {
    // the vehicle's next occupant, after its driver, is a passenger
    if (crossing?.vehicleRole === 'driver') setRole('passenger');
    setCrossing(null);
    setPending(null);
    setMrz('');
    setManual(false);
    setPurpose('');
    register.reset();
    decide.reset();
    setTimeout(() => mrzRef.current?.focus(), 0);
  }, [register, decide, crossing]);

  const choose = useCallback((decision: string) => {
    if (!crossing || (crossing.status !== 'in_control' && crossing.status !== 'secondary')) return;
    if (decision === 'pass' && crossing.status === 'in_control') decide.mutate({ decision: 'pass' });
    else setPending(decision);
  }, [crossing, decide]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // a field being typed in keeps its keys; the MRZ field, disabled once control starts, does not, nor
      // does a list (the purpose chosen at control, then a digit decides)
      const field = e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement ? e.target : null;
      const typing = field !== null && !field.disabled;
      if (e.key === 'Escape') {
        e.preventDefault();
        if (pending) setPending(null);
        else if (crossing && crossing.status !== 'in_control' && crossing.status !== 'secondary') next();
        else if (!crossing) next();
        return;
      }
      if (typing || e.ctrlKey || e.altKey || e.metaKey) return;
      // P (in any keyboard layout): the purpose of travel, asked at control
      if (e.code === 'KeyP' && crossing && !pending && purposeOpen && !(e.target instanceof HTMLSelectElement)) {
        e.preventDefault();
        purposeRef.current?.focus();
        return;
      }
      if (KEYS[e.key] && !pending) {
        e.preventDefault();
        choose(KEYS[e.key]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choose, next, pending, crossing, purposeOpen]);

  const onMrz = (value: string) => {
    setMrz(value);
    const lines = complete(value);
    if (lines && !register.isPending && !crossing) register.mutate({ mrz: lines });
  };
  const decided = crossing && crossing.status !== 'in_control' && crossing.status !== 'secondary';
  const registerError = register.error instanceof ApiError ? register.error : null;

  return (
    <div className="page booth">
      <h1>{t('booth.title')}</h1>
      <div className="row station">
        <Field label={t('booth.checkpoint')}>
          <select name="checkpoint" value={station.checkpointId} onChange={(e) => station.setCheckpointId(e.target.value)}>
            <option value="">—</option>
            {station.checkpoints.map((c) => <option key={c.id} value={c.id}>{pick(c.names, i18n.language)}</option>)}
          </select>
        </Field>
        <Field label={t('booth.lane')}>
          <select name="lane" value={station.lane?.id ?? ''} onChange={(e) => station.setLaneId(e.target.value)}>
            {station.lanes.map((l) => <option key={l.id} value={l.id} disabled={!l.active}>{l.code} · {t(`booth.mode.${l.transportMode}`)} · {t(`booth.dir.${l.direction}`)}</option>)}
          </select>
        </Field>
        {laneDirection === 'both' && (
          <Field label={t('booth.direction')}>
            <select name="direction" value={direction} onChange={(e) => setDirection(e.target.value as 'entry' | 'exit')}><option value="entry">{t('booth.dir.entry')}</option><option value="exit">{t('booth.dir.exit')}</option></select>
          </Field>
        )}
        <Field label={t('booth.category')}>
          <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('booth.categoryAuto')}</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(`booth.cat.${c}`)}</option>)}
          </select>
        </Field>
      </div>
      <div className="row station">
        {!pedestrian && (
          <>
            <Field label={t('booth.vehicle')}>
              <select name="vehicle" value={vehicle?.id ?? ''} onChange={(e) => { setVehicleId(e.target.value); setRole(e.target.value ? 'driver' : ''); }} disabled={Boolean(crossing)}>
                <option value="">{t('booth.noVehicle')}</option>
                {laneVehicles.map((v) => <option key={v.id} value={v.id}>{v.plate} ({v.plateCountry}) · {t(`vehicles.type.${v.vehicleType}`)}</option>)}
              </select>
            </Field>
            <Field label={t('booth.role')}>
              <select name="role" value={role} onChange={(e) => setRole(e.target.value)} disabled={Boolean(crossing)}>
                <option value="">—</option>
                {ROLES.map((r) => <option key={r} value={r}>{t(`booth.roleOf.${r}`)}</option>)}
              </select>
            </Field>
          </>
        )}
        <Field label={t('crossings.field.purpose')}>
          <select ref={purposeRef} name="purpose" value={crossing?.purpose ?? purpose} onChange={(e) => setPurpose(e.target.value)} disabled={!purposeOpen} aria-keyshortcuts="P">
            <option value="">—</option>
            {PURPOSES.map((p) => <option key={p} value={p}>{t(`crossings.purpose.${p}`)}</option>)}
          </select>
        </Field>
      </div>
      <form className="panel scan" onSubmit={(e: FormEvent) => { e.preventDefault(); const lines = mrz.split(/\r?\n/).map((l) => l.trim()).filter(Boolean); if (lines.length >= 2) register.mutate({ mrz: lines }); }}>
        <Field label={t('booth.mrz')}>
          <textarea ref={mrzRef} name="mrz" className="mrz" rows={3} spellCheck={false} autoComplete="off" autoFocus value={mrz} disabled={Boolean(crossing)}
            onChange={(e) => onMrz(e.target.value.toUpperCase())}
            onKeyDown={(e) => { if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); e.currentTarget.form?.requestSubmit(); } }} />
        </Field>
        <p className="muted small">{t('booth.scanHint')} <button type="button" className="link" onClick={() => setManual(!manual)} disabled={Boolean(crossing)}>{t('booth.byHand')}</button></p>
        {register.isPending && <p aria-busy="true">{t('booth.checking')}</p>}
        {registerError && <BoothProblem error={registerError} />}
      </form>
      {manual && !crossing && <ManualEntry busy={register.isPending} onSubmit={(read) => register.mutate(read)} />}
      {crossing && <CrossingCard crossing={crossing} />}
      {crossing && !decided && !pending && (
        <div className="decisions" role="group" aria-label={t('booth.decide')} tabIndex={-1} ref={decisionsRef}>
          {(crossing.status === 'secondary' ? ['pass', 'refuse', 'seize_document', 'detain'] : ['pass', 'refuse', 'secondary', 'detain', 'seize_document', 'hold_identification']).map((d) => (
            <button key={d} type="button" className={`decision d-${d}${crossing.suggested.decision === d ? ' suggested' : ''}`} onClick={() => choose(d)} disabled={decide.isPending}>
              <kbd>{KEY_OF[d]}</kbd> {t(`booth.decision.${d}`)}
            </button>
          ))}
          {!crossing.purpose && <p className="muted small"><kbd>P</kbd> {t('booth.purposeKey')}</p>}
          {crossing.status === 'secondary' && <p className="muted small">{t('booth.secondaryHint')}</p>}
        </div>
      )}
      {pending && crossing && <DecisionForm crossing={crossing} decision={pending} arrivedFrom={station.checkpoint?.neighbourCountry ?? null} reasons={reasons.data?.reasons ?? []} onCancel={() => setPending(null)} onSubmit={(body) => decide.mutate({ decision: pending, ...body })} error={decide.error} busy={decide.isPending} />}
      {!pending && decide.error && <div className="note error" role="alert">{decide.error instanceof ApiError ? problemText(t, decide.error) : String(decide.error)}</div>}
      {decided && (
        <div className={`note outcome o-${crossing.decision}`} role="status">
          <strong>{t(`booth.done.${crossing.decision}`)}</strong>
          {crossing.decision === 'refuse' && (
            <span className="notice-links"> {t('booth.notice')}: {(['kk', 'ru', 'en'] as const).map((l) => <a key={l} href={`/api/v1/crossings/${crossing.id}/refusal-notice?lang=${l}`} target="_blank" rel="noreferrer">{l.toUpperCase()}</a>)}</span>
          )}
          <button type="button" className="primary" onClick={next}><kbd>Esc</kbd> {t('booth.next')}</button>
        </div>
      )}
    </div>
  );
}

/** A document without a readable MRZ, typed by hand. */
function ManualEntry({ busy, onSubmit }: { busy: boolean; onSubmit: (read: { document: Record<string, string>; person: Record<string, string> }) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ surname: '', givenNames: '', dateOfBirth: '', nationality: '', code: 'P', number: '', issuingState: '', expiry: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const clean = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
  return (
    <form className="panel manual" aria-label={t('booth.byHand')} onSubmit={(e: FormEvent) => {
      e.preventDefault();
      onSubmit({ person: clean({ surname: f.surname, givenNames: f.givenNames, dateOfBirth: f.dateOfBirth, nationality: f.nationality.toUpperCase() }), document: clean({ code: f.code.toUpperCase(), number: f.number.toUpperCase(), issuingState: f.issuingState.toUpperCase(), expiry: f.expiry }) });
    }}>
      <div className="row">
        <Field label={t('screening.surname')}><input name="surname" value={f.surname} onChange={set('surname')} autoFocus /></Field>
        <Field label={t('screening.givenNames')}><input name="givenNames" value={f.givenNames} onChange={set('givenNames')} /></Field>
        <Field label={t('screening.dateOfBirth')}><input name="dateOfBirth" value={f.dateOfBirth} onChange={set('dateOfBirth')} placeholder="1985-03-14" /></Field>
        <Field label={t('screening.nationality')}><input name="nationality" value={f.nationality} onChange={set('nationality')} maxLength={3} placeholder="KAZ" /></Field>
      </div>
      <div className="row">
        <Field label={t('booth.docCode')}><input name="code" value={f.code} onChange={set('code')} maxLength={2} /></Field>
        <Field label={t('screening.document')}><input name="number" value={f.number} onChange={set('number')} /></Field>
        <Field label={t('stays.issuingState')}><input name="issuingState" value={f.issuingState} onChange={set('issuingState')} maxLength={3} placeholder="KAZ" /></Field>
        <Field label={t('booth.expiry')}><input name="expiry" value={f.expiry} onChange={set('expiry')} placeholder="2030-01-01" /></Field>
      </div>
      <button type="submit" className="primary" disabled={busy}>{t('booth.startControl')} ⏎</button>
    </form>
  );
}
