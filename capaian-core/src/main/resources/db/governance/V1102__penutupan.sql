-- Months closed for one OPD of a pemda-year after its quarterly evaluation (Evaluasi Renja, E.81):
-- realizations of months 1..sampai_bulan are refused until the closing is lowered (with a reason).
-- No row: every month open.
CREATE TABLE penutupan (
    pemda        text        NOT NULL,
    tahun        integer     NOT NULL,
    opd          text        NOT NULL,
    sampai_bulan smallint    NOT NULL CHECK (sampai_bulan BETWEEN 1 AND 12),
    alasan       text,
    oleh         text        NOT NULL,
    nama         text,
    sejak        timestamptz NOT NULL,
    PRIMARY KEY (pemda, tahun, opd)
);
