package id.capaian.report.laporan;

import id.capaian.core.domain.Angka;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.report.laporan.CapaianTable.Anggaran;
import id.capaian.report.laporan.CapaianTable.Indikator;
import id.capaian.report.laporan.CapaianTable.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The analysis below the table (LKPJ chapter III, section b, "Analisis Kesesuaian antara kegiatan dengan
 * target kinerja program"): per program, per kegiatan and per sub kegiatan, a paragraph in Indonesian
 * generated from the numbers of the {@link CapaianTable}: indicator, target, realization, tingkat
 * capaian, predikat, and for programs the budget absorbed and the kebijakan. A pure function of the table.
 */
@Schema(description = "Analysis of the capaian per program, kegiatan and sub kegiatan (LKPJ chapter III part b)")
public record Analisis(String pemda, int tahun, String opd, CapaianTable.Node urusan, int bulan,
        @Schema(description = "Opening sentence") String pengantar, List<Program> program) {

    public record Program(String kode,
            @Schema(nullable = true, description = "Its name; null while only indicator-service has told of the node") String uraian,
            String paragraf, List<Kegiatan> kegiatan) {
    }

    public record Kegiatan(String kode,
            @Schema(nullable = true, description = "Its name; null while only indicator-service has told of the node") String uraian,
            String paragraf, List<SubKegiatan> subKegiatan) {
    }

    public record SubKegiatan(String kode,
            @Schema(nullable = true, description = "Its name; null while only indicator-service has told of the node") String uraian,
            String paragraf) {
    }

    /** Units that name a scale rather than things counted: the number stands alone ("sebesar 54"). */
    private static final Set<String> SCALES = Set.of("indeks", "nilai", "kategori", "skor", "poin", "rasio", "angka");

    public static Analisis of(CapaianTable t) {
        List<Row> programs = new ArrayList<>();
        for (Row r : t.rows()) {
            if (r.level() == Level.PROGRAM) {
                programs.add(r);
            }
        }
        List<Program> out = new ArrayList<>();
        int pn = 0;
        for (Row p : programs) {
            pn++;
            List<Row> kegiatan = children(t, p.kode(), Level.KEGIATAN);
            List<Kegiatan> ks = new ArrayList<>();
            int kn = 0;
            int subs = 0;
            for (Row k : kegiatan) {
                List<Row> sub = children(t, k.kode(), Level.SUB_KEGIATAN);
                List<SubKegiatan> ss = new ArrayList<>();
                int sn = 0;
                for (Row s : sub) {
                    ss.add(new SubKegiatan(s.kode(), s.uraian(), subKegiatan(t, ++sn, s)));
                }
                subs += sub.size();
                ks.add(new Kegiatan(k.kode(), k.uraian(), kegiatan(t, kn++, k), ss));
            }
            out.add(new Program(p.kode(), p.uraian(), program(t, pn, p, kegiatan.size(), subs), ks));
        }
        String opd = t.opd();
        String pengantar = "Berdasarkan tabel di atas, capaian kinerja " + opd + " tahun " + t.tahun()
                + " pada " + urusanName(t) + " dianalisis berdasarkan kesesuaian capaian kinerja output terhadap "
                + "program yang telah ditetapkan dalam dokumen pelaksanaan anggaran, dengan keadaan sampai dengan akhir bulan "
                + BULAN[t.bulan() - 1] + " " + t.tahun() + ", sebagai berikut:";
        return new Analisis(t.pemda(), t.tahun(), t.opd(), t.urusan(), t.bulan(), pengantar, out);
    }

    private static final String[] BULAN = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
        "September", "Oktober", "November", "Desember"};

    private static String urusanName(CapaianTable t) {
        String u = t.urusan().uraian();
        if (u == null || u.isBlank()) {
            return "urusan " + t.urusan().kode();
        }
        String title = titleCase(u.strip());
        return title.startsWith("Urusan") ? title : "Urusan " + title;
    }

    private static final Set<String> SMALL_WORDS = Set.of("dan", "di", "ke", "dari", "yang", "pada", "untuk", "serta",
            "atau", "bagi", "dalam", "dengan", "oleh");

    /** "URUSAN PEMERINTAHAN BIDANG PEMBERDAYAAN PEREMPUAN DAN …" → "Urusan Pemerintahan Bidang Pemberdayaan Perempuan dan …". */
    public static String titleCase(String s) {
        StringBuilder b = new StringBuilder();
        String[] words = s.toLowerCase(Locale.ROOT).split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                b.append(' ');
            }
            if (w.isEmpty() || (i > 0 && SMALL_WORDS.contains(w))) {
                b.append(w);
            } else {
                b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return b.toString();
    }

    /** Rows of the given level directly below {@code parent}, in code order (the table's order). */
    private static List<Row> children(CapaianTable t, String parent, Level level) {
        List<Row> out = new ArrayList<>();
        for (Row r : t.rows()) {
            if (r.level() == level && Kode.of(r.kode()).parent().map(Kode::value).orElse("").equals(parent)) {
                out.add(r);
            }
        }
        return out;
    }

    // ---- paragraphs ------------------------------------------------------------------------------

    static String program(CapaianTable t, int n, Row p, int kegiatan, int subs) {
        StringBuilder b = new StringBuilder();
        b.append(n).append(". ").append(programName(p));
        List<Indikator> ind = indikator(p);
        if (ind.isEmpty()) {
            b.append(" belum memiliki indikator kinerja.");
        } else {
            b.append(", diukur dengan ").append(measured(ind)).append('.');
            for (Indikator i : ind) {
                b.append(' ');
                if (ind.size() > 1) {
                    b.append("Untuk indikator ").append(i.nama().strip()).append(", ");
                }
                String lead = ind.size() > 1 ? "dari target sebesar " : "Dari target sebesar ";
                b.append(i.target() == null ? noTarget(i, ind.size() == 1)
                        : lead + outcome(i, "dengan realisasi", "dengan tingkat capaian", true)).append('.');
            }
        }
        Anggaran a = p.anggaran() == null ? Anggaran.NONE : p.anggaran();
        b.append(" Anggaran program sebesar Rp ").append(Angka.rupiah(a.pagu()));
        if (a.realisasi() == null || a.realisasi().signum() == 0) {
            b.append(a.pagu().signum() == 0 ? ", belum ada realisasi anggaran." : " belum ada realisasinya.");
        } else if (a.capaian() == null) {
            b.append(" terealisasi Rp ").append(Angka.rupiah(a.realisasi()))
                    .append("; capaian keuangan tidak dapat dihitung.");
        } else {
            b.append(" terealisasi Rp ").append(Angka.rupiah(a.realisasi())).append(" atau ")
                    .append(Angka.desimal(a.capaian())).append("%.");
        }
        if (p.kebijakan() != null && !p.kebijakan().isBlank()) {
            String k = p.kebijakan().strip();
            b.append(" Program ini bertujuan untuk mencapai sasaran kebijakan: ").append(k)
                    .append(k.matches(".*[.!?]$") ? "" : ".");
        }
        if (kegiatan > 0) {
            b.append(" Program ini didukung oleh ").append(kegiatan).append(" kegiatan");
            if (subs > 0) {
                b.append(" dan ").append(subs).append(" sub kegiatan");
            }
            b.append('.');
        }
        return b.toString();
    }

    static String kegiatan(CapaianTable t, int index, Row k) {
        StringBuilder b = new StringBuilder();
        b.append(letter(index)).append(". Kegiatan ").append(name(k));
        List<Indikator> ind = indikator(k);
        if (ind.isEmpty()) {
            return b.append(" belum memiliki indikator kinerja.").toString();
        }
        b.append(", diukur dengan ").append(measured(ind));
        for (int x = 0; x < ind.size(); x++) {
            Indikator i = ind.get(x);
            b.append(x == 0 ? (ind.size() > 1 ? ": " : " ") : "; ");
            if (ind.size() > 1) {
                b.append("untuk indikator ").append(i.nama().strip()).append(' ');
            }
            b.append(i.target() == null ? "dengan " + noTarget(i, false)
                    : "dengan target tahun " + t.tahun() + " " + verb(i) + " "
                            + outcome(i, "dan terealisasi", "dengan tingkat capaian", false));
        }
        return b.append('.').toString();
    }

    static String subKegiatan(CapaianTable t, int n, Row s) {
        StringBuilder b = new StringBuilder();
        b.append(n).append(") Sub Kegiatan ").append(name(s));
        List<Indikator> ind = indikator(s);
        if (ind.isEmpty()) {
            return b.append(" belum memiliki indikator kinerja.").toString();
        }
        b.append(" dengan ").append(measuredNoUnit(ind)).append('.');
        for (Indikator i : ind) {
            b.append(' ');
            if (ind.size() > 1) {
                b.append("Untuk indikator ").append(i.nama().strip()).append(", ");
            }
            if (i.target() == null) {
                b.append(noTarget(i, ind.size() == 1)).append('.');
            } else {
                b.append(ind.size() > 1 ? "dari" : "Dari").append(" target tahun ").append(t.tahun()).append(' ')
                        .append(verb(i)).append(' ')
                        .append(outcome(i, "dan terealisasi", "dengan tingkat capaian", false)).append('.');
            }
        }
        return b.toString();
    }

    /**
     * "65% dengan realisasi 27,54% atau dengan tingkat capaian 42,37% (predikat Sangat Rendah)"; when the
     * realization is missing "65%, belum ada realisasi"; when capaian is undefined "…; capaian tidak dapat dihitung".
     */
    private static String outcome(Indikator i, String realized, String achieved, boolean predikat) {
        StringBuilder b = new StringBuilder(amount(i.target(), i.satuan()));
        if (i.realisasi() == null) {
            return b.append(", belum ada realisasi").toString();
        }
        b.append(' ').append(realized).append(' ').append(amount(i.realisasi(), i.satuan()));
        if (i.capaian() == null) {
            return b.append(", sehingga capaian tidak dapat dihitung").toString();
        }
        b.append(" atau ").append(achieved).append(' ').append(Angka.desimal(i.capaian())).append('%');
        if (predikat && i.predikat() != null) {
            b.append(" (predikat ").append(i.predikat()).append(')');
        }
        if (i.polaritas() == Polaritas.NEGATIF) {
            b.append(" (indikator negatif: makin rendah makin baik)");
        }
        return b.toString();
    }

    /** An indicator without target: "target belum ditetapkan, realisasi 5 orang; capaian tidak dapat dihitung". */
    private static String noTarget(Indikator i, boolean capital) {
        return (capital ? "Target" : "target") + " belum ditetapkan"
                + (i.realisasi() == null ? " dan belum ada realisasi"
                        : ", dengan realisasi " + amount(i.realisasi(), i.satuan()))
                + ", sehingga capaian tidak dapat dihitung";
    }

    /** "65%" or "50 perangkat daerah"; a scale (indeks, nilai, kategori) stands alone: "54". */
    static String amount(BigDecimal v, String satuan) {
        String n = Angka.desimal(v);
        String s = satuan == null ? "" : satuan.strip();
        if (s.isEmpty() || SCALES.contains(s.toLowerCase(Locale.ROOT))) {
            return n;
        }
        if (s.equals("%") || s.equalsIgnoreCase("persen")) {
            return n + "%";
        }
        return n + " " + s;
    }

    /** "sebesar" for a percentage or a scale, "sebanyak" for things counted. */
    private static String verb(Indikator i) {
        String s = i.satuan() == null ? "" : i.satuan().strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() || s.equals("%") || s.equals("persen") || SCALES.contains(s) ? "sebesar" : "sebanyak";
    }

    /** "indikator A (%)" or "indikator A (%) dan indikator B (orang)". */
    private static String measured(List<Indikator> ind) {
        List<String> parts = new ArrayList<>();
        for (Indikator i : ind) {
            String s = i.satuan() == null || i.satuan().isBlank() ? "" : " (" + i.satuan().strip() + ")";
            parts.add("indikator " + i.nama().strip() + s);
        }
        return join(parts);
    }

    private static String measuredNoUnit(List<Indikator> ind) {
        List<String> parts = new ArrayList<>();
        for (Indikator i : ind) {
            parts.add("indikator " + i.nama().strip());
        }
        return join(parts);
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " dan " + parts.get(parts.size() - 1);
    }

    private static List<Indikator> indikator(Row r) {
        return r.indikator() == null ? List.of() : r.indikator();
    }

    private static String programName(Row p) {
        String u = name(p).toUpperCase(Locale.ROOT);
        return u.startsWith("PROGRAM") ? u : "PROGRAM " + u;
    }

    private static String name(Row r) {
        return r.uraian() == null || r.uraian().isBlank() ? r.kode() : r.uraian().strip();
    }

    /** a, b, …, z, aa, ab, … */
    static String letter(int index) {
        StringBuilder b = new StringBuilder();
        int i = index;
        do {
            b.insert(0, (char) ('a' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return b.toString();
    }
}
