-- Inter-agency information exchange (Instruction 2002 p.5) on deadline clocks, a general obligations
-- engine, notifications (in-app and external channels) and the Unified Data Bank.

-- A message between units of the interacting agencies: an urgent oral report and its written
-- confirmation, the daily oral report, the monthly written report, an advance notice, a UDB submission.
create table exchange_message (
  id uuid primary key,
  type text not null check (type in ('urgent', 'urgent_confirmation', 'daily', 'monthly', 'advance', 'udb')),
  subject text,
  sender_unit_id uuid not null references unit(id),
  sender_agency_id uuid not null references agency(id),
  sent_by uuid references app_user(id),
  channel text not null check (channel in ('oral', 'phone', 'radio', 'electronic', 'written')),
  reported_at timestamptz not null,
  told_by text,
  told_to text,
  summary text not null,
  body jsonb not null,
  confirms_id uuid references exchange_message(id),
  period text,
  effective_on date,
  rule_pack_id uuid references rule_pack(id),
  timing text not null check (timing in ('on_time', 'early', 'late', 'unjudged')),
  timing_rule text,
  created_at timestamptz not null
);
create unique index exchange_message_one_confirmation on exchange_message (confirms_id) where confirms_id is not null;
create index exchange_message_sender on exchange_message (sender_unit_id, reported_at desc);
comment on table exchange_message is 'retention: operational-5y; personal data (illegal-migrant records)';

-- Who a message went to, with its receipts: delivered, read, acknowledged.
create table exchange_recipient (
  message_id uuid not null references exchange_message(id),
  unit_id uuid not null references unit(id),
  agency_id uuid not null references agency(id),
  via text not null check (via in ('counterpart', 'ad_hoc', 'escalation')),
  delivered_at timestamptz not null,
  read_at timestamptz,
  read_by uuid references app_user(id),
  acknowledged_at timestamptz,
  acknowledged_by uuid references app_user(id),
  primary key (message_id, unit_id)
);
create index exchange_recipient_inbox on exchange_recipient (unit_id, delivered_at desc, message_id);
comment on table exchange_recipient is 'retention: operational-5y';

-- An obligation on a clock (any module): who owes what to whom, by when, judged by which rule pack.
-- Its clock (when to look at it next) lives in obligation_clock: the sweep deletes or moves the clock
-- and changes only unindexed columns here, so PostgreSQL updates the row in place (HOT, no index work).
create table obligation (
  id uuid primary key,
  key text not null unique,
  kind text not null,
  unit_id uuid not null references unit(id),
  agency_id uuid not null references agency(id),
  counterpart_unit_id uuid references unit(id),
  subject_id uuid,
  period text,
  rule_pack_id uuid references rule_pack(id),
  rule text not null,
  opens_at timestamptz,
  due_at timestamptz not null,
  warn_at timestamptz,
  state text not null check (state in ('open', 'met', 'overdue')),
  stage text not null default 'none' check (stage in ('none', 'warned', 'escalated')),
  escalated_to_unit_id uuid references unit(id),
  escalated_at timestamptz,
  fulfilled_at timestamptz,
  fulfilled_by_message_id uuid references exchange_message(id),
  outcome text check (outcome in ('on_time', 'early', 'late')),
  created_at timestamptz not null
) with (fillfactor = 85);
create index obligation_unit on obligation (unit_id, due_at desc);
create index obligation_counterpart on obligation (counterpart_unit_id, due_at desc) where counterpart_unit_id is not null;
create index obligation_subject on obligation (subject_id) where subject_id is not null;
comment on table obligation is 'retention: operational-5y';

-- When to look at an open obligation next (the warning time, then just after the due time). A row here
-- exists while the obligation is open; past its due time, the sweep takes it away.
create table obligation_clock (
  obligation_id uuid primary key references obligation(id),
  next_check_at timestamptz not null,
  due_at timestamptz not null
);
create index obligation_clock_due on obligation_clock (next_check_at);
comment on table obligation_clock is 'retention: operational-5y';

-- In-app notifications to a unit's desk; the key makes each one happen once however often a sweep runs.
create table notification (
  id uuid primary key,
  key text not null unique,
  unit_id uuid not null references unit(id),
  kind text not null,
  severity text not null check (severity in ('info', 'warning', 'alarm')),
  subject_type text not null,
  subject_id uuid,
  payload jsonb not null,
  created_at timestamptz not null,
  seen_at timestamptz,
  seen_by uuid references app_user(id)
);
create index notification_unit on notification (unit_id, created_at desc);
comment on table notification is 'retention: operational-90d';

-- A unit's external channels (e-mail over SMTP, webhook) and the delivery of each notification to each.
create table notification_channel (
  id uuid primary key,
  unit_id uuid not null references unit(id),
  kind text not null check (kind in ('email', 'webhook')),
  target text not null,
  min_severity text not null default 'warning' check (min_severity in ('info', 'warning', 'alarm')),
  active boolean not null default true,
  created_at timestamptz not null,
  unique (unit_id, kind, target)
);
comment on table notification_channel is 'retention: configuration';

create table notification_delivery (
  notification_id uuid not null references notification(id),
  channel_id uuid not null references notification_channel(id),
  state text not null check (state in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  sent_at timestamptz,
  last_error text,
  primary key (notification_id, channel_id)
);
create index notification_delivery_pending on notification_delivery (next_attempt_at) where state = 'pending';
comment on table notification_delivery is 'retention: operational-90d';

-- The Unified Data Bank (p.5(5)): reviews, recommendations, training materials, document specimens.
create table udb_document (
  id uuid primary key,
  kind text not null check (kind in ('review', 'recommendation', 'training', 'document_specimen', 'other')),
  title text not null,
  body text not null,
  language text not null check (language in ('kk', 'ru', 'en')),
  owner_agency_id uuid not null references agency(id),
  owner_unit_id uuid not null references unit(id),
  visibility text not null check (visibility in ('agency', 'interacting')),
  period text,
  submitted_by uuid references app_user(id),
  created_at timestamptz not null,
  search tsvector not null
);
create index udb_document_search on udb_document using gin (search);
create index udb_document_owner on udb_document (owner_agency_id, created_at desc);
comment on table udb_document is 'retention: reference';

-- Attachment bytes stored once by their SHA-256, linked to documents.
create table udb_blob (
  sha256 text primary key,
  size integer not null,
  content bytea not null,
  created_at timestamptz not null
);
comment on table udb_blob is 'retention: reference';

create table udb_attachment (
  document_id uuid not null references udb_document(id),
  sha256 text not null references udb_blob(sha256),
  file_name text not null,
  media_type text not null,
  primary key (document_id, sha256)
);
comment on table udb_attachment is 'retention: reference';



-- UUID v7 made in the database, for rows a set-based statement writes (notifications of a sweep).
create function shekara_uuid_v7() returns uuid language sql volatile as $$
  select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
$$;
