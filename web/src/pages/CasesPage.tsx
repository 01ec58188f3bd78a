import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../api.ts';
import { pick } from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { Agency, CaseStats, CustodyBoard, CustodyChain, Detention, Handover, List, Unit } from '../types.ts';
import { ErrorNote, Field, FormError, Loading } from '../ui.tsx';
import { formatTime } from '../dates.ts';
import { ForceForm, ForceList } from './ForceForm.tsx';
import { DetentionForm } from './DetentionForm.tsx';
import { IncidentsPanel } from './IncidentsPanel.tsx';
import { Notices } from './Notices.tsx';


/** Cases at the border: the unit's custody board (who and what it holds, acts to accept, measures owed), detentions and
 * their hand-over with the chain of custody, and use-of-force reports on their clocks. */
export function CasesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [tab, setTab] = useState<'board' | 'detain' | 'force' | 'incidents' | 'stats'>('board');
  const [open, setOpen] = useState<{ kind: 'act' | 'detention' | 'chain'; id: string } | null>(null);
  return (
    <div className="page">
      <h1>{t('cases.title')}</h1>
      <Notices match={(n) => ['handover_act', 'border_incident', 'use_of_force_report'].includes(n.subjectType) || /^(case|force)\./.test(String(n.payload.obligationKind ?? ''))} />
      <div className="lang-switch tabs" role="tablist">
        {(['board', ...(can('case.record') ? ['detain'] as const : []), ...(can('force.report') ? ['force'] as const : []), 'incidents', 'stats'] as const).map((k) => <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>{t(`cases.tab.${k}`)}</button>)}
      </div>
      {tab === 'board' && <Board onOpen={setOpen} />}
      {tab === 'force' && <><ForceList /><ForceForm /></>}
      {tab === 'incidents' && <IncidentsPanel />}
      {tab === 'detain' && <DetentionForm onSaved={(id) => { setTab('board'); setOpen({ kind: 'detention', id }); }} />}
      {tab === 'stats' && <Statistics />}
      {open?.kind === 'act' && <ActView id={open.id} onChain={(id) => setOpen({ kind: 'chain', id })} />}
      {open?.kind === 'detention' && <DetentionView id={open.id} onAct={(id) => setOpen({ kind: 'act', id })} />}
      {open?.kind === 'chain' && <ChainView id={open.id} />}
    </div>
  );
}

function Board({ onOpen }: { onOpen: (o: { kind: 'act' | 'detention' | 'chain'; id: string }) => void }) {
  const { t, i18n } = useTranslation();
  const board = useQuery({ queryKey: ['cases', 'board'], queryFn: () => get<CustodyBoard>('/api/v1/custody-board'), refetchInterval: 30_000 });
  if (board.isLoading) return <Loading />;
  if (!board.data) return <ErrorNote error={board.error} />;
  const b = board.data;
  return (
    <section aria-label={t('cases.tab.board')}>
      <p className="muted">{pick(b.unit.names, i18n.language)}</p>
      <h2>{t('cases.incoming')}</h2>
      {b.incoming.length === 0 && <p className="muted">{t('cases.none')}</p>}
      <ul className="timeline">{b.incoming.map((a) => <li key={a.id}><strong>{a.number}</strong> · {pick(a.from.names, i18n.language)} · {formatTime(a.handedAt, i18n.language)} · {a.basis} <button type="button" className="link" onClick={() => onOpen({ kind: 'act', id: a.id })}>{t('cases.open')}</button></li>)}</ul>
      <h2>{t('cases.detentions')}</h2>
      {b.detentions.length === 0 && <p className="muted">{t('cases.none')}</p>}
      <table className="data"><tbody>{b.detentions.map((d) => <tr key={d.id}><td>{d.person}</td><td>{d.category ? t(`cases.category.${d.category}`) : ''}</td><td>{formatTime(d.detainedAt, i18n.language)}</td><td>{d.heldAt ? t(`cases.heldAt.${d.heldAt}`) : ''}</td><td><button type="button" className="link" onClick={() => onOpen({ kind: 'detention', id: d.id })}>{t('cases.open')}</button></td></tr>)}</tbody></table>
      <h2>{t('cases.held')}</h2>
      <table className="data">
        <thead><tr><th>{t('cases.item')}</th><th>{t('cases.quantity')}</th><th>{t('cases.seal')}</th><th>{t('cases.since')}</th><th /></tr></thead>
        <tbody>{b.held.map((i) => <tr key={i.id}><td>{t(`cases.kind.${i.kind}`)}: {i.description}{i.inTransfer && <span className="badge status-restricted">{t('cases.inTransfer')}</span>}</td><td>{i.kind === 'person' ? '' : `${i.quantity} ${i.measure}`}</td><td>{i.sealNo}</td><td>{formatTime(i.since, i18n.language)}</td><td><button type="button" className="link" onClick={() => onOpen({ kind: 'chain', id: i.id })}>{t('cases.chain')}</button></td></tr>)}</tbody>
      </table>
      <h2>{t('cases.outgoing')}</h2>
      <ul className="timeline">{b.outgoing.map((a) => <li key={a.id}><strong>{a.number}</strong> → {pick(a.to.names, i18n.language)} · {t(`cases.status.${a.status}`)} <button type="button" className="link" onClick={() => onOpen({ kind: 'act', id: a.id })}>{t('cases.open')}</button></li>)}</ul>
      {b.measuresDue.length > 0 && <><h2>{t('cases.measuresDue')}</h2><ul>{b.measuresDue.map((m) => <li key={m.actId}>{m.number} · {t('cases.dueBy')} {formatTime(m.dueAt, i18n.language)} · {t(`obligation.state.${m.state}`)} <button type="button" className="link" onClick={() => onOpen({ kind: 'act', id: m.actId })}>{t('cases.open')}</button></li>)}</ul></>}
    </section>
  );
}

function DetentionView({ id, onAct }: { id: string; onAct: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const d = useQuery({ queryKey: ['cases', 'detention', id], queryFn: () => get<Detention>(`/api/v1/detentions/${id}`) });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => get<List<Agency>>('/api/v1/agencies') });
  const [agencyId, setAgencyId] = useState('');
  const units = useQuery({ queryKey: ['units', agencyId], queryFn: () => get<List<Unit>>(`/api/v1/units?agencyId=${agencyId}`), enabled: Boolean(agencyId) });
  const [form, setForm] = useState({ toUnitId: '', basis: '', handingOfficer: '', documents: '' });
  const [chosen, setChosen] = useState<string[]>([]);
  const hand = useMutation({
    mutationFn: () => api<Handover>('POST', '/api/v1/handover-acts', { fromUnitId: d.data!.unitId, toUnitId: form.toUnitId, detentionId: id, basis: form.basis, handingOfficer: form.handingOfficer, documents: form.documents.split(';').map((x) => x.trim()).filter(Boolean), lines: chosen.map((itemId) => ({ itemId })) }),
    onSuccess: (act) => { void queryClient.invalidateQueries({ queryKey: ['cases'] }); onAct(act.id); },
  });
  if (!d.data) return d.error ? <ErrorNote error={d.error} /> : <Loading />;
  const x = d.data;
  const person = x.person as { surname?: string; givenNames?: string };
  const err = hand.error instanceof ApiError ? hand.error : null;
  function submit(e: FormEvent) { e.preventDefault(); hand.mutate(); }
  return (
    <article className="panel" aria-label={t('cases.detention')}>
      <h2>{t('cases.detention')} · {x.unidentified ? t('cases.unidentified') : `${person.surname ?? ''} ${person.givenNames ?? ''}`} · v{x.version}</h2>
      <p>{x.categoryBasis} · {formatTime(x.detainedAt, i18n.language)} · {x.grounds}</p>
      {x.description && <p>{x.description}</p>}
      {x.hasPhoto && <img className="photo-preview" alt={t('detention.photo')} src={`/api/v1/detentions/${x.id}/photo`} />}
      <ul>{x.items.map((i) => <li key={i.id}>{t(`cases.kind.${i.kind}`)}: {i.description} · {i.quantity} {i.measure}{i.sealNo && ` · ${t('cases.seal')} ${i.sealNo}`}</li>)}</ul>
      <form onSubmit={submit} aria-label={t('cases.handOver')}>
        <h3>{t('cases.handOver')}</h3>
        <div className="row">
          <Field label={t('cases.toAgency')}><select value={agencyId} onChange={(e) => { setAgencyId(e.target.value); setForm({ ...form, toUnitId: '' }); }}><option value="" />{agencies.data?.items.map((a) => <option key={a.id} value={a.id}>{pick(a.names, i18n.language)}</option>)}</select></Field>
          <Field label={t('cases.toUnit')} error={err?.fieldError('toUnitId')}><select value={form.toUnitId} onChange={(e) => setForm({ ...form, toUnitId: e.target.value })}><option value="" />{units.data?.items.map((u) => <option key={u.id} value={u.id}>{pick(u.names, i18n.language)}</option>)}</select></Field>
        </div>
        <Field label={t('cases.basis')} error={err?.fieldError('basis')}><input value={form.basis} onChange={(e) => setForm({ ...form, basis: e.target.value })} /></Field>
        <div className="row">
          <Field label={t('cases.handingOfficer')} error={err?.fieldError('handingOfficer')}><input value={form.handingOfficer} onChange={(e) => setForm({ ...form, handingOfficer: e.target.value })} /></Field>
          <Field label={t('cases.documents')}><input value={form.documents} onChange={(e) => setForm({ ...form, documents: e.target.value })} /></Field>
        </div>
        {x.items.filter((i) => i.kind !== 'person').map((i) => <label key={i.id} className="check"><input type="checkbox" checked={chosen.includes(i.id)} onChange={() => setChosen(chosen.includes(i.id) ? chosen.filter((c) => c !== i.id) : [...chosen, i.id])} /> {t(`cases.kind.${i.kind}`)}: {i.description}</label>)}
        <p className="muted small">{t('cases.personGoes')}</p>
        <FormError error={hand.error} />
        <button className="primary" type="submit" disabled={hand.isPending}>{t('cases.send')}</button>
      </form>
    </article>
  );
}

function ActView({ id, onChain }: { id: string; onChain: (itemId: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const act = useQuery({ queryKey: ['cases', 'act', id], queryFn: () => get<Handover>(`/api/v1/handover-acts/${id}`) });
  const [officer, setOfficer] = useState('');
  const [notes, setNotes] = useState<Record<number, { quantity: string; note: string }>>({});
  const [text, setText] = useState('');
  const done = (a: Handover) => { queryClient.setQueryData(['cases', 'act', id], a); void queryClient.invalidateQueries({ queryKey: ['cases', 'board'] }); };
  const accept = useMutation({ mutationFn: () => api<Handover>('POST', `/api/v1/handover-acts/${id}/accept`, { receivingOfficer: officer, discrepancies: Object.entries(notes).filter(([, v]) => v.note.trim()).map(([lineNo, v]) => ({ lineNo: Number(lineNo), ...(v.quantity && { receivedQuantity: Number(v.quantity) }), note: v.note })) }), onSuccess: done });
  const refuse = useMutation({ mutationFn: () => api<Handover>('POST', `/api/v1/handover-acts/${id}/refuse`, { reason: text }), onSuccess: done });
  const measures = useMutation({ mutationFn: () => api<Handover>('POST', `/api/v1/handover-acts/${id}/measures`, { measures: text }), onSuccess: done });
  if (!act.data) return act.error ? <ErrorNote error={act.error} /> : <Loading />;
  const a = act.data;
  return (
    <article className="panel" aria-label={t('cases.act')}>
      <h2>{t('cases.act')} № {a.number} <span className={`badge case-${a.status}`}>{t(`cases.status.${a.status}`)}</span></h2>
      <p>{pick(a.from.names, i18n.language)} → {pick(a.to.names, i18n.language)} · {formatTime(a.handedAt, i18n.language)} · {a.handingOfficer}</p>
      <p>{t('cases.basis')}: {a.basis}</p>
      <p><a href={`/api/v1/handover-acts/${a.id}/act.pdf?lang=kk`} target="_blank" rel="noreferrer">{t('cases.print')} (қаз.)</a> · <a href={`/api/v1/handover-acts/${a.id}/act.pdf?lang=ru`} target="_blank" rel="noreferrer">{t('cases.print')} (рус.)</a></p>
      <table className="data">
        <thead><tr><th>№</th><th>{t('cases.item')}</th><th>{t('cases.quantity')}</th><th>{t('cases.seal')}</th><th>{t('cases.received')}</th><th /></tr></thead>
        <tbody>{a.lines.map((l) => (
          <tr key={l.lineNo}>
            <td>{l.lineNo}</td><td>{t(`cases.kind.${l.kind}`)}: {l.description}</td><td>{l.kind === 'person' ? '' : `${l.quantity} ${l.measure}`}</td><td>{l.sealNo}</td>
            <td>{a.next.includes('accept')
              ? <span className="row"><input aria-label={`${t('cases.receivedQuantity')} ${l.lineNo}`} size={6} value={notes[l.lineNo]?.quantity ?? ''} onChange={(e) => setNotes({ ...notes, [l.lineNo]: { quantity: e.target.value, note: notes[l.lineNo]?.note ?? '' } })} /><input aria-label={`${t('cases.discrepancy')} ${l.lineNo}`} value={notes[l.lineNo]?.note ?? ''} onChange={(e) => setNotes({ ...notes, [l.lineNo]: { quantity: notes[l.lineNo]?.quantity ?? '', note: e.target.value } })} /></span>
              : l.note ? `${l.receivedQuantity ?? ''} ${l.measure} — ${l.note}` : ''}</td>
            <td><button type="button" className="link" onClick={() => onChain(l.itemId)}>{t('cases.chain')}</button></td>
          </tr>
        ))}</tbody>
      </table>
      {a.next.includes('accept') && (
        <div className="row">
          <Field label={t('cases.receivingOfficer')}><input value={officer} onChange={(e) => setOfficer(e.target.value)} /></Field>
          <button type="button" className="primary" disabled={!officer.trim()} onClick={() => accept.mutate()}>{t('cases.accept')}</button>
          <Field label={t('cases.refusalReason')}><input value={text} onChange={(e) => setText(e.target.value)} /></Field>
          <button type="button" disabled={text.trim().length < 3} onClick={() => refuse.mutate()}>{t('cases.refuse')}</button>
        </div>
      )}
      {a.obligation && <p className="muted small">{t('cases.measuresClock')}: {t('cases.dueBy')} {formatTime(a.obligation.dueAt, i18n.language)} · {t(`obligation.state.${a.obligation.state}`)} · {a.obligation.rule}</p>}
      {a.measures && <p>{t('cases.measures')}: {a.measures}</p>}
      {a.refusalReason && <p className="note error">{a.refusalReason}</p>}
      {a.next.includes('report_measures') && (
        <div className="row">
          <Field label={t('cases.measures')}><input value={text} onChange={(e) => setText(e.target.value)} /></Field>
          <button type="button" className="primary" disabled={text.trim().length < 3} onClick={() => measures.mutate()}>{t('cases.reportMeasures')}</button>
        </div>
      )}
      <FormError error={accept.error ?? refuse.error ?? measures.error} />
    </article>
  );
}

function ChainView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const chain = useQuery({ queryKey: ['cases', 'chain', id], queryFn: () => get<CustodyChain>(`/api/v1/custody-items/${id}/chain`) });
  if (!chain.data) return chain.error ? <ErrorNote error={chain.error} /> : <Loading />;
  const c = chain.data;
  return (
    <article className="panel" aria-label={t('cases.chain')}>
      <h2>{t('cases.chain')}: {t(`cases.kind.${c.item.kind}`)} · {c.item.description}</h2>
      <p>{t('cases.custodian')}: <strong>{pick(c.item.custodian.names, i18n.language)}</strong> · {c.item.quantity} {c.item.measure}</p>
      <ol className="timeline">
        {c.events.map((e, i) => <li key={i}><strong>{t(`cases.event.${e.kind}`)}</strong> · {formatTime(e.at, i18n.language)}{e.from && ` · ${pick(e.from.names, i18n.language)}`}{e.to && ` → ${pick(e.to.names, i18n.language)}`}{e.actNumber && ` · ${e.actNumber}`}{e.note && <div className="muted small">{e.note}</div>}</li>)}
      </ol>
    </article>
  );
}

/** The figures of the unit (and below) this month, for the reconciliation between agencies (Instruction 2002 p.9(3)). */
function Statistics() {
  const { t, i18n } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => get<List<Agency>>('/api/v1/agencies') });
  const stats = useQuery({ queryKey: ['cases', 'stats', from, to], queryFn: () => get<CaseStats>(`/api/v1/case-statistics?from=${from}&to=${to}`) });
  const agency = (id: string) => { const a = agencies.data?.items.find((x) => x.id === id); return a ? pick(a.names, i18n.language) : id; };
  return (
    <section className="panel" aria-label={t('cases.tab.stats')}>
      <div className="row"><Field label={t('stats.from')}><input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></Field><Field label={t('stats.to')}><input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></Field></div>
      <ErrorNote error={stats.error} />
      {stats.data && (
        <>
          <p className="muted">{pick(stats.data.unit.names, i18n.language)}</p>
          <h3>{t('cases.detentions')}</h3>
          <table className="data"><tbody>{stats.data.detentions.map((d) => <tr key={d.category}><td>{d.category === 'unclassified' ? t('stats.unclassified') : t(`cases.category.${d.category}`)}</td><td>{d.count}</td></tr>)}</tbody></table>
          <h3>{t('stats.handovers')}</h3>
          <table className="data"><tbody>{stats.data.handovers.map((h, i) => <tr key={i}><td>{t(`stats.${h.direction}`)}</td><td>{agency(h.counterpartAgencyId)}</td><td>{t(`cases.status.${h.status}`)}</td><td>{h.count}</td></tr>)}</tbody></table>
          <h3>{t('cases.tab.force')}</h3>
          <p>{t('stats.force', { reports: stats.data.useOfForce.reports, late: stats.data.useOfForce.prosecutorLate, findings: stats.data.useOfForce.withFindings })}</p>
        </>
      )}
    </section>
  );
}
