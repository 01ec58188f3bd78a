-- Append-only, hash-chained audit trail (Law Art. 78-79 oversight; every change and every read of
-- personal data). Each row carries the hash of the previous row of its chain; a chain is one
-- writer node, so offline checkpoint nodes keep their own unbroken chains.
create table audit_event (
  id uuid primary key,
  chain text not null,
  seq bigint not null,
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_username text,
  on_behalf_of_user_id uuid,
  agency_id uuid,
  unit_id uuid,
  action text not null,
  entity_type text,
  entity_id text,
  correlation_id text,
  ip text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null,
  unique (chain, seq)
);
create index audit_event_time on audit_event (occurred_at desc);
create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_actor on audit_event (actor_user_id, occurred_at desc);
comment on table audit_event is 'retention: audit-permanent; personal data (actor, ip)';

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_is_append_only();
