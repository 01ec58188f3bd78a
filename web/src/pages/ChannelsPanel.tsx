import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import type { List } from '../types.ts';
import { ErrorNote, Field, FormError } from '../ui.tsx';

type Channel = { id: string; unitId: string; kind: 'email' | 'webhook'; target: string; minSeverity: string; active: boolean };

/** A unit head's external channels of the desk: e-mail addresses and webhooks that receive its notifications. */
export function ChannelsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['exchange', 'channels'], queryFn: () => get<List<Channel>>('/api/v1/notification-channels') });
  const [form, setForm] = useState({ kind: 'email', target: '', minSeverity: 'warning' });
  const done = () => void queryClient.invalidateQueries({ queryKey: ['exchange', 'channels'] });
  const add = useMutation({ mutationFn: () => api('POST', '/api/v1/notification-channels', form), onSuccess: () => { setForm({ ...form, target: '' }); done(); } });
  const remove = useMutation({ mutationFn: (id: string) => api('POST', `/api/v1/notification-channels/${id}/remove`), onSuccess: done });
  const err = (k: string) => (add.error instanceof ApiError ? add.error.fieldError(k) : undefined);
  return (
    <section className="panel" aria-label={t('channels.title')}>
      <h2>{t('channels.title')}</h2>
      <p className="muted small">{t('channels.hint')}</p>
      <ErrorNote error={list.error} />
      <ul>{list.data?.items.filter((c) => c.active).map((c) => (
        <li key={c.id}>{t(`channels.kind.${c.kind}`)}: <code>{c.target}</code> · {t(`channels.min.${c.minSeverity}`)} <button type="button" className="link" onClick={() => remove.mutate(c.id)}>{t('channels.remove')}</button></li>
      ))}</ul>
      <form className="row" onSubmit={(e: FormEvent) => { e.preventDefault(); add.mutate(); }}>
        <Field label={t('channels.kindLabel')}><select name="kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}><option value="email">{t('channels.kind.email')}</option><option value="webhook">{t('channels.kind.webhook')}</option></select></Field>
        <Field label={t('channels.target')} error={err('target')}><input name="target" value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value })} placeholder={form.kind === 'email' ? 'duty@example.kz' : 'https://…'} /></Field>
        <Field label={t('channels.minSeverity')}><select name="minSeverity" value={form.minSeverity} onChange={(e) => setForm({ ...form, minSeverity: e.target.value })}>{['info', 'warning', 'alarm'].map((s) => <option key={s} value={s}>{t(`channels.min.${s}`)}</option>)}</select></Field>
        <button type="submit" className="primary" disabled={add.isPending}>{t('channels.add')}</button>
      </form>
      <FormError error={add.error} />
    </section>
  );
}
