// The deadlines and windows of the information exchange (Instruction 2002 p.5) as a rule pack:
// nothing of these numbers is used from anywhere but a pack in force on the day an obligation arose.
import { z } from 'zod';

export const EXCHANGE_PACK_CODE = 'EXCHANGE-DEADLINES';

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const ExchangeRules = z.strictObject({
  urgent: z.strictObject({
    confirmWithinMinutes: z.number().int().min(1).max(7 * 24 * 60).describe('the written confirmation is due this long after the oral report'),
    warnBeforeMinutes: z.number().int().min(0).describe('warn the sender this long before the confirmation is due'),
    basis: z.string(),
  }),
  daily: z.strictObject({ from: Hhmm, to: Hhmm, warnBeforeMinutes: z.number().int().min(0), basis: z.string() })
    .refine((d) => d.from < d.to, { params: { code: 'ENDS_BEFORE_START' }, message: 'the window must end after it starts', path: ['to'] }),
  monthly: z.strictObject({
    fromDay: z.number().int().min(1).max(31).describe('the window opens on this day of the month reported on'),
    toDay: z.number().int().min(1).max(28).describe('and closes at the end of this day of the following month'),
    warnBeforeDays: z.number().int().min(0).max(27),
    basis: z.string(),
  }),
  advance: z.strictObject({ minLeadDays: z.number().int().min(0).max(365).describe('sent at least this many days before the date it concerns (0: before that day)'), basis: z.string() }),
  udb: z.strictObject({ monthsPerPeriod: z.literal(6), warnBeforeDays: z.number().int().min(0).max(180), basis: z.string() }),
  acknowledge: z.strictObject({
    urgentMinutes: z.number().int().min(1).nullable().describe('a recipient acknowledges urgent information within this time (null: no clock)'),
    writtenHours: z.number().int().min(1).nullable().describe('and a written message (monthly, advance, UDB) within this time (null: no clock); daily information is told to a named person and has no receipt clock'),
    basis: z.string(),
  }),
});
export type ExchangeRules = z.infer<typeof ExchangeRules>;

/** Instruction 2002 p.5 (RU text; the KZ wording of p.5(1) is ambiguous, digest §3.3 D-5): the numbers as written. */
export const INSTRUCTION_2002_RULES: ExchangeRules = {
  urgent: { confirmWithinMinutes: 120, warnBeforeMinutes: 30, basis: 'Instruction 2002 p.5(1): confirmed in writing not later than 2 hours from the oral message' },
  daily: { from: '07:00', to: '09:00', warnBeforeMinutes: 30, basis: 'Instruction 2002 p.5(2): orally from 07:00 to 09:00 local time' },
  monthly: { fromDay: 28, toDay: 5, warnBeforeDays: 1, basis: 'Instruction 2002 p.5(3): in writing from the 28th of the month to the 5th of the next' },
  advance: { minLeadDays: 0, basis: 'Instruction 2002 p.5(4): in advance (no lead time is fixed: before the day it concerns)' },
  udb: { monthsPerPeriod: 6, warnBeforeDays: 14, basis: 'Instruction 2002 p.5(5): once per half-year' },
  acknowledge: { urgentMinutes: 30, writtenHours: 24, basis: "Shekara's receipt rule (the Instruction fixes no acknowledgement time)" },
};

export const EXCHANGE_PACKS = [
  { act: 'JO-2002-293-65-420', from: '2002-05-22', to: '2015-04-25', titles: { en: 'Information exchange deadlines and windows (Instruction 2002 p.5)', ru: 'Сроки и окна обмена информацией (Инструкция 2002 г., п. 5)', kk: 'Ақпарат алмасу мерзімдері мен уақыт аралықтары (2002 жылғы Нұсқаулық, 5-тармақ)' }, rules: INSTRUCTION_2002_RULES },
  {
    act: 'JO-2015-19-66-29', from: '2015-04-25', to: null, titles: {
      en: 'Information exchange deadlines after the 2015 joint order (the 2002 values carried over: verify against the 2015 order and enter a successor pack)',
      ru: 'Сроки обмена информацией после совместного приказа 2015 г. (перенесены значения 2002 г.: сверьте с приказом 2015 г. и введите новую редакцию)',
      kk: '2015 жылғы бірлескен бұйрықтан кейінгі ақпарат алмасу мерзімдері (2002 жылғы мәндер көшірілді: 2015 жылғы бұйрықпен салыстырып, жаңа редакцияны енгізіңіз)',
    },
    rules: INSTRUCTION_2002_RULES,
  },
] as const;
