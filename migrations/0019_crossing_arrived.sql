-- The crossings journal, newest first across every checkpoint a reader reaches, a page at a time
-- (GET /api/v1/crossings?cursor=): ordered by the arrival, then the id, and older than the last row of
-- the page before. Without it, opening the journal sorts the whole table.
create index crossing_arrived on crossing (arrived_at desc, id desc);
