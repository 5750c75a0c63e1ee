package id.capaian.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.core.domain.Angka;
import id.capaian.core.domain.Level;
import id.capaian.core.problem.Problem;
import id.capaian.core.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import's optional RFK columns: pagu_murni, rak_01..rak_12 and progres_fisik, validated with the rest of the
 * file before anything is written. Columns 9 (pagu_murni), 10..21 (rak_01..rak_12), 22 (progres_fisik).
 */
class RfkColumnsTest {

    static final int MURNI = 9;
    static final int RAK_01 = 10;
    static final int PROGRES = 22;

    /** The fixture with the RFK columns: each sub kegiatan's murni = its pagu, its whole plan in January, progress 45,5. */
    static String withRfkColumns() {
        List<String> out = new ArrayList<>();
        for (String[] cells : Fixture.cells(Fixture.tsv())) {
            List<String> row = new ArrayList<>(List.of(cells));
            if (out.isEmpty()) {
                row.add("pagu_murni");
                for (int m = 1; m <= 12; m++) {
                    row.add(String.format("rak_%02d", m));
                }
                row.add("progres_fisik");
            } else if (cells[0].split("\\.").length == 6) {
                row.add(cells[6]);
                row.add(cells[6]);
                for (int m = 2; m <= 12; m++) {
                    row.add("0");
                }
                row.add("45,5");
            } else {
                for (int i = 0; i < 14; i++) {
                    row.add("");
                }
            }
            out.add(String.join("\t", row));
        }
        return String.join("\n", out) + "\n";
    }

    static ImportPlan plan(String tsv) {
        return ImportValidator.validate(TabelReader.read(tsv.getBytes(StandardCharsets.UTF_8), TabelReader.TSV));
    }

    @Test
    void theColumnsAreReadIntoThePlan() {
        ImportPlan plan = plan(withRfkColumns());
        ImportPlan.Baris sub = plan.at(Level.SUB_KEGIATAN).get(0);
        assertThat(sub.kode().value()).isEqualTo("2.08.02.2.01.0003");
        assertThat(sub.paguMurni()).isEqualByComparingTo(sub.pagu());
        assertThat(sub.rak()).hasSize(12);
        assertThat(sub.rak()[0]).isEqualByComparingTo(sub.pagu());
        assertThat(sub.rak()[11]).isEqualByComparingTo("0");
        assertThat(sub.progres()).isEqualByComparingTo("45.5");
        assertThat(plan.at(Level.PROGRAM).get(0).rak()).isNull();
        assertThat(plan.at(Level.PROGRAM).get(0).progres()).isNull();
    }

    @Test
    void withoutTheColumnsNothingChanges() {
        ImportPlan plan = plan(Fixture.tsv());
        assertThat(plan.rows()).allSatisfy(b -> {
            assertThat(b.paguMurni()).isNull();
            assertThat(b.rak()).isNull();
            assertThat(b.progres()).isNull();
        });
    }

    @Test
    void aProgramMayStateItsMurniWhenItIsTheSumOfItsSubKegiatan() {
        String tsv = withRfkColumns();
        String programPagu = Fixture.cells(tsv).get(1)[6];
        ImportPlan plan = plan(ImportValidatorTest.set(2, MURNI, programPagu).apply(tsv));
        assertThat(plan.at(Level.PROGRAM).get(0).paguMurni()).isEqualByComparingTo(Angka.parse(programPagu));
        Problem p = ImportValidatorTest.refuse(ImportValidatorTest.set(2, MURNI, "1.000").apply(tsv));
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("baris 2, kolom pagu_murni");
        assertThat(p.errors().get(0).message()).contains("tidak sama dengan jumlah");
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("eleven amounts", ImportValidatorTest.set(4, RAK_01 + 11, ""), "baris 4, kolom rak_12",
                        "isi kedua belas bulan"),
                Arguments.of("a negative amount", ImportValidatorTest.set(4, RAK_01 + 2, "-5"), "baris 4, kolom rak_03", ""),
                Arguments.of("text as an amount", ImportValidatorTest.set(4, RAK_01 + 4, "lima juta"),
                        "baris 4, kolom rak_05", ""),
                Arguments.of("three decimals", ImportValidatorTest.set(5, RAK_01, "1,005"), "baris 5, kolom rak_01", ""),
                Arguments.of("a plan on a kegiatan", ImportValidatorTest.set(3, RAK_01, "100"), "baris 3, kolom rak_01",
                        "hanya untuk sub kegiatan"),
                Arguments.of("progress 101", ImportValidatorTest.set(4, PROGRES, "101"), "baris 4, kolom progres_fisik",
                        "0 sampai 100"),
                Arguments.of("negative progress", ImportValidatorTest.set(4, PROGRES, "-1"), "baris 4, kolom progres_fisik",
                        "0 sampai 100"),
                Arguments.of("text as progress", ImportValidatorTest.set(4, PROGRES, "separuh"),
                        "baris 4, kolom progres_fisik", ""),
                Arguments.of("progress with 3 decimals", ImportValidatorTest.set(4, PROGRES, "45,555"),
                        "baris 4, kolom progres_fisik", "2 angka desimal"),
                Arguments.of("progress on a program", ImportValidatorTest.set(2, PROGRES, "50"),
                        "baris 2, kolom progres_fisik", "hanya untuk sub kegiatan"),
                Arguments.of("text as murni", ImportValidatorTest.set(4, MURNI, "banyak"), "baris 4, kolom pagu_murni", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void badRfkCellsAreRefusedNamingRowAndColumn(String name, UnaryOperator<String> change, String field, String message) {
        Problem p = ImportValidatorTest.refuse(change.apply(withRfkColumns()));
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.errors()).extracting(FieldError::field).contains(field);
        assertThat(p.errors().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().message())
                .contains(message);
        assertThat(p.detail()).contains("Tidak ada data yang ditulis");
    }

    @Test
    void progressOfEveryUnitIsAcceptedAsAPercent() {
        ImportPlan plan = plan(ImportValidatorTest.set(4, PROGRES, "100").apply(
                ImportValidatorTest.set(5, PROGRES, "0").apply(withRfkColumns())));
        assertThat(plan.at(Level.SUB_KEGIATAN).get(0).progres()).isEqualByComparingTo(BigDecimal.valueOf(100));
        assertThat(plan.at(Level.SUB_KEGIATAN).get(1).progres()).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
