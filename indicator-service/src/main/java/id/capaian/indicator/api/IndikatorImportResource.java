package id.capaian.indicator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.capaian.core.domain.DpaRef;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.problem.ProblemException;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import id.capaian.indicator.domain.IndicatorImport;
import id.capaian.indicator.domain.IndicatorRules;
import id.capaian.indicator.domain.NodeSpec;
import id.capaian.indicator.domain.ProgresSpec;
import id.capaian.indicator.domain.RealisasiSpec;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The indicators of one OPD's table as one import bundle: the nodes' indicator lists, realizations and physical
 * progress of any months, in one transaction (report-service's import; see {@link IndicatorImport}). With
 * {@code dryRun=true} every rule runs and nothing stays written.
 */
@Path("/api/v1/indikator/{pemda}/{tahun}/{opd}/impor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indikator")
public class IndikatorImportResource {

    static final String EX_BUNDLE = """
            {"nodes": [{"kode": "2.08.02", "indikator": [{"nama": "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten",
                        "satuan": "%", "polaritas": "positif", "target": 65}]},
                       {"kode": "2.08.02.2.01.0003", "indikator": [{"nama": "Jumlah Perangkat Daerah yang Mengikuti Advokasi Kebijakan",
                        "satuan": "perangkat daerah", "polaritas": "positif", "target": 50}]}],
             "realisasi": [{"bulan": 12, "items": [{"kode": "2.08.02", "nomor": 1, "nilai": 27.54},
                                                   {"kode": "2.08.02.2.01.0003", "nomor": 1, "nilai": 50}]}],
             "progres": [{"bulan": 12, "items": [{"kode": "2.08.02.2.01.0003", "persen": 100}]}]}""";
    static final String P422 = """
            {"type": "/problems/validasi", "title": "Data tidak valid", "status": 422,
             "detail": "nodes[0].indikator[0].satuan: paling banyak 100 karakter", "instance": "/api/v1/indikator/63.10/2024/P3AP2KB/impor",
             "errors": [{"field": "nodes[0].indikator[0].satuan", "message": "paling banyak 100 karakter"}]}""";

    @Inject IndicatorImport imports;
    @Inject ObjectMapper json;

    @PathParam("pemda") @Parameter(description = "Kode pemda", example = "63.10", schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{2}(\\.\\d{2})?$"))
    String pemda;
    @PathParam("tahun") @Parameter(description = "Tahun anggaran, 2000 sampai 2100", example = "2024")
    int tahun;
    @PathParam("opd") @Parameter(description = "Kode OPD", example = "P3AP2KB", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z0-9][A-Z0-9_-]{0,31}$"))
    String opd;

    @Schema(name = "ImporRealisasiIndikatorBulan")
    public record RealisasiBulanan(@Schema(required = true, example = "12") Integer bulan,
            @Schema(required = true) List<RealisasiRequest> items) {
    }

    @Schema(name = "ImporProgresBulan")
    public record ProgresBulanan(@Schema(required = true, example = "12") Integer bulan,
            @Schema(required = true) List<ProgresRequest> items) {
    }

    @Schema(name = "ImporIndikatorRequest", description = "One OPD's indicators: node lists (as PUT nodes), and the "
            + "realizations and physical progress of any months (as PUT realisasi/{bulan} and progres/{bulan})")
    public record ImporRequest(@Schema(required = true) List<NodeRequest> nodes, List<RealisasiBulanan> realisasi,
            List<ProgresBulanan> progres) {
    }

    @Schema(name = "ImporIndikatorResult", description = "The live indicators of the bundle's nodes and what each "
            + "month's progress did; in a dry run, what they would be")
    public record ImporResult(boolean dryRun, List<IndikatorResponse> indikator, List<WriteSummary> progres) {
    }

    @PUT
    @Requires(Action.BULK_WRITE)
    @Operation(operationId = "imporIndikator", summary = "Impor indikator satu OPD: daftar indikator node, realisasi dan "
            + "progres fisik dalam satu transaksi",
            description = "Dalam SATU transaksi: daftar indikator node (aturan dan akibat PUT nodes, dengan lainnya), lalu "
                    + "realisasi setiap bulan yang disebut (PUT realisasi/{bulan}), lalu progres fisik setiap bulan (PUT "
                    + "progres/{bulan}); masing-masing dicatat di riwayat dan diumumkan seperti PUT-nya sendiri. Satu "
                    + "penolakan di bagian mana pun berarti tidak ada yang ditulis; field menyebut bagiannya "
                    + "(nodes[3].indikator[0].satuan, realisasi[0].items[2].nilai). Idempoten. Dengan dryRun=true semuanya "
                    + "dijalankan (termasuk kunci tahun dan bulan tertutup) lalu dibatalkan: jawabannya adalah penilaian "
                    + "aturan layanan ini sendiri (200 atau penolakan yang sama), tidak ada yang ditulis, dicatat atau "
                    + "diterbitkan. Paling banyak 100 kesalahan disebut; errorsOmitted menghitung sisanya.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImporRequest.class),
            examples = @ExampleObject(name = "impor", value = EX_BUNDLE)))
    @APIResponse(responseCode = "200", description = "Ditulis (atau sudah demikian); pada dry run: sah dan dibatalkan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImporResult.class)))
    @APIResponse(responseCode = "400", description = "Isi bukan JSON, tipe salah atau isian tidak dikenal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Indikator yang direalisasikan tidak ada",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Tahun terkunci (tahun-terkunci) atau bulan sudah ditutup (bulan-tertutup)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Isi terlalu besar",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Isian tidak valid; field menyebut bagiannya; tidak ada yang ditulis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "satuan", value = P422)))
    public ImporResult impor(
            @QueryParam("dryRun") @Parameter(description = "true: periksa semuanya, tulis apa pun tidak") boolean dryRun,
            @QueryParam("lainnya") @Parameter(description = "Indikator hidup di luar daftar: hapus (bawaan) atau "
                    + "pertahankan", schema = @Schema(type = SchemaType.STRING, enumeration = {"hapus", "pertahankan"}))
            String lainnya,
            String body) throws JsonProcessingException {
        boolean keepOthers = "pertahankan".equals(lainnya);
        if (lainnya != null && !keepOthers && !"hapus".equals(lainnya)) {
            throw ProblemException.badRequest("lainnya", "lainnya harus hapus atau pertahankan");
        }
        ImporRequest request = body == null || body.isBlank() ? null
                : json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).forType(ImporRequest.class).readValue(body);
        Violations v = new Violations();
        DpaRef dpa = DpaRef.of(v, pemda, tahun, opd);
        if (!v.check(request != null && request.nodes() != null, "nodes", "wajib berisi daftar node")) {
            v.throwIfAny();
        }
        List<NodeSpec> nodes = new ArrayList<>();
        for (int n = 0; n < request.nodes().size(); n++) {
            String f = "nodes[" + n + "]";
            nodes.add(v.check(request.nodes().get(n) != null, f, "wajib diisi") ? request.nodes().get(n).toSpec(v, f)
                    : new NodeSpec(null, List.of(), null));
        }
        IndicatorRules.uniqueKode(v, nodes.stream().map(NodeSpec::kode).toList(), "nodes[%d].kode");
        List<IndicatorImport.RealisasiMonth> realisasi = new ArrayList<>();
        List<RealisasiBulanan> months = request.realisasi() == null ? List.of() : request.realisasi();
        for (int m = 0; m < months.size(); m++) {
            String f = "realisasi[" + m + "]";
            RealisasiBulanan month = months.get(m);
            if (!v.check(month != null && month.bulan() != null && month.items() != null, f, "wajib berisi bulan dan items")) {
                continue;
            }
            Rules.bulan(v, f + ".bulan", month.bulan());
            Set<String> seen = new HashSet<>();
            List<RealisasiSpec> items = new ArrayList<>();
            for (int n = 0; n < month.items().size(); n++) {
                String g = f + ".items[" + n + "]";
                if (!v.check(month.items().get(n) != null, g, "wajib diisi")) {
                    continue;
                }
                RealisasiSpec r = month.items().get(n).toSpec(v, g);
                if (r.kode() != null && r.nomor() > 0 && !seen.add(r.kode() + "/" + r.nomor())) {
                    v.add(g + ".nomor", "indikator " + r.kode() + " nomor " + r.nomor() + " disebut lebih dari sekali");
                }
                items.add(r);
            }
            realisasi.add(new IndicatorImport.RealisasiMonth(month.bulan(), items));
        }
        List<IndicatorImport.ProgresMonth> progres = new ArrayList<>();
        List<ProgresBulanan> pmonths = request.progres() == null ? List.of() : request.progres();
        for (int m = 0; m < pmonths.size(); m++) {
            String f = "progres[" + m + "]";
            ProgresBulanan month = pmonths.get(m);
            if (!v.check(month != null && month.bulan() != null && month.items() != null, f, "wajib berisi bulan dan items")) {
                continue;
            }
            Rules.bulan(v, f + ".bulan", month.bulan());
            Map<Kode, Integer> seen = new HashMap<>();
            List<ProgresSpec> items = new ArrayList<>();
            for (int n = 0; n < month.items().size(); n++) {
                String g = f + ".items[" + n + "]";
                if (!v.check(month.items().get(n) != null, g, "wajib diisi")) {
                    continue;
                }
                ProgresSpec p = month.items().get(n).toSpec(v, g);
                if (p.kode() != null) {
                    Integer first = seen.putIfAbsent(p.kode(), n);
                    v.check(first == null, g + ".kode", "kode " + p.kode() + " disebut lebih dari sekali (juga di ["
                            + first + "])");
                }
                items.add(p);
            }
            progres.add(new IndicatorImport.ProgresMonth(month.bulan(), items));
        }
        v.throwIfAny();
        IndicatorImport.Result<IndikatorResponse> r = imports.apply(dpa, nodes, keepOthers, realisasi, progres, dryRun,
                i -> IndikatorResponse.of(i, null));
        return new ImporResult(dryRun, r.live(), r.progres().stream().map(WriteSummary::of).toList());
    }
}
