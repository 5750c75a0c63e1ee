package id.capaian.report.laporan;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.report.laporan.Analisis;
import id.capaian.report.laporan.CapaianTable;
import id.capaian.report.laporan.CapaianTable.Anggaran;
import id.capaian.report.laporan.CapaianTable.Indikator;
import id.capaian.report.laporan.CapaianTable.Row;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The section-b paragraphs generated from the seed's numbers. */
class AnalisisTest {

    static final Analisis A = Analisis.of(Fixture.table(r -> r.kode().equals("2.08.02")
            ? Fixture.annotate(r, "Menyusun kebijakan Peraturan Daerah tentang PPRG", null, null, null)
            : r));

    @Test
    void structureFollowsTheTree() {
        assertThat(A.pemda()).isEqualTo("63.10");
        assertThat(A.tahun()).isEqualTo(2024);
        assertThat(A.opd()).isEqualTo("P3AP2KB");
        assertThat(A.urusan().kode()).isEqualTo("2.08");
        assertThat(A.bulan()).isEqualTo(12);
        assertThat(A.program()).extracting(Analisis.Program::kode)
                .containsExactly("2.08.02", "2.08.03", "2.08.04", "2.08.05", "2.08.06", "2.08.07");
        assertThat(A.program().stream().mapToInt(p -> p.kegiatan().size()).sum()).isEqualTo(15);
        assertThat(A.program().stream().flatMap(p -> p.kegiatan().stream()).mapToInt(k -> k.subKegiatan().size()).sum())
                .isEqualTo(26);
        assertThat(A.pengantar()).contains("Urusan Pemerintahan Bidang Pemberdayaan Perempuan dan Perlindungan Anak")
                .contains("Desember 2024");
    }

    @Test
    void programParagraphInTheSeedsForm() {
        assertThat(A.program().get(0).paragraf()).isEqualTo(
                "1. PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN, diukur dengan indikator Persentase "
                        + "Anggaran yang Responsif Gender (ARG) pada Kabupaten (%). Dari target sebesar 65% dengan "
                        + "realisasi 27,54% atau dengan tingkat capaian 42,37% (predikat Sangat Rendah). Anggaran program "
                        + "sebesar Rp 1.538.412.800 terealisasi Rp 1.447.984.582 atau 94,12%. Program ini bertujuan untuk "
                        + "mencapai sasaran kebijakan: Menyusun kebijakan Peraturan Daerah tentang PPRG. Program ini "
                        + "didukung oleh 3 kegiatan dan 5 sub kegiatan.");
        assertThat(A.program().get(0).paragraf())
                .contains("target sebesar 65% dengan realisasi 27,54% atau dengan tingkat capaian 42,37%");
        assertThat(A.program().get(2).paragraf()).startsWith("3. PROGRAM PENINGKATAN KUALITAS KELUARGA, diukur dengan "
                + "indikator Indeks kualitas keluarga (indeks). Dari target sebesar 54 dengan realisasi 79,61 atau dengan "
                + "tingkat capaian 147,43% (predikat Sangat Tinggi).");
    }

    @Test
    void kegiatanAndSubKegiatanParagraphs() {
        var pug = A.program().get(0);
        assertThat(pug.kegiatan().get(0).paragraf()).isEqualTo("a. Kegiatan Pelembagaan Pengarusutamaan Gender (PUG) pada "
                + "Lembaga Pemerintah Kewenangan Kabupaten/Kota, diukur dengan indikator Persentase lembaga pemerintah dan "
                + "Non Pemerintah yang membentuk pokja dan fokal point (%) dengan target tahun 2024 sebesar 100% dan "
                + "terealisasi 100% atau dengan tingkat capaian 100%.");
        assertThat(pug.kegiatan().get(1).paragraf()).startsWith("b. Kegiatan Pemberdayaan Perempuan")
                .contains("dengan target tahun 2024 sebesar 19,88% dan terealisasi 14% atau dengan tingkat capaian 70,42%.");
        assertThat(pug.kegiatan().get(0).subKegiatan().get(0).paragraf()).isEqualTo("1) Sub Kegiatan Advokasi Kebijakan dan "
                + "Pendampingan Pelaksanaan PUG termasuk PPRG dengan indikator Jumlah Perangkat Daerah yang Mengikuti "
                + "Advokasi Kebijakan dan Pendampingan Pelaksanaan Pengarusutamaan Gender (PUG) termasuk Perencanaan "
                + "Pembangunan Responsif Gender (PPRG) Kewenangan Kabupaten/Kota. Dari target tahun 2024 sebanyak 50 "
                + "perangkat daerah dan terealisasi 50 perangkat daerah atau dengan tingkat capaian 100%.");
        assertThat(pug.kegiatan().get(0).subKegiatan().get(1).paragraf()).startsWith("2) Sub Kegiatan Sosialisasi");
        var anak = A.program().get(4);
        assertThat(anak.kegiatan().get(1).subKegiatan().get(0).paragraf())
                .contains("sebanyak 240 anak dan terealisasi 874 anak atau dengan tingkat capaian 364,17%.");
        assertThat(A.program().get(5).kegiatan().get(0).subKegiatan().get(0).paragraf())
                .contains("sebanyak 28 kegiatan dan terealisasi 28 kegiatan");
    }

    @Test
    void undefinedAndMissingValuesAreSaidInWords() {
        Row program = new Row("2.08.02", Level.PROGRAM, "Program Uji", List.of(
                Indikator.of(1, "Indikator nol", "%", Polaritas.POSITIF, null, BigDecimal.ZERO, new BigDecimal("5")),
                Indikator.of(2, "Indikator kosong", "orang", Polaritas.POSITIF, null, new BigDecimal("10"), null),
                Indikator.of(3, "Angka kelahiran", "nilai", Polaritas.NEGATIF, null, new BigDecimal("8"), new BigDecimal("6.4")),
                Indikator.of(4, "Tanpa target", "dokumen", Polaritas.POSITIF, null, null, new BigDecimal("2"))),
                Anggaran.of(new BigDecimal("0.00"), new BigDecimal("0.00")), null, null, null, null);
        Row kegiatan = new Row("2.08.02.2.01", Level.KEGIATAN, null, List.of(), Anggaran.NONE, null, null, null, null);
        CapaianTable t = new CapaianTable("63.10", 2024, "UJI", new CapaianTable.Node("2.08", null), 6,
                CapaianTable.Status.DRAFT, null, List.of(program, kegiatan), new CapaianTable.Total(Anggaran.NONE, null));
        Analisis a = Analisis.of(t);
        String p = a.program().get(0).paragraf();
        assertThat(p).startsWith("1. PROGRAM UJI, diukur dengan indikator Indikator nol (%), indikator Indikator kosong "
                + "(orang), indikator Angka kelahiran (nilai) dan indikator Tanpa target (dokumen).");
        assertThat(p).contains("Untuk indikator Indikator nol, dari target sebesar 0% dengan realisasi 5%, sehingga capaian "
                + "tidak dapat dihitung.");
        assertThat(p).contains("Untuk indikator Indikator kosong, dari target sebesar 10 orang, belum ada realisasi.");
        assertThat(p).contains("Untuk indikator Angka kelahiran, dari target sebesar 8 dengan realisasi 6,4 atau dengan "
                + "tingkat capaian 125% (predikat Sangat Tinggi) (indikator negatif: makin rendah makin baik).");
        assertThat(p).contains("Untuk indikator Tanpa target, target belum ditetapkan, dengan realisasi 2 dokumen, "
                + "sehingga capaian tidak dapat dihitung.");
        assertThat(p).contains("Anggaran program sebesar Rp 0, belum ada realisasi anggaran.");
        assertThat(p).contains("Program ini didukung oleh 1 kegiatan.");
        assertThat(a.program().get(0).kegiatan().get(0).paragraf())
                .isEqualTo("a. Kegiatan 2.08.02.2.01 belum memiliki indikator kinerja.");
        assertThat(a.pengantar()).contains("urusan 2.08").contains("akhir bulan Juni 2024");
    }
}
