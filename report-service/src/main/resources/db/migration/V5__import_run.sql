-- One row per import of a capaian table. The indicator-service bundle that the import still has to write is
-- stored here in the same transaction as the row, BEFORE any owner is written, so that a write that fails after
-- budget-service committed is completed later (by ImportRetrier) rather than lost.
CREATE TABLE import_run (
    id                 uuid        PRIMARY KEY,
    pemda              text        NOT NULL,
    tahun              integer     NOT NULL,
    opd                text        NOT NULL,
    bulan              integer     NOT NULL,
    status             text        NOT NULL CHECK (status IN ('BERJALAN', 'SELESAI', 'MENUNGGU', 'GAGAL', 'DIGANTIKAN')),
    pelaku             text,
    dibuat             timestamptz NOT NULL DEFAULT now(),
    diubah             timestamptz NOT NULL DEFAULT now(),
    ringkasan          jsonb,
    rencana_indikator  jsonb,
    percobaan          integer     NOT NULL DEFAULT 0,
    coba_lagi          timestamptz,
    kesalahan          text
);
CREATE INDEX import_run_due ON import_run (coba_lagi) WHERE status = 'MENUNGGU';
CREATE INDEX import_run_scope ON import_run (pemda, tahun, opd, dibuat);
