package id.capaian.core.lock;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PenutupanRequest", description = "The last month to keep closed for one OPD (0 opens every month).")
public record PenutupanRequest(
        @Schema(required = true, description = "0..12; lowering it reopens months and needs a reason", example = "6")
        Integer sampaiBulan,
        @Schema(description = "Why; required when months are reopened", example = "Evaluasi Renja triwulan II selesai")
        String alasan) {
}
