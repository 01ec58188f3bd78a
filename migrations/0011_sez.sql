-- Special economic zones on the EAEU customs border (SEZ Rules 2019, DOC-000): the lists of police
-- officers allowed through the checkpoint into the SEZ with their approval chain, admission at the
-- checkpoint, the annual plan, daily post rosters, inspector lists and service inspections.

-- A list of officers: the monthly list with its weapons permit (p.4-6, 15/16), a priority list of an
-- operational-investigative group (p.7), an emergency list under the head's order (p.8), or the
-- monthly list of inspectors and responsible officers (EN p.13). Every correction or amendment is a
-- new version of the same lineage; a version never changes once signed.
create table sez_list (
  id uuid primary key,
  lineage_id uuid not null,
  version integer not null check (version >= 1),
  kind text not null check (kind in ('monthly', 'oig', 'emergency', 'inspectors')),
  sez_id uuid not null references sez(id),
  police_unit_id uuid not null references unit(id),
  police_agency_id uuid not null references agency(id),
  nsc_unit_id uuid references unit(id),
  bs_unit_id uuid references unit(id),
  month date not null,
  status text not null check (status in ('draft', 'signed', 'agreed', 'forwarded', 'received', 'returned', 'superseded', 'closed')),
  change_reason text,
  offence jsonb,
  emergency_order jsonb,
  permit_no text,
  rule_pack_id uuid references rule_pack(id),
  created_by uuid references app_user(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (lineage_id, version)
);
-- one monthly list (lineage) per police body, SEZ and month; amendments are its versions
create unique index sez_list_one_monthly on sez_list (sez_id, police_unit_id, month, kind) where version = 1 and kind in ('monthly', 'inspectors');
create index sez_list_sez_month on sez_list (sez_id, month, status);
comment on table sez_list is 'retention: operational-5y';

create table sez_list_officer (
  list_id uuid not null references sez_list(id) on delete cascade,
  line_no integer not null check (line_no >= 1),
  surname text not null,
  given_name text not null,
  patronymic text,
  certificate_no text not null,
  weapon_no text,
  equipment jsonb,
  primary key (list_id, line_no)
);
create unique index sez_list_officer_certificate on sez_list_officer (list_id, certificate_no);
create unique index sez_list_officer_weapon on sez_list_officer (list_id, weapon_no) where weapon_no is not null;
create index sez_list_officer_lookup on sez_list_officer (certificate_no);
comment on table sez_list_officer is 'retention: operational-5y; personal data';

-- special vehicles the officers enter on (p.3, p.9): the form has no columns for them, so an annex
create table sez_list_vehicle (
  list_id uuid not null references sez_list(id) on delete cascade,
  line_no integer not null check (line_no >= 1),
  plate text not null,
  kind text not null,
  model text,
  primary key (list_id, line_no)
);
create unique index sez_list_vehicle_plate on sez_list_vehicle (list_id, plate);
comment on table sez_list_vehicle is 'retention: operational-5y';

-- Each step of the chain, immutable: signed by the head (or the acting substitute), returned for
-- correction, agreed by the NSC district division, forwarded to the BS military unit, received.
create table sez_list_step (
  id uuid primary key,
  list_id uuid not null references sez_list(id),
  step text not null check (step in ('signed', 'returned', 'agreed', 'forwarded', 'received', 'closed')),
  unit_id uuid not null references unit(id),
  user_id uuid references app_user(id),
  acting_for_user_id uuid references app_user(id),
  signer jsonb not null,
  note text,
  at timestamptz not null
);
create unique index sez_list_step_once on sez_list_step (list_id, step) where step <> 'returned';
create index sez_list_step_list on sez_list_step (list_id, at);
comment on table sez_list_step is 'retention: operational-5y';

-- An officer checked at the checkpoint on the way into or out of the SEZ, and the outcome.
create table sez_admission (
  id uuid primary key,
  sez_id uuid not null references sez(id),
  checkpoint_id uuid not null references checkpoint(id),
  bs_unit_id uuid not null references unit(id),
  direction text not null check (direction in ('entry', 'exit')),
  basis text not null check (basis in ('routine', 'oig', 'emergency', 'inspector')),
  priority boolean not null,
  surname text not null,
  given_name text not null,
  certificate_no text not null,
  id_document_no text not null,
  id_document_expiry date,
  list_id uuid references sez_list(id),
  line_no integer,
  result text not null check (result in ('pass', 'refuse')),
  reasons jsonb not null,
  weapons jsonb not null,
  vehicle jsonb,
  decided_by uuid references app_user(id),
  at timestamptz not null
);
create index sez_admission_log on sez_admission (sez_id, at desc);
create index sez_admission_certificate on sez_admission (certificate_no, at desc);
comment on table sez_admission is 'retention: operational-5y; personal data';

-- Weapons carried in and out (p.14): one row per weapon per passage, reconciled exit against entry.
create table sez_weapon_movement (
  seq bigint generated always as identity,
  admission_id uuid not null references sez_admission(id),
  weapon_no text not null,
  sez_id uuid not null references sez(id),
  certificate_no text not null,
  direction text not null check (direction in ('entry', 'exit')),
  at timestamptz not null,
  primary key (admission_id, weapon_no)
);
create index sez_weapon_movement_weapon on sez_weapon_movement (sez_id, weapon_no, seq desc);
comment on table sez_weapon_movement is 'retention: operational-5y';

-- The annual plan for the complex use of forces and means (p.10-11), agreed by the BS military unit.
create table sez_plan (
  id uuid primary key,
  sez_id uuid not null references sez(id),
  police_unit_id uuid not null references unit(id),
  police_agency_id uuid not null references agency(id),
  bs_unit_id uuid references unit(id),
  year integer not null,
  status text not null check (status in ('draft', 'sent', 'agreed', 'returned')),
  routes jsonb not null,
  squad_count integer not null check (squad_count >= 1),
  tasks jsonb not null,
  equipment jsonb not null,
  note text,
  created_by uuid references app_user(id),
  sent_by uuid references app_user(id),
  sent_at timestamptz,
  agreed_by uuid references app_user(id),
  agreed_at timestamptz,
  returned_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (sez_id, police_unit_id, year)
);
comment on table sez_plan is 'retention: operational-5y';

-- The daily post roster for the next day (KZ p.12), approved by the head, copy to the BS subdivision.
create table sez_roster (
  id uuid primary key,
  sez_id uuid not null references sez(id),
  police_unit_id uuid not null references unit(id),
  police_agency_id uuid not null references agency(id),
  bs_unit_id uuid references unit(id),
  day date not null,
  status text not null check (status in ('draft', 'approved')),
  posts jsonb not null,
  created_by uuid references app_user(id),
  approved_by uuid references app_user(id),
  approved_acting_for uuid references app_user(id),
  approved_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (sez_id, police_unit_id, day)
);
comment on table sez_roster is 'retention: operational-5y; personal data';

-- Service inspections of the squads (EN p.12 / KZ p.13), planned in the head's plan-assignment and
-- recorded as carried out.
create table sez_inspection (
  id uuid primary key,
  sez_id uuid not null references sez(id),
  police_unit_id uuid not null references unit(id),
  police_agency_id uuid not null references agency(id),
  planned_on date not null,
  squad text not null,
  post text,
  inspector text not null,
  planned_by uuid references app_user(id),
  performed_at timestamptz,
  findings text,
  measures text,
  recorded_by uuid references app_user(id),
  created_at timestamptz not null
);
create index sez_inspection_plan on sez_inspection (sez_id, planned_on);
comment on table sez_inspection is 'retention: operational-5y';
