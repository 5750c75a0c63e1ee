package id.capaian.report.imports;

import id.capaian.core.domain.Angka;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Polaritas;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.RumusNegatif;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem.FieldError;
import id.capaian.core.problem.ProblemException;
import id.capaian.report.imports.ImportPlan.Baris;
import id.capaian.report.imports.ImportPlan.Indikator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a whole table before anything is written and gives either the {@link ImportPlan} or every problem
 * of the file at once, each named {@code "baris 12, kolom target_anggaran"} (rows as the file numbers them,
 * the header is row 1). Rules on numbers, codes and periods are capaian-core's ({@link Rules},
 * {@link Kode}, {@link Angka}), not restated here.
 */
public final class ImportValidator {

    /** The columns of shared/fixtures/README.md, all required in the header (matched case-insensitively). */
    public enum Kolom {
        KODE, URAIAN, INDIKATOR, SATUAN, POLARITAS, TARGET_FISIK, TARGET_ANGGARAN, REALISASI_FISIK, REALISASI_ANGGARAN,
        /** Optional: the formula of a negative indicator, {@code rasio} (default) or {@code selisih}. */
        RUMUS,
        /** Optional (RFK): the ceiling of the original APBD; a program's or kegiatan's must be its sub kegiatan's sum. */
        PAGU_MURNI,
        /** Optional (RFK): the cash plan of a sub kegiatan, the amount planned in each month; all twelve or none. */
        RAK_01, RAK_02, RAK_03, RAK_04, RAK_05, RAK_06, RAK_07, RAK_08, RAK_09, RAK_10, RAK_11, RAK_12,
        /** Optional (RFK): physical progress of a sub kegiatan's work to the end of the imported month, 0..100 %. */
        PROGRES_FISIK,
        /** Optional (E.81): how an indicator's quarters add up, {@code jumlah} or {@code akhir} (the default). */
        AGREGASI,
        /** Optional (E.81 columns 5 and 6, K): the indicator's Renstra target and its realization up to last year. */
        RENSTRA_TARGET, RENSTRA_SEBELUMNYA,
        /** Optional (E.81 columns 5 and 6, Rp): the node's Renstra anggaran and its realization up to last year. */
        RENSTRA_PAGU, RENSTRA_REALISASI_SEBELUMNYA,
        /** Optional (E.81 column 2): a program's target statement. */
        SASARAN;

        /** What a node states once: on its first row, and blank or the same on the rows that add its other indicators. */
        static final List<Kolom> NODE = List.of(URAIAN, TARGET_ANGGARAN, REALISASI_ANGGARAN, PAGU_MURNI, RAK_01, RAK_02,
                RAK_03, RAK_04, RAK_05, RAK_06, RAK_07, RAK_08, RAK_09, RAK_10, RAK_11, RAK_12, PROGRES_FISIK, RENSTRA_PAGU,
                RENSTRA_REALISASI_SEBELUMNYA, SASARAN);

        static final List<Kolom> RAK = List.of(RAK_01, RAK_02, RAK_03, RAK_04, RAK_05, RAK_06, RAK_07, RAK_08, RAK_09,
                RAK_10, RAK_11, RAK_12);

        public String header() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean required() {
            return ordinal() <= REALISASI_ANGGARAN.ordinal();
        }
    }

    public static final String SLUG = "impor-tidak-valid";
    static final int SASARAN_MAX = 2000;
    public static final String TITLE = "Impor tidak valid";

    private static final Pattern ROW = Pattern.compile("^baris (\\d+)");

    private ImportValidator() {
    }

    /** The plan, or a 422 {@code /problems/impor-tidak-valid} listing every problem of the file. */
    public static ImportPlan validate(Tabel tabel) {
        return validate(tabel, id.capaian.core.problem.Problem.MAX_ERRORS);
    }

    /** As {@link #validate(Tabel)}, listing at most {@code maxErrors} problems and counting the rest. */
    public static ImportPlan validate(Tabel tabel, int maxErrors) {
        return new Run(tabel, maxErrors).plan();
    }

    /** A problem's field: {@code baris 12, kolom target_anggaran}. */
    public static String field(int row, Kolom kolom) {
        return "baris " + row + ", kolom " + kolom.header();
    }

    public static ProblemException refusal(List<FieldError> errors) {
        return refusal(errors, 0);
    }

    /** The problems listed (in row and column order) and {@code omitted} more that were counted but not kept. */
    public static ProblemException refusal(List<FieldError> errors, int omitted) {
        List<FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(ImportValidator::rowOf).thenComparingInt(ImportValidator::columnOf));
        int total = sorted.size() + omitted;
        String detail = total == 1
                ? sorted.get(0).field() + ": " + sorted.get(0).message() + ". Tidak ada data yang ditulis."
                : total + " masalah pada berkas impor" + (omitted == 0 ? "" : " (" + sorted.size() + " pertama disebut; "
                        + "errorsOmitted: " + omitted + " lainnya)") + ". Tidak ada data yang ditulis; perbaiki semuanya lalu kirim ulang.";
        return new ProblemException(422, SLUG, TITLE, detail, sorted, omitted);
    }

    private static int rowOf(FieldError e) {
        Matcher m = ROW.matcher(e.field());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int columnOf(FieldError e) {
        for (Kolom k : Kolom.values()) {
            if (e.field().endsWith("kolom " + k.header())) {
                return k.ordinal();
            }
        }
        return -1;
    }

    /** One validation of one table: collects into {@link Violations}, throws all at the end. */
    private static final class Run {

        private final Tabel tabel;
        private final Violations v;
        private final Map<Kolom, Integer> columns = new HashMap<>();
        /** Valid, distinct codes of the file → their row. */
        private final Map<Kode, Baris> byKode = new LinkedHashMap<>();
        /** The first row of each code, whose node columns the rows that repeat the code must match. */
        private final Map<Kode, Tabel.Row> firstRow = new HashMap<>();
        /** Code texts that could not be read, so that their would-be parents skip their sum checks. */
        private final Set<String> unreadable = new TreeSet<>();
        private final List<Baris> rows = new ArrayList<>();

        Run(Tabel tabel, int maxErrors) {
            this.tabel = tabel;
            this.v = new Violations(maxErrors);
        }

        ImportPlan plan() {
            tabel.problems().forEach(p -> v.add(p.field(), p.message()));
            if (tabel.rows().isEmpty()) {
                v.add("body", "berkas kosong: diharapkan baris judul kolom (" + requiredHeaders() + ") dan baris data");
                throw refusal(v.errors(), v.omitted());
            }
            Tabel.Row header = tabel.rows().get(0);
            if (!header(header)) {
                throw refusal(v.errors(), v.omitted());
            }
            List<Tabel.Row> data = tabel.rows().subList(1, tabel.rows().size());
            if (data.isEmpty()) {
                v.add("baris " + (header.nomor() + 1), "tidak ada baris data di bawah judul kolom");
            }
            for (Tabel.Row row : data) {
                row(row, header.cells().size());
            }
            parents();
            sums();
            if (!v.isEmpty()) {
                throw refusal(v.errors(), v.omitted());
            }
            return new ImportPlan(rows.stream().map(b -> new Baris(b.nomor(), b.kode(), b.uraian(), List.copyOf(b.indikator()),
                    b.pagu(), b.realisasi(), b.paguMurni(), b.rak(), b.progres(), b.renstra(), b.sasaran())).toList());
        }

        private static String requiredHeaders() {
            return String.join(", ", java.util.Arrays.stream(Kolom.values()).filter(Kolom::required).map(Kolom::header).toList());
        }

        private boolean header(Tabel.Row header) {
            int at = header.nomor();
            boolean ok = true;
            for (int i = 0; i < header.cells().size(); i++) {
                String name = header.cells().get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
                for (Kolom k : Kolom.values()) {
                    if (k.header().equals(name) && columns.putIfAbsent(k, i) != null) {
                        v.add("baris " + at + ", kolom " + k.header(), "kolom ini muncul dua kali di judul kolom");
                        ok = false;
                    }
                }
            }
            for (Kolom k : Kolom.values()) {
                if (k.required() && !columns.containsKey(k)) {
                    v.add("baris " + at + ", kolom " + k.header(), "kolom wajib tidak ada di judul kolom (baris pertama); "
                            + "judul yang diharapkan: " + requiredHeaders());
                    ok = false;
                }
            }
            return ok;
        }

        private String cell(Tabel.Row row, Kolom k) {
            Integer i = columns.get(k);
            return i == null ? "" : row.cell(i).strip();
        }

        private void row(Tabel.Row row, int width) {
            int n = row.nomor();
            Function<Kolom, String> f = k -> field(n, k);
            for (int i = width; i < row.cells().size(); i++) {
                if (!row.cells().get(i).isBlank()) {
                    v.add("baris " + n, "baris ini punya " + row.cells().size() + " kolom, judul kolom hanya " + width
                            + " (di CSV berpemisah koma, angka berkoma desimal harus diapit tanda kutip: \"27,54\")");
                    break;
                }
            }
            Kode kode = kode(n, cell(row, Kolom.KODE));
            Indikator indikator = indikator(row, n);
            Baris first = kode == null ? null : byKode.get(kode);
            if (first != null) {
                repeated(row, n, first, indikator);
                return;
            }
            String uraian = cell(row, Kolom.URAIAN);
            v.check(!uraian.isEmpty(), f.apply(Kolom.URAIAN), "wajib diisi");
            BigDecimal pagu = rupiah(n, Kolom.TARGET_ANGGARAN, cell(row, Kolom.TARGET_ANGGARAN));
            BigDecimal realisasi = rupiah(n, Kolom.REALISASI_ANGGARAN, cell(row, Kolom.REALISASI_ANGGARAN));
            String murniText = cell(row, Kolom.PAGU_MURNI);
            BigDecimal murni = murniText.isEmpty() ? null : rupiah(n, Kolom.PAGU_MURNI, murniText);
            boolean leaf = kode != null && kode.level() == Level.SUB_KEGIATAN;
            BigDecimal[] rak = rak(row, n, leaf);
            BigDecimal progres = progres(row, n, leaf);
            ImportPlan.RenstraAnggaran renstra = renstraAnggaran(row, n);
            String sasaran = sasaran(row, n, kode);
            if (kode != null && kode.level() == Level.SUB_KEGIATAN && pagu != null && realisasi != null) {
                v.check(realisasi.compareTo(pagu) <= 0, f.apply(Kolom.REALISASI_ANGGARAN),
                        "realisasi anggaran " + Angka.rupiah(realisasi) + " melebihi target anggaran (pagu) "
                                + Angka.rupiah(pagu));
            }
            if (kode != null) {
                List<Indikator> list = new ArrayList<>();
                if (indikator != null) {
                    list.add(indikator);
                }
                Baris b = new Baris(n, kode, uraian, list, pagu, realisasi, murni, rak, progres, renstra, sasaran);
                byKode.put(kode, b);
                firstRow.put(kode, row);
                rows.add(b);
            }
        }

        /**
         * A row that repeats a node's code adds the node's next indicator: it must name one, not one the node already
         * has, and leave the node's own columns blank or equal to the first row's.
         */
        private void repeated(Tabel.Row row, int n, Baris first, Indikator indikator) {
            String nama = cell(row, Kolom.INDIKATOR);
            if (nama.isEmpty()) {
                v.add(field(n, Kolom.KODE), "kode " + first.kode() + " sudah ada di baris " + first.nomor() + "; baris yang "
                        + "mengulang kode hanya untuk indikator berikutnya dari node itu, dan baris ini tanpa indikator");
                return;
            }
            if (first.indikator().stream().anyMatch(i -> i.nama().equalsIgnoreCase(nama))) {
                v.add(field(n, Kolom.KODE), "kode " + first.kode() + " sudah ada di baris " + first.nomor()
                        + " dengan indikator yang sama (" + nama + "); baris yang mengulang kode hanya untuk indikator lain");
                return;
            }
            Tabel.Row at = firstRow.get(first.kode());
            for (Kolom k : Kolom.NODE) {
                String mine = cell(row, k);
                String theirs = cell(at, k);
                if (!mine.isEmpty() && !same(k, mine, theirs)) {
                    v.add(field(n, k), "kode " + first.kode() + " sudah ada di baris " + first.nomor() + " dengan "
                            + k.header() + " '" + theirs + "'; isi kolom node sekali (baris pertama) atau sama di setiap "
                            + "baris node itu");
                }
            }
            if (indikator != null) {
                first.indikator().add(indikator);
            }
        }

        private static boolean same(Kolom k, String a, String b) {
            if (k == Kolom.URAIAN || k == Kolom.SASARAN) {
                return a.equals(b);
            }
            try {
                return Angka.parse(a).compareTo(Angka.parse(b)) == 0;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /** The node's Renstra anggaran (Rp), or null when both cells are blank. */
        private ImportPlan.RenstraAnggaran renstraAnggaran(Tabel.Row row, int n) {
            String pagu = cell(row, Kolom.RENSTRA_PAGU);
            String sebelumnya = cell(row, Kolom.RENSTRA_REALISASI_SEBELUMNYA);
            if (pagu.isEmpty() && sebelumnya.isEmpty()) {
                return null;
            }
            return new ImportPlan.RenstraAnggaran(pagu.isEmpty() ? null : rupiah(n, Kolom.RENSTRA_PAGU, pagu),
                    sebelumnya.isEmpty() ? null : rupiah(n, Kolom.RENSTRA_REALISASI_SEBELUMNYA, sebelumnya));
        }

        private String sasaran(Tabel.Row row, int n, Kode kode) {
            String text = cell(row, Kolom.SASARAN);
            if (text.isEmpty()) {
                return null;
            }
            v.check(kode == null || kode.level() == Level.PROGRAM, field(n, Kolom.SASARAN), "sasaran hanya untuk program");
            v.check(text.length() <= SASARAN_MAX, field(n, Kolom.SASARAN), "paling panjang " + SASARAN_MAX + " karakter");
            return text;
        }

        private Kode kode(int n, String text) {
            String field = field(n, Kolom.KODE);
            if (!v.check(!text.isEmpty(), field, "wajib diisi")) {
                return null;
            }
            Kode kode = Kode.parse(text).orElse(null);
            if (kode == null) {
                v.add(field, Kode.describe(text));
                unreadable.add(text);
                return null;
            }
            if (kode.level() == Level.URUSAN) {
                v.add(field, "baris urusan (" + kode + ") tidak diimpor: hanya program (3 bagian), kegiatan (5) "
                        + "dan sub kegiatan (6); hapus baris ini");
                return null;
            }
            return kode;
        }

        private Indikator indikator(Tabel.Row row, int n) {
            String nama = cell(row, Kolom.INDIKATOR);
            String satuan = cell(row, Kolom.SATUAN);
            String polaritas = cell(row, Kolom.POLARITAS);
            String target = cell(row, Kolom.TARGET_FISIK);
            String realisasi = cell(row, Kolom.REALISASI_FISIK);
            String rumus = cell(row, Kolom.RUMUS);
            if (nama.isEmpty()) {
                boolean orphan = !(satuan + polaritas + target + realisasi + rumus + cell(row, Kolom.AGREGASI)
                        + cell(row, Kolom.RENSTRA_TARGET) + cell(row, Kolom.RENSTRA_SEBELUMNYA)).isEmpty();
                v.check(!orphan, field(n, Kolom.INDIKATOR), "wajib diisi bila satuan, polaritas, target_fisik, "
                        + "realisasi_fisik, agregasi atau renstra_target/renstra_sebelumnya diisi");
                return null;
            }
            boolean ok = v.check(!satuan.isEmpty(), field(n, Kolom.SATUAN), "wajib diisi bila ada indikator");
            Polaritas p = null;
            if (v.check(!polaritas.isEmpty(), field(n, Kolom.POLARITAS), "wajib diisi bila ada indikator")) {
                try {
                    p = Polaritas.of(polaritas.toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    v.add(field(n, Kolom.POLARITAS), e.getMessage());
                }
            }
            RumusNegatif r = null;
            if (!rumus.isEmpty()) {
                try {
                    r = RumusNegatif.of(rumus.toLowerCase(Locale.ROOT));
                    if (p == Polaritas.POSITIF) {
                        v.add(field(n, Kolom.RUMUS), "rumus hanya untuk indikator berpolaritas negatif");
                        ok = false;
                    }
                } catch (IllegalArgumentException e) {
                    v.add(field(n, Kolom.RUMUS), e.getMessage());
                    ok = false;
                }
            }
            BigDecimal t = nilai(n, Kolom.TARGET_FISIK, target);
            BigDecimal real = realisasi.isEmpty() ? null : nilai(n, Kolom.REALISASI_FISIK, realisasi);
            String agregasi = cell(row, Kolom.AGREGASI).toLowerCase(Locale.ROOT);
            if (!agregasi.isEmpty()) {
                if (!agregasi.equals("jumlah") && !agregasi.equals("akhir")) {
                    v.add(field(n, Kolom.AGREGASI), "agregasi '" + cell(row, Kolom.AGREGASI) + "' tidak dikenal; isi jumlah "
                            + "(yang dihitung: dokumen, orang, kegiatan) atau akhir (tingkat: persen, indeks, rasio)");
                    ok = false;
                } else if (agregasi.equals("jumlah") && p == Polaritas.NEGATIF) {
                    v.add(field(n, Kolom.AGREGASI), "indikator berpolaritas negatif selalu beragregasi akhir");
                    ok = false;
                }
            }
            String rt = cell(row, Kolom.RENSTRA_TARGET);
            String rs = cell(row, Kolom.RENSTRA_SEBELUMNYA);
            BigDecimal renstraTarget = rt.isEmpty() ? null : nilai(n, Kolom.RENSTRA_TARGET, rt);
            BigDecimal renstraSebelumnya = rs.isEmpty() ? null : nilai(n, Kolom.RENSTRA_SEBELUMNYA, rs);
            ok &= (rt.isEmpty() || renstraTarget != null) && (rs.isEmpty() || renstraSebelumnya != null);
            return ok && p != null && t != null ? new Indikator(nama, satuan, p, r, t, real,
                    agregasi.isEmpty() ? null : agregasi, renstraTarget, renstraSebelumnya) : null;
        }

        /** All twelve planned amounts of a sub kegiatan, or none (null); refused on other rows. */
        private BigDecimal[] rak(Tabel.Row row, int n, boolean leaf) {
            List<Kolom> given = Kolom.RAK.stream().filter(k -> !cell(row, k).isEmpty()).toList();
            if (given.isEmpty()) {
                return null;
            }
            if (!leaf) {
                v.add(field(n, given.get(0)), "RAK hanya untuk sub kegiatan; kosongkan rak_01..rak_12 pada baris ini");
                return null;
            }
            if (given.size() < Kolom.RAK.size()) {
                Kolom missing = Kolom.RAK.stream().filter(k -> cell(row, k).isEmpty()).findFirst().orElseThrow();
                v.add(field(n, missing), "RAK diisi untuk " + given.size() + " bulan; isi kedua belas bulan rak_01..rak_12 "
                        + "(0 untuk bulan tanpa rencana) atau kosongkan semuanya");
                return null;
            }
            BigDecimal[] a = new BigDecimal[Kolom.RAK.size()];
            boolean ok = true;
            for (int i = 0; i < a.length; i++) {
                a[i] = rupiah(n, Kolom.RAK.get(i), cell(row, Kolom.RAK.get(i)));
                ok &= a[i] != null;
            }
            return ok ? a : null;
        }

        /** Physical progress (0..100, 2 decimals at most) of a sub kegiatan; refused on other rows. */
        private BigDecimal progres(Tabel.Row row, int n, boolean leaf) {
            String text = cell(row, Kolom.PROGRES_FISIK);
            if (text.isEmpty()) {
                return null;
            }
            if (!leaf) {
                v.add(field(n, Kolom.PROGRES_FISIK), "progres fisik hanya untuk sub kegiatan");
                return null;
            }
            BigDecimal x = number(n, Kolom.PROGRES_FISIK, text);
            if (x == null) {
                return null;
            }
            boolean ok = v.check(x.signum() >= 0 && x.compareTo(BigDecimal.valueOf(100)) <= 0, field(n, Kolom.PROGRES_FISIK),
                    "progres fisik harus 0 sampai 100 (persen), bukan " + Angka.desimal(x));
            ok &= v.check(x.stripTrailingZeros().scale() <= 2, field(n, Kolom.PROGRES_FISIK), "paling banyak 2 angka desimal");
            return ok ? x : null;
        }

        private BigDecimal rupiah(int n, Kolom k, String text) {
            BigDecimal x = number(n, k, text);
            return x == null ? null : Rules.rupiah(v, field(n, k), x);
        }

        private BigDecimal nilai(int n, Kolom k, String text) {
            BigDecimal x = number(n, k, text);
            return x == null ? null : Rules.nilai(v, field(n, k), x);
        }

        private BigDecimal number(int n, Kolom k, String text) {
            if (!v.check(!text.isEmpty(), field(n, k), "wajib diisi")) {
                return null;
            }
            try {
                return Angka.parse(text);
            } catch (IllegalArgumentException e) {
                v.add(field(n, k), e.getMessage());
                return null;
            }
        }

        /** Every kegiatan and sub kegiatan has its parent in the file (a program's urusan is not imported). */
        private void parents() {
            for (Baris b : rows) {
                if (b.level() == Level.KEGIATAN || b.level() == Level.SUB_KEGIATAN) {
                    Kode parent = b.kode().parent().orElseThrow();
                    v.check(byKode.containsKey(parent), field(b.nomor(), Kolom.KODE),
                            "induknya, " + (b.level() == Level.KEGIATAN ? "program " : "kegiatan ") + parent
                                    + ", tidak ada di berkas");
                }
            }
        }

        /**
         * Each kegiatan's and program's stated anggaran equals the sum of the sub kegiatan below it (for a program
         * that is the sum of its kegiatan when those are right; a wrong kegiatan is reported once, at its own row).
         */
        private void sums() {
            Map<Kode, List<Baris>> leaves = new HashMap<>();
            for (Baris b : rows) {
                if (b.level() == Level.SUB_KEGIATAN) {
                    leaves.computeIfAbsent(b.kode().at(Level.KEGIATAN), k -> new ArrayList<>()).add(b);
                    leaves.computeIfAbsent(b.kode().at(Level.PROGRAM), k -> new ArrayList<>()).add(b);
                }
            }
            for (Baris parent : rows) {
                if (parent.level() == Level.SUB_KEGIATAN
                        || unreadable.stream().anyMatch(t -> t.startsWith(parent.kode().value() + "."))) {
                    continue;
                }
                List<Baris> below = leaves.getOrDefault(parent.kode(), List.of());
                sum(parent, below, Baris::pagu, Kolom.TARGET_ANGGARAN);
                sum(parent, below, Baris::realisasi, Kolom.REALISASI_ANGGARAN);
                if (parent.paguMurni() != null) {
                    sum(parent, below, Baris::paguMurniBerlaku, Kolom.PAGU_MURNI);
                }
            }
        }

        private void sum(Baris parent, List<Baris> kids, Function<Baris, BigDecimal> amount, Kolom k) {
            BigDecimal stated = k == Kolom.PAGU_MURNI ? parent.paguMurni() : amount.apply(parent);
            if (stated == null || kids.stream().anyMatch(b -> amount.apply(b) == null)) {
                return; // the unreadable number is reported already
            }
            BigDecimal sum = kids.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            v.check(stated.compareTo(sum) == 0, field(parent.nomor(), k),
                    k.header() + " " + Angka.rupiah(stated) + " tidak sama dengan jumlah " + k.header() + " "
                            + kids.size() + " sub kegiatan di bawahnya, " + Angka.rupiah(sum)
                            + " (selisih " + Angka.rupiah(stated.subtract(sum).abs()) + ")");
        }
    }
}
