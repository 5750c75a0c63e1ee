-- The owner's epoch of the state held per subject: an event is applied only if its (epoch, version) is newer
-- than the held one, so that an owner restored from a backup and re-published in a new epoch replaces what
-- is held even with lower versions. Rows (and events) from before epochs existed are epoch 1.
ALTER TABLE entity_state ADD COLUMN epoch bigint NOT NULL DEFAULT 1;
