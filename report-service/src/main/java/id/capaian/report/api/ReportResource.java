package id.capaian.report.api;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.report.domain.CapaianTable;
import id.capaian.report.domain.Dpa;
import id.capaian.report.domain.Reports;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The LKPJ chapter III tables of one OPD and year. */
@Path("/api/v1/reports/{pemda}/{tahun}/{opd}")
@Tag(name = "Laporan", description = "Tabel Capaian Pelaksanaan Program, Kegiatan dan Sub Kegiatan (LKPJ bab III) dan analisisnya")
public class ReportResource {

    @Inject Reports reports;

    @GET
    @Path("capaian")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tabel capaian satu OPD, satu urusan, satu tahun",
            description = "Baris program, kegiatan dan sub kegiatan dalam urutan kode, masing-masing dengan indikator "
                    + "(target, realisasi, capaian, predikat), anggaran (pagu, realisasi, capaian keuangan, sisa) dan "
                    + "anotasi; ditambah baris TOTAL. Capaian yang tidak terdefinisi (pembagi nol) bernilai null.")
    @APIResponse(responseCode = "200", description = "Tabel", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CapaianTable.class)))
    @APIResponse(responseCode = "400", description = "Parameter tidak valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Belum ada data untuk OPD, tahun dan urusan ini",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CapaianTable capaian(
            @Parameter(description = "Kode pemda", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "Kode OPD", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Kode bidang urusan", example = "2.08", required = true) @QueryParam("urusan") String urusan,
            @Parameter(description = "Keadaan per akhir bulan (1..12); bawaan 12, yaitu realisasi terakhir", example = "12")
            @QueryParam("bulan") String bulan) {
        Query q = Query.of(pemda, tahun, opd, urusan, bulan);
        return reports.capaian(q.dpa(), q.urusan(), q.bulan());
    }

    /** The validated parameters of a report request. */
    record Query(Dpa dpa, Kode urusan, int bulan) {

        static Query of(String pemda, String tahun, String opd, String urusan, String bulan) {
            Violations v = new Violations();
            Integer t = integer(v, "tahun", tahun);
            Rules.dpa(v, pemda, t, opd);
            Kode u = Kode.parse(urusan).filter(k -> k.level() == Level.URUSAN).orElse(null);
            v.check(u != null, "urusan", "kode bidang urusan seperti 2.08");
            Integer b = bulan == null ? Integer.valueOf(12) : integer(v, "bulan", bulan);
            if (b != null) {
                Rules.bulan(v, "bulan", b);
            }
            if (!v.isEmpty()) {
                throw new id.capaian.core.problem.ProblemException(400, "permintaan-tidak-valid",
                        "Permintaan tidak valid", v.errors().get(0).field() + ": " + v.errors().get(0).message(),
                        v.errors());
            }
            return new Query(new Dpa(pemda, t, opd), u, b);
        }

        private static Integer integer(Violations v, String field, String text) {
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                v.add(field, "harus bilangan bulat");
                return null;
            }
        }
    }
}
