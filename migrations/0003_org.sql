-- Organisations: agencies, their unit trees on the five levels of the 2002 Instruction p.8
-- (ministry -> region -> detachment/district -> post -> shift), counterpart links between
-- agencies, officers, users, roles and acting substitutes.

create table agency (
  id uuid primary key,
  code text not null unique,
  kind text not null check (kind in ('border_service', 'national_security', 'internal_affairs', 'customs',
    'finance', 'foreign_affairs', 'local_executive', 'justice', 'prosecution', 'other_control', 'foreign_partner')),
  country char(3) not null default 'KAZ',
  parent_agency_id uuid references agency(id),
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  short_kk text not null,
  short_ru text not null,
  short_en text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
comment on table agency is 'retention: reference';

create table unit (
  id uuid primary key,
  agency_id uuid not null references agency(id),
  parent_id uuid references unit(id),
  -- ancestors from the root down to and including this unit: subtree scope checks are `$id = any(path)`
  path uuid[] not null,
  level smallint not null check (level between 1 and 5),
  unit_type text not null,
  code text not null unique,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  time_zone text not null,
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index unit_parent on unit (parent_id);
create index unit_agency on unit (agency_id, level);
create index unit_path on unit using gin (path);
comment on table unit is 'retention: reference';

-- Counterpart groups: the units of different agencies that work together at one level and place
-- (Instruction p.8 triad BS - police - customs; SEZ Rules quad police - NSC - BS unit - BS subdivision).
create table counterpart_group (
  id uuid primary key,
  purpose text not null check (purpose in ('migration_interaction', 'sez_passage', 'joint_control')),
  level smallint not null check (level between 1 and 5),
  checkpoint_id uuid,
  sez_id uuid,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  created_at timestamptz not null
);
create table counterpart_member (
  group_id uuid not null references counterpart_group(id) on delete cascade,
  unit_id uuid not null references unit(id),
  role text not null,
  primary key (group_id, unit_id)
);
comment on table counterpart_group is 'retention: reference';
comment on table counterpart_member is 'retention: reference';

create table officer (
  id uuid primary key,
  agency_id uuid not null references agency(id),
  unit_id uuid not null references unit(id),
  surname text not null,
  given_names text not null,
  patronymic text,
  rank text,
  position text not null,
  service_certificate_no text,
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index officer_certificate on officer (agency_id, service_certificate_no) where service_certificate_no is not null;
create index officer_unit on officer (unit_id);
comment on table officer is 'retention: personnel-75y; personal data';

create table role (
  code text primary key,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  permissions text[] not null,
  -- null: any agency may hold it; else only users of agencies of these kinds
  agency_kinds text[]
);
comment on table role is 'retention: configuration';

create table app_user (
  id uuid primary key,
  username text not null,
  display_name text not null,
  password_hash text not null,
  agency_id uuid references agency(id),
  unit_id uuid references unit(id),
  officer_id uuid references officer(id),
  locale text not null default 'ru' check (locale in ('kk', 'ru', 'en')),
  is_active boolean not null default true,
  is_builtin boolean not null default false,
  is_demo boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz not null,
  last_login_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index app_user_username on app_user (lower(username));
comment on table app_user is 'retention: account-5y-after-deactivation; personal data';

-- A role held over a unit subtree (scope_unit_id null: the whole agency, or everything for admin roles).
create table user_role (
  user_id uuid not null references app_user(id) on delete cascade,
  role_code text not null references role(code),
  scope_unit_id uuid references unit(id),
  granted_at timestamptz not null,
  granted_by uuid references app_user(id)
);
create unique index user_role_unique on user_role (user_id, role_code, coalesce(scope_unit_id, '00000000-0000-0000-0000-000000000000'));
comment on table user_role is 'retention: account-5y-after-deactivation';

-- An acting substitute: the deputy signs for the principal (e.g. a unit head) for a period (SEZ Rules p.3).
create table acting_assignment (
  id uuid primary key,
  principal_user_id uuid not null references app_user(id),
  deputy_user_id uuid not null references app_user(id),
  unit_id uuid not null references unit(id),
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  basis text not null,
  created_by uuid references app_user(id),
  created_at timestamptz not null,
  revoked_at timestamptz,
  check (valid_to > valid_from),
  check (principal_user_id <> deputy_user_id)
);
create index acting_assignment_deputy on acting_assignment (deputy_user_id, valid_to);
comment on table acting_assignment is 'retention: personnel-75y';

create table user_session (
  token_hash text primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ip text,
  user_agent text,
  revoked_at timestamptz
);
create index user_session_user on user_session (user_id);
comment on table user_session is 'retention: operational-30d; personal data (ip)';

create table api_token (
  id uuid primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
comment on table api_token is 'retention: account-5y-after-deactivation';
