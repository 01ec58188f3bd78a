-- The outbox relay (src/platform/outbox-relay.ts) marks events published; maintenance deletes those
-- relayed more than 90 days ago (retention: operational-90d) in bounded steps, oldest first.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
