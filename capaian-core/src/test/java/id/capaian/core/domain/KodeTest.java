package id.capaian.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KodeTest {

    @ParameterizedTest
    @CsvSource({
            "2.08, URUSAN, ''",
            "2.08.02, PROGRAM, 2.08",
            "2.08.02.2.01, KEGIATAN, 2.08.02",
            "2.08.02.2.01.0001, SUB_KEGIATAN, 2.08.02.2.01",
            "2.08.02.2.01.01, SUB_KEGIATAN, 2.08.02.2.01",
    })
    void levelAndParentFollowFromTheCode(String kode, Level level, String parent) {
        Kode k = Kode.of(kode);
        assertThat(k.level()).isEqualTo(level);
        assertThat(k.parent().map(Kode::value).orElse("")).isEqualTo(parent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "2.8", "2.08.2", "2.08.02.2", "2.08.02.2.1", "2.08.02.2.01.001",
            "2.08.02.2.01.00001", "0.08", "2.08.02.2.01.0001.1", "2.08.02.2.01.0001 ", " 2.08", "a.bc",
            "2.08.02;DROP TABLE", "../../etc/passwd", "2.08.02.2.01.０００１", "2,08,02"})
    void malformedCodesAreRefused(String kode) {
        assertThat(Kode.parse(kode)).isEmpty();
        assertThatThrownBy(() -> Kode.of(kode)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The shape as the nomenclature states it; Kode checks it character by character. */
    private static final java.util.regex.Pattern NOMENCLATURE =
            java.util.regex.Pattern.compile("[1-9]\\.\\d{2}(\\.\\d{2}(\\.\\d\\.\\d{2}(\\.(\\d{2}|\\d{4}))?)?)?");

    @Test
    void theShapeIsTheNomenclaturesPattern() {
        java.util.Random random = new java.util.Random(14);
        String alphabet = "0123456789..a ";
        int wellFormed = 0;
        for (int i = 0; i < 200_000; i++) {
            // mostly mutations of real codes, so that well-formed ones and near misses both occur often
            StringBuilder b = new StringBuilder(List.of("2.08", "2.08.02", "2.08.02.2.01", "2.08.02.2.01.0001",
                    "2.08.02.2.01.01").get(random.nextInt(5)));
            for (int m = random.nextInt(3); m > 0; m--) {
                int at = random.nextInt(b.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> b.insert(at, c);
                    case 1 -> b.setCharAt(Math.min(at, b.length() - 1), c);
                    default -> b.deleteCharAt(Math.min(at, b.length() - 1));
                }
            }
            String s = b.toString();
            boolean expected = NOMENCLATURE.matcher(s).matches();
            assertThat(Kode.parse(s).isPresent()).as(s).isEqualTo(expected);
            wellFormed += expected ? 1 : 0;
        }
        assertThat(wellFormed).as("well-formed among the samples").isBetween(20_000, 180_000);
    }

    @Test
    void nullIsRefused() {
        assertThat(Kode.parse(null)).isEmpty();
    }

    @Test
    void orderIsNumericPartByPartWithParentsFirst() {
        List<String> sorted = Stream.of("2.08.10", "2.08.02.2.01.0004", "2.08.02", "2.08.02.2.01", "2.08.02.2.01.0003",
                "2.08.03", "2.08.02.2.02", "2.08").map(Kode::of).sorted().map(Kode::value).toList();
        assertThat(sorted).containsExactly("2.08", "2.08.02", "2.08.02.2.01", "2.08.02.2.01.0003",
                "2.08.02.2.01.0004", "2.08.02.2.02", "2.08.03", "2.08.10");
        // parts compare as numbers, whatever their width (sub kegiatan of documents before 2023 have two digits)
        assertThat(Stream.of("2.08.02.2.01.0010", "2.08.02.2.01.09", "3.27", "2.08.02.2.01.0002").map(Kode::of).sorted()
                .map(Kode::value)).containsExactly("2.08.02.2.01.0002", "2.08.02.2.01.09", "2.08.02.2.01.0010", "3.27");
        assertThat(Kode.of("2.08.02.2.01.01").compareTo(Kode.of("2.08.02.2.01.0001"))).isZero();
        assertThat(Kode.of("2.08").compareTo(Kode.of("2.08.01"))).isNegative();
        assertThat(Kode.of("2.08.01").compareTo(Kode.of("2.08"))).isPositive();
    }

    @Test
    void ancestorsAtEveryLevel() {
        Kode k = Kode.of("2.08.07.2.03.0091");
        assertThat(k.at(Level.KEGIATAN).value()).isEqualTo("2.08.07.2.03");
        assertThat(k.at(Level.PROGRAM).value()).isEqualTo("2.08.07");
        assertThat(k.urusan().value()).isEqualTo("2.08");
        assertThat(k.isWithin(Kode.of("2.08.07"))).isTrue();
        assertThat(k.isWithin(Kode.of("2.08.0"  + "1"))).isFalse();
        assertThatThrownBy(() -> Kode.of("2.08.07").at(Level.KEGIATAN)).isInstanceOf(IllegalArgumentException.class);
    }
}
