package id.capaian.report.export;

import id.capaian.report.export.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.capaian.core.problem.ProblemException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormatTest {

    static final Set<Format> ALL = EnumSet.allOf(Format.class);
    static final Set<Format> JSON_HTML = EnumSet.of(Format.JSON, Format.HTML);

    @Test
    void acceptHeaderWithQValuesAndWildcards() {
        assertThat(Format.choose(null, null, ALL)).isEqualTo(Format.JSON);
        assertThat(Format.choose(null, "", ALL)).isEqualTo(Format.JSON);
        assertThat(Format.choose(null, "*/*", ALL)).isEqualTo(Format.JSON);
        assertThat(Format.choose(null, "text/csv", ALL)).isEqualTo(Format.CSV);
        assertThat(Format.choose(null, "TEXT/CSV; charset=utf-8", ALL)).isEqualTo(Format.CSV);
        assertThat(Format.choose(null, Format.XLSX_MEDIA_TYPE, ALL)).isEqualTo(Format.XLSX);
        assertThat(Format.choose(null, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ALL))
                .isEqualTo(Format.HTML);
        assertThat(Format.choose(null, "application/json;q=0.5, text/csv", ALL)).isEqualTo(Format.CSV);
        assertThat(Format.choose(null, "text/*", ALL)).isEqualTo(Format.HTML);
        assertThat(Format.choose(null, "application/*", ALL)).isEqualTo(Format.JSON);
        assertThat(Format.choose(null, "text/csv;q=0, */*;q=0.1", EnumSet.of(Format.CSV, Format.XLSX)))
                .isEqualTo(Format.XLSX);
    }

    @Test
    void theFormatParameterOverridesAccept() {
        assertThat(Format.choose("csv", "application/json", ALL)).isEqualTo(Format.CSV);
        assertThat(Format.choose("XLSX", "image/png", ALL)).isEqualTo(Format.XLSX);
        assertThat(Format.choose("html", null, JSON_HTML)).isEqualTo(Format.HTML);
    }

    @Test
    void unknownFormatIs400NamingFormat() {
        assertThatThrownBy(() -> Format.choose("pdf", null, ALL)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().errors()).extracting(x -> x.field()).containsExactly("format");
        });
        assertThatThrownBy(() -> Format.choose("csv", null, JSON_HTML)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().detail()).contains("json, html"));
    }

    @Test
    void unsatisfiableAcceptIs406() {
        for (String accept : new String[] {"image/png", "text/csv;q=0", "application/pdf, image/*", "nonsense"}) {
            assertThatThrownBy(() -> Format.choose(null, accept, ALL)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.problem().status()).isEqualTo(406);
                assertThat(e.problem().errors()).extracting(x -> x.field()).containsExactly("Accept");
            });
        }
        assertThatThrownBy(() -> Format.choose(null, "text/csv", JSON_HTML)).isInstanceOf(ProblemException.class);
    }
}
