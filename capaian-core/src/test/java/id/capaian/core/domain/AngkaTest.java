package id.capaian.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AngkaTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.538.412.800|1538412800",
            "55.926.300,00|55926300.00",
            "27,54|27.54",
            "65|65",
            "0,53|0.53",
            "0|0",
            "Rp 3.555.368.700|3555368700",
            "  1.000,5 |1000.5",
            "1538412800|1538412800",
            "0,125|0.125",
            "Rp 1.000|1000",
            "10.125|10125",
            "-1.000,5|-1000.5",
    })
    void parsesIndonesianNumbers(String text, String expected) {
        assertThat(Angka.parse(text)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.88", "1.53.000", "27.54", "1,2,3", "abc", "", "  ", "1e5", "NaN", "Infinity",
            "298.267.000,0 0x", "3.214.476/245", "1.000.00"})
    void refusesWhatItCannotReadForSure(String text) {
        assertThatThrownBy(() -> Angka.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.125", "-0.125", "00.125", "01.000", "0.125.000", "0.125,5", "Rp 0.500"})
    void refusesALeadingZeroBeforeAThousandsDot(String text) {
        assertThatThrownBy(() -> Angka.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ambigu")
                .hasMessageContaining("1.538.412.800");
    }

    @Test
    void theAmbiguityMessageShowsTheAcceptedForms() {
        assertThatThrownBy(() -> Angka.parse("0.125")).hasMessage("'0.125' ambigu: titik dipakai sebagai pemisah "
                + "ribuan (1.538.412.800) dan koma sebagai desimal (0,125)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1538412800|1.538.412.800",
            "1538412800.00|1.538.412.800",
            "55926300.50|55.926.300,50",
            "0|0",
            "3214176245.00|3.214.176.245",
    })
    void formatsRupiah(String amount, String expected) {
        assertThat(Angka.rupiah(new BigDecimal(amount))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"27.54|27,54", "100.00|100", "0.5300|0,53", "1234.5|1.234,5", "1E+2|100"})
    void formatsDecimals(String value, String expected) {
        assertThat(Angka.desimal(new BigDecimal(value))).isEqualTo(expected);
    }
}
