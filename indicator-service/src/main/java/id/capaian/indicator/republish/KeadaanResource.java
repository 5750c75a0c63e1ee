package id.capaian.indicator.republish;

import id.capaian.core.republish.CurrentStateResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The current state of every indicator and progress series of a pemda-year, as their events carry it. */
@Path("/api/v1/indikator/{pemda}/{tahun}/keadaan")
@Tag(name = "Republikasi", description = "Operator tools: publish the current state again, and read it as events carry it")
public class KeadaanResource extends CurrentStateResource {
}
