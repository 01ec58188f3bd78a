// Compliance as CSV (one row per unit) and as a printable monthly report in Kazakh, Russian or English.
import type { z } from 'zod';
import type { ComplianceView } from '../../contracts/exchange.ts';
import { csvDocument } from '../../platform/csv.ts';

type Data = z.infer<typeof ComplianceView>;
type Lang = 'kk' | 'ru' | 'en';

const KINDS: Record<string, Record<Lang, string>> = {
  'exchange.daily': { kk: 'Күнделікті ақпарат (5(2)-т.)', ru: 'Ежедневная информация (п. 5(2))', en: 'Daily information (p.5(2))' },
  'exchange.monthly': { kk: 'Ай сайынғы ақпарат (5(3)-т.)', ru: 'Ежемесячная информация (п. 5(3))', en: 'Monthly information (p.5(3))' },
  'exchange.urgent.confirm': { kk: 'Жедел ақпаратты жазбаша растау (5(1)-т.)', ru: 'Письменное подтверждение срочной информации (п. 5(1))', en: 'Written confirmation of urgent information (p.5(1))' },
  'exchange.udb': { kk: 'Бірыңғай деректер банкіне материалдар (5(5)-т.)', ru: 'Материалы в Единый банк данных (п. 5(5))', en: 'Unified Data Bank materials (p.5(5))' },
  'exchange.ack': { kk: 'Алынғанын растау', ru: 'Подтверждение получения', en: 'Acknowledgement of receipt' },
};
const L: Record<string, Record<Lang, string>> = {
  title: { kk: 'Ақпарат алмасу мерзімдерінің сақталуы', ru: 'Соблюдение сроков обмена информацией', en: 'Compliance with information exchange deadlines' },
  kind: { kk: 'Түрі', ru: 'Вид', en: 'Type' },
  unit: { kk: 'Бөлімше', ru: 'Подразделение', en: 'Unit' },
  due: { kk: 'Мерзімі келген', ru: 'Наступил срок', en: 'Due' },
  onTime: { kk: 'Уақтылы', ru: 'В срок', en: 'On time' },
  late: { kk: 'Кешікті', ru: 'С опозданием', en: 'Late' },
  missed: { kk: 'Орындалмаған', ru: 'Не выполнено', en: 'Missed' },
  share: { kk: 'Уақтылы үлесі', ru: 'Доля в срок', en: 'On-time share' },
  lateConf: { kk: 'Кешіктірілген жазбаша растаулар', ru: 'Несвоевременные письменные подтверждения', en: 'Late written confirmations' },
  none: { kk: 'Жоқ', ru: 'Нет', en: 'None' },
  basis: { kk: 'Негіз: 2002 жылғы Нұсқаулықтың 5-тармағы (ереже пакеті бойынша)', ru: 'Основание: п. 5 Инструкции 2002 г. (по пакету правил)', en: 'Basis: Instruction 2002 p.5 (as the rule pack in force says)' },
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10} %`);

export function complianceCsv(d: Data): string {
  return csvDocument([
    ['unit_id', 'unit_en', 'unit_ru', 'level', 'due', 'on_time', 'late', 'missed', 'on_time_share'],
    ...d.byUnit.map((u) => [u.unit.id, u.unit.names.en, u.unit.names.ru, u.unit.level, u.due, u.onTime, u.late, u.missed, u.onTimeShare]),
    [],
    ['kind', 'due', 'on_time', 'early', 'late', 'missed', 'open', 'on_time_share'],
    ...d.byKind.map((k) => [k.kind, k.due, k.onTime, k.early, k.late, k.missed, k.open, k.onTimeShare]),
  ]);
}

export function complianceReportHtml(d: Data, month: string, lang: Lang): string {
  const t = (k: string) => L[k]![lang];
  const kinds = d.byKind.map((k) => `<tr><td>${esc(KINDS[k.kind]?.[lang] ?? k.kind)}</td><td>${k.due}</td><td>${k.onTime + k.early}</td><td>${k.late}</td><td>${k.missed}</td><td>${pct(k.onTimeShare)}</td></tr>`).join('');
  const units = d.byUnit.map((u) => `<tr><td>${esc(u.unit.names[lang])}</td><td>${u.due}</td><td>${u.onTime}</td><td>${u.late}</td><td>${u.missed}</td><td>${pct(u.onTimeShare)}</td></tr>`).join('');
  const late = d.lateConfirmations.map((c) => `<li>${esc(c.sender.names[lang])}: ${c.reportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC → ${c.confirmedAt ? `${c.minutes} min` : '—'}</li>`).join('');
  const head = `<tr><th>%</th><th>${t('due')}</th><th>${t('onTime')}</th><th>${t('late')}</th><th>${t('missed')}</th><th>${t('share')}</th></tr>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${t('title')} ${month}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:4px 8px;text-align:left}@media print{body{margin:0}}</style></head>
<body><h1>${t('title')}: ${month}</h1><p>${t('basis')}</p>
<table>${head.replace('%', t('kind'))}${kinds}</table>
<table>${head.replace('%', t('unit'))}${units}</table>
<h2>${t('lateConf')}</h2>${late ? `<ul>${late}</ul>` : `<p>${t('none')}</p>`}</body></html>`;
}
