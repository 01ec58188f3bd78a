// A few cases at Korday for a fresh demo, made by the real services: a patrol detention handed over to
// the migration police with the cash found and accepted with a discrepancy (its measures still owed); a
// second detention awaiting its hand-over; a use-of-force report whose prosecutor notice is recorded.
// Idempotent: skipped when any hand-over act exists.
import type { Ctx } from '../platform/actor.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Deps } from '../platform/deps.ts';
import { createCaseService, createForceService } from '../modules/cases/index.ts';
import { actorOf } from './exchange-demo.ts';
import { seedId } from './index.ts';

export async function seedDemoCases(deps: Deps): Promise<number> {
  if (await deps.db.selectFrom('handoverAct').select('id').limit(1).executeTakeFirst()) return 0;
  const realNow = deps.clock.now();
  const clock = fixedClock(realNow);
  const local = { ...deps, clock };
  const cases = createCaseService(local);
  const force = createForceService(local);
  const ctx = async (username: string): Promise<Ctx> => ({ actor: await actorOf(deps, username), correlationId: 'demo-cases', ip: null });
  const [bs, migration] = await Promise.all([ctx('demo.head.korday'), ctx('demo.migration.korday')]);
  const ago = (hours: number) => new Date(realNow.getTime() - hours * 3_600_000);
  const post = seedId('unit', 'BS-POST-KORDAY');

  clock.set(ago(30));
  const first = await cases.createDetention(bs, {
    source: 'patrol', unitId: post, unidentified: false, person: { surname: 'Рахимов', givenNames: 'Азиз', nationality: 'UZB' }, category: 'illegal_migrant',
    place: { description: 'Участок 12, 3 км восточнее пункта пропуска «Кордай»', latitude: 43.04, longitude: 74.75 }, detainedAt: ago(30).toISOString(),
    grounds: 'Пересёк Государственную границу вне пункта пропуска (ст. 30 п. 1 Закона)', procedure: 'administrative', search: [{ item: 'мобильный телефон' }], vehicles: [],
    items: [{ kind: 'cash', description: 'Доллары США', quantity: 5000, measure: 'USD', sealNo: 'ПС-0017' }, { kind: 'documents', description: 'Паспорта других лиц', quantity: 2, measure: 'шт.' }],
  });
  clock.set(ago(29));
  await cases.changeDetention(bs, first.id, { reason: 'Содержится в помещении отделения', heldAt: 'bs_premises', heldIn: ago(29).toISOString(), protocol: { number: 'АП-17', drawnAt: ago(29).toISOString(), onSpot: true } });
  clock.set(ago(28));
  const act = await cases.createHandover(bs, {
    fromUnitId: post, toUnitId: seedId('unit', 'MIA-MCP-KORDAY'), detentionId: first.id, basis: 'п. 9(6) Инструкции 2002 г.: незаконный мигрант для административного производства',
    handingOfficer: 'подполковник Оспанов Е. К.', documents: ['Протокол АП-17', 'Рапорт'], toLocalExecutive: false, lines: first.items.filter((i) => i.kind !== 'person').map((i) => ({ itemId: i.id })),
  });
  clock.set(ago(27));
  const cashLine = act.lines.find((l) => l.kind === 'cash')!;
  await cases.accept(migration, act.id, { receivingOfficer: 'капитан полиции Иванов Д. С.', discrepancies: [{ lineNo: cashLine.lineNo, receivedQuantity: 4900, note: 'В опломбированном пакете 4 900 USD' }] });

  clock.set(ago(6));
  await cases.createDetention(bs, {
    source: 'patrol', unitId: post, unidentified: true, description: 'Мужчина около 30 лет, зелёная куртка, говорит по-узбекски', category: 'border_violator_outside_checkpoint',
    place: { description: 'Участок 14, у пограничного знака 214' }, detainedAt: ago(6).toISOString(), grounds: 'Пересечение границы вне пункта пропуска ночью', procedure: 'administrative', search: [], vehicles: [],
    items: [{ kind: 'goods', description: 'Сигареты, блоки', quantity: 50, measure: 'блоков', sealNo: 'ПС-0090' }],
  });
  clock.set(ago(5));
  const report = await force.report(bs, {
    unitId: post, servicemen: 'ст. лейтенант Жумабаев Н., рядовой Ким А.', usedAt: ago(6).toISOString(), place: { description: 'Участок 14, у пограничного знака 214', inBorderSpace: true },
    means: ['physical_force', 'special_means'], ground: '74.2.1', warning: 'verbal', outcome: 'Нарушитель задержан, телесных повреждений нет', aid: 'Медицинская помощь не потребовалась',
    prohibitions: { women: false, obviousDisability: false, minors: false, vehicleWithPassengers: false, unintentionalCrosser: false, animals: false },
  });
  clock.set(ago(2));
  await force.notified(bs, report.id, 'prosecutor', { notifiedAt: ago(2).toISOString(), notice: 'Прокурор Кордайского района, по телефону, рег. № 12/44' });
  return 1;
}
