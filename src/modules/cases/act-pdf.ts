// The hand-over act and the chain of custody of its items as a PDF in Kazakh or Russian (pdfkit, DejaVu).
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

type Lang = 'kk' | 'ru';
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
type Names = { kk: string; ru: string; en: string };

const T = {
  kk: {
    title: 'Қабылдау-тапсыру актісі', from: 'Тапсырушы', to: 'Қабылдаушы', basis: 'Негіз', handed: 'Тапсырды', received: 'Қабылдады', time: 'уақыты', documents: 'Қоса берілген құжаттар',
    cols: ['№', 'Атауы', 'Саны', 'Пломба №', 'Қабылданғаны'], status: { sent: 'қабылдау күтілуде', accepted: 'қабылданды', accepted_with_discrepancies: 'сәйкессіздіктермен қабылданды', refused: 'қабылдаудан бас тартылды' },
    chain: 'Сақтау тізбегі', event: { seized: 'алынды', sent: 'тапсыруға жіберілді', accepted: 'қабылданды', accepted_with_discrepancy: 'сәйкессіздікпен қабылданды', refused: 'бас тартылды' }, refusal: 'Бас тарту себебі', measures: 'Қабылданған шаралар', signature: 'Қолы', leb: 'Иесіз мүлік жергілікті атқарушы органға (Заңның 62-бабы 1-тармағының 4-1) тармақшасы)',
  },
  ru: {
    title: 'Акт приёма-передачи', from: 'Передающая сторона', to: 'Принимающая сторона', basis: 'Основание', handed: 'Передал', received: 'Принял', time: 'время', documents: 'Прилагаемые документы',
    cols: ['№', 'Наименование', 'Количество', '№ пломбы', 'Принято'], status: { sent: 'ожидает приёма', accepted: 'принято', accepted_with_discrepancies: 'принято с расхождениями', refused: 'в приёме отказано' },
    chain: 'Цепочка хранения', event: { seized: 'изъято', sent: 'направлено на передачу', accepted: 'принято', accepted_with_discrepancy: 'принято с расхождением', refused: 'отказано в приёме' }, refusal: 'Причина отказа', measures: 'Принятые меры', signature: 'Подпись', leb: 'Бесхозяйное имущество — местному исполнительному органу (подп. 4-1) п. 1 ст. 62 Закона)',
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
  const doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 48, left: 56, right: 48 }, info: { Title: act.number, Producer: 'Shekara' } });
  doc.registerFont('Sans', FONT);
  doc.registerFont('Sans-Bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  const date = (d: Date) => new Intl.DateTimeFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  doc.font('Sans-Bold').fontSize(13).text(`${t.title} № ${act.number}`, { align: 'center', width });
  doc.font('Sans').fontSize(9).fillColor('#444444').text(t.status[act.status], { align: 'center', width }).fillColor('black').moveDown(0.8);
  doc.fontSize(10).text(`${t.from}: ${act.from.names[lang]}`, { width }).text(`${t.to}: ${act.to.names[lang]}`, { width }).text(`${t.basis}: ${act.basis}`, { width });
  if (act.toLocalExecutive) doc.text(t.leb, { width });
  if (act.documents.length) doc.text(`${t.documents}: ${act.documents.join('; ')}`, { width });
  doc.moveDown(0.6);
  doc.fontSize(9).table({
    columnStyles: [30, '*', 90, 90, 110],
    rowStyles: (row: number) => (row === 0 ? { font: { src: FONT_BOLD }, backgroundColor: '#eeeeee' } : undefined),
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
