// The exchange module's tables as Kysely sees them (migrations/0009_exchange.sql).
import type { Json, Timestamp } from '../../database.ts';

export type MessageType = 'urgent' | 'urgent_confirmation' | 'daily' | 'monthly' | 'advance' | 'udb';
export type Channel = 'oral' | 'phone' | 'radio' | 'electronic' | 'written';
export type Timing = 'on_time' | 'early' | 'late' | 'unjudged';
export type Severity = 'info' | 'warning' | 'alarm';

export interface ExchangeMessageTable {
  id: string;
  type: MessageType;
  subject: string | null;
  senderUnitId: string;
  senderAgencyId: string;
  sentBy: string | null;
  channel: Channel;
  reportedAt: Timestamp;
  toldBy: string | null;
  toldTo: string | null;
  summary: string;
  body: Json;
  confirmsId: string | null;
  period: string | null;
  effectiveOn: string | null;
  rulePackId: string | null;
  timing: Timing;
  timingRule: string | null;
  createdAt: Timestamp;
}

export interface ExchangeRecipientTable {
  messageId: string;
  unitId: string;
  agencyId: string;
  via: 'counterpart' | 'ad_hoc' | 'escalation';
  deliveredAt: Timestamp;
  readAt: Timestamp | null;
  readBy: string | null;
  acknowledgedAt: Timestamp | null;
  acknowledgedBy: string | null;
}

export interface ObligationTable {
  id: string;
  key: string;
  kind: string;
  unitId: string;
  agencyId: string;
  counterpartUnitId: string | null;
  subjectId: string | null;
  period: string | null;
  rulePackId: string | null;
  rule: string;
  opensAt: Timestamp | null;
  dueAt: Timestamp;
  warnAt: Timestamp | null;
  state: 'open' | 'met' | 'overdue';
  stage: 'none' | 'warned' | 'escalated';
  escalatedToUnitId: string | null;
  escalatedAt: Timestamp | null;
  fulfilledAt: Timestamp | null;
  fulfilledByMessageId: string | null;
  outcome: 'on_time' | 'early' | 'late' | null;
  createdAt: Timestamp;
}

export interface ObligationClockTable {
  obligationId: string;
  nextCheckAt: Timestamp;
  dueAt: Timestamp;
}

export interface NotificationTable {
  id: string;
  key: string;
  unitId: string;
  kind: string;
  severity: Severity;
  subjectType: string;
  subjectId: string | null;
  payload: Json;
  createdAt: Timestamp;
  seenAt: Timestamp | null;
  seenBy: string | null;
}

export interface NotificationChannelTable {
  id: string;
  unitId: string;
  kind: 'email' | 'webhook';
  target: string;
  minSeverity: Severity;
  active: boolean;
  createdAt: Timestamp;
}

export interface NotificationDeliveryTable {
  notificationId: string;
  channelId: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: Timestamp;
  sentAt: Timestamp | null;
  lastError: string | null;
}

export interface UdbDocumentTable {
  id: string;
  kind: 'review' | 'recommendation' | 'training' | 'document_specimen' | 'other';
  title: string;
  body: string;
  language: 'kk' | 'ru' | 'en';
  ownerAgencyId: string;
  ownerUnitId: string;
  visibility: 'agency' | 'interacting';
  period: string | null;
  submittedBy: string | null;
  createdAt: Timestamp;
  search: string;
}

export interface UdbBlobTable {
  sha256: string;
  size: number;
  content: Uint8Array;
  createdAt: Timestamp;
}

export interface UdbAttachmentTable {
  documentId: string;
  sha256: string;
  fileName: string;
  mediaType: string;
}
