// Demo data: unit trees on the five levels, checkpoints with real names and approximate (demo)
// coordinates, an SEZ, officers and one user per role of each agency. Loaded when SHEKARA_DEMO is on.

type N = [kk: string, ru: string, en: string];
export type UnitSeed = { code: string; agency: string; parent?: string; type: string; names: N; tz?: string };

const ALMATY = 'Asia/Almaty';

export const UNITS: UnitSeed[] = [
  // Border Service of the NSC
  { code: 'BS-HQ', agency: 'NSC-BS', type: 'BS_HQ', names: ['Шекара қызметінің Бас штабы', 'Главный штаб Пограничной службы', 'Border Service Main Staff'], tz: ALMATY },
  { code: 'BS-RD-SOUTH', agency: 'NSC-BS', parent: 'BS-HQ', type: 'BS_REGIONAL_DIRECTORATE', names: ['«Оңтүстік» өңірлік басқармасы', 'Региональное управление «Оңтүстік»', 'Regional Directorate South'] },
  { code: 'BS-RD-EAST', agency: 'NSC-BS', parent: 'BS-HQ', type: 'BS_REGIONAL_DIRECTORATE', names: ['«Шығыс» өңірлік басқармасы', 'Региональное управление «Шығыс»', 'Regional Directorate East'] },
  { code: 'BS-RD-WEST', agency: 'NSC-BS', parent: 'BS-HQ', type: 'BS_REGIONAL_DIRECTORATE', names: ['«Батыс» өңірлік басқармасы', 'Региональное управление «Батыс»', 'Regional Directorate West'], tz: 'Asia/Oral' },
  { code: 'BS-RD-CASPIAN', agency: 'NSC-BS', parent: 'BS-HQ', type: 'BS_REGIONAL_DIRECTORATE', names: ['Теңіз күзеті «Каспий» басқармасы', 'Управление береговой охраны «Каспий»', 'Coast Guard Directorate Caspian'], tz: 'Asia/Aqtau' },
  { code: 'BS-RD-NORTH', agency: 'NSC-BS', parent: 'BS-HQ', type: 'BS_REGIONAL_DIRECTORATE', names: ['«Солтүстік» өңірлік басқармасы', 'Региональное управление «Солтүстік»', 'Regional Directorate North'] },
  { code: 'BS-BCD-KORDAY', agency: 'NSC-BS', parent: 'BS-RD-SOUTH', type: 'BS_BORDER_CONTROL_DETACHMENT', names: ['«Қордай» шекаралық бақылау бөлімі', 'Отдел пограничного контроля «Кордай»', 'Border Control Detachment Korday'] },
  { code: 'BS-BCD-ZHIBEK', agency: 'NSC-BS', parent: 'BS-RD-SOUTH', type: 'BS_BORDER_CONTROL_DETACHMENT', names: ['«Жібек жолы» шекаралық бақылау бөлімі', 'Отдел пограничного контроля «Жибек жолы»', 'Border Control Detachment Zhibek Zholy'] },
  { code: 'BS-BD-KHORGOS', agency: 'NSC-BS', parent: 'BS-RD-EAST', type: 'BS_BORDER_DETACHMENT', names: ['«Қорғас» шекара отряды (әскери бөлім)', 'Пограничный отряд «Хоргос» (воинская часть)', 'Border Detachment Khorgos (military unit)'] },
  { code: 'BS-BD-DOSTYK', agency: 'NSC-BS', parent: 'BS-RD-EAST', type: 'BS_BORDER_DETACHMENT', names: ['«Достық» шекара отряды', 'Пограничный отряд «Достык»', 'Border Detachment Dostyk'] },
  { code: 'BS-SCP-ALA', agency: 'NSC-BS', parent: 'BS-RD-SOUTH', type: 'BS_SEPARATE_CHECKPOINT', names: ['«Алматы-әуежай» жеке өткізу пункті', 'Отдельный КПП «Алматы-аэропорт»', 'Separate checkpoint Almaty Airport'] },
  { code: 'BS-SCP-NQZ', agency: 'NSC-BS', parent: 'BS-RD-NORTH', type: 'BS_SEPARATE_CHECKPOINT', names: ['«Астана-әуежай» жеке өткізу пункті', 'Отдельный КПП «Астана-аэропорт»', 'Separate checkpoint Astana Airport'] },
  { code: 'BS-BCD-AKTAU', agency: 'NSC-BS', parent: 'BS-RD-CASPIAN', type: 'BS_BORDER_CONTROL_DETACHMENT', names: ['«Ақтау» шекаралық бақылау бөлімі', 'Отдел пограничного контроля «Актау»', 'Border Control Detachment Aktau'] },
  { code: 'BS-BCD-SYRYM', agency: 'NSC-BS', parent: 'BS-RD-WEST', type: 'BS_BORDER_CONTROL_DETACHMENT', names: ['«Сырым» шекаралық бақылау бөлімі', 'Отдел пограничного контроля «Сырым»', 'Border Control Detachment Syrym'] },
  { code: 'BS-POST-KORDAY', agency: 'NSC-BS', parent: 'BS-BCD-KORDAY', type: 'BS_BORDER_CONTROL_DEPARTMENT', names: ['«Қордай» өткізу пунктіндегі шекаралық бақылау бөлімшесі', 'Отделение пограничного контроля в пункте пропуска «Кордай»', 'Border control department at Korday checkpoint'] },
  { code: 'BS-POST-AKZHOL', agency: 'NSC-BS', parent: 'BS-BCD-KORDAY', type: 'BS_BORDER_CONTROL_DEPARTMENT', names: ['«Ақ жол» өткізу пунктіндегі бөлімше', 'Отделение в пункте пропуска «Ак-Жол»', 'Border control department at Ak-Zhol checkpoint'] },
  { code: 'BS-POST-NURZHOLY', agency: 'NSC-BS', parent: 'BS-BD-KHORGOS', type: 'BS_BORDER_CONTROL_DEPARTMENT', names: ['«Нұр жолы» өткізу пунктіндегі бөлімше', 'Отделение в пункте пропуска «Нур Жолы»', 'Border control department at Nur Zholy checkpoint'] },
  { code: 'BS-POST-ICBC', agency: 'NSC-BS', parent: 'BS-BD-KHORGOS', type: 'BS_SUBDIVISION_SEZ', names: ['«Қорғас» ХШЫО өткізу пунктіндегі бөлімше', 'Подразделение в пункте пропуска МЦПС «Хоргос»', 'Subdivision at the ICBC Khorgos checkpoint'] },
  { code: 'BS-POST-DOSTYK', agency: 'NSC-BS', parent: 'BS-BD-DOSTYK', type: 'BS_BORDER_CONTROL_DEPARTMENT', names: ['«Достық» өткізу пунктіндегі бөлімше', 'Отделение в пункте пропуска «Достык»', 'Border control department at Dostyk checkpoint'] },
  { code: 'BS-SHIFT-KORDAY-1', agency: 'NSC-BS', parent: 'BS-POST-KORDAY', type: 'BS_SHIFT', names: ['«Қордай» 1-ауысым', 'Смена 1 «Кордай»', 'Korday shift 1'] },
  { code: 'BS-SHIFT-KORDAY-2', agency: 'NSC-BS', parent: 'BS-POST-KORDAY', type: 'BS_SHIFT', names: ['«Қордай» 2-ауысым', 'Смена 2 «Кордай»', 'Korday shift 2'] },
  // Internal affairs (police, migration police)
  { code: 'MIA-HQ', agency: 'MIA', type: 'MIA_MIGRATION_POLICE_DEPT', names: ['ІІМ Көші-қон қызметі департаменті', 'Департамент миграционной службы МВД', 'MIA Migration Service Department'], tz: ALMATY },
  { code: 'MIA-PD-ZHAMBYL', agency: 'MIA', parent: 'MIA-HQ', type: 'OBLAST_POLICE_DEPARTMENT', names: ['Жамбыл облысының Полиция департаменті', 'Департамент полиции Жамбылской области', 'Zhambyl Region Police Department'] },
  { code: 'MIA-PD-ZHETYSU', agency: 'MIA', parent: 'MIA-HQ', type: 'OBLAST_POLICE_DEPARTMENT', names: ['Жетісу облысының Полиция департаменті', 'Департамент полиции области Жетісу', 'Zhetysu Region Police Department'] },
  { code: 'MIA-PD-TURKISTAN', agency: 'MIA', parent: 'MIA-HQ', type: 'OBLAST_POLICE_DEPARTMENT', names: ['Түркістан облысының Полиция департаменті', 'Департамент полиции Туркестанской области', 'Turkistan Region Police Department'] },
  { code: 'MIA-DP-KORDAY', agency: 'MIA', parent: 'MIA-PD-ZHAMBYL', type: 'DISTRICT_POLICE', names: ['Қордай аудандық полиция бөлімі', 'Кордайский районный отдел полиции', 'Korday District Police Department'] },
  { code: 'MIA-DP-PANFILOV', agency: 'MIA', parent: 'MIA-PD-ZHETYSU', type: 'DISTRICT_POLICE', names: ['Панфилов аудандық полиция бөлімі', 'Панфиловский районный отдел полиции', 'Panfilov District Police Department'] },
  { code: 'MIA-MCP-KORDAY', agency: 'MIA', parent: 'MIA-DP-KORDAY', type: 'MIGRATION_CONTROL_POST', names: ['«Қордай» көші-қон бақылау бекеті', 'Пост миграционного контроля «Кордай»', 'Migration control post Korday'] },
  { code: 'MIA-MCP-KHORGOS', agency: 'MIA', parent: 'MIA-DP-PANFILOV', type: 'MIGRATION_CONTROL_POST', names: ['«Қорғас» көші-қон бақылау бекеті', 'Пост миграционного контроля «Хоргос»', 'Migration control post Khorgos'] },
  { code: 'MIA-SHIFT-KORDAY-1', agency: 'MIA', parent: 'MIA-MCP-KORDAY', type: 'MIGRATION_POST_SHIFT', names: ['«Қордай» бекетінің 1-ауысымы', 'Смена 1 поста «Кордай»', 'Korday post shift 1'] },
  // Customs (state revenue bodies)
  { code: 'SRC-HQ', agency: 'MF-SRC', type: 'SRC_HQ', names: ['МКК Контрабандаға қарсы іс-қимыл басқармасы', 'Управление по борьбе с контрабандой КГД', 'SRC Anti-Smuggling Directorate'], tz: ALMATY },
  { code: 'SRD-ZHAMBYL', agency: 'MF-SRC', parent: 'SRC-HQ', type: 'REGIONAL_SRD', names: ['Жамбыл облысы бойынша МКД', 'ДГД по Жамбылской области', 'State Revenue Department, Zhambyl Region'] },
  { code: 'SRD-ZHETYSU', agency: 'MF-SRC', parent: 'SRC-HQ', type: 'REGIONAL_SRD', names: ['Жетісу облысы бойынша МКД', 'ДГД по области Жетісу', 'State Revenue Department, Zhetysu Region'] },
  { code: 'CH-KORDAY', agency: 'MF-SRC', parent: 'SRD-ZHAMBYL', type: 'CUSTOMS_HOUSE', names: ['«Қордай» кеденi', 'Таможня «Кордай»', 'Customs house Korday'] },
  { code: 'CH-KHORGOS', agency: 'MF-SRC', parent: 'SRD-ZHETYSU', type: 'CUSTOMS_HOUSE', names: ['«Қорғас-Шығыс қақпасы» кеденi', 'Таможня «Хоргос-Восточные ворота»', 'Customs house Khorgos-Eastern Gate'] },
  { code: 'CP-KORDAY', agency: 'MF-SRC', parent: 'CH-KORDAY', type: 'CUSTOMS_POST', names: ['«Қордай» кеден бекеті', 'Таможенный пост «Кордай»', 'Customs post Korday'] },
  { code: 'CP-NURZHOLY', agency: 'MF-SRC', parent: 'CH-KHORGOS', type: 'CUSTOMS_POST', names: ['«Нұр жолы» кеден бекеті', 'Таможенный пост «Нур Жолы»', 'Customs post Nur Zholy'] },
  { code: 'CP-SHIFT-KORDAY-1', agency: 'MF-SRC', parent: 'CP-KORDAY', type: 'CUSTOMS_SHIFT', names: ['«Қордай» кеден бекетінің 1-ауысымы', 'Смена 1 таможенного поста «Кордай»', 'Korday customs post shift 1'] },
  // National Security Committee (territorial bodies)
  { code: 'NSC-HQ', agency: 'NSC', type: 'NSC_HQ', names: ['ҰҚК орталық аппараты', 'Центральный аппарат КНБ', 'NSC headquarters'], tz: ALMATY },
  { code: 'NSC-DEP-ZHETYSU', agency: 'NSC', parent: 'NSC-HQ', type: 'NSC_DEPARTMENT', names: ['Жетісу облысы бойынша ҰҚК департаменті', 'Департамент КНБ по области Жетісу', 'NSC Department for Zhetysu Region'] },
  { code: 'NSC-DIV-PANFILOV', agency: 'NSC', parent: 'NSC-DEP-ZHETYSU', type: 'NSC_DISTRICT_DIVISION', names: ['ҰҚК департаментінің Панфилов аудандық бөлімі', 'Панфиловский районный отдел ДКНБ', 'NSC Panfilov District Division'] },
  // Ministry of Foreign Affairs, local executive bodies
  { code: 'MFA-HQ', agency: 'MFA', type: 'MFA_HQ', names: ['СІМ Консулдық қызмет департаменті', 'Департамент консульской службы МИД', 'MFA Consular Service Department'], tz: ALMATY },
  { code: 'LEB-ZHAMBYL', agency: 'LEB', type: 'REGIONAL_AKIMAT', names: ['Жамбыл облысының әкімдігі', 'Акимат Жамбылской области', 'Akimat of Zhambyl Region'], tz: ALMATY },
  // Oversight (Law Art. 78-79: prosecutorial supervision)
  { code: 'GPO-HQ', agency: 'GPO', type: 'PROSECUTION_DEPARTMENT', names: ['Бас прокуратураның заңдылықты қадағалау департаменті', 'Департамент надзора за законностью Генпрокуратуры', 'Legality Supervision Department, Prosecutor General\'s Office'], tz: ALMATY },
  // The neighbour's agencies (foreign partners at joint checkpoints)
  { code: 'KG-SCS-HQ', agency: 'KG-SCS', type: 'FOREIGN_CUSTOMS_HQ', names: ['ҚР Мемлекеттік кеден қызметі', 'Государственная таможенная служба КР', 'State Customs Service of the Kyrgyz Republic'], tz: 'Asia/Bishkek' },
  { code: 'KG-CP-AKTILEK', agency: 'KG-SCS', parent: 'KG-SCS-HQ', type: 'FOREIGN_CUSTOMS_POST', names: ['«Ақ-Тілек» кеден бекеті (ҚР)', 'Таможенный пост «Ак-Тилек» (КР)', 'Customs post Ak-Tilek (KG)'] },
  { code: 'KG-BS-HQ', agency: 'KG-BS', type: 'FOREIGN_BORDER_HQ', names: ['ҚР ҰҚМК Шекара қызметі', 'Пограничная служба ГКНБ КР', 'Border Service of the SCNS of the KR'], tz: 'Asia/Bishkek' },
];

export type CheckpointSeed = {
  code: string; names: N; section: string | null; unit?: string; modes: string[]; category: string; joint?: string; zone?: string;
  neighbourName?: string; lat: number; lon: number; tz: string; hours: 'always' | [string, string];
};

export const CHECKPOINTS: CheckpointSeed[] = [
  { code: 'KHORGOS-ICBC', names: ['Қорғас (ХШЫО)', 'Хоргос (МЦПС)', 'Khorgos (ICBC)'], section: 'KAZ-CHN', unit: 'BS-POST-ICBC', modes: ['road', 'pedestrian'], category: 'multilateral', neighbourName: 'Horgos', lat: 44.215, lon: 80.398, tz: ALMATY, hours: ['09:00', '21:00'] },
  { code: 'NUR-ZHOLY', names: ['Нұр жолы', 'Нур Жолы', 'Nur Zholy'], section: 'KAZ-CHN', unit: 'BS-POST-NURZHOLY', modes: ['road'], category: 'multilateral', neighbourName: 'Horgos', lat: 44.226, lon: 80.369, tz: ALMATY, hours: ['09:00', '20:00'] },
  { code: 'ALTYNKOL', names: ['Алтынкөл', 'Алтынколь', 'Altynkol'], section: 'KAZ-CHN', modes: ['rail'], category: 'multilateral', neighbourName: 'Horgos', lat: 44.188, lon: 80.342, tz: ALMATY, hours: 'always' },
  { code: 'DOSTYK', names: ['Достық', 'Достык', 'Dostyk'], section: 'KAZ-CHN', unit: 'BS-POST-DOSTYK', modes: ['rail', 'road'], category: 'multilateral', neighbourName: 'Alashankou', lat: 45.252, lon: 82.478, tz: ALMATY, hours: 'always' },
  { code: 'BAKHTY', names: ['Бақты', 'Бахты', 'Bakhty'], section: 'KAZ-CHN', modes: ['road'], category: 'multilateral', neighbourName: 'Tacheng', lat: 46.673, lon: 82.742, tz: ALMATY, hours: ['09:00', '18:00'] },
  { code: 'MAIKAPSHAGAI', names: ['Майқапшағай', 'Майкапчагай', 'Maikapshagai'], section: 'KAZ-CHN', modes: ['road'], category: 'multilateral', neighbourName: 'Jeminay', lat: 47.466, lon: 85.592, tz: ALMATY, hours: ['09:00', '18:00'] },
  { code: 'KALZHAT', names: ['Қалжат', 'Кольжат', 'Kalzhat'], section: 'KAZ-CHN', modes: ['road'], category: 'bilateral', neighbourName: 'Dulata', lat: 43.568, lon: 80.586, tz: ALMATY, hours: ['09:00', '18:00'] },
  { code: 'KORDAY', names: ['Қордай', 'Кордай', 'Korday'], section: 'KAZ-KGZ', unit: 'BS-POST-KORDAY', modes: ['road', 'pedestrian'], category: 'multilateral', joint: 'KGZ', zone: 'Joint control zone on the Kazakh side of the checkpoint (demo)', neighbourName: 'Ak-Tilek', lat: 43.045, lon: 74.713, tz: ALMATY, hours: 'always' },
  { code: 'AK-ZHOL', names: ['Ақ жол', 'Ак-Жол', 'Ak-Zhol'], section: 'KAZ-KGZ', unit: 'BS-POST-AKZHOL', modes: ['road'], category: 'multilateral', joint: 'KGZ', zone: 'Joint control zone on the Kyrgyz side (demo)', neighbourName: 'Chaldovar', lat: 42.905, lon: 73.795, tz: ALMATY, hours: 'always' },
  { code: 'KARASU', names: ['Қарасу', 'Карасу', 'Karasu'], section: 'KAZ-KGZ', modes: ['road'], category: 'bilateral', neighbourName: 'Kara-Suu', lat: 42.768, lon: 72.897, tz: ALMATY, hours: ['08:00', '20:00'] },
  { code: 'ZHIBEK-ZHOLY', names: ['Жібек жолы', 'Жибек Жолы', 'Zhibek Zholy'], section: 'KAZ-UZB', modes: ['road', 'pedestrian'], category: 'multilateral', neighbourName: 'Gisht Kuprik', lat: 41.283, lon: 69.105, tz: ALMATY, hours: 'always' },
  { code: 'KAZYGURT', names: ['Қазығұрт', 'Казыгурт', 'Kazygurt'], section: 'KAZ-UZB', modes: ['road'], category: 'multilateral', neighbourName: 'Navoi', lat: 41.598, lon: 69.392, tz: ALMATY, hours: ['08:00', '20:00'] },
  { code: 'SARYAGASH-RAIL', names: ['Сарыағаш (т/ж)', 'Сарыагаш (ж/д)', 'Saryagash (rail)'], section: 'KAZ-UZB', modes: ['rail'], category: 'multilateral', neighbourName: 'Keles', lat: 41.455, lon: 69.172, tz: ALMATY, hours: 'always' },
  { code: 'TEMIR-BABA', names: ['Темір баба', 'Темир Баба', 'Temir Baba'], section: 'KAZ-TKM', modes: ['road'], category: 'multilateral', neighbourName: 'Garabogaz', lat: 41.42, lon: 55.1, tz: 'Asia/Aqtau', hours: ['09:00', '18:00'] },
  { code: 'SYRYM', names: ['Сырым', 'Сырым', 'Syrym'], section: 'KAZ-RUS', unit: 'BS-BCD-SYRYM', modes: ['road'], category: 'multilateral', neighbourName: 'Ozinki', lat: 51.162, lon: 50.105, tz: 'Asia/Oral', hours: 'always' },
  { code: 'ZHAISAN', names: ['Жайсаң', 'Жайсан', 'Zhaisan'], section: 'KAZ-RUS', modes: ['road'], category: 'multilateral', neighbourName: 'Sagarchin', lat: 51.052, lon: 56.348, tz: 'Asia/Aqtobe', hours: 'always' },
  { code: 'KURMANGAZY', names: ['Құрманғазы', 'Курмангазы', 'Kurmangazy'], section: 'KAZ-RUS', modes: ['road'], category: 'multilateral', neighbourName: 'Krasny Yar', lat: 46.612, lon: 48.998, tz: 'Asia/Atyrau', hours: 'always' },
  { code: 'AKTAU-PORT', names: ['Ақтау теңіз сауда порты', 'Морской порт Актау', 'Aktau sea port'], section: 'KAZ-CASPIAN', unit: 'BS-BCD-AKTAU', modes: ['sea'], category: 'multilateral', lat: 43.607, lon: 51.220, tz: 'Asia/Aqtau', hours: 'always' },
  { code: 'KURYK-PORT', names: ['Құрық порты', 'Порт Курык', 'Kuryk port'], section: 'KAZ-CASPIAN', modes: ['sea'], category: 'multilateral', lat: 43.172, lon: 51.650, tz: 'Asia/Aqtau', hours: 'always' },
  { code: 'ALA-AIRPORT', names: ['Алматы халықаралық әуежайы', 'Международный аэропорт Алматы', 'Almaty International Airport'], section: null, unit: 'BS-SCP-ALA', modes: ['air'], category: 'multilateral', lat: 43.352, lon: 77.040, tz: ALMATY, hours: 'always' },
  { code: 'NQZ-AIRPORT', names: ['Нұрсұлтан Назарбаев атындағы Астана халықаралық әуежайы', 'Международный аэропорт Астана им. Нурсултана Назарбаева', 'Astana Nursultan Nazarbayev International Airport'], section: null, unit: 'BS-SCP-NQZ', modes: ['air'], category: 'multilateral', lat: 51.022, lon: 71.467, tz: ALMATY, hours: 'always' },
  { code: 'CIT-AIRPORT', names: ['Шымкент халықаралық әуежайы', 'Международный аэропорт Шымкент', 'Shymkent International Airport'], section: null, modes: ['air'], category: 'multilateral', lat: 42.364, lon: 69.479, tz: ALMATY, hours: 'always' },
];

export const SEZS = [
  {
    code: 'ICBC-KHORGOS', names: ['«Қорғас» шекара маңы ынтымақтастығы халықаралық орталығы', 'Международный центр приграничного сотрудничества «Хоргос»', 'International Centre for Boundary Cooperation Khorgos'] as N,
    description: 'SEZ whose limits coincide with a section of the EAEU customs border (SEZ Rules 2019); Kazakh part of the ICBC.',
    legalBasis: 'Law Art. 14(3), 22-1(4); SEZ Rules (joint order MIA No. 616 / NSC No. 47/қе of 2019)', checkpoints: ['KHORGOS-ICBC'],
  },
];

export type CounterpartSeed = { purpose: 'migration_interaction' | 'sez_passage' | 'joint_control'; level: number; checkpoint?: string; sez?: string; names: N; members: Array<[unit: string, role: string]> };

export const COUNTERPARTS: CounterpartSeed[] = [
  { purpose: 'migration_interaction', level: 4, checkpoint: 'KORDAY', names: ['«Қордай» өткізу пунктіндегі өзара іс-қимыл', 'Взаимодействие в пункте пропуска «Кордай»', 'Interaction at Korday checkpoint'],
    members: [['BS-POST-KORDAY', 'border_service'], ['MIA-MCP-KORDAY', 'migration_police'], ['CP-KORDAY', 'customs']] },
  { purpose: 'migration_interaction', level: 5, checkpoint: 'KORDAY', names: ['«Қордай» ауысымдарының өзара іс-қимылы', 'Взаимодействие смен «Кордай»', 'Korday shift counterparts'],
    members: [['BS-SHIFT-KORDAY-1', 'shift_senior_bs'], ['MIA-SHIFT-KORDAY-1', 'migration_post_senior'], ['CP-SHIFT-KORDAY-1', 'customs_head']] },
  { purpose: 'migration_interaction', level: 1, names: ['Республикалық деңгей', 'Республиканский уровень', 'National level'],
    members: [['BS-HQ', 'border_service'], ['MIA-HQ', 'migration_police'], ['SRC-HQ', 'customs']] },
  { purpose: 'migration_interaction', level: 2, names: ['Өңірлік деңгей, Жамбыл облысы', 'Региональный уровень, Жамбылская область', 'Regional level, Zhambyl region'],
    members: [['BS-RD-SOUTH', 'border_service'], ['MIA-PD-ZHAMBYL', 'police'], ['SRD-ZHAMBYL', 'customs']] },
  { purpose: 'migration_interaction', level: 3, names: ['Жамбыл облысындағы аудандық деңгей', 'Районный уровень, Жамбылская область', 'District level, Zhambyl region'],
    members: [['BS-BCD-KORDAY', 'border_service'], ['MIA-DP-KORDAY', 'police'], ['CH-KORDAY', 'customs']] },
  { purpose: 'sez_passage', level: 3, sez: 'ICBC-KHORGOS', checkpoint: 'KHORGOS-ICBC', names: ['«Қорғас» ХШЫО: полиция қызметкерлерінің өтуі', 'МЦПС «Хоргос»: пропуск сотрудников полиции', 'ICBC Khorgos: passage of police officers'],
    members: [['MIA-DP-PANFILOV', 'police_body'], ['NSC-DIV-PANFILOV', 'nsc_district_division'], ['BS-BD-KHORGOS', 'bs_military_unit'], ['BS-POST-ICBC', 'bs_subdivision']] },
  { purpose: 'joint_control', level: 4, checkpoint: 'KORDAY', names: ['«Қордай - Ақ-Тілек» бірлескен бақылау', 'Совместный контроль «Кордай - Ак-Тилек»', 'Joint control Korday - Ak-Tilek'],
    members: [['BS-POST-KORDAY', 'host_border_service'], ['CP-KORDAY', 'host_customs'], ['KG-CP-AKTILEK', 'partner_customs']] },
];

export type OfficerSeed = { key: string; unit: string; surname: string; givenNames: string; patronymic?: string; rank: string; position: string; cert: string };

export const OFFICERS: OfficerSeed[] = [
  { key: 'booth', unit: 'BS-SHIFT-KORDAY-1', surname: 'Ахметов', givenNames: 'Серік', patronymic: 'Болатұлы', rank: 'капитан', position: 'Старший инспектор пограничного контроля', cert: 'ПС-104512' },
  { key: 'booth2', unit: 'BS-SHIFT-KORDAY-2', surname: 'Жұмабаева', givenNames: 'Айгерім', patronymic: 'Нұрланқызы', rank: 'старший лейтенант', position: 'Инспектор пограничного контроля', cert: 'ПС-104877' },
  { key: 'bs_head', unit: 'BS-BCD-KORDAY', surname: 'Оспанов', givenNames: 'Ерлан', patronymic: 'Қайратұлы', rank: 'подполковник', position: 'Начальник отдела пограничного контроля', cert: 'ПС-100231' },
  { key: 'bs_deputy', unit: 'BS-BCD-KORDAY', surname: 'Сейітов', givenNames: 'Дәурен', patronymic: 'Маратұлы', rank: 'майор', position: 'Заместитель начальника отдела пограничного контроля', cert: 'ПС-100987' },
  { key: 'bs_duty', unit: 'BS-RD-SOUTH', surname: 'Қасымов', givenNames: 'Нұржан', rank: 'майор', position: 'Оперативный дежурный регионального управления', cert: 'ПС-101554' },
  { key: 'customs', unit: 'CP-SHIFT-KORDAY-1', surname: 'Әбенова', givenNames: 'Динара', patronymic: 'Серікқызы', rank: 'советник таможенной службы', position: 'Главный инспектор таможенного поста', cert: 'ГД-220341' },
  { key: 'migration', unit: 'MIA-MCP-KORDAY', surname: 'Иванов', givenNames: 'Дмитрий', patronymic: 'Сергеевич', rank: 'капитан полиции', position: 'Старший инспектор миграционной полиции', cert: 'МВД-330178' },
  { key: 'police_head', unit: 'MIA-DP-PANFILOV', surname: 'Тоқтаров', givenNames: 'Бауыржан', patronymic: 'Ержанұлы', rank: 'полковник полиции', position: 'Начальник районного отдела полиции', cert: 'МВД-310045' },
  { key: 'mia_duty', unit: 'MIA-PD-ZHAMBYL', surname: 'Мұқанов', givenNames: 'Арман', rank: 'майор полиции', position: 'Оперативный дежурный департамента полиции', cert: 'МВД-315520' },
  { key: 'bs_khorgos', unit: 'BS-BD-KHORGOS', surname: 'Омаров', givenNames: 'Асхат', patronymic: 'Нұрланұлы', rank: 'полковник', position: 'Командир пограничного отряда «Хоргос»', cert: 'ПС-100412' },
  { key: 'icbc_booth', unit: 'BS-POST-ICBC', surname: 'Сапарова', givenNames: 'Жанар', patronymic: 'Ерланқызы', rank: 'капитан', position: 'Старший контролёр подразделения в пункте пропуска МЦПС «Хоргос»', cert: 'ПС-104990' },
  { key: 'police_panfilov', unit: 'MIA-DP-PANFILOV', surname: 'Жақсылықов', givenNames: 'Ерік', patronymic: 'Талғатұлы', rank: 'майор полиции', position: 'Заместитель начальника районного отдела полиции', cert: 'МВД-310311' },
  { key: 'nsc', unit: 'NSC-DIV-PANFILOV', surname: 'Бекова', givenNames: 'Салтанат', rank: 'майор', position: 'Начальник районного отдела ДКНБ', cert: 'КНБ-440112' },
];

// Demo watchlists (fictitious persons) in the CSV import format of contracts.md.
export const DEMO_WATCHLIST_CSV = `id,list,surname,given_names,aliases,date_of_birth,nationality,sex,document_numbers
DEMO-W-1,DEMO-MIA-WANTED,Белоусова,Ксения Игоревна,Belousova Kseniya,1987-09-21,KAZ,F,N87654321
DEMO-W-2,DEMO-MIA-WANTED,Жұмабаев,Нұрлан Серікұлы,Zhumabayev Nurlan,1979,KAZ,M,
DEMO-W-3,DEMO-MIA-WANTED,Иванов,Дмитрий Петрович,,1970-11-02,RUS,M,
DEMO-E-1,DEMO-ENTRY-BAN,Karimov,Jasur,Каримов Жасур,1990-05,UZB,M,FA1234567
DEMO-E-2,DEMO-ENTRY-BAN,Осмонов,Бакыт,,1988,KGZ,M,
DEMO-X-1,DEMO-EXIT-BAN,Сейтқали,Мағжан Ерланұлы,,1992-02-11,KAZ,M,`;

export type UserSeed = { username: string; display: string; unit: string; officer?: string; role: string; scope?: string; locale: 'kk' | 'ru' | 'en' };

export const USERS: UserSeed[] = [
  { username: 'demo.booth.korday', display: 'Серік Ахметов', unit: 'BS-SHIFT-KORDAY-1', officer: 'booth', role: 'border_officer', locale: 'kk' },
  { username: 'demo.head.korday', display: 'Ерлан Оспанов', unit: 'BS-BCD-KORDAY', officer: 'bs_head', role: 'unit_head', scope: 'BS-BCD-KORDAY', locale: 'ru' },
  { username: 'demo.deputy.korday', display: 'Дәурен Сейітов', unit: 'BS-BCD-KORDAY', officer: 'bs_deputy', role: 'border_officer', locale: 'ru' },
  { username: 'demo.duty.bs', display: 'Нұржан Қасымов', unit: 'BS-RD-SOUTH', officer: 'bs_duty', role: 'duty_officer', scope: 'BS-RD-SOUTH', locale: 'kk' },
  { username: 'demo.refdata', display: 'Справочная служба Главного штаба ПС', unit: 'BS-HQ', role: 'reference_manager', locale: 'en' },
  { username: 'demo.customs.korday', display: 'Динара Әбенова', unit: 'CP-SHIFT-KORDAY-1', officer: 'customs', role: 'customs_officer', locale: 'ru' },
  { username: 'demo.migration.korday', display: 'Дмитрий Иванов', unit: 'MIA-MCP-KORDAY', officer: 'migration', role: 'migration_officer', scope: 'MIA-MCP-KORDAY', locale: 'ru' },
  { username: 'demo.head.panfilov', display: 'Бауыржан Тоқтаров', unit: 'MIA-DP-PANFILOV', officer: 'police_head', role: 'unit_head', scope: 'MIA-DP-PANFILOV', locale: 'ru' },
  { username: 'demo.duty.mia', display: 'Арман Мұқанов', unit: 'MIA-PD-ZHAMBYL', officer: 'mia_duty', role: 'duty_officer', scope: 'MIA-PD-ZHAMBYL', locale: 'ru' },
  { username: 'demo.nsc.panfilov', display: 'Салтанат Бекова', unit: 'NSC-DIV-PANFILOV', officer: 'nsc', role: 'nsc_officer', scope: 'NSC-DIV-PANFILOV', locale: 'kk' },
  { username: 'demo.analyst', display: 'Аналитик Главного штаба ПС', unit: 'BS-HQ', role: 'analyst', locale: 'en' },
  { username: 'demo.head.customs', display: 'Мирас Ержанов', unit: 'CH-KORDAY', role: 'unit_head', scope: 'CH-KORDAY', locale: 'ru' },
  { username: 'demo.duty.customs', display: 'Гүлнар Сәрсенова', unit: 'SRD-ZHAMBYL', role: 'duty_officer', scope: 'SRD-ZHAMBYL', locale: 'kk' },
  { username: 'demo.police.panfilov', display: 'Ерік Жақсылықов', unit: 'MIA-DP-PANFILOV', officer: 'police_panfilov', role: 'police_officer', scope: 'MIA-DP-PANFILOV', locale: 'kk' },
  { username: 'demo.head.khorgos', display: 'Асхат Омаров', unit: 'BS-BD-KHORGOS', officer: 'bs_khorgos', role: 'unit_head', scope: 'BS-BD-KHORGOS', locale: 'kk' },
  { username: 'demo.booth.icbc', display: 'Жанар Сапарова', unit: 'BS-POST-ICBC', officer: 'icbc_booth', role: 'border_officer', scope: 'BS-POST-ICBC', locale: 'kk' },
  { username: 'demo.admin.mia', display: 'Администратор пользователей МВД', unit: 'MIA-HQ', role: 'agency_admin', locale: 'ru' },
  { username: 'demo.auditor', display: 'Прокурор департамента надзора', unit: 'GPO-HQ', role: 'auditor', locale: 'ru' },
  { username: 'demo.kg.customs', display: 'Азамат Токтогулов (KG)', unit: 'KG-CP-AKTILEK', role: 'foreign_officer', locale: 'ru' },
];
