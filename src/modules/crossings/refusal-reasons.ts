// The coded reasons for refusing passage at border control, drawn from the Law on the State Border.
// They are a rule pack (kind reason_code) tied to the Law with an effective date: an administrator adds a
// successor pack from a date, and each decision records the pack it used.
import { z } from 'zod';
import { Country } from '../../contracts/screening.ts';

export type RefusalReason = {
  code: string;
  basis: string;
  names: { kk: string; ru: string; en: string };
  /** the directions it applies to */
  directions: Array<'entry' | 'exit'>;
  /** the traveller categories it applies to; absent: every category */
  categories?: string[];
};

export const REFUSAL_PACK_CODE = 'CROSSING-REFUSAL-REASONS';
export const REFUSAL_PACK_FROM = '2013-01-16';

export const REFUSAL_REASONS_2013: RefusalReason[] = [
  { code: 'NO_VALID_DOCUMENT', basis: 'Law Art. 19(7), 66(9)', directions: ['entry', 'exit'],
    names: { kk: 'Кіруге (шығуға) құқық беретін жарамды құжаттың болмауы', ru: 'Отсутствие действительного документа на право въезда (выезда)', en: 'No valid document giving the right of entry (exit)' } },
  { code: 'DOCUMENT_EXPIRED', basis: 'Law Art. 19(7)', directions: ['entry', 'exit'],
    names: { kk: 'Құжаттың қолданылу мерзімі өткен', ru: 'Истёк срок действия документа', en: 'The document has expired' } },
  { code: 'DOCUMENT_INVALID', basis: 'Law Art. 66(9)', directions: ['entry', 'exit'],
    names: { kk: 'Құжат жарамсыз (жоғалған, ұрланған немесе қолдан жасалған)', ru: 'Документ недействителен (утрачен, похищен или подделан)', en: 'The document is invalid (lost, stolen or forged)' } },
  { code: 'ENTRY_BANNED', basis: 'Law Art. 19(10), 66(10)', directions: ['entry'], categories: ['foreigner', 'stateless'],
    names: { kk: 'Қазақстан Республикасына келуге тыйым салынған немесе шектелген', ru: 'Въезд в Республику Казахстан запрещён или ограничен', en: 'Entry to the Republic of Kazakhstan is banned or restricted' } },
  { code: 'NO_GROUNDS_FOR_ENTRY', basis: 'Law Art. 19(10)', directions: ['entry'], categories: ['foreigner', 'stateless'],
    names: { kk: 'Келуге негіздердің болмауы (виза, шақыру)', ru: 'Отсутствие оснований для въезда (виза, приглашение)', en: 'No grounds for entry (visa, invitation)' } },
  { code: 'EXIT_BANNED', basis: 'Law Art. 19(10)', directions: ['exit'],
    names: { kk: 'Қазақстан Республикасынан шығуға тыйым салу туралы шешім бар', ru: 'Имеется решение о запрете выезда из Республики Казахстан', en: 'A decision bans exit from the Republic of Kazakhstan' } },
  { code: 'FINGERPRINT_REFUSED', basis: 'Law Art. 66(10)', directions: ['entry'], categories: ['foreigner', 'stateless'],
    names: { kk: 'Саусақ таңбалары бойынша сәйкестендіруден бас тарту', ru: 'Отказ от дактилоскопической идентификации', en: 'Refusal of fingerprint identification' } },
  { code: 'UNPAID_FINES', basis: 'Law Art. 66(10)', directions: ['entry', 'exit'], categories: ['foreigner', 'stateless'],
    names: { kk: 'Айыппұлдардың белгіленген мерзімде төленбеуі', ru: 'Неуплата штрафов в установленный срок', en: 'Fines unpaid after the statutory deadline' } },
  { code: 'CHECKPOINT_RESTRICTED', basis: 'Law Art. 14(7)', directions: ['entry', 'exit'],
    names: { kk: 'Өткізу пункті арқылы өту уақытша шектелген немесе тоқтатылған', ru: 'Пропуск через пункт пропуска временно ограничен или приостановлен', en: 'Crossing at the checkpoint is temporarily restricted or suspended' } },
  { code: 'NO_PERMISSION_MARKS', basis: 'Law Art. 19(8)', directions: ['entry', 'exit'],
    names: { kk: 'Бақылау органдарының рұқсат белгілерінің болмауы', ru: 'Отсутствие разрешительных отметок контролирующих органов', en: 'No permission marks of the control bodies' } },
  { code: 'NO_EQUEUE_BOOKING', basis: 'Law Art. 19(8-1)', directions: ['exit'],
    names: { kk: 'Электрондық кезекте брондаудың болмауы', ru: 'Отсутствие бронирования в электронной очереди', en: 'No booking in the electronic queue' } },
];

// Stay limits of foreigners by nationality. The Law leaves them to the Government's visa regime and
// to treaties: these are demonstration values with an effective date; an administrator enters the
// decree in force as a successor pack.
export const STAY_PACK_CODE = 'STAY-RULES';
export const STAY_PACK_FROM = '2017-01-01';
export const STAY_RULES_DEMO = [
  { nationalities: ['RUS', 'BLR', 'ARM', 'KGZ'], maxDaysPerStay: null, maxDaysInPeriod: 90, periodDays: 180, label: 'EAEU member states: 90 days within 180 (demo value)',
    names: { kk: 'ЕАЭО мүше мемлекеттері: 180 күн ішінде 90 күн (демо мән)', ru: 'Государства — члены ЕАЭС: 90 дней в течение 180 (демо-значение)', en: 'EAEU member states: 90 days within 180 (demo value)' } },
  { nationalities: ['UZB', 'TJK', 'AZE', 'MDA', 'UKR', 'GEO', 'MNG'], maxDaysPerStay: null, maxDaysInPeriod: 90, periodDays: 180, label: 'Visa-free CIS and neighbour states: 90 days within 180 (demo value)',
    names: { kk: 'Визасыз ТМД және көрші мемлекеттер: 180 күн ішінде 90 күн (демо мән)', ru: 'Безвизовые государства СНГ и соседние: 90 дней в течение 180 (демо-значение)', en: 'Visa-free CIS and neighbour states: 90 days within 180 (demo value)' } },
  { nationalities: ['DEU', 'FRA', 'GBR', 'USA', 'ITA', 'ESP', 'NLD', 'POL', 'TUR', 'KOR', 'JPN', 'ARE', 'AUS', 'CAN', 'MYS', 'SGP'], maxDaysPerStay: 30, maxDaysInPeriod: 90, periodDays: 180, label: 'Visa-free 30 days per stay, 90 within 180 (demo value)',
    names: { kk: 'Визасыз: бір келуге 30 күн, 180 күн ішінде 90 күн (демо мән)', ru: 'Безвизовый режим: 30 дней за одно пребывание, 90 в течение 180 (демо-значение)', en: 'Visa-free 30 days per stay, 90 within 180 (demo value)' } },
  { default: true, maxDaysPerStay: 30, maxDaysInPeriod: null, periodDays: null, label: 'Other states: as the visa allows; 30 days assumed (demo value)',
    names: { kk: 'Басқа мемлекеттер: виза рұқсат еткенше; 30 күн деп алынған (демо мән)', ru: 'Прочие государства: в пределах срока визы; принято 30 дней (демо-значение)', en: 'Other states: as the visa allows; 30 days assumed (demo value)' } },
];

const Names = z.strictObject({ kk: z.string().trim().min(2).max(300), ru: z.string().trim().min(2).max(300), en: z.string().trim().min(2).max(300) });
const Days = z.number().int().min(1).max(3650);
/** The shape of a successor STAY-RULES pack, as an administrator enters it (POST /api/v1/rule-packs). */
export const StayRules = z.strictObject({
  rules: z.array(z.strictObject({
    nationalities: z.array(Country).min(1).optional().describe('ISO alpha-3 codes the rule is for'),
    default: z.literal(true).optional().describe('the rule for every nationality no other rule names'),
    maxDaysPerStay: Days.nullable(),
    maxDaysInPeriod: Days.nullable(),
    periodDays: Days.nullable(),
    label: z.string().trim().min(3).max(300),
    names: Names.optional(),
  }).superRefine((rule, ctx) => {
    if (!rule.nationalities === !rule.default) ctx.addIssue({ code: 'custom', path: ['nationalities'], params: { code: 'NATIONALITIES_OR_DEFAULT' }, message: 'name the nationalities, or mark the rule as the default: one of the two' });
    if ((rule.maxDaysInPeriod === null) !== (rule.periodDays === null)) ctx.addIssue({ code: 'custom', path: ['periodDays'], params: { code: 'PERIOD_WITH_DAYS' }, message: 'days within a period and the period go together' });
    else if (rule.maxDaysInPeriod !== null && rule.periodDays !== null && rule.maxDaysInPeriod >= rule.periodDays) ctx.addIssue({ code: 'custom', path: ['maxDaysInPeriod'], params: { code: 'NOT_UNDER_PERIOD' }, message: 'must be fewer than the days of the period' });
  })).min(1),
}).superRefine((pack, ctx) => {
  // every foreigner falls under a rule: a nationality no rule names takes the default
  if (!pack.rules.some((r) => r.default)) ctx.addIssue({ code: 'custom', path: ['rules'], params: { code: 'DEFAULT_RULE_REQUIRED' }, message: 'one rule must be the default, for the nationalities no rule names' });
  const seen = new Map<string, number>();
  pack.rules.forEach((rule, i) => {
    for (const code of rule.default ? ['(default)'] : rule.nationalities ?? []) {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path: ['rules', i, rule.default ? 'default' : 'nationalities'], params: { code: 'RULE_TWICE', nationality: code }, message: `${code} already has rule ${seen.get(code)! + 1}` });
      else seen.set(code, i);
    }
  });
});
