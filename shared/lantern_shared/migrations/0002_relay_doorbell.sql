-- The relay is woken in its own process when a transaction that wrote outbox rows commits (outbox.Doorbell), not by
-- a NOTIFY from this trigger: PostgreSQL serialises the commits of every notifying transaction, in every database of
-- the cluster, on one lock held across the WAL flush. Every outbox row is written by a service process that runs
-- its own relay; the relay's poll remains the safety net.
DROP TRIGGER IF EXISTS outbox_notify ON outbox;
DROP FUNCTION IF EXISTS outbox_notify();
