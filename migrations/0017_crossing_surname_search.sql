-- The crossings journal finds a traveller by the beginning of a surname, in any script and case
-- (GET /api/v1/crossings?q=): upper(surname) like 'PREFIX%'.
create index crossing_surname on crossing (upper(surname) text_pattern_ops);
