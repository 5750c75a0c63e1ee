package id.capaian.report.domain;

import id.capaian.core.domain.Capaian;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.Predikat;
import id.capaian.core.domain.RumusNegatif;
import java.math.BigDecimal;
import java.util.List;

/**
 * The LKPJ chapter III table of one (OPD, urusan, year) as of the end of a month: rows in code order
 * (program, kegiatan, sub kegiatan), each with its indicators, its anggaran and its annotations, and
 * the TOTAL. Every number is derived here once; the JSON, CSV, XLSX and HTML forms only present it.
 */
public record CapaianTable(String pemda, int tahun, String opd, Node urusan, int bulan, List<Row> rows,
        Total total) {

    public record Node(String kode, String uraian) {
    }

    public record Row(String kode, Level level, String uraian, List<Indikator> indikator, Anggaran anggaran,
            String kebijakan, String permasalahan, String upaya, String tindakLanjut) {
    }

    public record Indikator(int nomor, String nama, String satuan, Polaritas polaritas, RumusNegatif rumus,
            BigDecimal target, BigDecimal realisasi, BigDecimal capaian, String predikat) {

        public static Indikator of(int nomor, String nama, String satuan, Polaritas polaritas, RumusNegatif rumus,
                BigDecimal target, BigDecimal realisasi) {
            var c = Capaian.fisik(polaritas, rumus, target, realisasi);
            return new Indikator(nomor, nama, satuan, polaritas, rumus, target, realisasi,
                    c.map(Capaian::persen).orElse(null), c.map(x -> x.predikat().label()).orElse(null));
        }
    }

    /** Pagu, realisasi, capaian keuangan (null when pagu is 0) and sisa. */
    public record Anggaran(BigDecimal pagu, BigDecimal realisasi, BigDecimal capaian, BigDecimal sisa) {

        public static Anggaran of(BigDecimal pagu, BigDecimal realisasi) {
            return new Anggaran(pagu, realisasi, Capaian.keuangan(pagu, realisasi).map(Capaian::persen).orElse(null),
                    pagu.subtract(realisasi));
        }

        public static final Anggaran NONE = of(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

        public String predikat() {
            return capaian == null ? null : Predikat.of(capaian).label();
        }
    }

    public record Total(Anggaran anggaran, String predikat) {
    }
}
