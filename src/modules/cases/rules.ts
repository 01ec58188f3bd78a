// The clocks and closed lists of cases at the border: the Law's 12 hours to notify the prosecutor of a use
// of force (Art. 72(9)) and 24 hours after entering premises in pursuit (Art. 67(1)(22)); the report back
// on measures taken after a hand-over (Instruction 2002 p.5(1), p.5(4) name no time: Shekara's rule, set
// in the pack). The grounds of Art. 73-75 and the exceptions of Art. 72(5) as codes with their basis.
import { z } from 'zod';

export const CASE_PACK_CODE = 'CASE-DEADLINES';

export const CaseRules = z.strictObject({
  prosecutorHours: z.number().int().min(1).max(72).describe('a use of force is reported to the prosecutor within this many hours (Art. 72(9))'),
  premisesHours: z.number().int().min(1).max(72).describe('an entry into premises in pursuit is notified to the prosecutor within this many hours (Art. 67(1)(22))'),
  measuresDays: z.number().int().min(1).max(90).describe('the receiving agency reports back the measures taken within this many days of accepting a hand-over'),
  warnBeforeMinutes: z.number().int().min(0).max(24 * 60),
  basis: z.string(),
});
export type CaseRules = z.infer<typeof CaseRules>;

export const CASE_RULES_2013: CaseRules = {
  prosecutorHours: 12, premisesHours: 24, measuresDays: 10, warnBeforeMinutes: 120,
  basis: 'Law Art. 72(9): the prosecutor within 12 hours; Art. 67(1)(22): within 24 hours of entering premises; measures taken after a hand-over: 10 days (Shekara\'s rule: Instruction 2002 p.5 fixes no time)',
};
export const CASE_PACKS = [{ act: 'LAW-2013-70-V', from: '2013-01-16', to: null, titles: {
  en: 'Cases at the border: prosecutor notices (Law Art. 67(1)(22), 72(9)) and the report back on measures after a hand-over',
  ru: 'Дела на границе: уведомления прокурора (ст. 67 п. 1 пп. 22, ст. 72 п. 9 Закона) и сообщение о принятых мерах после передачи',
  kk: 'Шекарадағы істер: прокурорға хабарлау (Заңның 67-бабы 1-тармағының 22) тармақшасы, 72-бабының 9-тармағы) және берілгеннен кейін қабылданған шаралар туралы хабарлама',
}, rules: CASE_RULES_2013 }] as const;

/** Who was detained for what: violators of the State Border (Art. 30) and of the regimes (Art. 29, 38, 43, 52, 54), and what the Instruction hands over. */
export const DETENTION_CATEGORIES = {
  border_violator_outside_checkpoint: 'Law Art. 30(1): crossed or tried to cross outside a checkpoint or in breach of the procedure',
  border_violator_vehicle: 'Law Art. 30(2): entered a vehicle of foreign travel to leave illegally',
  border_violator_other: 'Law Art. 30(5): other crossing without permission',
  state_border_regime: 'Law Art. 29: violation of the State Border regime',
  border_regime: 'Law Art. 38: violation of the border regime (border zone, border strip)',
  checkpoint_regime: 'Law Art. 43: violation of the checkpoint regime',
  waters_regime: 'Law Art. 52: violation of the regime of internal and territorial waters',
  continental_shelf_regime: 'Law Art. 54: violation of the continental shelf regime',
  illegal_migrant: 'Instruction 2002 p.9(6): illegal migrant',
  customs_violator: 'Instruction 2002 p.9(6): violator of customs legislation',
} as const;

/** Grounds of use: Art. 73(1)(1)-(9) and the alarm signal for weapons; Art. 74(2) for special means; Art. 75(2) for animals and physical force; Art. 72(3). */
export const FORCE_GROUNDS = {
  '73.1.1': 'Art. 73(1)(1): armed invasion or attack, armed provocation on the border',
  '73.1.2': 'Art. 73(1)(2): armed attack on units protecting the border',
  '73.1.3': 'Art. 73(1)(3): crossers offering armed or other resistance',
  '73.1.4': 'Art. 73(1)(4): stopping a vehicle that ignores demands to stop, by damaging it',
  '73.1.5': 'Art. 73(1)(5): preventing hijacking abroad of a vehicle without passengers',
  '73.1.6': 'Art. 73(1)(6): repelling an attack with a direct threat to life',
  '73.1.7': 'Art. 73(1)(7): protecting citizens, freeing hostages',
  '73.1.8': 'Art. 73(1)(8): animal attack',
  '73.1.9': 'Art. 73(1)(9): other offences, necessary defence, extreme necessity',
  alarm: 'Art. 73(1): firing to raise the alarm or call for help',
  '74.2.1': 'Art. 74(2)(1): detaining and disarming those who resist or illegally possess prohibited items',
  '74.2.2': 'Art. 74(2)(2): mass disorder, mass unarmed crossing, group actions',
  '74.2.3': 'Art. 74(2)(3): escorting and guarding detainees',
  '74.2.4': 'Art. 74(2)(4): delivering detainees',
  '74.2.5': 'Art. 74(2)(5): opening objects and vehicles',
  '74.2.6': 'Art. 74(2)(6): other offences, necessary defence, extreme necessity',
  '75.2.1': 'Art. 75(2)(1): search for and detention of offenders',
  '75.2.2': 'Art. 75(2)(2): search for prohibited items and substances',
  '75.2.3': 'Art. 75(2)(3): other offences, necessary defence, extreme necessity',
  '72.3': 'Art. 72(3): improvised means in necessary defence, extreme necessity or detention',
} as const;
export type ForceGround = keyof typeof FORCE_GROUNDS;

/** Which grounds each means may rest on: special means wherever weapons may be used and more (Art. 74(1)); animals and force wherever both may (Art. 75(1)). */
const WEAPON_GROUNDS = Object.keys(FORCE_GROUNDS).filter((g) => g.startsWith('73') || g === 'alarm');
const SPECIAL = [...WEAPON_GROUNDS, ...Object.keys(FORCE_GROUNDS).filter((g) => g.startsWith('74'))];
export const GROUNDS_FOR: Record<string, string[]> = {
  weapon: WEAPON_GROUNDS, military_equipment: WEAPON_GROUNDS, special_means: SPECIAL,
  service_animal: [...SPECIAL, ...Object.keys(FORCE_GROUNDS).filter((g) => g.startsWith('75'))],
  physical_force: [...SPECIAL, ...Object.keys(FORCE_GROUNDS).filter((g) => g.startsWith('75'))],
  improvised_means: ['72.3'],
};

/** Art. 73(2): weapons without warning. */
export const NO_WARNING_CASES = { armed_attack: 'Art. 73(2): armed attack or invasion', armed_resistance: 'Art. 73(2): armed resistance', sudden_attack: 'Art. 73(2): sudden attack on servicemen or citizens', escape_with_weapon: 'Art. 73(2): escape of detainees with a seized weapon' } as const;
/** Art. 72(5): when force may be used against women, persons with obvious disability and minors; Art. 72(6)(1): a real threat to national security. */
export const EXCEPTION_GROUNDS = { threat_to_life: 'Art. 72(5): real threat to life or health', armed_or_group_attack: 'Art. 72(5): armed or group attack', armed_resistance: 'Art. 72(5): armed resistance', hostage_taking: 'Art. 72(5): hostage-taking', seizure_of_objects: 'Art. 72(5): seizure of objects or vehicles', national_security_threat: 'Art. 72(6)(1): real threat to national security (vehicle with passengers)' } as const;
