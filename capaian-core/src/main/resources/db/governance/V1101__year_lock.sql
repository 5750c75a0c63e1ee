-- A locked (pemda, tahun), or one OPD of it (opd <> ''): writes to that scope are refused until it is
-- unlocked (the row is deleted; the audit trail keeps both events).
CREATE TABLE year_lock (
    pemda   text        NOT NULL,
    tahun   integer     NOT NULL,
    opd     text        NOT NULL DEFAULT '',
    alasan  text,
    oleh    text        NOT NULL,
    nama    text,
    sejak   timestamptz NOT NULL,
    PRIMARY KEY (pemda, tahun, opd)
);
