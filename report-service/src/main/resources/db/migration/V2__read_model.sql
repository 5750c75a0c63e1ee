-- The report's read model, derived from entity_state. Amounts are exact (numeric); a realization is
-- kept as twelve values, the cumulative amount as of the end of each month, so that the table can be
-- shown as of any month without recomputing.

-- Anggaran of every node: sub kegiatan rows come from the budget events; kegiatan, program, urusan and
-- the OPD total (kode '') are sums kept current incrementally, one delta per change.
CREATE TABLE anggaran (
    pemda     text          NOT NULL,
    tahun     integer       NOT NULL,
    opd       text          NOT NULL,
    kode      text          NOT NULL,
    level     text          NOT NULL CHECK (level IN ('OPD', 'URUSAN', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN')),
    uraian    text,
    pagu      numeric(20,2) NOT NULL,
    realisasi numeric(20,2)[] NOT NULL CHECK (cardinality(realisasi) = 12),
    leaves    integer       NOT NULL CHECK (leaves >= 0),
    PRIMARY KEY (pemda, tahun, opd, kode)
);

-- Indicators of any node; realisasi as of the end of each month (NULL before the first report).
CREATE TABLE indikator (
    pemda     text          NOT NULL,
    tahun     integer       NOT NULL,
    opd       text          NOT NULL,
    kode      text          NOT NULL,
    nomor     integer       NOT NULL,
    nama      text          NOT NULL,
    satuan    text          NOT NULL,
    polaritas text          NOT NULL,
    rumus     text,
    target    numeric(20,4),
    realisasi numeric(20,4)[] NOT NULL CHECK (cardinality(realisasi) = 12),
    PRIMARY KEY (pemda, tahun, opd, kode, nomor)
);

-- What the report owns: the narrative columns of the table.
CREATE TABLE anotasi (
    pemda         text        NOT NULL,
    tahun         integer     NOT NULL,
    opd           text        NOT NULL,
    kode          text        NOT NULL,
    kebijakan     text,
    permasalahan  text,
    upaya         text,
    tindak_lanjut text,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pemda, tahun, opd, kode)
);

-- Totals as an imported table stated them, to report where the live sums now differ.
CREATE TABLE import_stated (
    pemda       text          NOT NULL,
    tahun       integer       NOT NULL,
    opd         text          NOT NULL,
    kode        text          NOT NULL,
    pagu        numeric(20,2) NOT NULL,
    realisasi   numeric(20,2) NOT NULL,
    imported_at timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (pemda, tahun, opd, kode)
);
