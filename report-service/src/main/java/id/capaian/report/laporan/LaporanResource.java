package id.capaian.report.laporan;

import id.capaian.core.domain.DpaRef;
import id.capaian.report.imports.Tabel;
import id.capaian.report.tenant.Params;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.report.export.Answers;
import id.capaian.report.export.Format;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The LKPJ chapter III table of one OPD, urusan and year, and its analysis, in the form the client asks
 * for: the {@code format} query parameter if given, else the {@code Accept} header, else JSON. The
 * numbers come from {@link LaporanService}; the forms only present them ({@code id.capaian.report.export}).
 */
@Path("/api/v1/reports/{pemda}/{tahun}/{opd}")
@Tag(name = "Laporan", description = "The Capaian Pelaksanaan Program, Kegiatan dan Sub Kegiatan table (LKPJ chapter III) and its analysis")
public class LaporanResource {

    static final Set<Format> TABLE_FORMATS = EnumSet.allOf(Format.class);
    static final Set<Format> ANALISIS_FORMATS = EnumSet.of(Format.JSON, Format.HTML);

    static final String TABLE_JSON_EXAMPLE = """
            {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB",
             "urusan": {"kode": "2.08", "uraian": "URUSAN PEMERINTAHAN BIDANG PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK"},
             "bulan": 12,
             "status": "FINAL",
             "kunci": {"pemda": "63.10", "tahun": 2024, "opd": null, "alasan": "LKPJ 2024 disampaikan ke DPRD",
                       "oleh": "bappeda-verifikator-1", "nama": "Ahmad Fauzi", "sejak": "2025-03-31T02:00:00Z"},
             "rows": [
              {"kode": "2.08.02", "level": "PROGRAM", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan",
               "indikator": [{"nomor": 1, "nama": "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten", "satuan": "%",
                 "polaritas": "positif", "rumus": null, "target": 65, "realisasi": 27.54, "capaian": 42.37, "predikat": "Sangat Rendah"}],
               "anggaran": {"paguMurni": 1538412800.00, "pagu": 1538412800.00, "realisasi": 1447984582.00, "capaian": 94.12, "sisa": 90428218.00},
               "kebijakan": "Menyusun kebijakan Peraturan Daerah tentang PPRG", "permasalahan": null, "upaya": null, "tindakLanjut": null},
              {"kode": "2.08.07.2.01.0091", "level": "SUB_KEGIATAN", "uraian": "Penguatan Kerja Sama Lintas Perangkat Daerah …",
               "indikator": [{"nomor": 1, "nama": "Jumlah kegiatan pencegahan kekerasan terhadap anak terpadu", "satuan": "kegiatan",
                 "polaritas": "positif", "rumus": null, "target": 28, "realisasi": 28, "capaian": 100.00, "predikat": "Sangat Tinggi"}],
               "anggaran": {"paguMurni": 0.00, "pagu": 0.00, "realisasi": 0.00, "capaian": null, "sisa": 0.00},
               "kebijakan": null, "permasalahan": null, "upaya": null, "tindakLanjut": null}],
             "total": {"anggaran": {"paguMurni": 3555368700.00, "pagu": 3555368700.00, "realisasi": 3214176245.00, "capaian": 90.40, "sisa": 341192455.00},
                     "predikat": "Tinggi"}}""";

    static final String CSV_EXAMPLE = "No;Kode;Urusan Pemerintahan;Organisasi Perangkat Daerah Pelaksana;Kebijakan;"
            + "Uraian Prog/Keg/Sub Kegiatan;Indikator Kinerja Prog/Keg/Sub Kegiatan;Target Fisik;Target Anggaran;"
            + "Realisasi Fisik;Realisasi Anggaran;Capaian Fisik (%);Capaian Keuangan (%);Predikat Fisik;"
            + "Predikat Keuangan;Permasalahan;Upaya Mengatasi Permasalahan;Tindak Lanjut Rekomendasi DPRD\n"
            + "1;2.08.02;2.08 PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK;P3AP2KB;Menyusun kebijakan Peraturan Daerah tentang PPRG;"
            + "PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN;"
            + "Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten (%);65;1.538.412.800;27,54;1.447.984.582;"
            + "42,37;94,12;Sangat Rendah;Sangat Tinggi;;;\n"
            + ";;;;;TOTAL;;;3.555.368.700;;3.214.176.245;;90,4;;Tinggi;;;\n"
            + ";;;;;Status: FINAL (tahun 2024 dikunci 31 Maret 2025 oleh Ahmad Fauzi: LKPJ 2024 disampaikan ke DPRD);;;;;;;;;;;;\n";

    static final String HTML_EXAMPLE = "<!DOCTYPE html>\n<html lang=\"id\">…<h1>Tabel Capaian Pelaksanaan Program, Kegiatan "
            + "dan Sub Kegiatan Urusan Pemerintahan Bidang Pemberdayaan Perempuan dan Perlindungan Anak (2.08) pada OPD "
            + "P3AP2KB TA 2024</h1>…<p class=\"status final\">Status: FINAL (tahun 2024 dikunci 31 Maret 2025 oleh "
            + "Ahmad Fauzi: LKPJ 2024 disampaikan ke DPRD)</p>…<tr class=\"total\"><td class=\"c\" colspan=\"7\">TOTAL</td>…"
            + "<td class=\"n\">3.555.368.700</td>…<td class=\"n\">3.214.176.245</td>…</html>";

    static final String ANALISIS_JSON_EXAMPLE = """
            {"pemda": "63.10", "tahun": 2024, "opd": "P3AP2KB",
             "urusan": {"kode": "2.08", "uraian": "URUSAN PEMERINTAHAN BIDANG PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK"},
             "bulan": 12,
             "pengantar": "Berdasarkan tabel di atas, capaian kinerja P3AP2KB tahun 2024 pada Urusan Pemerintahan Bidang Pemberdayaan Perempuan dan Perlindungan Anak dianalisis …",
             "program": [{"kode": "2.08.02", "uraian": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan",
               "paragraf": "1. PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN, diukur dengan indikator Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten (%). Dari target sebesar 65% dengan realisasi 27,54% atau dengan tingkat capaian 42,37% (predikat Sangat Rendah). Anggaran program sebesar Rp 1.538.412.800 terealisasi Rp 1.447.984.582 atau 94,12%. Program ini didukung oleh 3 kegiatan dan 5 sub kegiatan.",
               "kegiatan": [{"kode": "2.08.02.2.01", "uraian": "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota",
                 "paragraf": "a. Kegiatan Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota, diukur dengan indikator Persentase lembaga pemerintah dan Non Pemerintah yang membentuk pokja dan fokal point (%) dengan target tahun 2024 sebesar 100% dan terealisasi 100% atau dengan tingkat capaian 100%.",
                 "subKegiatan": [{"kode": "2.08.02.2.01.0003", "uraian": "Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG",
                   "paragraf": "1) Sub Kegiatan Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG dengan indikator Jumlah Perangkat Daerah yang Mengikuti Advokasi … . Dari target tahun 2024 sebanyak 50 perangkat daerah dan terealisasi 50 perangkat daerah atau dengan tingkat capaian 100%."}]}]}]}""";

    static final String PROBLEM_400 = """
            {"type": "/problems/permintaan-tidak-valid", "title": "Permintaan tidak valid", "status": 400,
             "detail": "format 'pdf' tidak tersedia; pilih salah satu: json, html, csv, xlsx",
             "instance": "/api/v1/reports/63.10/2024/P3AP2KB/capaian",
             "errors": [{"field": "format", "message": "format 'pdf' tidak tersedia; pilih salah satu: json, html, csv, xlsx"}]}""";
    static final String PROBLEM_404 = """
            {"type": "/problems/tidak-ditemukan", "title": "Tidak ditemukan", "status": 404,
             "detail": "Laporan P3AP2KB 2024 urusan 2.08 tidak ditemukan",
             "instance": "/api/v1/reports/63.10/2024/P3AP2KB/capaian",
             "errors": [{"field": "urusan", "message": "Laporan P3AP2KB 2024 urusan 2.08 tidak ditemukan"}]}""";
    static final String PROBLEM_406 = """
            {"type": "/problems/format-tidak-tersedia", "title": "Format tidak tersedia", "status": 406,
             "detail": "Accept 'application/pdf' tidak dapat dipenuhi; tersedia: application/json, text/html, text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (atau parameter format=json|html|csv|xlsx)",
             "instance": "/api/v1/reports/63.10/2024/P3AP2KB/capaian",
             "errors": [{"field": "Accept", "message": "Accept 'application/pdf' tidak dapat dipenuhi; …"}]}""";

    @Inject LaporanService reports;
    @Inject Html html;

    @GET
    @Path("capaian")
    @Requires(value = Action.READ, publicWhenLocked = true)
    @Operation(operationId = "getCapaian", summary = "The capaian table of one OPD, one urusan, one year (JSON, CSV, XLSX, HTML)",
            description = """
                    Program, kegiatan and sub kegiatan rows in code order, each with its indicators \
                    (target, realisasi, capaian, predikat), its anggaran (pagu, realisasi, capaian keuangan, sisa) and \
                    its annotations; then the TOTAL row.

                    **Status**: `FINAL` while the year (or this OPD of it) is locked in report-service (`kunci` says \
                    who, when and why), else `DRAFT` (`kunci` null; the numbers may still change). CSV, XLSX and \
                    HTML write it as a line "Status: FINAL (…)" or "Status: DRAFT (…)". With \
                    `capaian.reports.public-when-locked=true`, a FINAL report can be read without a token; a DRAFT \
                    never.

                    **Form** chosen by the `format` parameter (json|csv|xlsx|html) when given, else by the `Accept` \
                    header (q-values and wildcards honoured), JSON by default. An unknown `format`: 400; an \
                    `Accept` that cannot be satisfied: 406.

                    - **JSON**: plain JSON numbers; an undefined capaian (division by zero) is null.
                    - **CSV** (`text/csv`, attachment): RFC 4180 (lines end in CRLF; fields holding `;`, `"` or a line break are quoted), UTF-8 with BOM, **semicolon** separator (`;`), \
                    numbers in **Indonesian format** (`1.538.412.800`, `27,54`), since it is meant to be opened by \
                    people in an Excel with an Indonesian locale; an undefined capaian is written `-`. One line per \
                    indicator; anggaran, No, kebijakan and annotations only on a node's first line (columns add up \
                    without double counting); the last line is TOTAL.
                    - **XLSX** (attachment): the layout of table III.11 (title, a two-line header with TARGET, REALISASI, \
                    CAPAIAN and PREDIKAT each over FISIK and ANGGARAN/KEUANGAN), number cells typed as numbers with \
                    the format `#,##0`/`#,##0.00` (shown in the reader's locale), a bold TOTAL row, ready to print \
                    on A4 landscape, one page wide, the header repeated on every page.
                    - **HTML**: a self-contained page (inline CSS, no external assets or scripts) that prints neatly on A4 landscape.

                    Columns: No, Kode, Urusan Pemerintahan, OPD Pelaksana, Kebijakan, Uraian, Indikator Kinerja, \
                    Target (Fisik, Anggaran), Realisasi (Fisik, Anggaran), Capaian % (Fisik, Keuangan), \
                    Predikat (Fisik, Keuangan), Permasalahan, Upaya Mengatasi Permasalahan, Tindak Lanjut \
                    Rekomendasi DPRD.""")
    @APIResponse(responseCode = "200", description = "Table", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapaianTable.class),
                examples = @ExampleObject(name = "P3AP2KB 2024", value = TABLE_JSON_EXAMPLE)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                description = "RFC 4180, UTF-8 with BOM, separator ';', numbers in Indonesian format"),
                examples = @ExampleObject(name = "awal dan TOTAL", value = CSV_EXAMPLE)),
        @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                description = "Workbook Excel (Office Open XML)")),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "halaman", value = HTML_EXAMPLE))})
    @APIResponse(responseCode = "400", description = "Malformed parameter (tahun, opd, urusan, bulan, format)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "format", value = PROBLEM_400)))
    @APIResponse(responseCode = "404", description = "No data yet for this OPD, year and urusan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tidak ada", value = PROBLEM_404)))
    @APIResponse(responseCode = "406", description = "The Accept header cannot be satisfied by any form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "accept", value = PROBLEM_406)))
    public Response capaian(
            @Parameter(description = "Pemda code", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran (budget year)", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "OPD code", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Bidang urusan code", example = "2.08", required = true) @QueryParam("urusan") String urusan,
            @Parameter(description = "State as of the end of the month (1..12); default 12, the latest realisasi", example = "12")
            @QueryParam("bulan") String bulan,
            @Parameter(description = "The answer's form; overrides the Accept header",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx", "html"}))
            @QueryParam("format") String format,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Format f = Format.choose(format, accept, TABLE_FORMATS);
        Query q = Query.of(pemda, tahun, opd, urusan, bulan);
        CapaianTable t = reports.capaian(q.dpa(), q.urusan(), q.bulan());
        return switch (f) {
            case JSON -> Answers.ok(f, t).build();
            case CSV -> Answers.attachment(Answers.ok(f, Csv.render(t)), Texts.fileName("capaian", t) + ".csv");
            case XLSX -> Answers.attachment(Answers.ok(f, Xlsx.render(t)), Texts.fileName("capaian", t) + ".xlsx");
            case HTML -> Answers.html(Answers.ok(f, html.table(t)));
        };
    }

    @GET
    @Path("analisis")
    @Requires(value = Action.READ, publicWhenLocked = true)
    @Operation(operationId = "getAnalisis", summary = "Analysis of the capaian per program, kegiatan and sub kegiatan (JSON, HTML)",
            description = """
                    For each program, an analysis paragraph in Indonesian like part b of LKPJ chapter III \
                    ("… Dari target sebesar 65% dengan realisasi 27,54% atau dengan tingkat capaian 42,37% (predikat \
                    Sangat Rendah). Anggaran program sebesar Rp 1.538.412.800 terealisasi Rp 1.447.984.582 atau \
                    94,12%."), then its kegiatan (a., b., …) and sub kegiatan (1), 2), …) with their paragraphs, all \
                    generated from the numbers of the capaian table. An undefined capaian is written "capaian tidak \
                    dapat dihitung"; a realisasi not reported yet "belum ada realisasi". The program's kebijakan \
                    (annotation) is included when there is one.

                    Form: the `format` parameter (json|html) when given, else the `Accept` header; JSON by default. \
                    Like its table, it can be read without a token when FINAL and `capaian.reports.public-when-locked=true`.""")
    @APIResponse(responseCode = "200", description = "Analysis", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Analisis.class),
                examples = @ExampleObject(name = "P3AP2KB 2024", value = ANALISIS_JSON_EXAMPLE)),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "halaman", value = "<!DOCTYPE html>\n<html lang=\"id\">…"
                      + "<p class=\"program\">1. PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN, diukur …</p>…</html>"))})
    @APIResponse(responseCode = "400", description = "Malformed parameter (tahun, opd, urusan, bulan, format)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "format", value = PROBLEM_400)))
    @APIResponse(responseCode = "404", description = "No data yet for this OPD, year and urusan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tidak ada", value = PROBLEM_404)))
    @APIResponse(responseCode = "406", description = "The Accept header asks for neither JSON nor HTML",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "accept", value = PROBLEM_406)))
    public Response analisis(
            @Parameter(description = "Pemda code", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran (budget year)", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "OPD code", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Bidang urusan code", example = "2.08", required = true) @QueryParam("urusan") String urusan,
            @Parameter(description = "State as of the end of the month (1..12); default 12", example = "12") @QueryParam("bulan") String bulan,
            @Parameter(description = "The answer's form; overrides the Accept header",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "html"}))
            @QueryParam("format") String format,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Format f = Format.choose(format, accept, ANALISIS_FORMATS);
        Query q = Query.of(pemda, tahun, opd, urusan, bulan);
        Analisis a = Analisis.of(reports.capaian(q.dpa(), q.urusan(), q.bulan()));
        return f == Format.HTML ? Answers.html(Answers.ok(f, html.analisis(a))) : Answers.ok(f, a).build();
    }

    /** The validated parameters of a report request. */
    record Query(DpaRef dpa, Kode urusan, int bulan) {

        static Query of(String pemda, String tahun, String opd, String urusan, String bulan) {
            Violations v = new Violations();
            Integer t = Params.integer(v, "tahun", tahun);
            Rules.dpa(v, pemda, t, opd);
            Kode u = Kode.parse(urusan).filter(k -> k.level() == Level.URUSAN).orElse(null);
            v.check(u != null, "urusan", "kode bidang urusan seperti 2.08");
            Integer b = bulan == null ? Integer.valueOf(12) : Params.integer(v, "bulan", bulan);
            if (b != null) {
                Rules.bulan(v, "bulan", b);
            }
            v.throwIfAnyParameter();
            return new Query(new DpaRef(pemda, t, opd), u, b);
        }
    }
}
