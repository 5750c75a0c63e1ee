package id.capaian.report.laporan;

import id.capaian.report.imports.Tabel;

import id.capaian.core.domain.Level;
import id.capaian.core.lock.YearLock;
import id.capaian.report.laporan.CapaianTable.Indikator;
import id.capaian.report.laporan.CapaianTable.Row;
import java.util.Locale;

/** The words every form of the report shares: titles, column names, row labels. */
public final class Texts {

    public static final String[] BULAN = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
        "September", "Oktober", "November", "Desember"};

    private Texts() {
    }

    /** "Tabel Capaian Pelaksanaan Program, Kegiatan dan Sub Kegiatan Urusan Pemerintahan Bidang … (2.08) pada OPD P3AP2KB TA 2024". */
    public static String title(CapaianTable t) {
        return "Tabel Capaian Pelaksanaan Program, Kegiatan dan Sub Kegiatan " + urusan(t) + " pada OPD " + t.opd()
                + " TA " + t.tahun();
    }

    /** "Urusan Pemerintahan Bidang Pemberdayaan Perempuan dan Perlindungan Anak (2.08)". */
    public static String urusan(CapaianTable t) {
        String nama = t.urusan().uraian();
        if (nama == null || nama.isBlank()) {
            return "Urusan " + t.urusan().kode();
        }
        String title = titleCase(nama);
        return (title.startsWith("Urusan") ? title : "Urusan " + title) + " (" + t.urusan().kode() + ")";
    }

    /** The urusan cell of the table: "2.08 PEMBERDAYAAN …" as the seed prints it. */
    public static String urusanCell(CapaianTable t) {
        String nama = t.urusan().uraian();
        return nama == null ? t.urusan().kode() : t.urusan().kode() + " " + nama.replaceFirst("^URUSAN PEMERINTAHAN BIDANG ", "");
    }

    /** "Pemda 63.10 · keadaan s.d. akhir bulan Desember 2024 (bulan 12)". */
    public static String asOf(CapaianTable t) {
        return "Pemda " + t.pemda() + " · keadaan s.d. akhir bulan " + BULAN[t.bulan() - 1] + " " + t.tahun()
                + " (bulan " + t.bulan() + ")";
    }

    /**
     * Whether the numbers are final: "Status: FINAL (dikunci 31 Maret 2025 oleh Ahmad Fauzi: LKPJ 2024 …)" or
     * "Status: DRAFT (belum dikunci: angka masih dapat berubah)". The date is the lock's own (UTC).
     */
    public static String status(CapaianTable t) {
        return status(t.status(), t.kunci(), t.tahun());
    }

    /** As above, for any report with a status and the lock behind it. */
    public static String status(CapaianTable.Status status, YearLock k, int tahun) {
        if (status != CapaianTable.Status.FINAL || k == null) {
            return "Status: DRAFT (belum dikunci: angka masih dapat berubah)";
        }
        String when = k.sejak() == null ? ""
                : " " + k.sejak().getDayOfMonth() + " " + BULAN[k.sejak().getMonthValue() - 1] + " " + k.sejak().getYear();
        String scope = k.opd() == null ? "tahun " + tahun : "OPD " + k.opd();
        return "Status: FINAL (" + scope + " dikunci" + when + " oleh " + (k.nama() != null ? k.nama() : k.oleh())
                + (k.alasan() == null ? "" : ": " + k.alasan()) + ")";
    }

    public static String titleCase(String s) {
        return Analisis.titleCase(s);
    }

    /** The Uraian cell: program rows in capitals "PROGRAM …" as in the seed; the code when no name is known. */
    public static String uraian(Row r) {
        String u = r.uraian() == null || r.uraian().isBlank() ? r.kode() : r.uraian().strip();
        if (r.level() == Level.PROGRAM) {
            String up = u.toUpperCase(Locale.ROOT);
            return up.startsWith("PROGRAM") ? up : "PROGRAM " + up;
        }
        return u;
    }

    /** "Persentase … (%)": the indicator with its unit, as the seed prints it. */
    public static String indikator(Indikator i) {
        String nama = i.nama() == null ? "" : i.nama().strip();
        return i.satuan() == null || i.satuan().isBlank() ? nama : nama + " (" + i.satuan().strip() + ")";
    }

    /** File name without extension: capaian-63.10-2024-P3AP2KB-2.08 (with -bulan-6 before December). */
    public static String fileName(String kind, CapaianTable t) {
        return kind + "-" + t.pemda() + "-" + t.tahun() + "-" + t.opd() + "-" + t.urusan().kode()
                + (t.bulan() == 12 ? "" : "-bulan-" + t.bulan());
    }

    /** The columns, in the seed's order, with capaian and predikat after Realisasi. */
    public static final String[] COLUMNS = {"No", "Kode", "Urusan Pemerintahan", "Organisasi Perangkat Daerah Pelaksana",
        "Kebijakan", "Uraian Prog/Keg/Sub Kegiatan", "Indikator Kinerja Prog/Keg/Sub Kegiatan", "Target Fisik",
        "Target Anggaran", "Realisasi Fisik", "Realisasi Anggaran", "Capaian Fisik (%)", "Capaian Keuangan (%)",
        "Predikat Fisik", "Predikat Keuangan", "Permasalahan", "Upaya Mengatasi Permasalahan",
        "Tindak Lanjut Rekomendasi DPRD"};
}
