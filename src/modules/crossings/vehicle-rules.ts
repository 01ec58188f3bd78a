// The vehicle and cargo rules: which control bodies' permission marks a vehicle needs (Law Art. 19(4),
// 19(8)), and customs' risk channel (green, yellow, red) from explainable rules. Both are rule packs with
// effective dates; the values below are demonstration values an administrator replaces with the
// orders in force. Pure functions; the service reads the packs.

export const CARGO_CATEGORIES = ['general', 'food', 'animals', 'animal_products', 'plants', 'excise', 'dual_use', 'weapons', 'radioactive', 'hazardous', 'empty'] as const;
export const CONTROL_BODIES = ['customs', 'transport', 'sanitary', 'veterinary', 'phytosanitary'] as const;

type When = { cargoCategories?: string[]; vehicleTypes?: string[]; directions?: string[]; noDeclaration?: boolean };
export type MarkRule = { body: string; when: When | 'always'; basis: string };
/** `why` is the rule's explanation; `names` the same in the three languages, shown to the officer in theirs. */
export type RiskRule = { id: string; channel: 'yellow' | 'red'; why: string; names?: { kk: string; ru: string; en: string }; when: When };
export type FiredRule = { rule: string; channel: string; why: string; names?: { kk: string; ru: string; en: string } };

export const MARKS_PACK_CODE = 'VEHICLE-PERMISSION-MARKS';
export const RISK_PACK_CODE = 'CUSTOMS-RISK-RULES';
export const VEHICLE_PACKS_FROM = '2013-01-16';

export const MARK_RULES_DEMO: MarkRule[] = [
  { body: 'customs', when: 'always', basis: 'Law Art. 19(8), 57(2)' },
  { body: 'transport', when: { vehicleTypes: ['truck', 'tractor_trailer', 'bus'] }, basis: 'Law Art. 19(4)' },
  { body: 'sanitary', when: { cargoCategories: ['food'] }, basis: 'Law Art. 19(4)' },
  { body: 'veterinary', when: { cargoCategories: ['animals', 'animal_products'] }, basis: 'Law Art. 19(4)' },
  { body: 'phytosanitary', when: { cargoCategories: ['plants'] }, basis: 'Law Art. 19(4)' },
];

export const RISK_RULES_DEMO: RiskRule[] = [
  { id: 'R-RADIOACTIVE', channel: 'red', why: 'Radioactive substances declared', when: { cargoCategories: ['radioactive'] },
    names: { kk: 'Радиоактивті заттар мәлімделген', ru: 'Заявлены радиоактивные вещества', en: 'Radioactive substances declared' } },
  { id: 'R-WEAPONS', channel: 'red', why: 'Weapons or dual-use goods declared', when: { cargoCategories: ['weapons', 'dual_use'] },
    names: { kk: 'Қару немесе қосарлы мақсаттағы тауарлар мәлімделген', ru: 'Заявлены оружие или товары двойного назначения', en: 'Weapons or dual-use goods declared' } },
  { id: 'R-NO-DECLARATION', channel: 'red', why: 'A goods vehicle without a cargo declaration', when: { vehicleTypes: ['truck', 'tractor_trailer'], noDeclaration: true },
    names: { kk: 'Жүк декларациясы жоқ жүк көлігі', ru: 'Грузовое транспортное средство без декларации на груз', en: 'A goods vehicle without a cargo declaration' } },
  { id: 'R-EXCISE', channel: 'yellow', why: 'Excise goods (alcohol, tobacco, fuel)', when: { cargoCategories: ['excise'] },
    names: { kk: 'Акцизделетін тауарлар (алкоголь, темекі, жанармай)', ru: 'Подакцизные товары (алкоголь, табак, топливо)', en: 'Excise goods (alcohol, tobacco, fuel)' } },
  { id: 'R-HAZARDOUS', channel: 'yellow', why: 'Dangerous goods', when: { cargoCategories: ['hazardous'] },
    names: { kk: 'Қауіпті жүктер', ru: 'Опасные грузы', en: 'Dangerous goods' } },
  { id: 'R-EMPTY-ENTRY', channel: 'yellow', why: 'A goods vehicle entering empty', when: { vehicleTypes: ['truck', 'tractor_trailer'], cargoCategories: ['empty'], directions: ['entry'] },
    names: { kk: 'Бос келе жатқан жүк көлігі', ru: 'Грузовое транспортное средство въезжает порожним', en: 'A goods vehicle entering empty' } },
];

export type VehicleFacts = { direction: string; vehicleType: string; cargoCategories: string[]; cargoDeclaration: string | null };

function matches(when: When | 'always', v: VehicleFacts): boolean {
  if (when === 'always') return true;
  if (when.cargoCategories && !when.cargoCategories.some((c) => v.cargoCategories.includes(c))) return false;
  if (when.vehicleTypes && !when.vehicleTypes.includes(v.vehicleType)) return false;
  if (when.directions && !when.directions.includes(v.direction)) return false;
  if (when.noDeclaration && v.cargoDeclaration) return false;
  return true;
}

/** The bodies whose permission marks this vehicle needs. */
export function requiredMarks(rules: MarkRule[], v: VehicleFacts): MarkRule[] {
  return rules.filter((r) => matches(r.when, v));
}

/** The channel: the most severe of the rules that fire, each with why; green when none fires. */
export function riskChannel(rules: RiskRule[], v: VehicleFacts): { channel: 'green' | 'yellow' | 'red'; fired: FiredRule[] } {
  const fired = rules.filter((r) => matches(r.when, v)).map((r): FiredRule => ({ rule: r.id, channel: r.channel, why: r.why, ...(r.names && { names: r.names }) }));
  const channel = fired.some((f) => f.channel === 'red') ? 'red' : fired.length ? 'yellow' : 'green';
  return { channel, fired };
}
