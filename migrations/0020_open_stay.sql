-- Foreigners in the country now (for the overstay list of the migration police): for each document, the
-- passed entry of a foreigner or stateless person after which no passed exit is recorded. Kept by the
-- decision that passes an entry or an exit, and by a correction of the traveller's category; the list
-- then judges only these stays, not every crossing of the look-back period.
create table open_stay (
  issuing_state char(3) not null,
  document_number text not null,
  entry_crossing_id uuid not null references crossing(id) on delete cascade,
  entered_at timestamptz not null,
  primary key (issuing_state, document_number)
);
comment on table open_stay is 'retention: border-control-5y; personal data (derived from crossing)';
create index open_stay_entered on open_stay (entered_at);

insert into open_stay (issuing_state, document_number, entry_crossing_id, entered_at)
select issuing_state, document_number, id, at from (
  select distinct on (issuing_state, document_number) issuing_state, document_number, id, direction, coalesce(left_at, decided_at, arrived_at) as at
  from crossing
  where decision = 'pass' and traveller_category in ('foreigner', 'stateless') and issuing_state is not null and document_number is not null
  order by issuing_state, document_number, coalesce(left_at, decided_at, arrived_at) desc
) last
where direction = 'entry';
