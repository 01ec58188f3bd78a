// Border control at Korday for a fresh demo, made by the real services at the times they happened: this
// morning's travellers through the road and pedestrian lanes (passed and gone, one refused and sent back,
// one in secondary inspection, one passed and not yet out, two at control now), and foreigners who
// entered weeks ago and are still in the country, three of them over their days; two vehicles at control
// now, a lorry from Kyrgyzstan with food awaiting the control bodies' marks and a car leaving with its
// e-queue booking and customs' mark. So the journal, the supervisor's view, the vehicles at control and
// the overstay list have something to show. Idempotent: skipped when any crossing exists.
import type { z } from 'zod';
import type { Purpose } from '../contracts/crossings.ts';
import type { Ctx } from '../platform/actor.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Deps } from '../platform/deps.ts';
import { createCrossingService, createVehicleService } from '../modules/crossings/index.ts';
import type { ScreeningService } from '../modules/screening/index.ts';
import { actorOf } from './exchange-demo.ts';
import { seedId } from './index.ts';

type Traveller = { surname: string; givenNames: string; dateOfBirth: string; sex: 'M' | 'F'; nationality: string; document: string };
type Step = { minutesAgo: number; direction: 'entry' | 'exit'; mode: 'road' | 'pedestrian'; who: Traveller; purpose?: z.infer<typeof Purpose>;
  /** what became of it: passed and gone (default), passed and still at the checkpoint, refused, referred, at control now */
  outcome?: 'gone' | 'passed' | 'refused' | 'secondary' | 'at_control' };

const KAZ = (surname: string, givenNames: string, dateOfBirth: string, sex: 'M' | 'F', document: string): Traveller => ({ surname, givenNames, dateOfBirth, sex, nationality: 'KAZ', document });
const foreign = (nationality: string, surname: string, givenNames: string, dateOfBirth: string, sex: 'M' | 'F', document: string): Traveller => ({ surname, givenNames, dateOfBirth, sex, nationality, document });

const DAY = 24 * 60;
/** In the order they came. */
const STEPS: Step[] = [
  // foreigners still in the country: in over their days (Germany, Turkey: 30 a stay; Uzbekistan: 90 within 180), and within them
  { minutesAgo: 97 * DAY, direction: 'entry', mode: 'road', who: foreign('UZB', 'KARIMOV', 'JASUR', '1988-04-12', 'M', 'FA4471203'), purpose: 'work' },
  { minutesAgo: 62 * DAY, direction: 'entry', mode: 'road', who: foreign('UZB', 'TOSHMATOVA', 'DILNOZA', '1995-09-30', 'F', 'FA5502917'), purpose: 'private' },
  { minutesAgo: 41 * DAY, direction: 'entry', mode: 'road', who: foreign('DEU', 'HOFFMANN', 'KLAUS', '1969-02-17', 'M', 'C4F7K2M91'), purpose: 'tourism' },
  { minutesAgo: 33 * DAY, direction: 'entry', mode: 'pedestrian', who: foreign('TUR', 'YILDIZ', 'EMRE', '1991-11-05', 'M', 'U18830455'), purpose: 'business' },
  { minutesAgo: 20 * DAY, direction: 'entry', mode: 'road', who: foreign('KGZ', 'ASANOV', 'BAKYT', '1979-06-21', 'M', 'AC2290471'), purpose: 'private' },
  { minutesAgo: 12 * DAY, direction: 'entry', mode: 'road', who: foreign('RUS', 'SMIRNOVA', 'OLGA', '1984-03-08', 'F', '754412908'), purpose: 'tourism' },
  // this morning
  { minutesAgo: 310, direction: 'exit', mode: 'road', who: KAZ('ZHUMABAEV', 'NURLAN', '1982-01-14', 'M', 'N13377120'), purpose: 'business' },
  { minutesAgo: 296, direction: 'exit', mode: 'road', who: KAZ('ZHUMABAEVA', 'AIGUL', '1985-07-02', 'F', 'N13377121'), purpose: 'business' },
  { minutesAgo: 281, direction: 'entry', mode: 'road', who: foreign('KGZ', 'TOKTOGULOV', 'ERMEK', '1990-12-11', 'M', 'AC3318842'), purpose: 'work' },
  { minutesAgo: 270, direction: 'entry', mode: 'pedestrian', who: foreign('KGZ', 'SYDYKOVA', 'GULNARA', '1976-05-19', 'F', 'AC1107733'), purpose: 'private' },
  { minutesAgo: 255, direction: 'entry', mode: 'road', who: KAZ('SEITKALI', 'ARMAN', '1993-10-03', 'M', 'N12294418'), purpose: 'private' },
  { minutesAgo: 241, direction: 'exit', mode: 'pedestrian', who: KAZ('OMAROVA', 'ZHANAR', '1970-08-25', 'F', 'N11830562'), purpose: 'private' },
  { minutesAgo: 226, direction: 'entry', mode: 'road', who: foreign('UZB', 'RAKHIMOV', 'SARDOR', '1999-02-27', 'M', 'FA6613390'), purpose: 'transit', outcome: 'refused' },
  { minutesAgo: 210, direction: 'entry', mode: 'road', who: foreign('RUS', 'VOLKOV', 'DMITRY', '1975-04-30', 'M', '753190442'), purpose: 'business' },
  { minutesAgo: 196, direction: 'exit', mode: 'road', who: foreign('KGZ', 'MAMATOV', 'AZAMAT', '1987-09-09', 'M', 'AC2904417'), purpose: 'work' },
  { minutesAgo: 183, direction: 'entry', mode: 'pedestrian', who: KAZ('BEKOV', 'DAULET', '2001-03-16', 'M', 'N14456021'), purpose: 'study' },
  { minutesAgo: 170, direction: 'exit', mode: 'road', who: KAZ('KASYMOVA', 'MADINA', '1989-12-01', 'F', 'N12983377'), purpose: 'tourism' },
  { minutesAgo: 152, direction: 'entry', mode: 'road', who: foreign('CHN', 'WANG', 'LEI', '1983-06-06', 'M', 'E55218734'), purpose: 'business', outcome: 'secondary' },
  { minutesAgo: 140, direction: 'exit', mode: 'pedestrian', who: foreign('KGZ', 'ABDYRAKHMANOVA', 'AINURA', '1994-01-28', 'F', 'AC4410028'), purpose: 'private' },
  { minutesAgo: 121, direction: 'entry', mode: 'road', who: KAZ('NURPEISOV', 'YERLAN', '1978-11-11', 'M', 'N11562209'), purpose: 'private' },
  { minutesAgo: 104, direction: 'entry', mode: 'road', who: foreign('KGZ', 'OSMONOV', 'TALANT', '1986-07-07', 'M', 'AC3390215'), purpose: 'work' },
  { minutesAgo: 88, direction: 'exit', mode: 'road', who: KAZ('TULEGENOV', 'ASKAR', '1966-02-02', 'M', 'N10774519'), purpose: 'business' },
  { minutesAgo: 71, direction: 'entry', mode: 'pedestrian', who: foreign('KGZ', 'ISMAILOVA', 'CHOLPON', '2000-10-10', 'F', 'AC5501763'), purpose: 'study' },
  { minutesAgo: 55, direction: 'exit', mode: 'road', who: foreign('KGZ', 'TOKTOGULOV', 'ERMEK', '1990-12-11', 'M', 'AC3318842'), purpose: 'work' },
  { minutesAgo: 38, direction: 'entry', mode: 'road', who: KAZ('SADYKOV', 'TIMUR', '1997-05-23', 'M', 'N13820446'), purpose: 'private' },
  { minutesAgo: 21, direction: 'exit', mode: 'road', who: foreign('RUS', 'KUZNETSOVA', 'ANNA', '1992-08-14', 'F', '755630178'), purpose: 'tourism', outcome: 'passed' },
  { minutesAgo: 6, direction: 'entry', mode: 'road', who: foreign('KGZ', 'ZHEENBEKOV', 'NURBEK', '1983-04-04', 'M', 'AC2671190'), outcome: 'at_control' },
  { minutesAgo: 2, direction: 'exit', mode: 'pedestrian', who: KAZ('AKHMETOVA', 'SAULE', '1975-12-19', 'F', 'N11207735'), outcome: 'at_control' },
];

export async function seedDemoCrossings(deps: Deps, screening: ScreeningService): Promise<number> {
  if (await deps.db.selectFrom('crossing').select('id').limit(1).executeTakeFirst()) return 0;
  const realNow = deps.clock.now();
  const clock = fixedClock(realNow);
  const crossings = createCrossingService({ ...deps, clock }, screening);
  const officer: Ctx = { actor: await actorOf(deps, 'demo.booth.korday'), correlationId: 'demo-crossings', ip: null };
  const at = (minutesAgo: number) => new Date(realNow.getTime() - minutesAgo * 60_000);
  const korday = seedId('checkpoint', 'KORDAY');
  let made = 0;
  for (const step of STEPS) {
    const arrived = at(step.minutesAgo);
    clock.set(arrived);
    const { who } = step;
    const lane = seedId('lane', `KORDAY/${step.mode === 'road' ? 'R' : 'P'}-${step.direction === 'entry' ? 'IN' : 'OUT'}-1`);
    const crossing = await crossings.start(officer, {
      checkpointId: korday, laneId: lane, direction: step.direction, transportMode: step.mode, vehicleRole: step.mode === 'road' ? 'driver' : 'pedestrian',
      ...(step.mode === 'road' && { vehicle: { plate: `${who.nationality === 'KAZ' ? '' : `${who.nationality} `}${who.document.slice(-3)} ${who.surname.slice(0, 2)}`, country: who.nationality } }),
      ...(step.purpose && { purpose: step.purpose }),
      document: { code: 'P', number: who.document, issuingState: who.nationality, expiry: '2031-06-30' },
      person: { surname: who.surname, givenNames: who.givenNames, dateOfBirth: who.dateOfBirth, sex: who.sex, nationality: who.nationality },
      arrivedAt: arrived.toISOString(),
    });
    made++;
    const outcome = step.outcome ?? 'gone';
    if (outcome === 'at_control') continue;
    // the officer decides a minute or two later, as the checks point; a traveller who resembles a listed person is referred
    clock.set(new Date(arrived.getTime() + 90_000));
    if (outcome === 'secondary' || crossing.suggested.decision !== 'pass') {
      await crossings.decide(officer, crossing.id, { decision: 'secondary', reasons: [], note: outcome === 'secondary' ? 'Цель поездки не подтверждена документами, проверка приглашения' : 'Сходство с лицом из списка: проверка личности' });
      continue;
    }
    if (outcome === 'refused') {
      await crossings.decide(officer, crossing.id, { decision: 'refuse', reasons: ['NO_GROUNDS_FOR_ENTRY'], returnToCountry: 'KGZ', note: 'Заявил транзит, билета и визы страны назначения нет' });
    } else {
      await crossings.decide(officer, crossing.id, { decision: 'pass', reasons: [] });
    }
    if (outcome === 'passed') continue;
    clock.set(new Date(arrived.getTime() + 6 * 60_000));
    await crossings.leave(officer, crossing.id);
  }
  // vehicles at control now: the lorry waits for customs, transport and sanitary control; the car has customs' mark
  const vehicles = createVehicleService({ ...deps, clock });
  clock.set(at(14));
  await vehicles.start(officer, {
    checkpointId: korday, laneId: seedId('lane', 'KORDAY/R-IN-1'), direction: 'entry', transportMode: 'road', plate: '01 KG 417 ABK', plateCountry: 'KGZ',
    vehicleType: 'tractor_trailer', cargoDeclaration: '10209000/081226/0004417', cargoCategories: ['food'], cargoDescription: 'Яблоки свежие, 18 т',
    arrivedAt: at(14).toISOString(),
  });
  clock.set(at(9));
  const car = await vehicles.start(officer, {
    checkpointId: korday, laneId: seedId('lane', 'KORDAY/R-OUT-1'), direction: 'exit', transportMode: 'road', plate: '777 AKS 02', plateCountry: 'KAZ',
    vehicleType: 'car', cargoCategories: [], equeueBooking: 'EQ-KRD-0917', arrivedAt: at(9).toISOString(),
  });
  clock.set(at(7));
  await vehicles.mark({ actor: await actorOf(deps, 'demo.customs.korday'), correlationId: 'demo-crossings', ip: null }, car.id, { body: 'customs', reference: 'КП-0917' });
  return made;
}
