-- How an indicator's monthly values add up over the year (shared/EVALUASI-RENJA.md, "Quarters"):
-- 'jumlah' (things counted: a quarter is what was achieved in it) or 'akhir' (levels: a quarter is its
-- latest value). A negatif indicator is always 'akhir'.
ALTER TABLE indicator ADD COLUMN agregasi text NOT NULL DEFAULT 'akhir'
    CONSTRAINT indicator_agregasi CHECK (agregasi IN ('jumlah', 'akhir') AND (agregasi = 'akhir' OR polaritas = 'positif'));
-- Formulir E.81 columns 5 and 6 (K): the Renstra PD's target at the end of its period, and what was
-- achieved of it up to last year's Renja. Both optional.
ALTER TABLE indicator ADD COLUMN renstra_target numeric(20, 4)
    CONSTRAINT indicator_renstra_target CHECK (renstra_target >= 0 AND renstra_target < 1e15);
ALTER TABLE indicator ADD COLUMN renstra_realisasi_sebelumnya numeric(20, 4)
    CONSTRAINT indicator_renstra_realisasi CHECK (renstra_realisasi_sebelumnya >= 0 AND renstra_realisasi_sebelumnya < 1e15);

-- A program's target statement (sasaran, Formulir E.81 column 2), one per node; absent when none.
CREATE TABLE sasaran (
    pemda  text    NOT NULL CHECK (pemda ~ '^[0-9]{2}(\.[0-9]{2})?$'),
    tahun  integer NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    opd    text    NOT NULL CHECK (opd ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    kode   text    NOT NULL CHECK (kode ~ '^[1-9]\.[0-9]{2}\.[0-9]{2}$'),
    teks   text    NOT NULL CHECK (btrim(teks) <> '' AND length(teks) <= 2000),
    PRIMARY KEY (pemda, tahun, opd, kode)
);

-- Physical progress (progres fisik) of a sub kegiatan's work: one row per series with the version of its
-- indicator.progres-updated events (it only grows), and the percent to the end of each month reported
-- (cumulative, 0..100, 2 decimals; a lower value than an earlier month's is a correction, kept as given).
CREATE TABLE progres_seri (
    pemda   text    NOT NULL CHECK (pemda ~ '^[0-9]{2}(\.[0-9]{2})?$'),
    tahun   integer NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    opd     text    NOT NULL CHECK (opd ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    kode    text    NOT NULL CHECK (kode ~ '^[1-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.([0-9]{2}|[0-9]{4})$'),
    version bigint  NOT NULL CHECK (version >= 1),
    PRIMARY KEY (pemda, tahun, opd, kode)
);

CREATE TABLE progres (
    pemda  text         NOT NULL,
    tahun  integer      NOT NULL,
    opd    text         NOT NULL,
    kode   text         NOT NULL,
    bulan  integer      NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    persen numeric(5, 2) NOT NULL CHECK (persen >= 0 AND persen <= 100),
    PRIMARY KEY (pemda, tahun, opd, kode, bulan),
    FOREIGN KEY (pemda, tahun, opd, kode) REFERENCES progres_seri (pemda, tahun, opd, kode) ON DELETE CASCADE
);
