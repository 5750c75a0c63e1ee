package id.capaian.report.laporan;

import id.capaian.core.domain.Angka;
import id.capaian.report.laporan.CapaianTable.Anggaran;
import id.capaian.report.laporan.CapaianTable.Indikator;
import id.capaian.report.laporan.CapaianTable.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The table as printed lines: one line per indicator of a row (a row without indicators is one line);
 * the row's own cells (No, Kode, Kebijakan, Uraian, anggaran, annotations) belong to its first line, and
 * the XLSX and HTML forms merge them down over the row's other lines. Each renderer only formats these
 * values, so the three forms cannot disagree.
 */
public final class Lines {

    public static final int NO = 0, KODE = 1, URUSAN = 2, OPD = 3, KEBIJAKAN = 4, URAIAN = 5, INDIKATOR = 6,
            TARGET_FISIK = 7, TARGET_ANGGARAN = 8, REALISASI_FISIK = 9, REALISASI_ANGGARAN = 10, CAPAIAN_FISIK = 11,
            CAPAIAN_KEUANGAN = 12, PREDIKAT_FISIK = 13, PREDIKAT_KEUANGAN = 14, PERMASALAHAN = 15, UPAYA = 16,
            TINDAK_LANJUT = 17, COUNT = 18;

    /** Columns that describe the indicator of a line; all others describe the row (or the whole table). */
    public static boolean perIndikator(int column) {
        return column == INDIKATOR || column == TARGET_FISIK || column == REALISASI_FISIK || column == CAPAIAN_FISIK
                || column == PREDIKAT_FISIK;
    }

    /** Columns with one value for the whole table (merged over all lines in XLSX and HTML). */
    public static boolean perTable(int column) {
        return column == URUSAN || column == OPD;
    }

    public static boolean numeric(int column) {
        return column >= TARGET_FISIK && column <= CAPAIAN_KEUANGAN;
    }

    /** What a cell holds. {@code null} is an empty cell. */
    public sealed interface Value permits Text, Num, Dash {
    }

    public record Text(String text) implements Value {
    }

    /** A number: rupiah, an indicator value, or a percentage. */
    public record Num(BigDecimal value, Kind kind) implements Value {
    }

    public enum Kind {
        RUPIAH, FISIK, PERSEN
    }

    /** An undefined or missing number, shown "-". */
    public record Dash() implements Value {
    }

    public static final Dash DASH = new Dash();

    /** One printed line. {@code span} is the number of lines of its row, {@code first} whether it opens the row. */
    public record Line(Row row, boolean first, int span, Value[] values) {
    }

    private Lines() {
    }

    public static List<Line> of(CapaianTable t) {
        List<Line> out = new ArrayList<>();
        int no = 0;
        for (Row r : t.rows()) {
            no++;
            List<Indikator> ind = r.indikator() == null ? List.of() : r.indikator();
            int span = Math.max(1, ind.size());
            for (int i = 0; i < span; i++) {
                Value[] v = new Value[COUNT];
                v[NO] = new Text(Integer.toString(no));
                v[KODE] = new Text(r.kode());
                v[URUSAN] = new Text(Texts.urusanCell(t));
                v[OPD] = new Text(t.opd());
                v[KEBIJAKAN] = text(r.kebijakan());
                v[URAIAN] = new Text(Texts.uraian(r));
                if (i < ind.size()) {
                    Indikator x = ind.get(i);
                    v[INDIKATOR] = new Text(Texts.indikator(x));
                    v[TARGET_FISIK] = num(x.target(), Kind.FISIK);
                    v[REALISASI_FISIK] = num(x.realisasi(), Kind.FISIK);
                    v[CAPAIAN_FISIK] = num(x.capaian(), Kind.PERSEN);
                    v[PREDIKAT_FISIK] = x.predikat() == null ? DASH : new Text(x.predikat());
                }
                anggaran(v, r.anggaran() == null ? Anggaran.NONE : r.anggaran());
                v[PERMASALAHAN] = text(r.permasalahan());
                v[UPAYA] = text(r.upaya());
                v[TINDAK_LANJUT] = text(r.tindakLanjut());
                out.add(new Line(r, i == 0, span, v));
            }
        }
        return out;
    }

    /** The TOTAL line: pagu, realisasi, capaian keuangan and its predikat. */
    public static Value[] total(CapaianTable t) {
        Value[] v = new Value[COUNT];
        v[URAIAN] = new Text("TOTAL");
        Anggaran a = t.total() == null || t.total().anggaran() == null ? Anggaran.NONE : t.total().anggaran();
        anggaran(v, a);
        return v;
    }

    private static void anggaran(Value[] v, Anggaran a) {
        v[TARGET_ANGGARAN] = num(a.pagu(), Kind.RUPIAH);
        v[REALISASI_ANGGARAN] = num(a.realisasi(), Kind.RUPIAH);
        v[CAPAIAN_KEUANGAN] = num(a.capaian(), Kind.PERSEN);
        v[PREDIKAT_KEUANGAN] = a.predikat() == null ? DASH : new Text(a.predikat());
    }

    /** A value as people read it: "1.538.412.800", "27,54", "-"; an empty cell is "". */
    public static String indonesian(Value v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Text x) {
            return x.text();
        }
        if (v instanceof Num n) {
            return n.kind() == Kind.RUPIAH ? Angka.rupiah(n.value()) : Angka.desimal(n.value());
        }
        return "-";
    }

    private static Value num(BigDecimal n, Kind k) {
        return n == null ? DASH : new Num(n, k);
    }

    private static Value text(String s) {
        return s == null || s.isBlank() ? null : new Text(s.strip());
    }
}
