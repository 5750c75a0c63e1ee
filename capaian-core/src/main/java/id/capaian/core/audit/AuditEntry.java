package id.capaian.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry", description = "One committed change: who, when, what, before and after.")
public record AuditEntry(
        @Schema(example = "1842") long id,
        @Schema(description = "When the change's transaction ran", example = "2025-01-14T03:12:45.120Z")
        OffsetDateTime waktu,
        @Schema(description = "Token subject of whoever made it", example = "3f9a1c2e-operator-p3ap2kb") String pelaku,
        @Schema(nullable = true, description = "Their name, from the token; null when the token names none",
                example = "Siti Rahmah") String nama,
        @Schema(description = "Their roles at the time", example = "[\"operator\"]") List<String> peran,
        @Schema(description = "What was done", example = "realisasi.ubah") String aksi,
        @Schema(example = "63.10") String pemda,
        @Schema(example = "2024") int tahun,
        @Schema(nullable = true, description = "The OPD; null for a change to a whole pemda-year", example = "P3AP2KB")
        String opd,
        @Schema(nullable = true, description = "The node it concerns; null when none", example = "2.08.02.2.01.0003")
        String kode,
        @Schema(description = "What of it changed", example = "realisasi/12") String entitas,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, nullable = true,
                description = "Values before (null when created), e.g. {\"jumlah\": 50000000.00}")
        JsonNode sebelum,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, nullable = true,
                description = "Values after (null when removed), e.g. {\"jumlah\": 55926300.00}")
        JsonNode sesudah,
        @Schema(nullable = true, description = "OpenTelemetry trace of the request; null when none was recorded",
                example = "4bf92f3577b34da6a3ce929d0e0e4736")
        String traceId) {
}
