// The lines of a list (officers and the special-vehicles annex) and the rules that span lists: an officer on one
// monthly list of an SEZ per month, a weapon with one officer, no line twice.
import type { z } from 'zod';
import type { UpdateListBody } from '../../contracts/sez.ts';
import type { Executor } from '../../platform/db.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { Sez } from './parties.ts';
import type { ListKind } from './sez.tables.ts';

export type Content = z.infer<typeof UpdateListBody>;

/** Every problem with the lines: duplicates inside the list, an officer on another list of the SEZ for the month, a weapon held by another officer. */
export async function checkLines(executor: Executor, sez: Sez, month: string, kind: ListKind, lineageId: string, content: Content, problems: FieldProblem[]) {
  const certs = new Map<string, number>();
  const weapons = new Map<string, number>();
  content.officers.forEach((o, i) => {
    const cert = o.certificateNo.toUpperCase();
    if (certs.has(cert)) problems.push({ path: `officers.${i}.certificateNo`, code: 'SAME_AS_LINE', params: { line: certs.get(cert)! + 1 }, message: `the same certificate as line ${certs.get(cert)! + 1}` });
    else certs.set(cert, i);
    const carried = [...(o.weaponNo ? [o.weaponNo] : []), ...(o.equipment?.weapons ?? [])].map((w) => w.toUpperCase());
    for (const w of new Set(carried)) {
      if (weapons.has(w)) problems.push({ path: `officers.${i}.weaponNo`, code: 'SAME_AS_LINE', params: { line: weapons.get(w)! + 1 }, message: `weapon ${w} is already assigned to line ${weapons.get(w)! + 1}` });
      else weapons.set(w, i);
    }
  });
  const plates = new Set<string>();
  content.vehicles.forEach((v, i) => { const p = v.plate.toUpperCase().replace(/\s+/g, ' '); if (plates.has(p)) problems.push({ path: `vehicles.${i}.plate`, code: 'LISTED_TWICE', message: 'listed twice' }); plates.add(p); });
  if (kind !== 'monthly') return;
  // the other monthly lists of this SEZ and month: the current version of each other lineage
  const others = await executor.selectFrom('sezList as l').innerJoin('sezListOfficer as o', 'o.listId', 'l.id').innerJoin('unit as u', 'u.id', 'l.policeUnitId')
    .select(['l.id', 'l.lineageId', 'u.nameEn', 'o.certificateNo', 'o.weaponNo', 'o.surname'])
    .where('l.sezId', '=', sez.id).where('l.month', '=', `${month}-01`).where('l.kind', '=', 'monthly').where('l.lineageId', '<>', lineageId)
    .where('l.status', 'not in', ['superseded', 'returned']).execute();
  content.officers.forEach((o, i) => {
    const cert = o.certificateNo.toUpperCase();
    const twice = others.find((x) => x.certificateNo.toUpperCase() === cert);
    if (twice) problems.push({ path: `officers.${i}.certificateNo`, code: 'ON_OTHER_LIST', params: { list: twice.nameEn, month }, message: `already on the list of ${twice.nameEn} for ${month} (${twice.surname}): an officer is on one list of the SEZ per month` });
    const weapon = o.weaponNo?.toUpperCase();
    const held = weapon ? others.find((x) => x.weaponNo?.toUpperCase() === weapon && x.certificateNo.toUpperCase() !== cert) : undefined;
    if (held) problems.push({ path: `officers.${i}.weaponNo`, code: 'WEAPON_ON_OTHER_LIST', params: { list: held.nameEn, holder: held.surname }, message: `weapon ${o.weaponNo} is assigned to ${held.surname} (certificate ${held.certificateNo}) on the list of ${held.nameEn}` });
  });
}

export async function writeLines(executor: Executor, listId: string, content: Content) {
  await executor.deleteFrom('sezListOfficer').where('listId', '=', listId).execute();
  await executor.deleteFrom('sezListVehicle').where('listId', '=', listId).execute();
  await executor.insertInto('sezListOfficer').values(content.officers.map((o, i) => ({
    listId, lineNo: i + 1, surname: o.surname, givenName: o.givenName, patronymic: o.patronymic || null, certificateNo: o.certificateNo.toUpperCase(),
    weaponNo: o.weaponNo?.toUpperCase() ?? null, equipment: o.equipment ? JSON.stringify({ ...o.equipment, weapons: o.equipment.weapons.map((w) => w.toUpperCase()) }) : null,
  }))).execute();
  if (content.vehicles.length) await executor.insertInto('sezListVehicle').values(content.vehicles.map((v, i) => ({ listId, lineNo: i + 1, plate: v.plate.toUpperCase().replace(/\s+/g, ' '), kind: v.kind, model: v.model ?? null }))).execute();
}
