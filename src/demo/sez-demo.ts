// SEZ passage at the demo ICBC Khorgos, made by the real services with the calendar run through the
// days: this month's list drafted, signed, agreed, forwarded on time and received; a few officers
// checked at the checkpoint today (one refused: not on the list); next month's list signed and waiting
// for the NSC; next year's plan sent to the Border Service; tomorrow's roster drafted. So the SEZ page
// has something to show on a fresh demo. Idempotent: skipped when any list exists.
import type { Ctx } from '../platform/actor.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Deps } from '../platform/deps.ts';
import { addDays, localParts, monthAfter, monthBefore, zoned } from '../modules/exchange/clocks.ts';
import { createAdmissionService, createListService, createPlanService, openSezObligations } from '../modules/sez/index.ts';
import { seedId } from './index.ts';
import { actorOf } from './exchange-demo.ts';

const ZONE = 'Asia/Almaty';
const OFFICERS = [
  { surname: 'Серіков', givenName: 'Нұрлан', patronymic: 'Асқарұлы', certificateNo: 'МВД-700101', weaponNo: 'ПМ ТА-4471' },
  { surname: 'Әлиев', givenName: 'Дәурен', patronymic: 'Маратұлы', certificateNo: 'МВД-700102', weaponNo: 'ПМ ТА-4472' },
  { surname: 'Петренко', givenName: 'Ольга', patronymic: 'Викторовна', certificateNo: 'МВД-700103' },
  { surname: 'Құрманғалиев', givenName: 'Ерлан', certificateNo: 'МВД-700104', weaponNo: 'АК-74 1983-0417' },
];

export async function seedDemoSez(deps: Deps): Promise<number> {
  if (await deps.db.selectFrom('sezList').select('id').limit(1).executeTakeFirst()) return 0;
  const sezId = seedId('sez', 'ICBC-KHORGOS');
  if (!(await deps.db.selectFrom('counterpartGroup').select('id').where('sezId', '=', sezId).executeTakeFirst())) return 0;
  const realNow = deps.clock.now();
  const clock = fixedClock(realNow);
  const local = { ...deps, clock };
  const lists = createListService(local);
  const admissions = createAdmissionService(local);
  const plans = createPlanService(local);
  const ctx = async (username: string): Promise<Ctx> => ({ actor: await actorOf(deps, username), correlationId: 'demo-sez', ip: null });
  const [police, head, nsc, bs, booth] = await Promise.all(['demo.police.panfilov', 'demo.head.panfilov', 'demo.nsc.panfilov', 'demo.head.khorgos', 'demo.booth.icbc'].map(ctx)) as [Ctx, Ctx, Ctx, Ctx, Ctx];
  const today = localParts(realNow, ZONE).date;
  const month = today.slice(0, 7);
  const at = (date: string, time: string) => clock.set(zoned(date, time, ZONE));

  // this month's list: drafted on the 18th of last month, forwarded on the 23rd, received on the 24th
  const before = monthBefore(month);
  at(`${before}-18`, '10:00');
  const current = await lists.create(police, { sezId, kind: 'monthly', month, permitNo: `Р-${month.slice(5)}/${month.slice(0, 4)}`, officers: OFFICERS, vehicles: [{ plate: '123 ABC 05', kind: 'патрульный автомобиль', model: 'Toyota Hilux' }] });
  at(`${before}-19`, '09:30'); await lists.sign(head, current.id);
  at(`${before}-20`, '15:00'); await lists.agree(nsc, current.id);
  at(`${before}-23`, '11:00'); await lists.forward(nsc, current.id);
  at(`${before}-24`, '09:10'); await lists.receive(bs, current.id);

  // today at the checkpoint: two in (one with a weapon and the patrol car), one refused
  const startOfMonth = zoned(`${month}-01`, '00:05', ZONE).getTime();
  const t = (hoursAgo: number) => clock.set(new Date(Math.max(startOfMonth, realNow.getTime() - hoursAgo * 3_600_000)));
  t(3);
  await admissions.admit(booth, { sezId, direction: 'entry', surname: 'Серіков', givenName: 'Нұрлан', certificateNo: 'МВД-700101', idDocumentNo: '045112233', weapons: ['ПМ ТА-4471'], vehicle: { plate: '123 ABC 05', inspection: { outcome: 'no_findings', inspectors: 'капитан Сапарова Ж.', stateRevenueOfficer: 'ст. инспектор ДГД Ахметова А.' } } });
  t(2.5);
  await admissions.admit(booth, { sezId, direction: 'entry', surname: 'Петренко', givenName: 'Ольга', certificateNo: 'МВД-700103', idDocumentNo: '045112244', weapons: [] });
  t(2);
  await admissions.admit(booth, { sezId, direction: 'entry', surname: 'Бекмұратов', givenName: 'Самат', certificateNo: 'МВД-709999', idDocumentNo: '045119999', weapons: ['ПМ ТА-9999'] });

  // next month's list: signed yesterday, waiting for the NSC's agreement; next year's plan sent; tomorrow's roster drafted
  clock.set(new Date(realNow.getTime() - 26 * 3_600_000));
  const next = await lists.create(police, { sezId, kind: 'monthly', month: monthAfter(month), permitNo: `Р-${monthAfter(month).slice(5)}/${monthAfter(month).slice(0, 4)}`, officers: [...OFFICERS.slice(0, 3), { surname: 'Нұрланов', givenName: 'Айбек', certificateNo: 'МВД-700105' }], vehicles: [{ plate: '123 ABC 05', kind: 'патрульный автомобиль', model: 'Toyota Hilux' }] });
  await lists.sign(head, next.id);
  const year = Number(today.slice(0, 4)) + 1;
  const plan = await plans.savePlan(police, {
    sezId, year, squadCount: 4, tasks: ['Охрана общественного порядка у торговых павильонов', 'Патрулирование казахстанской части центра', 'Сопровождение следственно-оперативных групп'],
    equipment: ['2 патрульных автомобиля', 'носимые радиостанции', 'видеорегистраторы'],
    routes: [{ name: 'Маршрут 1: КПП — павильоны', coordinates: [[80.398, 44.215], [80.403, 44.218], [80.409, 44.221]] }, { name: 'Маршрут 2: периметр', coordinates: [[80.396, 44.213], [80.392, 44.209], [80.399, 44.205], [80.405, 44.207]] }],
  });
  await plans.planStep(police, plan.id, 'send');
  clock.set(realNow);
  await plans.saveRoster(police, { sezId, day: addDays(today, 1), posts: [{ post: 'КПП, ворота 1', squad: 'Наряд А', from: '08:00', to: '20:00', officers: ['Серіков Н.', 'Петренко О.'] }, { post: 'Павильоны', squad: 'Наряд Б', from: '09:00', to: '21:00', officers: ['Әлиев Д.'] }] });
  await openSezObligations(deps.db, realNow);
  return 2;
}
