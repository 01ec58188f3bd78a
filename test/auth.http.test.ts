import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { ADMIN_PASSWORD, agencyId, createAppWorld, makeUnit, makeUser, signIn, TEST_PASSWORD, useAppWorld } from './helpers.ts';

const w = useAppWorld({ config: { loginMaxFailures: 3, loginLockMinutes: 15, sessionIdleMinutes: 60 } });

const login = (username: string, password: string) => w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

test('admin signs in with the configured password; the cookie is httpOnly and SameSite', async () => {
  const res = await login('admin', ADMIN_PASSWORD);
  assert.equal(res.statusCode, 200);
  const cookie = res.cookies.find((c) => c.name === 'shekara_session')!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.ok(res.json().csrfToken.length > 20);
  const audit = await w.deps.db.selectFrom('auditEvent').select('action').where('action', '=', 'auth.login').execute();
  assert.ok(audit.length >= 1);
});

test('wrong credentials are a 401 problem, and an unknown user looks the same', async () => {
  const unit = await makeUnit(w, { agency: 'NSC-BS' });
  const user = await makeUser(w, { unitId: unit.id });
  const wrong = await login(user.username, 'Wrong-Password-1');
  const unknown = await login('nobody.here', 'Wrong-Password-1');
  for (const res of [wrong, unknown]) {
    assert.equal(res.statusCode, 401);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().code, 'INVALID_CREDENTIALS');
  }
});

test('repeated failures lock the account (429 with Retry-After) until the lock ends', async () => {
  const unit = await makeUnit(w, { agency: 'NSC-BS' });
  const user = await makeUser(w, { unitId: unit.id });
  assert.equal((await login(user.username, 'Wrong-Password-1')).statusCode, 401);
  assert.equal((await login(user.username, 'Wrong-Password-1')).statusCode, 401);
  const locked = await login(user.username, 'Wrong-Password-1');
  assert.equal(locked.statusCode, 429);
  assert.ok(Number(locked.headers['retry-after']) > 0);
  // even the right password is refused while locked
  assert.equal((await login(user.username, TEST_PASSWORD)).statusCode, 429);
  w.clock.advance(16 * 60_000);
  assert.equal((await login(user.username, TEST_PASSWORD)).statusCode, 200);
});

test('sign-out ends the session on the server: the old cookie no longer works', async () => {
  const unit = await makeUnit(w, { agency: 'MIA' });
  const user = await makeUser(w, { unitId: unit.id, roles: [{ role: 'police_officer' }] });
  const client = await signIn(w.app, user.username);
  assert.equal((await client.request('GET', '/api/v1/auth/session')).statusCode, 200);
  assert.equal((await client.request('POST', '/api/v1/auth/logout')).statusCode, 200);
  assert.equal((await client.request('GET', '/api/v1/auth/session')).statusCode, 401);
});

test('an idle session expires', async () => {
  const unit = await makeUnit(w, { agency: 'MIA' });
  const user = await makeUser(w, { unitId: unit.id, roles: [{ role: 'police_officer' }] });
  const client = await signIn(w.app, user.username);
  w.clock.advance(61 * 60_000);
  assert.equal((await client.request('GET', '/api/v1/auth/session')).statusCode, 401);
});

test('cookie-authenticated writes need the CSRF token; bearer tokens do not', async () => {
  const client = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const noCsrf = await w.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'kk' }, headers: { cookie: client.cookie } });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(noCsrf.json().code, 'CSRF');
  assert.equal((await client.request('PATCH', '/api/v1/me', { locale: 'kk' })).statusCode, 200);

  const created = await client.request('POST', '/api/v1/me/tokens', { name: 'integration' });
  assert.equal(created.statusCode, 201);
  const token = created.json().token as string;
  const bearer = { authorization: `Bearer ${token}` };
  const session = await w.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: bearer });
  assert.equal(session.json().user.username, 'admin');
  assert.equal(session.json().user.locale, 'kk');
  assert.equal((await w.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' }, headers: bearer })).statusCode, 200);
  // the token is stored hashed
  const stored = await w.deps.db.selectFrom('apiToken').select('tokenHash').where('id', '=', created.json().id).executeTakeFirstOrThrow();
  assert.notEqual(stored.tokenHash, token);
  // revoked: refused
  assert.equal((await client.request('DELETE', `/api/v1/me/tokens/${created.json().id}`)).statusCode, 200);
  assert.equal((await w.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: bearer })).statusCode, 401);
});

test('changing one\'s password checks the current one and ends the other sessions', async () => {
  const unit = await makeUnit(w, { agency: 'MF-SRC' });
  const user = await makeUser(w, { unitId: unit.id, roles: [{ role: 'customs_officer' }] });
  const first = await signIn(w.app, user.username);
  const second = await signIn(w.app, user.username);
  const wrong = await first.request('POST', '/api/v1/me/password', { currentPassword: 'nope', newPassword: 'New-Customs-2026' });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().errors[0].path, 'currentPassword');
  const weak = await first.request('POST', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
  assert.equal(weak.statusCode, 400);
  assert.ok(weak.json().errors.length >= 2);
  assert.equal((await first.request('POST', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'New-Customs-2026' })).statusCode, 200);
  assert.equal((await first.request('GET', '/api/v1/auth/session')).statusCode, 200);
  assert.equal((await second.request('GET', '/api/v1/auth/session')).statusCode, 401);
  assert.equal((await login(user.username, 'New-Customs-2026')).statusCode, 200);
});

test('an acting deputy holds the principal\'s roles only during the period', async () => {
  const unit = await makeUnit(w, { agency: 'NSC-BS', level: 3 });
  const head = await makeUser(w, { unitId: unit.id, roles: [{ role: 'unit_head', scopeUnitId: unit.id }] });
  const deputy = await makeUser(w, { unitId: unit.id, roles: [{ role: 'border_officer' }] });
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const from = new Date(w.clock.now().getTime() + 3_600_000);
  const res = await admin.request('POST', '/api/v1/acting-assignments', {
    principalUserId: head.id, deputyUserId: deputy.id, validFrom: from.toISOString(), validTo: new Date(from.getTime() + 86_400_000).toISOString(), basis: 'Order No. 7, leave of the head',
  });
  assert.equal(res.statusCode, 201, res.body);
  const roles = async () => (await (await signIn(w.app, deputy.username)).request('GET', '/api/v1/auth/session')).json().grants.map((g: { role: string; actingForUserId?: string }) => `${g.role}${g.actingForUserId ? '*' : ''}`).sort();
  assert.deepEqual(await roles(), ['border_officer']);
  w.clock.advance(2 * 3_600_000);
  assert.deepEqual(await roles(), ['border_officer', 'unit_head*']);
  w.clock.advance(2 * 86_400_000);
  assert.deepEqual(await roles(), ['border_officer']);
  assert.equal(agencyId('NSC-BS').length, 36);
});

test('the session tells the user\'s time zone: their unit\'s', async () => {
  const unit = await makeUnit(w, { agency: 'NSC-BS', timeZone: 'Asia/Aqtau' });
  const user = await makeUser(w, { unitId: unit.id, roles: [{ role: 'border_officer' }] });
  const session = await (await signIn(w.app, user.username)).request('GET', '/api/v1/auth/session');
  assert.equal(session.json().user.timeZone, 'Asia/Aqtau');
  const admin = await (await signIn(w.app, 'admin', ADMIN_PASSWORD)).request('GET', '/api/v1/auth/session');
  assert.equal(admin.json().user.timeZone, 'Asia/Almaty');
});

test('sign-in attempts from one address are rate-limited (429)', async () => {
  const limited = await createAppWorld({ config: { loginRatePerMinute: 3 } });
  try {
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'nothing-at-all' } })).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 429, 429]);
  } finally {
    await limited.close();
  }
});

test('a resolved token is reused for a few seconds; what this process changes applies at once', async () => {
  const unit = await makeUnit(w, { agency: 'MIA' });
  const user = await makeUser(w, { unitId: unit.id, roles: [{ role: 'police_officer' }] });
  const session = await signIn(w.app, user.username);
  const made = async () => (await session.request('POST', '/api/v1/me/tokens', { name: 'cache' })).json() as { id: string; token: string };
  const asToken = (token: string) => w.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } });

  // another process revokes the token (a statement this process's watch cannot see): it still works
  // here until the cache's time is up (SHEKARA_AUTH_CACHE_SECONDS, 5 s by default), then never again
  const first = await made();
  assert.equal((await asToken(first.token)).statusCode, 200);
  await sql`update api_token set revoked_at = ${w.clock.now()} where id = ${first.id}`.execute(w.deps.db);
  assert.equal((await asToken(first.token)).statusCode, 200);
  w.clock.advance(4_999);
  assert.equal((await asToken(first.token)).statusCode, 200);
  w.clock.advance(1);
  assert.equal((await asToken(first.token)).statusCode, 401);

  // revoked through this process: refused at once
  const second = await made();
  assert.equal((await asToken(second.token)).statusCode, 200);
  assert.equal((await session.request('DELETE', `/api/v1/me/tokens/${second.id}`)).statusCode, 200);
  assert.equal((await asToken(second.token)).statusCode, 401);

  // a grant taken away through this process: the next request no longer has it
  const third = await made();
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  const checkpoints = () => w.app.inject({ method: 'GET', url: '/api/v1/crossings?limit=1', headers: { authorization: `Bearer ${third.token}` } });
  assert.equal((await checkpoints()).statusCode, 404);
  const granted = await admin.request('PUT', `/api/v1/users/${user.id}/roles`, { roles: [{ role: 'police_officer' }, { role: 'duty_officer' }] });
  assert.equal(granted.statusCode, 200, granted.body);
  assert.equal((await checkpoints()).statusCode, 200);
  assert.equal((await admin.request('PUT', `/api/v1/users/${user.id}/roles`, { roles: [{ role: 'police_officer' }] })).statusCode, 200);
  assert.equal((await checkpoints()).statusCode, 404);
});
