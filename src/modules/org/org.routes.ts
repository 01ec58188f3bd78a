import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, listOf, Ok, Uuid } from '../../contracts/common.ts';
import {
  ActingAssignmentView, AgencyView, CounterpartGroupView, CreateActingAssignmentBody, CreateCounterpartGroupBody, CreateOfficerBody,
  CreateUnitBody, CreateUserBody, OfficersQuery, OfficerView, ResetPasswordBody, RoleView, SetRolesBody, UnitsQuery, UnitView,
  UpdateOfficerBody, UpdateUnitBody, UpdateUserBody, UserView,
} from '../../contracts/org.ts';
import { requireCtx } from '../auth/index.ts';
import type { OrgService } from './org.service.ts';
import type { UserService } from './user.service.ts';

export async function orgRoutes(app: FastifyInstance, { org, users }: { org: OrgService; users: UserService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  r.get('/api/v1/agencies', { schema: { tags, summary: 'Agencies (own and foreign partners)', response: { 200: listOf(AgencyView) } } },
    async (req) => ({ items: await org.listAgencies(requireCtx(req)) }));

  r.get('/api/v1/units', { schema: { tags, summary: 'Units of the five-level trees', querystring: UnitsQuery, response: { 200: listOf(UnitView) } } },
    async (req) => ({ items: await org.listUnits(requireCtx(req), req.query) }));
  r.get('/api/v1/units/:id', { schema: { tags, summary: 'One unit', params: IdParams, response: { 200: UnitView } } },
    async (req) => org.getUnit(requireCtx(req), req.params.id));
  r.post('/api/v1/units', { schema: { tags, summary: 'Create a unit below a parent', body: CreateUnitBody, response: { 201: UnitView } } },
    async (req, reply) => reply.status(201).send(await org.createUnit(requireCtx(req), req.body)));
  r.patch('/api/v1/units/:id', { schema: { tags, summary: 'Rename, retype, re-zone or deactivate a unit', params: IdParams, body: UpdateUnitBody, response: { 200: UnitView } } },
    async (req) => org.updateUnit(requireCtx(req), req.params.id, req.body));

  r.get('/api/v1/counterparts', { schema: { tags, summary: 'Counterpart groups: units of different agencies that work together', querystring: z.strictObject({ checkpointId: Uuid.optional(), unitId: Uuid.optional() }), response: { 200: listOf(CounterpartGroupView) } } },
    async (req) => ({ items: await org.listCounterpartGroups(requireCtx(req), req.query) }));
  r.post('/api/v1/counterparts', { schema: { tags, summary: 'Link units of different agencies', body: CreateCounterpartGroupBody, response: { 201: CounterpartGroupView } } },
    async (req, reply) => reply.status(201).send(await org.createCounterpartGroup(requireCtx(req), req.body)));

  r.get('/api/v1/officers', { schema: { tags, summary: 'Officers (personal data; the read is audited)', querystring: OfficersQuery, response: { 200: listOf(OfficerView) } } },
    async (req) => ({ items: await org.listOfficers(requireCtx(req), req.query) }));
  r.get('/api/v1/officers/:id', { schema: { tags, summary: 'One officer (audited read)', params: IdParams, response: { 200: OfficerView } } },
    async (req) => org.getOfficer(requireCtx(req), req.params.id));
  r.post('/api/v1/officers', { schema: { tags, summary: 'Register an officer in a unit', body: CreateOfficerBody, response: { 201: OfficerView } } },
    async (req, reply) => reply.status(201).send(await org.createOfficer(requireCtx(req), req.body)));
  r.patch('/api/v1/officers/:id', { schema: { tags, summary: 'Change an officer', params: IdParams, body: UpdateOfficerBody, response: { 200: OfficerView } } },
    async (req) => org.updateOfficer(requireCtx(req), req.params.id, req.body));

  const userTags = ['users'];
  r.get('/api/v1/roles', { schema: { tags: userTags, summary: 'Roles and their permissions', response: { 200: listOf(RoleView) } } },
    async (req) => (requireCtx(req), { items: await users.listRoles() }));
  r.get('/api/v1/users', { schema: { tags: userTags, summary: 'Users you manage (audited read)', response: { 200: listOf(UserView) } } },
    async (req) => ({ items: await users.listUsers(requireCtx(req)) }));
  r.get('/api/v1/users/:id', { schema: { tags: userTags, summary: 'One user', params: IdParams, response: { 200: UserView } } },
    async (req) => users.getUser(requireCtx(req), req.params.id));
  r.post('/api/v1/users', { config: { secret: true }, schema: { tags: userTags, summary: 'Create a user in a unit with roles', body: CreateUserBody, response: { 201: UserView } } },
    async (req, reply) => reply.status(201).send(await users.createUser(requireCtx(req), req.body)));
  r.patch('/api/v1/users/:id', { schema: { tags: userTags, summary: 'Change a user (deactivating ends their sessions)', params: IdParams, body: UpdateUserBody, response: { 200: UserView } } },
    async (req) => users.updateUser(requireCtx(req), req.params.id, req.body));
  r.put('/api/v1/users/:id/roles', { schema: { tags: userTags, summary: 'Replace a user\'s roles', params: IdParams, body: SetRolesBody, response: { 200: UserView } } },
    async (req) => users.setRoles(requireCtx(req), req.params.id, req.body.roles));
  r.post('/api/v1/users/:id/password', { config: { secret: true }, schema: { tags: userTags, summary: 'Reset a user\'s password (ends their sessions, unlocks)', params: IdParams, body: ResetPasswordBody, response: { 200: Ok } } },
    async (req) => (await users.resetPassword(requireCtx(req), req.params.id, req.body.password), { ok: true as const }));

  r.get('/api/v1/acting-assignments', { schema: { tags: userTags, summary: 'Acting substitutes', response: { 200: listOf(ActingAssignmentView) } } },
    async (req) => ({ items: await users.listActingAssignments(requireCtx(req)) }));
  r.post('/api/v1/acting-assignments', { schema: { tags: userTags, summary: 'Appoint a deputy to act for a principal over a period', body: CreateActingAssignmentBody, response: { 201: ActingAssignmentView } } },
    async (req, reply) => reply.status(201).send(await users.createActingAssignment(requireCtx(req), req.body)));
  r.post('/api/v1/acting-assignments/:id/revoke', { schema: { tags: userTags, summary: 'End an acting assignment early', params: IdParams, response: { 200: Ok } } },
    async (req) => (await users.revokeActingAssignment(requireCtx(req), req.params.id), { ok: true as const }));
}
