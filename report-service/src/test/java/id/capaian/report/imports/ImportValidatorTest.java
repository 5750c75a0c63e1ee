package id.capaian.report.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import id.capaian.core.problem.Problem;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Row numbers of the fixture: header 1; 2 program 2.08.02; 3 kegiatan 2.08.02.2.01; 4 and 5 its sub kegiatan
 * .0003 and .0004; 6 kegiatan 2.08.02.2.02; 7, 8 its sub kegiatan; 9 kegiatan 2.08.02.2.03; 10 its sub kegiatan.
 */
class ImportValidatorTest {

    static final String ROW2 = "2.08.02\tProgram Pengarusutamaan Gender dan Pemberdayaan Perempuan\t"
            + "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten\t%\tpositif\t65\t1.538.412.800\t27,54\t1.447.984.582";

    static Problem refuse(String tsv) {
        try {
            ImportValidator.validate(TabelReader.read(tsv.getBytes(StandardCharsets.UTF_8), TabelReader.TSV));
        } catch (ProblemException e) {
            return e.problem();
        }
        return fail("accepted: " + tsv.substring(0, Math.min(200, tsv.length())));
    }

    /** Replaces column {@code col} of file row {@code row} (header = 1). */
    static UnaryOperator<String> set(int row, int col, String value) {
        return tsv -> {
            String[] lines = tsv.split("\n", -1);
            String[] cells = lines[row - 1].split("\t", -1);
            cells[col] = value;
            lines[row - 1] = String.join("\t", cells);
            return String.join("\n", lines);
        };
    }

    static UnaryOperator<String> line(int row, UnaryOperator<String> change) {
        return tsv -> {
            String[] lines = tsv.split("\n", -1);
            lines[row - 1] = change.apply(lines[row - 1]);
            return String.join("\n", lines);
        };
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("malformed code", set(4, 0, "2.08.02.2.01.003"), "baris 4, kolom kode", "tidak sesuai nomenklatur"),
                Arguments.of("code with letters", set(4, 0, "2.08.02.A.01.0003"), "baris 4, kolom kode", "tidak sesuai nomenklatur"),
                Arguments.of("urusan row", set(4, 0, "2.08"), "baris 4, kolom kode", "urusan"),
                Arguments.of("missing parent", set(10, 0, "2.08.02.2.09.0002"), "baris 10, kolom kode",
                        "kegiatan 2.08.02.2.09, tidak ada di berkas"),
                Arguments.of("bad number", set(4, 6, "1.53.000"), "baris 4, kolom target_anggaran", "bukan angka"),
                Arguments.of("US decimal point", set(2, 5, "19.88"), "baris 2, kolom target_fisik", "bukan angka"),
                Arguments.of("negative", set(4, 8, "-1"), "baris 4, kolom realisasi_anggaran", "tidak boleh negatif"),
                Arguments.of("three rupiah decimals", set(4, 6, "73.810.300,001"), "baris 4, kolom target_anggaran",
                        "paling banyak 2 angka desimal"),
                Arguments.of("polaritas naik", set(2, 4, "naik"), "baris 2, kolom polaritas", "'naik'"),
                Arguments.of("sum mismatch on a kegiatan", set(3, 6, "85.106.901"), "baris 3, kolom target_anggaran",
                        "85.106.901 tidak sama dengan jumlah target_anggaran 2 sub kegiatan di bawahnya, 85.106.900 (selisih 1)"),
                Arguments.of("realisasi mismatch on a program", set(2, 8, "1.447.984.583"), "baris 2, kolom realisasi_anggaran",
                        "1.447.984.583 tidak sama dengan jumlah realisasi_anggaran 5 sub kegiatan di bawahnya, 1.447.984.582"),
                Arguments.of("realisasi above pagu", set(4, 8, "80.000.000"), "baris 4, kolom realisasi_anggaran",
                        "realisasi anggaran 80.000.000 melebihi target anggaran (pagu) 73.810.300"),
                Arguments.of("duplicate code", (UnaryOperator<String>) tsv -> tsv + tsv.split("\n")[3] + "\n",
                        "baris 49, kolom kode", "kode 2.08.02.2.01.0003 sudah ada di baris 4"),
                Arguments.of("missing header column", line(1, h -> h.replace("\tsatuan\t", "\tunit\t")), "baris 1, kolom satuan",
                        "kolom wajib tidak ada"),
                Arguments.of("empty body", (UnaryOperator<String>) tsv -> "", "body", "berkas kosong"),
                Arguments.of("header only", (UnaryOperator<String>) tsv -> tsv.split("\n")[0] + "\n", "baris 2", "tidak ada baris data"),
                Arguments.of("missing uraian", set(5, 1, " "), "baris 5, kolom uraian", "wajib diisi"),
                Arguments.of("indicator without satuan", set(5, 3, ""), "baris 5, kolom satuan", "wajib diisi bila ada indikator"),
                Arguments.of("indicator without target", set(5, 5, ""), "baris 5, kolom target_fisik", "wajib diisi"),
                Arguments.of("target without indicator", set(5, 2, ""), "baris 5, kolom indikator", "wajib diisi bila"),
                Arguments.of("missing target anggaran", set(5, 6, ""), "baris 5, kolom target_anggaran", "wajib diisi"),
                Arguments.of("extra cells", line(5, l -> l + "\t12"), "baris 5", "kolom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void eachFaultIsReportedAtItsRowAndColumn(String name, UnaryOperator<String> change, String field, String message) {
        Problem p = refuse(change.apply(Fixture.tsv()));
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.type()).isEqualTo("/problems/impor-tidak-valid");
        assertThat(p.errors()).as("%s", p.errors())
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.message()).contains(message);
                });
    }

    @Test
    void aFaultIsReportedOnceWhereItIsNotAgainAtEveryAncestor() {
        // A malformed code does not make its kegiatan and program look wrong too; nor does a bad number.
        assertThat(refuse(set(4, 0, "2.08.02.2.01.003").apply(Fixture.tsv())).errors()).hasSize(1);
        assertThat(refuse(set(4, 6, "1.53.000").apply(Fixture.tsv())).errors()).hasSize(1);
        // A wrong kegiatan total is the kegiatan's fault, not its program's.
        assertThat(refuse(set(3, 6, "85.106.901").apply(Fixture.tsv())).errors()).hasSize(1);
        // A duplicated row is not counted twice in the sums.
        assertThat(refuse(Fixture.tsv() + Fixture.tsv().split("\n")[3] + "\n").errors()).hasSize(1);
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        String bad = Stream.of(
                set(2, 4, "naik"),
                set(4, 6, "1.53.000"),
                set(6, 6, "1.432.929.101"),
                set(10, 0, "2.08.02.2.09.0002"),
                set(13, 8, "70.000.000"),
                set(13, 1, ""),
                set(21, 0, "2.08.04.2.01.02x"))
                .reduce(Fixture.tsv(), (t, f) -> f.apply(t), (a, b) -> b);
        Problem p = refuse(bad + Fixture.tsv().split("\n")[30] + "\n");
        assertThat(p.errors()).extracting(FieldError::field).containsExactly(
                "baris 2, kolom polaritas",
                "baris 4, kolom target_anggaran",
                "baris 6, kolom target_anggaran",
                "baris 9, kolom target_anggaran",      // its only sub kegiatan moved away: 20.376.800 vs 0
                "baris 9, kolom realisasi_anggaran",
                "baris 10, kolom kode",                // its kegiatan 2.08.02.2.09 is not in the file
                "baris 11, kolom realisasi_anggaran",  // program 2.08.03: its sub kegiatan now sum higher
                "baris 12, kolom realisasi_anggaran",  // kegiatan 2.08.03.2.01 likewise
                "baris 13, kolom uraian",
                "baris 13, kolom realisasi_anggaran",  // above its pagu 61.555.100
                "baris 21, kolom kode",                // malformed; its kegiatan and program are not blamed
                "baris 49, kolom kode");               // a duplicate of row 31
        assertThat(p.detail()).startsWith("12 masalah");
    }

    @Test
    void aRowMayHaveNoIndicator() {
        String tsv = set(5, 2, "").andThen(set(5, 3, "")).andThen(set(5, 4, "")).andThen(set(5, 5, "")).andThen(set(5, 7, ""))
                .apply(Fixture.tsv());
        ImportPlan p = ImportValidator.validate(TabelReader.read(tsv.getBytes(StandardCharsets.UTF_8), TabelReader.TSV));
        assertThat(p.indikatorCount()).isEqualTo(46);
        assertThat(p.rows().get(3).indikator()).isEmpty();
    }

    @Test
    void headersMatchWhateverTheirCaseAndAnOptionalRumusIsRead() {
        String tsv = Fixture.tsv().replaceFirst("kode\turaian", "KODE\tUraian").replaceFirst("target_anggaran", "Target Anggaran");
        assertThat(ImportValidator.validate(TabelReader.read(tsv.getBytes(StandardCharsets.UTF_8), TabelReader.TSV)).rows()).hasSize(47);

        String withRumus = line(1, h -> h + "\trumus").andThen(set(2, 4, "negatif")).andThen(line(2, l -> l + "\tselisih"))
                .apply(Fixture.tsv());
        var plan = ImportValidator.validate(TabelReader.read(withRumus.getBytes(StandardCharsets.UTF_8), TabelReader.TSV));
        assertThat(plan.rows().get(0).indikator().get(0).rumus()).hasToString("SELISIH");
        assertThat(refuse(line(1, h -> h + "\trumus").andThen(line(2, l -> l + "\tselisih")).apply(Fixture.tsv())).errors())
                .extracting(FieldError::field).containsExactly("baris 2, kolom rumus");
    }

    @Test
    void theRefusalIsAProblemWithEveryError() {
        assertThatThrownBy(() -> ImportValidator.validate(new Tabel(List.of(), List.of())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().title()).isEqualTo("Impor tidak valid");
                    assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("body");
                });
    }
}
