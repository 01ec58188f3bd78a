import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can, isCrossAgency, type Actor } from './actor.ts';
import type { Permission } from './permissions.ts';

const actor = (agencyId: string | null, grants: Array<{ permissions: Permission[]; scopeUnitId: string | null }>): Actor => ({
  userId: 'u', username: 'u', displayName: 'u', agencyId, unitId: null, locale: 'en', timeZone: 'UTC', via: 'session',
  grants: grants.map((g) => ({ role: 'r', permissions: new Set(g.permissions), scopeUnitId: g.scopeUnitId })),
});

test('a grant reaches its unit subtree inside the holder\'s agency only', () => {
  const head = actor('bs', [{ permissions: ['officer.read'], scopeUnitId: 'detachment' }]);
  assert.equal(can(head, 'officer.read', { agencyId: 'bs', path: ['hq', 'region', 'detachment', 'post'] }), true);
  assert.equal(can(head, 'officer.read', { agencyId: 'bs', path: ['hq', 'region', 'other'] }), false);
  assert.equal(can(head, 'officer.read', { agencyId: 'mia', path: ['detachment'] }), false);
  assert.equal(can(head, 'officer.manage', { agencyId: 'bs', path: ['detachment'] }), false);
  assert.equal(can(head, 'officer.read'), true);
});

test('an agency-wide grant has no unit limit; a cross-agency one has no agency limit', () => {
  const agencyWide = actor('bs', [{ permissions: ['org.manage'], scopeUnitId: null }]);
  assert.equal(can(agencyWide, 'org.manage', { agencyId: 'bs', path: ['x'] }), true);
  assert.equal(can(agencyWide, 'org.manage', { agencyId: 'mia', path: ['x'] }), false);
  assert.equal(isCrossAgency(agencyWide, 'org.manage'), false);
  const admin = actor(null, [{ permissions: ['org.manage', 'scope.all_agencies'], scopeUnitId: null }]);
  assert.equal(can(admin, 'org.manage', { agencyId: 'mia', path: ['x'] }), true);
  assert.equal(isCrossAgency(admin, 'org.manage'), true);
});

test('a user without an agency and without cross-agency grants reaches no agency record', () => {
  const stray = actor(null, [{ permissions: ['officer.read'], scopeUnitId: null }]);
  assert.equal(can(stray, 'officer.read', { agencyId: 'bs', path: ['x'] }), false);
});
