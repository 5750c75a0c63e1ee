-- The latest full state of every entity that the owners announce (one row per CloudEvent subject).
-- A message is applied only if its version is newer than the one held here, so duplicates, replays
-- and reordering change nothing; the aggregates of the report are derived from these rows.
CREATE TABLE entity_state (
    subject     text        PRIMARY KEY,
    source      text        NOT NULL,
    type        text        NOT NULL,
    version     bigint      NOT NULL,
    event_id    uuid        NOT NULL,
    event_time  timestamptz NOT NULL,
    data        jsonb       NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);
