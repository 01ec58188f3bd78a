import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import { useSession } from '../session.tsx';
import type { List, UdbDocument } from '../types.ts';
import { ErrorNote, Field, FormError } from '../ui.tsx';
import { formatTime } from '../dates.ts';

const KINDS = ['review', 'recommendation', 'training', 'document_specimen', 'other'] as const;

/** The language of a text as far as its letters tell: Kazakh letters, else Cyrillic (Russian), else English. */
function languageOf(text: string): string {
  if (/[әғқңөұүһі]/i.test(text)) return 'kk';
  return /[а-яё]/i.test(text) ? 'ru' : 'en';
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The Unified Data Bank: search in Russian and Kazakh, add materials with attachments. */
export function UdbPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const list = useQuery({ queryKey: ['udb', asked], queryFn: () => get<List<UdbDocument>>(`/api/v1/udb/documents${asked ? `?q=${encodeURIComponent(asked)}` : ''}`) });
  const [doc, setDoc] = useState({ kind: 'review', title: '', body: '', language: i18n.language, visibility: 'interacting' });
  const [files, setFiles] = useState<FileList | null>(null);
  const [languageChosen, setLanguageChosen] = useState(false);
  const add = useMutation({
    mutationFn: async () => api<UdbDocument>('POST', '/api/v1/udb/documents', { ...doc, language: languageChosen ? doc.language : languageOf(`${doc.title} ${doc.body}`), attachments: await Promise.all([...(files ?? [])].map(async (f) => ({ fileName: f.name, mediaType: f.type || 'application/octet-stream', contentBase64: await base64(f) }))) }),
    onSuccess: () => { setDoc({ ...doc, title: '', body: '' }); setFiles(null); setLanguageChosen(false); void queryClient.invalidateQueries({ queryKey: ['udb'] }); },
  });
  const err = (k: string) => (add.error instanceof ApiError ? add.error.fieldError(k) : undefined);
  return (
    <div className="page">
      <h1>{t('udb.title')}</h1>
      <form className="panel row" role="search" onSubmit={(e: FormEvent) => { e.preventDefault(); setAsked(q.trim()); }}>
        <Field label={t('udb.search')}><input name="q" value={q} onChange={(e) => setQ(e.target.value)} /></Field>
        <button type="submit" className="primary">{t('common.search')}</button>
      </form>
      <section className="panel">
        <ErrorNote error={list.error} />
        {list.data?.items.length === 0 && <p className="muted">{t('desk.empty')}</p>}
        <ul className="timeline">{list.data?.items.map((d) => (
          <li key={d.id}><strong>{d.title}</strong> <span className="badge">{t(`udb.kind.${d.kind}`)}</span> <span className="muted small">{formatTime(d.createdAt, i18n.language)} · {d.language.toUpperCase()}</span>
            <div className="small">{d.body.slice(0, 300)}</div>
            {d.attachments.map((a) => <a key={a.sha256} className="link small" href={`/api/v1/udb/documents/${d.id}/attachments/${a.sha256}`}>{a.fileName} ({Math.ceil(a.size / 1024)} KB)</a>)}
          </li>
        ))}</ul>
      </section>
      {can('udb.contribute') && (
        <form className="panel" aria-label={t('udb.add')} onSubmit={(e: FormEvent) => { e.preventDefault(); add.mutate(); }}>
          <h2>{t('udb.add')}</h2>
          <div className="row">
            <Field label={t('udb.kindLabel')}><select name="kind" value={doc.kind} onChange={(e) => setDoc({ ...doc, kind: e.target.value })}>{KINDS.map((k) => <option key={k} value={k}>{t(`udb.kind.${k}`)}</option>)}</select></Field>
            <Field label={t('udb.language')}><select name="language" value={languageChosen ? doc.language : languageOf(`${doc.title} ${doc.body}`)} onChange={(e) => { setLanguageChosen(true); setDoc({ ...doc, language: e.target.value }); }}>{['kk', 'ru', 'en'].map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}</select></Field>
            <Field label={t('udb.visibility')}><select name="visibility" value={doc.visibility} onChange={(e) => setDoc({ ...doc, visibility: e.target.value })}><option value="interacting">{t('udb.vis.interacting')}</option><option value="agency">{t('udb.vis.agency')}</option></select></Field>
          </div>
          <Field label={t('udb.docTitle')} error={err('title')}><input name="title" value={doc.title} onChange={(e) => setDoc({ ...doc, title: e.target.value })} /></Field>
          <Field label={t('udb.body')} error={err('body')}><textarea name="body" rows={5} value={doc.body} onChange={(e) => setDoc({ ...doc, body: e.target.value })} /></Field>
          <Field label={t('udb.attachments')}><input name="attachments" type="file" multiple onChange={(e) => setFiles(e.target.files)} /></Field>
          <button type="submit" className="primary" disabled={add.isPending}>{t('udb.save')}</button>
          <FormError error={add.error} />
        </form>
      )}
    </div>
  );
}
