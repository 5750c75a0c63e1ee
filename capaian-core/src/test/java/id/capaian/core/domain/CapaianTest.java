package id.capaian.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapaianTest {

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static String fisik(String polaritas, String rumus, String target, String realisasi) {
        return Capaian.fisik(Polaritas.of(polaritas), rumus == null ? RumusNegatif.RASIO : RumusNegatif.of(rumus),
                d(target), d(realisasi)).map(c -> c.persen().toPlainString()).orElse("-");
    }

    @ParameterizedTest(name = "{0} {1}: target {2}, realisasi {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            // the seed's examples (section b)
            "positif, null, 65, 27.54, 42.37",
            "positif, null, 19.88, 14, 70.42",
            "positif, null, 54, 79.61, 147.43",
            "positif, null, 76.33, 86, 112.67",
            "negatif, null, 2.10, 2.00, 105.00",
            // DESIGN.md: target 8,00 realisasi 6,40 -> 125,00 by default, 120,00 by PermenPANRB 6/2022
            "negatif, rasio, 8.00, 6.40, 125.00",
            "negatif, selisih, 8.00, 6.40, 120.00",
            // exact and over 100 %
            "positif, null, 100, 100, 100.00",
            "positif, null, 240, 874, 364.17",
            "positif, null, 1, 0, 0.00",
            // rounding half-up at the half: 42.365 -> 42.37, 42.364999 -> 42.36, 0.005 -> 0.01
            "positif, null, 100, 42.365, 42.37",
            "positif, null, 1000000, 423649.99, 42.36",
            "positif, null, 10000, 0.5, 0.01",
            "positif, null, 10000, 0.4999, 0.00",
            "negatif, null, 42.365, 100, 42.37",
            // repeating quotients
            "positif, null, 3, 1, 33.33",
            "positif, null, 3, 2, 66.67",
            "negatif, null, 2, 3, 66.67",
            // selisih can fall below zero when realisasi is more than twice the target
            "negatif, selisih, 2, 5, -50.00",
            "negatif, selisih, 2, 0, 200.00",
            // undefined: divisor zero or value missing
            "positif, null, 0, 5, -",
            "positif, null, 0, 0, -",
            "negatif, null, 5, 0, -",
            "negatif, selisih, 0, 3, -",
            "positif, null, null, 5, -",
            "positif, null, 5, null, -",
            "negatif, null, null, null, -",
    })
    void fisik(String polaritas, String rumus, String target, String realisasi, String expected) {
        assertThat(fisik(polaritas, rumus, target, realisasi)).isEqualTo(expected);
    }

    @Test
    void negatifWithoutAFormulaUsesTheSeedsRatio() {
        assertThat(Capaian.fisik(Polaritas.NEGATIF, d("8"), d("6.4"))).contains(new Capaian(d("125")));
        assertThat(Capaian.fisik(Polaritas.NEGATIF, null, d("8"), d("6.4"))).contains(new Capaian(d("125")));
    }

    @Test
    void missingPolarityIsUndefined() {
        assertThat(Capaian.fisik(null, RumusNegatif.RASIO, d("1"), d("1"))).isEmpty();
    }

    @ParameterizedTest(name = "pagu {0}, realisasi {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "73810300.00, 55926300.00, 75.77",
            "3555368700, 3214176245, 90.40",
            "1538412800, 1447984582, 94.12",
            "0, 0, -",
            "0.00, 5.00, -",
            "100, 0, 0.00",
            "999999999999999.99, 999999999999999.99, 100.00",
            "0.03, 0.01, 33.33",
            "null, 1, -",
    })
    void keuangan(String pagu, String realisasi, String expected) {
        assertThat(Capaian.keuangan(d(pagu), d(realisasi)).map(c -> c.persen().toPlainString()).orElse("-"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "147.43, Sangat Tinggi", "91.00, Sangat Tinggi", "90.99, Tinggi", "76.00, Tinggi", "75.99, Sedang",
            "66.00, Sedang", "65.99, Rendah", "51.00, Rendah", "50.99, Sangat Rendah", "42.37, Sangat Rendah",
            "0.00, Sangat Rendah", "-50.00, Sangat Rendah", "70.42, Sedang", "100.00, Sangat Tinggi",
    })
    void predikatBoundaries(String capaian, String predikat) {
        assertThat(new Capaian(d(capaian)).predikat().label()).isEqualTo(predikat);
    }

    @Test
    void formattedTheIndonesianWay() {
        assertThat(new Capaian(d("42.37")).formatted()).isEqualTo("42,37");
        assertThat(new Capaian(d("100")).formatted()).isEqualTo("100");
        assertThat(new Capaian(d("1234.5")).formatted()).isEqualTo("1.234,5");
    }

    @Test
    void optionalNeverHoldsAnInfinity() {
        Optional<Capaian> c = Capaian.keuangan(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(c).isEmpty();
    }
}
