import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get, newUuid } from '../api.ts';
import type { Checkpoint, List, Message, UdbDocument, Unit } from '../types.ts';
import { Field, FormError } from '../ui.tsx';
import { fieldProblems } from '../problems.ts';

const URGENT = ['crisis_precursors', 'neighbour_actions', 'prohibited_goods', 'wanted_persons', 'illegal_migrants', 'forged_documents', 'illegal_crossing_outside_checkpoint', 'transit_smuggling_valuables'];
const ADVANCE = ['new_document_specimen', 'issuance_change', 'date_stamp_security_feature', 'lost_stolen_travel_documents', 'expulsion', 'admin_offence_detainee'];
const SECTIONS = ['situation', 'incitingGroups', 'newTactics', 'damagingActivity', 'newMethodsAndExamples'];
const MIGRANT_TEXT = ['surname', 'givenNames', 'citizenship', 'stateOfDeparture', 'stateOfDestination', 'route', 'declaredPurpose', 'visaMeans', 'methods', 'measuresTaken'];
type Type = 'urgent' | 'daily' | 'monthly' | 'advance' | 'udb';
type PackContent = { urgent: { confirmWithinMinutes: number }; daily: { from: string; to: string }; monthly: { fromDay: number; toDay: number } };

/** Reporting from the duty desk: the form asks for what the Instruction requires of each type. */
export function ReportForm({ onSent }: { onSent: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [type, setType] = useState<Type>('urgent');
  const [f, setF] = useState<Record<string, string>>({ subject: URGENT[0]!, channel: 'phone', travelMode: 'alone' });
  const set = (k: string) => (e: { target: { value: string } }) => setF((old) => ({ ...old, [k]: e.target.value }));
  const checkpoints = useQuery({ queryKey: ['checkpoints'], queryFn: () => get<List<Checkpoint>>('/api/v1/checkpoints') });
  const units = useQuery({ queryKey: ['units'], queryFn: () => get<List<Unit>>('/api/v1/units') });
  // the numbers of the hints come from the rule pack in force today, never from the interface
  const pack = useQuery({ queryKey: ['rule-packs', 'EXCHANGE-DEADLINES', 'today'], queryFn: () => get<List<{ content: PackContent }>>(`/api/v1/rule-packs?code=EXCHANGE-DEADLINES&on=${new Date().toISOString().slice(0, 10)}`) });
  const rules = pack.data?.items[0]?.content;
  const udbDocs = useQuery({ queryKey: ['udb', 'own'], queryFn: () => get<List<UdbDocument>>('/api/v1/udb/documents?limit=50'), enabled: type === 'udb' });
  const [to, setTo] = useState<string[]>([]);
  const [docs, setDocs] = useState<string[]>([]);
  const oral = type === 'urgent' || type === 'daily';
  const send = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = { id: newUuid(), type, channel: f.channel, summary: f.summary ?? '' };
      if (type === 'urgent' || type === 'advance') body.subject = f.subject;
      if (oral) Object.assign(body, { toldBy: f.toldBy || undefined, toldTo: f.toldTo || undefined });
      if (f.reportedAt) body.reportedAt = new Date(f.reportedAt).toISOString();
      if (type === 'urgent' && f.subject === 'illegal_migrants') {
        const migrant: Record<string, unknown> = { travelMode: f.travelMode, checkpointId: f.checkpointId || undefined };
        for (const k of MIGRANT_TEXT) if (f[k]) migrant[k] = ['citizenship', 'stateOfDeparture', 'stateOfDestination'].includes(k) ? f[k]!.toUpperCase() : f[k];
        if (f.travelMode === 'group' && f.groupSize) migrant.groupSize = Number(f.groupSize);
        body.migrant = migrant;
      }
      if (type === 'monthly') body.sections = Object.fromEntries(SECTIONS.map((s) => [s, f[`s.${s}`] ?? '']));
      if (type === 'advance') {
        body.effectiveOn = f.effectiveOn || undefined;
        if (f.subject === 'expulsion') body.expulsion = { place: f.place ?? '', date: f.effectiveOn ?? '', time: f.time ?? '', persons: Number(f.persons ?? 0) };
      }
      if (type === 'udb') body.documents = docs;
      if (to.length) body.to = to;
      return api<Message>('POST', '/api/v1/exchange/messages', body);
    },
    onSuccess: (m) => { void queryClient.invalidateQueries({ queryKey: ['exchange'] }); setF({ subject: URGENT[0]!, channel: 'phone', travelMode: 'alone' }); setTo([]); setDocs([]); onSent(m.id); },
  });
  const err = (k: string) => (send.error instanceof ApiError ? send.error.fieldError(k) : undefined);
  const chooseType = (next: Type) => { setType(next); setF((old) => ({ ...old, subject: next === 'advance' ? ADVANCE[0]! : URGENT[0]!, channel: next === 'urgent' || next === 'daily' ? 'phone' : 'written' })); };
  return (
    <form className="panel" aria-label={t('desk.report')} onSubmit={(e: FormEvent) => { e.preventDefault(); send.mutate(); }}>
      <h2>{t('desk.report')}</h2>
      <div className="row">
        <Field label={t('desk.type')}><select name="type" value={type} onChange={(e) => chooseType(e.target.value as Type)}>{(['urgent', 'daily', 'monthly', 'advance', 'udb'] as const).map((k) => <option key={k} value={k}>{t(`msg.type.${k}`)}</option>)}</select></Field>
        {(type === 'urgent' || type === 'advance') && (
          <Field label={t('desk.subject')} error={err('subject')}><select name="subject" value={f.subject} onChange={set('subject')}>{(type === 'urgent' ? URGENT : ADVANCE).map((s) => <option key={s} value={s}>{t(`msg.subject.${s}`)}</option>)}</select></Field>
        )}
        <Field label={t('desk.channel')} error={err('channel')}><select name="channel" value={f.channel} onChange={set('channel')}>{(oral ? ['oral', 'phone', 'radio'] : ['written', 'electronic']).map((c) => <option key={c} value={c}>{t(`msg.channel.${c}`)}</option>)}</select></Field>
      </div>
      {rules && <p className="muted small">{t(`desk.hint.${type}`, { minutes: rules.urgent.confirmWithinMinutes, from: rules.daily.from, to: rules.daily.to, fromDay: rules.monthly.fromDay, toDay: rules.monthly.toDay })}</p>}
      {oral && (
        <div className="row">
          <Field label={t('desk.toldBy')} error={err('toldBy')}><input name="toldBy" value={f.toldBy ?? ''} onChange={set('toldBy')} /></Field>
          <Field label={t('desk.toldTo')} error={err('toldTo')}><input name="toldTo" value={f.toldTo ?? ''} onChange={set('toldTo')} /></Field>
          <Field label={t('desk.reportedAt')} error={err('reportedAt')}><input name="reportedAt" type="datetime-local" value={f.reportedAt ?? ''} onChange={set('reportedAt')} /></Field>
        </div>
      )}
      <Field label={t('desk.summary')} error={err('summary')}><textarea name="summary" rows={3} value={f.summary ?? ''} onChange={set('summary')} /></Field>
      {type === 'urgent' && f.subject === 'illegal_migrants' && (
        <fieldset className="subform"><legend>{t('desk.migrant')}</legend>
          <div className="row">
            {MIGRANT_TEXT.map((k) => <Field key={k} label={t(`migrant.${k}`)} error={err(`migrant.${k}`)}><input name={`migrant.${k}`} value={f[k] ?? ''} onChange={set(k)} maxLength={['citizenship', 'stateOfDeparture', 'stateOfDestination'].includes(k) ? 3 : undefined} /></Field>)}
            <Field label={t('migrant.checkpointId')} error={err('migrant.checkpointId')}>
              <select name="migrant.checkpointId" value={f.checkpointId ?? ''} onChange={set('checkpointId')}><option value="">—</option>{checkpoints.data?.items.map((c) => <option key={c.id} value={c.id}>{c.names[i18n.language as 'kk' | 'ru' | 'en']}</option>)}</select>
            </Field>
            <Field label={t('migrant.travelMode')}><select name="migrant.travelMode" value={f.travelMode} onChange={set('travelMode')}><option value="alone">{t('migrant.alone')}</option><option value="group">{t('migrant.group')}</option></select></Field>
            {f.travelMode === 'group' && <Field label={t('migrant.groupSize')} error={err('migrant.groupSize')}><input name="migrant.groupSize" type="number" min={2} value={f.groupSize ?? ''} onChange={set('groupSize')} /></Field>}
          </div>
        </fieldset>
      )}
      {type === 'monthly' && SECTIONS.map((s) => <Field key={s} label={t(`msg.section.${s}`)} error={err(`sections.${s}`)}><textarea name={`sections.${s}`} rows={2} value={f[`s.${s}`] ?? ''} onChange={set(`s.${s}`)} /></Field>)}
      {type === 'advance' && (
        <div className="row">
          <Field label={t('desk.effectiveOn')} error={err('effectiveOn')}><input name="effectiveOn" type="date" value={f.effectiveOn ?? ''} onChange={set('effectiveOn')} /></Field>
          {f.subject === 'expulsion' && <>
            <Field label={t('desk.place')} error={err('expulsion.place')}><input name="expulsion.place" value={f.place ?? ''} onChange={set('place')} /></Field>
            <Field label={t('desk.time')} error={err('expulsion.time')}><input name="expulsion.time" type="time" value={f.time ?? ''} onChange={set('time')} /></Field>
            <Field label={t('desk.persons')} error={err('expulsion.persons')}><input name="expulsion.persons" type="number" min={1} value={f.persons ?? ''} onChange={set('persons')} /></Field>
          </>}
        </div>
      )}
      {type === 'udb' && (
        <fieldset className="subform"><legend>{t('desk.documents')}</legend>
          {udbDocs.data?.items.length === 0 && <p className="muted small">{t('desk.noDocuments')}</p>}
          {udbDocs.data?.items.map((d) => (
            <label key={d.id} className="check"><input type="checkbox" name="documents" value={d.id} checked={docs.includes(d.id)} onChange={(e) => setDocs(e.target.checked ? [...docs, d.id] : docs.filter((x) => x !== d.id))} /> {d.title}</label>
          ))}
          {err('documents') && <small className="field-error">{err('documents')}</small>}
        </fieldset>
      )}
      <Field label={t('desk.alsoTo')} error={err('to')}>
        <select name="to" multiple size={4} value={to} onChange={(e) => setTo([...e.target.selectedOptions].map((o) => o.value))}>
          {units.data?.items.filter((u) => u.isActive).sort((a, b) => a.level - b.level || a.names.en.localeCompare(b.names.en)).map((u) => <option key={u.id} value={u.id}>{u.level} · {u.names[i18n.language as 'kk' | 'ru' | 'en']}</option>)}
        </select>
      </Field>
      <p className="muted small">{t('desk.counterpartsNote')}</p>
      <button type="submit" className="primary" disabled={send.isPending}>{t('desk.send')}</button>
      <FormError error={send.error} />
      {send.error instanceof ApiError && send.error.errors.length > 0 && <ul className="field-error small">{fieldProblems(t, send.error.errors).map((text, i) => <li key={i}>{text}</li>)}</ul>}
    </form>
  );
}
