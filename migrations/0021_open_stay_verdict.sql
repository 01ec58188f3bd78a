-- The overstay list's verdicts kept with the stays still open: for each open stay, the first day on which
-- it is over the stay rule of the traveller's nationality if the traveller stays on (over_from), as judged
-- under the rule pack named in judged_under. A stay is judged once, when the list is next asked for, and
-- again only when it changes: a new entry on the document, the same traveller's entry on another document,
-- a correction of a crossing of theirs (each raises `version` and clears the verdict), or another pack of
-- stay rules in force. The list is then an index range on over_from, not a judgement of every stay.
alter table open_stay add column version integer not null default 0;
alter table open_stay add column judged_under uuid;
alter table open_stay add column over_from date;
comment on column open_stay.judged_under is 'the stay rule pack the verdict was judged under; null: not judged since the stay or its traveller changed';
comment on column open_stay.over_from is 'the first day (UTC) the stay is over its limit if the traveller stays on; null: never, not judged, or the stay gave way to a later entry of the same traveller';
create index open_stay_judged on open_stay (judged_under);
create index open_stay_over on open_stay (over_from) where over_from is not null;
