// Dates of birth as lists hold them: full, year-month, year, or a range of years.

export type BirthDate = { text: string; yearFrom: number; yearTo: number; full: string | null };

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4})\.\.(\d{4})$/;

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Parses YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY; null for anything else (impossible dates included). */
export function parseBirthDate(text: string, today = new Date()): BirthDate | null {
  const value = text.trim();
  const thisYear = today.getUTCFullYear();
  const plausible = (y: number) => y >= 1880 && y <= thisYear;
  let m = FULL.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return plausible(y) && validDay(y, mo, d) ? { text: value, yearFrom: y, yearTo: y, full: value } : null;
  }
  m = MONTH.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return plausible(y) && mo >= 1 && mo <= 12 ? { text: value, yearFrom: y, yearTo: y, full: null } : null;
  }
  m = YEAR.exec(value);
  if (m) return plausible(Number(m[1])) ? { text: value, yearFrom: Number(m[1]), yearTo: Number(m[1]), full: null } : null;
  m = RANGE.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return plausible(a) && plausible(b) && a <= b ? { text: value, yearFrom: a, yearTo: b, full: null } : null;
  }
  return null;
}
