package id.capaian.report.imports;

import id.capaian.report.tenant.Params;

import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.report.tenant.Dpa;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Import of a capaian table (LKPJ chapter III) into the owners, budget-service and indicator-service. */
@Path("/api/v1/imports/{pemda}/{tahun}/{opd}/capaian")
@Tag(name = "Impor", description = "Impor tabel capaian (TSV, CSV, XLSX) ke budget-service dan indicator-service")
public class ImportResource {

    static final String TSV_EXAMPLE = """
            kode\turaian\tindikator\tsatuan\tpolaritas\ttarget_fisik\ttarget_anggaran\trealisasi_fisik\trealisasi_anggaran
            2.08.02\tProgram Pengarusutamaan Gender dan Pemberdayaan Perempuan\tPersentase Anggaran yang Responsif Gender (ARG) pada Kabupaten\t%\tpositif\t65\t85.106.900\t27,54\t65.922.900
            2.08.02.2.01\tPelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota\tPersentase lembaga pemerintah dan Non Pemerintah yang membentuk pokja dan fokal point\t%\tpositif\t100\t85.106.900\t100\t65.922.900
            2.08.02.2.01.0003\tAdvokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG\tJumlah Perangkat Daerah yang Mengikuti Advokasi Kebijakan\tperangkat daerah\tpositif\t50\t73.810.300\t50\t55.926.300,00
            2.08.02.2.01.0004\tSosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG\tJumlah Perangkat Daerah yang Mengikuti Sosialisasi Kebijakan\tperangkat daerah\tpositif\t50\t11.296.600\t50\t9.996.600,00
            """;

    static final String CSV_EXAMPLE = """
            kode;uraian;indikator;satuan;polaritas;target_fisik;target_anggaran;realisasi_fisik;realisasi_anggaran
            2.08.02;Program Pengarusutamaan Gender dan Pemberdayaan Perempuan;Persentase Anggaran yang Responsif Gender (ARG) pada Kabupaten;%;positif;65;85.106.900;27,54;65.922.900
            2.08.02.2.01;"Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota";Persentase lembaga pemerintah dan Non Pemerintah yang membentuk pokja dan fokal point;%;positif;100;85.106.900;100;65.922.900
            2.08.02.2.01.0003;Advokasi Kebijakan dan Pendampingan Pelaksanaan PUG termasuk PPRG;Jumlah Perangkat Daerah yang Mengikuti Advokasi Kebijakan;perangkat daerah;positif;50;73.810.300;50;55.926.300,00
            2.08.02.2.01.0004;Sosialisasi Kebijakan Pelaksanaan PUG termasuk PPRG;Jumlah Perangkat Daerah yang Mengikuti Sosialisasi Kebijakan;perangkat daerah;positif;50;11.296.600;50;9.996.600,00
            """;

    static final String INVALID_EXAMPLE = """
            {"type": "/problems/impor-tidak-valid", "title": "Impor tidak valid", "status": 422,
             "detail": "3 masalah pada berkas impor. Tidak ada data yang ditulis; perbaiki semuanya lalu kirim ulang.",
             "instance": "/api/v1/imports/63.10/2024/P3AP2KB/capaian",
             "errors": [
               {"field": "baris 2, kolom target_anggaran", "message": "target_anggaran 1.538.412.801 tidak sama dengan jumlah target_anggaran 5 sub kegiatan di bawahnya, 1.538.412.800 (selisih 1)"},
               {"field": "baris 6, kolom polaritas", "message": "polaritas harus 'positif' atau 'negatif', bukan 'naik'"},
               {"field": "baris 12, kolom realisasi_anggaran", "message": "'1.53.000' bukan angka dengan format Indonesia (titik pemisah ribuan, koma desimal: 1.538.412.800 atau 27,54)"}]}""";

    static final String UNAVAILABLE_EXAMPLE = """
            {"type": "/problems/layanan-tidak-tersedia", "title": "Layanan tidak tersedia", "status": 503,
             "detail": "budget-service tidak dapat dihubungi di http://127.0.0.1:8081 (PUT nodes): Connection refused. Belum ada data yang ditulis.",
             "instance": "/api/v1/imports/63.10/2024/P3AP2KB/capaian",
             "errors": [{"field": "budget-service", "message": "tidak dapat dihubungi"}]}""";

    @Inject CapaianImport imports;

    @POST
    @Requires(Action.BULK_WRITE)
    @Consumes({TabelReader.TSV, TabelReader.CSV, TabelReader.XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importCapaian", summary = "Mengimpor tabel capaian program, kegiatan dan sub kegiatan satu OPD, satu tahun",
            description = """
                    Kolom (baris pertama, nama tidak peka huruf besar/kecil): kode, uraian, indikator, satuan, polaritas,
                    target_fisik, target_anggaran, realisasi_fisik, realisasi_anggaran; opsional rumus (rasio|selisih, untuk
                    indikator negatif). Baris program (kode 3 bagian), kegiatan (5) dan sub kegiatan (6); baris urusan ditolak.
                    Angka dalam format Indonesia (1.538.412.800; 55.926.300,00; 27,54). Indikator boleh kosong; bila diisi,
                    satuan, polaritas (positif|negatif) dan target_fisik wajib, realisasi_fisik boleh kosong. target_anggaran
                    dan realisasi_anggaran wajib di setiap baris; anggaran kegiatan dan program harus sama dengan jumlah
                    rinciannya, dan realisasi sub kegiatan tidak boleh melebihi pagunya.

                    Seluruh berkas diperiksa lebih dulu: bila ada satu saja masalah, jawaban 422 memuat SEMUA masalah
                    (field "baris 12, kolom target_anggaran"; baris judul = baris 1) dan tidak ada yang ditulis di mana pun.
                    Bila sah, data ditulis hanya lewat API pemiliknya: budget-service (simpul dengan uraian, pagu sub kegiatan,
                    realisasi anggaran bulan itu) dan indicator-service (indikator tiap simpul sebagai daftar lengkapnya,
                    realisasi fisik bulan itu); lalu report-service mencatat anggaran yang dinyatakan untuk setiap kegiatan dan
                    program (untuk audit selisih kemudian). Semua penulisan adalah PUT idempoten: impor ulang berkas yang sama
                    tidak mengubah apa pun, dan impor yang gagal di tengah jalan selesai dengan mengirim ulang berkas yang sama.
                    Simpul yang tidak ada di berkas dibiarkan (impor tidak menghapus).

                    Hak akses: operator OPD itu sendiri, integrasi dalam klaim token-nya, atau admin (BULK_WRITE). Token
                    pemanggil diteruskan ke budget-service dan indicator-service, yang memeriksanya lagi dan mencatat setiap
                    baris yang berubah di riwayatnya atas nama pemanggil; report-service mencatat satu entri import.capaian
                    (ringkasan jumlah dan total) di riwayatnya. Tahun (atau OPD) yang terkunci ditolak 409 sebelum apa pun
                    ditulis. Penolakan 401, 403 atau 409 dari pemilik data diteruskan dengan status yang sama, menyebut
                    layanannya.""")
    @RequestBody(required = true, description = "Tabel capaian; CSV berpemisah koma atau titik koma (tanda kutip RFC 4180), "
            + "UTF-8 kecuali charset disebut; XLSX: lembar pertama, baris judul di atas",
            content = {
                    @Content(mediaType = TabelReader.TSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "tsv", summary = "Satu program dengan satu kegiatan", value = TSV_EXAMPLE)),
                    @Content(mediaType = TabelReader.CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", summary = "Berpemisah titik koma", value = CSV_EXAMPLE)),
                    @Content(mediaType = TabelReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "Diimpor: jumlah program, kegiatan, sub kegiatan dan indikator, dan total anggaran program",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "Parameter tidak valid (pemda, tahun, OPD, bulan), charset tidak dikenal, atau XLSX tidak terbaca",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Berkas melebihi capaian.http.max-body-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Jenis isi selain text/tab-separated-values, text/csv atau XLSX",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Tahun atau OPD ini terkunci (tahun-terkunci), di report-service atau di "
            + "pemilik data (judul menyebut layanannya)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Berkas tidak valid (/problems/impor-tidak-valid, semua masalah sekaligus; "
            + "tidak ada yang ditulis), atau pemilik data menolak data (/problems/impor-ditolak, dengan rincian dari layanan itu)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "impor-tidak-valid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "502", description = "Layanan pemilik data menjawab dengan kesalahan (/problems/layanan-gagal), "
            + "rinciannya disertakan; kirim ulang berkas yang sama setelah diperbaiki",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Layanan pemilik data tidak dapat dihubungi (/problems/layanan-tidak-tersedia, "
            + "menyebut layanannya); kirim ulang berkas yang sama nanti",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "layanan-tidak-tersedia", value = UNAVAILABLE_EXAMPLE)))
    public ImportResult importCapaian(
            @Parameter(description = "Kode pemda", example = "63.10") @PathParam("pemda") String pemda,
            @Parameter(description = "Tahun anggaran", example = "2024") @PathParam("tahun") String tahun,
            @Parameter(description = "Kode OPD", example = "P3AP2KB") @PathParam("opd") String opd,
            @Parameter(description = "Bulan (1..12) yang realisasinya dilaporkan berkas ini, kumulatif sampai akhir bulan itu; bawaan 12",
                    example = "12") @QueryParam("bulan") String bulan,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        Dpa dpa = Params.dpa(pemda, tahun, opd);
        int month = bulan(bulan);
        return imports.importCapaian(dpa, month, TabelReader.read(body == null ? new byte[0] : body, contentType));
    }

    private static int bulan(String text) {
        if (text == null || text.isBlank()) {
            return 12;
        }
        Violations v = new Violations();
        Integer b = Params.integer(v, "bulan", text.strip());
        if (b != null) {
            Rules.bulan(v, "bulan", b);
        }
        Params.refuse(v);
        return b;
    }
}
