import type { Executor } from '../../platform/db.ts';
import type { Permission } from '../../platform/permissions.ts';

type RoleDefinition = {
  code: string;
  names: { kk: string; ru: string; en: string };
  permissions: Permission[];
  /** null: users of any agency may hold it */
  agencyKinds: string[] | null;
};

const READ: Permission[] = ['org.read', 'geo.read', 'legal.read'];

/** The system roles (SEZ Rules and Instruction 2002 §5.3 of the interaction digest), synced at start. */
export const SYSTEM_ROLES: RoleDefinition[] = [
  { code: 'admin', names: { kk: 'Жүйе әкімшісі', ru: 'Администратор системы', en: 'System administrator' },
    permissions: ['org.read', 'org.manage', 'officer.read', 'officer.manage', 'user.manage', 'geo.read', 'geo.manage', 'checkpoint.status.decide', 'legal.read', 'legal.manage', 'audit.read', 'screening.run', 'watchlist.read', 'watchlist.manage', 'alert.adjudicate', 'crossing.record', 'crossing.read', 'stay.read', 'vehicle.mark', 'exchange.read', 'exchange.compliance', 'exchange.channels.manage', 'udb.read', 'scope.all_agencies', 'sez.read', 'case.read'], agencyKinds: null },
  { code: 'auditor', names: { kk: 'Аудитор (қадағалау)', ru: 'Аудитор (надзор)', en: 'Auditor (oversight)' },
    permissions: [...READ, 'officer.read', 'audit.read', 'exchange.read', 'exchange.compliance', 'udb.read', 'scope.all_agencies', 'sez.read', 'case.read'], agencyKinds: null },
  { code: 'agency_admin', names: { kk: 'Ведомство әкімшісі', ru: 'Администратор ведомства', en: 'Agency administrator' },
    permissions: [...READ, 'org.manage', 'officer.read', 'officer.manage', 'user.manage', 'audit.read'], agencyKinds: null },
  { code: 'reference_manager', names: { kk: 'Анықтамалықтар жүргізушісі', ru: 'Ведение справочников', en: 'Reference data manager' },
    permissions: [...READ, 'geo.manage', 'legal.manage', 'checkpoint.status.decide', 'watchlist.read', 'watchlist.manage'], agencyKinds: ['border_service', 'national_security'] },
  { code: 'unit_head', names: { kk: 'Бөлімше бастығы', ru: 'Начальник подразделения', en: 'Unit head' },
    permissions: [...READ, 'officer.read', 'officer.manage', 'audit.read', 'watchlist.read', 'alert.adjudicate', 'crossing.read', 'exchange.send', 'exchange.read', 'exchange.acknowledge', 'udb.read', 'udb.contribute', 'exchange.compliance', 'exchange.channels.manage', 'sez.read', 'sez.draft', 'sez.sign', 'sez.receive', 'case.read', 'case.record', 'case.handover', 'force.report'], agencyKinds: null },
  { code: 'duty_officer', names: { kk: 'Кезекші', ru: 'Дежурный', en: 'Duty officer' },
    permissions: [...READ, 'officer.read', 'screening.run', 'watchlist.read', 'crossing.read', 'stay.read', 'exchange.send', 'exchange.read', 'exchange.acknowledge', 'udb.read', 'udb.contribute', 'exchange.compliance', 'sez.read', 'case.read', 'case.record', 'case.handover'], agencyKinds: null },
  { code: 'border_officer', names: { kk: 'Шекаралық бақылау офицері', ru: 'Офицер пограничного контроля', en: 'Border-control officer' },
    permissions: [...READ, 'screening.run', 'watchlist.read', 'alert.adjudicate', 'crossing.record', 'crossing.read', 'stay.read', 'sez.read', 'sez.admit', 'case.read', 'case.record', 'force.report'], agencyKinds: ['border_service'] },
  { code: 'customs_officer', names: { kk: 'Кеден қызметкері', ru: 'Сотрудник таможни', en: 'Customs officer' },
    permissions: [...READ, 'vehicle.mark', 'case.read', 'case.handover'], agencyKinds: ['customs'] },
  { code: 'migration_officer', names: { kk: 'Көші-қон полициясының қызметкері', ru: 'Сотрудник миграционной полиции', en: 'Migration-police officer' },
    permissions: [...READ, 'officer.read', 'screening.run', 'watchlist.read', 'stay.read', 'exchange.read', 'udb.read', 'case.read', 'case.handover'], agencyKinds: ['internal_affairs'] },
  { code: 'police_officer', names: { kk: 'Полиция қызметкері', ru: 'Сотрудник полиции', en: 'Police officer' },
    permissions: [...READ, 'sez.read', 'sez.draft', 'case.read', 'case.handover'], agencyKinds: ['internal_affairs'] },
  { code: 'nsc_officer', names: { kk: 'ҰҚК аудандық бөлімінің қызметкері', ru: 'Сотрудник районного отдела КНБ', en: 'NSC district officer' },
    permissions: [...READ, 'officer.read', 'sez.read', 'sez.agree'], agencyKinds: ['national_security'] },
  { code: 'analyst', names: { kk: 'Талдаушы', ru: 'Аналитик', en: 'Analyst' },
    permissions: [...READ, 'watchlist.read', 'exchange.read', 'exchange.compliance', 'udb.read'], agencyKinds: null },
  { code: 'foreign_officer', names: { kk: 'Көрші мемлекеттің лауазымды тұлғасы', ru: 'Должностное лицо сопредельного государства', en: 'Neighbour-state officer' },
    permissions: ['geo.read'], agencyKinds: ['foreign_partner'] },
];

/** Upserts the system roles so that code and database agree after every start. */
export async function syncSystemRoles(db: Executor) {
  for (const role of SYSTEM_ROLES) {
    const values = { nameKk: role.names.kk, nameRu: role.names.ru, nameEn: role.names.en, permissions: role.permissions, agencyKinds: role.agencyKinds };
    await db.insertInto('role').values({ code: role.code, ...values }).onConflict((oc) => oc.column('code').doUpdateSet(values)).execute();
  }
}
