package id.capaian.core.lock;

import id.capaian.core.problem.ProblemException;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Penutupan", description = "The months of one OPD's year that are closed after a quarter was evaluated: "
        + "realizations of months 1..sampaiBulan cannot change. sampaiBulan 0: every month open.")
public record Penutupan(
        @Schema(example = "63.10") String pemda,
        @Schema(example = "2024") int tahun,
        @Schema(example = "P3AP2KB") String opd,
        @Schema(description = "The last closed month (0..12)", example = "6") int sampaiBulan,
        @Schema(nullable = true, description = "Why it was last changed", example = "Evaluasi Renja triwulan II selesai")
        String alasan,
        @Schema(nullable = true, description = "Token subject of who last changed it", example = "bappeda-verifikator-1")
        String oleh,
        @Schema(nullable = true, example = "Ahmad Fauzi") String nama,
        @Schema(nullable = true, example = "2024-07-15T02:00:00Z") OffsetDateTime sejak) {

    static Penutupan open(String pemda, int tahun, String opd) {
        return new Penutupan(pemda, tahun, opd, 0, null, null, null, null);
    }

    /** Refuses (409 bulan-tertutup) a write of month {@code bulan} when it is closed. */
    public void ensureOpen(int bulan) {
        if (bulan <= sampaiBulan) {
            String by = nama != null ? nama : oleh;
            throw ProblemException.conflict("bulan-tertutup", "Bulan tertutup", "bulan",
                    "Bulan " + bulan + " tahun " + tahun + " OPD " + opd + " sudah ditutup (sampai bulan " + sampaiBulan
                            + ") oleh " + by + " sejak " + sejak + (alasan == null ? "" : " (" + alasan + ")")
                            + "; verifikator dapat membukanya kembali dengan alasan");
        }
    }
}
