package id.capaian.indicator.api;

import id.capaian.core.lock.YearLockResource;
import id.capaian.core.security.Internal;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The year lock as indicator-service enforces it. Verifikators normally lock through report-service, which
 * sets it here and in budget-service.
 */
@Internal
@Path("/api/v1/indikator/{pemda}/{tahun}/kunci")
@Tag(name = "Kunci", description = "Year lock: while locked, the indicators of that pemda-year (or one OPD of it) cannot change")
public class KunciResource extends YearLockResource {
}
