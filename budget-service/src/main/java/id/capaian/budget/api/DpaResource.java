package id.capaian.budget.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.budget.domain.DpaService;
import id.capaian.budget.domain.NodeSpec;
import id.capaian.budget.domain.RakSpec;
import id.capaian.budget.domain.RealisasiSpec;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.problem.ProblemException;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
 * The DPA of one OPD-year: its nodes with their pagu, and the monthly realizations of its sub kegiatan.
 * Thin: parameters are read and bodies validated into specs here (every fault of a body at once), every rule
 * that needs the stored DPA and every write is in {@link DpaService}.
 */
@Path("/api/v1/dpa/{pemda}/{tahun}/{opd}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "DPA", description = "The DPA tree of an OPD-year: program, kegiatan, sub kegiatan, pagu and realisasi anggaran")
public class DpaResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;
    static final String SEG = "63.10/2024/P3AP2KB";

    static final String EX_NODES = """
            [{"kode": "2.08.02", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan",
              "renstra": {"pagu": 450000000.00, "realisasiSebelumnya": 270000000.00}},
             {"kode": "2.08.02.2.01", "uraian": "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota"},
             {"kode": "2.08.02.2.01.0003", "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG", "pagu": 73810300.00,
              "paguMurni": 73810300.00},
             {"kode": "2.08.02.2.01.0004", "uraian": "Sosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG", "pagu": 11296600.00}]""";
    static final String EX_SUMMARY = """
            {"created": 4, "updated": 0, "unchanged": 0, "events": 2}""";
    static final String EX_TREE = """
            {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB", "bulan": null,
             "total": {"pagu": 85106900.00, "paguMurni": 85106900.00, "realisasi": 65922900.00, "capaianKeuangan": 77.46, "sisa": 19184000.00},
             "urusan": [{"kode": "2.08", "level": "URUSAN", "uraian": null, "pagu": 85106900.00, "paguMurni": 85106900.00,
               "realisasi": 65922900.00, "capaianKeuangan": 77.46, "sisa": 19184000.00, "renstra": null, "children": [
               {"kode": "2.08.02", "level": "PROGRAM", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan",
                "pagu": 85106900.00, "paguMurni": 85106900.00, "realisasi": 65922900.00, "capaianKeuangan": 77.46,
                "sisa": 19184000.00, "renstra": {"pagu": 450000000.00, "realisasiSebelumnya": 270000000.00}, "children": [
                 {"kode": "2.08.02.2.01", "level": "KEGIATAN",
                  "uraian": "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota",
                  "pagu": 85106900.00, "paguMurni": 85106900.00, "realisasi": 65922900.00, "capaianKeuangan": 77.46,
                  "sisa": 19184000.00, "renstra": null, "children": [
                   {"kode": "2.08.02.2.01.0003", "level": "SUB_KEGIATAN",
                    "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG",
                    "pagu": 73810300.00, "paguMurni": 73810300.00, "realisasi": 55926300.00, "capaianKeuangan": 75.77,
                    "sisa": 17884000.00, "renstra": null, "bulan": 12, "version": 2, "children": []},
                   {"kode": "2.08.02.2.01.0004", "level": "SUB_KEGIATAN",
                    "uraian": "Sosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG",
                    "pagu": 11296600.00, "paguMurni": 11296600.00, "realisasi": 9996600.00, "capaianKeuangan": 88.49,
                    "sisa": 1300000.00, "renstra": null, "bulan": 12, "version": 2, "children": []}]}]}]}]}""";
    static final String EX_LEAF = """
            {"kode": "2.08.02.2.01.0003", "level": "SUB_KEGIATAN",
             "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG",
             "pagu": 73810300.00, "paguMurni": 73810300.00, "realisasi": 55926300.00, "capaianKeuangan": 75.77,
             "sisa": 17884000.00, "renstra": {"pagu": 350000000.00, "realisasiSebelumnya": 210000000.00},
             "bulan": 12, "version": 3,
             "bulanan": [{"bulan": 6, "jumlah": 20000000.00}, {"bulan": 12, "jumlah": 55926300.00}], "children": []}""";
    static final String EX_SERIES = """
            [{"bulan": 6, "jumlah": 20000000.00}, {"bulan": 12, "jumlah": 55926300.00}]""";
    static final String EX_BULK = """
            [{"kode": "2.08.02.2.01.0003", "jumlah": 55926300.00}, {"kode": "2.08.02.2.01.0004", "jumlah": 9996600.00}]""";
    static final String EX_BULK_SUMMARY = """
            {"created": 0, "updated": 2, "unchanged": 0, "events": 2}""";

    static final String P400 = """
            {"type": "/problems/permintaan-tidak-valid", "title": "Permintaan tidak valid", "status": 400,
             "detail": "tahun: tahun harus 2000 sampai 2100", "instance": "/api/v1/dpa/63.10/1999/P3AP2KB",
             "errors": [{"field": "tahun", "message": "tahun harus 2000 sampai 2100"}]}""";
    static final String P404 = """
            {"type": "/problems/tidak-ditemukan", "title": "Tidak ditemukan", "status": 404,
             "detail": "DPA 63.10/2024/P3AP2KB tidak ditemukan", "instance": "/api/v1/dpa/63.10/2024/P3AP2KB"}""";
    static final String P422_NODES = """
            {"type": "/problems/validasi", "title": "Data tidak valid", "status": 422, "detail": "2 isian tidak valid",
             "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/nodes",
             "errors": [{"field": "[1].pagu", "message": "pagu hanya untuk sub kegiatan; jumlah kegiatan dihitung dari sub kegiatannya"},
                        {"field": "[3].pagu", "message": "paling banyak 2 angka desimal"}]}""";
    static final String P409_PAGU = """
            {"type": "/problems/pagu-di-bawah-realisasi", "title": "Pagu di bawah realisasi", "status": 409,
             "detail": "pagu 50000000.00 di bawah realisasi tertinggi yang tercatat 55926300.00",
             "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/nodes",
             "errors": [{"field": "[2].pagu", "message": "pagu 50000000.00 di bawah realisasi tertinggi yang tercatat 55926300.00"}]}""";
    static final String P409_REMOVE = """
            {"type": "/problems/node-punya-realisasi", "title": "Node sudah punya realisasi", "status": 409,
             "detail": "2.08.02.2.01.0003 sudah punya realisasi 55926300.00; node dengan realisasi tidak dapat dihapus",
             "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/nodes/2.08.02.2.01.0003",
             "errors": [{"field": "kode", "message": "2.08.02.2.01.0003 sudah punya realisasi 55926300.00; node dengan realisasi tidak dapat dihapus"}]}""";
    static final String P422_OVER = """
            {"type": "/problems/realisasi-melebihi-pagu", "title": "Realisasi melebihi pagu", "status": 422,
             "detail": "realisasi 80000000.00 melebihi pagu 2.08.02.2.01.0003 73810300.00",
             "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/nodes/2.08.02.2.01.0003/realisasi/12",
             "errors": [{"field": "jumlah", "message": "realisasi 80000000.00 melebihi pagu 2.08.02.2.01.0003 73810300.00"}]}""";
    static final String P422_NON_LEAF = """
            {"type": "/problems/validasi", "title": "Data tidak valid", "status": 422,
             "detail": "kode: realisasi hanya untuk sub kegiatan; 2.08.02.2.01 adalah kegiatan",
             "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/nodes/2.08.02.2.01/realisasi/12",
             "errors": [{"field": "kode", "message": "realisasi hanya untuk sub kegiatan; 2.08.02.2.01 adalah kegiatan"}]}""";

    static final String EX_RAK_REQUEST = """
            {"bulan": [0, 5000000, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, 7000000, 8000000, 8000000, 8810300]}""";
    static final String EX_RAK = """
            {"kode": "2.08.02.2.01.0003",
             "bulan": [0.00, 5000000.00, 5000000.00, 6000000.00, 6000000.00, 6000000.00, 7000000.00, 7000000.00, 7000000.00,
                       8000000.00, 8000000.00, 8810300.00],
             "jumlah": 73810300.00, "pagu": 73810300.00}""";
    static final String EX_RAK_BULK = """
            [{"kode": "2.08.02.2.01.0003",
              "bulan": [0, 5000000, 5000000, 6000000, 6000000, 6000000, 7000000, 7000000, 7000000, 8000000, 8000000, 8810300]},
             {"kode": "2.08.02.2.01.0004",
              "bulan": [0, 0, 1000000, 1000000, 1000000, 1000000, 1000000, 1000000, 1000000, 1000000, 1000000, 2296600]}]""";
    static final String EX_RAK_SUMMARY = """
            {"created": 2, "updated": 0, "unchanged": 0, "events": 2}""";
    static final String P422_RAK = """
            {"type": "/problems/validasi", "title": "Data tidak valid", "status": 422, "detail": "2 isian tidak valid",
             "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/nodes/2.08.02.2.01.0003/rak",
             "errors": [{"field": "bulan[3]", "message": "tidak boleh negatif"},
                        {"field": "bulan[7]", "message": "harus angka rupiah, bukan teks"}]}""";
    static final String P422_RAK_BULK = """
            {"type": "/problems/validasi", "title": "Data tidak valid", "status": 422,
             "detail": "[1].bulan: harus tepat 12 jumlah (Januari sampai Desember); diterima 11",
             "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/rak",
             "errors": [{"field": "[1].bulan", "message": "harus tepat 12 jumlah (Januari sampai Desember); diterima 11"}]}""";
    static final String P404_RAK = """
            {"type": "/problems/tidak-ditemukan", "title": "Tidak ditemukan", "status": 404,
             "detail": "RAK 2.08.02.2.01.0003 tidak ditemukan",
             "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/nodes/2.08.02.2.01.0003/rak",
             "errors": [{"field": "kode", "message": "RAK 2.08.02.2.01.0003 tidak ditemukan"}]}""";
    static final String P409_CLOSED = """
            {"type": "/problems/bulan-tertutup", "title": "Bulan tertutup", "status": 409,
             "detail": "Bulan 3 tahun 2024 OPD P3AP2KB sudah ditutup (sampai bulan 3) oleh Ahmad Fauzi sejak 2024-04-15T02:00Z (Evaluasi Renja triwulan I selesai); verifikator dapat membukanya kembali dengan alasan",
             "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/nodes/2.08.02.2.01.0003/realisasi/3",
             "errors": [{"field": "bulan", "message": "Bulan 3 tahun 2024 OPD P3AP2KB sudah ditutup (sampai bulan 3) oleh Ahmad Fauzi sejak 2024-04-15T02:00Z (Evaluasi Renja triwulan I selesai); verifikator dapat membukanya kembali dengan alasan"}]}""";

    @Inject DpaService service;
    @Inject ObjectMapper json;

    @PUT
    @Requires(Action.BULK_WRITE)
    @Path("/nodes")
    @Operation(operationId = "upsertNodes", summary = "Upsert nodes of a DPA",
            description = "Creates or updates the listed nodes in one transaction; the DPA is created with its first node. "
                    + "Idempotent: nodes equal to the stored ones change nothing and publish nothing. pagu only on a sub "
                    + "kegiatan, required there; every amount above it is a sum. paguMurni (sub kegiatan only) defaults "
                    + "to pagu on a new node and is kept on a stored one when absent. renstra (program, kegiatan, sub "
                    + "kegiatan) absent keeps the stored values. A node's parent (kegiatan of a sub "
                    + "kegiatan, program of a kegiatan) must exist or be in the same request. Every changed sub kegiatan, "
                    + "and every sub kegiatan below a kegiatan or program whose uraian or renstra changed, is announced once as "
                    + "budget.realization-updated. Every fault of the request is listed, with its item index, and "
                    + "nothing is written.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NodeRequest.class),
            examples = @ExampleObject(name = "seed", summary = "Part of the seed's program 2.08.02", value = EX_NODES)))
    @APIResponse(responseCode = "200", description = "Written (or already so)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteSummary.class),
            examples = @ExampleObject(name = "created", value = EX_SUMMARY)))
    @APIResponse(responseCode = "400", description = "Not JSON, wrong types or unknown fields, or a malformed path parameter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "409", description = "A pagu lowered below the highest realization already recorded",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "pagu-di-bawah-realisasi", value = P409_PAGU)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed or duplicate code, missing parent, blank uraian, pagu or "
            + "paguMurni on a non-leaf, pagu missing on a sub kegiatan, renstra on an urusan, negative / over-precise / too "
            + "large amount",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validasi", value = P422_NODES)))
    public WriteSummary upsertNodes(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            List<NodeRequest> nodes) {
        DpaRef ref = Params.dpa(pemda, tahun, opd);
        if (nodes == null) {
            throw ProblemException.badRequest("body", "diharapkan larik node [{\"kode\", \"uraian\", \"pagu\"}]");
        }
        Violations v = new Violations();
        List<NodeSpec> specs = NodeRequest.toSpecs(v, nodes);
        v.throwIfAny();
        return WriteSummary.of(service.upsertNodes(ref, specs));
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "getDpa", summary = "Read a DPA as a tree with its sums",
            description = "urusan -> program -> kegiatan -> sub kegiatan in code order, with pagu, realisasi, "
                    + "capaianKeuangan (null when the pagu is 0) and sisa at every level and in total. Amounts above a "
                    + "sub kegiatan are computed sums. With ?bulan= the realisasi is as of the end of that month (the "
                    + "latest month reported not after it).")
    @APIResponse(responseCode = "200", description = "The DPA", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DpaResponse.class), examples = @ExampleObject(name = "seed", value = EX_TREE)))
    @APIResponse(responseCode = "400", description = "Malformed pemda, tahun, opd or bulan", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "404", description = "No such DPA", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tidak-ditemukan", value = P404)))
    public DpaResponse tree(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            @QueryParam("bulan") @Parameter(description = "1..12: realisasi as of the end of that month", example = "6")
            String bulan) {
        DpaRef ref = Params.dpa(pemda, tahun, opd);
        Integer b = Params.bulan(bulan, true);
        return DpaResponse.of(ref, b, service.tree(ref, b));
    }

    @GET
    @Requires(Action.READ)
    @Path("/nodes/{kode}")
    @Operation(operationId = "getNode", summary = "Read one node with its sums",
            description = "The node and its subtree with pagu, realisasi, capaianKeuangan and sisa; a sub kegiatan also "
                    + "with its monthly series (bulanan) and version. ?bulan= as for the DPA.")
    @APIResponse(responseCode = "200", description = "The node", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NodeResponse.class), examples = @ExampleObject(name = "sub kegiatan", value = EX_LEAF)))
    @APIResponse(responseCode = "400", description = "Malformed path parameter or bulan", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "404", description = "No such DPA or node", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tidak-ditemukan", value = P404)))
    public NodeResponse node(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            @PathParam("kode") @Parameter(example = "2.08.02.2.01.0003") String kode,
            @QueryParam("bulan") @Parameter(description = "1..12: realisasi as of the end of that month", example = "12")
            String bulan) {
        Kode[] k = new Kode[1];
        DpaRef ref = Params.dpa(pemda, tahun, opd, kode, k);
        Integer b = Params.bulan(bulan, true);
        return NodeResponse.of(service.node(ref, k[0], b), true);
    }

    @DELETE
    @Requires(Action.WRITE)
    @Path("/nodes/{kode}")
    @Operation(operationId = "deleteNode", summary = "Remove a node",
            description = "Removes a node that has no children and no realization (a month recorded as 0.00 does not "
                    + "count). A removed sub kegiatan is announced once more with removed: true and a higher version; "
                    + "created again later, its versions keep growing.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "Malformed path parameter", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "404", description = "No such DPA or node", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tidak-ditemukan", value = P404)))
    @APIResponse(responseCode = "409", description = "The node has children (node-punya-anak) or realization "
            + "(node-punya-realisasi)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "node-punya-realisasi", value = P409_REMOVE)))
    public void remove(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            @PathParam("kode") @Parameter(example = "2.08.02.2.01.0004") String kode) {
        Kode[] k = new Kode[1];
        DpaRef ref = Params.dpa(pemda, tahun, opd, kode, k);
        service.removeNode(ref, k[0]);
    }

    @PUT
    @Requires(Action.WRITE)
    @Path("/nodes/{kode}/realisasi/{bulan}")
    @Operation(operationId = "setRealisasi", summary = "Set the cumulative realization of a sub kegiatan for a month",
            description = "The cumulative realization to the end of the month (bulan 1..12). Idempotent: the same amount "
                    + "again changes nothing and publishes nothing. Not above the sub kegiatan's pagu. Refused (409 "
                    + "bulan-tertutup) while the month is closed after its quarter's evaluation.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JumlahRequest.class),
            examples = @ExampleObject(name = "seed", value = "{\"jumlah\": 55926300.00}")))
    @APIResponse(responseCode = "200", description = "The sub kegiatan after the write", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NodeResponse.class),
            examples = @ExampleObject(name = "sub kegiatan", value = EX_LEAF)))
    @APIResponse(responseCode = "400", description = "Not JSON, wrong types, malformed path parameter or bulan outside 1..12",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "404", description = "No such DPA or node", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tidak-ditemukan", value = P404)))
    @APIResponse(responseCode = "409", description = "The month is closed after its quarter's evaluation (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bulan-tertutup", value = P409_CLOSED)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "jumlah missing, negative, over-precise or >= 10^15 (validasi); above "
            + "the pagu (realisasi-melebihi-pagu); the node is not a sub kegiatan (validasi)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "realisasi-melebihi-pagu", value = P422_OVER),
                    @ExampleObject(name = "bukan sub kegiatan", value = P422_NON_LEAF)}))
    public NodeResponse setRealisasi(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            @PathParam("kode") @Parameter(example = "2.08.02.2.01.0003") String kode,
            @PathParam("bulan") @Parameter(example = "12", description = "1..12") String bulan,
            JumlahRequest body) {
        Kode[] k = new Kode[1];
        DpaRef ref = Params.dpa(pemda, tahun, opd, kode, k);
        int b = Params.bulan(bulan, false);
        if (body == null) {
            throw ProblemException.badRequest("body", "diharapkan {\"jumlah\": ...}");
        }
        Violations v = new Violations();
        RealisasiSpec spec = body.toSpec(v, k[0]);
        v.throwIfAny();
        return NodeResponse.of(service.setRealisasi(ref, b, spec), true);
    }

    @GET
    @Requires(Action.READ)
    @Path("/nodes/{kode}/realisasi")
    @Operation(operationId = "getRealisasi", summary = "Read the monthly realization series of a sub kegiatan",
            description = "Every month recorded, in month order, each the cumulative realization to its end.")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = BulananResponse.class),
            examples = @ExampleObject(name = "seed", value = EX_SERIES)))
    @APIResponse(responseCode = "400", description = "Malformed path parameter", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "404", description = "No such DPA or node", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tidak-ditemukan", value = P404)))
    @APIResponse(responseCode = "422", description = "The node is not a sub kegiatan", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bukan sub kegiatan", value = P422_NON_LEAF)))
    public List<BulananResponse> series(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            @PathParam("kode") @Parameter(example = "2.08.02.2.01.0003") String kode) {
        Kode[] k = new Kode[1];
        DpaRef ref = Params.dpa(pemda, tahun, opd, kode, k);
        return service.series(ref, k[0]).stream().map(BulananResponse::of).toList();
    }

    @PUT
    @Requires(Action.BULK_WRITE)
    @Path("/realisasi/{bulan}")
    @Operation(operationId = "setRealisasiBulk", summary = "Set the cumulative realizations of many sub kegiatan for a month",
            description = "Like the single PUT, for many sub kegiatan in one transaction: every fault is listed with its "
                    + "item index and nothing is written. Idempotent per item.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RealisasiRequest.class),
            examples = @ExampleObject(name = "seed", value = EX_BULK)))
    @APIResponse(responseCode = "200", description = "Written (or already so)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteSummary.class),
            examples = @ExampleObject(name = "updated", value = EX_BULK_SUMMARY)))
    @APIResponse(responseCode = "400", description = "Not JSON, wrong types, malformed path parameter or bulan outside 1..12",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "404", description = "No such DPA", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tidak-ditemukan", value = P404)))
    @APIResponse(responseCode = "409", description = "The month is closed after its quarter's evaluation (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bulan-tertutup", value = P409_CLOSED)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed, duplicate, unknown or non-leaf code; bad jumlah (validasi); "
            + "a jumlah above its pagu (realisasi-melebihi-pagu)", content = @Content(mediaType = PROBLEM,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "realisasi-melebihi-pagu", value = P422_OVER)))
    public WriteSummary setRealisasiBulk(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            @PathParam("bulan") @Parameter(example = "12", description = "1..12") String bulan,
            List<RealisasiRequest> items) {
        DpaRef ref = Params.dpa(pemda, tahun, opd);
        int b = Params.bulan(bulan, false);
        if (items == null) {
            throw ProblemException.badRequest("body", "diharapkan larik [{\"kode\", \"jumlah\"}]");
        }
        Violations v = new Violations();
        List<RealisasiSpec> specs = RealisasiRequest.toSpecs(v, items);
        v.throwIfAny();
        return WriteSummary.of(service.setRealisasi(ref, b, specs));
    }

    @GET
    @Requires(Action.READ)
    @Path("/nodes/{kode}/rak")
    @Operation(operationId = "getRak", summary = "Read the cash plan (RAK) of a sub kegiatan",
            description = "The 12 planned monthly amounts (spending in each month, not cumulative), their sum and the pagu "
                    + "in force.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RakResponse.class), examples = @ExampleObject(name = "rak", value = EX_RAK)))
    @APIResponse(responseCode = "400", description = "Malformed path parameter", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "404", description = "No such DPA or node, or no plan set yet", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "belum ada RAK", value = P404_RAK)))
    @APIResponse(responseCode = "422", description = "The node is not a sub kegiatan", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    public RakResponse rak(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            @PathParam("kode") @Parameter(example = "2.08.02.2.01.0003") String kode) {
        Kode[] k = new Kode[1];
        DpaRef ref = Params.dpa(pemda, tahun, opd, kode, k);
        return RakResponse.of(service.rak(ref, k[0]));
    }

    @PUT
    @Requires(Action.WRITE)
    @Path("/nodes/{kode}/rak")
    @Operation(operationId = "setRak", summary = "Set the cash plan (RAK) of a sub kegiatan",
            description = "Exactly 12 amounts, January first: planned spending in each month (not cumulative), each a rupiah "
                    + ">= 0. A plan whose sum differs from the pagu is accepted. Idempotent: the same plan changes "
                    + "nothing and publishes nothing; a changed plan announces the sub kegiatan (budget.realization-updated).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RakRequest.class),
            examples = @ExampleObject(name = "rak", value = EX_RAK_REQUEST)))
    @APIResponse(responseCode = "200", description = "The plan after the write", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RakResponse.class),
            examples = @ExampleObject(name = "rak", value = EX_RAK)))
    @APIResponse(responseCode = "400", description = "Not JSON, not an object, unknown fields, or a malformed path parameter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "404", description = "No such DPA or node", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tidak-ditemukan", value = P404)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "bulan missing, not an array or not 12 items (bulan); an amount null, "
            + "not a number, negative, over-precise or >= 10^15 (bulan[i], from 0); the node is not a sub kegiatan (kode)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validasi", value = P422_RAK)))
    public RakResponse setRak(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            @PathParam("kode") @Parameter(example = "2.08.02.2.01.0003") String kode,
            String body) {
        Kode[] k = new Kode[1];
        DpaRef ref = Params.dpa(pemda, tahun, opd, kode, k);
        return RakResponse.of(service.setRak(ref, RakBody.single(json, body, k[0])));
    }

    @PUT
    @Requires(Action.BULK_WRITE)
    @Path("/rak")
    @Operation(operationId = "setRakBulk", summary = "Set the cash plans (RAK) of many sub kegiatan",
            description = "Like the single PUT, for many sub kegiatan in one transaction (imports): every fault is listed "
                    + "with its item index ([2].bulan[4]) and nothing is written. Idempotent per item; created counts the "
                    + "first plan of a sub kegiatan, updated a changed one.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RakItemRequest.class),
            examples = @ExampleObject(name = "rak", value = EX_RAK_BULK)))
    @APIResponse(responseCode = "200", description = "Written (or already so)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteSummary.class),
            examples = @ExampleObject(name = "created", value = EX_RAK_SUMMARY)))
    @APIResponse(responseCode = "400", description = "Not JSON, not an array, an item not an object, unknown fields, or a "
            + "malformed path parameter", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tahun", value = P400)))
    @APIResponse(responseCode = "404", description = "No such DPA", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "tidak-ditemukan", value = P404)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed, duplicate, unknown or non-leaf code; a bad plan "
            + "([i].bulan, [i].bulan[j])", content = @Content(mediaType = PROBLEM,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validasi", value = P422_RAK_BULK)))
    public WriteSummary setRakBulk(@PathParam("pemda") @Parameter(example = "63.10") String pemda,
            @PathParam("tahun") @Parameter(example = "2024") String tahun,
            @PathParam("opd") @Parameter(example = "P3AP2KB") String opd,
            String body) {
        DpaRef ref = Params.dpa(pemda, tahun, opd);
        List<RakBody.Item> items = RakBody.bulk(json, body);
        Violations v = new Violations();
        List<RakSpec> specs = RakBody.toSpecs(v, items);
        v.throwIfAny();
        return WriteSummary.of(service.setRak(ref, specs));
    }
}
