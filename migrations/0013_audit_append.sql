-- One round trip per audited change: the chain's lock, its head, each event's link and hash, and the
-- outbox rows, in one call (ADR 0009). Statements inside a function run in order, so the head is read
-- after the lock is held (one SQL statement would not promise that). The caller sends each event's
-- canonical JSON in two parts around its sequence number, so the hash is the one `auditHash` computes:
-- sha256(prev_hash || '\n' || canonical row), and `audit verify` checks rows from either path alike.
create function audit_append(p_chain text, p_events jsonb, p_outbox jsonb) returns bigint language plpgsql as $$
declare
  head_seq bigint;
  head_hash text;
  e jsonb;
  next_hash text;
begin
  perform pg_advisory_xact_lock(hashtext('audit:' || p_chain));
  select seq, hash into head_seq, head_hash from audit_event where chain = p_chain order by seq desc limit 1;
  head_seq := coalesce(head_seq, 0);
  head_hash := coalesce(head_hash, repeat('0', 64));
  for e in select value from jsonb_array_elements(p_events) loop
    head_seq := head_seq + 1;
    next_hash := encode(sha256(convert_to(head_hash || E'\n' || (e->>'head') || head_seq::text || (e->>'tail'), 'UTF8')), 'hex');
    insert into audit_event (id, chain, seq, occurred_at, actor_user_id, actor_username, on_behalf_of_user_id, agency_id, unit_id,
                             action, entity_type, entity_id, correlation_id, ip, details, prev_hash, hash)
    values ((e->>'id')::uuid, p_chain, head_seq, (e->>'occurredAt')::timestamptz, (e->>'actorUserId')::uuid, e->>'actorUsername',
            (e->>'onBehalfOfUserId')::uuid, (e->>'agencyId')::uuid, (e->>'unitId')::uuid, e->>'action', e->>'entityType', e->>'entityId',
            e->>'correlationId', e->>'ip', e->'details', head_hash, next_hash);
    head_hash := next_hash;
  end loop;
  if p_outbox is not null and jsonb_array_length(p_outbox) > 0 then
    insert into outbox_event (id, origin, topic, aggregate_type, aggregate_id, payload, created_at)
    select (o->>'id')::uuid, o->>'origin', o->>'topic', o->>'aggregateType', o->>'aggregateId', o->'payload', (o->>'createdAt')::timestamptz
    from jsonb_array_elements(p_outbox) as o;
  end if;
  return head_seq;
end;
$$;

-- A change written only if the row is still the version its writer judged: the guarded write (a CTE
-- returning its rows) must have changed exactly the expected number, else the whole statement — its
-- other writes and its audit — is undone with serialization_failure, and the writer reads again.
create function expect_rows(actual bigint, expected bigint) returns void language plpgsql as $$
begin
  if actual <> expected then
    raise exception 'stale: % row(s) written, % expected', actual, expected using errcode = '40001';
  end if;
end;
$$;
