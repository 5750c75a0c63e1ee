-- Where the report's consumer stands in each partition of realization-updated: the offset of the next record to
-- read, written in the same transaction as the rows that the records before it changed. On partition assignment
-- the consumer seeks here (Kafka's committed offset is only the fallback when a partition has no row), so a
-- database restored to an earlier dump re-reads exactly what it lacks.
CREATE TABLE consumer_position (
    topic       text        NOT NULL,
    partition   integer     NOT NULL,
    next_offset bigint      NOT NULL CHECK (next_offset >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
);
