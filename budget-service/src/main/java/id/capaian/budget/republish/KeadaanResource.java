package id.capaian.budget.republish;

import id.capaian.core.republish.CurrentStateResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The current state of every sub kegiatan of a pemda-year, as budget.realization-updated events carry it. */
@Path("/api/v1/dpa/{pemda}/{tahun}/keadaan")
@Tag(name = "Republikasi", description = "Operator tools: publish the current state again, and read it as events carry it")
public class KeadaanResource extends CurrentStateResource {
}
