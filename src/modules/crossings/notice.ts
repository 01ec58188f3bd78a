// The refusal notice handed to a traveller refused passage (Law Art. 19(10)), in Kazakh, Russian or
// English: a printable page with the decision, its coded reasons and their legal basis, and the officer.

import { citationIn } from '../../contracts/citation.ts';

type Lang = 'kk' | 'ru' | 'en';
const TEXT: Record<Lang, Record<string, string>> = {
  kk: {
    title: 'Мемлекеттік шекара арқылы өткізуден бас тарту туралы хабарлама', checkpoint: 'Өткізу пункті', time: 'Уақыты', traveller: 'Тұлға', born: 'Туған күні',
    document: 'Құжат', direction: 'Бағыты', entry: 'келу', exit: 'шығу', decision: 'Шешім: Қазақстан Республикасының Мемлекеттік шекарасы арқылы өткізуден бас тартылды.',
    reasons: 'Бас тарту негіздері', returnTo: 'Қайтарылатын мемлекет', officer: 'Шекаралық бақылау лауазымды адамы', signature: 'Қолы', received: 'Хабарламаны алдым (тұлғаның қолы)',
    appeal: 'Шешімге Қазақстан Республикасының заңнамасында белгіленген тәртіппен шағым жасалуы мүмкін.',
  },
  ru: {
    title: 'Уведомление об отказе в пропуске через Государственную границу', checkpoint: 'Пункт пропуска', time: 'Время', traveller: 'Лицо', born: 'Дата рождения',
    document: 'Документ', direction: 'Направление', entry: 'въезд', exit: 'выезд', decision: 'Решение: отказано в пропуске через Государственную границу Республики Казахстан.',
    reasons: 'Основания отказа', returnTo: 'Государство возвращения', officer: 'Должностное лицо пограничного контроля', signature: 'Подпись', received: 'Уведомление получил (подпись лица)',
    appeal: 'Решение может быть обжаловано в порядке, установленном законодательством Республики Казахстан.',
  },
  en: {
    title: 'Notice of refusal of passage across the State Border', checkpoint: 'Checkpoint', time: 'Time', traveller: 'Person', born: 'Date of birth',
    document: 'Document', direction: 'Direction', entry: 'entry', exit: 'exit', decision: 'Decision: passage across the State Border of the Republic of Kazakhstan is refused.',
    reasons: 'Grounds for refusal', returnTo: 'State of return', officer: 'Border-control officer', signature: 'Signature', received: 'Notice received (signature of the person)',
    appeal: 'The decision may be appealed in the manner established by the legislation of the Republic of Kazakhstan.',
  },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type NoticeInput = {
  lang: Lang;
  checkpoint: { nameKk: string; nameRu: string; nameEn: string; timeZone: string };
  decidedAt: Date;
  person: { surname: string | null; givenNames: string | null; dateOfBirth: string | null; nationality: string | null };
  document: { code: string | null; number: string | null; issuingState: string | null };
  direction: 'entry' | 'exit';
  reasons: Array<{ code: string; basis: string; names: Record<string, string> }>;
  returnToCountry: string | null;
  officer: string;
  crossingId: string;
};

export function refusalNoticeHtml(n: NoticeInput): string {
  const t = TEXT[n.lang];
  const cp = n.lang === 'kk' ? n.checkpoint.nameKk : n.lang === 'ru' ? n.checkpoint.nameRu : n.checkpoint.nameEn;
  const when = new Intl.DateTimeFormat(n.lang === 'kk' ? 'kk-KZ' : n.lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: n.checkpoint.timeZone }).format(n.decidedAt);
  const row = (label: string, value: string | null) => `<tr><th>${escape(label)}</th><td>${escape(value ?? '—')}</td></tr>`;
  return `<!doctype html>
<html lang="${n.lang}"><head><meta charset="utf-8"><title>${escape(t.title!)}</title>
<style>body{font-family:"Noto Serif","Times New Roman",serif;max-width:42rem;margin:2rem auto;color:#111}h1{font-size:1.2rem;text-align:center}table{width:100%;border-collapse:collapse;margin:1rem 0}th{text-align:left;width:40%;font-weight:normal;color:#444}td,th{padding:.3rem;border-bottom:1px solid #ccc}ol{padding-left:1.2rem}.sign{display:flex;justify-content:space-between;margin-top:2.5rem}.sign div{width:45%;border-top:1px solid #111;padding-top:.3rem;font-size:.85rem}.id{font-size:.75rem;color:#666}</style></head>
<body><h1>${escape(t.title!)}</h1>
<table>${row(t.checkpoint!, cp)}${row(t.time!, when)}${row(t.direction!, t[n.direction]!)}${row(t.traveller!, [n.person.surname, n.person.givenNames].filter(Boolean).join(' '))}${row(t.born!, n.person.dateOfBirth)}${row(t.document!, [n.document.code, n.document.number, n.document.issuingState].filter(Boolean).join(' '))}${n.returnToCountry ? row(t.returnTo!, n.returnToCountry) : ''}</table>
<p><strong>${escape(t.decision!)}</strong></p>
<p>${escape(t.reasons!)}:</p><ol>${n.reasons.map((r) => `<li>${escape(r.names[n.lang] ?? r.names.en ?? r.code)} (${escape(citationIn(r.basis, n.lang))})</li>`).join('')}</ol>
<p>${escape(t.appeal!)}</p>
<div class="sign"><div>${escape(t.officer!)}: ${escape(n.officer)}<br>${escape(t.signature!)}</div><div>${escape(t.received!)}</div></div>
<p class="id">${escape(n.crossingId)}</p>
</body></html>`;
}
