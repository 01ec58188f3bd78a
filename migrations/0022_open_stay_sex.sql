-- The same traveller on another document is no longer anyone of the same nationality, date of birth,
-- surname and given names: the sex must not be the other one. Two namesakes born on the same day, a man
-- and a woman, were one traveller, and the exit of one closed the other's stay (she was then missing from
-- the overstay list). A document that gives no sex, or X, still matches either. The open stays keep the
-- sex their entry recorded, and are rebuilt from the passed crossings by the new rule (a stay closed by a
-- namesake of the other sex opens again); their verdicts are judged again by the list and its timer.
alter table open_stay add column sex char(1);
comment on column open_stay.over_from is 'the first day (on Kazakhstan''s calendar) the stay is over its limit if the traveller stays on; null: never, not judged, or the stay gave way to a later entry of the same traveller';
delete from open_stay;
insert into open_stay (issuing_state, document_number, entry_crossing_id, entered_at, surname, given_names, date_of_birth, nationality, sex)
select issuing_state, document_number, id, at, surname, given_names, case when date_of_birth ~ '^\d{4}-\d\d-\d\d$' then date_of_birth end, nationality, sex from (
  select distinct on (issuing_state, document_number) issuing_state, document_number, id, direction, coalesce(left_at, decided_at, arrived_at) as at, surname, given_names, date_of_birth, nationality, sex
  from crossing
  where decision = 'pass' and traveller_category in ('foreigner', 'stateless') and issuing_state is not null and document_number is not null
  order by issuing_state, document_number, coalesce(left_at, decided_at, arrived_at) desc, id desc
) last
where direction = 'entry';
-- a stay closed by the same traveller's exit on another document
delete from open_stay o
using crossing x
where o.date_of_birth is not null
  and x.decision = 'pass' and x.direction = 'exit' and x.traveller_category in ('foreigner', 'stateless')
  and x.nationality = o.nationality and x.date_of_birth = o.date_of_birth and upper(x.surname) = upper(o.surname)
  and upper(coalesce(x.given_names, '')) = upper(coalesce(o.given_names, ''))
  and not (coalesce(x.sex, 'X') in ('M', 'F') and coalesce(o.sex, 'X') in ('M', 'F') and x.sex <> o.sex)
  and coalesce(x.left_at, x.decided_at, x.arrived_at) > o.entered_at;
