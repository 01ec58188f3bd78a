// The SEZ Rules' deadlines and switches as a rule pack (SEZ-PASSAGE): the 2019 values with their
// effective dates. The English text is an unofficial translation and the Kazakh text authoritative;
// each obligation one of them lacks can be switched here. The order was repealed on 4 March 2024 and
// its successor is not public: the pack from that day carries the 2019 values, marked "verify".
import { z } from 'zod';
import { addDays, monthBefore, zoned, type Window } from '../exchange/clocks.ts';

export const SEZ_PACK_CODE = 'SEZ-PASSAGE';

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const SezRules = z.strictObject({
  delivery: z.strictObject({
    dueDay: z.number().int().min(1).max(28).describe('the list and permit reach the BS military unit by the end of this day'),
    month: z.enum(['before', 'same']).describe('"before": the day falls in the month before the list\'s month (default reading); "same": in the list\'s month (literal reading)'),
    warnBeforeDays: z.number().int().min(0).max(27),
    basis: z.string(),
  }),
  forward: z.strictObject({
    withinDays: z.number().int().min(1).max(60).nullable().describe('calendar days after agreement for the NSC district division to forward the list (KZ p.6); null: no clock (EN text)'),
    warnBeforeDays: z.number().int().min(0).max(59),
    basis: z.string(),
  }),
  roster: z.strictObject({
    required: z.boolean().describe('the daily post roster for the next day with a copy to the BS subdivision (KZ p.12 only)'),
    approveBy: Hhmm.describe('approved by this local time of the day before the roster\'s day'),
    warnBeforeMinutes: z.number().int().min(0),
    basis: z.string(),
  }),
  inspectorLists: z.strictObject({ required: z.boolean().describe('monthly lists of inspectors and responsible officers to the BS military unit (EN p.13 only)'), basis: z.string() }),
  vehicleInspection: z.strictObject({ stateRevenueParticipates: z.boolean().describe('officials of the state revenue body inspect special vehicles with the BS (EN p.9 only)'), basis: z.string() }),
  planAssignment: z.strictObject({ required: z.boolean().describe('inspections follow a plan-assignment approved by the head (KZ p.13)'), basis: z.string() }),
});
export type SezRules = z.infer<typeof SezRules>;

/** The 2019 Rules: the union of the English and Kazakh texts, every obligation switched on. */
export const SEZ_RULES_2019: SezRules = {
  delivery: { dueDay: 25, month: 'before', warnBeforeDays: 5, basis: 'SEZ Rules 2019 EN p.15 / KZ p.16: the permit and the list reach the BS military unit by the 25th ("of the next month": read as the 25th of the month before the list\'s month)' },
  forward: { withinDays: 5, warnBeforeDays: 1, basis: 'SEZ Rules 2019 KZ p.6: the NSC district division forwards the agreed list to the BS military unit not later than 5 calendar days after agreement' },
  roster: { required: true, approveBy: '23:59', warnBeforeMinutes: 180, basis: 'SEZ Rules 2019 KZ p.12: every day the head approves the post roster for the next day and hands a copy to the BS subdivision (no hour is fixed: before the day begins)' },
  inspectorLists: { required: true, basis: 'SEZ Rules 2019 EN p.13: monthly lists of inspectors and responsible officers to the BS military unit' },
  vehicleInspection: { stateRevenueParticipates: true, basis: 'SEZ Rules 2019 EN p.9 (the KZ text names the Border Service only)' },
  planAssignment: { required: true, basis: 'SEZ Rules 2019 KZ p.13: inspections under the plan-assignment approved by the head of the police body' },
};

export const SEZ_PACKS = [
  { act: 'JO-2019-616-47', from: '2019-07-22', to: '2024-03-04', titles: { en: 'SEZ passage lists: deadlines and switches (SEZ Rules 2019, EN and KZ texts)', ru: 'Списки для пропуска в СЭЗ: сроки и переключатели (Правила СЭЗ 2019 г., английский и казахский тексты)', kk: 'АЭА-ға өткізу тізімдері: мерзімдер мен ауыстырғыштар (2019 жылғы АЭА қағидалары, ағылшынша және қазақша мәтіндер)' }, rules: SEZ_RULES_2019 },
  {
    act: 'LAW-2013-70-V', from: '2024-03-04', to: null,
    titles: {
      en: 'SEZ passage lists after the 2019 Rules were repealed (Law Art. 19(5-1), 22-1(4); the successor order is not public: the 2019 values carried over, verify and enter a successor pack)',
      ru: 'Списки для пропуска в СЭЗ после отмены Правил 2019 г. (ст. 19 п. 5-1, ст. 22-1 п. 4 Закона; новый приказ не опубликован: перенесены значения 2019 г., сверьте и введите новую редакцию)',
      kk: '2019 жылғы қағидалардың күші жойылғаннан кейінгі АЭА-ға өткізу тізімдері (Заңның 19-бабы 5-1-тармағы, 22-1-бабы 4-тармағы; жаңа бұйрық жарияланбаған: 2019 жылғы мәндер көшірілді, салыстырып, жаңа редакцияны енгізіңіз)',
    },
    rules: SEZ_RULES_2019,
  },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The last instant the list for `month` (YYYY-MM) is on time at the BS military unit: the end of the due day, local time. */
export function deliveryWindow(month: string, timeZone: string, r: SezRules['delivery']): Window {
  const dueMonth = r.month === 'before' ? monthBefore(month) : month;
  const dueOn = `${dueMonth}-${pad(r.dueDay)}`;
  const dueAt = new Date(zoned(addDays(dueOn, 1), '00:00', timeZone).getTime() - 1);
  return { opensAt: null, dueAt, warnAt: zoned(addDays(dueOn, -r.warnBeforeDays), '00:00', timeZone), rule: `${r.basis} (${dueOn}, ${timeZone})` };
}

/** KZ p.6: forwarded within `withinDays` calendar days of the agreement: day 5 after it is on time, day 6 late. */
export function forwardWindow(agreedOn: string, timeZone: string, r: SezRules['forward']): Window | null {
  if (r.withinDays === null) return null;
  const lastDay = addDays(agreedOn, r.withinDays);
  const dueAt = new Date(zoned(addDays(lastDay, 1), '00:00', timeZone).getTime() - 1);
  return { opensAt: null, dueAt, warnAt: zoned(addDays(lastDay, -r.warnBeforeDays), '00:00', timeZone), rule: `${r.basis} (agreed ${agreedOn}, due by the end of ${lastDay}, ${timeZone})` };
}

/** KZ p.12: the roster of `day` is approved by `approveBy` on the day before. */
export function rosterWindow(day: string, timeZone: string, r: SezRules['roster']): Window {
  const dueAt = new Date(zoned(addDays(day, -1), r.approveBy, timeZone).getTime() + 59_999);
  return { opensAt: null, dueAt, warnAt: new Date(dueAt.getTime() + 1 - r.warnBeforeMinutes * 60_000), rule: `${r.basis} (${addDays(day, -1)} ${r.approveBy}, ${timeZone})` };
}
