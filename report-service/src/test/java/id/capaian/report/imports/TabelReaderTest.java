package id.capaian.report.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.capaian.core.domain.Level;
import id.capaian.core.problem.ProblemException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabelReaderTest {

    static ImportPlan plan(byte[] body, String type) {
        return ImportValidator.validate(TabelReader.read(body, type));
    }

    @Test
    void theFixtureParsesIntoTheSeedsTable() {
        ImportPlan p = plan(Fixture.tsv().getBytes(StandardCharsets.UTF_8), TabelReader.TSV);
        assertThat(p.rows()).hasSize(47);
        assertThat(p.count(Level.PROGRAM)).isEqualTo(6);
        assertThat(p.count(Level.KEGIATAN)).isEqualTo(15);
        assertThat(p.count(Level.SUB_KEGIATAN)).isEqualTo(26);
        assertThat(p.indikatorCount()).isEqualTo(47);
        assertThat(p.totalPagu()).isEqualByComparingTo("3555368700");
        assertThat(p.totalRealisasi()).isEqualByComparingTo("3214176245");
        assertThat(p.rows().get(0).nomor()).isEqualTo(2);
        assertThat(p.rows().get(46).nomor()).isEqualTo(48);
        var arg = p.rows().get(0);
        assertThat(arg.kode().value()).isEqualTo("2.08.02");
        assertThat(arg.indikator().get(0).target()).isEqualByComparingTo("65");
        assertThat(arg.indikator().get(0).realisasi()).isEqualByComparingTo("27.54");
        var zero = p.rows().stream().filter(b -> b.kode().value().equals("2.08.07.2.01.0091")).findFirst().orElseThrow();
        assertThat(zero.pagu()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(p.sorted().get(0).kode().value()).isEqualTo("2.08.02");
        assertThat(p.sorted().get(1).kode().value()).isEqualTo("2.08.02.2.01");
    }

    @Test
    void tsvCsvAndXlsxGiveTheSameTable() {
        String tsv = Fixture.tsv();
        ImportPlan expected = plan(tsv.getBytes(StandardCharsets.UTF_8), TabelReader.TSV);
        String comma = Fixture.csv(tsv, ',');
        String semicolon = Fixture.csv(tsv, ';');
        assertThat(comma).contains("\"27,54\"").contains("\r\n");
        assertThat(semicolon).doesNotContain("\"27,54\"");
        assertThat(plan(comma.getBytes(StandardCharsets.UTF_8), TabelReader.CSV)).isEqualTo(expected);
        assertThat(plan(semicolon.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")).isEqualTo(expected);
        assertThat(plan(Fixture.xlsx(tsv), TabelReader.XLSX)).isEqualTo(expected);
        // A UTF-8 BOM is skipped.
        assertThat(plan(("\uFEFF" + tsv).getBytes(StandardCharsets.UTF_8), TabelReader.TSV)).isEqualTo(expected);
    }

    @Test
    void textThatIsNotUtf8IsReadAsWindows1252() {
        String text = "Penguatan – Jejaring “Anak”";
        assertThat(TabelReader.decode(text.getBytes(Charset.forName("windows-1252")), null)).isEqualTo(text);
        assertThat(TabelReader.decode(text.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(text);
    }

    @Test
    void quotedFieldsFollowRfc4180() {
        Tabel t = TabelReader.delimited("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",x,\r\nlast,y,z", ',');
        assertThat(t.problems()).isEmpty();
        assertThat(t.rows()).extracting(Tabel.Row::nomor).containsExactly(1, 3, 5);
        assertThat(t.rows().get(0).cells()).containsExactly("a", "b,1", "say \"hi\"");
        assertThat(t.rows().get(1).cells()).containsExactly("two\nlines", "x", "");
        assertThat(t.rows().get(2).cells()).containsExactly("last", "y", "z");
        assertThat(TabelReader.delimited("a,\"open\nb,c", ',').problems()).extracting(e -> e.field()).containsExactly("baris 1");
    }

    @Test
    void theCsvDelimiterIsTakenFromTheHeader() {
        assertThat(TabelReader.csvDelimiter("kode;uraian;target\n1,2;3")).isEqualTo(';');
        assertThat(TabelReader.csvDelimiter("kode,uraian,target\n1;2;3")).isEqualTo(',');
        assertThat(TabelReader.csvDelimiter("\"a;b\",c\n")).isEqualTo(',');
    }

    @Test
    void spreadsheetNumbersBecomeIndonesianText() {
        assertThat(TabelReader.angka(27.54)).isEqualTo("27,54");
        assertThat(TabelReader.angka(1538412800)).isEqualTo("1538412800");
        assertThat(TabelReader.angka(55926300.5)).isEqualTo("55926300,5");
        assertThat(TabelReader.angka(0)).isEqualTo("0");
    }

    @Test
    void anUnreadableWorkbookIsABadRequest() {
        assertThatThrownBy(() -> TabelReader.read("not a zip".getBytes(StandardCharsets.UTF_8), TabelReader.XLSX))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    @Test
    void blankRowsAreSkippedButKeepTheirNumbers() {
        Tabel t = TabelReader.read("a\tb\n\t\n\nc\td\n".getBytes(StandardCharsets.UTF_8), TabelReader.TSV);
        assertThat(t.rows()).extracting(Tabel.Row::nomor).isEqualTo(List.of(1, 4));
    }
}
