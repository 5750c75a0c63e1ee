package id.capaian.indicator.api;

import id.capaian.core.audit.AuditTrailResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed which indicator, target or realization of a pemda-year, and when. */
@Path("/api/v1/indikator/{pemda}/{tahun}/riwayat")
@Tag(name = "Riwayat", description = "History of indicator changes: every committed change, who, when, values before and after")
public class RiwayatResource extends AuditTrailResource {
}
