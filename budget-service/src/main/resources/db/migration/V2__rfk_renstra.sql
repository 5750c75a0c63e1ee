-- RFK and Evaluasi Renja (shared/RFK.md, shared/EVALUASI-RENJA.md columns 5-6 Rp).
-- pagu_murni: a sub kegiatan's ceiling in the original APBD (pagu is the ceiling in force); null only on
--   the other levels, where every amount is a computed sum.
-- renstra_pagu, renstra_realisasi_sebelumnya: the node's own Renstra target at the end of the period and its
--   Renstra realization up to last year's Renja (entered, any level, never summed).
-- rak: the cash plan of a sub kegiatan, planned spending IN each month 1..12 (not cumulative); null until set.

ALTER TABLE dpa_node
    ADD COLUMN pagu_murni numeric(20, 2) CHECK (pagu_murni >= 0 AND pagu_murni < 1e15),
    ADD COLUMN renstra_pagu numeric(20, 2) CHECK (renstra_pagu >= 0 AND renstra_pagu < 1e15),
    ADD COLUMN renstra_realisasi_sebelumnya numeric(20, 2)
        CHECK (renstra_realisasi_sebelumnya >= 0 AND renstra_realisasi_sebelumnya < 1e15),
    ADD COLUMN rak numeric(20, 2)[];

UPDATE dpa_node SET pagu_murni = pagu WHERE level = 'SUB_KEGIATAN';

ALTER TABLE dpa_node
    ADD CONSTRAINT dpa_node_pagu_murni_only_on_sub_kegiatan CHECK (level = 'SUB_KEGIATAN' OR pagu_murni IS NULL),
    ADD CONSTRAINT dpa_node_rak CHECK (rak IS NULL OR (level = 'SUB_KEGIATAN' AND array_ndims(rak) = 1
        AND cardinality(rak) = 12 AND array_position(rak, NULL) IS NULL AND 0 <= ALL (rak) AND 1e15 > ALL (rak)));
