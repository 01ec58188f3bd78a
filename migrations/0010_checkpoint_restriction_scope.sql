-- A temporary restriction or suspension of crossing (Law Art. 14(7)) may cover only some transport
-- modes or directions (e.g. freight road traffic on exit). Null means every mode / both directions.
alter table checkpoint add column status_modes text[], add column status_directions text[];
alter table checkpoint_status_change add column transport_modes text[], add column directions text[];
