package id.capaian.budget.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.budget.domain.DpaImport;
import id.capaian.budget.domain.NodeSpec;
import id.capaian.budget.domain.RakSpec;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.problem.ProblemException;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The whole table of one OPD as one import bundle: nodes, cash plans and the realizations of any months, in one
 * transaction (report-service's import; see {@link DpaImport}). The whole body is read first (what cannot be read
 * is a 400), then each part is validated into specs as by its own PUT, in the bundle's order: the first part with a
 * fault is refused with all of its faults, named by the part. With {@code dryRun=true} every rule runs and
 * nothing stays written.
 */
@Path("/api/v1/dpa/{pemda}/{tahun}/{opd}/impor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "DPA")
public class DpaImportResource {

    static final String EX_BUNDLE = """
            {"nodes": [{"kode": "2.08.02", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan"},
                       {"kode": "2.08.02.2.01", "uraian": "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota"},
                       {"kode": "2.08.02.2.01.0003", "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG",
                        "pagu": 73810300.00}],
             "rak": [{"kode": "2.08.02.2.01.0003",
                      "bulan": [0, 5000000, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, 7000000, 8000000, 8000000, 8810300]}],
             "realisasi": [{"bulan": 12, "items": [{"kode": "2.08.02.2.01.0003", "jumlah": 55926300.00}]}]}""";
    static final String EX_RESULT = """
            {"dryRun": true, "nodes": {"created": 3, "updated": 0, "unchanged": 0, "events": 1},
             "rak": {"created": 1, "updated": 0, "unchanged": 0, "events": 1},
             "realisasi": [{"created": 1, "updated": 0, "unchanged": 0, "events": 1}]}""";
    static final String P422 = """
            {"type": "/problems/validasi", "title": "Data tidak valid", "status": 422,
             "detail": "nodes: 2 isian tidak valid", "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/impor",
             "errors": [{"field": "nodes[1].pagu", "message": "pagu hanya untuk sub kegiatan; jumlah kegiatan dihitung dari sub kegiatannya"},
                        {"field": "nodes[2].pagu", "message": "paling banyak 2 angka desimal"}]}""";

    @Inject DpaImport imports;
    @Inject ObjectMapper json;

    /** The bundle's realizations of one month. */
    @Schema(name = "ImporRealisasiBulan")
    public record Bulan(@Schema(required = true, example = "12") Integer bulan,
            @Schema(required = true) List<RealisasiRequest> items) {
    }

    /** The bundle as documented (the body is read as a tree so that amounts stay exact). */
    @Schema(name = "ImporDpaRequest", description = "One OPD's table: nodes (as PUT nodes), cash plans (as PUT rak) and "
            + "the cumulative realizations of any months (as PUT realisasi/{bulan})")
    public record ImporRequest(@Schema(required = true) List<NodeRequest> nodes, List<RakItemRequest> rak,
            List<Bulan> realisasi) {
    }

    @Schema(name = "ImporDpaResult", description = "What each part did, or in a dry run would have done")
    public record ImporResult(boolean dryRun, WriteSummary nodes,
            @Schema(description = "null when the bundle has no cash plans") WriteSummary rak,
            @Schema(description = "One summary per month, in the bundle's order") List<WriteSummary> realisasi) {
    }

    @PUT
    @Requires(Action.BULK_WRITE)
    @Operation(operationId = "imporDpa", summary = "Import an OPD's table: nodes, cash plans and realizations in one transaction",
            description = "Applies, in ONE transaction, the nodes (the rules and effects of PUT nodes), then the cash plans "
                    + "(PUT rak), then the realizations of each listed month (PUT realisasi/{bulan}), each audited and "
                    + "announced as by its own PUT. A refusal of any part writes nothing at all; its fields name the part "
                    + "(nodes[3].pagu, rak[1].bulan, realisasi[0].items[2].jumlah). Idempotent. With dryRun=true everything "
                    + "runs, including the year lock and the closed months, and is then rolled back: the answer is what the "
                    + "owner's own rules think of the bundle (200 or the same refusal), nothing is written, audited or "
                    + "published. At most 100 faults are listed; errorsOmitted counts the rest.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImporRequest.class),
            examples = @ExampleObject(name = "impor", value = EX_BUNDLE)))
    @APIResponse(responseCode = "200", description = "Written (or already so); in a dry run, valid and rolled back",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImporResult.class),
                    examples = @ExampleObject(name = "dry run", value = EX_RESULT)))
    @APIResponse(responseCode = "400", description = "Not JSON, wrong types or unknown fields, or a malformed path parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The year is locked (tahun-terkunci), a month is closed (bulan-tertutup), "
            + "or a pagu below a recorded realization", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A part breaks a rule; its fields name the part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validasi", value = P422)))
    public ImporResult impor(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            @QueryParam("dryRun") @Parameter(description = "true: check everything, write nothing") boolean dryRun,
            String body) {
        DpaRef ref = Params.dpa(pemda, tahun, opd);
        JsonNode tree = tree(body);
        List<NodeRequest> nodes = read(tree.get("nodes"), "nodes", new TypeReference<List<NodeRequest>>() { });
        List<RakBody.Item> rak = tree.hasNonNull("rak") ? rak(tree.get("rak")) : List.of();
        List<Integer> bulans = new ArrayList<>();
        List<List<RealisasiRequest>> items = new ArrayList<>();
        JsonNode realisasi = tree.get("realisasi");
        if (realisasi != null && !realisasi.isNull()) {
            if (!realisasi.isArray()) {
                throw ProblemException.badRequest("realisasi", "diharapkan larik [{\"bulan\", \"items\"}]");
            }
            for (int i = 0; i < realisasi.size(); i++) {
                String f = "realisasi[" + i + "]";
                JsonNode m = realisasi.get(i);
                if (m == null || !m.isObject()) {
                    throw ProblemException.badRequest(f, "diharapkan {\"bulan\", \"items\"}");
                }
                known(m, f + ".", Set.of("bulan", "items"));
                bulans.add(Params.bulan(m.hasNonNull("bulan") ? m.get("bulan").asText() : null, false));
                items.add(read(m.get("items"), f + ".items", new TypeReference<List<RealisasiRequest>>() { }));
            }
        }
        List<NodeSpec> nodeSpecs = part("nodes", v -> NodeRequest.toSpecs(v, nodes));
        List<RakSpec> rakSpecs = part("rak", v -> RakBody.toSpecs(v, rak));
        List<DpaImport.Month> months = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<RealisasiRequest> month = items.get(i);
            months.add(new DpaImport.Month(bulans.get(i),
                    part("realisasi[" + i + "].items", v -> RealisasiRequest.toSpecs(v, month))));
        }
        DpaImport.Result r = imports.apply(ref, new DpaImport.Bundle(nodeSpecs, rakSpecs, months), dryRun);
        return new ImporResult(dryRun, WriteSummary.of(r.nodes()), r.rak() == null ? null : WriteSummary.of(r.rak()),
                r.realisasi().stream().map(WriteSummary::of).toList());
    }

    private JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body", "isi permintaan wajib ada");
        }
        try {
            JsonNode tree = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
            if (tree == null || !tree.isObject()) {
                throw ProblemException.badRequest("body", "diharapkan {\"nodes\", \"rak\", \"realisasi\"}");
            }
            known(tree, "", Set.of("nodes", "rak", "realisasi"));
            return tree;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("body", "bukan JSON yang sah: " + e.getOriginalMessage());
        }
    }

    private <T> List<T> read(JsonNode node, String field, TypeReference<List<T>> type) {
        if (node == null || node.isNull()) {
            throw ProblemException.badRequest(field, field + " wajib berisi larik");
        }
        try {
            List<T> list = json.readerFor(type).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(node);
            return list == null ? List.of() : list;
        } catch (java.io.IOException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw ProblemException.badRequest(field, "tidak terbaca: " + message);
        }
    }

    /** One part's specs, or its faults named by the part ({@code nodes[3].pagu}). */
    private static <T> T part(String name, Function<Violations, T> toSpecs) {
        Violations v = new Violations();
        T specs = toSpecs.apply(v);
        try {
            v.throwIfAny();
        } catch (ProblemException e) {
            throw e.within(name);
        }
        return specs;
    }

    private List<RakBody.Item> rak(JsonNode node) {
        try {
            return RakBody.bulk(json, json.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("rak", "tidak terbaca: " + e.getOriginalMessage());
        } catch (ProblemException e) {
            throw e.within("rak");
        }
    }

    private static void known(JsonNode object, String prefix, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ProblemException.badRequest(prefix + name, "isian tidak dikenal: " + name);
            }
        }
    }
}
