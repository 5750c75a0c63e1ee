package id.capaian.budget.api;

import id.capaian.core.audit.AuditTrailResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed which pagu, realization or node of a pemda-year, and when. */
@Path("/api/v1/dpa/{pemda}/{tahun}/riwayat")
@Tag(name = "Riwayat", description = "The audit trail of the DPA data: every committed change, before and after")
public class RiwayatResource extends AuditTrailResource {
}
