import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import { useSession } from '../session.tsx';
import type { List, Token } from '../types.ts';
import { ErrorNote, Field, FormError, LanguageSwitch } from '../ui.tsx';
import { formatTime } from '../dates.ts';

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const { setLanguage } = useSession();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [tokenName, setTokenName] = useState('');
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => get<List<Token>>('/api/v1/me/tokens') });
  const password = useMutation({
    mutationFn: () => api('POST', '/api/v1/me/password', { currentPassword: current, newPassword: next }),
    onSuccess: () => { setCurrent(''); setNext(''); },
  });
  const createToken = useMutation({
    mutationFn: () => api<{ token: string }>('POST', '/api/v1/me/tokens', { name: tokenName.trim() }),
    onSuccess: () => { setTokenName(''); void queryClient.invalidateQueries({ queryKey: ['tokens'] }); },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/v1/me/tokens/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const perr = password.error instanceof ApiError ? password.error : null;
  return (
    <div className="page">
      <h1>{t('nav.profile')}</h1>
      <section className="panel">
        <h2>{t('profile.language')}</h2>
        <LanguageSwitch value={i18n.language} onChange={(lang) => void setLanguage(lang)} />
      </section>
      <form className="panel" onSubmit={(e: FormEvent) => { e.preventDefault(); password.mutate(); }}>
        <h2>{t('profile.changePassword')}</h2>
        <div className="row">
          <Field label={t('profile.currentPassword')} error={perr?.fieldError('currentPassword')}><input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required /></Field>
          <Field label={t('profile.newPassword')} error={perr?.fieldError('newPassword')}><input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required /></Field>
        </div>
        <p className="muted small">{t('profile.passwordRules')}</p>
        <FormError error={password.error} />
        {password.isSuccess && <div className="note ok">{t('profile.passwordChanged')}</div>}
        <button className="primary" type="submit" disabled={password.isPending}>{t('common.save')}</button>
      </form>
      <section className="panel">
        <h2>{t('profile.tokens')}</h2>
        <form className="row" onSubmit={(e: FormEvent) => { e.preventDefault(); createToken.mutate(); }}>
          <Field label={t('profile.tokenName')}><input value={tokenName} onChange={(e) => setTokenName(e.target.value)} required /></Field>
          <button type="submit" disabled={createToken.isPending}>{t('common.create')}</button>
        </form>
        {createToken.data && <div className="note ok">{t('profile.tokenCreated')} <code className="token">{createToken.data.token}</code></div>}
        <ErrorNote error={createToken.error ?? tokens.error ?? revoke.error} />
        <ul className="plain">
          {tokens.data?.items.map((tok) => (
            <li key={tok.id}>
              <code>shk_{tok.prefix}_…</code> {tok.name} <span className="muted">{formatTime(tok.createdAt, i18n.language)}</span>
              {tok.revokedAt ? <span className="badge">{t('users.revoked')}</span> : <button type="button" className="link" onClick={() => revoke.mutate(tok.id)}>{t('profile.revoke')}</button>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
