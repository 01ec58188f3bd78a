import { XMLParser } from 'fast-xml-parser';
import { toAlpha3 } from '../countries.ts';
import type { ImportProblem, WatchlistRecord } from '../records.ts';

// The UN Security Council consolidated list (https://www.un.org/sc/resources/sc-sanctions.xsd):
// individuals only — the border screens persons; entities are organisations.
const REPEATED = new Set(['INDIVIDUAL', 'INDIVIDUAL_ALIAS', 'INDIVIDUAL_DATE_OF_BIRTH', 'INDIVIDUAL_DOCUMENT', 'INDIVIDUAL_PLACE_OF_BIRTH', 'VALUE']);

type Node = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : []);
const values = (v: unknown): string[] => list(v).flatMap((n) => (Array.isArray(n.VALUE) ? n.VALUE : [n.VALUE]).map(text)).filter(Boolean);

export const UN_LIST_CODE = 'UN-SC';

/** Parses the UN consolidated list; every record that cannot be read is reported with its DATAID or position. */
export function parseUnXml(xml: string): { records: WatchlistRecord[]; problems: ImportProblem[] } {
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => REPEATED.has(name) });
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (error) {
    return { records: [], problems: [{ record: 'file', message: `not well-formed XML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const root = doc.CONSOLIDATED_LIST as Node | undefined;
  if (!root) return { records: [], problems: [{ record: 'file', message: 'no CONSOLIDATED_LIST element: not a UN consolidated list' }] };
  const individuals = list((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL);
  const records: WatchlistRecord[] = [];
  const problems: ImportProblem[] = [];
  individuals.forEach((person, index) => {
    const id = text(person.DATAID);
    const where = id ? `DATAID ${id}` : `INDIVIDUAL #${index + 1}`;
    const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((k) => text(person[k])).filter(Boolean).join(' ');
    if (!id) problems.push({ record: where, message: 'missing DATAID' });
    if (!primary) problems.push({ record: where, message: 'missing FIRST_NAME' });
    if (!id || !primary) return;
    const names: WatchlistRecord['names'] = [{ name: primary, quality: 'strong' }];
    const original = text(person.NAME_ORIGINAL_SCRIPT);
    if (original) names.push({ name: original, quality: 'strong' });
    for (const alias of list(person.INDIVIDUAL_ALIAS)) {
      const name = text(alias.ALIAS_NAME);
      if (name && !names.some((n) => n.name === name)) names.push({ name, quality: text(alias.QUALITY).toLowerCase() === 'low' ? 'weak' : 'strong' });
    }
    let dateOfBirth: string | null = null;
    let yearFrom: number | null = null;
    let yearTo: number | null = null;
    for (const dob of list(person.INDIVIDUAL_DATE_OF_BIRTH)) {
      const date = text(dob.DATE);
      const year = Number(text(dob.YEAR)) || Number(date.slice(0, 4)) || null;
      const from = Number(text(dob.FROM_YEAR)) || year;
      const to = Number(text(dob.TO_YEAR)) || year;
      if (!from || !to) continue;
      dateOfBirth ??= date || (from === to ? String(from) : `${from}..${to}`);
      yearFrom = Math.min(yearFrom ?? from, from);
      yearTo = Math.max(yearTo ?? to, to);
    }
    const nationalities = [...new Set(values(person.NATIONALITY).map((n) => toAlpha3(n)).filter((c): c is string => Boolean(c)))];
    const documentNumbers = [...new Set(list(person.INDIVIDUAL_DOCUMENT).map((d) => text(d.NUMBER)).filter(Boolean))];
    const place = list(person.INDIVIDUAL_PLACE_OF_BIRTH).map((p) => [text(p.CITY), text(p.STATE_PROVINCE), text(p.COUNTRY)].filter(Boolean).join(', ')).find(Boolean) ?? null;
    const gender = text(person.GENDER).toLowerCase();
    records.push({
      externalId: id,
      list: UN_LIST_CODE,
      names,
      sex: gender === 'male' ? 'M' : gender === 'female' ? 'F' : null,
      dateOfBirth,
      birthYearFrom: yearFrom,
      birthYearTo: yearTo,
      placeOfBirth: place,
      nationalities,
      documentNumbers,
      reason: [text(person.UN_LIST_TYPE) && `UN sanctions regime ${text(person.UN_LIST_TYPE)}`, text(person.REFERENCE_NUMBER)].filter(Boolean).join(', ') || null,
    });
  });
  if (individuals.length === 0 && problems.length === 0) problems.push({ record: 'file', message: 'the list holds no INDIVIDUAL' });
  return { records, problems };
}
