-- Any change to what waits in the queue (a delivery planned, released from an abandoned claim, retried by staff,
-- put back for later) wakes the dispatcher when its transaction commits: a due row is sent at once, and the
-- dispatcher learns the earliest time it must wake for a held one. pg_notify folds the notifications of one
-- transaction into one.
CREATE FUNCTION deliveries_notify_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('lantern_notifications_queue', '');
    RETURN NULL;
END $$;
CREATE TRIGGER deliveries_queued AFTER INSERT OR UPDATE OF status, send_after ON deliveries
    FOR EACH ROW WHEN (NEW.status = 'scheduled') EXECUTE FUNCTION deliveries_notify_queued();
