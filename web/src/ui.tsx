// Small shared pieces of the interface.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { problemMessage } from './problems.ts';
import { LANGS, type Lang } from './i18n.ts';

export function LanguageSwitch({ value, onChange }: { value: string; onChange: (lang: Lang) => void }) {
  const { t } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label="Language">
      {LANGS.map((lang) => (
        <button key={lang} type="button" className={lang === value ? 'active' : ''} aria-pressed={lang === value} onClick={() => onChange(lang)} data-lang={lang}>
          {t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  // a refusal or a bad field in the user's language; an unexpected failure keeps "something went wrong"
  const worded = error instanceof ApiError && (error.code === 'OFFLINE' || (error.status >= 400 && error.status < 500));
  const message = error instanceof ApiError ? (error.code === 'OFFLINE' ? t('common.offline') : problemMessage(t, error)) : error instanceof Error ? error.message : String(error);
  return (
    <div className="note error" role="alert">
      {worded ? message : t('common.error', { message })}
      {onRetry && <button type="button" className="link" onClick={onRetry}>{t('common.retry')}</button>}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <div className="loading" aria-busy="true">{t('common.loading')}</div>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function Field({ label, error, children }: { label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <label className={`field${error ? ' has-error' : ''}`}>
      <span>{label}</span>
      {children}
      {error && <small className="field-error">{error}</small>}
    </label>
  );
}

/** The error of a form: field problems are shown at their fields, so here only a pointer to them. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 400 && error.errors.length) return <div className="note error" role="alert">{t('error.validation')}</div>;
  return <ErrorNote error={error} />;
}
