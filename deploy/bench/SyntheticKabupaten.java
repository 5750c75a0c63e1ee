// A synthetic kabupaten at real scale, deterministic from a seed, in the import format of the capaian
// table (docs/fixtures: kode, uraian, indikator, satuan, polaritas, target_fisik, target_anggaran,
// realisasi_fisik, realisasi_anggaran; Indonesian numbers). Runs without a build (Java 17+):
//
//   java deploy/bench/SyntheticKabupaten.java --seed 1 --out /tmp/kab        (twelve months)
//   java deploy/bench/SyntheticKabupaten.java --seed 1 --out /tmp/kab --months 12
//
// Writes OUT/bulan-MM/<OPD>.tsv (one file per OPD and month, realizations cumulative to the end of
// month MM; import each with ?bulan=MM) and OUT/manifest.tsv (opd, urusan, program, kegiatan,
// sub kegiatan, rows, total pagu). 40 OPDs, each with 2 or 3 bidang urusan, 3,000 sub kegiatan in all
// (60 to 90 per OPD), kegiatan and programs above them, each kegiatan's and program's anggaran the
// exact sum of its sub kegiatan. One indicator per row: the import format holds one indicator per row
// (the "1-2 per node" is not expressible in it). Pagu log-uniform from Rp 1 juta to Rp 20 miliar.
// The same seed gives byte-identical files on every machine.

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

public class SyntheticKabupaten {

    static final String HEADER = "kode\turaian\tindikator\tsatuan\tpolaritas\ttarget_fisik\ttarget_anggaran\trealisasi_fisik\trealisasi_anggaran"
            + "\tpagu_murni\trak_01\trak_02\trak_03\trak_04\trak_05\trak_06\trak_07\trak_08\trak_09\trak_10\trak_11\trak_12"
            + "\tprogres_fisik";
    static final int OPDS = 40;
    static final int SUB_KEGIATAN = 3000;
    static final long PAGU_MIN = 1_000_000L;
    static final long PAGU_MAX = 20_000_000_000L;

    /** Bidang urusan of the national nomenclature (Permendagri 90/2019 and amendments). */
    static final String[][] URUSAN = {
        {"1.01", "Pendidikan"}, {"1.02", "Kesehatan"}, {"1.03", "Pekerjaan Umum dan Penataan Ruang"},
        {"1.04", "Perumahan dan Kawasan Permukiman"}, {"1.05", "Ketenteraman dan Ketertiban Umum serta Pelindungan Masyarakat"},
        {"1.06", "Sosial"}, {"2.07", "Tenaga Kerja"}, {"2.08", "Pemberdayaan Perempuan dan Perlindungan Anak"},
        {"2.09", "Pangan"}, {"2.10", "Pertanahan"}, {"2.11", "Lingkungan Hidup"},
        {"2.12", "Administrasi Kependudukan dan Pencatatan Sipil"}, {"2.13", "Pemberdayaan Masyarakat dan Desa"},
        {"2.14", "Pengendalian Penduduk dan Keluarga Berencana"}, {"2.15", "Perhubungan"},
        {"2.16", "Komunikasi dan Informatika"}, {"2.17", "Koperasi, Usaha Kecil, dan Menengah"},
        {"2.18", "Penanaman Modal"}, {"2.19", "Kepemudaan dan Olahraga"}, {"2.20", "Statistik"},
        {"2.21", "Persandian"}, {"2.22", "Kebudayaan"}, {"2.23", "Perpustakaan"}, {"2.24", "Kearsipan"},
        {"3.25", "Kelautan dan Perikanan"}, {"3.26", "Pariwisata"}, {"3.27", "Pertanian"}, {"3.28", "Kehutanan"},
        {"3.29", "Energi dan Sumber Daya Mineral"}, {"3.30", "Perdagangan"}, {"3.31", "Perindustrian"},
        {"3.32", "Transmigrasi"}, {"4.01", "Sekretariat Daerah"}, {"4.02", "Sekretariat DPRD"},
        {"5.01", "Perencanaan"}, {"5.02", "Keuangan"}, {"5.03", "Kepegawaian"}, {"5.05", "Penelitian dan Pengembangan"},
        {"6.01", "Inspektorat Daerah"}, {"7.01", "Kecamatan"},
    };

    static final String[] OPD_CODES = {
        "DISDIK", "DINKES", "DPUPR", "DPRKP", "SATPOLPP", "DINSOS", "DISNAKER", "DP3A", "DKP", "DISPERTAN",
        "DLH", "DISDUKCAPIL", "DPMD", "DPPKB", "DISHUB", "DISKOMINFO", "DISKOPUKM", "DPMPTSP", "DISPORA", "DISBUD",
        "DISPUSIP", "DISKANLUT", "DISPAR", "DISHUT", "DESDM", "DISDAG", "DISPERIN", "DISTRANS", "SETDA", "SETWAN",
        "BAPPEDA", "BPKAD", "BKPSDM", "BALITBANG", "INSPEKTORAT", "BPBD", "KESBANGPOL", "RSUD", "KEC-BATULICIN", "KEC-KUSAN-HILIR",
    };

    /** Each OPD's own bidang urusan (the first of its 2-3), as its name says. */
    static final String[] OPD_URUSAN = {
        "1.01", "1.02", "1.03", "1.04", "1.05", "1.06", "2.07", "2.08", "2.09", "3.27",
        "2.11", "2.12", "2.13", "2.14", "2.15", "2.16", "2.17", "2.18", "2.19", "2.22",
        "2.23", "3.25", "3.26", "3.28", "3.29", "3.30", "3.31", "3.32", "4.01", "4.02",
        "5.01", "5.02", "5.03", "5.05", "6.01", "1.05", "2.21", "1.02", "7.01", "7.01",
    };

    static final String[] TOPIK = {
        "Pelayanan Dasar", "Sarana dan Prasarana", "Peningkatan Kapasitas", "Pengawasan dan Pengendalian",
        "Pembinaan dan Pengembangan", "Perencanaan dan Evaluasi", "Data dan Informasi", "Pemberdayaan",
        "Pengelolaan Sumber Daya", "Penyuluhan dan Sosialisasi", "Standardisasi", "Kemitraan", "Fasilitasi",
        "Koordinasi dan Sinkronisasi", "Pemeliharaan", "Rehabilitasi", "Pengadaan", "Penyelenggaraan",
    };
    static final String[] OBJEK = {
        "Masyarakat", "Aparatur", "Desa", "Kelompok Sasaran", "Lembaga", "Kawasan", "Usaha Mikro", "Sekolah",
        "Puskesmas", "Jalan dan Jembatan", "Pasar", "Keluarga", "Pemuda", "Petani", "Nelayan", "Kecamatan",
    };
    /** unit, integer values?, name prefix */
    static final String[][] SATUAN = {
        {"%", "0", "Persentase"}, {"dokumen", "1", "Jumlah Dokumen"}, {"orang", "1", "Jumlah Orang"},
        {"unit", "1", "Jumlah Unit"}, {"kegiatan", "1", "Jumlah Kegiatan"}, {"laporan", "1", "Jumlah Laporan"},
        {"km", "0", "Panjang"}, {"ha", "0", "Luas"}, {"indeks", "0", "Indeks"}, {"desa", "1", "Jumlah Desa"},
        {"paket", "1", "Jumlah Paket"}, {"ton", "0", "Produksi"},
    };
    static final String[] NEGATIF = {"Angka Kejadian", "Prevalensi", "Persentase Keluhan", "Rasio Kasus", "Tingkat Pelanggaran"};

    final SplittableRandom rnd;

    SyntheticKabupaten(long seed) {
        rnd = new SplittableRandom(seed);
    }

    // ---- the tree ----

    static final class Indikator {
        String nama;
        String satuan;
        boolean integer;
        boolean negatif;
        double target;
        double akhir; // realization at month 12
    }

    static final class Node {
        final String kode;
        final String uraian;
        final List<Node> children = new ArrayList<>();
        final Indikator indikator;
        long pagu;            // sub kegiatan: drawn; above: the sum
        long[] realisasi = new long[13]; // cumulative per month, 1..12
        double[] fisik = new double[13];  // the indicator's cumulative realization
        long[] rak = new long[13];        // sub kegiatan: the cash plan, planned in each month 1..12, summing to pagu
        double[] progres = new double[13]; // sub kegiatan: physical progress (%) to the end of each month

        Node(String kode, String uraian, Indikator indikator) {
            this.kode = kode;
            this.uraian = uraian;
            this.indikator = indikator;
        }
    }

    record Opd(String code, List<String[]> urusan, List<Node> programs) {
    }

    String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    /** A monotone cumulative share of the year's amount, month 0 = 0, month 12 = 1. */
    double[] curve() {
        double[] inc = new double[13];
        double sum = 0;
        for (int m = 1; m <= 12; m++) {
            // Spending is back-loaded in Indonesian budgets: later months weigh more; some months spend nothing.
            inc[m] = rnd.nextDouble() < 0.2 ? 0 : rnd.nextDouble() * (0.5 + m / 6.0);
            sum += inc[m];
        }
        if (sum == 0) {
            inc[12] = sum = 1;
        }
        double[] c = new double[13];
        for (int m = 1; m <= 12; m++) {
            c[m] = c[m - 1] + inc[m] / sum;
        }
        c[12] = 1.0;
        return c;
    }

    Indikator indikator(String about) {
        Indikator i = new Indikator();
        i.negatif = rnd.nextDouble() < 0.15;
        if (i.negatif) {
            i.nama = pick(NEGATIF) + " " + about;
            i.satuan = rnd.nextBoolean() ? "%" : "kasus";
            i.integer = i.satuan.equals("kasus");
            i.target = i.integer ? 5 + rnd.nextInt(200) : round2(0.5 + rnd.nextDouble() * 30);
            i.akhir = i.integer ? Math.round(i.target * (0.6 + rnd.nextDouble() * 0.8)) : round2(i.target * (0.6 + rnd.nextDouble() * 0.8));
        } else {
            String[] s = SATUAN[rnd.nextInt(SATUAN.length)];
            i.satuan = s[0];
            i.integer = s[1].equals("1");
            i.nama = s[2] + " " + about;
            i.target = i.integer ? 1 + rnd.nextInt(i.satuan.equals("orang") ? 2000 : 60)
                    : i.satuan.equals("%") ? round2(10 + rnd.nextDouble() * 90) : round2(1 + rnd.nextDouble() * 500);
            double ratio = 0.4 + rnd.nextDouble() * 0.9;
            i.akhir = i.integer ? Math.round(i.target * ratio) : round2(i.target * ratio);
        }
        return i;
    }

    static double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }

    long pagu() {
        double lo = Math.log(PAGU_MIN);
        double hi = Math.log(PAGU_MAX);
        long p = Math.round(Math.exp(lo + rnd.nextDouble() * (hi - lo)) / 100.0) * 100;
        return Math.max(PAGU_MIN, Math.min(PAGU_MAX, p));
    }

    void fillLeaf(Node n) {
        n.pagu = pagu();
        long year = Math.round(n.pagu * (0.55 + rnd.nextDouble() * 0.45));
        double[] c = curve();
        for (int m = 1; m <= 12; m++) {
            n.realisasi[m] = Math.min(year, Math.max(n.realisasi[m - 1], (long) Math.floor(year * c[m])));
        }
        n.realisasi[12] = year;
        fisik(n, c);
        // The plan and the progress follow the same curve, without drawing again: earlier files stay identical.
        long planned = 0;
        for (int m = 1; m <= 12; m++) {
            n.rak[m] = m == 12 ? n.pagu - planned : (long) Math.floor(n.pagu * (c[m] - c[m - 1]));
            planned += n.rak[m];
            n.progres[m] = Math.min(100, round2(100 * c[m] * year / Math.max(1, n.pagu)));
        }
    }

    void fisik(Node n, double[] c) {
        for (int m = 1; m <= 12; m++) {
            double v = n.indikator.akhir * c[m];
            n.fisik[m] = n.indikator.integer ? Math.floor(v) : round2(v);
        }
        n.fisik[12] = n.indikator.akhir;
    }

    void sum(Node n) {
        if (n.children.isEmpty()) {
            return;
        }
        n.pagu = 0;
        Arrays.fill(n.realisasi, 0);
        for (Node c : n.children) {
            sum(c);
            n.pagu += c.pagu;
            for (int m = 1; m <= 12; m++) {
                n.realisasi[m] += c.realisasi[m];
            }
        }
        fisik(n, curve());
    }

    /** Sizes that add up to total, each within [min, max]. */
    int[] split(int total, int parts, int min, int max) {
        int[] s = new int[parts];
        Arrays.fill(s, min);
        int left = total - parts * min;
        while (left > 0) {
            int i = rnd.nextInt(parts);
            if (s[i] < max) {
                s[i]++;
                left--;
            }
        }
        return s;
    }

    List<Opd> generate() {
        int[] subsPerOpd = split(SUB_KEGIATAN, OPDS, 60, 90);
        List<Opd> opds = new ArrayList<>();
        for (int o = 0; o < OPDS; o++) {
            int nUrusan = 2 + rnd.nextInt(2);
            List<String[]> urusan = new ArrayList<>();
            List<Integer> taken = new ArrayList<>();
            for (int u = 0; u < URUSAN.length; u++) {
                if (URUSAN[u][0].equals(OPD_URUSAN[o])) {
                    taken.add(u);
                    urusan.add(URUSAN[u]);
                }
            }
            while (urusan.size() < nUrusan) {
                int u = rnd.nextInt(URUSAN.length);
                if (!taken.contains(u)) {
                    taken.add(u);
                    urusan.add(URUSAN[u]);
                }
            }
            urusan.sort((a, b) -> a[0].compareTo(b[0]));
            int[] subsPerUrusan = split(subsPerOpd[o], nUrusan, 12, 80);
            List<Node> programs = new ArrayList<>();
            for (int u = 0; u < nUrusan; u++) {
                programs.addAll(urusanTree(urusan.get(u), subsPerUrusan[u], u == 0));
            }
            programs.forEach(this::sum);
            opds.add(new Opd(OPD_CODES[o], urusan, programs));
        }
        return opds;
    }

    List<Node> urusanTree(String[] urusan, int subs, boolean penunjang) {
        int nKegiatan = Math.max(2, (subs + 3) / 5);
        int[] subsPerKegiatan = split(subs, nKegiatan, 1, 12);
        int nProgram = Math.max(1, Math.min(nKegiatan, 2 + rnd.nextInt(4)));
        int[] kegPerProgram = split(nKegiatan, nProgram, 1, 20);
        List<Node> programs = new ArrayList<>();
        int k = 0;
        for (int p = 0; p < nProgram; p++) {
            String pKode = urusan[0] + "." + String.format(Locale.ROOT, "%02d", p + (penunjang ? 1 : 2));
            String pUraian = p == 0 && penunjang ? "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
                    : "Program " + pick(TOPIK) + " " + urusan[1];
            Node program = new Node(pKode, pUraian, indikator(urusan[1]));
            for (int kg = 0; kg < kegPerProgram[p]; kg++, k++) {
                String kKode = pKode + ".2." + String.format(Locale.ROOT, "%02d", kg + 1);
                String obj = pick(OBJEK);
                Node kegiatan = new Node(kKode, pick(TOPIK) + " " + obj + " Bidang " + urusan[1] + " Kewenangan Kabupaten/Kota",
                        indikator(obj + " yang Dilayani"));
                int nomor = 1 + rnd.nextInt(3);
                for (int s = 0; s < subsPerKegiatan[k]; s++) {
                    nomor += 1 + rnd.nextInt(3);
                    String sKode = kKode + "." + String.format(Locale.ROOT, "%04d", nomor);
                    String what = pick(TOPIK) + " " + pick(OBJEK);
                    Node sub = new Node(sKode, what + " " + urusan[1], indikator(what));
                    fillLeaf(sub);
                    kegiatan.children.add(sub);
                }
                program.children.add(kegiatan);
            }
            programs.add(program);
        }
        return programs;
    }

    // ---- output ----

    static String rupiah(long v) {
        String s = Long.toString(v);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (s.length() - i) % 3 == 0) {
                b.append('.');
            }
            b.append(s.charAt(i));
        }
        return b.toString();
    }

    static String angka(double v, boolean integer) {
        if (integer || v == Math.rint(v)) {
            return rupiah(Math.round(v));
        }
        long cents = Math.round(v * 100);
        return rupiah(cents / 100) + "," + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    static void rows(Node n, int bulan, StringBuilder out, int[] count) {
        Indikator i = n.indikator;
        out.append(n.kode).append('\t').append(n.uraian).append('\t').append(i.nama).append('\t').append(i.satuan).append('\t')
                .append(i.negatif ? "negatif" : "positif").append('\t').append(angka(i.target, i.integer)).append('\t')
                .append(rupiah(n.pagu)).append('\t').append(angka(n.fisik[bulan], i.integer)).append('\t')
                .append(rupiah(n.realisasi[bulan])).append(n.children.isEmpty() ? ",00" : "");
        if (n.children.isEmpty()) {
            out.append('\t').append(rupiah(n.pagu));
            for (int m = 1; m <= 12; m++) {
                out.append('\t').append(rupiah(n.rak[m]));
            }
            out.append('\t').append(angka(n.progres[bulan], false));
        } else {
            out.append("\t".repeat(14));
        }
        out.append('\n');
        count[0]++;
        for (Node c : n.children) {
            rows(c, bulan, out, count);
        }
    }

    static int count(List<Node> nodes, int depth) {
        int c = 0;
        for (Node n : nodes) {
            c += depth == 0 ? 1 : count(n.children, depth - 1);
        }
        return c;
    }

    public static void main(String[] args) throws IOException {
        long seed = 1;
        Path out = null;
        int from = 1;
        int to = 12;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--months" -> {
                    String[] r = args[++i].split("-");
                    from = Integer.parseInt(r[0]);
                    to = Integer.parseInt(r[r.length - 1]);
                }
                default -> {
                    System.err.println("usage: java SyntheticKabupaten.java --seed N --out DIR [--months 1-12|12]");
                    System.exit(2);
                }
            }
        }
        if (out == null || from < 1 || to > 12 || from > to) {
            System.err.println("usage: java SyntheticKabupaten.java --seed N --out DIR [--months 1-12|12]");
            System.exit(2);
        }
        List<Opd> opds = new SyntheticKabupaten(seed).generate();
        StringBuilder manifest = new StringBuilder("opd\turusan\tprogram\tkegiatan\tsub_kegiatan\trows\tpagu\n");
        Map<String, Integer> urusanRows = new LinkedHashMap<>();
        for (int b = from; b <= to; b++) {
            Path dir = out.resolve(String.format(Locale.ROOT, "bulan-%02d", b));
            Files.createDirectories(dir);
            for (Opd o : opds) {
                StringBuilder tsv = new StringBuilder(HEADER).append('\n');
                int[] rows = {0};
                for (Node p : o.programs()) {
                    rows(p, b, tsv, rows);
                }
                Files.writeString(dir.resolve(o.code() + ".tsv"), tsv, StandardCharsets.UTF_8);
                if (b == to) {
                    long pagu = o.programs().stream().mapToLong(p -> p.pagu).sum();
                    manifest.append(o.code()).append('\t')
                            .append(String.join(",", o.urusan().stream().map(u -> u[0]).toList())).append('\t')
                            .append(count(o.programs(), 0)).append('\t').append(count(o.programs(), 1)).append('\t')
                            .append(count(o.programs(), 2)).append('\t').append(rows[0]).append('\t').append(pagu).append('\n');
                    for (String[] u : o.urusan()) {
                        int[] ur = {0};
                        for (Node p : o.programs()) {
                            if (p.kode.startsWith(u[0] + ".")) {
                                rows(p, b, new StringBuilder(), ur);
                            }
                        }
                        urusanRows.put(o.code() + "\t" + u[0], ur[0]);
                    }
                }
            }
        }
        Files.writeString(out.resolve("manifest.tsv"), manifest, StandardCharsets.UTF_8);
        var largest = urusanRows.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        Files.writeString(out.resolve("largest.tsv"), "opd\turusan\trows\n" + largest.getKey() + "\t" + largest.getValue() + "\n",
                StandardCharsets.UTF_8);
        int subs = opds.stream().mapToInt(o -> count(o.programs(), 2)).sum();
        System.out.printf(Locale.ROOT, "%d OPDs, %d sub kegiatan, months %d-%d, seed %d -> %s (largest table: %s, %d rows)%n",
                opds.size(), subs, from, to, seed, out, largest.getKey().replace('\t', ' '), largest.getValue());
    }
}
