// The hand-over act and the chain of custody of its items as a PDF in Kazakh or Russian (pdfkit, DejaVu).
import { formDate, PDF_BOLD_FONT, pdfDocument } from '../../platform/pdf.ts';
// The interface's own words for codes (means, grounds, warnings, prohibitions): one translation for screen and paper.
import { kkCases } from '../../../web/src/locales/cases/kk.ts';
import { ruCases } from '../../../web/src/locales/cases/ru.ts';

type Lang = 'kk' | 'ru';
type Names = { kk: string; ru: string; en: string };

const T = {
  kk: {
    title: 'Қабылдау-тапсыру актісі', from: 'Тапсырушы', to: 'Қабылдаушы', basis: 'Негіз', handed: 'Тапсырды', received: 'Қабылдады', time: 'уақыты', documents: 'Қоса берілген құжаттар',
    cols: ['№', 'Атауы', 'Саны', 'Пломба №', 'Қабылданғаны'], status: { sent: 'қабылдау күтілуде', accepted: 'қабылданды', accepted_with_discrepancies: 'сәйкессіздіктермен қабылданды', refused: 'қабылдаудан бас тартылды' },
    chain: 'Сақтау тізбегі', holder: 'Қазір кімде', force: 'Қару, арнайы құралдар, қызметтік жануарлар немесе дене күшін қолдану туралы баянат', servicemen: 'Әскери қызметшілер', place: 'Орны', means: 'Қолданылғаны', ground: 'Негіз', warning: 'Ескерту', prohibitions: 'Тыйымдар бойынша жауаптар', yes: 'иә', no: 'жоқ', aid: 'Көрсетілген көмек', outcome: 'Нәтиже', findings: 'Қарауға', prosecutor: 'Прокурорға хабарланды', notNotified: 'әлі хабарланбаған', premises: 'Үй-жайға кіру', event: { seized: 'алынды', sent: 'тапсыруға жіберілді', accepted: 'қабылданды', accepted_with_discrepancy: 'сәйкессіздікпен қабылданды', refused: 'бас тартылды' }, refusal: 'Бас тарту себебі', measures: 'Қабылданған шаралар', signature: 'Қолы', leb: 'Иесіз мүлік жергілікті атқарушы органға (Заңның 62-бабы 1-тармағының 4-1) тармақшасы)',
  },
  ru: {
    title: 'Акт приёма-передачи', from: 'Передающая сторона', to: 'Принимающая сторона', basis: 'Основание', handed: 'Передал', received: 'Принял', time: 'время', documents: 'Прилагаемые документы',
    cols: ['№', 'Наименование', 'Количество', '№ пломбы', 'Принято'], status: { sent: 'ожидает приёма', accepted: 'принято', accepted_with_discrepancies: 'принято с расхождениями', refused: 'в приёме отказано' },
    chain: 'Цепочка хранения', holder: 'Сейчас у', force: 'Рапорт о применении оружия, специальных средств, служебных животных или физической силы', servicemen: 'Военнослужащие', place: 'Место', means: 'Применено', ground: 'Основание', warning: 'Предупреждение', prohibitions: 'Ответы о запретах', yes: 'да', no: 'нет', aid: 'Оказанная помощь', outcome: 'Результат', findings: 'На рассмотрение', prosecutor: 'Прокурор уведомлён', notNotified: 'ещё не уведомлён', premises: 'Проникновение в помещение', event: { seized: 'изъято', sent: 'направлено на передачу', accepted: 'принято', accepted_with_discrepancy: 'принято с расхождением', refused: 'отказано в приёме' }, refusal: 'Причина отказа', measures: 'Принятые меры', signature: 'Подпись', leb: 'Бесхозяйное имущество — местному исполнительному органу (подп. 4-1) п. 1 ст. 62 Закона)',
  },
} as const;

export type ActForPdf = {
  number: string; status: 'sent' | 'accepted' | 'accepted_with_discrepancies' | 'refused'; from: { names: Names }; to: { names: Names }; basis: string; toLocalExecutive: boolean;
  handingOfficer: string; handedAt: Date; documents: string[]; receivingOfficer: string | null; receivedAt: Date | null; refusalReason: string | null; measures: string | null;
  lines: Array<{ lineNo: number; kind: string; description: string; quantity: number; measure: string; sealNo: string | null; receivedQuantity: number | null; receivedSealNo: string | null; note: string | null }>;
};
export type ChainForPdf = Array<{ description: string; events: Array<{ kind: string; from: { names: Names } | null; to: { names: Names } | null; actNumber: string | null; note: string | null; at: Date }> }>;

export function renderActPdf(act: ActForPdf, chains: ChainForPdf, lang: Lang, timeZone: string): Promise<Buffer> {
  const t = T[lang];
  const { doc, done, width } = pdfDocument(act.number);
  const date = (d: Date) => formDate(d, lang, timeZone);
  const left = doc.page.margins.left;
  doc.font('Sans-Bold').fontSize(13).text(`${t.title} № ${act.number}`, { align: 'center', width });
  doc.font('Sans').fontSize(9).fillColor('#444444').text(t.status[act.status], { align: 'center', width }).fillColor('black').moveDown(0.8);
  doc.fontSize(10).text(`${t.from}: ${act.from.names[lang]}`, { width }).text(`${t.to}: ${act.to.names[lang]}`, { width }).text(`${t.basis}: ${act.basis}`, { width });
  if (act.toLocalExecutive) doc.text(t.leb, { width });
  if (act.documents.length) doc.text(`${t.documents}: ${act.documents.join('; ')}`, { width });
  doc.moveDown(0.6);
  doc.fontSize(9).table({
    columnStyles: [30, '*', 90, 90, 110],
    rowStyles: (row: number) => (row === 0 ? { font: { src: PDF_BOLD_FONT }, backgroundColor: '#eeeeee' } : undefined),
    data: [[...t.cols], ...act.lines.map((l) => [String(l.lineNo), l.description, l.kind === 'person' ? '' : `${l.quantity} ${l.measure}`, l.sealNo ?? '', l.note ? `${l.receivedQuantity ?? l.quantity} ${l.measure}${l.receivedSealNo ? `, ${l.receivedSealNo}` : ''} — ${l.note}` : act.status.startsWith('accepted') ? '✓' : ''])],
  } as never);
  doc.moveDown(1).font('Sans').fontSize(10);
  doc.text(`${t.handed}: ${act.handingOfficer}    ${t.signature} ____________    ${t.time}: ${date(act.handedAt)}`, left, doc.y, { width });
  if (act.receivedAt) doc.text(`${t.received}: ${act.receivingOfficer ?? ''}    ${t.signature} ____________    ${t.time}: ${date(act.receivedAt)}`, left, doc.y, { width });
  if (act.refusalReason) doc.text(`${t.refusal}: ${act.refusalReason}`, left, doc.y, { width });
  if (act.measures) doc.text(`${t.measures}: ${act.measures}`, left, doc.y, { width });
  if (chains.length) {
    doc.moveDown(1).font('Sans-Bold').fontSize(11).text(t.chain, left, doc.y, { width });
    for (const c of chains) {
      doc.moveDown(0.3).font('Sans-Bold').fontSize(9.5).text(c.description, left, doc.y, { width });
      for (const e of c.events) {
        doc.font('Sans').fontSize(9).text(`${date(e.at)} · ${t.event[e.kind as keyof typeof t.event] ?? e.kind}${e.from ? ` · ${e.from.names[lang]}` : ''}${e.to ? ` → ${e.to.names[lang]}` : ''}${e.actNumber ? ` · ${e.actNumber}` : ''}${e.note ? ` · ${e.note}` : ''}`, left + 10, doc.y, { width: width - 10 });
      }
    }
  }
  doc.end();
  return done;
}

const start = (title: string, lang: Lang) => ({ ...pdfDocument(title), t: T[lang] });

/** The chain of custody of one item, from seizure to its current holder. */
export function renderChainPdf(chain: { item: { description: string; quantity: number; measure: string; sealNo: string | null; custodian: { names: Names } }; events: ChainForPdf[number]['events'] }, lang: Lang, timeZone: string): Promise<Buffer> {
  const { doc, done, t, width } = start(chain.item.description, lang);
  const date = (d: Date) => formDate(d, lang, timeZone);
  doc.font('Sans-Bold').fontSize(13).text(`${t.chain}: ${chain.item.description}`, { width });
  doc.font('Sans').fontSize(10).text(`${chain.item.quantity} ${chain.item.measure}${chain.item.sealNo ? ` · ${chain.item.sealNo}` : ''} · ${t.holder}: ${chain.item.custodian.names[lang]}`, { width }).moveDown(0.6);
  for (const e of chain.events) doc.fontSize(9.5).text(`${date(e.at)} · ${t.event[e.kind as keyof typeof t.event] ?? e.kind}${e.from ? ` · ${e.from.names[lang]}` : ''}${e.to ? ` → ${e.to.names[lang]}` : ''}${e.actNumber ? ` · ${e.actNumber}` : ''}${e.note ? ` · ${e.note}` : ''}`, { width });
  doc.end();
  return done;
}

export type ForceForPdf = { usedAt: Date; servicemen: string; place: Record<string, unknown>; means: string[]; ground: string; groundBasis: string; warning: string; noWarningCase: string | null; prohibitions: Record<string, boolean>; aid: string | null; outcome: string; findings: string[]; prosecutorNotifiedAt: Date | null; prosecutorNotice: string | null; premisesEntry: Record<string, unknown> | null; premisesNotifiedAt: Date | null };

/** The use-of-force report as it goes to the file and the prosecutor. */
export function renderForcePdf(r: ForceForPdf, unit: Names, lang: Lang, timeZone: string): Promise<Buffer> {
  const { doc, done, t, width } = start('use of force', lang);
  const words = (lang === 'kk' ? kkCases : ruCases) as Record<string, string>;
  const w = (key: string, fallback: string) => words[key] ?? fallback;
  const date = (d: Date) => formDate(d, lang, timeZone);
  doc.font('Sans-Bold').fontSize(12).text(t.force, { align: 'center', width }).moveDown(0.6);
  const line = (label: string, value: string) => { doc.font('Sans-Bold').fontSize(10).text(`${label}: `, { continued: true, width }).font('Sans').text(value, { width }); };
  line(unit[lang], date(r.usedAt));
  line(t.servicemen, r.servicemen);
  line(t.place, String(r.place.description ?? ''));
  line(t.means, r.means.map((m) => w(`force.means.${m}`, m)).join(', '));
  line(t.ground, w(`force.ground.${r.ground.replaceAll('.', '_')}`, r.groundBasis));
  line(t.warning, `${w(`force.warning.${r.warning}`, r.warning)}${r.noWarningCase ? ` (${w(`force.noWarning.${r.noWarningCase}`, r.noWarningCase)})` : ''}`);
  doc.font('Sans-Bold').fontSize(10).text(`${t.prohibitions}:`, { width });
  for (const [k, v] of Object.entries(r.prohibitions)) doc.font('Sans').fontSize(9.5).text(`${w(`force.q.${k}`, k)} — ${v ? t.yes : t.no}`, { width });
  if (r.aid) line(t.aid, r.aid);
  line(t.outcome, r.outcome);
  if (r.premisesEntry) line(t.premises, `${String(r.premisesEntry.premises ?? '')} · ${String(r.premisesEntry.enteredAt ?? '')}${r.premisesNotifiedAt ? ` · ${t.prosecutor}: ${date(r.premisesNotifiedAt)}` : ''}`);
  line(t.prosecutor, r.prosecutorNotifiedAt ? `${date(r.prosecutorNotifiedAt)} · ${r.prosecutorNotice ?? ''}` : t.notNotified);
  if (r.findings.length) { doc.moveDown(0.5); line(t.findings, r.findings.map((f) => w(`force.finding.${f}`, f)).join('; ')); }
  doc.moveDown(2).font('Sans').fontSize(10).text(`${t.signature} ____________`, { width });
  doc.end();
  return done;
}
