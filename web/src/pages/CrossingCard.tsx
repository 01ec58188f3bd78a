// A traveller at control as the checks saw them: the person and document, every check, the hits with
// what to do, and the decision the checks point to. The booth console shows it as control goes; the
// crossings journal shows it again for a record opened later.
import { useTranslation } from 'react-i18next';
import type { Crossing } from '../types.ts';

export function CrossingCard({ crossing, heading = 'h2' }: { crossing: Crossing; heading?: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const p = crossing.person;
  const Heading = heading;
  return (
    <section className="panel result" aria-label={t('booth.traveller')}>
      <Heading>{p.surname} {p.givenNames}</Heading>
      <div className="small">
        {p.dateOfBirth ?? '—'} · {p.sex ?? '—'} · {p.nationality ?? '—'} · {t(`booth.cat.${crossing.travellerCategory}`)} · {crossing.document.code} {crossing.document.number} ({crossing.document.issuingState}) · {t('booth.expires')} {crossing.document.expiry ?? '—'}
      </div>
      {(crossing.vehicleRole || crossing.vehicle || crossing.purpose) && (
        <div className="small travel">
          {crossing.vehicleRole && t(`booth.roleOf.${crossing.vehicleRole}`)}
          {crossing.vehicle && ` · ${crossing.vehicle.plate}${crossing.vehicle.country ? ` (${crossing.vehicle.country})` : ''}`}
          {crossing.purpose && `${crossing.vehicleRole || crossing.vehicle ? ' · ' : ''}${t('crossings.field.purpose')}: ${t(`crossings.purpose.${crossing.purpose}`)}`}
        </div>
      )}
      <ul className="plain checks">
        {crossing.checks.map((c) => <li key={c.code} className={`check c-${c.result}`}><span className="mark">{c.result === 'pass' ? '✓' : c.result === 'warn' ? '!' : '✗'}</span> <strong>{t(`booth.check.${c.code}`)}</strong> <span className="muted" title={c.detail}>{t(`booth.detail.${c.code}.${c.result}`, { value: c.value, defaultValue: c.detail })}</span></li>)}
      </ul>
      {crossing.hits.length > 0 && (
        <ul className="plain hits">
          {crossing.hits.map((h) => <li key={h.entryId} className={`hit kind-${h.kind}`}><strong>{h.matchedName}</strong> <span className="badge">{h.list}</span> {t(`screening.kind.${h.kind}`)} · {t(`screening.actionCode.${h.action}`)} · {Math.round(h.score * 100)}%{h.contact && ` · ${h.contact}`}</li>)}
        </ul>
      )}
      <p className="suggested">{t('booth.suggested')}: <strong>{t(`booth.decision.${crossing.suggested.decision}`)}</strong>{crossing.suggested.reasons.length > 0 && ` (${crossing.suggested.reasons.join(', ')})`}</p>
    </section>
  );
}
