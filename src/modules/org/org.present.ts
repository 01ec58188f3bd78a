import type { Selectable } from 'kysely';
import type { AgencyTable, OfficerTable, UnitTable } from '../../database.ts';

type Named = { nameKk: string; nameRu: string; nameEn: string };
export const names = (row: Named) => ({ kk: row.nameKk, ru: row.nameRu, en: row.nameEn });

export function presentAgency(a: Selectable<AgencyTable>) {
  return { id: a.id, code: a.code, kind: a.kind as never, country: a.country, parentAgencyId: a.parentAgencyId, names: names(a), shortNames: { kk: a.shortKk, ru: a.shortRu, en: a.shortEn } };
}

export function presentUnit(u: Selectable<UnitTable>) {
  return { id: u.id, agencyId: u.agencyId, parentId: u.parentId, level: u.level, unitType: u.unitType, code: u.code, names: names(u), timeZone: u.timeZone, isActive: u.isActive, path: u.path };
}

export function presentOfficer(o: Selectable<OfficerTable>) {
  return { id: o.id, agencyId: o.agencyId, unitId: o.unitId, surname: o.surname, givenNames: o.givenNames, patronymic: o.patronymic, rank: o.rank, position: o.position, serviceCertificateNo: o.serviceCertificateNo, isActive: o.isActive };
}
