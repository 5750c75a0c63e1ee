package id.capaian.core.lock;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LockRequest", description = "The lock state wanted for the year, or for one OPD of it.")
public record LockRequest(
        @Schema(description = "One OPD only; absent for the whole pemda-year", example = "P3AP2KB") String opd,
        @Schema(description = "true to lock, false to unlock", required = true, example = "true") Boolean terkunci,
        @Schema(description = "Why; required to unlock", example = "LKPJ 2024 disampaikan ke DPRD") String alasan) {
}
