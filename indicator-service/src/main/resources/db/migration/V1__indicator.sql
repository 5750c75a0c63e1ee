-- Indicators (fisik) of any node of an OPD's plan tree, numbered per node. A removed indicator stays
-- as a tombstone (removed = true) so that its event version keeps growing if it is created again.
CREATE TABLE indicator (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pemda     text    NOT NULL CHECK (pemda ~ '^[0-9]{2}(\.[0-9]{2})?$'),
    tahun     integer NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    opd       text    NOT NULL CHECK (opd ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    kode      text    NOT NULL
              CHECK (kode ~ '^[1-9]\.[0-9]{2}(\.[0-9]{2}(\.[0-9]\.[0-9]{2}(\.([0-9]{2}|[0-9]{4}))?)?)?$'),
    nomor     integer NOT NULL CHECK (nomor >= 1),
    nama      text    NOT NULL CHECK (btrim(nama) <> '' AND length(nama) <= 2000),
    satuan    text    NOT NULL CHECK (btrim(satuan) <> '' AND length(satuan) <= 100),
    polaritas text    NOT NULL CHECK (polaritas IN ('positif', 'negatif')),
    -- how a negatif indicator's capaian is computed; NULL means the default (rasio)
    rumus     text    CHECK (rumus IS NULL OR (rumus IN ('rasio', 'selisih') AND polaritas = 'negatif')),
    target    numeric(20, 4) NOT NULL CHECK (target >= 0 AND target < 1e15),
    version   bigint  NOT NULL CHECK (version >= 1),
    removed   boolean NOT NULL DEFAULT false,
    CONSTRAINT indicator_natural_key UNIQUE (pemda, tahun, opd, kode, nomor)
);

-- The value achieved to the end of each month reported (cumulative, not a monthly increment).
CREATE TABLE realisasi (
    indicator_id bigint  NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    bulan        integer NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    nilai        numeric(20, 4) NOT NULL CHECK (nilai >= 0 AND nilai < 1e15),
    PRIMARY KEY (indicator_id, bulan)
);
