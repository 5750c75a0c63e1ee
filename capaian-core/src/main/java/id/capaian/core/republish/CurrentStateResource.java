package id.capaian.core.republish;

import id.capaian.core.problem.Problem;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The owner's current state of every entity of a pemda-year, as its events carry it: what a consumer's read
 * model must hold once it has caught up (report-service's read-model check compares). Each owner mounts it
 * under its own path (a subclass with {@code @Path}).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class CurrentStateResource {

    static final String EX_KEADAAN = """
            {"pemda": "63.10", "tahun": 2024, "epoch": 1,
             "subjek": [{"subject": "63.10/2024/P3AP2KB/2.08.02.2.01.0003", "type": "budget.realization-updated",
               "dataschema": "https://capaian.id/schemas/budget.realization-updated.v2.schema.json", "version": 3,
               "data": {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "kode": "2.08.02.2.01.0003",
                 "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG",
                 "kegiatan": {"kode": "2.08.02.2.01", "uraian": "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota", "renstra": null},
                 "program": {"kode": "2.08.02", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan", "renstra": null},
                 "pagu": 73810300.00, "paguMurni": 73810300.00, "realisasi": 55926300.00, "bulan": 12,
                 "bulanan": [{"bulan": 6, "jumlah": 20000000.00}, {"bulan": 12, "jumlah": 55926300.00}],
                 "rak": null, "renstra": null, "removed": false}}]}""";

    @Inject Republication republication;

    @GET
    @Requires(Action.REPAIR)
    @Operation(operationId = "getCurrentState", summary = "The current state of every entity of a pemda-year, as events carry it",
            description = "One item per event subject (removed entities included): its event type, data schema, version "
                    + "and data, and the epoch this service is in. A consumer that has caught up holds exactly these "
                    + "(report-service's read-model check compares them with its own).")
    @APIResponse(responseCode = "200", description = "Every subject of the pemda-year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Republication.Keadaan.class),
                    examples = @ExampleObject(name = "keadaan", value = EX_KEADAAN)))
    @APIResponse(responseCode = "400", description = "Malformed pemda or tahun", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "tahun", value = RepublicationResource.P400)))
    public Republication.Keadaan current(@PathParam("pemda") String pemda, @PathParam("tahun") String tahun) {
        return republication.current(pemda, RepublicationResource.tahun(pemda, tahun));
    }
}
