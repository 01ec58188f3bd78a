-- Watchlist imports started from the web UI run in the background: the job row says who started
-- which file, how far it got, and how it ended. The import itself is one transaction (all-or-nothing);
-- a job cut off by a restart imported nothing and is marked so at the next start.
create table watchlist_import (
  id uuid primary key,
  status text not null check (status in ('running', 'succeeded', 'rejected', 'failed')),
  format text not null check (format in ('un-xml', 'csv')),
  kind text check (kind in ('entry_ban', 'exit_ban', 'wanted', 'sanctions', 'other')),
  file_name text not null,
  file_bytes integer not null,
  total integer not null default 0,
  done integer not null default 0,
  -- on success: [{list, created, updated, removed, unchanged}]
  result jsonb,
  -- on rejection: [{path, message}] (the first thousand)
  problems jsonb,
  error text,
  started_by uuid not null references app_user(id),
  -- the starter's agency: its list managers follow the job
  agency_id uuid references agency(id),
  node_id text not null,
  created_at timestamptz not null,
  finished_at timestamptz
);
create index watchlist_import_recent on watchlist_import (created_at desc);
comment on table watchlist_import is 'retention: operational-5y';
