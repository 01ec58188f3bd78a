-- Foreigners in the country now (for the overstay list of the migration police): for each document, the
-- passed entry of a foreigner or stateless person after which no passed exit is recorded, with the
-- traveller as the entry recorded them. Kept by the decision that passes an entry or an exit (an exit
-- closes the stay of its document, or of the same traveller entered on another document: a passport
-- renewed during the stay), and by a correction of the traveller's category; the list then judges only
-- these stays, not every crossing of the look-back period.
create table open_stay (
  issuing_state char(3) not null,
  document_number text not null,
  entry_crossing_id uuid not null references crossing(id) on delete cascade,
  entered_at timestamptz not null,
  surname text,
  given_names text,
  date_of_birth text,
  nationality char(3),
  primary key (issuing_state, document_number)
);
comment on table open_stay is 'retention: border-control-5y; personal data (derived from crossing)';
create index open_stay_entered on open_stay (entered_at);
create index open_stay_traveller on open_stay (nationality, date_of_birth, upper(surname));
-- a traveller's crossings on any document (the same person: nationality, date of birth, surname)
create index crossing_traveller on crossing (nationality, date_of_birth, upper(surname));

insert into open_stay (issuing_state, document_number, entry_crossing_id, entered_at, surname, given_names, date_of_birth, nationality)
select issuing_state, document_number, id, at, surname, given_names, case when date_of_birth ~ '^\d{4}-\d\d-\d\d$' then date_of_birth end, nationality from (
  select distinct on (issuing_state, document_number) issuing_state, document_number, id, direction, coalesce(left_at, decided_at, arrived_at) as at, surname, given_names, date_of_birth, nationality
  from crossing
  where decision = 'pass' and traveller_category in ('foreigner', 'stateless') and issuing_state is not null and document_number is not null
  order by issuing_state, document_number, coalesce(left_at, decided_at, arrived_at) desc
) last
where direction = 'entry';
-- a stay closed by the same traveller's exit on another document
delete from open_stay o
using crossing x
where o.date_of_birth is not null
  and x.decision = 'pass' and x.direction = 'exit' and x.traveller_category in ('foreigner', 'stateless')
  and x.nationality = o.nationality and x.date_of_birth = o.date_of_birth and upper(x.surname) = upper(o.surname)
  and upper(coalesce(x.given_names, '')) = upper(coalesce(o.given_names, ''))
  and coalesce(x.left_at, x.decided_at, x.arrived_at) > o.entered_at;
