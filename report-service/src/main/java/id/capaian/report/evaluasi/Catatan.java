package id.capaian.report.evaluasi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The four texts of a quarter's form, written by the OPD and Bappeda. */
@Schema(name = "CatatanEvaluasi", description = "The closing texts of Formulir E.81 (each at most 4000 characters; empty or null clears)")
public record Catatan(
        @Schema(nullable = true, maxLength = 4000, example = "Pendampingan intensif dari Bappeda") String faktorPendorong,
        @Schema(nullable = true, maxLength = 4000, example = "Pengadaan barang terlambat") String faktorPenghambat,
        @Schema(nullable = true, maxLength = 4000, example = "Mempercepat proses pengadaan pada triwulan III") String tindakLanjutTriwulan,
        @Schema(nullable = true, maxLength = 4000, example = "Menyesuaikan jadwal kegiatan dalam Renja 2025") String tindakLanjutRenja) {

    public static final int MAX_LENGTH = 4000;

    static final Catatan EMPTY = new Catatan(null, null, null, null);

    /** Blank texts as null, the rest stripped. */
    Catatan normalized() {
        return new Catatan(clean(faktorPendorong), clean(faktorPenghambat), clean(tindakLanjutTriwulan), clean(tindakLanjutRenja));
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
