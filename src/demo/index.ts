import type { Names } from '../contracts/common.ts';
import { EXCHANGE_PACKS, EXCHANGE_PACK_CODE } from '../modules/exchange/rules.ts';
import { SEZ_PACKS, SEZ_PACK_CODE } from '../modules/sez/rules.ts';
import { CASE_PACKS, CASE_PACK_CODE } from '../modules/cases/rules.ts';
import { v5 as uuidv5 } from 'uuid';
import type { Db, Executor } from '../platform/db.ts';
import type { Deps } from '../platform/deps.ts';
import { recordChange } from '../modules/audit/index.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { REFUSAL_PACK_CODE, REFUSAL_PACK_FROM, REFUSAL_REASONS_2013, STAY_PACK_CODE, STAY_PACK_FROM, STAY_RULES_DEMO } from '../modules/crossings/refusal-reasons.ts';
import { MARK_RULES_DEMO, MARKS_PACK_CODE, RISK_PACK_CODE, RISK_RULES_DEMO, VEHICLE_PACKS_FROM } from '../modules/crossings/vehicle-rules.ts';
import { AGENCIES, BORDER_SECTIONS, LEGAL_ACTS } from './reference.ts';
import { CHECKPOINTS, COUNTERPARTS, DEMO_WATCHLIST_CSV, OFFICERS, SEZS, UNITS, USERS } from './demo-data.ts';
import { createScreeningModule, parseWatchlistCsv } from '../modules/screening/index.ts';
import { cliActor } from '../platform/actor.ts';
import { PERMISSIONS } from '../platform/permissions.ts';

/** The shared password of every demo account: shown on the sign-in page while demo data is loaded. */
export const DEMO_PASSWORD = 'Shekara-Demo-2026';

// Reference and demo rows get ids derived from their codes (UUID v5), so every node that seeds
// them — HQ or an offline checkpoint node — gives the same record the same id.
const NAMESPACE = '6f1c2b0e-6a57-4c1e-9d0b-5e8a2f3c7d11';
export const seedId = (kind: string, code: string) => uuidv5(`${kind}:${code}`, NAMESPACE);

const n3 = (names: readonly [string, string, string]) => ({ nameKk: names[0], nameRu: names[1], nameEn: names[2] });

/** Loads the reference data every instance needs (agencies, border sections, legal acts). Idempotent. */
export async function seedReference(deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (const a of AGENCIES) {
      const r = await trx.insertInto('agency').values({
        id: seedId('agency', a.code), code: a.code, kind: a.kind, country: a.country, parentAgencyId: a.parent ? seedId('agency', a.parent) : null,
        ...n3(a.names), shortKk: a.short[0], shortRu: a.short[1], shortEn: a.short[2], createdAt: now, updatedAt: now,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    for (const s of BORDER_SECTIONS) {
      const r = await trx.insertInto('borderSection').values({ id: seedId('section', s.code), code: s.code, neighbourCountry: s.neighbour, kind: s.kind, ...n3(s.names), lengthKm: s.lengthKm, createdAt: now })
        .onConflict((oc) => oc.doNothing()).executeTakeFirst();
      inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    for (const act of LEGAL_ACTS) {
      const r = await trx.insertInto('legalAct').values({
        id: seedId('act', act.code), code: act.code, actType: act.actType, number: act.number, adoptedOn: act.adoptedOn, registrationNo: act.registrationNo ?? null,
        registeredOn: act.registeredOn ?? null, titleKk: act.titles.kk ?? null, titleRu: act.titles.ru ?? null, titleEn: act.titles.en, issuer: act.issuer,
        status: act.status, inForceFrom: act.inForceFrom ?? null, repealedOn: act.repealedOn ?? null, repealedByActId: null, repealedByText: act.repealedByText ?? null,
        languages: JSON.stringify(act.languages), notes: act.notes ?? null, createdAt: now, updatedAt: now,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    // the rule packs of the reference data: the Law's refusal reasons, delegated values, the deadlines of
    // each act; a database seeded before packs had Kazakh and Russian titles gets them (only where empty)
    const packs: Array<{ code: string; from: string; to: string | null; act: string; kind: string; titles: Names; content: unknown }> = [
      { code: REFUSAL_PACK_CODE, from: REFUSAL_PACK_FROM, to: null, act: 'LAW-2013-70-V', kind: 'reason_code', content: { reasons: REFUSAL_REASONS_2013 },
        titles: { en: 'Reasons for refusing passage at border control', ru: 'Причины отказа в пропуске при пограничном контроле', kk: 'Шекаралық бақылау кезінде өткізуден бас тарту себептері' } },
      { code: STAY_PACK_CODE, from: STAY_PACK_FROM, to: null, act: 'LAW-2013-70-V', kind: 'delegated_value', content: { rules: STAY_RULES_DEMO },
        titles: {
          en: 'Stay limits of foreigners by nationality (demonstration values: enter the visa regime in force)',
          ru: 'Сроки пребывания иностранцев по гражданству (демонстрационные значения: введите действующий визовый режим)',
          kk: 'Шетелдіктердің азаматтығы бойынша болу мерзімдері (демонстрациялық мәндер: қолданыстағы визалық режимді енгізіңіз)',
        } },
      { code: MARKS_PACK_CODE, from: VEHICLE_PACKS_FROM, to: null, act: 'LAW-2013-70-V', kind: 'list', content: { rules: MARK_RULES_DEMO },
        titles: {
          en: 'Permission marks of the control bodies a vehicle needs (demonstration values)',
          ru: 'Разрешительные отметки контрольных органов, необходимые транспортному средству (демонстрационные значения)',
          kk: 'Көлік құралына қажетті бақылау органдарының рұқсат белгілері (демонстрациялық мәндер)',
        } },
      { code: RISK_PACK_CODE, from: VEHICLE_PACKS_FROM, to: null, act: 'LAW-2013-70-V', kind: 'list', content: { rules: RISK_RULES_DEMO },
        titles: { en: 'Customs risk channel rules (demonstration values)', ru: 'Правила каналов таможенного риска (демонстрационные значения)', kk: 'Кедендік тәуекел арналарының қағидалары (демонстрациялық мәндер)' } },
      ...([[EXCHANGE_PACK_CODE, EXCHANGE_PACKS], [SEZ_PACK_CODE, SEZ_PACKS], [CASE_PACK_CODE, CASE_PACKS]] as const).flatMap(([code, list]) =>
        list.map((p) => ({ code, from: p.from, to: p.to, act: p.act, kind: 'deadline', titles: p.titles, content: p.rules }))),
    ];
    for (const p of packs) {
      const r = await trx.insertInto('rulePack').values({
        id: seedId('rule_pack', `${p.code}@${p.from}`), actId: seedId('act', p.act), code: p.code, kind: p.kind, titleKk: p.titles.kk, titleRu: p.titles.ru, titleEn: p.titles.en,
        effectiveFrom: p.from, effectiveTo: p.to, content: JSON.stringify(p.content), createdAt: now,
      }).onConflict((oc) => oc.column('id').doUpdateSet({ titleKk: p.titles.kk, titleRu: p.titles.ru }).where('rulePack.titleKk', 'is', null).where('rulePack.titleRu', 'is', null)).executeTakeFirst();
      inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    if (inserted > 0) await recordChange(deps, trx, null, { action: 'system.reference_seeded', entityType: 'system', entityId: 'reference', details: { inserted }, publish: false });
  });
}

/** Loads the demo data (units, checkpoints, officers, demo users, demo watchlists). Idempotent: a second run adds nothing. */
export async function seedDemo(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<{ inserted: number }> {
  const result = await seedDemoOrganisation(deps);
  // demo watchlists go through the real import: a second run finds every entry unchanged
  const { watchlists } = createScreeningModule({ ...deps, database: undefined as never, log: { info() {}, warn() {}, error() {}, debug() {} } });
  const ctx = { actor: cliActor(new Set(PERMISSIONS)), correlationId: 'demo-seed', ip: null };
  const imported = await watchlists.importRecords(ctx, { ...parseWatchlistCsv(DEMO_WATCHLIST_CSV), source: 'demo', kind: 'wanted' });
  const lists = await deps.db.selectFrom('watchlist').select(['id', 'code']).where('code', 'like', 'DEMO-%').execute();
  for (const list of lists) {
    const kind = list.code === 'DEMO-ENTRY-BAN' ? 'entry_ban' : list.code === 'DEMO-EXIT-BAN' ? 'exit_ban' : 'wanted';
    const owner = list.code === 'DEMO-ENTRY-BAN' ? 'NSC-BS' : 'MIA';
    const names = DEMO_LIST_NAMES[list.code] ?? [list.code, list.code, list.code];
    await deps.db.updateTable('watchlist').set({ kind, nameKk: names[0], nameRu: names[1], nameEn: names[2], ownerAgencyId: seedId('agency', owner), contact: owner === 'MIA' ? 'MIA duty desk, Zhambyl region: +7 7262 00-00-00 (demo)' : 'BS Main Staff duty desk (demo)', defaultAction: kind === 'exit_ban' ? 'refuse' : kind === 'wanted' ? 'detain' : 'refuse' }).where('id', '=', list.id).execute();
    await deps.db.updateTable('watchlistEntry').set({ kind }).where('watchlistId', '=', list.id).execute();
  }
  const inserted = imported.lists.reduce((n, l) => n + l.created, 0);
  return { inserted: result.inserted + inserted };
}

const DEMO_LIST_NAMES: Record<string, [string, string, string]> = {
  'DEMO-MIA-WANTED': ['ІІМ іздеу есебі (демо)', 'Розыскной учёт МВД (демо)', 'MIA wanted persons (demo)'],
  'DEMO-ENTRY-BAN': ['Келуге тыйым салынған тұлғалар (демо)', 'Лица, которым запрещён въезд (демо)', 'Persons banned from entry (demo)'],
  'DEMO-EXIT-BAN': ['Шығуға тыйым салынған тұлғалар (демо)', 'Лица, которым запрещён выезд (демо)', 'Persons banned from exit (demo)'],
};

async function seedDemoOrganisation(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<{ inserted: number }> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return deps.db.transaction().execute(async (trx) => {
    let inserted = 0;
    const count = (r: { numInsertedOrUpdatedRows?: bigint | undefined }) => (inserted += Number(r.numInsertedOrUpdatedRows ?? 0));
    const paths = new Map<string, { path: string[]; tz: string; level: number }>();
    for (const u of UNITS) {
      const id = seedId('unit', u.code);
      const parent = u.parent ? paths.get(u.parent) : undefined;
      if (u.parent && !parent) throw new Error(`demo unit ${u.code} listed before its parent ${u.parent}`);
      const info = { path: [...(parent?.path ?? []), id], tz: u.tz ?? parent?.tz ?? 'Asia/Almaty', level: (parent?.level ?? 0) + 1 };
      paths.set(u.code, info);
      count(await trx.insertInto('unit').values({
        id, agencyId: seedId('agency', u.agency), parentId: u.parent ? seedId('unit', u.parent) : null, path: info.path, level: info.level,
        unitType: u.type, code: u.code, ...n3(u.names), timeZone: info.tz, createdAt: now, updatedAt: now,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst());
    }
    for (const c of CHECKPOINTS) {
      count(await trx.insertInto('checkpoint').values({
        id: seedId('checkpoint', c.code), code: c.code, ...n3(c.names), borderSectionId: c.section ? seedId('section', c.section) : null,
        unitId: c.unit ? seedId('unit', c.unit) : null, transportModes: c.modes, category: c.category, isJoint: Boolean(c.joint), jointPartnerCountry: c.joint ?? null,
        controlZone: c.zone ?? null, neighbourCheckpointName: c.neighbourName ?? null, latitude: c.lat, longitude: c.lon, coordinatesAreDemo: true, timeZone: c.tz,
        workingHours: JSON.stringify(c.hours === 'always' ? { always: true } : { weekly: [{ days: [1, 2, 3, 4, 5, 6, 7], open: c.hours[0], close: c.hours[1] }] }),
        status: 'open', createdAt: now, updatedAt: now,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst());
      // a booth per mode and direction: R-IN-1, R-OUT-1, P-IN-1 …
      for (const mode of c.modes) {
        for (const direction of ['entry', 'exit'] as const) {
          const code = `${mode === 'pedestrian' ? 'P' : mode[0]!.toUpperCase()}-${direction === 'entry' ? 'IN' : 'OUT'}-1`;
          count(await trx.insertInto('checkpointLane').values({ id: seedId('lane', `${c.code}/${code}`), checkpointId: seedId('checkpoint', c.code), code, transportMode: mode as never, direction, createdAt: now })
            .onConflict((oc) => oc.doNothing()).executeTakeFirst());
        }
      }
    }
    for (const s of SEZS) {
      const id = seedId('sez', s.code);
      count(await trx.insertInto('sez').values({ id, code: s.code, ...n3(s.names), descriptionEn: s.description, legalBasis: s.legalBasis, createdAt: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst());
      for (const cp of s.checkpoints) await trx.insertInto('sezCheckpoint').values({ sezId: id, checkpointId: seedId('checkpoint', cp) }).onConflict((oc) => oc.doNothing()).execute();
    }
    for (const g of COUNTERPARTS) {
      const id = seedId('counterparts', `${g.purpose}:${g.level}:${g.names[2]}`);
      const r = await trx.insertInto('counterpartGroup').values({ id, purpose: g.purpose, level: g.level, checkpointId: g.checkpoint ? seedId('checkpoint', g.checkpoint) : null, sezId: g.sez ? seedId('sez', g.sez) : null, ...n3(g.names), createdAt: now })
        .onConflict((oc) => oc.doNothing()).executeTakeFirst();
      count(r);
      if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) {
        await trx.insertInto('counterpartMember').values(g.members.map(([unit, role]) => ({ groupId: id, unitId: seedId('unit', unit), role }))).execute();
      }
    }
    for (const o of OFFICERS) {
      const unit = UNITS.find((u) => u.code === o.unit)!;
      count(await trx.insertInto('officer').values({
        id: seedId('officer', o.key), agencyId: seedId('agency', unit.agency), unitId: seedId('unit', o.unit), surname: o.surname, givenNames: o.givenNames,
        patronymic: o.patronymic ?? null, rank: o.rank, position: o.position, serviceCertificateNo: o.cert, createdAt: now, updatedAt: now,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst());
    }
    for (const u of USERS) {
      const unit = UNITS.find((x) => x.code === u.unit)!;
      const id = seedId('user', u.username);
      const r = await trx.insertInto('appUser').values({
        id, username: u.username, displayName: u.display, passwordHash, agencyId: seedId('agency', unit.agency), unitId: seedId('unit', u.unit),
        officerId: u.officer ? seedId('officer', u.officer) : null, locale: u.locale, isDemo: true, passwordChangedAt: now, createdAt: now, updatedAt: now,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      count(r);
      if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) {
        await trx.insertInto('userRole').values({ userId: id, roleCode: u.role, scopeUnitId: u.scope ? seedId('unit', u.scope) : null, grantedAt: now, grantedBy: null }).execute();
      }
    }
    // the deputy acts for the head of the Korday detachment for a month from the day of seeding
    const actingId = seedId('acting', 'korday-deputy');
    count(await trx.insertInto('actingAssignment').values({
      id: actingId, principalUserId: seedId('user', 'demo.head.korday'), deputyUserId: seedId('user', 'demo.deputy.korday'), unitId: seedId('unit', 'BS-BCD-KORDAY'),
      validFrom: now, validTo: new Date(now.getTime() + 30 * 86_400_000), basis: 'Demo: order of the regional directorate on the head\'s annual leave', createdBy: null, createdAt: now,
    }).onConflict((oc) => oc.doNothing()).executeTakeFirst());
    if (inserted > 0) {
      await trx.insertInto('systemSetting').values({ key: 'demo_loaded', value: JSON.stringify({ at: now.toISOString() }) }).onConflict((oc) => oc.doNothing()).execute();
      await recordChange(deps, trx, null, { action: 'system.demo_seeded', entityType: 'system', entityId: 'demo', details: { inserted }, publish: false });
    }
    return { inserted };
  });
}

/** The active demo accounts with role and unit names, for the sign-in page. Empty when no demo data. */
export async function listDemoUsers(db: Db | Executor) {
  const rows = await db
    .selectFrom('appUser')
    .innerJoin('userRole', 'userRole.userId', 'appUser.id')
    .innerJoin('role', 'role.code', 'userRole.roleCode')
    .leftJoin('unit', 'unit.id', 'appUser.unitId')
    .leftJoin('agency', 'agency.id', 'appUser.agencyId')
    .select(['appUser.username', 'appUser.displayName', 'role.code as role', 'role.nameKk as roleKk', 'role.nameRu as roleRu', 'role.nameEn as roleEn',
      'agency.shortKk as agencyKk', 'agency.shortRu as agencyRu', 'agency.shortEn as agencyEn', 'unit.nameKk as unitKk', 'unit.nameRu as unitRu', 'unit.nameEn as unitEn'])
    .where('appUser.isDemo', '=', true)
    .where('appUser.isActive', '=', true)
    .orderBy('appUser.username')
    .execute();
  return rows.map((r) => ({
    username: r.username, displayName: r.displayName, role: r.role,
    roleNames: { kk: r.roleKk, ru: r.roleRu, en: r.roleEn },
    agencyNames: { kk: r.agencyKk ?? '', ru: r.agencyRu ?? '', en: r.agencyEn ?? '' },
    unitNames: { kk: r.unitKk ?? '', ru: r.unitRu ?? '', en: r.unitEn ?? '' },
  }));
}
