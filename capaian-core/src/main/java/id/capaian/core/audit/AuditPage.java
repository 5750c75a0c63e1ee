package id.capaian.core.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditPage", description = "A page of the audit trail, newest first.")
public record AuditPage(
        List<AuditEntry> items,
        @Schema(description = "0-based page number", example = "0") int page,
        @Schema(description = "Entries per page", example = "50") int size,
        @Schema(description = "Entries matching the filter, all pages", example = "137") long total) {
}
