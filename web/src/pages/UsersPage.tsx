import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import { pick } from '../i18n.ts';
import type { Acting, List, Role, Unit, User } from '../types.ts';
import { ErrorNote, Field, formatTime, Loading } from '../ui.tsx';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<List<User>>('/api/v1/users') });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => get<List<Role>>('/api/v1/roles') });
  const units = useQuery({ queryKey: ['units', 'all'], queryFn: () => get<List<Unit>>('/api/v1/units') });
  const acting = useQuery({ queryKey: ['acting'], queryFn: () => get<List<Acting>>('/api/v1/acting-assignments') });
  const lang = i18n.language;
  const unitName = (id: string | null) => {
    const u = units.data?.items.find((x) => x.id === id);
    return u ? pick(u.names, lang) : '—';
  };
  const roleName = (code: string) => {
    const r = roles.data?.items.find((x) => x.code === code);
    return r ? pick(r.names, lang) : code;
  };
  return (
    <div className="page">
      <h1>{t('nav.users')}</h1>
      <ErrorNote error={users.error} onRetry={() => void users.refetch()} />
      {users.isLoading && <Loading />}
      <div className="table-wrap">
        <table className="data">
          <thead><tr><th>{t('users.username')}</th><th>{t('users.displayName')}</th><th>{t('users.unit')}</th><th>{t('users.roles')}</th><th>{t('users.active')}</th><th>{t('users.lastLogin')}</th></tr></thead>
          <tbody>
            {users.data?.items.map((u) => (
              <tr key={u.id}>
                <td><code>{u.username}</code></td><td>{u.displayName}</td><td>{unitName(u.unitId)}</td>
                <td>{u.roles.map((r) => roleName(r.role)).join(', ')}</td>
                <td>{u.isActive ? t('common.yes') : t('common.no')}</td>
                <td className="nowrap">{formatTime(u.lastLoginAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {roles.data && units.data && <NewUserForm roles={roles.data.items} units={units.data.items} />}
      <h2>{t('users.acting')}</h2>
      <ErrorNote error={acting.error} />
      <table className="data">
        <thead><tr><th>{t('users.principal')}</th><th>{t('users.deputy')}</th><th>{t('users.period')}</th><th>{t('users.basis')}</th></tr></thead>
        <tbody>
          {acting.data?.items.map((a) => (
            <tr key={a.id}>
              <td>{a.principalName}</td><td>{a.deputyName}</td>
              <td className="nowrap">{formatTime(a.validFrom, lang)} – {formatTime(a.validTo, lang)} {a.revokedAt && <span className="badge">{t('users.revoked')}</span>}</td>
              <td>{a.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewUserForm({ roles, units }: { roles: Role[]; units: Unit[] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', unitId: '', role: '' });
  const mutation = useMutation({
    mutationFn: () => api<User>('POST', '/api/v1/users', {
      username: form.username.trim(), displayName: form.displayName.trim(), password: form.password, unitId: form.unitId,
      locale: i18n.language, roles: form.role ? [{ role: form.role, scopeUnitId: null }] : [],
    }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      setForm({ username: '', displayName: '', password: '', unitId: '', role: '' });
    },
  });
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate();
  }
  return (
    <form className="panel" onSubmit={submit}>
      <h2>{t('users.new')}</h2>
      <div className="row">
        <Field label={t('users.username')} error={err?.fieldError('username')}><input value={form.username} onChange={set('username')} required /></Field>
        <Field label={t('users.displayName')} error={err?.fieldError('displayName')}><input value={form.displayName} onChange={set('displayName')} required /></Field>
        <Field label={t('users.password')} error={err?.fieldError('password')}><input type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required /></Field>
      </div>
      <div className="row">
        <Field label={t('users.unit')} error={err?.fieldError('unitId')}>
          <select value={form.unitId} onChange={set('unitId')} required>
            <option value="" />
            {units.map((u) => <option key={u.id} value={u.id}>{'· '.repeat(u.level - 1)}{pick(u.names, i18n.language)}</option>)}
          </select>
        </Field>
        <Field label={t('users.role')} error={err?.fieldError('roles.0.role')}>
          <select value={form.role} onChange={set('role')}>
            <option value="" />
            {roles.map((r) => <option key={r.code} value={r.code}>{pick(r.names, i18n.language)}</option>)}
          </select>
        </Field>
      </div>
      <p className="muted small">{t('profile.passwordRules')}</p>
      {mutation.error && <ErrorNote error={mutation.error} />}
      {mutation.isSuccess && <div className="note ok">{t('users.created', { username: mutation.data.username })}</div>}
      <button className="primary" type="submit" disabled={mutation.isPending}>{t('common.create')}</button>
    </form>
  );
}
