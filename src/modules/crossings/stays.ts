// Stays of foreigners: passed entries matched to the next passed exit of the same document, across all
// checkpoints, judged against the stay rules in force (a rule pack: days per stay, days within a rolling
// period, by nationality). Pure: the service reads the crossings and the pack.

export type StayRule = {
  /** ISO alpha-3 codes; the rule with `default: true` applies to every other nationality */
  nationalities?: string[];
  default?: boolean;
  /** days one stay may last (null: no limit per stay) */
  maxDaysPerStay: number | null;
  /** days within any window of `periodDays` (null: no such limit) */
  maxDaysInPeriod: number | null;
  periodDays: number | null;
  label: string;
  /** the label in the three languages, shown to the officer in theirs */
  names?: { kk: string; ru: string; en: string };
};

export type Passage = { id: string; direction: 'entry' | 'exit'; at: Date; checkpointId: string };

export type Stay = { entry: Passage; exit: Passage | null; days: number; /** days of the state's calendar */ entryDay: number; exitDay: number | null };

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The days of a stay are the days of Kazakhstan's calendar (one zone, UTC+5, since 1 March 2024). */
export const STATE_TIME_ZONE = 'Asia/Almaty';
const zone = new Intl.DateTimeFormat('en-CA', { timeZone: STATE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const offsets = new Map<number, number>();
/** The day of the state's calendar (days since 1970-01-01) on which the moment `at` falls. */
export function dayOf(at: Date): number {
  const hour = Math.floor(at.getTime() / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const part = Object.fromEntries(zone.formatToParts(new Date(hour * HOUR)).map((x) => [x.type, Number(x.value)]));
    offset = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!) - hour * HOUR;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return Math.floor((at.getTime() + offset) / DAY);
}
/** A day of the state's calendar as YYYY-MM-DD. */
export const dateOfDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Pairs each passed entry with the next passed exit; an exit with no entry before it (left before records
 * began) is skipped. Days are counted as the law counts them, on the state's calendar: the day of entry
 * and the day of exit are both days of stay.
 */
export function staysOf(passages: Passage[], today: Date): Stay[] {
  const sorted = [...passages].sort((a, b) => a.at.getTime() - b.at.getTime());
  const todayDay = dayOf(today);
  const stays: Stay[] = [];
  let open: Passage | null = null;
  for (const p of sorted) {
    if (p.direction === 'entry') {
      // two entries in a row: the exit between them was not recorded; the earlier stay ends unknown
      if (open) stays.push({ entry: open, exit: null, days: 1, entryDay: dayOf(open.at), exitDay: null });
      open = p;
    } else if (open) {
      const entryDay = dayOf(open.at);
      const exitDay = dayOf(p.at);
      stays.push({ entry: open, exit: p, days: exitDay - entryDay + 1, entryDay, exitDay });
      open = null;
    }
  }
  if (open) stays.push({ entry: open, exit: null, days: todayDay - dayOf(open.at) + 1, entryDay: dayOf(open.at), exitDay: null });
  return stays;
}

export function ruleFor(rules: StayRule[], nationality: string | null): StayRule | null {
  return rules.find((r) => nationality && r.nationalities?.includes(nationality)) ?? rules.find((r) => r.default) ?? null;
}

/** Days of stay inside the window of `periodDays` ending today. */
export function daysInPeriod(stays: Stay[], periodDays: number, today: Date): number {
  return daysInPeriodTo(stays, periodDays, dayOf(today));
}

/** Days of stay inside the window of `periodDays` ending on the day `today` of the state's calendar (the open stay lasting until then). */
function daysInPeriodTo(stays: Stay[], periodDays: number, today: number): number {
  const windowStart = today - periodDays + 1;
  let total = 0;
  for (const s of stays) {
    if (s.exit === null && s !== stays[stays.length - 1]) continue; // an entry with a missing exit: unknown length, not counted
    const from = Math.max(s.entryDay, windowStart);
    const to = s.exitDay ?? today;
    if (to >= from) total += to - from + 1;
  }
  return total;
}

export type StayVerdict = { current: Stay | null; daysThisStay: number; daysInPeriod: number | null; overstay: boolean; overBy: number; rule: StayRule | null };

export function judge(passages: Passage[], nationality: string | null, rules: StayRule[], today: Date): StayVerdict {
  const stays = staysOf(passages, today);
  const last = stays[stays.length - 1] ?? null;
  const current = last && last.exit === null ? last : null;
  const rule = ruleFor(rules, nationality);
  const inPeriod = rule?.maxDaysInPeriod && rule.periodDays ? daysInPeriod(stays, rule.periodDays, today) : null;
  const perStayOver = current && rule?.maxDaysPerStay ? current.days - rule.maxDaysPerStay : 0;
  const periodOver = current && inPeriod !== null && rule?.maxDaysInPeriod ? inPeriod - rule.maxDaysInPeriod : 0;
  const overBy = Math.max(perStayOver, periodOver, 0);
  return { current, daysThisStay: current?.days ?? 0, daysInPeriod: inPeriod, overstay: overBy > 0, overBy, rule };
}

/**
 * The first day of the state's calendar (YYYY-MM-DD) on which the stay opened by the last of `passages`
 * is over its rule if the traveller stays on and nothing else is recorded, with that entry: what `judge`
 * would say on each day from then, found once. Null when no stay is open or the rule sets no limit the
 * stay can reach.
 */
export function overFrom(passages: Passage[], nationality: string | null, rules: StayRule[]): { entryId: string; day: string } | null {
  const stays = staysOf(passages, new Date(0));
  const current = stays[stays.length - 1];
  if (!current || current.exit) return null;
  const rule = ruleFor(rules, nationality);
  // the day of entry is day 1 of the stay: day maxDaysPerStay + 1 is the first over
  let first = rule?.maxDaysPerStay ? current.entryDay + rule.maxDaysPerStay : Infinity;
  if (rule?.maxDaysInPeriod && rule.periodDays) {
    // each day of the stay adds one to the window and the day leaving it takes at most one away, so the
    // first day over comes within maxDaysInPeriod + 1 days of the entry, or never
    for (let day = current.entryDay; day < first && day <= current.entryDay + rule.maxDaysInPeriod; day++) {
      if (daysInPeriodTo(stays, rule.periodDays, day) > rule.maxDaysInPeriod) first = day;
    }
  }
  return Number.isFinite(first) ? { entryId: current.entry.id, day: dateOfDay(first) } : null;
}
