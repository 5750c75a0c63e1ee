-- The DPA (Dokumen Pelaksanaan Anggaran) of one OPD in one year, its plan tree and its realizations.
-- Only a sub kegiatan carries a pagu; every amount above it is a computed sum, never stored.

CREATE TABLE dpa (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pemda text    NOT NULL CHECK (pemda ~ '^[0-9]{2}(\.[0-9]{2})?$'),
    tahun integer NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    opd   text    NOT NULL CHECK (opd ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    CONSTRAINT dpa_tenant UNIQUE (pemda, tahun, opd)
);

-- One row per code ever used in a DPA. A removed node stays as a tombstone (removed = true) so that
-- the version of a sub kegiatan keeps growing if the node is created again.
CREATE TABLE dpa_node (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dpa_id  bigint  NOT NULL REFERENCES dpa (id),
    kode    text    NOT NULL CHECK (kode ~ '^[1-9]\.[0-9]{2}(\.[0-9]{2}(\.[0-9]\.[0-9]{2}(\.([0-9]{2}|[0-9]{4}))?)?)?$'),
    level   text    NOT NULL CHECK (level IN ('URUSAN', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN')),
    uraian  text    NOT NULL CHECK (btrim(uraian) <> ''),
    pagu    numeric(20, 2) CHECK (pagu >= 0 AND pagu < 1e15),
    -- the version of the sub kegiatan's last budget.realization-updated event (0: none yet); only grows
    version bigint  NOT NULL DEFAULT 0 CHECK (version >= 0),
    removed boolean NOT NULL DEFAULT false,
    CONSTRAINT dpa_node_kode UNIQUE (dpa_id, kode),
    CONSTRAINT dpa_node_pagu_only_on_sub_kegiatan CHECK ((level = 'SUB_KEGIATAN') = (pagu IS NOT NULL))
);

-- Cumulative realization of a sub kegiatan to the end of a month.
CREATE TABLE realisasi (
    node_id bigint        NOT NULL REFERENCES dpa_node (id),
    bulan   smallint      NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    jumlah  numeric(20, 2) NOT NULL CHECK (jumlah >= 0 AND jumlah < 1e15),
    CONSTRAINT realisasi_pk PRIMARY KEY (node_id, bulan)
);
