-- Border control at checkpoints (Law Art. 14-23, 31-35; workflows W1-W3). A crossing is the physical act;
-- passage is the Border Service's clearance, complete only when control has ended and the person has
-- left the checkpoint (Art. 19(9)): left_at.

-- Lanes and booths of a checkpoint's control line.
create table checkpoint_lane (
  id uuid primary key,
  checkpoint_id uuid not null references checkpoint(id),
  code text not null,
  transport_mode text not null check (transport_mode in ('road', 'rail', 'air', 'sea', 'river', 'pedestrian')),
  direction text not null check (direction in ('entry', 'exit', 'both')),
  active boolean not null default true,
  created_at timestamptz not null,
  unique (checkpoint_id, code)
);
comment on table checkpoint_lane is 'retention: reference';

create table crossing (
  id uuid primary key,
  checkpoint_id uuid not null references checkpoint(id),
  lane_id uuid references checkpoint_lane(id),
  -- the Border Service unit performing control at the checkpoint, and its agency: who may see the record
  unit_id uuid not null references unit(id),
  agency_id uuid not null references agency(id),
  direction text not null check (direction in ('entry', 'exit')),
  transport_mode text not null check (transport_mode in ('road', 'rail', 'air', 'sea', 'river', 'pedestrian')),
  traveller_category text not null check (traveller_category in ('rk_citizen', 'foreigner', 'stateless', 'diplomat', 'crew', 'officer_on_duty', 'other')),
  vehicle_role text check (vehicle_role in ('driver', 'passenger', 'crew', 'pedestrian')),
  vehicle_plate text,
  vehicle_country char(3),
  purpose text,
  surname text,
  given_names text,
  date_of_birth text,
  sex char(1) check (sex in ('M', 'F', 'X')),
  nationality char(3),
  document_code text,
  document_number text,
  issuing_state char(3),
  document_expiry date,
  -- the machine readable zone as read, and whether it passed every check
  mrz_lines text[],
  mrz_valid boolean,
  -- the automatic checks: [{code, result: pass|warn|fail, detail}]
  checks jsonb not null,
  -- screening hits at the time of control (entry ids, lists, kinds, actions, alert ids)
  hits jsonb not null default '[]',
  status text not null check (status in ('in_control', 'secondary', 'decided', 'completed', 'voided')),
  decision text check (decision in ('pass', 'refuse', 'secondary', 'seize_document', 'hold_identification', 'detain')),
  -- refusal reason codes of the reason list (rule pack) in force at the decision
  reasons text[] not null default '{}',
  reason_pack_id uuid references rule_pack(id),
  decision_note text,
  return_to_country char(3),
  arrived_at timestamptz not null,
  decided_at timestamptz,
  left_at timestamptz,
  officer_user_id uuid not null references app_user(id),
  decided_by uuid references app_user(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index crossing_checkpoint_time on crossing (checkpoint_id, arrived_at desc);
create index crossing_document on crossing (document_number, issuing_state);
create index crossing_open on crossing (checkpoint_id) where status in ('in_control', 'secondary', 'decided');
comment on table crossing is 'retention: border-control-5y; personal data';

-- Corrections never overwrite: every change of a crossing is a version with who, when and why.
create table crossing_version (
  crossing_id uuid not null references crossing(id),
  version integer not null,
  change text not null,
  reason text,
  snapshot jsonb not null,
  changed_at timestamptz not null,
  changed_by uuid,
  primary key (crossing_id, version)
);
comment on table crossing_version is 'retention: border-control-5y; personal data';

-- A referral to secondary inspection: its own record and outcome.
create table secondary_inspection (
  id uuid primary key,
  crossing_id uuid not null references crossing(id),
  reason text not null,
  opened_at timestamptz not null,
  opened_by uuid not null references app_user(id),
  outcome text check (outcome in ('pass', 'refuse', 'seize_document', 'detain', 'handed_to_police')),
  findings text,
  closed_at timestamptz,
  closed_by uuid references app_user(id)
);
create index secondary_inspection_crossing on secondary_inspection (crossing_id);
comment on table secondary_inspection is 'retention: border-control-5y; personal data';

-- A detention decided at control (Art. 30, 66(4)); the cases work builds on it.
create table detention (
  id uuid primary key,
  crossing_id uuid references crossing(id),
  checkpoint_id uuid references checkpoint(id),
  unit_id uuid not null references unit(id),
  agency_id uuid not null references agency(id),
  person jsonb not null,
  grounds text not null,
  status text not null default 'open' check (status in ('open', 'handed_over', 'released', 'closed')),
  detained_at timestamptz not null,
  detained_by uuid not null references app_user(id),
  created_at timestamptz not null
);
comment on table detention is 'retention: case-10y; personal data';

-- A document taken at control (Art. 66(9)): temporary seizure, or seizure of an invalid document.
create table document_seizure (
  id uuid primary key,
  crossing_id uuid not null references crossing(id),
  document_number text,
  issuing_state char(3),
  kind text not null check (kind in ('temporary', 'invalid')),
  reason text not null,
  seized_at timestamptz not null,
  seized_by uuid not null references app_user(id),
  returned_at timestamptz
);
comment on table document_seizure is 'retention: border-control-5y; personal data';
