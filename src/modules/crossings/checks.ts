// The automatic checks of border control and the decision they point to (Law Art. 19(7)-(10), 66(9)-(10)).
// Pure: the service gathers the facts (document, checkpoint status, screening) and records the result.
import type { CheckResult, CrossingHit } from './crossings.tables.ts';

export type CheckFacts = {
  direction: 'entry' | 'exit';
  travellerCategory: string;
  /** the MRZ's validity, or null when the document was typed by hand */
  mrzValid: boolean | null;
  mrzErrors: string[];
  documentExpiry: string | null;
  /** the checkpoint's local date (YYYY-MM-DD) */
  today: string;
  checkpointStatus: 'open' | 'restricted';
  checkpointStatusReason: string | null;
  hits: CrossingHit[];
  documentHits: Array<{ status: string; documentNumber: string; issuingState: string }>;
};

export type Suggested = { decision: 'pass' | 'refuse' | 'secondary' | 'seize_document' | 'hold_identification' | 'detain'; reasons: string[] };

/** Foreigners and stateless persons: the bans on entry, the return rule and the stay rules apply to them. */
export const FOREIGN: ReadonlySet<string> = new Set(['foreigner', 'stateless']);

export function runChecks(f: CheckFacts): CheckResult[] {
  const checks: CheckResult[] = [];
  checks.push(f.mrzValid === null
    ? { code: 'mrz', result: 'warn', detail: 'No machine readable zone: the document was typed by hand' }
    : f.mrzValid ? { code: 'mrz', result: 'pass', detail: 'Every MRZ check digit agrees' } : { code: 'mrz', result: 'fail', detail: `The MRZ fails: ${f.mrzErrors.join('; ')}` });
  if (!f.documentExpiry) checks.push({ code: 'document_expiry', result: 'warn', detail: 'The document has no expiry date to check' });
  else if (f.documentExpiry < f.today) checks.push({ code: 'document_expiry', result: 'fail', detail: `The document expired on ${f.documentExpiry}`, value: f.documentExpiry });
  else checks.push({ code: 'document_expiry', result: 'pass', detail: `Valid until ${f.documentExpiry}`, value: f.documentExpiry });
  checks.push(f.checkpointStatus === 'open'
    ? { code: 'checkpoint_status', result: 'pass', detail: 'The checkpoint is open for this mode and direction' }
    : { code: 'checkpoint_status', result: 'warn', detail: `Crossing is temporarily restricted: ${f.checkpointStatusReason ?? ''}`.trim() });
  checks.push(f.documentHits.length
    ? { code: 'document_register', result: 'fail', detail: f.documentHits.map((d) => `${d.documentNumber} (${d.issuingState}) is registered as ${d.status}`).join('; ') }
    : { code: 'document_register', result: 'pass', detail: 'Not in the register of lost, stolen and invalid documents' });
  const bans = f.hits.filter((h) => h.kind === (f.direction === 'exit' ? 'exit_ban' : 'entry_ban'));
  const banApplies = f.direction === 'exit' || FOREIGN.has(f.travellerCategory);
  if (bans.length && banApplies) checks.push({ code: f.direction === 'exit' ? 'exit_ban' : 'entry_ban', result: 'fail', detail: bans.map((h) => `${h.matchedName} on ${h.list}`).join('; ') });
  else if (bans.length) checks.push({ code: 'entry_ban', result: 'warn', detail: `An entry ban matches, but a citizen of Kazakhstan may not be refused entry: ${bans.map((h) => h.list).join(', ')}` });
  else checks.push({ code: f.direction === 'exit' ? 'exit_ban' : 'entry_ban', result: 'pass', detail: 'No ban matches' });
  const others = f.hits.filter((h) => h.kind !== 'exit_ban' && h.kind !== 'entry_ban');
  checks.push(others.length
    ? { code: 'watchlists', result: 'fail', detail: others.map((h) => `${h.matchedName} on ${h.list} (${h.kind}): ${h.action}`).join('; ') }
    : { code: 'watchlists', result: 'pass', detail: 'No watchlist hit' });
  return checks;
}

/** The decision the checks point to: the strongest measure any failing check calls for. */
export function suggestDecision(f: CheckFacts, checks: CheckResult[]): Suggested {
  const failed = new Set(checks.filter((c) => c.result === 'fail').map((c) => c.code));
  if (failed.size === 0) return { decision: 'pass', reasons: [] };
  const actions = new Set(f.hits.filter((h) => h.kind !== 'entry_ban' || FOREIGN.has(f.travellerCategory)).map((h) => h.action));
  if (actions.has('detain')) return { decision: 'detain', reasons: [] };
  if (failed.has('document_register')) return { decision: 'seize_document', reasons: ['DOCUMENT_INVALID'] };
  const reasons: string[] = [];
  if (failed.has('exit_ban')) reasons.push('EXIT_BANNED');
  if (failed.has('entry_ban')) reasons.push('ENTRY_BANNED');
  if (failed.has('document_expiry')) reasons.push('DOCUMENT_EXPIRED');
  if (reasons.length) return { decision: 'refuse', reasons };
  return { decision: 'secondary', reasons: [] };
}
