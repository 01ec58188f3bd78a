import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get } from '../api.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { DemoUsers } from '../types.ts';
import { ErrorNote, Field, LanguageSwitch } from '../ui.tsx';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { signIn, setLanguage } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const demo = useQuery({ queryKey: ['demo-users'], queryFn: () => get<DemoUsers>('/api/v1/demo-users') });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 429 ? t('login.locked') : e.status === 401 ? t('login.failed') : e.code === 'OFFLINE' ? t('common.offline') : e.message) : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <div className="login-card">
        <header>
          <div className="brand big"><span className="logo" aria-hidden="true">▲</span> {t('app.name')}</div>
          <p className="muted">{t('app.tagline')}</p>
          <LanguageSwitch value={i18n.language} onChange={(lang) => void setLanguage(lang)} />
        </header>
        <form onSubmit={submit} aria-label={t('login.title')}>
          <h1>{t('login.title')}</h1>
          <Field label={t('login.username')}>
            <input name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
          </Field>
          <Field label={t('login.password')}>
            <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          {error && <div className="note error" role="alert">{error}</div>}
          <button className="primary" type="submit" disabled={busy}>{t('login.submit')}</button>
        </form>
        {demo.error && <ErrorNote error={demo.error} />}
        {demo.data?.demo && (
          <section className="demo-users" aria-label={t('login.demoTitle')}>
            <h2>{t('login.demoTitle')}</h2>
            <p className="muted">{t('login.demoHint', { password: demo.data.password })}</p>
            <ul>
              {demo.data.users.map((u) => (
                <li key={u.username}>
                  <button type="button" className="link" onClick={() => { setUsername(u.username); setPassword(demo.data?.password ?? ''); }}>
                    <code>{u.username}</code>
                  </button>{' '}
                  <span className="muted">{u.displayName} · {pick(u.roleNames, i18n.language)} · {pick(u.agencyNames, i18n.language)}, {pick(u.unitNames, i18n.language)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
