-- The W3C trace context of the request that made the change, carried to Kafka as the record's
-- traceparent header so that one trace spans the write, the event and the report update.
ALTER TABLE outbox ADD COLUMN traceparent text;
