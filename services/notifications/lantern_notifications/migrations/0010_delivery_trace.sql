-- The trace a delivery belongs to (W3C traceparent of the handling that planned it), so the email or text the
-- dispatcher sends later is a span of the same trace as the request that caused it. NULL while tracing is off.
ALTER TABLE deliveries ADD COLUMN traceparent text;
