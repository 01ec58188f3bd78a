// The Appendix to the SEZ Rules 2019 as a PDF in Kazakh or Russian: the list of police officers with
// the right to pass through the checkpoint into the SEZ for a month, the special vehicles annex, and
// the signature blocks filled from the chain (head of the police body or the acting substitute; the
// NSC division's agreement; forwarding to the Border Service). The Kazakh wording is the seed's; the
// Russian is ours (the seed has English and Kazakh only), in the words of the Rules.
import { formDate, PDF_BOLD_FONT, pdfDocument } from '../../platform/pdf.ts';

type Lang = 'kk' | 'ru';

const T = {
  kk: {
    appendix: 'Шектері Еуразиялық экономикалық одақтың кедендік шекарасының учаскелерімен толық немесе ішінара тұспа-тұс келетін арнайы экономикалық аймақтың аумағында қауіпсіздік пен құқықтық тәртіпті қамтамасыз ету мәселелері бойынша ішкі істер және ұлттық қауіпсіздік органдарының өзара іс-қимыл жасау қағидаларына қосымша',
    title: (month: string, year: string) => `Шектері ЕАЭО кедендік шекарасының учаскелерімен толық немесе ішінара тұспа-тұс келетін арнайы экономикалық аймақтың аумағына өткізу пункті арқылы өтуге құқығы бар ІІО қызметкерлерінің тізімі ${year} жылғы ${month} айына`,
    oig: 'Жедел-тергеу тобының тізімі (Қағидалардың 7-тармағы)', emergency: 'Төтенше жағдай кезінде толық жарақтанумен өткізілетін қызметкерлердің тізімі (Қағидалардың 8-тармағы)', inspectors: 'Тексерушілер мен жауаптылардың тізімі',
    sez: 'Арнайы экономикалық аймақ', cols: ['р/с №', 'Т.А.Ә. (бар болған кезде)', 'Қызметтік куәлік №', 'Қызметтік қаруының № (бар болған кезде)'],
    vehicles: 'Арнайы көлік (Қағидалардың 3, 9-тармақтары)', vcols: ['р/с №', 'Мемлекеттік тіркеу нөмірі', 'Түрі', 'Маркасы'],
    permit: 'Қызметтік қаруды алып өтуге рұқсат №', head: 'Полиция органының бастығы', acting: 'м.а.', rank: 'арнаулы атағы', name: 'аты-жөні',
    agreed: 'Келісілді', nscHead: 'Ұлттық қауіпсіздік департаменті ұлттық қауіпсіздік бөлімінің бастығы', forwarded: 'Шекара қызметінің әскери бөліміне жіберілді', received: 'Шекара қызметінің әскери бөлімі қабылдады',
    version: 'Нұсқа', reason: 'Өзгерту себебі', offence: 'Қылмыстық құқық бұзушылық', order: 'Бастықтың бұйрығы', equipment: 'Жарақ', draft: 'ЖОБА: қол қойылмаған', signedOn: 'қол қойылды',
  },
  ru: {
    appendix: 'Приложение к Правилам взаимодействия органов внутренних дел и национальной безопасности по вопросам обеспечения безопасности и правопорядка на территории специальной экономической зоны, пределы которой полностью или частично совпадают с участками таможенной границы Евразийского экономического союза',
    title: (month: string, year: string) => `Список сотрудников ОВД, имеющих право прохода через пункт пропуска на территорию специальной экономической зоны, пределы которой полностью или частично совпадают с участками таможенной границы ЕАЭС, на ${month} ${year} года`,
    oig: 'Список следственно-оперативной группы (пункт 7 Правил)', emergency: 'Список сотрудников, пропускаемых в полной экипировке при чрезвычайной ситуации (пункт 8 Правил)', inspectors: 'Список проверяющих и ответственных',
    sez: 'Специальная экономическая зона', cols: ['№ п/п', 'Фамилия, имя, отчество (при его наличии)', '№ служебного удостоверения', '№ служебного оружия (при наличии)'],
    vehicles: 'Специальный транспорт (пункты 3, 9 Правил)', vcols: ['№ п/п', 'Государственный регистрационный номер', 'Вид', 'Марка'],
    permit: 'Разрешение на провоз служебного оружия №', head: 'Начальник органа полиции', acting: 'и.о.', rank: 'специальное звание', name: 'фамилия, инициалы',
    agreed: 'Согласовано', nscHead: 'Начальник отдела национальной безопасности Департамента национальной безопасности', forwarded: 'Направлен в воинскую часть Пограничной службы', received: 'Принят воинской частью Пограничной службы',
    version: 'Версия', reason: 'Основание изменения', offence: 'Уголовное правонарушение', order: 'Приказ начальника', equipment: 'Экипировка', draft: 'ПРОЕКТ: не подписан', signedOn: 'подписан',
  },
} as const;

export type FormList = {
  kind: string; month: string; version: number; status: string; permitNo: string | null; changeReason: string | null;
  sez: { names: { kk: string; ru: string } }; policeUnit: { names: { kk: string; ru: string } };
  officers: Array<{ lineNo: number; surname: string; givenName: string; patronymic: string | null; certificateNo: string; weaponNo: string | null; equipment: { weapons: string[]; protection: string[]; activeDefence: string[] } | null }>;
  vehicles: Array<{ lineNo: number; plate: string; kind: string; model: string | null }>;
  steps: Array<{ step: string; signer: { position: string | null; rank: string | null; name: string; unitName: { kk: string; ru: string }; acting: boolean }; at: Date }>;
  offence: { registrationNo: string; committedAt: string; place: string; summary: string } | null;
  emergencyOrder: { orderNo: string; orderDate: string; emergency: string; place: string; purpose: string } | null;
};

/** Renders the list as the Appendix form; resolves with the PDF bytes. */
export function renderListPdf(list: FormList, lang: Lang, timeZone: string): Promise<Buffer> {
  const t = T[lang];
  const { doc, done, width } = pdfDocument(`${list.kind} ${list.month} v${list.version}`);
  const date = (d: Date) => formDate(d, lang, timeZone);
  const [y, m] = list.month.split('-').map(Number) as [number, number];
  const monthName = new Intl.DateTimeFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15))).toLocaleLowerCase(lang);

  doc.font('Sans').fontSize(8).text(t.appendix, doc.page.margins.left + width * 0.45, doc.y, { width: width * 0.55, align: 'right' });
  doc.moveDown(1.2);
  doc.x = doc.page.margins.left;
  const heading = list.kind === 'oig' ? t.oig : list.kind === 'emergency' ? t.emergency : list.kind === 'inspectors' ? t.inspectors : null;
  doc.font('Sans-Bold').fontSize(11).text(t.title(monthName, String(y)), { align: 'center', width });
  if (heading) doc.moveDown(0.3).font('Sans-Bold').fontSize(10).text(heading, { align: 'center', width });
  doc.moveDown(0.5).font('Sans').fontSize(9).text(`${t.sez}: ${list.sez.names[lang]}`, { width });
  if (list.version > 1 || list.changeReason) doc.text(`${t.version} ${list.version}${list.changeReason ? ` · ${t.reason}: ${list.changeReason}` : ''}`, { width });
  if (list.offence) doc.text(`${t.offence}: № ${list.offence.registrationNo}, ${list.offence.place}, ${list.offence.committedAt.slice(0, 16).replace('T', ' ')} — ${list.offence.summary}`, { width });
  if (list.emergencyOrder) doc.text(`${t.order}: № ${list.emergencyOrder.orderNo}, ${list.emergencyOrder.orderDate} — ${list.emergencyOrder.emergency}, ${list.emergencyOrder.place}; ${list.emergencyOrder.purpose}`, { width });
  if (list.permitNo) doc.text(`${t.permit} ${list.permitNo}`, { width });
  doc.moveDown(0.6);

  const fullName = (o: FormList['officers'][number]) => [o.surname, o.givenName, o.patronymic].filter(Boolean).join(' ');
  const weaponCell = (o: FormList['officers'][number]) => [o.weaponNo, ...(o.equipment?.weapons ?? [])].filter((w, i, all) => w && all.indexOf(w) === i).join(', ')
    + (o.equipment && (o.equipment.protection.length || o.equipment.activeDefence.length) ? `\n${t.equipment}: ${[...o.equipment.protection, ...o.equipment.activeDefence].join(', ')}` : '');
  doc.font('Sans').fontSize(9).table({
    columnStyles: [36, '*', 120, 130],
    rowStyles: (row: number) => (row === 0 ? { font: { src: PDF_BOLD_FONT }, backgroundColor: '#eeeeee' } : undefined),
    data: [[...t.cols], ...list.officers.map((o) => [String(o.lineNo), fullName(o), o.certificateNo, weaponCell(o)])],
  } as never);
  if (list.vehicles.length) {
    doc.moveDown(0.8).font('Sans-Bold').fontSize(10).text(t.vehicles, doc.page.margins.left, doc.y, { width });
    doc.moveDown(0.3).font('Sans').fontSize(9).table({
      columnStyles: [36, 160, '*', 140],
      rowStyles: (row: number) => (row === 0 ? { font: { src: PDF_BOLD_FONT }, backgroundColor: '#eeeeee' } : undefined),
      data: [[...t.vcols], ...list.vehicles.map((v) => [String(v.lineNo), v.plate, v.kind, v.model ?? ''])],
    } as never);
  }

  // signature blocks from the chain
  const signed = list.steps.find((s) => s.step === 'signed');
  const agreed = list.steps.find((s) => s.step === 'agreed');
  const forwarded = [...list.steps].reverse().find((s) => s.step === 'forwarded');
  const received = [...list.steps].reverse().find((s) => s.step === 'received');
  if (doc.y > doc.page.height - 230) doc.addPage();
  doc.moveDown(1.5);
  const left = doc.page.margins.left;
  const block = (label: string, unit: string, s: typeof signed, extra?: string) => {
    doc.font('Sans-Bold').fontSize(9.5).text(label, left, doc.y, { width });
    doc.font('Sans').fontSize(9.5).text(`${unit}`, { width });
    if (s) {
      doc.text(`${s.signer.acting ? `${t.acting} ` : ''}${s.signer.position ?? ''}`.trim(), { width });
      doc.text(`${s.signer.rank ?? `(${t.rank})`}    ____________    ${s.signer.name}`, { width });
      doc.fillColor('#444444').fontSize(8.5).text(`${extra ?? t.signedOn}: ${date(s.at)}`, { width }).fillColor('black');
    } else {
      doc.text(`(${t.rank})    ____________    (${t.name})`, { width });
    }
    doc.moveDown(1);
  };
  block(t.head, list.policeUnit.names[lang], signed);
  if (list.kind === 'monthly') block(t.agreed, t.nscHead, agreed, t.agreed);
  if (forwarded) doc.font('Sans').fontSize(9).text(`${t.forwarded}: ${date(forwarded.at)} — ${forwarded.signer.name}`, left, doc.y, { width });
  if (received) doc.font('Sans').fontSize(9).text(`${t.received}: ${date(received.at)} — ${received.signer.name}`, left, doc.y, { width });
  if (!signed) {
    doc.save().rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] }).font('Sans-Bold').fontSize(48).fillColor('#cc0000').opacity(0.15)
      .text(t.draft, 0, doc.page.height / 2 - 30, { width: doc.page.width, align: 'center' }).restore();
  }
  doc.end();
  return done;
}
