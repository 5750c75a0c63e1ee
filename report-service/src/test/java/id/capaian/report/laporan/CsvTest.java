package id.capaian.report.laporan;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.report.laporan.CapaianTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV read back with a strict RFC 4180 reader (semicolon-delimited). */
class CsvTest {

    static final String NASTY = "Dana \"DAK\" terlambat; revisi DPA\nbelum disahkan";

    static CapaianTable annotated() {
        return Fixture.table(r -> switch (r.kode()) {
            case "2.08.02" -> Fixture.annotate(r, "1. PPRG, 2. sosialisasi", NASTY, "=HYPERLINK(\"x\")", null);
            default -> r;
        });
    }

    /** RFC 4180 with ';': quoted fields may hold the delimiter, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                assertThat(f.length()).as("quote inside an unquoted field").isZero();
                quoted = true;
            } else if (c == ';') {
                rec.add(f.toString());
                f.setLength(0);
            } else if (c == '\r') {
                assertThat(text.charAt(i + 1)).isEqualTo('\n');
                rec.add(f.toString());
                f.setLength(0);
                records.add(rec);
                rec = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare line feed").isNotEqualTo('\n');
                f.append(c);
            }
        }
        assertThat(rec).isEmpty();
        return records;
    }

    @Test
    void utf8WithBomSemicolonsOneHeaderOneLinePerIndicatorAndTotal() {
        byte[] bytes = Csv.render(annotated());
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = parse(text);
        assertThat(rows).hasSize(1 + 47 + 1 + 1);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(Lines.COUNT));
        assertThat(rows.get(0)).containsExactly(Texts.COLUMNS);
        assertThat(rows.get(0).subList(7, 13)).containsExactly("Target Fisik", "Target Anggaran", "Realisasi Fisik",
                "Realisasi Anggaran", "Capaian Fisik (%)", "Capaian Keuangan (%)");

        List<String> program = rows.get(1);
        assertThat(program.get(Lines.KODE)).isEqualTo("2.08.02");
        assertThat(program.get(Lines.URAIAN)).isEqualTo("PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN");
        assertThat(program.get(Lines.TARGET_FISIK)).isEqualTo("65");
        assertThat(program.get(Lines.TARGET_ANGGARAN)).isEqualTo("1.538.412.800");
        assertThat(program.get(Lines.REALISASI_FISIK)).isEqualTo("27,54");
        assertThat(program.get(Lines.REALISASI_ANGGARAN)).isEqualTo("1.447.984.582");
        assertThat(program.get(Lines.CAPAIAN_FISIK)).isEqualTo("42,37");
        assertThat(program.get(Lines.CAPAIAN_KEUANGAN)).isEqualTo("94,12");
        assertThat(program.get(Lines.PREDIKAT_FISIK)).isEqualTo("Sangat Rendah");
        assertThat(program.get(Lines.KEBIJAKAN)).isEqualTo("1. PPRG, 2. sosialisasi");
        assertThat(program.get(Lines.PERMASALAHAN)).isEqualTo(NASTY);
        assertThat(program.get(Lines.UPAYA)).as("never a formula").isEqualTo("'=HYPERLINK(\"x\")");

        List<String> sub = rows.stream().filter(r -> r.get(Lines.KODE).equals("2.08.02.2.01.0003")).findFirst().orElseThrow();
        assertThat(sub.get(Lines.TARGET_ANGGARAN)).isEqualTo("73.810.300");
        assertThat(sub.get(Lines.REALISASI_ANGGARAN)).isEqualTo("55.926.300");

        List<String> zero = rows.stream().filter(r -> r.get(Lines.KODE).equals("2.08.07.2.01.0091")).findFirst().orElseThrow();
        assertThat(zero.get(Lines.TARGET_ANGGARAN)).isEqualTo("0");
        assertThat(zero.get(Lines.CAPAIAN_KEUANGAN)).isEqualTo("-");

        List<String> total = rows.get(rows.size() - 2);
        assertThat(total.get(Lines.URAIAN)).isEqualTo("TOTAL");
        assertThat(total.get(Lines.TARGET_ANGGARAN)).isEqualTo("3.555.368.700");
        assertThat(total.get(Lines.REALISASI_ANGGARAN)).isEqualTo("3.214.176.245");
        assertThat(total.get(Lines.CAPAIAN_KEUANGAN)).isEqualTo("90,4");
        assertThat(total.get(Lines.PREDIKAT_KEUANGAN)).isEqualTo("Tinggi");
    }

    @Test
    void theLastLineSaysWhetherTheNumbersAreFinal() {
        List<List<String>> draft = parse(new String(Csv.render(annotated()), StandardCharsets.UTF_8).substring(1));
        assertThat(draft.get(draft.size() - 1).get(Lines.URAIAN)).isEqualTo("Status: DRAFT (belum dikunci: angka masih dapat berubah)");
        List<List<String>> last = parse(new String(Csv.render(Fixture.locked()), StandardCharsets.UTF_8).substring(1));
        assertThat(last.get(last.size() - 1)).hasSize(Lines.COUNT);
        assertThat(last.get(last.size() - 1).get(Lines.URAIAN))
                .isEqualTo("Status: FINAL (tahun 2024 dikunci 31 Maret 2025 oleh Ahmad Fauzi: LKPJ 2024 disampaikan ke DPRD)");
    }

    @Test
    void quotingFollowsRfc4180() {
        String text = new String(Csv.render(annotated()), StandardCharsets.UTF_8);
        assertThat(text).contains("\"Dana \"\"DAK\"\" terlambat; revisi DPA\nbelum disahkan\"");
        assertThat(text).contains(";\"1. PPRG, 2. sosialisasi\";");
        assertThat(text).contains(";27,54;").doesNotContain("\"27,54\"");
        assertThat(Csv.quote("plain")).isEqualTo("plain");
        assertThat(Csv.quote("a;b")).isEqualTo("\"a;b\"");
        assertThat(Csv.quote("a\r\nb")).isEqualTo("\"a\r\nb\"");
        assertThat(Csv.quote("1.234,5")).isEqualTo("1.234,5");
    }
}
