-- The owner's epoch: every event carries it, and a consumer orders one subject's events by (epoch, version).
-- It starts at 1. Re-publishing a pemda-year's current state (after this database was restored from a backup,
-- say) starts a new epoch, so that the re-published states, and every change after them, replace what a
-- consumer holds even where the restored versions are lower. A new epoch is the larger of epoch + 1 and the
-- current Unix time in seconds: it stays above every epoch issued before a restore brought an older value back.
CREATE TABLE owner_epoch (
    id    boolean PRIMARY KEY DEFAULT true CHECK (id),
    epoch bigint  NOT NULL CHECK (epoch >= 1)
);
INSERT INTO owner_epoch (id, epoch) VALUES (true, 1);
