-- Vehicles and cargo at checkpoints (Law Art. 19(4), 19(8), 19(8-1), 23(2)(2)-(3), 33, 34; workflows W2,
-- W5, W11). The control bodies put their permission marks; the Border Service checks that every required
-- mark is there, examines, and decides. Customs' risk channel comes from explainable, versioned rules.
create table vehicle_crossing (
  id uuid primary key,
  checkpoint_id uuid not null references checkpoint(id),
  lane_id uuid references checkpoint_lane(id),
  unit_id uuid not null references unit(id),
  agency_id uuid not null references agency(id),
  direction text not null check (direction in ('entry', 'exit')),
  transport_mode text not null check (transport_mode in ('road', 'rail', 'air', 'sea', 'river')),
  plate text not null,
  plate_country char(3) not null,
  vin text,
  vehicle_type text not null check (vehicle_type in ('car', 'bus', 'truck', 'tractor_trailer', 'van', 'motorcycle', 'special', 'wagon', 'vessel', 'aircraft')),
  -- cargo: the declaration reference and what the carrier declares
  cargo_declaration text,
  cargo_categories text[] not null default '{}',
  cargo_description text,
  -- road exit: the electronic queue booking (Art. 19(8-1))
  equeue_booking text,
  -- [{body, reference, agencyId, byUserId, at}]
  permission_marks jsonb not null default '[]',
  checks jsonb not null,
  -- {channel: green|yellow|red, packId, fired: [{rule, channel, why}]}
  risk jsonb not null,
  status text not null check (status in ('in_control', 'examination', 'decided', 'completed')),
  decision text check (decision in ('pass', 'refuse', 'detain')),
  reasons text[] not null default '{}',
  reason_pack_id uuid references rule_pack(id),
  decision_note text,
  arrived_at timestamptz not null,
  decided_at timestamptz,
  left_at timestamptz,
  officer_user_id uuid not null references app_user(id),
  decided_by uuid references app_user(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index vehicle_crossing_checkpoint_time on vehicle_crossing (checkpoint_id, arrived_at desc);
create index vehicle_crossing_plate on vehicle_crossing (plate, plate_country);
comment on table vehicle_crossing is 'retention: border-control-5y';

-- Examination (осмотр), special examination, inspection (досмотр) and radiation control of a vehicle,
-- by the Border Service, customs, or jointly (Art. 23(2)(3), 34, 67(1)(33)).
create table vehicle_examination (
  id uuid primary key,
  vehicle_crossing_id uuid not null references vehicle_crossing(id),
  kind text not null check (kind in ('examination', 'special_examination', 'inspection', 'radiation')),
  joint_with_customs boolean not null default false,
  result text not null check (result in ('nothing_found', 'findings')),
  findings text,
  by_user_id uuid not null references app_user(id),
  agency_id uuid references agency(id),
  at timestamptz not null
);
create index vehicle_examination_crossing on vehicle_examination (vehicle_crossing_id);
comment on table vehicle_examination is 'retention: border-control-5y';

-- People in a vehicle: the person crossing says which vehicle crossing it belongs to.
alter table crossing add column vehicle_crossing_id uuid references vehicle_crossing(id);
