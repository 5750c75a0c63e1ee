package id.capaian.report.laporan;

import id.capaian.report.laporan.Lines.Line;
import id.capaian.report.laporan.Lines.Text;
import id.capaian.report.laporan.Lines.Value;
import java.nio.charset.StandardCharsets;

/**
 * The table as CSV for people who open it in a spreadsheet: RFC 4180 records (CRLF, fields quoted when
 * they hold the delimiter, a quote or a line break), UTF-8 with a byte order mark so that Excel reads the
 * accents right, <b>semicolon</b>-delimited and numbers in Indonesian form ({@code 1.538.412.800},
 * {@code 27,54}) because an Indonesian-locale Excel uses the comma as decimal separator and the semicolon
 * as list separator. One header row, one line per indicator (a row's anggaran, No, Kebijakan and
 * annotations on its first line only, so that summing a column never counts a row twice; Kode and
 * Uraian repeated so that every line says what it belongs to), then the TOTAL line, then a line whose
 * Uraian says whether the numbers are final ("Status: FINAL (…)" or "Status: DRAFT (…)"). Text that a
 * spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe.
 */
public final class Csv {

    public static final char DELIMITER = ';';
    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private Csv() {
    }

    public static byte[] render(CapaianTable t) {
        StringBuilder b = new StringBuilder(BOM);
        record(b, Texts.COLUMNS);
        for (Line line : Lines.of(t)) {
            String[] f = new String[Lines.COUNT];
            for (int c = 0; c < Lines.COUNT; c++) {
                boolean keep = line.first() || Lines.perIndikator(c) || Lines.perTable(c) || c == Lines.KODE
                        || c == Lines.URAIAN;
                f[c] = keep ? field(line.values()[c]) : "";
            }
            record(b, f);
        }
        Value[] total = Lines.total(t);
        String[] f = new String[Lines.COUNT];
        for (int c = 0; c < Lines.COUNT; c++) {
            f[c] = field(total[c]);
        }
        record(b, f);
        String[] status = new String[Lines.COUNT];
        java.util.Arrays.fill(status, "");
        status[Lines.URAIAN] = Texts.status(t);
        record(b, status);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(Value v) {
        String s = Lines.indonesian(v);
        if (v instanceof Text && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s; // CSV injection: never a formula
        }
        return s;
    }

    private static void record(StringBuilder b, String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(DELIMITER);
            }
            b.append(quote(fields[i]));
        }
        b.append(CRLF);
    }

    /** RFC 4180: a field holding the delimiter, a comma, a quote or a line break is quoted, quotes doubled. */
    public static String quote(String s) {
        if (s.indexOf(DELIMITER) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (s.indexOf(',') >= 0 && !s.matches("-?[\\d.]+,\\d+"))) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
