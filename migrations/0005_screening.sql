-- Screening (Law Art. 19(10), 23, 66(9)-(10)): watchlists of persons (entry bans, exit bans, wanted,
-- sanctions) and the register of lost, stolen, invalid and revoked travel documents.

create table watchlist (
  id uuid primary key,
  code text not null unique,
  kind text not null check (kind in ('entry_ban', 'exit_ban', 'wanted', 'sanctions', 'other')),
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  -- the body that keeps the list: its officers see the details of hits; others see whom to call
  owner_agency_id uuid references agency(id),
  contact text,
  default_action text not null check (default_action in ('refuse', 'detain', 'notify', 'monitor', 'secondary')),
  -- alert threshold for this list (0-1); null: the kind's default
  threshold numeric,
  source text,
  version integer not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
comment on table watchlist is 'retention: reference';

create table watchlist_entry (
  id uuid primary key,
  watchlist_id uuid not null references watchlist(id),
  -- the id given at import (the UN DATAID, a CSV id): stable across re-imports
  external_id text not null,
  kind text not null check (kind in ('entry_ban', 'exit_ban', 'wanted', 'sanctions', 'other')),
  primary_name text not null,
  -- [{"name": "...", "quality": "strong" | "weak"}] including the primary name
  names jsonb not null,
  sex char(1) check (sex in ('M', 'F')),
  -- as given: YYYY, YYYY-MM, YYYY-MM-DD, or a YYYY..YYYY range
  date_of_birth text,
  birth_year_from smallint,
  birth_year_to smallint,
  place_of_birth text,
  nationalities text[] not null default '{}',
  document_numbers text[] not null default '{}',
  reason text,
  legal_basis text,
  issuing_body text,
  contact text,
  action text check (action in ('refuse', 'detain', 'notify', 'monitor', 'secondary')),
  valid_from date,
  valid_to date,
  restricted boolean not null default true,
  -- hash of the content: a re-import that changes nothing writes nothing
  content_hash text not null,
  version integer not null default 1,
  removed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (watchlist_id, external_id)
);
create index watchlist_entry_list on watchlist_entry (watchlist_id) where removed_at is null;
comment on table watchlist_entry is 'retention: watchlist-until-expiry-plus-5y; personal data';

-- Every version of every entry, for the entry's history.
create table watchlist_entry_version (
  entry_id uuid not null references watchlist_entry(id),
  version integer not null,
  change text not null check (change in ('created', 'updated', 'removed', 'restored')),
  snapshot jsonb not null,
  changed_at timestamptz not null,
  changed_by uuid,
  primary key (entry_id, version)
);
comment on table watchlist_entry_version is 'retention: watchlist-until-expiry-plus-5y; personal data';

create table document_register (
  id uuid primary key,
  issuing_state char(3) not null,
  number text not null,
  -- upper-case letters and digits only, as shown
  number_key text not null,
  -- number_key with O read as 0 and I as 1: what a lookup compares
  lookup_key text not null,
  document_type text,
  status text not null check (status in ('lost', 'stolen', 'invalid', 'revoked')),
  source text not null,
  reported_on date,
  created_at timestamptz not null,
  removed_at timestamptz,
  unique (issuing_state, number_key)
);
create index document_register_lookup on document_register (lookup_key, issuing_state) where removed_at is null;
comment on table document_register is 'retention: register-until-expiry-plus-5y';

-- An alert an officer adjudicates; a confirmed false match for the same traveller and entry version
-- is remembered so the traveller is not stopped again by the same entry.
create table screening_alert (
  id uuid primary key,
  entry_id uuid not null references watchlist_entry(id),
  entry_version integer not null,
  traveller_key text not null,
  checkpoint_id uuid references checkpoint(id),
  score numeric not null,
  query jsonb not null,
  status text not null default 'open' check (status in ('open', 'true_match', 'false_match')),
  reason text,
  created_by uuid not null,
  -- the agency of the officer who screened: its officers decide the alert
  agency_id uuid references agency(id),
  created_at timestamptz not null,
  adjudicated_by uuid,
  adjudicated_at timestamptz
);
create index screening_alert_memory on screening_alert (traveller_key, entry_id) where status = 'false_match';
comment on table screening_alert is 'retention: operational-5y; personal data';
