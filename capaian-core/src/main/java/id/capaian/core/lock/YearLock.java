package id.capaian.core.lock;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "YearLock", description = "A locked pemda-year (opd null) or one OPD of it: its data is final.")
public record YearLock(
        @Schema(example = "63.10") String pemda,
        @Schema(example = "2024") int tahun,
        @Schema(nullable = true, description = "The locked OPD; null when the whole year is locked", example = "P3AP2KB") String opd,
        @Schema(nullable = true, description = "Why it was locked; null when no reason was given", example = "LKPJ 2024 disampaikan ke DPRD") String alasan,
        @Schema(description = "Token subject of who locked it", example = "bappeda-verifikator-1") String oleh,
        @Schema(description = "Their name", example = "Ahmad Fauzi") String nama,
        @Schema(example = "2025-03-31T02:00:00Z") OffsetDateTime sejak) {
}
