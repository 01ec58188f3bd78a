// Printed forms: A4 PDF documents in the DejaVu fonts from npm (every Kazakh letter; the standard PDF
// fonts have none), collected into one buffer.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
/** The bold face, for table header rows (`rowStyles: { font: { src: PDF_BOLD_FONT } }`). */
export const PDF_BOLD_FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** A new A4 document with the fonts `Sans` and `Sans-Bold`, and the promise of its bytes once `doc.end()` is called. */
export function pdfDocument(title: string) {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 48, left: 56, right: 48 }, info: { Title: title, Producer: 'Shekara' } });
  doc.registerFont('Sans', FONT);
  doc.registerFont('Sans-Bold', PDF_BOLD_FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  return { doc, done, width: doc.page.width - doc.page.margins.left - doc.page.margins.right };
}

/** An instant as a form prints it: local date and time in the zone, in Kazakh or Russian conventions. */
export function formDate(at: Date, lang: 'kk' | 'ru', timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);
}
