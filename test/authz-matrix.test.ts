// Every route × an unauthenticated caller, an outsider (signed in, no roles) and a user of another
// agency with full rights there. A record of another agency must answer 404, never 403 or data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../src/platform/ids.ts';
import { ADMIN_PASSWORD, makeOfficer, makeUnit, makeUser, signIn, useAppWorld, type Client } from './helpers.ts';
import { seedId } from '../src/demo/index.ts';
import { parseWatchlistCsv } from '../src/modules/screening/index.ts';
import { cliActor } from '../src/platform/actor.ts';
import { PERMISSIONS } from '../src/platform/permissions.ts';

type Expect = 'public' | 'self' | 'deny' | 'deny-read' | 'allow' | 'filtered';
type Case = { method: string; route: string; url: string; body?: unknown; outsider: Expect; wrongAgency: Expect; hidden?: string };
let cases: Case[] = [];
let outsider: Client;
let wrongAgency: Client;

const w = useAppWorld({ demo: true }, async () => {
  const admin = await signIn(w.app, 'admin', ADMIN_PASSWORD);
  // the Border Service's records that the others must not reach
  const bsUnit = await makeUnit(w, { agency: 'NSC-BS', level: 3 });
  const bsOfficer = await makeOfficer(w, { unitId: bsUnit.id });
  const bsUser = await makeUser(w, { unitId: bsUnit.id, roles: [{ role: 'unit_head', scopeUnitId: bsUnit.id }] });
  const bsDeputy = await makeUser(w, { unitId: bsUnit.id, roles: [{ role: 'border_officer' }] });
  const acting = (await admin.request('POST', '/api/v1/acting-assignments', { principalUserId: bsUser.id, deputyUserId: bsDeputy.id, validFrom: '2026-11-20T00:00:00Z', validTo: '2026-11-30T00:00:00Z', basis: 'Order No. 1' })).json();
  const bsToken = (await (await signIn(w.app, bsUser.username)).request('POST', '/api/v1/me/tokens', { name: 'bs' })).json();
  // the callers
  const outsiderUnit = await makeUnit(w, { agency: 'NSC-BS', level: 3 });
  const outsiderUser = await makeUser(w, { unitId: outsiderUnit.id, roles: [] });
  outsider = await signIn(w.app, outsiderUser.username);
  const miaRoot = await makeUnit(w, { agency: 'MIA', level: 1 });
  const miaUser = await makeUser(w, { unitId: miaRoot.id, roles: [{ role: 'agency_admin' }, { role: 'unit_head' }] });
  wrongAgency = await signIn(w.app, miaUser.username);

  const cp = seedId('checkpoint', 'KORDAY');
  // a watchlist entry and an alert raised by the Border Service
  const cli = { actor: cliActor(new Set(PERMISSIONS)), correlationId: 'matrix', ip: null };
  await w.services.watchlists.importRecords(cli, { ...parseWatchlistCsv('id,list,surname,given_names,aliases,date_of_birth,nationality,sex,document_numbers\nM-1,MATRIX-LIST,Serikov,Arman,,1980,KAZ,M,'), source: 'matrix' });
  const entryId = (await w.deps.db.selectFrom('watchlistEntry').select('id').where('externalId', '=', 'M-1').executeTakeFirstOrThrow()).id;
  const booth = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
  const alertId = (await booth.request('POST', '/api/v1/screenings', { person: { surname: 'Serikov', givenNames: 'Arman' }, checkpointId: cp })).json().hits[0].alertId as string;
  const refdata = await signIn(w.app, 'demo.refdata', 'Shekara-Demo-2026');
  const importCsv = 'id,list,surname,given_names,aliases,date_of_birth,nationality,sex,document_numbers\nI-1,MATRIX-IMPORT,Bekov,Aidar,,1981,KAZ,M,';
  const importId = (await refdata.request('POST', '/api/v1/watchlist-imports', { format: 'csv', fileName: 'm.csv', content: importCsv })).json().id as string;
  await w.services.importJobs.idle();
  // a crossing at Korday, refused (for the notice)
  const crossing = (await booth.request('POST', '/api/v1/crossings', { checkpointId: cp, direction: 'entry', transportMode: 'road', travellerCategory: 'rk_citizen', document: { code: 'P', number: 'N1010101', issuingState: 'KAZ', expiry: '2030-01-01' }, person: { surname: 'Matrix' } })).json();
  await booth.request('POST', `/api/v1/crossings/${crossing.id}/decision`, { decision: 'refuse', reasons: ['NO_VALID_DOCUMENT'] });
  const crossingId = crossing.id as string;
  const vehicleId = (await booth.request('POST', '/api/v1/vehicle-crossings', { checkpointId: cp, direction: 'entry', transportMode: 'road', plate: '001 AAA 02', plateCountry: 'KAZ', vehicleType: 'car' })).json().id as string;
  // information exchange: a Border Service message addressed only to Border Service units, its clocks, a notification, a channel, a Data Bank document
  const duty = await signIn(w.app, 'demo.duty.bs', 'Shekara-Demo-2026');
  const message = (await duty.request('POST', '/api/v1/exchange/messages', { type: 'urgent', subject: 'crisis_precursors', channel: 'phone', toldBy: 'a', toldTo: 'b', summary: 'matrix', counterparts: false, to: [bsUnit.id] })).json();
  const notificationId = (await w.deps.db.selectFrom('notification').select('id').where('subjectId', '=', message.id).executeTakeFirstOrThrow()).id;
  const bsHead = await signIn(w.app, bsUser.username);
  const channelId = (await bsHead.request('POST', '/api/v1/notification-channels', { unitId: bsUnit.id, kind: 'email', target: 'desk@bs.example' })).json().id as string;
  const doc = (await duty.request('POST', '/api/v1/udb/documents', { kind: 'review', language: 'ru', title: 'Матрица', body: 'Текст', visibility: 'agency', attachments: [{ fileName: 'a.txt', mediaType: 'text/plain', contentBase64: 'YQ==' }] })).json();
  const oral = { channel: 'phone', toldBy: 'a', toldTo: 'b' };
  // an SEZ whose parties are Border Service units (so that the MIA caller is of another agency): a list, an admission, a plan, a roster, an inspection
  const sezId = newId();
  const now = w.clock.now();
  await w.deps.db.insertInto('sez').values({ id: sezId, code: 'MATRIX-SEZ', nameKk: 'M', nameRu: 'M', nameEn: 'M', descriptionEn: null, legalBasis: null, createdAt: now }).execute();
  await w.deps.db.insertInto('sezCheckpoint').values({ sezId, checkpointId: cp }).execute();
  const groupId = newId();
  await w.deps.db.insertInto('counterpartGroup').values({ id: groupId, purpose: 'sez_passage', level: 3, checkpointId: cp, sezId, nameKk: 'M', nameRu: 'M', nameEn: 'M', createdAt: now }).execute();
  const sezBs = await makeUnit(w, { agency: 'NSC-BS', level: 3 });
  await w.deps.db.insertInto('counterpartMember').values([{ groupId, unitId: bsUnit.id, role: 'police_body' }, { groupId, unitId: sezBs.id, role: 'bs_military_unit' }]).execute();
  const sezList = (await bsHead.request('POST', '/api/v1/sez/lists', { sezId, kind: 'monthly', month: '2026-12', officers: [{ surname: 'A', givenName: 'B', certificateNo: 'M-0001' }] })).json();
  const deputy = await signIn(w.app, bsDeputy.username);
  const admission = (await deputy.request('POST', '/api/v1/sez/admissions', { sezId, direction: 'entry', surname: 'A', givenName: 'B', certificateNo: 'M-0001', idDocumentNo: '0123456789' })).json();
  const sezPlan = (await bsHead.request('PUT', '/api/v1/sez/plans', { sezId, year: 2027, squadCount: 1, tasks: ['t'], equipment: ['e'], routes: [{ name: 'r', coordinates: [[80, 44], [80.1, 44.1]] }] })).json();
  const roster = (await bsHead.request('PUT', '/api/v1/sez/rosters', { sezId, day: '2026-11-21', posts: [{ post: 'p', squad: 's', from: '08:00', to: '20:00', officers: ['o'] }] })).json();
  const inspection = (await bsHead.request('POST', '/api/v1/sez/inspections', { sezId, plannedOn: '2026-11-25', squad: 's', inspector: 'i' })).json();
  assert.ok(sezList.id && admission.id && sezPlan.id && roster.id && inspection.id, 'SEZ records for the matrix');
  const officersBody = { officers: [{ surname: 'A', givenName: 'B', certificateNo: 'M-0002' }] };
  // cases of the Border Service: a detention with an item, a hand-over act between two of its units, a use-of-force report
  const detentionBody = { source: 'patrol', unitId: bsUnit.id, unidentified: true, description: 'matrix', category: 'border_violator_other', place: { description: 'matrix' }, detainedAt: '2026-11-20T05:00:00Z', grounds: 'matrix', procedure: 'administrative', items: [{ kind: 'goods', description: 'box', quantity: 1, measure: 'pcs' }] };
  const detention = (await bsHead.request('POST', '/api/v1/detentions', detentionBody)).json();
  const handover = (await bsHead.request('POST', '/api/v1/handover-acts', { fromUnitId: bsUnit.id, toUnitId: sezBs.id, detentionId: detention.id, basis: 'matrix', handingOfficer: 'matrix' })).json();
  const itemId = detention.items[0].id as string;
  const forceBody = { unitId: bsUnit.id, servicemen: 'x', usedAt: '2026-11-20T05:00:00Z', place: { description: 'x', inBorderSpace: true }, means: ['physical_force'], ground: '75.2.1', warning: 'verbal', prohibitions: { women: false, obviousDisability: false, minors: false, vehicleWithPassengers: false, unintentionalCrosser: false, animals: false }, outcome: 'x' };
  const force = (await bsHead.request('POST', '/api/v1/use-of-force', forceBody)).json();
  const incidentBody = { unitId: bsUnit.id, neighbourCountry: 'KGZ', domain: 'land', occurredAt: '2026-11-20T04:00:00Z', place: { description: 'x' }, summary: 'x', violation: 'x' };
  const incident = (await bsHead.request('POST', '/api/v1/border-incidents', incidentBody)).json();
  assert.ok(detention.id && handover.id && force.id && incident.id, `case records for the matrix: ${JSON.stringify([handover, force, incident]).slice(0, 600)}`);
  const act = seedId('act', 'LAW-2013-70-V');
  const names = { kk: 'a', ru: 'b', en: 'c' };
  const unitBody = { parentId: bsUnit.id, unitType: 'POST', code: `M-${newId().slice(-6).toUpperCase()}`, names };
  const cpBody = { code: 'MATRIX-CP', names, borderSectionId: seedId('section', 'KAZ-CHN'), transportModes: ['road'], category: 'bilateral', latitude: 44, longitude: 80, timeZone: 'Asia/Almaty', workingHours: { always: true } };
  const actBody = { code: 'MATRIX-ACT', actType: 'order', number: '1', adoptedOn: '2026-01-01', titles: { en: 'x' }, issuer: 'x', status: 'in_force' };
  const c = (method: string, route: string, url: string, outsider: Expect, wrongAgency: Expect, body?: unknown, hidden?: string): Case => ({ method, route, url, outsider, wrongAgency, body, hidden });
  cases = [
    c('POST', '/api/v1/auth/login', '/api/v1/auth/login', 'public', 'public', { username: 'demo.analyst', password: 'Shekara-Demo-2026' }),
    c('GET', '/api/v1/demo-users', '/api/v1/demo-users', 'public', 'public'),
    c('GET', '/health/live', '/health/live', 'public', 'public'),
    c('GET', '/health/ready', '/health/ready', 'public', 'public'),
    c('GET', '/api/v1/auth/session', '/api/v1/auth/session', 'self', 'self'),
    c('PATCH', '/api/v1/me', '/api/v1/me', 'self', 'self', { locale: 'ru' }),
    c('POST', '/api/v1/me/password', '/api/v1/me/password', 'self', 'self', { currentPassword: 'wrong', newPassword: 'Whatever-2026-x' }),
    c('GET', '/api/v1/me/tokens', '/api/v1/me/tokens', 'self', 'self'),
    c('POST', '/api/v1/me/tokens', '/api/v1/me/tokens', 'self', 'self', { name: 'mine' }),
    c('DELETE', '/api/v1/me/tokens/{id}', `/api/v1/me/tokens/${bsToken.id}`, 'deny', 'deny'),
    c('GET', '/api/v1/roles', '/api/v1/roles', 'self', 'self'),
    c('GET', '/api/v1/geo/boundaries', '/api/v1/geo/boundaries', 'self', 'self'),
    c('GET', '/api/v1/agencies', '/api/v1/agencies', 'deny-read', 'allow'),
    c('GET', '/api/v1/units', '/api/v1/units', 'deny-read', 'allow'),
    c('GET', '/api/v1/units/{id}', `/api/v1/units/${bsUnit.id}`, 'deny-read', 'allow'),
    c('POST', '/api/v1/units', '/api/v1/units', 'deny', 'deny', unitBody),
    c('PATCH', '/api/v1/units/{id}', `/api/v1/units/${bsUnit.id}`, 'deny', 'deny', { isActive: false }),
    c('GET', '/api/v1/counterparts', '/api/v1/counterparts', 'deny-read', 'allow'),
    c('POST', '/api/v1/counterparts', '/api/v1/counterparts', 'deny', 'deny', { purpose: 'migration_interaction', level: 3, names, members: [{ unitId: bsUnit.id, role: 'a' }, { unitId: outsiderUnit.id, role: 'b' }] }),
    c('GET', '/api/v1/officers', '/api/v1/officers', 'deny-read', 'filtered', undefined, bsOfficer.id),
    c('GET', '/api/v1/officers/{id}', `/api/v1/officers/${bsOfficer.id}`, 'deny', 'deny'),
    c('POST', '/api/v1/officers', '/api/v1/officers', 'deny', 'deny', { unitId: bsUnit.id, surname: 'X', givenNames: 'Y', position: 'Z' }),
    c('PATCH', '/api/v1/officers/{id}', `/api/v1/officers/${bsOfficer.id}`, 'deny', 'deny', { rank: 'major' }),
    c('GET', '/api/v1/users', '/api/v1/users', 'deny-read', 'filtered', undefined, bsUser.id),
    c('GET', '/api/v1/users/{id}', `/api/v1/users/${bsUser.id}`, 'deny', 'deny'),
    c('POST', '/api/v1/users', '/api/v1/users', 'deny', 'deny', { username: 'matrix.user', displayName: 'x', password: 'Matrix-User-2026', unitId: bsUnit.id, roles: [] }),
    c('PATCH', '/api/v1/users/{id}', `/api/v1/users/${bsUser.id}`, 'deny', 'deny', { isActive: false }),
    c('PUT', '/api/v1/users/{id}/roles', `/api/v1/users/${bsUser.id}/roles`, 'deny', 'deny', { roles: [] }),
    c('POST', '/api/v1/users/{id}/password', `/api/v1/users/${bsUser.id}/password`, 'deny', 'deny', { password: 'Taken-Over-2026' }),
    c('GET', '/api/v1/acting-assignments', '/api/v1/acting-assignments', 'filtered', 'filtered', undefined, acting.id),
    c('POST', '/api/v1/acting-assignments', '/api/v1/acting-assignments', 'deny', 'deny', { principalUserId: bsUser.id, deputyUserId: bsDeputy.id, validFrom: '2026-11-20T00:00:00Z', validTo: '2026-11-21T00:00:00Z', basis: 'Order No. 2' }),
    c('POST', '/api/v1/acting-assignments/{id}/revoke', `/api/v1/acting-assignments/${acting.id}/revoke`, 'deny', 'deny'),
    c('GET', '/api/v1/border-sections', '/api/v1/border-sections', 'deny-read', 'allow'),
    c('GET', '/api/v1/checkpoints', '/api/v1/checkpoints', 'deny-read', 'allow'),
    c('GET', '/api/v1/checkpoints/{id}', `/api/v1/checkpoints/${cp}`, 'deny-read', 'allow'),
    c('POST', '/api/v1/checkpoints', '/api/v1/checkpoints', 'deny', 'deny', cpBody),
    c('PATCH', '/api/v1/checkpoints/{id}', `/api/v1/checkpoints/${cp}`, 'deny', 'deny', { category: 'simplified' }),
    c('POST', '/api/v1/checkpoints/{id}/status', `/api/v1/checkpoints/${cp}/status`, 'deny', 'deny', { status: 'open' }),
    c('GET', '/api/v1/checkpoints/{id}/status-history', `/api/v1/checkpoints/${cp}/status-history`, 'deny-read', 'allow'),
    c('GET', '/api/v1/sezs', '/api/v1/sezs', 'deny-read', 'allow'),
    c('GET', '/api/v1/legal-acts', '/api/v1/legal-acts', 'deny-read', 'allow'),
    c('GET', '/api/v1/legal-acts/{id}', `/api/v1/legal-acts/${act}`, 'deny-read', 'allow'),
    c('PUT', '/api/v1/legal-acts', '/api/v1/legal-acts', 'deny', 'deny', actBody),
    c('GET', '/api/v1/rule-packs', '/api/v1/rule-packs', 'deny-read', 'allow'),
    c('GET', '/api/v1/audit-events', '/api/v1/audit-events', 'deny-read', 'filtered', undefined, 'NSC-BS'),
    c('GET', '/api/v1/audit-events/verify', '/api/v1/audit-events/verify', 'deny', 'deny'),
    c('POST', '/api/v1/screenings', '/api/v1/screenings', 'deny', 'deny', { person: { surname: 'Serikov', givenNames: 'Arman' } }),
    c('GET', '/api/v1/watchlists', '/api/v1/watchlists', 'deny', 'allow'),
    c('GET', '/api/v1/watchlist-entries', '/api/v1/watchlist-entries?q=Serikov%20Arman', 'deny', 'allow'),
    c('GET', '/api/v1/watchlist-entries/{id}', `/api/v1/watchlist-entries/${entryId}`, 'deny', 'allow'),
    c('PUT', '/api/v1/watchlist-entries', '/api/v1/watchlist-entries', 'deny', 'deny', { list: 'MATRIX-LIST', entryId: 'M-1', names: [{ name: 'Changed Name' }] }),
    c('POST', '/api/v1/watchlist-entries/{id}/remove', `/api/v1/watchlist-entries/${entryId}/remove`, 'deny', 'deny'),
    c('POST', '/api/v1/lost-documents', '/api/v1/lost-documents', 'deny', 'deny', { issuingState: 'KAZ', number: 'N99999999', status: 'lost', source: 'matrix' }),
    c('POST', '/api/v1/watchlist-imports', '/api/v1/watchlist-imports', 'deny', 'deny', { format: 'csv', fileName: 'x.csv', content: importCsv }),
    c('GET', '/api/v1/watchlist-imports', '/api/v1/watchlist-imports', 'deny', 'deny'),
    c('GET', '/api/v1/watchlist-imports/{id}', `/api/v1/watchlist-imports/${importId}`, 'deny', 'deny'),
    c('GET', '/api/v1/refusal-reasons', '/api/v1/refusal-reasons', 'deny', 'allow'),
    c('GET', '/api/v1/checkpoints/{id}/lanes', `/api/v1/checkpoints/${cp}/lanes`, 'deny', 'allow'),
    c('POST', '/api/v1/crossings', '/api/v1/crossings', 'deny', 'deny', { checkpointId: cp, direction: 'entry', transportMode: 'road', travellerCategory: 'rk_citizen', document: { code: 'P', number: 'N2020202', issuingState: 'KAZ' }, person: { surname: 'Other' } }),
    c('GET', '/api/v1/crossings', '/api/v1/crossings', 'deny', 'deny-read'),
    c('GET', '/api/v1/crossings/{id}', `/api/v1/crossings/${crossingId}`, 'deny', 'deny'),
    c('GET', '/api/v1/crossings/{id}/versions', `/api/v1/crossings/${crossingId}/versions`, 'deny', 'deny'),
    c('POST', '/api/v1/crossings/{id}/decision', `/api/v1/crossings/${crossingId}/decision`, 'deny', 'deny', { decision: 'pass' }),
    c('POST', '/api/v1/crossings/{id}/leave', `/api/v1/crossings/${crossingId}/leave`, 'deny', 'deny'),
    c('POST', '/api/v1/crossings/{id}/corrections', `/api/v1/crossings/${crossingId}/corrections`, 'deny', 'deny', { reason: 'matrix check', purpose: 'other' }),
    c('GET', '/api/v1/checkpoints/{id}/control-stats', `/api/v1/checkpoints/${cp}/control-stats`, 'deny', 'deny'),
    c('POST', '/api/v1/vehicle-crossings', '/api/v1/vehicle-crossings', 'deny', 'deny', { checkpointId: cp, direction: 'entry', transportMode: 'road', plate: '002 AAA 02', plateCountry: 'KAZ', vehicleType: 'car' }),
    c('GET', '/api/v1/vehicle-crossings', '/api/v1/vehicle-crossings', 'deny', 'filtered', undefined, vehicleId),
    c('GET', '/api/v1/vehicle-crossings/{id}', `/api/v1/vehicle-crossings/${vehicleId}`, 'deny', 'deny'),
    c('POST', '/api/v1/vehicle-crossings/{id}/marks', `/api/v1/vehicle-crossings/${vehicleId}/marks`, 'deny', 'deny', { body: 'customs', reference: 'M-1' }),
    c('POST', '/api/v1/vehicle-crossings/{id}/examinations', `/api/v1/vehicle-crossings/${vehicleId}/examinations`, 'deny', 'deny', { kind: 'examination', result: 'nothing_found' }),
    c('POST', '/api/v1/vehicle-crossings/{id}/decision', `/api/v1/vehicle-crossings/${vehicleId}/decision`, 'deny', 'deny', { decision: 'pass' }),
    c('POST', '/api/v1/vehicle-crossings/{id}/leave', `/api/v1/vehicle-crossings/${vehicleId}/leave`, 'deny', 'deny'),
    c('GET', '/api/v1/overstays', '/api/v1/overstays', 'deny', 'deny-read'),
    c('GET', '/api/v1/overview', '/api/v1/overview', 'filtered', 'filtered', undefined, cp),
    c('GET', '/api/v1/me/checkpoints', '/api/v1/me/checkpoints', 'filtered', 'filtered', undefined, cp),
    c('GET', '/api/v1/overstays.csv', '/api/v1/overstays.csv', 'deny', 'deny-read'),
    c('GET', '/api/v1/stays', '/api/v1/stays?issuingState=KAZ&documentNumber=N1010101', 'deny', 'deny-read'),
    c('GET', '/api/v1/crossings/{id}/refusal-notice', `/api/v1/crossings/${crossingId}/refusal-notice`, 'deny', 'deny'),
    c('POST', '/api/v1/mrz/parse', '/api/v1/mrz/parse', 'self', 'self', { lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] }),
    c('GET', '/api/v1/screening-alerts', '/api/v1/screening-alerts', 'deny', 'filtered', undefined, alertId),
    c('POST', '/api/v1/screening-alerts/{id}/adjudicate', `/api/v1/screening-alerts/${alertId}/adjudicate`, 'deny', 'deny', { status: 'false_match', reason: 'not our alert' }),
    c('POST', '/api/v1/rule-packs', '/api/v1/rule-packs', 'deny', 'deny', { code: 'EXCHANGE-DEADLINES', actId: act, titleEn: 'matrix pack', effectiveFrom: '2030-01-01', content: {} }),
    c('POST', '/api/v1/exchange/messages', '/api/v1/exchange/messages', 'deny', 'deny', { type: 'daily', unitId: bsUnit.id, ...oral, summary: 'x', to: [outsiderUnit.id] }),
    c('GET', '/api/v1/exchange/messages', '/api/v1/exchange/messages', 'deny', 'filtered', undefined, message.id),
    c('GET', '/api/v1/exchange/messages/{id}', `/api/v1/exchange/messages/${message.id}`, 'deny', 'deny'),
    c('POST', '/api/v1/exchange/messages/{id}/confirmation', `/api/v1/exchange/messages/${message.id}/confirmation`, 'deny', 'deny', { channel: 'written', summary: 'x' }),
    c('POST', '/api/v1/exchange/messages/{id}/acknowledge', `/api/v1/exchange/messages/${message.id}/acknowledge`, 'deny', 'deny'),
    c('POST', '/api/v1/exchange/messages/{id}/escalate', `/api/v1/exchange/messages/${message.id}/escalate`, 'deny', 'deny', { note: 'x' }),
    c('GET', '/api/v1/exchange/obligations', '/api/v1/exchange/obligations', 'deny', 'filtered', undefined, message.id),
    c('GET', '/api/v1/exchange/compliance', '/api/v1/exchange/compliance?from=2026-11-01&to=2026-11-30', 'deny', 'filtered', undefined, 'NSC-BS'),
    c('GET', '/api/v1/exchange/compliance.csv', '/api/v1/exchange/compliance.csv?from=2026-11-01&to=2026-11-30', 'deny', 'filtered', undefined, bsUnit.id),
    c('GET', '/api/v1/exchange/compliance/report', '/api/v1/exchange/compliance/report?month=2026-11', 'deny', 'allow'),
    c('GET', '/api/v1/notifications', '/api/v1/notifications', 'deny-read', 'filtered', undefined, notificationId),
    c('POST', '/api/v1/notifications/{id}/seen', `/api/v1/notifications/${notificationId}/seen`, 'deny', 'deny'),
    c('GET', '/api/v1/notifications/stream', '/api/v1/notifications/stream?wait=0', 'deny', 'filtered', undefined, notificationId),
    c('GET', '/api/v1/notification-channels', '/api/v1/notification-channels', 'deny', 'filtered', undefined, channelId),
    c('POST', '/api/v1/notification-channels', '/api/v1/notification-channels', 'deny', 'deny', { unitId: bsUnit.id, kind: 'webhook', target: 'https://example.org/x' }),
    c('POST', '/api/v1/notification-channels/{id}/remove', `/api/v1/notification-channels/${channelId}/remove`, 'deny', 'deny'),
    c('POST', '/api/v1/udb/documents', '/api/v1/udb/documents', 'deny', 'deny', { kind: 'review', language: 'ru', title: 'x', body: 'y', unitId: bsUnit.id }),
    c('GET', '/api/v1/udb/documents', '/api/v1/udb/documents', 'deny', 'filtered', undefined, doc.id),
    c('GET', '/api/v1/udb/documents/{id}', `/api/v1/udb/documents/${doc.id}`, 'deny', 'deny'),
    c('GET', '/api/v1/udb/documents/{id}/attachments/{sha256}', `/api/v1/udb/documents/${doc.id}/attachments/${doc.attachments[0].sha256}`, 'deny', 'deny'),
    c('GET', '/api/v1/sez', '/api/v1/sez', 'deny-read', 'filtered', undefined, sezId),
    c('GET', '/api/v1/sez/calendar', `/api/v1/sez/calendar?sezId=${sezId}&month=2026-11`, 'deny', 'deny'),
    c('GET', '/api/v1/sez/lists', '/api/v1/sez/lists', 'deny-read', 'filtered', undefined, sezList.id),
    c('POST', '/api/v1/sez/lists', '/api/v1/sez/lists', 'deny', 'deny', { sezId, kind: 'monthly', month: '2027-01', ...officersBody }),
    c('GET', '/api/v1/sez/lists/{id}', `/api/v1/sez/lists/${sezList.id}`, 'deny', 'deny'),
    c('PUT', '/api/v1/sez/lists/{id}', `/api/v1/sez/lists/${sezList.id}`, 'deny', 'deny', officersBody),
    ...['sign', 'agree', 'forward', 'receive'].map((a) => c('POST', `/api/v1/sez/lists/{id}/${a}`, `/api/v1/sez/lists/${sezList.id}/${a}`, 'deny', 'deny')),
    c('POST', '/api/v1/sez/lists/{id}/return', `/api/v1/sez/lists/${sezList.id}/return`, 'deny', 'deny', { reason: 'x' }),
    c('POST', '/api/v1/sez/lists/{id}/close', `/api/v1/sez/lists/${sezList.id}/close`, 'deny', 'deny', {}),
    c('POST', '/api/v1/sez/lists/{id}/versions', `/api/v1/sez/lists/${sezList.id}/versions`, 'deny', 'deny', { reason: 'x', ...officersBody }),
    c('GET', '/api/v1/sez/lists/{id}/form.pdf', `/api/v1/sez/lists/${sezList.id}/form.pdf`, 'deny', 'deny'),
    c('POST', '/api/v1/sez/admissions', '/api/v1/sez/admissions', 'deny', 'deny', { sezId, direction: 'entry', surname: 'A', givenName: 'B', certificateNo: 'M-0001', idDocumentNo: '0123456789' }),
    c('GET', '/api/v1/sez/admissions', `/api/v1/sez/admissions?sezId=${sezId}`, 'deny', 'deny'),
    c('GET', '/api/v1/sez/weapons-inside', `/api/v1/sez/weapons-inside?sezId=${sezId}`, 'deny', 'deny'),
    c('GET', '/api/v1/sez/plans', `/api/v1/sez/plans?sezId=${sezId}`, 'deny', 'deny'),
    c('PUT', '/api/v1/sez/plans', '/api/v1/sez/plans', 'deny', 'deny', { sezId, year: 2028, squadCount: 1, tasks: ['t'], equipment: ['e'], routes: [{ name: 'r', coordinates: [[80, 44], [80.1, 44.1]] }] }),
    c('GET', '/api/v1/sez/plans/{id}', `/api/v1/sez/plans/${sezPlan.id}`, 'deny', 'deny'),
    c('POST', '/api/v1/sez/plans/{id}/{action}', `/api/v1/sez/plans/${sezPlan.id}/send`, 'deny', 'deny', {}),
    c('GET', '/api/v1/sez/rosters', `/api/v1/sez/rosters?sezId=${sezId}&from=2026-11-01&to=2026-11-30`, 'deny', 'deny'),
    c('PUT', '/api/v1/sez/rosters', '/api/v1/sez/rosters', 'deny', 'deny', { sezId, day: '2026-11-22', posts: [{ post: 'p', squad: 's', from: '08:00', to: '20:00', officers: ['o'] }] }),
    c('POST', '/api/v1/sez/rosters/{id}/approve', `/api/v1/sez/rosters/${roster.id}/approve`, 'deny', 'deny'),
    c('GET', '/api/v1/sez/inspections', `/api/v1/sez/inspections?sezId=${sezId}&month=2026-11`, 'deny', 'deny'),
    c('POST', '/api/v1/sez/inspections', '/api/v1/sez/inspections', 'deny', 'deny', { sezId, plannedOn: '2026-11-26', squad: 's', inspector: 'i' }),
    c('POST', '/api/v1/sez/inspections/{id}/record', `/api/v1/sez/inspections/${inspection.id}/record`, 'deny', 'deny', { performedAt: '2026-11-20T05:00:00Z', findings: 'f' }),
    c('POST', '/api/v1/detentions', '/api/v1/detentions', 'deny', 'deny', detentionBody),
    c('GET', '/api/v1/detentions/{id}', `/api/v1/detentions/${detention.id}`, 'deny', 'deny'),
    c('GET', '/api/v1/detentions/{id}/photo', `/api/v1/detentions/${detention.id}/photo`, 'deny', 'deny'),
    c('POST', '/api/v1/detentions/{id}/versions', `/api/v1/detentions/${detention.id}/versions`, 'deny', 'deny', { reason: 'x', heldAt: 'bs_premises' }),
    c('POST', '/api/v1/detentions/{id}/items', `/api/v1/detentions/${detention.id}/items`, 'deny', 'deny', { items: [{ kind: 'goods', description: 'x', quantity: 1, measure: 'pcs' }] }),
    c('POST', '/api/v1/handover-acts', '/api/v1/handover-acts', 'deny', 'deny', { fromUnitId: bsUnit.id, toUnitId: sezBs.id, basis: 'x', handingOfficer: 'x', lines: [{ itemId }] }),
    c('GET', '/api/v1/handover-acts/{id}', `/api/v1/handover-acts/${handover.id}`, 'deny', 'deny'),
    c('POST', '/api/v1/handover-acts/{id}/accept', `/api/v1/handover-acts/${handover.id}/accept`, 'deny', 'deny', { receivingOfficer: 'x' }),
    c('POST', '/api/v1/handover-acts/{id}/refuse', `/api/v1/handover-acts/${handover.id}/refuse`, 'deny', 'deny', { reason: 'xxx' }),
    c('POST', '/api/v1/handover-acts/{id}/measures', `/api/v1/handover-acts/${handover.id}/measures`, 'deny', 'deny', { measures: 'xxx' }),
    c('GET', '/api/v1/handover-acts/{id}/act.pdf', `/api/v1/handover-acts/${handover.id}/act.pdf`, 'deny', 'deny'),
    c('GET', '/api/v1/custody-items/{id}/chain', `/api/v1/custody-items/${itemId}/chain`, 'deny', 'deny'),
    c('GET', '/api/v1/custody-items/{id}/chain.pdf', `/api/v1/custody-items/${itemId}/chain.pdf`, 'deny', 'deny'),
    c('GET', '/api/v1/use-of-force/{id}/report.pdf', `/api/v1/use-of-force/${force.id}/report.pdf`, 'deny', 'deny'),
    c('GET', '/api/v1/custody-board', `/api/v1/custody-board?unitId=${bsUnit.id}`, 'deny', 'deny'),
    c('POST', '/api/v1/use-of-force', '/api/v1/use-of-force', 'deny', 'deny', forceBody),
    c('GET', '/api/v1/use-of-force', `/api/v1/use-of-force?unitId=${bsUnit.id}`, 'deny', 'deny'),
    c('GET', '/api/v1/use-of-force/{id}', `/api/v1/use-of-force/${force.id}`, 'deny', 'deny'),
    c('POST', '/api/v1/use-of-force/{id}/prosecutor-notice', `/api/v1/use-of-force/${force.id}/prosecutor-notice`, 'deny', 'deny', { notifiedAt: '2026-11-20T05:30:00Z', notice: 'x' }),
    c('POST', '/api/v1/use-of-force/{id}/premises-notice', `/api/v1/use-of-force/${force.id}/premises-notice`, 'deny', 'deny', { notifiedAt: '2026-11-20T05:30:00Z', notice: 'x' }),
    c('POST', '/api/v1/border-incidents', '/api/v1/border-incidents', 'deny', 'deny', incidentBody),
    c('GET', '/api/v1/border-incidents/{id}', `/api/v1/border-incidents/${incident.id}`, 'deny', 'deny'),
    c('POST', '/api/v1/border-incidents/{id}/steps', `/api/v1/border-incidents/${incident.id}/steps`, 'deny', 'deny', { kind: 'investigation', mode: 'joint' }),
    c('GET', '/api/v1/border-incidents', '/api/v1/border-incidents', 'deny-read', 'filtered', undefined, incident.id),
    c('GET', '/api/v1/case-statistics', `/api/v1/case-statistics?unitId=${bsUnit.id}&from=2026-11-01&to=2026-11-30`, 'deny', 'deny'),
    c('GET', '/api/v1/border-representatives', '/api/v1/border-representatives', 'deny', 'allow'),
    c('POST', '/api/v1/border-representatives', '/api/v1/border-representatives', 'deny', 'deny', { side: 'kazakhstan', neighbourCountry: 'KGZ', fullName: 'x', position: 'x', role: 'representative', validFrom: '2026-01-01' }),
    // last: it ends the caller's session
    c('POST', '/api/v1/auth/logout', '/api/v1/auth/logout', 'public', 'public'),
  ];
});

test('the matrix names every route of the OpenAPI document', async () => {
  const doc = (await w.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
  const covered = cases.map((c) => `${c.method} ${c.route}`).sort();
  assert.deepEqual(documented.filter((r) => !covered.includes(r)), [], 'routes missing from the matrix');
});

const isEmptyList = (body: unknown) => Array.isArray((body as { items?: unknown[] })?.items) && (body as { items: unknown[] }).items.length === 0;

function check(who: string, expect: Expect, c: Case, res: { statusCode: number; body: string; json(): unknown }) {
  const label = `${who} ${c.method} ${c.url} → ${res.statusCode}`;
  assert.ok(res.statusCode < 500, label);
  switch (expect) {
    case 'public':
    case 'self':
      assert.notEqual(res.statusCode, 401, label);
      assert.notEqual(res.statusCode, 403, label);
      break;
    case 'deny':
      assert.equal(res.statusCode, 404, `${label} ${res.body.slice(0, 200)}`);
      break;
    case 'deny-read':
      assert.ok(res.statusCode === 404 || (res.statusCode === 200 && isEmptyList(res.json())), `${label} ${res.body.slice(0, 120)}`);
      break;
    case 'allow':
      assert.equal(res.statusCode, 200, label);
      break;
    case 'filtered': {
      assert.equal(res.statusCode, 200, label);
      const hidden = c.hidden === 'NSC-BS' ? seedId('agency', 'NSC-BS') : c.hidden!;
      assert.ok(!res.body.includes(hidden), `${label} leaks ${hidden}`);
      break;
    }
  }
}

test('an unauthenticated caller gets 401 on every non-public route', async () => {
  for (const c of cases) {
    const res = await w.app.inject({ method: c.method as never, url: c.url, ...(c.body === undefined ? {} : { payload: c.body as never }) });
    if (c.outsider === 'public') assert.notEqual(res.statusCode, 401, c.url);
    else assert.equal(res.statusCode, 401, `${c.method} ${c.url} → ${res.statusCode}`);
  }
});

test('an outsider with no roles reaches nothing but their own account', async () => {
  for (const c of cases) check('outsider', c.outsider, c, await outsider.request(c.method, c.url, c.body));
});

test('a user of another agency gets 404 for the Border Service\'s records', async () => {
  for (const c of cases) check('wrong-agency', c.wrongAgency, c, await wrongAgency.request(c.method, c.url, c.body));
});
