// The attributes a score reads — years and date of birth, sex, nationalities, threshold — by entry in
// typed arrays. A screening reads them for every candidate (most are ruled out by them alone), and a
// few hundred scattered entry objects cost more in cache misses than the arithmetic does.

/** A query's attributes as the columns code them, made once per screening. */
export type AttributeQuery = {
  birth: { yearFrom: number; yearTo: number; full: number } | null;
  sex: number;
  nationality: number | null;
  /** the nationality as the query gave it, for the explanation */
  nationalityText: string | null;
};

const HAS_YEARS = 1;
const sexCode = (sex: string | null | undefined) => (!sex ? 0 : sex === 'M' ? 1 : sex === 'F' ? 2 : 3);

export class AttributeColumns {
  private readonly dates = new Map<string, number>();
  private readonly countries = new Map<string, number>();
  private build: { flags: number[]; sex: number[]; yearFrom: number[]; yearTo: number[]; dob: number[]; threshold: number[]; natStart: number[]; nat: number[] } | null = {
    flags: [], sex: [], yearFrom: [], yearTo: [], dob: [], threshold: [], natStart: [0], nat: [],
  };
  flags = new Uint8Array(0);
  sex = new Uint8Array(0);
  yearFrom = new Int32Array(0);
  yearTo = new Int32Array(0);
  /** the entry's date of birth as text, coded (0: none): only equality is asked of it */
  dob = new Int32Array(0);
  threshold = new Float64Array(0);
  /** the entry's nationalities are nat[natStart[e]] up to nat[natStart[e + 1]], coded */
  natStart = new Int32Array(1);
  nat = new Int32Array(0);

  add(entry: { threshold: number; sex: string | null; dateOfBirth: string | null; yearFrom: number | null; yearTo: number | null; nationalities: string[] }) {
    const b = this.build!;
    const hasYears = entry.yearFrom !== null && entry.yearTo !== null;
    b.flags.push(hasYears ? HAS_YEARS : 0);
    b.sex.push(sexCode(entry.sex));
    b.yearFrom.push(entry.yearFrom ?? 0);
    b.yearTo.push(entry.yearTo ?? 0);
    b.dob.push(entry.dateOfBirth ? code(this.dates, entry.dateOfBirth) : 0);
    b.threshold.push(entry.threshold);
    for (const n of entry.nationalities) b.nat.push(code(this.countries, n));
    b.natStart.push(b.nat.length);
  }

  seal() {
    const b = this.build;
    if (!b) return;
    this.flags = Uint8Array.from(b.flags);
    this.sex = Uint8Array.from(b.sex);
    this.yearFrom = Int32Array.from(b.yearFrom);
    this.yearTo = Int32Array.from(b.yearTo);
    this.dob = Int32Array.from(b.dob);
    this.threshold = Float64Array.from(b.threshold);
    this.natStart = Int32Array.from(b.natStart);
    this.nat = Int32Array.from(b.nat);
    this.build = null;
  }

  hasYears(entry: number): boolean {
    return (this.flags[entry]! & HAS_YEARS) !== 0;
  }

  hasNationality(entry: number, country: number): boolean {
    for (let i = this.natStart[entry]!, end = this.natStart[entry + 1]!; i < end; i++) if (this.nat[i] === country) return true;
    return false;
  }

  nationalityCount(entry: number): number {
    return this.natStart[entry + 1]! - this.natStart[entry]!;
  }

  /** The query coded as the columns are; a value no entry holds gets a code none has (-1). */
  prepare(query: { birth: { yearFrom: number; yearTo: number; full: string | null } | null; sex: string | null; nationality: string | null }): AttributeQuery {
    return {
      birth: query.birth ? { yearFrom: query.birth.yearFrom, yearTo: query.birth.yearTo, full: query.birth.full ? (this.dates.get(query.birth.full) ?? -1) : 0 } : null,
      sex: sexCode(query.sex),
      nationality: query.nationality ? (this.countries.get(query.nationality) ?? -1) : null,
      nationalityText: query.nationality || null,
    };
  }
}

function code(codes: Map<string, number>, value: string): number {
  let c = codes.get(value);
  if (c === undefined) codes.set(value, (c = codes.size + 1));
  return c;
}
