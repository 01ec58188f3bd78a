-- Cases at the border (Law Art. 27-30, 62(1)(4-1), 66-67, 72-75, 79; Instruction 2002 p.9(6), p.10(3)):
-- detentions with their holding and protocol, hand-over acts between agencies with a chain of custody
-- of persons, items and vehicles, and use-of-force reports on their legal clocks.

-- A detention: from the booth console's "detain" decision, a patrol, or entered directly.
alter table detention
  add column source text not null default 'checkpoint' check (source in ('checkpoint', 'patrol', 'direct')),
  add column category text,
  add column unidentified boolean not null default false,
  add column description text,
  add column place jsonb,
  add column search jsonb,
  add column vehicles jsonb,
  add column procedure text check (procedure in ('administrative', 'criminal')),
  add column held_at text check (held_at in ('bs_premises', 'temporary_detention_facility', 'pretrial_facility', 'mia_facility')),
  add column held_in timestamptz,
  add column held_out timestamptz,
  add column protocol jsonb,
  add column explanation jsonb,
  add column photo bytea,
  add column photo_type text check (photo_type in ('image/jpeg', 'image/png')),
  add column version integer not null default 1,
  add column updated_at timestamptz;
alter table detention alter column detained_by drop not null;
create index detention_unit on detention (unit_id, detained_at desc);

-- Every change of a detention is a new version: the record as it was, who changed it and why.
create table detention_version (
  detention_id uuid not null references detention(id),
  version integer not null,
  snapshot jsonb not null,
  reason text not null,
  changed_by uuid references app_user(id),
  at timestamptz not null,
  primary key (detention_id, version)
);
comment on table detention_version is 'retention: case-10y; personal data';

-- A thing in someone's custody: a person, a seized item (contraband, weapon, drugs, documents, cash,
-- goods) or a vehicle. Its custodian changes only by an accepted hand-over.
create table custody_item (
  id uuid primary key,
  kind text not null check (kind in ('person', 'contraband', 'weapon', 'ammunition', 'drugs', 'documents', 'cash', 'goods', 'vehicle', 'other')),
  description text not null,
  quantity numeric not null check (quantity > 0),
  measure text not null,
  seal_no text,
  detention_id uuid references detention(id),
  custodian_unit_id uuid not null references unit(id),
  custodian_agency_id uuid not null references agency(id),
  ownerless boolean not null default false,
  seized_at timestamptz not null,
  seized_by uuid references app_user(id),
  created_at timestamptz not null
);
create index custody_item_custodian on custody_item (custodian_unit_id, seized_at desc);
create index custody_item_detention on custody_item (detention_id) where detention_id is not null;
comment on table custody_item is 'retention: case-10y; personal data';

-- A hand-over act from one agency's unit to another's. Until the receiver accepts, the sender stays
-- the custodian; acceptance may note discrepancies; a refusal gives the reason.
create table handover_act (
  id uuid primary key,
  number text not null unique,
  from_unit_id uuid not null references unit(id),
  from_agency_id uuid not null references agency(id),
  to_unit_id uuid not null references unit(id),
  to_agency_id uuid not null references agency(id),
  detention_id uuid references detention(id),
  basis text not null,
  to_local_executive boolean not null default false,
  status text not null check (status in ('sent', 'accepted', 'accepted_with_discrepancies', 'refused')),
  handing_officer text not null,
  handed_by uuid references app_user(id),
  handed_at timestamptz not null,
  documents jsonb not null,
  receiving_officer text,
  received_by uuid references app_user(id),
  received_at timestamptz,
  discrepancies jsonb,
  refusal_reason text,
  measures text,
  measures_at timestamptz,
  rule_pack_id uuid references rule_pack(id),
  created_at timestamptz not null
);
create index handover_act_from on handover_act (from_unit_id, handed_at desc);
create index handover_act_to on handover_act (to_unit_id, handed_at desc);
comment on table handover_act is 'retention: case-10y; personal data';

create table handover_line (
  act_id uuid not null references handover_act(id),
  line_no integer not null,
  item_id uuid not null references custody_item(id),
  quantity numeric not null,
  seal_no text,
  received_quantity numeric,
  received_seal_no text,
  note text,
  primary key (act_id, line_no)
);
create unique index handover_line_item on handover_line (act_id, item_id);
comment on table handover_line is 'retention: case-10y';

-- The chain of custody: immutable entries, one per change (seized, sent, accepted, refused).
create table custody_event (
  id uuid primary key,
  item_id uuid not null references custody_item(id),
  kind text not null check (kind in ('seized', 'sent', 'accepted', 'accepted_with_discrepancy', 'refused')),
  from_unit_id uuid references unit(id),
  to_unit_id uuid references unit(id),
  act_id uuid references handover_act(id),
  note text,
  by_user uuid references app_user(id),
  at timestamptz not null
);
create index custody_event_item on custody_event (item_id, at);
comment on table custody_event is 'retention: case-10y';

-- A use of weapons, military equipment, special means, service animals or physical force (Art. 72-75).
create table use_of_force_report (
  id uuid primary key,
  unit_id uuid not null references unit(id),
  agency_id uuid not null references agency(id),
  servicemen text not null,
  used_at timestamptz not null,
  place jsonb not null,
  means jsonb not null,
  ground text not null,
  warning text not null check (warning in ('verbal', 'warning_shot', 'none')),
  no_warning_case text,
  prohibitions jsonb not null,
  exception_ground text,
  aid text,
  outcome text not null,
  detention_id uuid references detention(id),
  premises_entry jsonb,
  prosecutor_notified_at timestamptz,
  prosecutor_notice text,
  premises_notified_at timestamptz,
  reported_by uuid references app_user(id),
  created_at timestamptz not null
);
create index use_of_force_unit on use_of_force_report (unit_id, used_at desc);
comment on table use_of_force_report is 'retention: case-10y; personal data';

-- Border representatives (Law Art. 2(30)-(31), 28): ours and the neighbour's, per border section, from
-- the lists exchanged through the MFA (Art. 58(7)).
create table border_representative (
  id uuid primary key,
  side text not null check (side in ('kazakhstan', 'neighbour')),
  neighbour_country text not null,
  border_section_id uuid references border_section(id),
  unit_id uuid references unit(id),
  full_name text not null,
  position text not null,
  role text not null check (role in ('representative', 'deputy', 'assistant')),
  list_reference text,
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null
);
comment on table border_representative is 'retention: reference; personal data';

-- A border incident (Art. 2(26), 27): registration, unilateral or joint investigation, correspondence
-- through exchange points, meetings of border representatives with protocol; settled, or passed to the MFA.
create table border_incident (
  id uuid primary key,
  number text not null unique,
  unit_id uuid not null references unit(id),
  agency_id uuid not null references agency(id),
  neighbour_country text not null,
  border_section_id uuid references border_section(id),
  domain text not null check (domain in ('land', 'water', 'air')),
  occurred_at timestamptz not null,
  place jsonb not null,
  summary text not null,
  violation text not null,
  investigation text check (investigation in ('unilateral', 'joint')),
  armed_forces_experts boolean not null default false,
  status text not null check (status in ('registered', 'investigating', 'settled', 'passed_to_mfa')),
  outcome text,
  mfa_unit_id uuid references unit(id),
  closed_at timestamptz,
  created_by uuid references app_user(id),
  created_at timestamptz not null
);
create index border_incident_unit on border_incident (unit_id, occurred_at desc);
comment on table border_incident is 'retention: case-10y';

create table border_incident_event (
  id uuid primary key,
  incident_id uuid not null references border_incident(id),
  kind text not null check (kind in ('investigation', 'letter_sent', 'letter_received', 'meeting', 'settled', 'passed_to_mfa')),
  at timestamptz not null,
  details jsonb not null,
  by_user uuid references app_user(id),
  created_at timestamptz not null
);
create index border_incident_event_incident on border_incident_event (incident_id, at);
comment on table border_incident_event is 'retention: case-10y';
