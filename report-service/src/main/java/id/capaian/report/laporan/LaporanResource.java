package id.capaian.report.laporan;

import id.capaian.report.imports.Tabel;
import id.capaian.report.tenant.Params;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Level;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.report.tenant.Dpa;
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
@Tag(name = "Laporan", description = "Tabel Capaian Pelaksanaan Program, Kegiatan dan Sub Kegiatan (LKPJ bab III) dan analisisnya")
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
               "anggaran": {"pagu": 1538412800.00, "realisasi": 1447984582.00, "capaian": 94.12, "sisa": 90428218.00},
               "kebijakan": "Menyusun kebijakan Peraturan Daerah tentang PPRG", "permasalahan": null, "upaya": null, "tindakLanjut": null},
              {"kode": "2.08.07.2.01.0091", "level": "SUB_KEGIATAN", "uraian": "Penguatan Kerja Sama Lintas Perangkat Daerah …",
               "indikator": [{"nomor": 1, "nama": "Jumlah kegiatan pencegahan kekerasan terhadap anak terpadu", "satuan": "kegiatan",
                 "polaritas": "positif", "rumus": null, "target": 28, "realisasi": 28, "capaian": 100.00, "predikat": "Sangat Tinggi"}],
               "anggaran": {"pagu": 0.00, "realisasi": 0.00, "capaian": null, "sisa": 0.00},
               "kebijakan": null, "permasalahan": null, "upaya": null, "tindakLanjut": null}],
             "total": {"anggaran": {"pagu": 3555368700.00, "realisasi": 3214176245.00, "capaian": 90.40, "sisa": 341192455.00},
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
    @Operation(operationId = "getCapaian", summary = "Tabel capaian satu OPD, satu urusan, satu tahun (JSON, CSV, XLSX, HTML)",
            description = """
                    Baris program, kegiatan dan sub kegiatan dalam urutan kode, masing-masing dengan indikator \
                    (target, realisasi, capaian, predikat), anggaran (pagu, realisasi, capaian keuangan, sisa) dan \
                    anotasi; ditambah baris TOTAL.

                    **Status**: `FINAL` bila tahun itu (atau OPD ini) dikunci di report-service (`kunci` menyebut \
                    siapa, kapan dan mengapa), selain itu `DRAFT` (`kunci` null; angka masih dapat berubah). CSV, \
                    XLSX dan HTML menuliskannya sebagai baris "Status: FINAL (…)" atau "Status: DRAFT (…)". \
                    Bila `capaian.reports.public-when-locked=true`, laporan yang FINAL dapat dibaca tanpa token; \
                    DRAFT tidak pernah.

                    **Bentuk** dipilih dengan parameter `format` (json|csv|xlsx|html) bila ada, selain itu dengan \
                    header `Accept` (q-value dan wildcard dihormati), bawaan JSON. `format` yang tidak dikenal: 400; \
                    `Accept` yang tidak dapat dipenuhi: 406.

                    - **JSON**: angka JSON biasa; capaian yang tidak terdefinisi (pembagi nol) bernilai null.
                    - **CSV** (`text/csv`, lampiran): RFC 4180 (baris diakhiri CRLF, isian berisi `;`, `"` atau ganti baris dikutip), UTF-8 dengan BOM, pemisah **titik koma** (`;`), \
                    angka dalam **format Indonesia** (`1.538.412.800`, `27,54`) karena ditujukan untuk dibuka \
                    manusia di Excel berlokal Indonesia; capaian tidak terdefinisi ditulis `-`. Satu baris per \
                    indikator; anggaran, No, kebijakan dan anotasi hanya pada baris pertama sebuah node (kolom \
                    dapat dijumlahkan tanpa terhitung ganda); baris terakhir TOTAL.
                    - **XLSX** (lampiran): tata letak tabel III.11 (judul, header dua baris dengan TARGET, REALISASI, \
                    CAPAIAN dan PREDIKAT masing-masing membawahi FISIK dan ANGGARAN/KEUANGAN), sel angka \
                    bertipe angka dengan format `#,##0`/`#,##0.00` (tampil sesuai lokal pembaca), baris TOTAL \
                    tebal, siap cetak A4 landscape, muat satu halaman lebar, header diulang tiap halaman.
                    - **HTML**: halaman mandiri (CSS inline, tanpa aset luar/skrip) yang rapi dicetak A4 landscape.

                    Kolom: No, Kode, Urusan Pemerintahan, OPD Pelaksana, Kebijakan, Uraian, Indikator Kinerja, \
                    Target (Fisik, Anggaran), Realisasi (Fisik, Anggaran), Capaian % (Fisik, Keuangan), \
                    Predikat (Fisik, Keuangan), Permasalahan, Upaya Mengatasi Permasalahan, Tindak Lanjut \
                    Rekomendasi DPRD.""")
    @APIResponse(responseCode = "200", description = "Tabel", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CapaianTable.class),
                examples = @ExampleObject(name = "P3AP2KB 2024", value = TABLE_JSON_EXAMPLE)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                description = "RFC 4180, UTF-8 dengan BOM, pemisah ';', angka format Indonesia"),
                examples = @ExampleObject(name = "awal dan TOTAL", value = CSV_EXAMPLE)),
        @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                description = "Workbook Excel (Office Open XML)")),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "halaman", value = HTML_EXAMPLE))})
    @APIResponse(responseCode = "400", description = "Parameter tidak valid (tahun, opd, urusan, bulan, format)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "format", value = PROBLEM_400)))
    @APIResponse(responseCode = "404", description = "Belum ada data untuk OPD, tahun dan urusan ini",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tidak ada", value = PROBLEM_404)))
    @APIResponse(responseCode = "406", description = "Header Accept tidak dapat dipenuhi oleh bentuk mana pun",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "accept", value = PROBLEM_406)))
    public Response capaian(
            @Parameter(description = "Kode pemda", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "Kode OPD", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Kode bidang urusan", example = "2.08", required = true) @QueryParam("urusan") String urusan,
            @Parameter(description = "Keadaan per akhir bulan (1..12); bawaan 12, yaitu realisasi terakhir", example = "12")
            @QueryParam("bulan") String bulan,
            @Parameter(description = "Bentuk jawaban; mengalahkan header Accept",
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
    @Operation(operationId = "getAnalisis", summary = "Analisis capaian per program, kegiatan dan sub kegiatan (JSON, HTML)",
            description = """
                    Untuk tiap program, paragraf analisis dalam bahasa Indonesia seperti bagian b LKPJ bab III \
                    ("… Dari target sebesar 65% dengan realisasi 27,54% atau dengan tingkat capaian 42,37% (predikat \
                    Sangat Rendah). Anggaran program sebesar Rp 1.538.412.800 terealisasi Rp 1.447.984.582 atau \
                    94,12%."), lalu kegiatan (a., b., …) dan sub kegiatan (1), 2), …) dengan paragrafnya, semuanya \
                    dibangkitkan dari angka tabel capaian. Capaian yang tidak terdefinisi ditulis "capaian tidak \
                    dapat dihitung"; realisasi yang belum ada ditulis "belum ada realisasi". Kebijakan program \
                    (anotasi) disertakan bila ada.

                    Bentuk: parameter `format` (json|html) bila ada, selain itu header `Accept`; bawaan JSON. \
                    Seperti tabelnya, dapat dibaca tanpa token bila FINAL dan `capaian.reports.public-when-locked=true`.""")
    @APIResponse(responseCode = "200", description = "Analisis", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Analisis.class),
                examples = @ExampleObject(name = "P3AP2KB 2024", value = ANALISIS_JSON_EXAMPLE)),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "halaman", value = "<!DOCTYPE html>\n<html lang=\"id\">…"
                      + "<p class=\"program\">1. PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN, diukur …</p>…</html>"))})
    @APIResponse(responseCode = "400", description = "Parameter tidak valid (tahun, opd, urusan, bulan, format)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "format", value = PROBLEM_400)))
    @APIResponse(responseCode = "404", description = "Belum ada data untuk OPD, tahun dan urusan ini",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tidak ada", value = PROBLEM_404)))
    @APIResponse(responseCode = "406", description = "Header Accept tidak meminta JSON maupun HTML",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "accept", value = PROBLEM_406)))
    public Response analisis(
            @Parameter(description = "Kode pemda", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "Kode OPD", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Kode bidang urusan", example = "2.08", required = true) @QueryParam("urusan") String urusan,
            @Parameter(description = "Keadaan per akhir bulan (1..12); bawaan 12", example = "12") @QueryParam("bulan") String bulan,
            @Parameter(description = "Bentuk jawaban; mengalahkan header Accept",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "html"}))
            @QueryParam("format") String format,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Format f = Format.choose(format, accept, ANALISIS_FORMATS);
        Query q = Query.of(pemda, tahun, opd, urusan, bulan);
        Analisis a = Analisis.of(reports.capaian(q.dpa(), q.urusan(), q.bulan()));
        return f == Format.HTML ? Answers.html(Answers.ok(f, html.analisis(a))) : Answers.ok(f, a).build();
    }

    /** The validated parameters of a report request. */
    record Query(Dpa dpa, Kode urusan, int bulan) {

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
            return new Query(new Dpa(pemda, t, opd), u, b);
        }
    }
}
