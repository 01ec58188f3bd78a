-- Platform: settings, outbox, idempotency keys. Every table names its retention class in its
-- comment ("retention: <class>"); docs/ARCHITECTURE.md lists the classes.

create table system_setting (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
comment on table system_setting is 'retention: configuration';

-- Side effects leave through the outbox, written in the same transaction as the change.
create table outbox_event (
  id uuid primary key,
  origin text not null,
  topic text not null,
  aggregate_type text not null,
  aggregate_id text,
  payload jsonb not null,
  created_at timestamptz not null,
  published_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index outbox_event_pending on outbox_event (created_at) where published_at is null;
comment on table outbox_event is 'retention: operational-90d';

-- A retried write with the same Idempotency-Key replays the first answer.
create table idempotency_key (
  user_id uuid not null,
  key text not null,
  method text not null,
  route text not null,
  request_hash text not null,
  state text not null check (state in ('pending', 'done')),
  response_status integer,
  response_body text,
  created_at timestamptz not null,
  primary key (user_id, key)
);
comment on table idempotency_key is 'retention: operational-24h';
