package id.capaian.report.riwayat;

import id.capaian.core.audit.AuditTrailResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed which annotation, imported which file and locked or unlocked the year, and when. */
@Path("/api/v1/reports/{pemda}/{tahun}/riwayat")
@Tag(name = "Riwayat", description = "The audit trail of report-service: annotations, imports and year locks, before and after")
public class RiwayatResource extends AuditTrailResource {
}
