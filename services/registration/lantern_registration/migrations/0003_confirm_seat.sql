-- A registration's common case in one round trip: the patron share-locked, the session row-locked, the seat
-- decision made under that lock, the registration row and its outbox row written, all in the one statement that
-- calls this function (its own transaction: a single statement commits or rolls back whole).
--
-- It only ever confirms a seat. Anything else (no such patron or session, a session or program changed since the
-- caller read the snapshot it built the event from, no seat left, already registered) writes nothing and says
-- why; the caller then takes the full path, which waitlists or refuses with the reason as before.
--
-- The caller builds the CloudEvent (envelope and bytes, exactly as the Python outbox writes it) from a snapshot of
-- the session and program; `expected_version` is that snapshot's row versions (xmin of both rows), checked under
-- the lock, so the event never carries details older than the state the seat was decided on.
CREATE FUNCTION confirm_seat(
    registration_id uuid, for_session uuid, for_patron uuid, expected_version text,
    event_id text, event_type text, event_topic text, event_key text, event_payload bytea
) RETURNS TABLE (outcome text, registered_at timestamptz, confirmed_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    seen_version text;
    seats int;
    taken bigint;
BEGIN
    -- The patron before the session, the order erasure takes them in: no deadlock, and no seat for the erased.
    PERFORM 1 FROM patrons p WHERE p.id = for_patron AND p.erased_at IS NULL FOR SHARE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'no_patron'::text, NULL::timestamptz, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT s.xmin::text || '/' || g.xmin::text, s.capacity INTO seen_version, seats
        FROM sessions s JOIN programs g ON g.id = s.program_id
        WHERE s.id = for_session FOR UPDATE OF s;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'no_session'::text, NULL::timestamptz, NULL::timestamptz;
        RETURN;
    END IF;
    IF seen_version IS DISTINCT FROM expected_version THEN
        RETURN QUERY SELECT 'changed'::text, NULL::timestamptz, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT count(*) INTO taken FROM registrations r WHERE r.session_id = for_session AND r.status = 'confirmed';
    IF taken >= seats THEN
        RETURN QUERY SELECT 'full'::text, NULL::timestamptz, NULL::timestamptz;
        RETURN;
    END IF;
    RETURN QUERY
        INSERT INTO registrations AS r (id, session_id, patron_id, status, registered_at, confirmed_at)
        VALUES (registration_id, for_session, for_patron, 'confirmed', clock_timestamp(), clock_timestamp())
        ON CONFLICT (session_id, patron_id) WHERE status <> 'cancelled' DO NOTHING
        RETURNING 'confirmed'::text, r.registered_at, r.confirmed_at;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'already_registered'::text, NULL::timestamptz, NULL::timestamptz;
        RETURN;
    END IF;
    INSERT INTO outbox (event_id, event_type, topic, key, payload)
        VALUES (event_id, event_type, event_topic, event_key, event_payload);
END;
$$;
