-- Legal register: the acts behind every rule, with status and language versions; rule packs
-- (deadlines, forms, reason codes, delegated widths and periods) hang here with effective dates.
create table legal_act (
  id uuid primary key,
  code text not null unique,
  act_type text not null check (act_type in ('law', 'code', 'joint_order', 'order', 'decree', 'rules',
    'instruction', 'agreement', 'treaty')),
  number text not null,
  adopted_on date not null,
  registration_no text,
  registered_on date,
  title_kk text,
  title_ru text,
  title_en text not null,
  issuer text not null,
  status text not null check (status in ('in_force', 'repealed', 'not_in_force', 'pending_ratification')),
  in_force_from date,
  repealed_on date,
  repealed_by_act_id uuid references legal_act(id),
  repealed_by_text text,
  languages jsonb not null default '[]'::jsonb,
  notes text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
comment on table legal_act is 'retention: reference';

create table rule_pack (
  id uuid primary key,
  act_id uuid not null references legal_act(id),
  code text not null,
  kind text not null check (kind in ('deadline', 'form', 'reason_code', 'delegated_value', 'list')),
  title_en text not null,
  effective_from date not null,
  effective_to date,
  content jsonb not null,
  created_at timestamptz not null,
  unique (code, effective_from),
  check (effective_to is null or effective_to > effective_from)
);
comment on table rule_pack is 'retention: reference';

-- Geography: border sections by neighbour, checkpoints, SEZs on the customs border.
create table border_section (
  id uuid primary key,
  code text not null unique,
  neighbour_country char(3) not null,
  kind text not null check (kind in ('land', 'sea', 'river', 'lake')),
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  length_km numeric,
  created_at timestamptz not null
);
comment on table border_section is 'retention: reference';

create table checkpoint (
  id uuid primary key,
  code text not null unique,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  -- null for an air checkpoint, which lies inland rather than on a section of the line
  border_section_id uuid references border_section(id),
  -- the Border Service unit that performs border control here
  unit_id uuid references unit(id),
  transport_modes text[] not null check (transport_modes <@ array['road', 'rail', 'air', 'sea', 'river', 'pedestrian']::text[] and cardinality(transport_modes) > 0),
  category text not null check (category in ('multilateral', 'bilateral', 'simplified')),
  is_joint boolean not null default false,
  joint_partner_country char(3),
  control_zone text,
  neighbour_checkpoint_name text,
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  coordinates_are_demo boolean not null default true,
  time_zone text not null,
  -- {"always": true} or {"weekly": [{"days":[1..7],"open":"HH:MM","close":"HH:MM"}]} in time_zone
  working_hours jsonb not null,
  status text not null default 'open' check (status in ('open', 'restricted', 'suspended')),
  status_reason text,
  status_legal_basis text,
  status_from timestamptz,
  status_until timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (not is_joint or joint_partner_country is not null),
  check (border_section_id is not null or transport_modes = array['air']::text[]),
  check (status = 'open' or (status_reason is not null and status_legal_basis is not null and status_from is not null))
);
create index checkpoint_section on checkpoint (border_section_id);
comment on table checkpoint is 'retention: reference';

-- History of status decisions (Law Art. 14(7): temporary restriction or suspension; MFA notifies within 72 h).
create table checkpoint_status_change (
  id uuid primary key,
  checkpoint_id uuid not null references checkpoint(id),
  status text not null check (status in ('open', 'restricted', 'suspended')),
  reason text,
  legal_basis text,
  valid_from timestamptz not null,
  valid_until timestamptz,
  requested_by_neighbour boolean not null default false,
  decided_by uuid references app_user(id),
  created_at timestamptz not null
);
create index checkpoint_status_change_cp on checkpoint_status_change (checkpoint_id, created_at desc);
comment on table checkpoint_status_change is 'retention: reference';

create table sez (
  id uuid primary key,
  code text not null unique,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  description_en text,
  legal_basis text,
  created_at timestamptz not null
);
create table sez_checkpoint (
  sez_id uuid not null references sez(id) on delete cascade,
  checkpoint_id uuid not null references checkpoint(id),
  primary key (sez_id, checkpoint_id)
);
comment on table sez is 'retention: reference';
comment on table sez_checkpoint is 'retention: reference';

alter table counterpart_group add foreign key (checkpoint_id) references checkpoint(id);
alter table counterpart_group add foreign key (sez_id) references sez(id);
