-- The quarterly Renja evaluation (Formulir E.81) of each OPD: its four texts and its sign-off, per quarter.
-- The numbers of the form are not stored: they are read from entity_state (the owners' latest events).
CREATE TABLE evaluasi (
    pemda                  text        NOT NULL,
    tahun                  integer     NOT NULL,
    opd                    text        NOT NULL,
    triwulan               integer     NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    status                 text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'DISUSUN', 'DIEVALUASI')),
    faktor_pendorong       text,
    faktor_penghambat      text,
    tindak_lanjut_triwulan text,
    tindak_lanjut_renja    text,
    -- who signed it as prepared (Kepala OPD's block) and as evaluated (Bappeda's block); cleared on reopening
    disusun_oleh           text,
    disusun_nama           text,
    disusun_pada           timestamptz,
    dievaluasi_oleh        text,
    dievaluasi_nama        text,
    dievaluasi_pada        timestamptz,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pemda, tahun, opd, triwulan)
);

-- The form reads every subject of one OPD-year by its prefix '{pemda}/{tahun}/{opd}/' (index made in V3).
