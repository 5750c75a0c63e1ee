package id.capaian.budget.api;

import id.capaian.core.lock.YearLockResource;
import id.capaian.core.security.Internal;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The year lock as budget-service enforces it. Verifikators normally lock through report-service, which
 * sets it here and in indicator-service.
 */
@Internal
@Path("/api/v1/dpa/{pemda}/{tahun}/kunci")
@Tag(name = "Kunci", description = "The year lock: while locked, the DPA data of that pemda-year (or OPD) cannot change")
public class KunciResource extends YearLockResource {
}
