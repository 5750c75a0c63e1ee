package id.capaian.budget.api;

import id.capaian.core.security.Internal;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The months of an OPD-year closed after its quarterly evaluation, as budget-service enforces them. Bappeda
 * normally closes them through report-service's Evaluasi Renja sign-off, which sets them here.
 */
@Internal
@Path("/api/v1/dpa/{pemda}/{tahun}/{opd}/penutupan")
@Tag(name = "Penutupan", description = "Months closed after a quarter's evaluation: the DPA realizations of those months cannot change")
public class PenutupanResource extends id.capaian.core.lock.PenutupanResource {
}
