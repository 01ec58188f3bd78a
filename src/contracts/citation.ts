// A rule's legal basis, kept as a short English citation ("Law Art. 19(7), 66(9)"), said in the reader's
// language: the Law named, each article with its item. Pure: the server's notices and the web UI share it.

/** "Law Art. 19(7), 66(9)" in Kazakh, Russian or English; any other text as it is. */
export function citationIn(basis: string, lang: string): string {
  const refs = [...basis.matchAll(/(\d+(?:-\d+)?)\(([\d-]+)\)/g)].map((m) => ({ art: m[1]!, item: m[2]! }));
  if (!/^Law Art\. [\d()\-, ]+$/.test(basis) || refs.length === 0) return basis;
  if (lang === 'kk') return `«Мемлекеттік шекара туралы» Заң, ${refs.map((r) => `${r.art}-бап ${r.item}-т.`).join(', ')}`;
  if (lang === 'ru') return `Закон «О Государственной границе», ${refs.map((r) => `ст. ${r.art} п. ${r.item}`).join(', ')}`;
  return `Law on the State Border, ${refs.map((r) => `Art. ${r.art}(${r.item})`).join(', ')}`;
}
