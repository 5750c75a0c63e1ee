-- The ceiling of the original APBD beside the one in force (APBD-P): sums kept like pagu. Events before
-- the amendment existed carried only pagu, which then is also the murni ceiling.
ALTER TABLE anggaran ADD COLUMN pagu_murni numeric(20,2);
UPDATE anggaran SET pagu_murni = pagu;
ALTER TABLE anggaran ALTER COLUMN pagu_murni SET NOT NULL;

-- The monthly report (RFK) and the audit read an OPD's (or a pemda's) entity states by subject prefix.
CREATE INDEX entity_state_subject_prefix ON entity_state (subject text_pattern_ops);

-- The ceilings of each sub kegiatan when its year (or OPD) was first locked in report-service, so that the
-- audit can show a ceiling changed after the report became final.
CREATE TABLE pagu_terkunci (
    pemda       text          NOT NULL,
    tahun       integer       NOT NULL,
    opd         text          NOT NULL,
    kode        text          NOT NULL,
    pagu        numeric(20,2) NOT NULL,
    dikunci     timestamptz   NOT NULL,
    PRIMARY KEY (pemda, tahun, opd, kode)
);
