import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import type { ForceReport, ForceSummary, List } from '../types.ts';
import { Field, FormError } from '../ui.tsx';
import { formatTime } from '../dates.ts';
import { fieldProblemText } from '../problems.ts';

const MEANS = ['weapon', 'military_equipment', 'special_means', 'service_animal', 'physical_force', 'improvised_means'] as const;
const GROUNDS = ['73.1.1', '73.1.2', '73.1.3', '73.1.4', '73.1.5', '73.1.6', '73.1.7', '73.1.8', '73.1.9', 'alarm', '74.2.1', '74.2.2', '74.2.3', '74.2.4', '74.2.5', '74.2.6', '75.2.1', '75.2.2', '75.2.3', '72.3'];
const PROHIBITIONS = ['women', 'obviousDisability', 'minors', 'vehicleWithPassengers', 'unintentionalCrosser', 'animals'] as const;
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The use-of-force report (Law Art. 72-75): the form asks every prohibition; the prosecutor's clock starts when it is saved. */
export function ForceForm() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ servicemen: '', usedAt: local(new Date()), place: '', inBorderSpace: true, ground: '73.1.3', warning: 'verbal', noWarningCase: '', exceptionGround: '', aid: '', outcome: '' });
  const [means, setMeans] = useState<string[]>([]);
  const [answers, setAnswers] = useState<Record<string, boolean | null>>(Object.fromEntries(PROHIBITIONS.map((p) => [p, null])));
  const [report, setReport] = useState<ForceReport | null>(null);
  const [notice, setNotice] = useState({ at: local(new Date()), text: '' });
  const save = useMutation({
    mutationFn: () => api<ForceReport>('POST', '/api/v1/use-of-force', {
      servicemen: form.servicemen, usedAt: new Date(form.usedAt).toISOString(), place: { description: form.place, inBorderSpace: form.inBorderSpace }, means, ground: form.ground, warning: form.warning,
      ...(form.noWarningCase && { noWarningCase: form.noWarningCase }), ...(form.exceptionGround && { exceptionGround: form.exceptionGround }), ...(form.aid && { aid: form.aid }), outcome: form.outcome,
      prohibitions: answers,
    }),
    onSuccess: setReport,
  });
  const notify = useMutation({ mutationFn: () => api<ForceReport>('POST', `/api/v1/use-of-force/${report!.id}/prosecutor-notice`, { notifiedAt: new Date(notice.at).toISOString(), notice: notice.text }), onSuccess: setReport });
  const err = save.error instanceof ApiError ? save.error : null;
  const unanswered = PROHIBITIONS.filter((p) => answers[p] === null);
  function submit(e: FormEvent) { e.preventDefault(); save.mutate(); }
  if (report) {
    return (
      <article className="panel" aria-label={t('force.report')}>
        <h2>{t('force.report')} · {formatTime(report.usedAt, i18n.language)}</h2>
        <p>{report.groundBasis}</p>
        {report.findings.length > 0 && <div className="note error" role="alert"><strong>{t('force.findings')}</strong><ul>{report.findings.map((f) => <li key={f}>{t(`force.finding.${f}`)}</li>)}</ul></div>}
        <ul className="timeline">{report.clocks.map((c) => <li key={c.kind}><strong>{t(`obligation.${c.kind}`)}</strong> · {t('cases.dueBy')} {formatTime(c.dueAt, i18n.language)} · {t(`obligation.state.${c.state}`)}{c.outcome && ` · ${t(`sez.outcome.${c.outcome}`)}`}</li>)}</ul>
        {!report.prosecutorNotifiedAt && (
          <div className="row">
            <Field label={t('force.notifiedAt')}><input type="datetime-local" value={notice.at} onChange={(e) => setNotice({ ...notice, at: e.target.value })} /></Field>
            <Field label={t('force.notice')}><input value={notice.text} onChange={(e) => setNotice({ ...notice, text: e.target.value })} /></Field>
            <button type="button" className="primary" disabled={!notice.text.trim()} onClick={() => notify.mutate()}>{t('force.recordNotice')}</button>
          </div>
        )}
        <FormError error={notify.error} />
        <button type="button" onClick={() => { setReport(null); save.reset(); }}>{t('force.new')}</button>
      </article>
    );
  }
  return (
    <form className="panel" onSubmit={submit} aria-label={t('force.report')}>
      <h2>{t('force.report')}</h2>
      <div className="row">
        <Field label={t('force.servicemen')} error={err?.fieldError('servicemen')}><input value={form.servicemen} onChange={(e) => setForm({ ...form, servicemen: e.target.value })} /></Field>
        <Field label={t('force.usedAt')} error={err?.fieldError('usedAt')}><input type="datetime-local" value={form.usedAt} onChange={(e) => setForm({ ...form, usedAt: e.target.value })} /></Field>
        <Field label={t('force.place')} error={err?.fieldError('place.description')}><input value={form.place} onChange={(e) => setForm({ ...form, place: e.target.value })} /></Field>
      </div>
      <fieldset className="scope"><legend>{t('force.means')}</legend>
        {MEANS.map((m) => <label key={m} className="check"><input type="checkbox" checked={means.includes(m)} onChange={() => setMeans(means.includes(m) ? means.filter((x) => x !== m) : [...means, m])} /> {t(`force.means.${m}`)}</label>)}
        {err?.errors.filter((e) => e.path.replace(/^body\./, '').startsWith('means')).map((e) => <small key={e.path} className="field-error">{fieldProblemText(t, e)}</small>)}
      </fieldset>
      <div className="row">
        <Field label={t('force.ground')} error={err?.fieldError('ground')}><select value={form.ground} onChange={(e) => setForm({ ...form, ground: e.target.value })}>{GROUNDS.map((g) => <option key={g} value={g}>{t(`force.ground.${g.replaceAll('.', '_')}`)}</option>)}</select></Field>
        <Field label={t('force.warning')}><select value={form.warning} onChange={(e) => setForm({ ...form, warning: e.target.value })}>{['verbal', 'warning_shot', 'none'].map((w) => <option key={w} value={w}>{t(`force.warning.${w}`)}</option>)}</select></Field>
        {form.warning === 'none' && <Field label={t('force.noWarningCase')} error={err?.fieldError('noWarningCase')}><select value={form.noWarningCase} onChange={(e) => setForm({ ...form, noWarningCase: e.target.value })}><option value="" />{['armed_attack', 'armed_resistance', 'sudden_attack', 'escape_with_weapon'].map((c) => <option key={c} value={c}>{t(`force.noWarning.${c}`)}</option>)}</select></Field>}
      </div>
      <fieldset className="scope"><legend>{t('force.prohibitions')}</legend>
        {PROHIBITIONS.map((p) => (
          <div key={p} className="row" role="radiogroup" aria-label={t(`force.q.${p}`)}>
            <span>{t(`force.q.${p}`)}</span>
            <label className="check"><input type="radio" name={p} checked={answers[p] === true} onChange={() => setAnswers({ ...answers, [p]: true })} /> {t('force.yes')}</label>
            <label className="check"><input type="radio" name={p} checked={answers[p] === false} onChange={() => setAnswers({ ...answers, [p]: false })} /> {t('force.no')}</label>
          </div>
        ))}
      </fieldset>
      {(answers.women || answers.obviousDisability || answers.minors || answers.vehicleWithPassengers) && (
        <Field label={t('force.exceptionGround')}><select value={form.exceptionGround} onChange={(e) => setForm({ ...form, exceptionGround: e.target.value })}><option value="" />{['threat_to_life', 'armed_or_group_attack', 'armed_resistance', 'hostage_taking', 'seizure_of_objects', 'national_security_threat'].map((g) => <option key={g} value={g}>{t(`force.exception.${g}`)}</option>)}</select></Field>
      )}
      <Field label={t('force.aid')}><input value={form.aid} onChange={(e) => setForm({ ...form, aid: e.target.value })} /></Field>
      <Field label={t('force.outcome')} error={err?.fieldError('outcome')}><input value={form.outcome} onChange={(e) => setForm({ ...form, outcome: e.target.value })} /></Field>
      <FormError error={save.error} />
      <button className="primary" type="submit" disabled={save.isPending || unanswered.length > 0 || means.length === 0}>{t('force.save')}</button>
      {unanswered.length > 0 && <span className="muted small"> {t('force.answerAll')}</span>}
    </form>
  );
}

/** The unit's reports with the prosecutor clock: what is still to be notified shows first by its state. */
export function ForceList() {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: ['cases', 'force'], queryFn: () => get<List<ForceSummary>>('/api/v1/use-of-force') });
  if (!list.data?.items.length) return null;
  return (
    <section className="panel" aria-label={t('force.list')}>
      <h2>{t('force.list')}</h2>
      <table className="data"><tbody>{list.data.items.map((r) => (
        <tr key={r.id}>
          <td>{formatTime(r.usedAt, i18n.language)}</td><td>{r.servicemen}</td><td>{t(`force.ground.${r.ground.replaceAll('.', '_')}`)}</td>
          <td>{r.prosecutorClock && <>{t(`obligation.state.${r.prosecutorClock.state}`)}{r.prosecutorClock.outcome && ` · ${t(`sez.outcome.${r.prosecutorClock.outcome}`)}`}</>}</td>
          <td><a href={`/api/v1/use-of-force/${r.id}/report.pdf?lang=${i18n.language === 'kk' ? 'kk' : 'ru'}`} target="_blank" rel="noreferrer">{t('cases.print')}</a></td>
        </tr>
      ))}</tbody></table>
    </section>
  );
}
