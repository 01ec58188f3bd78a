// Reference data that every Shekara instance starts with: the agencies the legal texts name, the
// sections of the State Border by neighbour, and the acts in the legal register. Loaded at every
// start, insert-if-absent: an administrator's later edits are never overwritten.

type N = [kk: string, ru: string, en: string];

export type AgencySeed = { code: string; kind: string; country: string; parent?: string; names: N; short: N };

export const AGENCIES: AgencySeed[] = [
  { code: 'NSC', kind: 'national_security', country: 'KAZ', names: ['Қазақстан Республикасы Ұлттық қауіпсіздік комитеті', 'Комитет национальной безопасности Республики Казахстан', 'National Security Committee of the Republic of Kazakhstan'], short: ['ҰҚК', 'КНБ', 'NSC'] },
  { code: 'NSC-BS', kind: 'border_service', country: 'KAZ', parent: 'NSC', names: ['ҰҚК Шекара қызметі', 'Пограничная служба КНБ', 'Border Service of the NSC'], short: ['ШҚ', 'ПС КНБ', 'Border Service'] },
  { code: 'MIA', kind: 'internal_affairs', country: 'KAZ', names: ['Қазақстан Республикасы Ішкі істер министрлігі', 'Министерство внутренних дел Республики Казахстан', 'Ministry of Internal Affairs of the Republic of Kazakhstan'], short: ['ІІМ', 'МВД', 'MIA'] },
  { code: 'MF', kind: 'finance', country: 'KAZ', names: ['Қазақстан Республикасы Қаржы министрлігі', 'Министерство финансов Республики Казахстан', 'Ministry of Finance of the Republic of Kazakhstan'], short: ['ҚМ', 'МФ', 'MF'] },
  { code: 'MF-SRC', kind: 'customs', country: 'KAZ', parent: 'MF', names: ['ҚМ Мемлекеттік кірістер комитеті (кеден органдары)', 'Комитет государственных доходов МФ (таможенные органы)', 'State Revenue Committee of the MF (customs)'], short: ['МКК', 'КГД', 'SRC'] },
  { code: 'MFA', kind: 'foreign_affairs', country: 'KAZ', names: ['Қазақстан Республикасы Сыртқы істер министрлігі', 'Министерство иностранных дел Республики Казахстан', 'Ministry of Foreign Affairs of the Republic of Kazakhstan'], short: ['СІМ', 'МИД', 'MFA'] },
  { code: 'LEB', kind: 'local_executive', country: 'KAZ', names: ['Жергілікті атқарушы органдар (әкімдіктер)', 'Местные исполнительные органы (акиматы)', 'Local executive bodies (akimats)'], short: ['ЖАО', 'МИО', 'LEB'] },
  { code: 'MOJ', kind: 'justice', country: 'KAZ', names: ['Қазақстан Республикасы Әділет министрлігі', 'Министерство юстиции Республики Казахстан', 'Ministry of Justice of the Republic of Kazakhstan'], short: ['ӘМ', 'МЮ', 'MoJ'] },
  { code: 'GPO', kind: 'prosecution', country: 'KAZ', names: ['Қазақстан Республикасының Бас прокуратурасы', 'Генеральная прокуратура Республики Казахстан', 'Prosecutor General\'s Office of the Republic of Kazakhstan'], short: ['Бас прокуратура', 'Генпрокуратура', 'Prosecutor General'] },
  { code: 'KG-SCS', kind: 'foreign_partner', country: 'KGZ', names: ['Қырғыз Республикасының Мемлекеттік кеден қызметі', 'Государственная таможенная служба Кыргызской Республики', 'State Customs Service of the Kyrgyz Republic'], short: ['ҚР МКҚ', 'ГТС КР', 'KG Customs'] },
  { code: 'KG-BS', kind: 'foreign_partner', country: 'KGZ', names: ['Қырғыз Республикасы ҰҚМК Шекара қызметі', 'Пограничная служба ГКНБ Кыргызской Республики', 'Border Service of the SCNS of the Kyrgyz Republic'], short: ['ҚР ШҚ', 'ПС КР', 'KG Border Service'] },
];

export type SectionSeed = { code: string; neighbour: string; kind: string; names: N; lengthKm: number | null };

// Lengths are the commonly published figures, rounded; the Caspian is the sea border (user-assigned code XCS).
export const BORDER_SECTIONS: SectionSeed[] = [
  { code: 'KAZ-CHN', neighbour: 'CHN', kind: 'land', names: ['Қазақстан-қытай учаскесі', 'Казахстанско-китайский участок', 'Kazakhstan-China section'], lengthKm: 1783 },
  { code: 'KAZ-KGZ', neighbour: 'KGZ', kind: 'land', names: ['Қазақстан-қырғыз учаскесі', 'Казахстанско-кыргызский участок', 'Kazakhstan-Kyrgyzstan section'], lengthKm: 1242 },
  { code: 'KAZ-UZB', neighbour: 'UZB', kind: 'land', names: ['Қазақстан-өзбек учаскесі', 'Казахстанско-узбекский участок', 'Kazakhstan-Uzbekistan section'], lengthKm: 2351 },
  { code: 'KAZ-TKM', neighbour: 'TKM', kind: 'land', names: ['Қазақстан-түрікмен учаскесі', 'Казахстанско-туркменский участок', 'Kazakhstan-Turkmenistan section'], lengthKm: 426 },
  { code: 'KAZ-RUS', neighbour: 'RUS', kind: 'land', names: ['Қазақстан-ресей учаскесі', 'Казахстанско-российский участок', 'Kazakhstan-Russia section'], lengthKm: 7591 },
  { code: 'KAZ-CASPIAN', neighbour: 'XCS', kind: 'sea', names: ['Каспий теңізі', 'Каспийское море', 'Caspian Sea'], lengthKm: null },
];

export type ActSeed = {
  code: string; actType: string; number: string; adoptedOn: string; registrationNo?: string; registeredOn?: string;
  titles: { kk?: string; ru?: string; en: string }; issuer: string; status: string; inForceFrom?: string;
  repealedOn?: string; repealedByText?: string; languages: Array<{ lang: string; source: string; note?: string }>; notes?: string;
};

// The acts in shared/seeds, as the digests in shared/spec identify them.
export const LEGAL_ACTS: ActSeed[] = [
  {
    code: 'LAW-2013-70-V', actType: 'law', number: '70-V', adoptedOn: '2013-01-16',
    titles: { kk: '«Қазақстан Республикасының Мемлекеттік шекарасы туралы» Қазақстан Республикасының Заңы', ru: 'Закон Республики Казахстан «О Государственной границе Республики Казахстан»', en: 'Law of the Republic of Kazakhstan "On the State Border of the Republic of Kazakhstan"' },
    issuer: 'Parliament of the Republic of Kazakhstan', status: 'in_force',
    languages: [{ lang: 'kk', source: 'seeds/002, lines 1-1759', note: 'consolidated text with amendments up to Law No. 82-VIII of 16.05.2024' }, { lang: 'en', source: 'seeds/002, lines 1761-3483', note: 'unofficial translation of an older consolidation; several mistranslations (digest Appendix A)' }],
    notes: 'Art. 56 sub. 42-1 excluded by Law No. 51-VIII of 23.12.2023.',
  },
  {
    code: 'JO-2019-616-47', actType: 'joint_order', number: 'MIA No. 616 of 09.07.2019; NSC No. 47/қе of 10.07.2019', adoptedOn: '2019-07-10', registrationNo: '19019', registeredOn: '2019-07-12',
    titles: { kk: 'Арнайы экономикалық аймақтың аумағында қауіпсіздік пен құқықтық тәртіпті қамтамасыз ету мәселелері бойынша ішкі істер және ұлттық қауіпсіздік органдарының өзара іс-қимыл жасау қағидалары', en: 'Rules for interaction of internal affairs and national security bodies on security and law and order in a special economic zone on the EAEU customs border' },
    issuer: 'Minister of Internal Affairs; Chairman of the NSC', status: 'repealed', repealedOn: '2024-03-04', repealedByText: 'Joint order of the Minister of Internal Affairs of 02.03.2024 No. 201 and the Chairman of the NSC of 04.03.2024 No. 54',
    languages: [{ lang: 'en', source: 'seeds/000', note: '15 points' }, { lang: 'kk', source: 'seeds/000', note: '16 points; differences in digest §1.4' }],
    notes: 'Its list workflow matches Law Art. 22-1 sub. 4): kept as a configurable workflow.',
  },
  {
    code: 'JO-2002-293-65-420', actType: 'joint_order', number: 'MIA N 293 of 29.04.2002; NSC N 65 of 23.04.2002; MSR N 420 of 10.04.2002', adoptedOn: '2002-04-29', registrationNo: '1862', registeredOn: '2002-05-22',
    titles: {
      kk: 'Ішкі істер органдарының, ҰҚК Шекара қызметінің және Кеден комитетінің өткізу бекеттеріндегі шетел азаматтарының заңсыз қоныс аударуының жолын кесу жөніндегі өзара іс-қимылын ұйымдастырудың тәртібі туралы нұсқаулық',
      ru: 'Инструкция о порядке организации взаимодействия органов внутренних дел, Пограничной службы КНБ и Комитета таможенного контроля МФ РК по пресечению незаконной миграции иностранных граждан в пунктах пропуска через государственную границу',
      en: 'Instruction on interaction of internal affairs bodies, the NSC Border Service and customs to suppress illegal migration of foreign citizens at checkpoints',
    },
    issuer: 'Minister of Internal Affairs; Chairman of the NSC; Minister of State Revenues', status: 'repealed', inForceFrom: '2002-05-22',
    repealedOn: '2015-04-25', repealedByText: 'Joint order of the Minister of Internal Affairs of 13.01.2015 No. 19, the Minister of Finance of 04.02.2015 No. 66 and the Chairman of the NSC of 25.04.2015 No. 29',
    languages: [{ lang: 'ru', source: 'seeds/001' }, { lang: 'kk', source: 'seeds/003', note: 'same act; differences in digest §3.3' }],
    notes: 'Amended by the joint order of 2005/2006 (MIA N 11, MF N 406, NSC N 213): customs body renamed.',
  },
  {
    code: 'JO-2015-19-66-29', actType: 'joint_order', number: 'MIA No. 19 of 13.01.2015; MF No. 66 of 04.02.2015; NSC No. 29 of 25.04.2015', adoptedOn: '2015-04-25',
    titles: { en: 'Joint order that repealed the 2002 Instruction on interaction against illegal migration at checkpoints' },
    issuer: 'Minister of Internal Affairs; Minister of Finance; Chairman of the NSC', status: 'in_force', inForceFrom: '2015-04-25',
    languages: [],
    notes: 'Not among the seeds: recorded because it repealed the 2002 Instruction. Its content (and whether it is still in force) must be verified; the exchange rule pack under it carries the 2002 values until then.',
  },
  {
    code: 'GD-2007-646', actType: 'decree', number: '646', adoptedOn: '2007-07-31',
    titles: { kk: 'Қазақстан-қырғыз мемлекеттік шекарасындағы бірлескен бақылау туралы келісімді ратификациялау туралы Заңның жобасы туралы', en: 'Government decree on the draft law ratifying the KZ-KG Agreement on joint control at the Kazakh-Kyrgyz state border' },
    issuer: 'Government of the Republic of Kazakhstan', status: 'not_in_force',
    languages: [{ lang: 'kk', source: 'seeds/004' }],
    notes: 'A one-off act: its effect ended when the draft went to Parliament.',
  },
  {
    code: 'AGR-KZ-KG-2006-JOINT-CONTROL', actType: 'agreement', number: 'Astana, 04.07.2006', adoptedOn: '2006-07-04', inForceFrom: '2006-07-04',
    titles: { kk: 'Қазақстан Республикасының Үкіметі мен Қырғыз Республикасының Үкіметі арасындағы Қазақстан-қырғыз мемлекеттік шекарасындағы бірлескен бақылау туралы келісім', en: 'Agreement between the Governments of Kazakhstan and Kyrgyzstan on joint control at the Kazakh-Kyrgyz state border ("one stop")' },
    issuer: 'Governments of the Republic of Kazakhstan and the Kyrgyz Republic', status: 'in_force',
    languages: [{ lang: 'kk', source: 'seeds/004, annex 2', note: 'Kazakh, Kyrgyz and Russian texts equally authentic; Russian prevails' }],
    notes: 'Applied provisionally from signature (Art. 18). Current status to be verified with the legal owners (digest §4.1).',
  },
];
