-- Every write from the web interface now carries an Idempotency-Key: maintenance deletes the keys older
-- than a day every ten minutes, by their creation time.
create index idempotency_key_created on idempotency_key (created_at);
