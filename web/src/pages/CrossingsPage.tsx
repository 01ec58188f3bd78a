// The crossings journal: find a crossing by a surname's beginning or the document number, at a
// checkpoint, in a direction, in a status, in a period; open it to see the checks, the hits and the
// decision as recorded, its history (each version: who, when, why and what changed) and, for those who
// record crossings, correct it. A correction never overwrites: it is a new version with its reason, and
// a corrected identity is screened again.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useParams, useSearchParams } from 'wouter';
import { api, ApiError, get } from '../api.ts';
import { formatTime } from '../dates.ts';
import { pick } from '../i18n.ts';
import { stateText } from '../problems.ts';
import { useSession } from '../session.tsx';
import type { Checkpoint, Crossing, CrossingPage, CrossingVersion, List } from '../types.ts';
import { ErrorNote, Field, FormError, Loading } from '../ui.tsx';
import { CrossingCard } from './CrossingCard.tsx';
import { DecisionForm, type Reason } from './DecisionForm.tsx';
import { CATEGORIES, PURPOSES } from './station.ts';

const STATUSES = ['in_control', 'secondary', 'decided', 'completed', 'voided'];
const FILTERS = ['q', 'checkpointId', 'status', 'direction', 'from', 'to'] as const;
// a page of the journal: the newest this many, then older ones a page at a time
const PAGE = 100;

/** A day typed in the form (YYYY-MM-DD) as the instant it begins in the user's browser; `to` takes in the whole day. */
const dayBound = (day: string, end: boolean) => {
  const start = new Date(`${day}T00:00:00`);
  if (end) start.setDate(start.getDate() + 1);
  return start.toISOString();
};

export function CrossingsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  // the filters live in the address: back from a crossing, the same list
  const [draft, setDraft] = useState(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>);
  const checkpoints = useQuery({ queryKey: ['checkpoints', ''], queryFn: () => get<List<Checkpoint>>('/api/v1/checkpoints') });
  const query = new URLSearchParams({ limit: String(PAGE) });
  for (const f of FILTERS) {
    const value = params.get(f);
    if (value) query.set(f, f === 'from' || f === 'to' ? dayBound(value, f === 'to') : value);
  }
  // the page is in the address too: back from a crossing of the third page, the third page
  const cursor = params.get('cursor');
  if (cursor) query.set('cursor', cursor);
  const list = useQuery({ queryKey: ['crossings', query.toString()], queryFn: () => get<CrossingPage>(`/api/v1/crossings?${query}`) });
  const filters = () => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? '']).filter(([, v]) => v));
  const checkpointCode = new Map((checkpoints.data?.items ?? []).map((c) => [c.id, c.code]));
  const search = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)));
  };
  const bad = list.error instanceof ApiError ? list.error : null;
  return (
    <div className="page">
      <h1>{t('crossings.title')}</h1>
      <form className="filters journal-filters" role="search" aria-label={t('crossings.title')} onSubmit={search}>
        <Field label={t('crossings.search')} error={bad?.fieldError('querystring.q')}>
          <input type="search" name="q" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} placeholder="NURLANOV · N12345678" autoFocus />
        </Field>
        <Field label={t('booth.checkpoint')}>
          <select name="checkpointId" value={draft.checkpointId} onChange={(e) => setDraft({ ...draft, checkpointId: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {checkpoints.data?.items.map((c) => <option key={c.id} value={c.id}>{pick(c.names, i18n.language)}</option>)}
          </select>
        </Field>
        <Field label={t('booth.direction')}>
          <select name="direction" value={draft.direction} onChange={(e) => setDraft({ ...draft, direction: e.target.value })}>
            <option value="">{t('common.all')}</option>
            <option value="entry">{t('booth.dir.entry')}</option>
            <option value="exit">{t('booth.dir.exit')}</option>
          </select>
        </Field>
        <Field label={t('problem.path.status')}>
          <select name="status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{stateText(t, s)}</option>)}
          </select>
        </Field>
        <Field label={t('crossings.from')}><input type="date" name="from" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></Field>
        <Field label={t('crossings.to')}><input type="date" name="to" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></Field>
        <button type="submit" className="primary">{t('common.search')}</button>
      </form>
      <ErrorNote error={bad?.status === 400 ? null : list.error} />
      {list.isLoading && <Loading />}
      {list.data?.items.length === 0 && <p className="muted">{t('crossings.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="data crossings">
          <thead><tr><th>{t('crossings.arrived')}</th><th>{t('booth.checkpoint')}</th><th>{t('booth.direction')}</th><th>{t('booth.traveller')}</th><th>{t('crossings.document')}</th><th>{t('crossings.outcome')}</th></tr></thead>
          <tbody>{list.data.items.map((c) => (
            <tr key={c.id}>
              <td><Link href={`/crossings/${c.id}`}>{formatTime(c.arrivedAt, i18n.language)}</Link></td>
              <td>{checkpointCode.get(c.checkpointId) ?? '—'}</td>
              <td>{t(`booth.dir.${c.direction}`)}</td>
              <td><Link href={`/crossings/${c.id}`}>{c.person.surname} {c.person.givenNames}</Link>{c.person.nationality && <span className="muted"> · {c.person.nationality}</span>}</td>
              <td>{c.document.code} {c.document.number} <span className="muted">({c.document.issuingState})</span></td>
              <td>{outcome(t, c)}{c.hits.length > 0 && <span className="badge hit-count"> {t('crossings.hits', { count: c.hits.length })}</span>}{c.version > 1 && <span className="muted small"> · v{c.version}</span>}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {(cursor || list.data?.nextCursor) && (
        <nav className="pager" aria-label={t('crossings.pages')}>
          {cursor && <button type="button" onClick={() => setParams(filters())}>← {t('crossings.newestPage')}</button>}
          {list.data?.nextCursor && <button type="button" className="older" onClick={() => setParams({ ...filters(), cursor: list.data.nextCursor! })}>{t('crossings.older', { count: PAGE })} →</button>}
        </nav>
      )}
    </div>
  );
}

/** "Decided: Pass", "At control", "Completed: Refuse". */
function outcome(t: TFunction, c: Crossing) {
  const state = stateText(t, c.status);
  const said = c.decision ? `${state}: ${t(`booth.decision.${c.decision}`)}` : state;
  return said.charAt(0).toLocaleUpperCase() + said.slice(1);
}

export function CrossingDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const { can } = useSession();
  const crossing = useQuery({ queryKey: ['crossing', id], queryFn: () => get<Crossing>(`/api/v1/crossings/${id}`) });
  const versions = useQuery({ queryKey: ['crossing-versions', id], queryFn: () => get<List<CrossingVersion>>(`/api/v1/crossings/${id}/versions`) });
  const c = crossing.data;
  return (
    <div className="page">
      <p><Link href="/crossings">← {t('crossings.title')}</Link></p>
      <ErrorNote error={crossing.error} />
      {crossing.isLoading && <Loading />}
      {c && (
        <>
          <h1>{c.person.surname} {c.person.givenNames} <span className="muted small">{t(`booth.dir.${c.direction}`)} · {formatTime(c.arrivedAt, i18n.language)}</span></h1>
          <CrossingCard crossing={c} heading="h3" />
          <section className="panel" aria-label={t('crossings.decision')}>
            <h2>{t('crossings.decision')}</h2>
            <p><strong>{outcome(t, c)}</strong>{c.decidedAt && ` · ${formatTime(c.decidedAt, i18n.language)}`}{c.leftAt && ` · ${t('crossings.leftAt', { time: formatTime(c.leftAt, i18n.language) })}`}</p>
            {c.reasons.length > 0 && <p>{t('booth.reasons')}: {c.reasons.join(', ')}</p>}
            {c.decisionNote && <p>{t('booth.note')}: {c.decisionNote}</p>}
            {c.returnToCountry && <p>{t('booth.returnTo')}: {c.returnToCountry}</p>}
            {c.decision === 'refuse' && (
              <p className="notice-links">{t('booth.notice')}: {(['kk', 'ru', 'en'] as const).map((l) => <a key={l} href={`/api/v1/crossings/${c.id}/refusal-notice?lang=${l}`} target="_blank" rel="noreferrer">{l.toUpperCase()}</a>)}</p>
            )}
          </section>
          <section className="panel" aria-label={t('crossings.history')}>
            <h2>{t('crossings.history')}</h2>
            <ErrorNote error={versions.error} />
            <ol className="timeline history">{versions.data?.items.slice().reverse().map((v) => (
              <li key={v.version}>
                <strong>v{v.version} · {changeText(t, v.change)}</strong> · {formatTime(v.changedAt, i18n.language)}{v.changedByName && ` · ${v.changedByName}`}
                {v.reason && <div className="small">{t('crossings.why')}: {v.reason}</div>}
                {v.changes.length > 0 && (
                  <table className="changes small"><tbody>{v.changes.map((f) => (
                    <tr key={f.field}><th>{t(`crossings.field.${f.field}`, { defaultValue: f.field })}</th><td><del>{valueText(t, i18n.language, f.field, f.from)}</del></td><td>→</td><td><ins>{valueText(t, i18n.language, f.field, f.to)}</ins></td></tr>
                  ))}</tbody></table>
                )}
              </li>
            ))}</ol>
          </section>
          {can('crossing.record') && (c.status === 'in_control' || c.status === 'secondary') && <DecisionPanel crossing={c} />}
          {can('crossing.record') && c.status !== 'voided' && <CorrectionForm crossing={c} />}
        </>
      )}
    </div>
  );
}

/** A crossing changed from its record: the record as answered, its history and the journal's lists read again. */
function changedHere(queryClient: QueryClient, next: Crossing) {
  queryClient.setQueryData(['crossing', next.id], next);
  void queryClient.invalidateQueries({ queryKey: ['crossing-versions', next.id] });
  void queryClient.invalidateQueries({ queryKey: ['crossings'] });
}

/** "Registered at control", "Decided: Refuse", "Secondary inspection closed: Pass", "Corrected". */
function changeText(t: TFunction, change: string) {
  const [, kind, decision] = /^(decided|secondary)_(.+)$/.exec(change) ?? [];
  if (kind && decision) return t(`crossings.change.${kind}`, { decision: t(`booth.decision.${decision}`) });
  return t(`crossings.change.${change}`, { defaultValue: change });
}

/** A field's value in a version, in words where the value is a code. */
function valueText(t: TFunction, lang: string, field: string, value: string | null) {
  if (value === null) return '—';
  if (field === 'status') return stateText(t, value);
  if (field === 'decision') return t(`booth.decision.${value}`, { defaultValue: value });
  if (field === 'travellerCategory') return t(`booth.cat.${value}`, { defaultValue: value });
  if (field === 'purpose') return t(`crossings.purpose.${value}`, { defaultValue: value });
  if (field.endsWith('At')) return formatTime(value, lang);
  return value;
}

/**
 * A decision on a crossing opened here rather than at the booth: the outcome of a secondary inspection
 * (its findings required), or a decision on a traveller left at control when the booth's screen went.
 */
function DecisionPanel({ crossing }: { crossing: Crossing }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reasons = useQuery({ queryKey: ['refusal-reasons'], queryFn: () => get<{ reasons: Reason[] }>('/api/v1/refusal-reasons') });
  const checkpoints = useQuery({ queryKey: ['checkpoints', ''], queryFn: () => get<List<Checkpoint>>('/api/v1/checkpoints') });
  const [pending, setPending] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Crossing>('POST', `/api/v1/crossings/${crossing.id}/decision`, body),
    onSuccess: (next) => {
      changedHere(queryClient, next);
      setPending(null);
    },
  });
  const secondary = crossing.status === 'secondary';
  const choices = secondary ? ['pass', 'refuse', 'seize_document', 'detain', 'handed_to_police'] : ['pass', 'refuse', 'secondary', 'detain', 'seize_document', 'hold_identification'];
  const neighbour = checkpoints.data?.items.find((cp) => cp.id === crossing.checkpointId)?.neighbourCountry ?? null;
  return (
    <section className="panel decide-panel" aria-label={t(secondary ? 'crossings.outcomeOfSecondary' : 'booth.decide')}>
      <h2>{t(secondary ? 'crossings.outcomeOfSecondary' : 'booth.decide')}</h2>
      {secondary && crossing.decisionNote && <p className="small">{t('crossings.referredFor')}: {crossing.decisionNote}</p>}
      {!pending && (
        <div className="row">
          {choices.map((d) => <button key={d} type="button" className={`decision d-${d}${crossing.suggested.decision === d ? ' suggested' : ''}`} onClick={() => (d === 'pass' && !secondary ? decide.mutate({ decision: 'pass' }) : setPending(d))} disabled={decide.isPending}>{t(`booth.decision.${d}`)}</button>)}
        </div>
      )}
      {pending && <DecisionForm crossing={crossing} decision={pending} arrivedFrom={neighbour} reasons={reasons.data?.reasons ?? []} onCancel={() => setPending(null)} onSubmit={(body) => decide.mutate({ decision: pending, ...body })} error={decide.error} busy={decide.isPending} />}
      {!pending && <ErrorNote error={decide.error} />}
    </section>
  );
}

type Correction = { surname: string; givenNames: string; dateOfBirth: string; sex: string; nationality: string; travellerCategory: string; purpose: string };

function CorrectionForm({ crossing }: { crossing: Crossing }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const p = crossing.person;
  const initial: Correction = { surname: p.surname ?? '', givenNames: p.givenNames ?? '', dateOfBirth: p.dateOfBirth ?? '', sex: p.sex ?? '', nationality: p.nationality ?? '', travellerCategory: crossing.travellerCategory, purpose: crossing.purpose ?? '' };
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState('');
  // the hits before the correction: a corrected identity screened again may bring one the first reading missed
  const [hitsBefore, setHitsBefore] = useState(crossing.hits.length);
  const correct = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Crossing>('POST', `/api/v1/crossings/${crossing.id}/corrections`, body),
    onSuccess: (next) => {
      changedHere(queryClient, next);
      setReason('');
    },
  });
  const changed = (k: keyof Correction) => form[k].trim() !== initial[k];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setHitsBefore(crossing.hits.length);
    // only what was changed goes: a correction names the fields it corrects
    const person = Object.fromEntries((['surname', 'givenNames', 'dateOfBirth', 'sex', 'nationality'] as const).filter(changed).map((k) => [k, k === 'nationality' ? form[k].trim().toUpperCase() : form[k].trim()]));
    correct.mutate({
      reason,
      ...(Object.keys(person).length && { person }),
      ...(changed('travellerCategory') && { travellerCategory: form.travellerCategory }),
      ...(changed('purpose') && form.purpose && { purpose: form.purpose }),
    });
  };
  const err = correct.error instanceof ApiError ? correct.error : null;
  const set = (k: keyof Correction) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <form className="panel" aria-label={t('crossings.correct')} onSubmit={submit}>
      <h2>{t('crossings.correct')}</h2>
      <p className="muted small">{t('crossings.correctHint')}</p>
      <div className="row">
        <Field label={t('problem.path.surname')} error={err?.fieldError('person.surname')}><input name="surname" value={form.surname} onChange={set('surname')} /></Field>
        <Field label={t('problem.path.givenNames')} error={err?.fieldError('person.givenNames')}><input name="givenNames" value={form.givenNames} onChange={set('givenNames')} /></Field>
        <Field label={t('problem.path.dateOfBirth')} error={err?.fieldError('person.dateOfBirth')}><input name="dateOfBirth" value={form.dateOfBirth} onChange={set('dateOfBirth')} placeholder="YYYY-MM-DD" /></Field>
      </div>
      <div className="row">
        <Field label={t('problem.path.sex')} error={err?.fieldError('person.sex')}>
          <select name="sex" value={form.sex} onChange={set('sex')}><option value="">—</option>{['M', 'F', 'X'].map((s) => <option key={s} value={s}>{t(`crossings.sex.${s}`)}</option>)}</select>
        </Field>
        <Field label={t('problem.path.nationality')} error={err?.fieldError('person.nationality')}><input name="nationality" value={form.nationality} onChange={set('nationality')} maxLength={3} /></Field>
        <Field label={t('booth.category')} error={err?.fieldError('travellerCategory')}>
          <select name="travellerCategory" value={form.travellerCategory} onChange={set('travellerCategory')}>{CATEGORIES.map((c) => <option key={c} value={c}>{t(`booth.cat.${c}`)}</option>)}</select>
        </Field>
        <Field label={t('crossings.field.purpose')} error={err?.fieldError('purpose')}>
          <select name="purpose" value={form.purpose} onChange={set('purpose')}><option value="">—</option>{PURPOSES.map((c) => <option key={c} value={c}>{t(`crossings.purpose.${c}`)}</option>)}</select>
        </Field>
      </div>
      <Field label={t('crossings.correctReason')} error={err?.fieldError('reason')}>
        <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
      </Field>
      <FormError error={correct.error} />
      {correct.isSuccess && !correct.isPending && <div className="note" role="status">{t('crossings.corrected', { n: correct.data.version })}{correct.data.hits.length > hitsBefore && <strong> {t('crossings.newHit')}</strong>}</div>}
      <button type="submit" className="primary" disabled={correct.isPending}>{t('crossings.correctSubmit')}</button>
    </form>
  );
}
