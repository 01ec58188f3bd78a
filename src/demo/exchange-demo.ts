// A few days of information exchange between the demo duty desks of the Zhambyl region (Border
// Service, police, customs), made by the real services with the calendar run through those days: daily
// reports on time, one late, one missed (and escalated), urgent information with a late and an on-time
// written confirmation, acknowledgements. So the desk, its deadlines and the compliance page have
// something to show on a fresh demo. Idempotent: skipped when any message exists.
import { fixedClock } from '../platform/clock.ts';
import type { Actor, Ctx } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import type { Permission } from '../platform/permissions.ts';
import { addDays, localParts, zoned } from '../modules/exchange/clocks.ts';
import { createMessageService, openPeriodicObligations, sweep } from '../modules/exchange/index.ts';
import { SYSTEM_ROLES } from '../modules/org/roles.ts';

const ZONE = 'Asia/Almaty';
const DESKS = { bs: 'demo.duty.bs', mia: 'demo.duty.mia', customs: 'demo.duty.customs' } as const;

export async function actorOf(deps: Pick<Deps, 'db'>, username: string): Promise<Actor> {
  const u = await deps.db.selectFrom('appUser').innerJoin('userRole', 'userRole.userId', 'appUser.id').select(['appUser.id', 'appUser.displayName', 'appUser.agencyId', 'appUser.unitId', 'userRole.roleCode', 'userRole.scopeUnitId'])
    .where('appUser.username', '=', username).executeTakeFirstOrThrow();
  const role = SYSTEM_ROLES.find((r) => r.code === u.roleCode)!;
  return { userId: u.id, username, displayName: u.displayName, agencyId: u.agencyId, unitId: u.unitId, locale: 'ru', timeZone: ZONE, via: 'session', grants: [{ role: role.code, permissions: new Set<Permission>(role.permissions), scopeUnitId: u.scopeUnitId }] };
}

export async function seedDemoExchange(deps: Deps): Promise<number> {
  if (await deps.db.selectFrom('exchangeMessage').select('id').limit(1).executeTakeFirst()) return 0;
  const realNow = deps.clock.now();
  const clock = fixedClock(realNow);
  const local = { ...deps, clock };
  const messages = createMessageService(local);
  const ctx = async (desk: keyof typeof DESKS): Promise<Ctx> => ({ actor: await actorOf(deps, DESKS[desk]), correlationId: 'demo-exchange', ip: null });
  const desks = { bs: await ctx('bs'), mia: await ctx('mia'), customs: await ctx('customs') };
  const today = localParts(realNow, ZONE).date;
  const at = (date: string, time: string) => clock.set(zoned(date, time, ZONE));
  const oral = (toldBy: string, toldTo: string) => ({ channel: 'phone' as const, toldBy, toldTo, to: [], counterparts: true, documents: [] });
  let sent = 0;
  for (let back = 4; back >= 1; back--) {
    const day = addDays(today, -back);
    at(addDays(day, -1), '12:00');
    await openPeriodicObligations(local);
    // the Border Service and customs report on time; the police are late on one day and miss another
    at(day, '07:35');
    await messages.send(desks.bs, { type: 'daily', ...oral('майор Қасымов', 'дежурные ДП и ДГД'), summary: back === 2 ? 'За сутки: задержаны 2 нарушителя режима в пункте пропуска «Кордай», переданы полиции.' : 'За сутки существенных изменений обстановки нет.' });
    at(day, '08:10');
    await messages.send(desks.customs, { type: 'daily', ...oral('Сәрсенова Г.', 'дежурные РУ «Оңтүстік» и ДП'), summary: 'Изменений обстановки на таможенном посту «Кордай» нет.' });
    sent += 2;
    if (back === 3) {
      at(day, '09:40');
      await messages.send(desks.mia, { type: 'daily', ...oral('майор Мұқанов', 'дежурные РУ «Оңтүстік» и ДГД'), summary: 'За сутки выявлены 3 иностранца с просроченной регистрацией, приняты меры.' });
      sent += 1;
    } else if (back !== 2) {
      at(day, '08:25');
      await messages.send(desks.mia, { type: 'daily', ...oral('майор Мұқанов', 'дежурные РУ «Оңтүстік» и ДГД'), summary: 'Изменений обстановки нет.' });
      sent += 1;
    }
    at(day, '12:00');
    await sweep(deps.db, clock.now());
  }
  // urgent information: confirmed in writing late (2 h 50 min) by the Border Service, on time by the police
  const d2 = addDays(today, -2);
  at(d2, '10:15');
  const first = await messages.send(desks.bs, { type: 'urgent', subject: 'illegal_crossing_outside_checkpoint', ...oral('майор Қасымов', 'майор Мұқанов'), summary: 'Следы пересечения контрольно-следовой полосы на участке заставы «Кордай», направление — Бишкек.' });
  at(d2, '10:30');
  await messages.acknowledge(desks.mia, first.id);
  at(d2, '13:05');
  await messages.confirm(desks.bs, first.id, { channel: 'written', summary: 'Исх. № 14/2231: подтверждение устного сообщения о следах нарушения границы.' });
  const d1 = addDays(today, -1);
  at(d1, '16:00');
  const second = await messages.send(desks.mia, {
    type: 'urgent', subject: 'illegal_migrants', ...oral('майор Мұқанов', 'майор Қасымов'), summary: 'Задержаны 4 гражданина Узбекистана без документов на въезд, следовали в Бишкек.',
    migrant: { surname: 'Рахимов', givenNames: 'Азиз', citizenship: 'UZB', stateOfDeparture: 'UZB', stateOfDestination: 'KGZ', route: 'Ташкент — Шымкент — Кордай — Бишкек', declaredPurpose: 'трудоустройство', checkpointId: await checkpointId(deps), travelMode: 'group', groupSize: 4, visaMeans: 'без виз, приглашение не оформлялось', methods: 'обход пункта пропуска в ночное время', measuresTaken: 'задержаны, доставлены в Кордайский РОП, составлены протоколы' },
  });
  at(d1, '16:12');
  await messages.acknowledge(desks.bs, second.id);
  at(d1, '17:20');
  await messages.confirm(desks.mia, second.id, { channel: 'written', summary: 'Исх. № 3/981: письменное подтверждение о задержании группы незаконных мигрантов.' });
  sent += 2;
  clock.set(realNow);
  await openPeriodicObligations(local);
  await sweep(deps.db, realNow);
  return sent;
}

async function checkpointId(deps: Pick<Deps, 'db'>) {
  return (await deps.db.selectFrom('checkpoint').select('id').where('code', '=', 'KORDAY').executeTakeFirstOrThrow()).id;
}
