package id.capaian.report.rfk;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every formula of shared/RFK.md against hand-computed rows. */
class RfkTest {

    static BigDecimal rp(String s) {
        return new BigDecimal(s).setScale(2);
    }

    static BigDecimal pct(String s) {
        return s == null ? null : new BigDecimal(s).setScale(2);
    }

    static Rfk.Sub sub(String kode, String murni, String pagu, String rencana, String realisasi, String fisik) {
        return new Rfk.Sub(Kode.of(kode), "Sub " + kode, "Kegiatan", "Program", rp(murni), rp(pagu), rp(rencana),
                rp(realisasi), fisik == null ? null : new BigDecimal(fisik));
    }

    static Map<String, Rfk.Baris> byKode(Rfk r) {
        return r.rows().stream().collect(Collectors.toMap(Rfk.Baris::kode, Function.identity()));
    }

    static void assertRow(Rfk.Baris b, String rencana, String rencanaPct, String realisasiPct, String deviasi,
            String deviasiPct, String fisik, String bobot) {
        assertThat(b.rencana().jumlah()).isEqualByComparingTo(rencana);
        assertThat(b.rencana().persen()).isEqualTo(pct(rencanaPct));
        assertThat(b.realisasi().persen()).isEqualTo(pct(realisasiPct));
        assertThat(b.deviasi().jumlah()).isEqualByComparingTo(deviasi);
        assertThat(b.deviasi().persen()).isEqualTo(pct(deviasiPct));
        assertThat(b.fisik()).isEqualTo(pct(fisik));
        assertThat(b.bobot()).isEqualTo(pct(bobot));
    }

    /** RAK of sub kegiatan A (10 jt Jan–Oct) and B (25 jt every month), summed to June by the repository's rule. */
    @Test
    void theWorkedExampleAsOfJune() {
        BigDecimal[] rakA = new BigDecimal[12];
        BigDecimal[] rakB = new BigDecimal[12];
        for (int i = 0; i < 12; i++) {
            rakA[i] = rp(i < 10 ? "10000000" : "0");
            rakB[i] = rp("25000000");
        }
        assertThat(RfkRepository.rencana(rakA, 6)).isEqualByComparingTo("60000000");
        assertThat(RfkRepository.rencana(rakB, 6)).isEqualByComparingTo("150000000");
        assertThat(RfkRepository.rencana(null, 6)).isEqualByComparingTo("0");

        Rfk r = Rfk.of("63.10", 2024, "P3AP2KB", 6, null, List.of(
                sub("2.08.02.2.01.0001", "120000000", "100000000", "60000000", "45000000", "50"),
                sub("2.08.02.2.01.0002", "300000000", "300000000", "150000000", "165000000", "60")));
        Map<String, Rfk.Baris> rows = byKode(r);
        assertThat(r.rows()).extracting(Rfk.Baris::kode)
                .containsExactly("2.08.02", "2.08.02.2.01", "2.08.02.2.01.0001", "2.08.02.2.01.0002");
        assertThat(r.rows()).extracting(Rfk.Baris::level)
                .containsExactly(Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN, Level.SUB_KEGIATAN);
        assertRow(rows.get("2.08.02.2.01.0001"), "60000000", "60.00", "45.00", "15000000", "25.00", "50.00", "25.00");
        assertRow(rows.get("2.08.02.2.01.0002"), "150000000", "50.00", "55.00", "-15000000", "-10.00", "60.00", "75.00");
        assertRow(rows.get("2.08.02.2.01"), "210000000", "52.50", "52.50", "0", "0.00", "57.50", "100.00");
        assertRow(rows.get("2.08.02"), "210000000", "52.50", "52.50", "0", "0.00", "57.50", "100.00");
        assertThat(rows.get("2.08.02.2.01").paguMurni()).isEqualByComparingTo("420000000");
        assertThat(rows.get("2.08.02.2.01").pagu()).isEqualByComparingTo("400000000");
        assertThat(r.total().fisik()).isEqualTo(pct("57.50"));
        assertThat(r.total().paguMurni()).isEqualByComparingTo("420000000");
        assertThat(r.total().bobot()).isEqualTo(pct("100.00"));
        assertThat(r.status().name()).isEqualTo("DRAFT");
    }

    @Test
    void zeroPaguGivesNullPercentagesNeverAnError() {
        Rfk r = Rfk.of("63.10", 2024, "X", 3, null, List.of(sub("1.01.01.2.01.0001", "0", "0", "0", "0", "40")));
        Rfk.Baris leaf = byKode(r).get("1.01.01.2.01.0001");
        assertRow(leaf, "0", null, null, "0", null, "40.00", null);
        Rfk.Baris kegiatan = byKode(r).get("1.01.01.2.01");
        assertThat(kegiatan.fisik()).as("weighted by a zero pagu: undefined").isNull();
        assertThat(r.total().rencana().persen()).isNull();
    }

    @Test
    void zeroPlanGivesNullDeviationPercentAndANegativeDeviation() {
        Rfk r = Rfk.of("63.10", 2024, "X", 2, null, List.of(sub("1.01.01.2.01.0001", "100", "100", "0", "30", null)));
        Rfk.Baris leaf = byKode(r).get("1.01.01.2.01.0001");
        assertRow(leaf, "0", "0.00", "30.00", "-30", null, null, "100.00");
    }

    @Test
    void progressNotYetReportedIsEmptyOnItsRowAndWeighsAsZeroAbove() {
        Rfk r = Rfk.of("63.10", 2024, "X", 1, null, List.of(
                sub("1.01.01.2.01.0001", "300", "300", "0", "0", null),
                sub("1.01.01.2.01.0002", "100", "100", "0", "0", "80")));
        assertThat(byKode(r).get("1.01.01.2.01.0001").fisik()).isNull();
        assertThat(byKode(r).get("1.01.01.2.01").fisik()).isEqualTo(pct("20.00")); // 100 × 80 / 400
    }

    @Test
    void weightedProgressAtEveryLevelAndPercentagesFromSumsNotAverages() {
        // two kegiatan under one program, a second program; the OPD weights all four by pagu
        Rfk r = Rfk.of("63.10", 2024, "X", 12, null, List.of(
                sub("1.01.01.2.01.0001", "100", "100", "100", "100", "100"),
                sub("1.01.01.2.02.0001", "300", "300", "300", "0", "0"),
                sub("1.01.02.2.01.0001", "1", "1", "1", "1", "33.333"),
                sub("1.01.02.2.01.0002", "2", "2", "2", "1", "66.667")));
        Map<String, Rfk.Baris> rows = byKode(r);
        assertThat(rows.get("1.01.01").fisik()).isEqualTo(pct("25.00")); // (100×100 + 300×0) / 400
        assertThat(rows.get("1.01.01").realisasi().persen()).isEqualTo(pct("25.00"));
        assertThat(rows.get("1.01.02").fisik()).isEqualTo(pct("55.56")); // (33.333 + 133.334) / 3 = 55.5556
        assertThat(rows.get("1.01.02").realisasi().persen()).isEqualTo(pct("66.67")); // 2 / 3
        assertThat(rows.get("1.01.02.2.01.0001").fisik()).isEqualTo(pct("33.33"));
        // OPD: (10000 + 0 + 33.333 + 133.334) / 403 = 25.2275...
        assertThat(r.total().fisik()).isEqualTo(pct("25.23"));
        assertThat(r.total().bobot()).isEqualTo(pct("100.00"));
        assertThat(rows.get("1.01.02").bobot()).isEqualTo(pct("0.74")); // 3 / 403
        assertThat(rows.get("1.01.02.2.01.0001").bobot()).isEqualTo(pct("0.25")); // 1 / 403 = 0.248
    }

    @Test
    void anAmendmentMidYearKeepsMurniAndComputesAgainstThePaguInForce() {
        Rfk r = Rfk.of("63.10", 2024, "X", 9, null, List.of(sub("1.01.01.2.01.0001", "200", "250", "150", "125", "50")));
        Rfk.Baris leaf = byKode(r).get("1.01.01.2.01.0001");
        assertThat(leaf.paguMurni()).isEqualByComparingTo("200");
        assertThat(leaf.pagu()).isEqualByComparingTo("250");
        assertThat(leaf.realisasi().persen()).isEqualTo(pct("50.00"));
        assertThat(leaf.rencana().persen()).isEqualTo(pct("60.00"));
    }

    @Test
    void halfUpAtTheHalf() {
        // 1 / 8 = 12.5 %  of 100 ... 0.125 → 0.13 (half-up at 2 decimals)
        Rfk r = Rfk.of("63.10", 2024, "X", 1, null, List.of(sub("1.01.01.2.01.0001", "80000", "80000", "100", "0", null)));
        assertThat(byKode(r).get("1.01.01.2.01.0001").rencana().persen()).isEqualTo(pct("0.13"));
    }

    @Test
    void rankingByProgressThenSpendingThenCodeWithoutGaps() {
        var a = Peringkat.Opd.of(0, "B", null, Rfk.total(List.of(sub("1.01.01.2.01.0001", "100", "100", "0", "50", "50"))));
        var b = Peringkat.Opd.of(0, "A", null, Rfk.total(List.of(sub("1.01.01.2.01.0001", "100", "100", "0", "50", "50"))));
        var c = Peringkat.Opd.of(0, "C", null, Rfk.total(List.of(sub("1.01.01.2.01.0001", "100", "100", "0", "60", "50"))));
        var d = Peringkat.Opd.of(0, "D", null, Rfk.total(List.of(sub("1.01.01.2.01.0001", "100", "100", "0", "0", "70"))));
        var e = Peringkat.Opd.of(0, "E", null, Rfk.total(List.of(sub("1.01.01.2.01.0001", "0", "0", "0", "0", null))));
        List<Peringkat.Opd> sorted = Arrays.asList(e, a, b, c, d);
        sorted.sort(Peringkat.ORDER);
        assertThat(sorted).extracting(Peringkat.Opd::opd).containsExactly("D", "C", "A", "B", "E");
    }
}
