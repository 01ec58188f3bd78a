// The grounds of a decision on a traveller: the refusal's coded reasons of the list in force (with the
// state the traveller is returned to, Art. 19(10)), or the grounds or findings of another measure. The
// booth console opens it after a decision key; the crossings journal for a crossing decided later (one
// left at control, the outcome of a secondary inspection).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { pick } from '../i18n.ts';
import { fieldProblemText } from '../problems.ts';
import type { Crossing } from '../types.ts';
import { Field } from '../ui.tsx';
import { problemText } from './BoothProblem.tsx';
import { citationIn } from '../../../src/contracts/citation.ts';

export type Reason = { code: string; basis: string; names: { kk: string; ru: string; en: string }; directions: string[]; categories?: string[] };

export function DecisionForm({ crossing, decision, arrivedFrom, reasons, onCancel, onSubmit, error, busy }: {
  crossing: Crossing; decision: string; arrivedFrom: string | null; reasons: Reason[]; onCancel: () => void; error: unknown; busy: boolean;
  onSubmit: (body: { reasons?: string[]; note?: string; returnToCountry?: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const applicable = reasons.filter((r) => r.directions.includes(crossing.direction) && (!r.categories || r.categories.includes(crossing.travellerCategory)));
  const [chosen, setChosen] = useState<string[]>(() => crossing.suggested.reasons.filter((c) => applicable.some((r) => r.code === c)));
  const [note, setNote] = useState('');
  const foreignEntry = crossing.direction === 'entry' && ['foreigner', 'stateless'].includes(crossing.travellerCategory);
  // returned to the state the traveller came from (a land checkpoint's neighbour), else to the state of citizenship (Art. 19(10))
  const [returnTo, setReturnTo] = useState(arrivedFrom ?? crossing.person.nationality ?? '');
  const err = error instanceof ApiError ? error : null;
  const fieldError = (field: string) => {
    const problem = err?.errors.find((e) => e.path === `body.${field}` || e.path === field);
    return problem && fieldProblemText(t, problem);
  };
  const refuse = decision === 'refuse';
  return (
    <form className="panel decision-form" aria-label={t(`booth.decision.${decision}`)} onSubmit={(e: FormEvent) => {
      e.preventDefault();
      onSubmit({ ...(refuse && { reasons: chosen }), ...(note.trim() && { note: note.trim() }), ...(refuse && foreignEntry && returnTo.trim() && { returnToCountry: returnTo.trim().toUpperCase() }) });
    }}>
      <h3>{t(`booth.decision.${decision}`)}</h3>
      {refuse && (
        <fieldset>
          <legend>{t('booth.reasons')}</legend>
          {applicable.map((r) => (
            <label key={r.code} className="check-option">
              <input type="checkbox" name="reason" value={r.code} checked={chosen.includes(r.code)} onChange={(e) => setChosen(e.target.checked ? [...chosen, r.code] : chosen.filter((c) => c !== r.code))} />
              {pick(r.names, i18n.language)} <span className="muted small">{citationIn(r.basis, i18n.language)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {refuse && foreignEntry && <Field label={t('booth.returnTo')} error={fieldError('returnToCountry')}><input name="returnTo" value={returnTo} onChange={(e) => setReturnTo(e.target.value)} maxLength={3} /></Field>}
      <Field label={t(refuse ? 'booth.noteOptional' : 'booth.note')} error={fieldError('note')}>
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} autoFocus={!refuse} />
      </Field>
      {err && !err.errors.length && <div className="note error" role="alert">{problemText(t, err)}</div>}
      {err && err.status === 409 && err.errors.length > 0 && <div className="note error" role="alert">{problemText(t, err)}</div>}
      {err && err.errors.some((e) => e.path.startsWith('reasons') || e.path === 'decision') && <div className="note error" role="alert">{err.errors.filter((e) => e.path.startsWith('reasons') || e.path === 'decision').map((e) => fieldProblemText(t, e)).join('; ')}</div>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy || (refuse && chosen.length === 0)} autoFocus={refuse}>{t('booth.confirm')} ⏎</button>
        <button type="button" onClick={onCancel}><kbd>Esc</kbd> {t('common.cancel')}</button>
      </div>
    </form>
  );
}

