import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import { useSession } from '../session.tsx';
import type { LegalAct, List } from '../types.ts';
import { ErrorNote, Field, FormError } from '../ui.tsx';
import { fieldProblems } from '../problems.ts';
import { pick } from '../i18n.ts';

type Pack = { id: string; actId: string; code: string; kind: string; titleEn: string; titles: { kk: string | null; ru: string | null; en: string }; effectiveFrom: string; effectiveTo: string | null; content: unknown };
/** The packs whose successors are entered here (their shape is checked by the server). */
const EDITABLE = ['EXCHANGE-DEADLINES'];

/** Rule packs with their periods; an administrator enters a successor with new values from a date. */
export function RulePacks({ acts }: { acts: LegalAct[] }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const packs = useQuery({ queryKey: ['rule-packs'], queryFn: () => get<List<Pack>>('/api/v1/rule-packs') });
  const [editing, setEditing] = useState<Pack | null>(null);
  const [form, setForm] = useState({ actId: '', titleKk: '', titleRu: '', titleEn: '', effectiveFrom: '', content: '' });
  const save = useMutation({
    mutationFn: () => {
      let content: unknown;
      try { content = JSON.parse(form.content); } catch { throw new ApiError(400, 'VALIDATION', 'content', [{ path: 'body.content', message: t('packs.badJson') }]); }
      return api('POST', '/api/v1/rule-packs', { code: editing!.code, actId: form.actId, titleEn: form.titleEn, ...(form.titleKk.trim() ? { titleKk: form.titleKk } : {}), ...(form.titleRu.trim() ? { titleRu: form.titleRu } : {}), effectiveFrom: form.effectiveFrom, content });
    },
    onSuccess: () => { setEditing(null); void queryClient.invalidateQueries({ queryKey: ['rule-packs'] }); },
  });
  const actCode = (id: string) => acts.find((a) => a.id === id)?.code ?? id;
  return (
    <section className="panel">
      <h2>{t('packs.title')}</h2>
      <ErrorNote error={packs.error} />
      <table className="data">
        <thead><tr><th>{t('packs.code')}</th><th>{t('packs.period')}</th><th>{t('packs.act')}</th><th>{t('packs.name')}</th><th /></tr></thead>
        <tbody>{packs.data?.items.map((p) => (
          <tr key={p.id}><td><code>{p.code}</code></td><td className="nowrap">{p.effectiveFrom} — {p.effectiveTo ?? '…'}</td><td><code>{actCode(p.actId)}</code></td><td className="small">{pick(p.titles, i18n.language)}</td>
            <td>{can('legal.manage') && EDITABLE.includes(p.code) && !p.effectiveTo && (
              <button type="button" className="link" onClick={() => { setEditing(p); setForm({ actId: p.actId, titleKk: '', titleRu: '', titleEn: '', effectiveFrom: '', content: JSON.stringify(p.content, null, 2) }); }}>{t('packs.successor')}</button>
            )}</td></tr>
        ))}</tbody>
      </table>
      {editing && (
        <form className="subform" aria-label={t('packs.successor')} onSubmit={(e: FormEvent) => { e.preventDefault(); save.mutate(); }}>
          <h3>{t('packs.successorOf', { code: editing.code })}</h3>
          <div className="row">
            <Field label={t('packs.act')} error={save.error instanceof ApiError ? save.error.fieldError('actId') : undefined}><select name="actId" value={form.actId} onChange={(e) => setForm({ ...form, actId: e.target.value })}>{acts.map((a) => <option key={a.id} value={a.id}>{a.code}</option>)}</select></Field>
            <Field label={t('packs.from')} error={save.error instanceof ApiError ? save.error.fieldError('effectiveFrom') : undefined}><input name="effectiveFrom" type="date" value={form.effectiveFrom} onChange={(e) => setForm({ ...form, effectiveFrom: e.target.value })} /></Field>
          </div>
          {(['titleKk', 'titleRu', 'titleEn'] as const).map((key) => (
            <Field key={key} label={t(`packs.${key}`)} error={save.error instanceof ApiError ? save.error.fieldError(key) : undefined}><input name={key} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} /></Field>
          ))}
          <Field label={t('packs.content')}><textarea name="content" rows={14} className="mono" value={form.content} onChange={(e) => setForm({ ...form, content: e.target.value })} /></Field>
          <button type="submit" className="primary" disabled={save.isPending}>{t('packs.save')}</button> <button type="button" className="ghost" onClick={() => setEditing(null)}>{t('common.cancel')}</button>
          <FormError error={save.error} />
          {save.error instanceof ApiError && save.error.errors.length > 0 && <ul className="field-error small">{fieldProblems(t, save.error.errors).map((text, i) => <li key={i}>{text}</li>)}</ul>}
        </form>
      )}
    </section>
  );
}
