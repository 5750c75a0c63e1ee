package id.capaian.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The audit trail's CSV cells: never a formula a spreadsheet would run, quoted only where needed. */
class AuditTrailCsvCellTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=1+2|'=1+2",
            "+62 811|'+62 811",
            "-5|'-5",
            "@SUM(A1)|'@SUM(A1)",
            "Siti Rahmah|Siti Rahmah",
            "a=b|a=b",
    })
    void formulasAreNeutralized(String text, String expected) {
        assertThat(AuditTrailResource.cell(text)).isEqualTo(expected);
    }

    @Test
    void controlCharactersAndQuotingToo() {
        assertThat(AuditTrailResource.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(AuditTrailResource.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(AuditTrailResource.cell("=HYPERLINK(\"x\";\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"");
        assertThat(AuditTrailResource.cell(null)).isEmpty();
        assertThat(AuditTrailResource.cell("")).isEmpty();
    }
}
