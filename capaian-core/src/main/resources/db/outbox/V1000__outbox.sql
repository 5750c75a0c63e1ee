-- The transactional outbox of a producing service (budget, indicator): one row per committed change,
-- written in the change's own transaction, relayed to Kafka in id order, then marked published.
CREATE TABLE outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    subject      text        NOT NULL,
    version      bigint      NOT NULL,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
-- The relay reads the backlog in order: a partial index keeps that read small whatever the history.
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
