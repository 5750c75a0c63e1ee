package id.capaian.report.laporan;

import id.capaian.core.domain.Level;
import id.capaian.report.laporan.Lines.Dash;
import id.capaian.report.laporan.Lines.Line;
import id.capaian.report.laporan.Lines.Num;
import id.capaian.report.laporan.Lines.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The table and its analysis as self-contained HTML pages (inline CSS, no script, no external asset) that
 * print well: A4 landscape, header rows repeated on every page (thead), numbers right-aligned in
 * Indonesian form, the TOTAL row, the title, the month the data is as of and whether it is final. Every text from the data is
 * escaped; the responses also carry a Content-Security-Policy that forbids scripts.
 */
public final class Html {

    /** The stylesheet of every printable page (A4 landscape, bordered tables, bold program and total rows). */
    public static final String STYLE = """
            @page { size: A4 landscape; margin: 10mm; }
            body { font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #000; margin: 0 auto; max-width: 297mm; }
            h1 { font-size: 12pt; text-align: center; margin: 4pt 0; }
            p.asof { text-align: center; margin: 0 0 2pt; }
            p.status { text-align: center; margin: 0 0 8pt; font-weight: bold; }
            p.status.draft { color: #7f0000; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: top; }
            th { background: #d9d9d9; text-align: center; vertical-align: middle; font-size: 8pt; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            td.n { text-align: right; white-space: nowrap; }
            td.c { text-align: center; }
            tr.program td { font-weight: bold; }
            tr.sub td.u { padding-left: 10pt; }
            tr.total td { font-weight: bold; background: #d9d9d9; }
            * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            .analisis p { text-align: justify; margin: 4pt 0; }
            .analisis .kegiatan { margin-left: 16pt; }
            .analisis .sub { margin-left: 32pt; }
            @media print { body { max-width: none; } }
            """;

    private Html() {
    }

    public static byte[] table(CapaianTable t) {
        StringBuilder b = new StringBuilder();
        head(b, Texts.title(t));
        b.append("<h1>").append(esc(Texts.title(t))).append("</h1>\n");
        b.append("<p class=\"asof\">").append(esc(Texts.asOf(t))).append("</p>\n");
        b.append("<p class=\"status ").append(t.status().name().toLowerCase()).append("\">").append(esc(Texts.status(t)))
                .append("</p>\n");
        b.append("<table>\n<thead>\n<tr>");
        String[] single = {"No", "Kode", "Urusan Pemerintahan", "Organisasi Perangkat Daerah Pelaksana", "Kebijakan",
            "Uraian Prog/Keg/Sub Kegiatan", "Indikator Kinerja Prog/Keg/Sub Kegiatan"};
        for (String s : single) {
            b.append("<th rowspan=\"2\">").append(esc(s)).append("</th>");
        }
        for (String g : new String[] {"Target", "Realisasi", "Capaian (%)", "Predikat"}) {
            b.append("<th colspan=\"2\">").append(esc(g)).append("</th>");
        }
        for (String s : new String[] {"Permasalahan", "Upaya Mengatasi Permasalahan", "Tindak Lanjut Rekomendasi DPRD"}) {
            b.append("<th rowspan=\"2\">").append(esc(s)).append("</th>");
        }
        b.append("</tr>\n<tr><th>Fisik</th><th>Anggaran</th><th>Fisik</th><th>Anggaran</th>"
                + "<th>Fisik</th><th>Keuangan</th><th>Fisik</th><th>Keuangan</th></tr>\n</thead>\n<tbody>\n");
        List<Line> lines = Lines.of(t);
        boolean firstLine = true;
        for (Line line : lines) {
            String cls = line.row().level() == Level.PROGRAM ? "program"
                    : line.row().level() == Level.SUB_KEGIATAN ? "sub" : "kegiatan";
            b.append("<tr class=\"").append(cls).append("\">");
            for (int c = 0; c < Lines.COUNT; c++) {
                int rowspan;
                if (Lines.perTable(c)) {
                    if (!firstLine) {
                        continue;
                    }
                    rowspan = lines.size();
                } else if (Lines.perIndikator(c)) {
                    rowspan = 1;
                } else {
                    if (!line.first()) {
                        continue;
                    }
                    rowspan = line.span();
                }
                td(b, line.values()[c], rowspan, 1, c == Lines.URAIAN ? "u" : null);
            }
            b.append("</tr>\n");
            firstLine = false;
        }
        b.append("</tbody>\n<tfoot>\n<tr class=\"total\">");
        Value[] total = Lines.total(t);
        td(b, new Lines.Text("TOTAL"), 1, Lines.INDIKATOR + 1, "c");
        for (int c = Lines.INDIKATOR + 1; c < Lines.COUNT; c++) {
            td(b, total[c], 1, 1, null);
        }
        b.append("</tr>\n</tfoot>\n</table>\n</body>\n</html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] analisis(Analisis a) {
        StringBuilder b = new StringBuilder();
        String title = "Analisis Kesesuaian antara Kegiatan dengan Target Kinerja Program";
        head(b, title + " — " + a.opd() + " TA " + a.tahun());
        b.append("<div class=\"analisis\">\n<h1>").append(esc(title)).append("</h1>\n");
        b.append("<p class=\"asof\">").append(esc("OPD " + a.opd() + " · Pemda " + a.pemda() + " · keadaan s.d. akhir bulan "
                + Texts.BULAN[a.bulan() - 1] + " " + a.tahun() + " (bulan " + a.bulan() + ")")).append("</p>\n");
        b.append("<p>").append(esc(a.pengantar())).append("</p>\n");
        for (Analisis.Program p : a.program()) {
            b.append("<section>\n<p class=\"program\">").append(esc(p.paragraf())).append("</p>\n");
            for (Analisis.Kegiatan k : p.kegiatan()) {
                b.append("<p class=\"kegiatan\">").append(esc(k.paragraf())).append("</p>\n");
                for (Analisis.SubKegiatan s : k.subKegiatan()) {
                    b.append("<p class=\"sub\">").append(esc(s.paragraf())).append("</p>\n");
                }
            }
            b.append("</section>\n");
        }
        b.append("</div>\n</body>\n</html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
    }

    private static void td(StringBuilder b, Value v, int rowspan, int colspan, String cls) {
        String c = v instanceof Num ? "n" : v instanceof Dash ? "c" : cls;
        b.append("<td");
        if (c != null) {
            b.append(" class=\"").append(c).append('"');
        }
        if (rowspan > 1) {
            b.append(" rowspan=\"").append(rowspan).append('"');
        }
        if (colspan > 1) {
            b.append(" colspan=\"").append(colspan).append('"');
        }
        b.append('>').append(esc(Lines.indonesian(v)).replace("\n", "<br>")).append("</td>");
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
