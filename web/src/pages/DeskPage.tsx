import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, ApiError, get } from '../api.ts';
import { useSession } from '../session.tsx';
import type { InboxItem, List, Message, Notice, Obligation } from '../types.ts';
import { ErrorNote, Field, FormError, Loading } from '../ui.tsx';
import { formatPart, formatTime } from '../dates.ts';
import { ChannelsPanel } from './ChannelsPanel.tsx';
import { ReportForm } from './ReportForm.tsx';

type Names = { kk: string; ru: string; en: string };
const name = (n: Names, lang: string) => n[lang as keyof Names] ?? n.en;

/** The duty desk: live notifications, inbox and outbox, the clocks owed and owed to us, and reporting. */
export function DeskPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [tab, setTab] = useState<'in' | 'out' | 'obligations' | 'report' | 'channels'>('in');
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="page">
      <h1>{t('desk.title')}</h1>
      <LiveNotifications onOpen={(id) => { setOpen(id); }} />
      <div className="lang-switch tabs" role="tablist">
        {(['in', 'out', 'obligations', ...(can('exchange.send') ? ['report'] as const : []), ...(can('exchange.channels.manage') ? ['channels'] as const : [])] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>{t(`desk.tab.${k}`)}</button>
        ))}
      </div>
      {tab === 'report' && <ReportForm onSent={(id) => { setTab('out'); setOpen(id); }} />}
      {(tab === 'in' || tab === 'out') && <MessageList box={tab} onOpen={setOpen} />}
      {tab === 'obligations' && <Obligations />}
      {tab === 'channels' && <ChannelsPanel />}
      {open && <MessageDetail id={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

function LiveNotifications({ onOpen }: { onOpen: (messageId: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<Notice[]>([]);
  useEffect(() => {
    const source = new EventSource('/api/v1/notifications/stream');
    source.addEventListener('notification', (event) => {
      const n = JSON.parse((event as MessageEvent).data) as Notice;
      setItems((old) => (old.some((o) => o.id === n.id) ? old : [n, ...old].slice(0, 30)));
      void queryClient.invalidateQueries({ queryKey: ['exchange'] });
    });
    return () => source.close();
  }, [queryClient]);
  const unseen = items.filter((n) => !n.seenAt);
  const seen = useMutation({ mutationFn: (id: string) => api('POST', `/api/v1/notifications/${id}/seen`), onSuccess: (_r, id) => setItems((old) => old.map((n) => (n.id === id ? { ...n, seenAt: new Date().toISOString() } : n))) });
  return (
    <section className="panel" aria-label={t('desk.notifications')} aria-live="polite">
      <h2>{t('desk.notifications')} {unseen.length > 0 && <span className="badge status-suspended">{unseen.length}</span>}</h2>
      {unseen.length === 0 && <p className="muted">{t('desk.noNotifications')}</p>}
      <ul className="timeline">
        {unseen.slice(0, 8).map((n) => (
          <li key={n.id} className={`notice severity-${n.severity}`}>
            <strong>{t(`notice.${n.kind}`, { defaultValue: n.kind })}</strong>{' '}
            {typeof n.payload.obligationKind === 'string' && <span>{t(`obligation.${n.payload.obligationKind}`, { defaultValue: n.payload.obligationKind })} · {name(n.payload.owner as Names, i18n.language)}</span>}
            {typeof n.payload.summary === 'string' && <span>{n.payload.summary}</span>}
            {' '}<span className="muted small">{formatTime(n.createdAt, i18n.language)}</span>{' '}
            {n.subjectType.startsWith('sez_') && <Link href="/sez" className="link" onClick={() => seen.mutate(n.id)}>{t('desk.open')}</Link>}
            {n.subjectType === 'exchange_message' && n.subjectId && <button type="button" className="link" onClick={() => { onOpen(n.subjectId!); seen.mutate(n.id); }}>{t('desk.open')}</button>}{' '}
            <button type="button" className="link" onClick={() => seen.mutate(n.id)}>{t('desk.seen')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MessageList({ box, onOpen }: { box: 'in' | 'out'; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: ['exchange', 'messages', box], queryFn: () => get<List<InboxItem>>(`/api/v1/exchange/messages?box=${box}`), refetchInterval: 30_000 });
  return (
    <section className="panel">
      <ErrorNote error={list.error} />
      {list.isLoading && <Loading />}
      {list.data?.items.length === 0 && <p className="muted">{t('desk.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="data">
          <thead><tr><th>{t('desk.type')}</th><th>{box === 'in' ? t('desk.from') : t('desk.reported')}</th><th>{t('desk.summary')}</th><th>{t('desk.timing')}</th><th>{t('desk.state')}</th></tr></thead>
          <tbody>{list.data.items.map((m) => (
            <tr key={m.id} className={m.type === 'urgent' ? 'urgent' : ''} onClick={() => onOpen(m.id)} style={{ cursor: 'pointer' }}>
              <td><span className={`badge type-${m.type}`}>{t(`msg.type.${m.type}`)}</span>{m.subject && <div className="small">{t(`msg.subject.${m.subject}`, { defaultValue: m.subject })}</div>}</td>
              <td>{box === 'in' ? name(m.sender.names, i18n.language) : formatTime(m.reportedAt, i18n.language)}</td>
              <td><button type="button" className="link" onClick={(e) => { e.stopPropagation(); onOpen(m.id); }}>{m.summary.slice(0, 120)}</button></td>
              <td><Timing value={m.timing} /></td>
              <td className="small">
                {m.confirmationState && <div className={`badge confirm-${m.confirmationState}`}>{t(`desk.confirm.${m.confirmationState}`)}</div>}
                {box === 'in' && <div>{m.acknowledgedAt ? t('desk.acknowledged') : m.readAt ? t('desk.read') : t('desk.unread')}</div>}
              </td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}

function Timing({ value }: { value: string }) {
  const { t } = useTranslation();
  return <span className={`badge timing-${value}`}>{t(`timing.${value}`)}</span>;
}

function MessageDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { can } = useSession();
  const message = useQuery({ queryKey: ['exchange', 'message', id], queryFn: () => get<Message>(`/api/v1/exchange/messages/${id}`) });
  const [confirmText, setConfirmText] = useState('');
  const [note, setNote] = useState('');
  const done = (m: Message) => { queryClient.setQueryData(['exchange', 'message', id], m); void queryClient.invalidateQueries({ queryKey: ['exchange', 'messages'] }); };
  const confirm = useMutation({ mutationFn: () => api<Message>('POST', `/api/v1/exchange/messages/${id}/confirmation`, { channel: 'written', summary: confirmText }), onSuccess: done });
  const ack = useMutation({ mutationFn: () => api<Message>('POST', `/api/v1/exchange/messages/${id}/acknowledge`), onSuccess: done });
  const escalate = useMutation({ mutationFn: () => api<Message>('POST', `/api/v1/exchange/messages/${id}/escalate`, { note }), onSuccess: (m) => { done(m); setNote(''); } });
  const m = message.data;
  return (
    <section className="panel" aria-label={t('desk.message')}>
      <div className="row"><h2>{t('desk.message')}</h2><button type="button" className="ghost" onClick={onClose}>{t('common.close')}</button></div>
      <ErrorNote error={message.error} />
      {m && (
        <>
          <p><span className={`badge type-${m.type}`}>{t(`msg.type.${m.type}`)}</span> {m.subject && t(`msg.subject.${m.subject}`, { defaultValue: m.subject })} · {name(m.sender.names, i18n.language)} · {formatTime(m.reportedAt, i18n.language)} · {t(`msg.channel.${m.channel}`)}{m.toldBy && ` · ${m.toldBy} → ${m.toldTo}`}</p>
          <p className="message-summary">{m.summary}</p>
          <p title={m.timingRule ?? undefined}><Timing value={m.timing} /> <span className="muted small">{t(`rule.msg.${m.type}`)}</span></p>
          {m.body.migrant !== undefined && <MigrantView migrant={m.body.migrant as Record<string, unknown>} />}
          {m.body.sections !== undefined && <dl className="small">{Object.entries(m.body.sections as Record<string, string>).map(([k, v]) => <div key={k}><dt>{t(`msg.section.${k}`)}</dt><dd>{v}</dd></div>)}</dl>}
          {m.confirmation && <p>{t('desk.confirmedAt', { at: formatTime(m.confirmation.reportedAt, i18n.language) })} <Timing value={m.confirmation.timing} /></p>}
          <h3>{t('desk.recipients')}</h3>
          <ul className="small">{m.recipients.map((r) => <li key={r.unit.id}>{name(r.unit.names, i18n.language)} ({t(`desk.via.${r.via}`)}) · {r.acknowledgedAt ? `${t('desk.acknowledged')} ${formatTime(r.acknowledgedAt, i18n.language)}` : r.readAt ? t('desk.read') : t('desk.unread')}</li>)}</ul>
          {m.obligations.length > 0 && <><h3>{t('desk.clocks')}</h3><ObligationTable items={m.obligations} /></>}
          <div className="row">
            {m.mine && !m.mine.acknowledgedAt && can('exchange.acknowledge') && <button type="button" className="primary" onClick={() => ack.mutate()} disabled={ack.isPending}>{t('desk.acknowledge')}</button>}
          </div>
          <ErrorNote error={ack.error} />
          {m.type === 'urgent' && !m.confirmation && !m.mine && can('exchange.send') && (
            <form className="subform" onSubmit={(e: FormEvent) => { e.preventDefault(); confirm.mutate(); }}>
              <Field label={t('desk.confirmText')} error={confirm.error instanceof ApiError ? confirm.error.fieldError('summary') : undefined}><textarea name="confirmation" value={confirmText} onChange={(e) => setConfirmText(e.target.value)} rows={3} required /></Field>
              <button type="submit" className="primary" disabled={confirm.isPending}>{t('desk.confirmWriting')}</button>
              <FormError error={confirm.error} />
            </form>
          )}
          {can('exchange.send') && (
            <form className="subform" onSubmit={(e: FormEvent) => { e.preventDefault(); escalate.mutate(); }}>
              <Field label={t('desk.escalateNote')}><input name="escalateNote" value={note} onChange={(e) => setNote(e.target.value)} required /></Field>
              <button type="submit" disabled={escalate.isPending}>{t('desk.escalate')}</button>
              <ErrorNote error={escalate.error} />
            </form>
          )}
        </>
      )}
    </section>
  );
}

function MigrantView({ migrant }: { migrant: Record<string, unknown> }) {
  const { t } = useTranslation();
  const fields = ['surname', 'givenNames', 'dateOfBirth', 'citizenship', 'stateOfDeparture', 'stateOfDestination', 'route', 'declaredPurpose', 'travelMode', 'groupSize', 'visaMeans', 'methods', 'measuresTaken'];
  return <dl className="small">{fields.filter((f) => migrant[f] !== undefined).map((f) => <div key={f}><dt>{t(`migrant.${f}`)}</dt><dd>{f === 'travelMode' ? t(`migrant.${String(migrant[f])}`) : String(migrant[f])}</dd></div>)}</dl>;
}

function Obligations() {
  const { t } = useTranslation();
  const [side, setSide] = useState<'owed' | 'owed_to_us' | 'escalated'>('owed');
  const list = useQuery({ queryKey: ['exchange', 'obligations', side], queryFn: () => get<List<Obligation>>(`/api/v1/exchange/obligations?side=${side}&limit=100`), refetchInterval: 30_000 });
  return (
    <section className="panel">
      <div className="lang-switch" role="group">
        {(['owed', 'owed_to_us', 'escalated'] as const).map((s) => <button key={s} type="button" className={side === s ? 'active' : ''} aria-pressed={side === s} onClick={() => setSide(s)}>{t(`desk.side.${s}`)}</button>)}
      </div>
      <ErrorNote error={list.error} />
      {list.data && (list.data.items.length ? <ObligationTable items={list.data.items} /> : <p className="muted">{t('desk.empty')}</p>)}
    </section>
  );
}

/** The numbers of an obligation's rule, from its own window (the rule pack it arose under), for the rule's label. */
function ruleParams(o: Obligation, lang: string) {
  const part = o.kind === 'exchange.monthly' ? 'date' : 'time';
  const minutes = o.opensAt ? Math.round((new Date(o.dueAt).getTime() - new Date(o.opensAt).getTime()) / 60_000) : '';
  return { from: o.opensAt ? formatPart(o.opensAt, lang, part) : '', to: formatPart(o.dueAt, lang, part), minutes };
}

function ObligationTable({ items }: { items: Obligation[] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="data">
      <thead><tr><th>{t('desk.obligation')}</th><th>{t('desk.owner')}</th><th>{t('desk.due')}</th><th>{t('desk.state')}</th><th>{t('desk.rule')}</th></tr></thead>
      <tbody>{items.map((o) => (
        <tr key={o.id} className={`obligation-${o.state}`}>
          <td>{t(`obligation.${o.kind}`, { defaultValue: o.kind })}{o.period && <div className="small muted">{o.period}</div>}</td>
          <td>{name(o.unit.names, i18n.language)}{o.counterpart && <div className="small">→ {name(o.counterpart.names, i18n.language)}</div>}{o.escalatedTo && <div className="small">⇧ {name(o.escalatedTo.names, i18n.language)}</div>}</td>
          <td>{formatTime(o.dueAt, i18n.language)}</td>
          <td><span className={`badge obligation-${o.state}`}>{t(`obligation.state.${o.state}`)}</span>{o.outcome && <> <Timing value={o.outcome} /></>}</td>
          <td className="small muted" title={o.rule}>{t(`rule.${o.kind}`, { defaultValue: o.rule, ...ruleParams(o, i18n.language) })}</td>
        </tr>
      ))}</tbody>
    </table>
  );
}
