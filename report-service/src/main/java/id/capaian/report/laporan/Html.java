package id.capaian.report.laporan;

import id.capaian.core.domain.Level;
import id.capaian.report.export.Pages;
import id.capaian.report.export.TablePage;
import id.capaian.report.export.TablePage.Cell;
import id.capaian.report.export.TablePage.Row;
import id.capaian.report.laporan.Lines.Dash;
import id.capaian.report.laporan.Lines.Line;
import id.capaian.report.laporan.Lines.Num;
import id.capaian.report.laporan.Lines.Value;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The table and its analysis as self-contained HTML pages (inline CSS, no script, no external asset) that
 * print well: A4 landscape, header rows repeated on every page (thead), numbers right-aligned in
 * Indonesian form, the TOTAL row, the title, the month the data is as of and whether it is final. The pages
 * are Qute templates (templates/export/table.html, templates/laporan/analisis.html), which escape every text
 * from the data; the responses also carry a Content-Security-Policy that forbids scripts.
 */
@ApplicationScoped
public class Html {

    static final String ANALISIS = "Analisis Kesesuaian antara Kegiatan dengan Target Kinerja Program";

    @Inject Pages pages;

    @Inject
    @Location("laporan/analisis.html")
    Template analisis;

    public byte[] table(CapaianTable t) {
        return pages.table(page(t));
    }

    public byte[] analisis(Analisis a) {
        String asOf = "OPD " + a.opd() + " · Pemda " + a.pemda() + " · keadaan s.d. akhir bulan "
                + Texts.BULAN[a.bulan() - 1] + " " + a.tahun() + " (bulan " + a.bulan() + ")";
        return analisis.data("a", a).data("judul", ANALISIS).data("asOf", asOf).render().getBytes(StandardCharsets.UTF_8);
    }

    /** The capaian table as rows of cells: the seed's two header rows, one row per indicator, the TOTAL. */
    static TablePage page(CapaianTable t) {
        List<Cell> top = new ArrayList<>();
        for (String s : new String[] {"No", "Kode", "Urusan Pemerintahan", "Organisasi Perangkat Daerah Pelaksana", "Kebijakan",
            "Uraian Prog/Keg/Sub Kegiatan", "Indikator Kinerja Prog/Keg/Sub Kegiatan"}) {
            top.add(Cell.of(s, null, 2, 1));
        }
        for (String g : new String[] {"Target", "Realisasi", "Capaian (%)", "Predikat"}) {
            top.add(Cell.of(g, null, 1, 2));
        }
        for (String s : new String[] {"Permasalahan", "Upaya Mengatasi Permasalahan", "Tindak Lanjut Rekomendasi DPRD"}) {
            top.add(Cell.of(s, null, 2, 1));
        }
        List<Cell> second = new ArrayList<>();
        for (String s : new String[] {"Fisik", "Anggaran", "Fisik", "Anggaran", "Fisik", "Keuangan", "Fisik", "Keuangan"}) {
            second.add(Cell.of(s, null));
        }
        List<Row> body = new ArrayList<>();
        List<Line> lines = Lines.of(t);
        boolean firstLine = true;
        for (Line line : lines) {
            String cls = line.row().level() == Level.PROGRAM ? "program"
                    : line.row().level() == Level.SUB_KEGIATAN ? "sub" : "kegiatan";
            List<Cell> cells = new ArrayList<>();
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
                cells.add(cell(line.values()[c], rowspan, 1, c == Lines.URAIAN ? "u" : null));
            }
            body.add(new Row(cls, cells));
            firstLine = false;
        }
        Value[] total = Lines.total(t);
        List<Cell> foot = new ArrayList<>();
        foot.add(cell(new Lines.Text("TOTAL"), 1, Lines.INDIKATOR + 1, "c"));
        for (int c = Lines.INDIKATOR + 1; c < Lines.COUNT; c++) {
            foot.add(cell(total[c], 1, 1, null));
        }
        return new TablePage(Texts.title(t), Texts.asOf(t), Texts.status(t), t.status() != CapaianTable.Status.FINAL,
                List.of(new Row(null, top), new Row(null, second)), body, List.of(new Row("total", foot)));
    }

    private static Cell cell(Value v, int rowspan, int colspan, String cls) {
        return Cell.of(Lines.indonesian(v), v instanceof Num ? "n" : v instanceof Dash ? "c" : cls, rowspan, colspan);
    }
}
