package id.capaian.report.readmodel;

import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator tools for the read model: prove it consistent, or recompute it. */
@Path("/api/v1/read-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read model", description = "Pemeriksaan dan pembangunan ulang agregat")
public class ReadModelResource {

    @Inject Consistency consistency;

    public record Rebuilt(int rows) {
    }

    @GET
    @Requires(Action.OPERATE)
    @Path("check")
    @Operation(operationId = "checkReadModel", summary = "Membandingkan agregat inkremental dengan perhitungan ulang dari awal",
            description = "consistent=true bila setiap baris anggaran (pagu, realisasi per bulan, jumlah sub kegiatan) "
                    + "sama dengan jumlah yang dihitung ulang dari status terakhir setiap sub kegiatan.")
    @APIResponse(responseCode = "200", description = "Hasil pemeriksaan", content = @Content(schema = @Schema(implementation = Consistency.Report.class)))
    public Consistency.Report check() {
        return consistency.check();
    }

    @POST
    @Requires(Action.OPERATE)
    @Path("rebuild")
    @Operation(operationId = "rebuildReadModel", summary = "Menghitung ulang semua agregat dari status entitas (satu transaksi)")
    @APIResponse(responseCode = "200", description = "Jumlah baris yang ditulis", content = @Content(schema = @Schema(implementation = Rebuilt.class)))
    public Rebuilt rebuild() {
        return new Rebuilt(consistency.rebuild());
    }
}
