package id.capaian.report.imports;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.RumusNegatif;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * A valid import: every row of the file, checked, with its meaning. Built only by {@link ImportValidator},
 * so holding one means the whole file passed.
 *
 * @param rows in file order
 */
public record ImportPlan(List<Baris> rows) {

    public ImportPlan {
        rows = List.copyOf(rows);
    }

    /**
     * One program, kegiatan or sub kegiatan as the file states it.
     *
     * @param nomor the row's number in the file (header = 1)
     * @param pagu target anggaran: the ceiling of a sub kegiatan, the stated total of a kegiatan or program
     * @param realisasi realisasi anggaran, cumulative to the end of the import's month
     * @param indikator the node's indicators in file order (nomor 1, 2, …: a node's rows that repeat its code each
     *     add one), empty when the node has none
     * @param paguMurni the original APBD ceiling, or null when the file does not state it
     * @param rak a sub kegiatan's twelve planned monthly amounts, or null
     * @param progres a sub kegiatan's physical progress (%) to the end of the import's month, or null
     * @param renstra the node's Renstra anggaran (E.81 columns 5 and 6), or null when the file states none
     * @param sasaran a program's target statement (E.81 column 2), or null
     */
    public record Baris(int nomor, Kode kode, String uraian, List<Indikator> indikator, BigDecimal pagu,
            BigDecimal realisasi, BigDecimal paguMurni, BigDecimal[] rak, BigDecimal progres, RenstraAnggaran renstra,
            String sasaran) {

        public Level level() {
            return kode.level();
        }

        /** The murni ceiling the row stands for: as stated, else the ceiling itself (no amendment yet). */
        public BigDecimal paguMurniBerlaku() {
            return paguMurni != null ? paguMurni : pagu;
        }
    }

    /**
     * @param realisasi null when the file reports none
     * @param agregasi "jumlah" or "akhir"; null leaves the owner's default (akhir)
     * @param renstraTarget the Renstra target (E.81 column 5), or null
     * @param renstraSebelumnya the Renstra realization up to last year (E.81 column 6), or null
     */
    public record Indikator(String nama, String satuan, Polaritas polaritas, RumusNegatif rumus, BigDecimal target,
            BigDecimal realisasi, String agregasi, BigDecimal renstraTarget, BigDecimal renstraSebelumnya) {
    }

    /** A node's Renstra anggaran: the period's ceiling and what was realized up to last year (each may be null). */
    public record RenstraAnggaran(BigDecimal pagu, BigDecimal realisasiSebelumnya) {
    }

    /** The rows in code order, parents before children. */
    public List<Baris> sorted() {
        return rows.stream().sorted(Comparator.comparing(Baris::kode)).toList();
    }

    public List<Baris> at(Level level) {
        return sorted().stream().filter(b -> b.level() == level).toList();
    }

    public long count(Level level) {
        return rows.stream().filter(b -> b.level() == level).count();
    }

    public long indikatorCount() {
        return rows.stream().mapToLong(b -> b.indikator().size()).sum();
    }

    /** The sum of the programs' target anggaran (which equal the sums of their sub kegiatan). */
    public BigDecimal totalPagu() {
        return at(Level.PROGRAM).stream().map(Baris::pagu).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalRealisasi() {
        return at(Level.PROGRAM).stream().map(Baris::realisasi).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
