package id.capaian.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.core.domain.Level;
import id.capaian.core.problem.Problem;
import id.capaian.core.problem.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The import's rows that repeat a code (one more indicator of that node each, the money columns given once or the
 * same on every row) and the optional Evaluasi Renja columns: agregasi, renstra_target, renstra_sebelumnya (K),
 * renstra_pagu, renstra_realisasi_sebelumnya (Rp), sasaran.
 */
class SeveralIndicatorsTest {

    static final String SUB = "2.08.02.2.01.0003";

    static ImportPlan plan(String tsv) {
        return ImportValidator.validate(TabelReader.read(tsv.getBytes(StandardCharsets.UTF_8), TabelReader.TSV));
    }

    /** Inserts after file row {@code after} (header = 1) a row repeating that row's code with another indicator. */
    static UnaryOperator<String> repeat(int after, String indikator, String satuan, String target, String realisasi,
            boolean withMoney) {
        return tsv -> {
            List<String> lines = new java.util.ArrayList<>(Arrays.asList(tsv.split("\n", -1)));
            String[] c = lines.get(after - 1).split("\t", -1);
            String[] r = new String[c.length];
            Arrays.fill(r, "");
            r[0] = c[0];
            r[2] = indikator;
            r[3] = satuan;
            r[4] = indikator.isEmpty() ? "" : "positif";
            r[5] = target;
            r[7] = realisasi;
            if (withMoney) {
                r[1] = c[1];
                r[6] = c[6];
                r[8] = c[8];
            }
            lines.add(after, String.join("\t", r));
            return String.join("\n", lines);
        };
    }

    @Test
    void aRowRepeatingACodeAddsTheNodesNextIndicator() {
        ImportPlan p = plan(repeat(4, "Jumlah dokumen PPRG", "dokumen", "12", "7", false).apply(Fixture.tsv()));
        ImportPlan.Baris sub = p.rows().stream().filter(b -> b.kode().value().equals(SUB)).findFirst().orElseThrow();
        assertThat(sub.indikator()).hasSize(2);
        assertThat(sub.indikator().get(1).nama()).isEqualTo("Jumlah dokumen PPRG");
        assertThat(sub.indikator().get(1).realisasi()).isEqualByComparingTo("7");
        assertThat(p.rows()).hasSize(47);
        assertThat(p.indikatorCount()).isEqualTo(48);
        assertThat(p.count(Level.SUB_KEGIATAN)).isEqualTo(26);
        // the money columns may also be repeated, identical
        ImportPlan same = plan(repeat(4, "Jumlah dokumen PPRG", "dokumen", "12", "7", true).apply(Fixture.tsv()));
        assertThat(same.indikatorCount()).isEqualTo(48);
        assertThat(same.totalPagu()).isEqualByComparingTo(p.totalPagu());
    }

    @Test
    void aRepeatedRowWithOtherMoneyNoIndicatorOrTheSameIndicatorIsRefused() {
        String other = ImportValidatorTest.set(5, 6, "1.000").apply(
                repeat(4, "Jumlah dokumen PPRG", "dokumen", "12", "7", true).apply(Fixture.tsv()));
        Problem p = ImportValidatorTest.refuse(other);
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("baris 5, kolom target_anggaran");
        assertThat(p.errors().get(0).message()).contains("sudah ada di baris 4").contains("73.810.300");

        Problem none = ImportValidatorTest.refuse(repeat(4, "", "", "", "", true).apply(Fixture.tsv()));
        assertThat(none.errors()).extracting(FieldError::field).containsExactly("baris 5, kolom kode");
        assertThat(none.errors().get(0).message()).contains("tanpa indikator");

        String nama = Fixture.cells(Fixture.tsv()).get(3)[2];
        Problem twice = ImportValidatorTest.refuse(repeat(4, nama, "dokumen", "1", "1", false).apply(Fixture.tsv()));
        assertThat(twice.errors()).extracting(FieldError::field).containsExactly("baris 5, kolom kode");
        assertThat(twice.errors().get(0).message()).contains("indikator yang sama");
    }

    static String withEvaluasiColumns(String tsv) {
        String[] lines = tsv.split("\n", -1);
        lines[0] = lines[0] + "\tagregasi\trenstra_target\trenstra_sebelumnya\trenstra_pagu\trenstra_realisasi_sebelumnya\tsasaran";
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                lines[i] = lines[i] + "\t\t\t\t\t\t";
            }
        }
        return String.join("\n", lines);
    }

    static final int AGREGASI = 9;
    static final int RENSTRA_TARGET = 10;
    static final int RENSTRA_SEBELUMNYA = 11;
    static final int RENSTRA_PAGU = 12;
    static final int RENSTRA_REALISASI_SEBELUMNYA = 13;
    static final int SASARAN = 14;

    @Test
    void theEvaluasiColumnsAreRead() {
        String tsv = ImportValidatorTest.set(2, SASARAN, "Meningkatnya kesetaraan gender")
                .andThen(ImportValidatorTest.set(2, RENSTRA_PAGU, "8.000.000.000"))
                .andThen(ImportValidatorTest.set(2, RENSTRA_REALISASI_SEBELUMNYA, "4.500.000.000"))
                .andThen(ImportValidatorTest.set(4, AGREGASI, "jumlah"))
                .andThen(ImportValidatorTest.set(4, RENSTRA_TARGET, "60"))
                .andThen(ImportValidatorTest.set(4, RENSTRA_SEBELUMNYA, "40"))
                .apply(withEvaluasiColumns(Fixture.tsv()));
        ImportPlan p = plan(tsv);
        ImportPlan.Baris program = p.rows().get(0);
        assertThat(program.sasaran()).isEqualTo("Meningkatnya kesetaraan gender");
        assertThat(program.renstra().pagu()).isEqualByComparingTo("8000000000");
        assertThat(program.renstra().realisasiSebelumnya()).isEqualByComparingTo("4500000000");
        assertThat(program.indikator().get(0).agregasi()).isNull();
        ImportPlan.Baris sub = p.rows().get(2);
        assertThat(sub.indikator().get(0).agregasi()).isEqualTo("jumlah");
        assertThat(sub.indikator().get(0).renstraTarget()).isEqualByComparingTo("60");
        assertThat(sub.indikator().get(0).renstraSebelumnya()).isEqualByComparingTo("40");
        assertThat(sub.renstra()).isNull();
    }

    @Test
    void badEvaluasiCellsAreRefusedNamingRowAndColumn() {
        String base = withEvaluasiColumns(Fixture.tsv());
        Problem p = ImportValidatorTest.refuse(ImportValidatorTest.set(4, AGREGASI, "rata-rata")
                .andThen(ImportValidatorTest.set(5, RENSTRA_TARGET, "enam puluh"))
                .andThen(ImportValidatorTest.set(3, SASARAN, "Sasaran kegiatan"))
                .andThen(ImportValidatorTest.set(6, RENSTRA_PAGU, "-1"))
                .andThen(ImportValidatorTest.set(2, 4, "negatif").andThen(ImportValidatorTest.set(2, AGREGASI, "jumlah")))
                .apply(base));
        assertThat(p.errors()).extracting(FieldError::field).containsExactly(
                "baris 2, kolom agregasi", "baris 3, kolom sasaran", "baris 4, kolom agregasi",
                "baris 5, kolom renstra_target", "baris 6, kolom renstra_pagu");
        assertThat(p.errors().get(0).message()).contains("negatif selalu beragregasi akhir");
        assertThat(p.errors().get(1).message()).contains("hanya untuk program");
        assertThat(p.errors().get(2).message()).contains("jumlah").contains("akhir");
    }
}
