package id.capaian.indicator.republish;

import id.capaian.core.republish.RepublicationResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Re-publishes the indicators and physical progress of a pemda-year in a new epoch (after this database was restored from a backup). */
@Path("/api/v1/indikator/{pemda}/{tahun}/republikasi")
@Tag(name = "Republikasi", description = "Operator tools: publish the current state again, and read it as events carry it")
public class RepublikasiResource extends RepublicationResource {
}
