// A problem from the server in the user's language. The server names every rule a bad field breaks
// (`errors[].code` with its `params`) and every refusal of a step (`code` with extension members such
// as the record's state); its English `detail` and `message` are the fallback where no words exist.
import type { TFunction } from 'i18next';
import type { ApiError, FieldProblem } from './api.ts';
import { formatDate } from './dates.ts';
import i18next from './i18n.ts';

type Names = { kk: string; ru: string; en: string };
const isNames = (v: unknown): v is Names => typeof v === 'object' && v !== null && 'en' in v && 'ru' in v && 'kk' in v;

/** A record's state named in a problem ("signed", "closed"…), in words that go inside a sentence. */
export function stateText(t: TFunction, state: string): string {
  return t(`problem.state.${state}`, { defaultValue: state.replace(/_/g, ' ') });
}

/** "body.officers.2.weaponNo" → "Weapon number (no. 3)"; the path itself where the field has no label (a rule pack's JSON). */
export function fieldLabel(t: TFunction, path: string): string {
  const bare = path.replace(/^(body|querystring|params|headers)(\.|$)/, '');
  const parts = bare.split('.').filter(Boolean);
  if (parts.length === 0) return t('problem.path.request');
  const name = [...parts].reverse().find((p) => !/^\d+$/.test(p));
  const index = [...parts].reverse().find((p) => /^\d+$/.test(p));
  const label = name === undefined ? '' : t(`problem.path.${name}`, { defaultValue: '' });
  if (!label) return bare;
  return index === undefined ? label : t('problem.path.item', { label, n: Number(index) + 1 });
}

// the members every problem has: not values of its words
const STANDARD = new Set(['type', 'title', 'status', 'detail', 'code', 'instance', 'correlationId', 'errors', 'mrz']);

/** The values a rule's words need, worded themselves: names in the reader's language, lists joined, other fields by their labels, states in words. */
function wordValues(t: TFunction, values: Record<string, unknown>, skip = STANDARD): Record<string, unknown> {
  const lang = i18next.language;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (skip.has(key)) continue;
    if (isNames(value)) out[key] = value[lang as keyof Names] ?? value.en;
    else if (key === 'other') out[key] = fieldLabel(t, String(value));
    else if (key === 'state' || key === 'status') out[key] = stateText(t, String(value));
    else if (key === 'after' && Array.isArray(value)) out[key] = value.map((v) => stateText(t, String(v))).join(t('problem.or'));
    else if (key === 'action') out[key] = t(`problem.action.${String(value)}`, { defaultValue: String(value) });
    else if (key === 'checks' && Array.isArray(value)) out[key] = value.map((v) => t(`booth.check.${String(v)}`, { defaultValue: String(v) })).join(', ');
    else if (key === 'purpose') out[key] = t(`crossings.purpose.${String(value)}`, { defaultValue: String(value) });
    else if (key === 'until' && typeof value === 'string') out[key] = formatDate(value, lang);
    else if (Array.isArray(value)) out[key] = value.join(', ');
    else out[key] = value;
  }
  return out;
}

/** A bad field's rule in the user's language (`problem.field.CODE`, an MRZ check by `mrz.code.*`), else the server's words. */
export function fieldProblemText(t: TFunction, problem: FieldProblem): string {
  if (!problem.code) return problem.message;
  if (problem.code.startsWith('MRZ_')) return t(`mrz.code.${problem.code.slice(4)}`, { defaultValue: problem.message });
  const format = problem.params?.format;
  if (problem.code === 'INVALID_FORMAT' && typeof format === 'string') return t(`problem.format.${format}`, { defaultValue: t('problem.field.INVALID_FORMAT') });
  return t(`problem.field.${problem.code}`, { ...wordValues(t, problem.params ?? {}, new Set()), defaultValue: problem.message });
}

/** "Field: what is wrong" for each bad field, in the user's language. */
export function fieldProblems(t: TFunction, errors: FieldProblem[]): string[] {
  return errors.map((e) => `${fieldLabel(t, e.path)}: ${fieldProblemText(t, e)}`);
}

/** Why a step was refused (409, 422, 403, 423…) in the user's language, or '' when there are no words for its code. */
export function refusalText(t: TFunction, error: ApiError): string {
  const p = error.problem;
  const values = {
    ...wordValues(t, p),
    // at the booth: the modes a checkpoint serves, the state of a crossing
    ...(Array.isArray(p.transportModes) ? { modes: (p.transportModes as string[]).map((m) => t(`booth.mode.${m}`)).join(', ') } : {}),
    ...(typeof p.crossingStatus === 'string' ? { status: t(`crossing.status.${p.crossingStatus}`) } : {}),
  };
  return t(`problem.${error.code}`, { ...values, defaultValue: '' }) || t(`booth.problem.${error.code}`, { ...values, defaultValue: '' });
}

/** The whole problem in the user's language: the refusal's words, else each bad field, else the server's English. */
export function problemMessage(t: TFunction, error: ApiError): string {
  const refusal = refusalText(t, error);
  if (refusal) return refusal;
  if (error.errors.length && (error.status === 400 || error.status === 409 || error.status === 422)) return `${t(error.status === 400 ? 'error.validation' : 'error.refused')} ${fieldProblems(t, error.errors).join('; ')}`;
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  return error.message;
}
