import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import { pick } from '../i18n.ts';
import type { Acting, List, Role, Unit, User } from '../types.ts';
import { ErrorNote, Field, FormError, Loading } from '../ui.tsx';
import { formatTime } from '../dates.ts';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<List<User>>('/api/v1/users') });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => get<List<Role>>('/api/v1/roles') });
  const units = useQuery({ queryKey: ['units', 'all'], queryFn: () => get<List<Unit>>('/api/v1/units') });
  const acting = useQuery({ queryKey: ['acting'], queryFn: () => get<List<Acting>>('/api/v1/acting-assignments') });
  const [selected, setSelected] = useState<string | null>(null);
  const selectedUser = users.data?.items.find((u) => u.id === selected);
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
              <tr key={u.id} className={selected === u.id ? 'selected' : ''}>
                <td><button type="button" className="link" onClick={() => setSelected(selected === u.id ? null : u.id)}><code>{u.username}</code></button></td><td>{u.displayName}</td><td>{unitName(u.unitId)}</td>
                <td>{u.roles.map((r) => roleName(r.role)).join(', ')}</td>
                <td>{u.isActive ? t('common.yes') : t('common.no')}</td>
                <td className="nowrap">{formatTime(u.lastLoginAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selectedUser && roles.data && units.data && <UserEditor key={selectedUser.id} user={selectedUser} roles={roles.data.items} units={units.data.items} onClose={() => setSelected(null)} />}
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
      {users.data && <ActingForm users={users.data.items} />}
    </div>
  );
}

function UserEditor({ user, roles, units, onClose }: { user: User; roles: Role[]; units: Unit[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [grants, setGrants] = useState(user.roles.map((r) => ({ role: r.role, scopeUnitId: r.scopeUnitId })));
  const [password, setPassword] = useState('');
  const lang = i18n.language;
  const agencyUnits = units.filter((u) => u.agencyId === user.agencyId);
  const done = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  const saveRoles = useMutation({ mutationFn: () => api('PUT', `/api/v1/users/${user.id}/roles`, { roles: grants }), onSuccess: done });
  const toggle = useMutation({ mutationFn: () => api('PATCH', `/api/v1/users/${user.id}`, { isActive: !user.isActive }), onSuccess: done });
  const reset = useMutation({ mutationFn: () => api('POST', `/api/v1/users/${user.id}/password`, { password }), onSuccess: () => setPassword('') });
  const err = saveRoles.error instanceof ApiError ? saveRoles.error : null;
  return (
    <section className="panel" aria-label={user.username}>
      <h2>{user.displayName} <code>{user.username}</code></h2>
      <h3>{t('users.roles')}</h3>
      {grants.map((g, i) => (
        <div className="row" key={i}>
          <Field label={t('users.role')} error={err?.fieldError(`roles.${i}.role`)}>
            <select value={g.role} onChange={(e) => setGrants(grants.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)))}>
              {roles.map((r) => <option key={r.code} value={r.code}>{pick(r.names, lang)}</option>)}
            </select>
          </Field>
          <Field label={t('users.scope')} error={err?.fieldError(`roles.${i}.scopeUnitId`)}>
            <select value={g.scopeUnitId ?? ''} onChange={(e) => setGrants(grants.map((x, j) => (j === i ? { ...x, scopeUnitId: e.target.value || null } : x)))}>
              <option value="">{t('users.wholeAgency')}</option>
              {agencyUnits.map((u) => <option key={u.id} value={u.id}>{'· '.repeat(u.level - 1)}{pick(u.names, lang)}</option>)}
            </select>
          </Field>
          <button type="button" onClick={() => setGrants(grants.filter((_, j) => j !== i))}>{t('users.removeRole')}</button>
        </div>
      ))}
      <div className="row">
        <button type="button" onClick={() => setGrants([...grants, { role: roles[0]?.code ?? '', scopeUnitId: null }])}>{t('users.addRole')}</button>
        <button type="button" className="primary" disabled={saveRoles.isPending} onClick={() => saveRoles.mutate()}>{t('common.save')}</button>
      </div>
      <FormError error={saveRoles.error} />
      {saveRoles.isSuccess && <div className="note ok">{t('common.saved')}</div>}
      <h3>{t('users.resetPassword')}</h3>
      <form className="row" onSubmit={(e: FormEvent) => { e.preventDefault(); reset.mutate(); }}>
        <Field label={t('profile.newPassword')}><input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></Field>
        <button type="submit" disabled={reset.isPending}>{t('users.resetPassword')}</button>
      </form>
      <FormError error={reset.error} />
      {reset.isSuccess && <div className="note ok">{t('users.passwordReset')}</div>}
      <div className="row">
        {!user.isBuiltin && <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>{user.isActive ? t('users.deactivate') : t('users.activate')}</button>}
        <button type="button" className="ghost-dark" onClick={onClose}>{t('common.close')}</button>
      </div>
      {toggle.error && <ErrorNote error={toggle.error} />}
    </section>
  );
}

function ActingForm({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const empty = { principalUserId: '', deputyUserId: '', validFrom: '', validTo: '', basis: '' };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const mutation = useMutation({
    mutationFn: () => api('POST', '/api/v1/acting-assignments', {
      principalUserId: form.principalUserId, deputyUserId: form.deputyUserId, basis: form.basis.trim(),
      validFrom: new Date(form.validFrom).toISOString(), validTo: new Date(form.validTo).toISOString(),
    }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['acting'] });
      setForm(empty);
    },
  });
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const active = users.filter((u) => u.isActive && u.unitId);
  return (
    <form className="panel" onSubmit={(e: FormEvent) => { e.preventDefault(); mutation.mutate(); }}>
      <h2>{t('users.newActing')}</h2>
      <div className="row">
        <Field label={t('users.principal')} error={err?.fieldError('principalUserId')}>
          <select value={form.principalUserId} onChange={set('principalUserId')} required><option value="" />{active.map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.username})</option>)}</select>
        </Field>
        <Field label={t('users.deputy')} error={err?.fieldError('deputyUserId')}>
          <select value={form.deputyUserId} onChange={set('deputyUserId')} required><option value="" />{active.filter((u) => u.id !== form.principalUserId).map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.username})</option>)}</select>
        </Field>
      </div>
      <div className="row">
        <Field label={t('cp.validFrom')} error={err?.fieldError('validFrom')}><input type="datetime-local" value={form.validFrom} onChange={set('validFrom')} required /></Field>
        <Field label={t('cp.validUntil')} error={err?.fieldError('validTo')}><input type="datetime-local" value={form.validTo} onChange={set('validTo')} required /></Field>
      </div>
      <Field label={t('users.basis')} error={err?.fieldError('basis')}><input value={form.basis} onChange={set('basis')} required minLength={3} /></Field>
      <FormError error={mutation.error} />
      {mutation.isSuccess && <div className="note ok">{t('common.saved')}</div>}
      <button className="primary" type="submit" disabled={mutation.isPending}>{t('common.create')}</button>
    </form>
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
        <Field label={t('users.username')} error={err?.fieldError('username')}><input name="username" value={form.username} onChange={set('username')} required /></Field>
        <Field label={t('users.displayName')} error={err?.fieldError('displayName')}><input name="displayName" value={form.displayName} onChange={set('displayName')} required /></Field>
        <Field label={t('users.password')} error={err?.fieldError('password')}><input name="password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required /></Field>
      </div>
      <div className="row">
        <Field label={t('users.unit')} error={err?.fieldError('unitId')}>
          <select name="unitId" value={form.unitId} onChange={set('unitId')} required>
            <option value="" />
            {units.map((u) => <option key={u.id} value={u.id}>{'· '.repeat(u.level - 1)}{pick(u.names, i18n.language)}</option>)}
          </select>
        </Field>
        <Field label={t('users.role')} error={err?.fieldError('roles.0.role')}>
          <select name="role" value={form.role} onChange={set('role')}>
            <option value="" />
            {roles.map((r) => <option key={r.code} value={r.code}>{pick(r.names, i18n.language)}</option>)}
          </select>
        </Field>
      </div>
      <p className="muted small">{t('profile.passwordRules')}</p>
      <FormError error={mutation.error} />
      {mutation.isSuccess && <div className="note ok">{t('users.created', { username: mutation.data.username })}</div>}
      <button className="primary" type="submit" disabled={mutation.isPending}>{t('common.create')}</button>
    </form>
  );
}
