import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import type { Detention } from '../types.ts';
import { Field, FormError } from '../ui.tsx';

const CATEGORIES = ['border_violator_outside_checkpoint', 'border_violator_vehicle', 'border_violator_other', 'state_border_regime', 'border_regime', 'checkpoint_regime', 'waters_regime', 'continental_shelf_regime', 'illegal_migrant', 'customs_violator'];
const KINDS = ['contraband', 'weapon', 'ammunition', 'drugs', 'documents', 'cash', 'goods', 'vehicle', 'other'];
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
type Item = { kind: string; description: string; quantity: string; measure: string; sealNo: string };

/** Scales a camera photo down to at most 1280 px on its longer side, as JPEG: a phone picture fits a poor link. */
async function scaledJpeg(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1280 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.8).split(',')[1]!;
}

/** A detention by a patrol or entered directly: the person (or a description and photo), why and where, what was found. */
export function DetentionForm({ onSaved }: { onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [f, setF] = useState({ source: 'patrol', unidentified: false, surname: '', givenNames: '', nationality: '', description: '', category: 'border_violator_outside_checkpoint', place: '', detainedAt: local(new Date()), grounds: '', procedure: 'administrative' });
  const [photo, setPhoto] = useState<string | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const save = useMutation({
    mutationFn: () => api<Detention>('POST', '/api/v1/detentions', {
      source: f.source, unidentified: f.unidentified, ...(!f.unidentified && { person: { surname: f.surname, ...(f.givenNames && { givenNames: f.givenNames }), ...(f.nationality && { nationality: f.nationality.toUpperCase() }) } }),
      ...(f.description && { description: f.description }), ...(photo && { photo: { mediaType: 'image/jpeg', contentBase64: photo } }), category: f.category, place: { description: f.place },
      detainedAt: new Date(f.detainedAt).toISOString(), grounds: f.grounds, procedure: f.procedure,
      items: items.map((i) => ({ kind: i.kind, description: i.description, quantity: Number(i.quantity), measure: i.measure, ...(i.sealNo && { sealNo: i.sealNo }) })),
    }),
    onSuccess: (d) => { void queryClient.invalidateQueries({ queryKey: ['cases'] }); onSaved(d.id); },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  function submit(e: FormEvent) { e.preventDefault(); save.mutate(); }
  return (
    <form className="panel" onSubmit={submit} aria-label={t('detention.record')}>
      <h2>{t('detention.record')}</h2>
      <div className="row">
        <Field label={t('detention.source')}><select value={f.source} onChange={set('source')}><option value="patrol">{t('detention.source.patrol')}</option><option value="direct">{t('detention.source.direct')}</option></select></Field>
        <Field label={t('detention.category')}><select value={f.category} onChange={set('category')}>{CATEGORIES.map((c) => <option key={c} value={c}>{t(`cases.category.${c}`)}</option>)}</select></Field>
        <Field label={t('detention.when')} error={err?.fieldError('detainedAt')}><input type="datetime-local" value={f.detainedAt} onChange={set('detainedAt')} /></Field>
      </div>
      <label className="check"><input type="checkbox" checked={f.unidentified} onChange={(e) => setF({ ...f, unidentified: e.target.checked })} /> {t('cases.unidentified')}</label>
      {!f.unidentified && (
        <div className="row">
          <Field label={t('sez.surname')} error={err?.fieldError('person')}><input value={f.surname} onChange={set('surname')} /></Field>
          <Field label={t('detention.givenNames')}><input value={f.givenNames} onChange={set('givenNames')} /></Field>
          <Field label={t('detention.nationality')}><input value={f.nationality} maxLength={3} onChange={set('nationality')} /></Field>
        </div>
      )}
      <Field label={t('detention.description')} error={err?.fieldError('description')}><input value={f.description} onChange={set('description')} /></Field>
      <Field label={t('detention.photo')} error={err?.fieldError('photo.contentBase64')}><input type="file" accept="image/*" capture="environment" onChange={async (e) => { const file = e.target.files?.[0]; setPhoto(file ? await scaledJpeg(file).catch(() => null) : null); }} /></Field>
      {photo && <img className="photo-preview" alt={t('detention.photo')} src={`data:image/jpeg;base64,${photo}`} />}
      <Field label={t('incident.place')} error={err?.fieldError('place.description')}><input value={f.place} onChange={set('place')} /></Field>
      <Field label={t('detention.grounds')} error={err?.fieldError('grounds')}><input value={f.grounds} onChange={set('grounds')} /></Field>
      <Field label={t('detention.procedure')}><select value={f.procedure} onChange={set('procedure')}><option value="administrative">{t('detention.procedure.administrative')}</option><option value="criminal">{t('detention.procedure.criminal')}</option></select></Field>
      <h3>{t('detention.items')}</h3>
      {items.map((it, i) => (
        <div className="row" key={i}>
          <Field label={t('cases.item')}><select value={it.kind} onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)))}>{KINDS.map((k) => <option key={k} value={k}>{t(`cases.kind.${k}`)}</option>)}</select></Field>
          {(['description', 'quantity', 'measure', 'sealNo'] as const).map((k) => <Field key={k} label={t(`detention.item.${k}`)} error={err?.fieldError(`items.${i}.${k}`)}><input value={it[k]} onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))} /></Field>)}
        </div>
      ))}
      <button type="button" onClick={() => setItems([...items, { kind: 'goods', description: '', quantity: '1', measure: '', sealNo: '' }])}>{t('detention.addItem')}</button>
      <FormError error={save.error} />
      <button className="primary" type="submit" disabled={save.isPending}>{t('detention.save')}</button>
    </form>
  );
}
