package id.capaian.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small DPA in the import format: one program of urusan {@code urusan}, {@code kegiatan} kegiatan with
 * {@code perKegiatan} sub kegiatan each, every sub kegiatan with the same pagu and no realization yet, one
 * positive indicator per row. Used by the benchmark (a DPA of its own to update) and the fault tests.
 */
public final class SmallDpa {

    public final String urusan;
    public final String program;
    public final List<String> kegiatan = new ArrayList<>();
    public final List<String> subKegiatan = new ArrayList<>();
    public final long pagu;

    public SmallDpa(String urusan, int kegiatanCount, int perKegiatan, long pagu) {
        this.urusan = urusan;
        this.program = urusan + ".02";
        this.pagu = pagu;
        for (int k = 1; k <= kegiatanCount; k++) {
            String kk = program + ".2." + String.format(Locale.ROOT, "%02d", k);
            kegiatan.add(kk);
            for (int s = 1; s <= perKegiatan; s++) {
                subKegiatan.add(kk + "." + String.format(Locale.ROOT, "%04d", s));
            }
        }
    }

    public long totalPagu() {
        return pagu * subKegiatan.size();
    }

    /** The TSV to POST to /api/v1/imports/{pemda}/{tahun}/{opd}/capaian. */
    public String tsv() {
        StringBuilder b = new StringBuilder("kode\turaian\tindikator\tsatuan\tpolaritas\ttarget_fisik\ttarget_anggaran\trealisasi_fisik\trealisasi_anggaran\n");
        int per = subKegiatan.size() / kegiatan.size();
        row(b, program, "Program Uji Sistem", totalPagu());
        for (String k : kegiatan) {
            row(b, k, "Kegiatan Uji " + k, pagu * per);
            for (String s : subKegiatan) {
                if (s.startsWith(k + ".")) {
                    row(b, s, "Sub Kegiatan Uji " + s, pagu);
                }
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String kode, String uraian, long anggaran) {
        b.append(kode).append('\t').append(uraian).append('\t').append("Persentase capaian ").append(kode).append("\t%\tpositif\t100\t")
                .append(rupiah(anggaran)).append("\t\t0\n");
    }

    public static String rupiah(long v) {
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
}
