package id.capaian.indicator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import id.capaian.core.domain.Angka;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.problem.ProblemException;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import id.capaian.indicator.domain.Indicator;
import id.capaian.indicator.domain.IndicatorRules;
import id.capaian.indicator.domain.IndicatorService;
import id.capaian.indicator.domain.NodeSpec;
import id.capaian.indicator.domain.ProgresSpec;
import id.capaian.indicator.domain.RealisasiSpec;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The indicators (fisik) of one OPD-year: thin HTTP mapping onto {@link IndicatorService}. Path and
 * body are checked together, so every fault of a request is answered at once, before any write.
 */
@Path("/api/v1/indikator/{pemda}/{tahun}/{opd}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indikator", description = "Performance (physical) indicators of every node: target, monthly realisasi, capaian and predikat")
public class IndikatorResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;
    static final String P409_BULAN = """
            {"type": "/problems/bulan-tertutup", "title": "Bulan tertutup", "status": 409,
             "detail": "Bulan 2 tahun 2024 OPD P3AP2KB sudah ditutup (sampai bulan 3) oleh Ahmad Fauzi sejak 2024-04-15T02:00Z (Evaluasi Renja triwulan I selesai); verifikator dapat membukanya kembali dengan alasan",
             "errors": [{"field": "bulan", "message": "Bulan 2 tahun 2024 OPD P3AP2KB sudah ditutup (sampai bulan 3)"}]}""";

    @Inject IndicatorService service;
    @Inject ObjectMapper json;

    @PathParam("pemda") @Parameter(description = "Pemda code", example = "63.10", schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{2}(\\.\\d{2})?$"))
    String pemda;
    @PathParam("tahun") @Parameter(description = "Tahun anggaran (budget year), 2000 to 2100", example = "2024")
    int tahun;
    @PathParam("opd") @Parameter(description = "OPD code", example = "P3AP2KB", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z0-9][A-Z0-9_-]{0,31}$"))
    String opd;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "daftarIndikator", summary = "All indicators of a DPA",
            description = "Every live indicator of this OPD-year in code order, with target, realisasi of the latest "
                    + "month (or up to ?bulan=), capaian and predikat.")
    @APIResponse(responseCode = "200", description = "Indicators in code, then nomor, order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "422", description = "Malformed pemda, tahun, opd or bulan",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<IndikatorResponse> list(
            @QueryParam("bulan") @Parameter(description = "Realisasi up to this month (1..12); default: the latest month", example = "12")
            Integer bulan) {
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        asOf(v, bulan);
        v.throwIfAny();
        return service.indicators(dpa).stream().map(i -> IndikatorResponse.of(i, bulan)).toList();
    }

    @PUT
    @Requires(Action.BULK_WRITE)
    @Path("/nodes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "simpanIndikatorNode", summary = "Store the complete indicator lists of nodes",
            description = "For every node named: the complete list of its indicators (item i = nomor i+1) and its "
                    + "sasaran (programs only); indicators not in the list are removed (or kept as they are with "
                    + "lainnya=pertahankan, as the table import does), optional fields not given (rumus, renstra, "
                    + "sasaran) are cleared, and agregasi goes back to akhir. One transaction, idempotent: what does "
                    + "not change publishes no event; a changed sasaran announces all of the node's indicators again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NodeRequest.class),
            examples = @ExampleObject(name = "ARG", value = """
                    [{"kode": "2.08.02", "indikator": [{"nama": "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten",
                      "satuan": "%", "polaritas": "positif", "target": 65}]}]""")))
    @APIResponse(responseCode = "200", description = "The live indicators of those nodes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "400", description = "Body not JSON, or wrong types",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, e.g. [0].indikator[0].target; nothing written",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<IndikatorResponse> putNodes(
            @QueryParam("lainnya") @Parameter(description = "Live indicators not in the list: hapus (remove, the "
                    + "default) or pertahankan (keep)", schema = @Schema(type = SchemaType.STRING, enumeration = {"hapus", "pertahankan"}))
            String lainnya,
            List<NodeRequest> body) {
        Violations v = new Violations();
        boolean keepOthers = "pertahankan".equals(lainnya);
        if (lainnya != null && !keepOthers && !"hapus".equals(lainnya)) {
            throw ProblemException.badRequest("lainnya", "lainnya harus hapus atau pertahankan");
        }
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        List<NodeSpec> nodes = new ArrayList<>();
        if (v.check(body != null, "body", "wajib berisi daftar node")) {
            for (int n = 0; n < body.size(); n++) {
                if (v.check(body.get(n) != null, "[" + n + "]", "wajib diisi")) {
                    nodes.add(body.get(n).toSpec(v, "[" + n + "]"));
                } else {
                    nodes.add(new NodeSpec(null, List.of(), null));
                }
            }
            IndicatorRules.uniqueKode(v, nodes.stream().map(NodeSpec::kode).toList(), "[%d].kode");
        }
        v.throwIfAny();
        List<Indicator> live = new ArrayList<>(service.replaceIndicators(dpa, nodes, keepOthers));
        live.sort(IndicatorService.ORDER);
        return live.stream().map(i -> IndikatorResponse.of(i, null)).toList();
    }

    @GET
    @Requires(Action.READ)
    @Path("/nodes/{kode}")
    @Operation(operationId = "indikatorNode", summary = "The indicators of one node")
    @APIResponse(responseCode = "200", description = "The node's live indicators, in nomor order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "404", description = "A node without indicators",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed pemda, tahun, opd, kode or bulan",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<IndikatorResponse> node(
            @PathParam("kode") @Parameter(description = "Nomenclature code", example = "2.08.02") String kode,
            @QueryParam("bulan") @Parameter(description = "Realisasi up to this month (1..12)", example = "12") Integer bulan) {
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.kode(v, "kode", kode);
        asOf(v, bulan);
        v.throwIfAny();
        return service.indicators(dpa, k).stream().map(i -> IndikatorResponse.of(i, bulan)).toList();
    }

    @DELETE
    @Requires(Action.WRITE)
    @Path("/nodes/{kode}/indikator/{nomor}")
    @Operation(operationId = "hapusIndikator", summary = "Remove one indicator",
            description = "Announced once more with removed: true and a higher version.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such indicator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed pemda, tahun, opd, kode or nomor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public void remove(
            @PathParam("kode") @Parameter(example = "2.08.02") String kode,
            @PathParam("nomor") @Parameter(example = "1") int nomor) {
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.kode(v, "kode", kode);
        IndicatorRules.nomor(v, "nomor", nomor);
        v.throwIfAny();
        service.removeIndicator(dpa, k, nomor);
    }

    @PUT
    @Requires(Action.WRITE)
    @Path("/nodes/{kode}/indikator/{nomor}/realisasi/{bulan}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(operationId = "simpanRealisasiIndikator", summary = "Realisasi of one indicator by the end of a month",
            description = "Value reached by the end of that month (idempotent). application/json: {\"nilai\": 27.54} "
                    + "with a JSON number. text/plain: a number in Indonesian format, decimal comma and thousands "
                    + "dot (27,54; 1.250). A closed month answers 409 bulan-tertutup.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NilaiRequest.class),
                    examples = @ExampleObject(name = "ARG", value = "{\"nilai\": 27.54}")),
            @Content(mediaType = MediaType.TEXT_PLAIN,
                    schema = @Schema(type = SchemaType.STRING, pattern = "^-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?$",
                            description = "A number in Indonesian format"),
                    examples = @ExampleObject(name = "ARG", value = "27,54"))})
    @APIResponse(responseCode = "200", description = "The indicator with its latest realisasi, capaian and predikat",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "400", description = "Body not JSON, or text that is not a number",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such indicator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The month is closed, after its triwulan was evaluated (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan-tertutup", value = P409_BULAN)))
    @APIResponse(responseCode = "415", description = "A content type other than application/json or text/plain",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A negative value, more than 4 decimals or ≥ 10^15; bulan outside 1..12",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public IndikatorResponse putRealisasi(
            @PathParam("kode") @Parameter(example = "2.08.02") String kode,
            @PathParam("nomor") @Parameter(example = "1") int nomor,
            @PathParam("bulan") @Parameter(description = "1..12", example = "12") int bulan,
            HttpHeaders headers, String body) throws JsonProcessingException {
        BigDecimal nilai = readNilai(headers.getMediaType(), body);
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.kode(v, "kode", kode);
        IndicatorRules.nomor(v, "nomor", nomor);
        Rules.bulan(v, "bulan", bulan);
        BigDecimal n = IndicatorRules.nilai(v, "nilai", nilai);
        v.throwIfAny();
        return IndikatorResponse.of(service.setRealisasi(dpa, k, nomor, bulan, n), null);
    }

    @GET
    @Requires(Action.READ)
    @Path("/nodes/{kode}/indikator/{nomor}/realisasi")
    @Operation(operationId = "seriRealisasiIndikator", summary = "The monthly realisasi series of one indicator")
    @APIResponse(responseCode = "200", description = "The reported months, in month order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RealisasiBulan.class),
                    examples = @ExampleObject(name = "ARG", value = "[{\"bulan\": 6, \"nilai\": 12.5}, {\"bulan\": 12, \"nilai\": 27.54}]")))
    @APIResponse(responseCode = "404", description = "No such indicator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed pemda, tahun, opd, kode or nomor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<RealisasiBulan> series(
            @PathParam("kode") @Parameter(example = "2.08.02") String kode,
            @PathParam("nomor") @Parameter(example = "1") int nomor) {
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.kode(v, "kode", kode);
        IndicatorRules.nomor(v, "nomor", nomor);
        v.throwIfAny();
        return service.indicator(dpa, k, nomor).realisasi.entrySet().stream()
                .map(e -> new RealisasiBulan(e.getKey(), IndikatorResponse.plain(e.getValue()))).toList();
    }

    @PUT
    @Requires(Action.BULK_WRITE)
    @Path("/realisasi/{bulan}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "simpanRealisasiBanyak", summary = "Realisasi of many indicators for one month",
            description = "One transaction: every indicator must exist, else nothing is written. Idempotent. A closed "
                    + "month answers 409 bulan-tertutup.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RealisasiRequest.class),
            examples = @ExampleObject(name = "ARG", value = "[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 27.54}]")))
    @APIResponse(responseCode = "200", description = "Those indicators with their latest capaian, in the request's order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "400", description = "Body not JSON, or wrong types",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "One or more indicators do not exist (all named in errors)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The month is closed, after its triwulan was evaluated (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan-tertutup", value = P409_BULAN)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, e.g. [3].nilai; nothing written",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<IndikatorResponse> putRealisasiBulk(
            @PathParam("bulan") @Parameter(description = "1..12", example = "12") int bulan,
            List<RealisasiRequest> body) {
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        Rules.bulan(v, "bulan", bulan);
        List<RealisasiSpec> items = new ArrayList<>();
        if (v.check(body != null, "body", "wajib berisi daftar realisasi")) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int n = 0; n < body.size(); n++) {
                String f = "[" + n + "]";
                if (!v.check(body.get(n) != null, f, "wajib diisi")) {
                    continue;
                }
                RealisasiSpec r = body.get(n).toSpec(v, f);
                if (r.kode() != null && r.nomor() > 0 && !seen.add(r.kode() + "/" + r.nomor())) {
                    v.add(f + ".nomor", "indikator " + r.kode() + " nomor " + r.nomor() + " disebut lebih dari sekali");
                }
                items.add(r);
            }
        }
        v.throwIfAny();
        return service.setRealisasi(dpa, bulan, items).stream().map(i -> IndikatorResponse.of(i, null)).toList();
    }

    @PUT
    @Requires(Action.WRITE)
    @Path("/nodes/{kode}/progres/{bulan}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(operationId = "simpanProgresFisik", summary = "Physical progress of one sub kegiatan by the end of a month",
            description = "Percent of the work done by the end of that month, 0 to 100, at most 2 decimals "
                    + "(idempotent). A value below the previous month's is accepted as a correction. "
                    + "application/json: {\"persen\": 45.5} with a JSON number. text/plain: a number in Indonesian "
                    + "format (45,5). A closed month answers 409 bulan-tertutup.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersenRequest.class),
                    examples = @ExampleObject(name = "Juni", value = "{\"persen\": 45.5}")),
            @Content(mediaType = MediaType.TEXT_PLAIN,
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{1,3}(,\\d{1,2})?$",
                            description = "A number in Indonesian format, decimal comma"),
                    examples = @ExampleObject(name = "Juni", value = "45,5"))})
    @APIResponse(responseCode = "200", description = "The sub kegiatan's physical progress series after the write, in month order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProgresBulan.class),
                    examples = @ExampleObject(name = "Juni", value = "[{\"bulan\": 6, \"persen\": 45.50}]")))
    @APIResponse(responseCode = "400", description = "Body not JSON",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The month is closed, after its triwulan was evaluated (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan-tertutup", value = P409_BULAN)))
    @APIResponse(responseCode = "415", description = "A content type other than application/json or text/plain",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "persen not a number from 0 to 100 with at most 2 decimals; kode "
            + "not a sub kegiatan; bulan outside 1..12. Nothing written",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<ProgresBulan> putProgres(
            @PathParam("kode") @Parameter(description = "Sub kegiatan code", example = "2.08.02.2.01.0001") String kode,
            @PathParam("bulan") @Parameter(description = "1..12", example = "6") int bulan,
            HttpHeaders headers, String body) throws JsonProcessingException {
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.subKegiatan(v, "kode", kode);
        Rules.bulan(v, "bulan", bulan);
        BigDecimal persen = readPersen(v, headers.getMediaType(), body);
        v.throwIfAny();
        return progres(service.setProgres(dpa, k, bulan, persen));
    }

    @GET
    @Requires(Action.READ)
    @Path("/nodes/{kode}/progres")
    @Operation(operationId = "seriProgresFisik", summary = "The monthly physical progress series of one sub kegiatan")
    @APIResponse(responseCode = "200", description = "The reported months, in month order; empty when none yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProgresBulan.class),
                    examples = @ExampleObject(name = "Juni dan Desember",
                            value = "[{\"bulan\": 6, \"persen\": 45.50}, {\"bulan\": 12, \"persen\": 100.00}]")))
    @APIResponse(responseCode = "422", description = "Malformed pemda, tahun or opd, or a kode that is not a sub kegiatan",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<ProgresBulan> progres(
            @PathParam("kode") @Parameter(description = "Sub kegiatan code", example = "2.08.02.2.01.0001") String kode) {
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.subKegiatan(v, "kode", kode);
        v.throwIfAny();
        return progres(service.progres(dpa, k));
    }

    @PUT
    @Requires(Action.BULK_WRITE)
    @Path("/progres/{bulan}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "simpanProgresFisikBanyak", summary = "Physical progress of many sub kegiatan for one month",
            description = "For imports. One transaction: every error is named with its index and nothing is written. "
                    + "Idempotent per item.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ProgresRequest.class),
            examples = @ExampleObject(name = "Juni", value = "[{\"kode\": \"2.08.02.2.01.0001\", \"persen\": 45.5}, "
                    + "{\"kode\": \"2.08.02.2.01.0002\", \"persen\": 60}]")))
    @APIResponse(responseCode = "200", description = "Written (or already so)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteSummary.class),
                    examples = @ExampleObject(name = "baru", value = "{\"created\": 2, \"updated\": 0, \"unchanged\": 0, \"events\": 2}")))
    @APIResponse(responseCode = "400", description = "Body not JSON, or not an array",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The month is closed, after its triwulan was evaluated (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan-tertutup", value = P409_BULAN)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, e.g. [3].persen or [1].kode (not a sub kegiatan, "
            + "or named twice); nothing written",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public WriteSummary putProgresBulk(
            @PathParam("bulan") @Parameter(description = "1..12", example = "6") int bulan,
            String body) throws JsonProcessingException {
        List<ProgresRequest> items = body == null || body.isEmpty() ? null
                : numbers().forType(new TypeReference<List<ProgresRequest>>() { }).readValue(body);
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        Rules.bulan(v, "bulan", bulan);
        List<ProgresSpec> specs = new ArrayList<>();
        if (v.check(items != null, "body", "wajib berisi daftar progres [{\"kode\", \"persen\"}]")) {
            java.util.Map<Kode, Integer> seen = new java.util.HashMap<>();
            for (int n = 0; n < items.size(); n++) {
                String f = "[" + n + "]";
                if (!v.check(items.get(n) != null, f, "wajib diisi")) {
                    continue;
                }
                ProgresSpec p = items.get(n).toSpec(v, f);
                if (p.kode() != null) {
                    Integer first = seen.putIfAbsent(p.kode(), n);
                    v.check(first == null, f + ".kode", "kode " + p.kode() + " disebut lebih dari sekali (juga di [" + first + "])");
                }
                specs.add(p);
            }
        }
        v.throwIfAny();
        return WriteSummary.of(service.setProgres(dpa, bulan, specs));
    }

    private static List<ProgresBulan> progres(java.util.SortedMap<Integer, BigDecimal> series) {
        return series.entrySet().stream().map(e -> new ProgresBulan(e.getKey(), e.getValue())).toList();
    }

    /** The service's strict JSON, reading every decimal as it was written (no double in between). */
    private ObjectReader numbers() {
        return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * JSON {"persen": 45.5}, or text/plain in the Indonesian format ("45,5"); a missing or unreadable value is
     * recorded in {@code v} as a fault of persen (422).
     */
    private BigDecimal readPersen(Violations v, MediaType type, String body) throws JsonProcessingException {
        if (type != null && type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            BigDecimal parsed;
            try {
                parsed = Angka.parse(body);
            } catch (IllegalArgumentException e) {
                v.add("persen", e.getMessage());
                return null;
            }
            return IndicatorRules.persen(v, "persen", parsed);
        }
        PersenRequest r = numbers().forType(PersenRequest.class).readValue(body == null || body.isEmpty() ? "" : body);
        return PersenRequest.persen(v, "persen", r == null ? null : r.persen());
    }

    private static void asOf(Violations v, Integer bulan) {
        if (bulan != null) {
            Rules.bulan(v, "bulan", bulan);
        }
    }

    /** JSON {"nilai": 27.54}, or text/plain in the Indonesian format ("27,54"). */
    private BigDecimal readNilai(MediaType type, String body) throws JsonProcessingException {
        if (type != null && type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            try {
                return Angka.parse(body);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("nilai", e.getMessage());
            }
        }
        NilaiRequest r = json.readValue(body == null || body.isEmpty() ? "" : body, NilaiRequest.class);
        return r == null ? null : r.nilai();
    }
}
