-- The points of every place a service is offered at, on the service's own row: ranking thousands of candidates by
-- distance then reads each one's points in place instead of looking its places up one by one.
ALTER TABLE services ADD COLUMN positions cube[] NOT NULL DEFAULT '{}';
UPDATE services s SET positions = coalesce(
    (SELECT array_agg(p.position) FROM service_places p WHERE p.service_id = s.id AND p.position IS NOT NULL), '{}');
