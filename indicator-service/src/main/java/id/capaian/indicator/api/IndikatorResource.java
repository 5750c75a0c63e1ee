package id.capaian.indicator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import id.capaian.core.domain.Angka;
import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.problem.ProblemException;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import id.capaian.indicator.domain.Dpa;
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
@Tag(name = "Indikator", description = "Indikator kinerja (fisik) setiap node: target, realisasi bulanan, capaian dan predikat")
public class IndikatorResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;
    static final String P409_BULAN = """
            {"type": "/problems/bulan-tertutup", "title": "Bulan tertutup", "status": 409,
             "detail": "Bulan 2 tahun 2024 OPD P3AP2KB sudah ditutup (sampai bulan 3) oleh Ahmad Fauzi sejak 2024-04-15T02:00Z (Evaluasi Renja triwulan I selesai); verifikator dapat membukanya kembali dengan alasan",
             "errors": [{"field": "bulan", "message": "Bulan 2 tahun 2024 OPD P3AP2KB sudah ditutup (sampai bulan 3)"}]}""";

    @Inject IndicatorService service;
    @Inject ObjectMapper json;

    @PathParam("pemda") @Parameter(description = "Kode pemda", example = "63.10", schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{2}(\\.\\d{2})?$"))
    String pemda;
    @PathParam("tahun") @Parameter(description = "Tahun anggaran, 2000 sampai 2100", example = "2024")
    int tahun;
    @PathParam("opd") @Parameter(description = "Kode OPD", example = "P3AP2KB", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z0-9][A-Z0-9_-]{0,31}$"))
    String opd;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "daftarIndikator", summary = "Semua indikator DPA",
            description = "Setiap indikator hidup OPD-tahun ini dalam urutan kode, dengan target, realisasi bulan terakhir "
                    + "(atau sampai ?bulan=), capaian dan predikat.")
    @APIResponse(responseCode = "200", description = "Indikator dalam urutan kode lalu nomor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "422", description = "pemda, tahun, opd atau bulan tidak valid",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<IndikatorResponse> list(
            @QueryParam("bulan") @Parameter(description = "Realisasi sampai bulan ini (1..12); bawaan: bulan terakhir", example = "12")
            Integer bulan) {
        Violations v = new Violations();
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
        asOf(v, bulan);
        v.throwIfAny();
        return service.indicators(dpa).stream().map(i -> IndikatorResponse.of(i, bulan)).toList();
    }

    @PUT
    @Requires(Action.BULK_WRITE)
    @Path("/nodes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "simpanIndikatorNode", summary = "Simpan daftar lengkap indikator node",
            description = "Untuk setiap node yang disebut: daftar lengkap indikatornya (butir ke-i = nomor i+1) dan sasarannya "
                    + "(program saja); indikator di luar daftar dihapus (atau dipertahankan apa adanya dengan "
                    + "lainnya=pertahankan, seperti impor tabel), isian opsional yang tidak disebut (rumus, renstra, "
                    + "sasaran) dikosongkan, agregasi kembali ke akhir. Satu transaksi, idempoten: yang tidak berubah tidak "
                    + "menerbitkan event; sasaran yang berubah mengumumkan ulang semua indikator node itu.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NodeRequest.class),
            examples = @ExampleObject(name = "ARG", value = """
                    [{"kode": "2.08.02", "indikator": [{"nama": "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten",
                      "satuan": "%", "polaritas": "positif", "target": 65}]}]""")))
    @APIResponse(responseCode = "200", description = "Indikator hidup node-node itu",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "400", description = "Isi bukan JSON atau tipe salah",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Isi terlalu besar",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Isian tidak valid, misalnya [0].indikator[0].target; tidak ada yang ditulis",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<IndikatorResponse> putNodes(
            @QueryParam("lainnya") @Parameter(description = "Indikator hidup di luar daftar: hapus (bawaan) atau "
                    + "pertahankan", schema = @Schema(type = SchemaType.STRING, enumeration = {"hapus", "pertahankan"}))
            String lainnya,
            List<NodeRequest> body) {
        Violations v = new Violations();
        boolean keepOthers = "pertahankan".equals(lainnya);
        if (lainnya != null && !keepOthers && !"hapus".equals(lainnya)) {
            throw ProblemException.badRequest("lainnya", "lainnya harus hapus atau pertahankan");
        }
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
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
    @Operation(operationId = "indikatorNode", summary = "Indikator satu node")
    @APIResponse(responseCode = "200", description = "Indikator hidup node itu, urut nomor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "404", description = "Node tanpa indikator",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "pemda, tahun, opd, kode atau bulan tidak valid",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<IndikatorResponse> node(
            @PathParam("kode") @Parameter(description = "Kode nomenklatur", example = "2.08.02") String kode,
            @QueryParam("bulan") @Parameter(description = "Realisasi sampai bulan ini (1..12)", example = "12") Integer bulan) {
        Violations v = new Violations();
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.kode(v, "kode", kode);
        asOf(v, bulan);
        v.throwIfAny();
        return service.indicators(dpa, k).stream().map(i -> IndikatorResponse.of(i, bulan)).toList();
    }

    @DELETE
    @Requires(Action.WRITE)
    @Path("/nodes/{kode}/indikator/{nomor}")
    @Operation(operationId = "hapusIndikator", summary = "Hapus satu indikator",
            description = "Diumumkan sekali lagi dengan removed: true dan versi yang lebih tinggi.")
    @APIResponse(responseCode = "204", description = "Dihapus")
    @APIResponse(responseCode = "404", description = "Indikator tidak ada",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "pemda, tahun, opd, kode atau nomor tidak valid",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public void remove(
            @PathParam("kode") @Parameter(example = "2.08.02") String kode,
            @PathParam("nomor") @Parameter(example = "1") int nomor) {
        Violations v = new Violations();
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.kode(v, "kode", kode);
        IndicatorRules.nomor(v, "nomor", nomor);
        v.throwIfAny();
        service.removeIndicator(dpa, k, nomor);
    }

    @PUT
    @Requires(Action.WRITE)
    @Path("/nodes/{kode}/indikator/{nomor}/realisasi/{bulan}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(operationId = "simpanRealisasiIndikator", summary = "Realisasi satu indikator sampai akhir bulan",
            description = "Nilai yang dicapai sampai akhir bulan itu (idempoten). application/json: {\"nilai\": 27.54} "
                    + "dengan angka JSON. text/plain: angka format Indonesia, koma desimal dan titik ribuan (27,54; 1.250). "
                    + "Bulan yang sudah ditutup menjawab 409 bulan-tertutup.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NilaiRequest.class),
                    examples = @ExampleObject(name = "ARG", value = "{\"nilai\": 27.54}")),
            @Content(mediaType = MediaType.TEXT_PLAIN,
                    schema = @Schema(type = SchemaType.STRING, pattern = "^-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?$",
                            description = "Angka format Indonesia"),
                    examples = @ExampleObject(name = "ARG", value = "27,54"))})
    @APIResponse(responseCode = "200", description = "Indikator dengan realisasi, capaian dan predikat terbaru",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "400", description = "Isi bukan JSON, atau teks yang bukan angka",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Indikator tidak ada",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Bulan sudah ditutup setelah evaluasi triwulan (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan-tertutup", value = P409_BULAN)))
    @APIResponse(responseCode = "415", description = "Jenis isi selain application/json atau text/plain",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Nilai negatif, lebih dari 4 desimal atau ≥ 10^15; bulan di luar 1..12",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public IndikatorResponse putRealisasi(
            @PathParam("kode") @Parameter(example = "2.08.02") String kode,
            @PathParam("nomor") @Parameter(example = "1") int nomor,
            @PathParam("bulan") @Parameter(description = "1..12", example = "12") int bulan,
            HttpHeaders headers, String body) throws JsonProcessingException {
        BigDecimal nilai = readNilai(headers.getMediaType(), body);
        Violations v = new Violations();
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
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
    @Operation(operationId = "seriRealisasiIndikator", summary = "Seri realisasi bulanan satu indikator")
    @APIResponse(responseCode = "200", description = "Bulan-bulan yang dilaporkan, urut bulan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RealisasiBulan.class),
                    examples = @ExampleObject(name = "ARG", value = "[{\"bulan\": 6, \"nilai\": 12.5}, {\"bulan\": 12, \"nilai\": 27.54}]")))
    @APIResponse(responseCode = "404", description = "Indikator tidak ada",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "pemda, tahun, opd, kode atau nomor tidak valid",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<RealisasiBulan> series(
            @PathParam("kode") @Parameter(example = "2.08.02") String kode,
            @PathParam("nomor") @Parameter(example = "1") int nomor) {
        Violations v = new Violations();
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
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
    @Operation(operationId = "simpanRealisasiBanyak", summary = "Realisasi banyak indikator untuk satu bulan",
            description = "Satu transaksi: semua indikator harus ada, kalau tidak tidak ada yang ditulis. Idempoten. "
                    + "Bulan yang sudah ditutup menjawab 409 bulan-tertutup.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RealisasiRequest.class),
            examples = @ExampleObject(name = "ARG", value = "[{\"kode\": \"2.08.02\", \"nomor\": 1, \"nilai\": 27.54}]")))
    @APIResponse(responseCode = "200", description = "Indikator-indikator itu dengan capaian terbaru, dalam urutan permintaan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IndikatorResponse.class)))
    @APIResponse(responseCode = "400", description = "Isi bukan JSON atau tipe salah",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Satu atau lebih indikator tidak ada (semua disebut di errors)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Bulan sudah ditutup setelah evaluasi triwulan (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan-tertutup", value = P409_BULAN)))
    @APIResponse(responseCode = "413", description = "Isi terlalu besar",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Isian tidak valid, misalnya [3].nilai; tidak ada yang ditulis",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<IndikatorResponse> putRealisasiBulk(
            @PathParam("bulan") @Parameter(description = "1..12", example = "12") int bulan,
            List<RealisasiRequest> body) {
        Violations v = new Violations();
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
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
    @Operation(operationId = "simpanProgresFisik", summary = "Progres fisik satu sub kegiatan sampai akhir bulan",
            description = "Persen pekerjaan yang selesai sampai akhir bulan itu, 0 sampai 100, paling banyak 2 desimal "
                    + "(idempoten). Nilai di bawah bulan sebelumnya diterima sebagai koreksi. application/json: "
                    + "{\"persen\": 45.5} dengan angka JSON. text/plain: angka format Indonesia (45,5). Bulan yang sudah "
                    + "ditutup menjawab 409 bulan-tertutup.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersenRequest.class),
                    examples = @ExampleObject(name = "Juni", value = "{\"persen\": 45.5}")),
            @Content(mediaType = MediaType.TEXT_PLAIN,
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{1,3}(,\\d{1,2})?$",
                            description = "Angka format Indonesia, koma desimal"),
                    examples = @ExampleObject(name = "Juni", value = "45,5"))})
    @APIResponse(responseCode = "200", description = "Seri progres fisik sub kegiatan itu setelah ditulis, urut bulan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProgresBulan.class),
                    examples = @ExampleObject(name = "Juni", value = "[{\"bulan\": 6, \"persen\": 45.50}]")))
    @APIResponse(responseCode = "400", description = "Isi bukan JSON",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Bulan sudah ditutup setelah evaluasi triwulan (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan-tertutup", value = P409_BULAN)))
    @APIResponse(responseCode = "415", description = "Jenis isi selain application/json atau text/plain",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "persen bukan angka 0 sampai 100 dengan paling banyak 2 desimal; kode "
            + "bukan sub kegiatan; bulan di luar 1..12. Tidak ada yang ditulis",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<ProgresBulan> putProgres(
            @PathParam("kode") @Parameter(description = "Kode sub kegiatan", example = "2.08.02.2.01.0001") String kode,
            @PathParam("bulan") @Parameter(description = "1..12", example = "6") int bulan,
            HttpHeaders headers, String body) throws JsonProcessingException {
        Violations v = new Violations();
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.subKegiatan(v, "kode", kode);
        Rules.bulan(v, "bulan", bulan);
        BigDecimal persen = readPersen(v, headers.getMediaType(), body);
        v.throwIfAny();
        return progres(service.setProgres(dpa, k, bulan, persen));
    }

    @GET
    @Requires(Action.READ)
    @Path("/nodes/{kode}/progres")
    @Operation(operationId = "seriProgresFisik", summary = "Seri progres fisik bulanan satu sub kegiatan")
    @APIResponse(responseCode = "200", description = "Bulan-bulan yang dilaporkan, urut bulan; kosong bila belum ada",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProgresBulan.class),
                    examples = @ExampleObject(name = "Juni dan Desember",
                            value = "[{\"bulan\": 6, \"persen\": 45.50}, {\"bulan\": 12, \"persen\": 100.00}]")))
    @APIResponse(responseCode = "422", description = "pemda, tahun, opd tidak valid, atau kode bukan sub kegiatan",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<ProgresBulan> progres(
            @PathParam("kode") @Parameter(description = "Kode sub kegiatan", example = "2.08.02.2.01.0001") String kode) {
        Violations v = new Violations();
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
        Kode k = IndicatorRules.subKegiatan(v, "kode", kode);
        v.throwIfAny();
        return progres(service.progres(dpa, k));
    }

    @PUT
    @Requires(Action.BULK_WRITE)
    @Path("/progres/{bulan}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "simpanProgresFisikBanyak", summary = "Progres fisik banyak sub kegiatan untuk satu bulan",
            description = "Untuk impor. Satu transaksi: setiap kesalahan disebut dengan indeksnya dan tidak ada yang ditulis. "
                    + "Idempoten per butir.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ProgresRequest.class),
            examples = @ExampleObject(name = "Juni", value = "[{\"kode\": \"2.08.02.2.01.0001\", \"persen\": 45.5}, "
                    + "{\"kode\": \"2.08.02.2.01.0002\", \"persen\": 60}]")))
    @APIResponse(responseCode = "200", description = "Ditulis (atau sudah demikian)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteSummary.class),
                    examples = @ExampleObject(name = "baru", value = "{\"created\": 2, \"updated\": 0, \"unchanged\": 0, \"events\": 2}")))
    @APIResponse(responseCode = "400", description = "Isi bukan JSON atau bukan larik",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Bulan sudah ditutup setelah evaluasi triwulan (bulan-tertutup)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bulan-tertutup", value = P409_BULAN)))
    @APIResponse(responseCode = "413", description = "Isi terlalu besar",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Isian tidak valid, misalnya [3].persen atau [1].kode (bukan sub kegiatan, "
            + "atau disebut dua kali); tidak ada yang ditulis",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public WriteSummary putProgresBulk(
            @PathParam("bulan") @Parameter(description = "1..12", example = "6") int bulan,
            String body) throws JsonProcessingException {
        List<ProgresRequest> items = body == null || body.isEmpty() ? null
                : numbers().forType(new TypeReference<List<ProgresRequest>>() { }).readValue(body);
        Violations v = new Violations();
        Dpa dpa = Dpa.of(v, pemda, tahun, opd);
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
