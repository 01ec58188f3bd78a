// Why the booth could not start control, in the officer's language: the MRZ's failing fields (from the
// parsed MRZ the 422 carries) with the OCR corrections that would make them pass, or the reason of the
// law (a suspended checkpoint, a closed lane …). The server's English detail is the fallback.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';
import { fieldProblemText, refusalText } from '../problems.ts';

type MrzError = { field: string; code: string; message: string };
type MrzSuggestion = { field: string; read: string; suggested: string };
type ParsedMrz = { format: string | null; errors: MrzError[]; suggestions: MrzSuggestion[] };

/** "dateOfBirth.checkDigit" → "dateOfBirth"; "lines[1]" → "line" (with its number). */
function fieldLabel(t: TFunction, field: string): string {
  const line = /^lines\[(\d+)\]$/.exec(field);
  if (line) return t('mrz.field.line', { n: Number(line[1]) + 1 });
  return t(`mrz.field.${field.split('.')[0]}`, { defaultValue: field });
}

export function BoothProblem({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const mrz = error.problem.mrz as ParsedMrz | undefined;
  if ((error.code === 'INVALID_MRZ' || error.code === 'UNREADABLE_MRZ') && mrz) {
    return (
      <div className="note error mrz-problem" role="alert">
        <strong>{error.code === 'INVALID_MRZ' ? t('booth.problem.INVALID_MRZ', { format: mrz.format }) : t('booth.problem.UNREADABLE_MRZ')}</strong>
        {mrz.format && mrz.errors.length > 0 && (
          <ul className="mrz-problems">
            {mrz.errors.map((e, i) => <li key={i}><b>{fieldLabel(t, e.field)}</b>: {t(`mrz.code.${e.code}`, { defaultValue: e.message })}</li>)}
          </ul>
        )}
        {mrz.suggestions.length > 0 && (
          <ul className="mrz-suggestions">
            {mrz.suggestions.map((s, i) => <li key={i}>{t('mrz.suggestion', { field: fieldLabel(t, s.field), read: s.read, suggested: s.suggested })}</li>)}
          </ul>
        )}
        <p>{t('booth.problem.rescan')}</p>
      </div>
    );
  }
  return (
    <div className="note error" role="alert">
      {problemText(t, error)}
      {error.status === 400 && error.errors.length > 0 && <ul>{error.errors.map((e, i) => <li key={i}><code>{e.path.replace(/^body\./, '')}</code> {fieldProblemText(t, e)}</li>)}</ul>}
    </div>
  );
}

/** A refusal of the law or a conflict at the booth in the officer's language, with what the problem names; the server's English otherwise. */
export function problemText(t: TFunction, error: ApiError): string {
  return (error.status === 409 || error.status === 422 ? refusalText(t, error) : '') || error.message;
}
