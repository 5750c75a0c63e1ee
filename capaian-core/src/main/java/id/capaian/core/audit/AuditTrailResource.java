package id.capaian.core.audit;

import id.capaian.core.domain.Kode;
import id.capaian.core.domain.Rules;
import id.capaian.core.domain.Violations;
import id.capaian.core.problem.Problem;
import id.capaian.core.security.Action;
import id.capaian.core.security.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The audit trail of this service's data for a pemda-year, read only: a page as JSON, or every matching
 * entry as CSV. Each service mounts it under its own path (a subclass with {@code @Path}).
 */
public abstract class AuditTrailResource {

    public static final int MAX_SIZE = 500;
    static final String CSV = "text/csv";
    static final String EX_PAGE = """
            {"items": [{"id": 1842, "waktu": "2025-01-14T03:12:45.120Z", "pelaku": "3f9a1c2e-operator-p3ap2kb",
              "nama": "Siti Rahmah", "peran": ["operator"], "aksi": "realisasi.ubah", "pemda": "63.10", "tahun": 2024,
              "opd": "P3AP2KB", "kode": "2.08.02.2.01.0003", "entitas": "realisasi/12",
              "sebelum": {"jumlah": 50000000.00}, "sesudah": {"jumlah": 55926300.00},
              "traceId": "4bf92f3577b34da6a3ce929d0e0e4736"}],
             "page": 0, "size": 50, "total": 1}""";
    static final String EX_CSV = """
            id;waktu;pelaku;nama;peran;aksi;pemda;tahun;opd;kode;entitas;sebelum;sesudah;trace_id
            1842;2025-01-14T03:12:45.120Z;3f9a1c2e-operator-p3ap2kb;Siti Rahmah;operator;realisasi.ubah;63.10;2024;P3AP2KB;2.08.02.2.01.0003;realisasi/12;"{""jumlah"":50000000.00}";"{""jumlah"":55926300.00}";4bf92f3577b34da6a3ce929d0e0e4736
            """;
    static final String P400 = """
            {"type": "/problems/permintaan-tidak-valid", "title": "Permintaan tidak valid", "status": 400,
             "detail": "size: 1 sampai 500", "errors": [{"field": "size", "message": "1 sampai 500"}]}""";

    @Inject AuditTrail trail;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Requires(Action.READ)
    @Operation(operationId = "getRiwayat", summary = "Read the audit trail of a pemda-year",
            description = "Every committed change of this service's data, newest first: who (token subject, name, "
                    + "roles), when, what (aksi, opd, kode, entitas) and the values before and after. Filter by opd, "
                    + "by node (kode) or by user (pelaku). Append-only: no API changes or deletes an entry. "
                    + "Ask for text/csv (Accept) to export every matching entry at once, oldest first; JSON otherwise.")
    @APIResponse(responseCode = "200", description = "A page of entries (JSON) or all of them (CSV, ';'-separated)",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class),
                            examples = @ExampleObject(name = "realisasi", value = EX_PAGE)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", value = EX_CSV))})
    @APIResponse(responseCode = "400", description = "Malformed path or query parameter", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "size", value = P400)))
    public Response get(@PathParam("pemda") String pemda, @PathParam("tahun") String tahun,
            @QueryParam("opd") @Parameter(description = "Only this OPD", example = "P3AP2KB") String opd,
            @QueryParam("kode") @Parameter(description = "Only this node", example = "2.08.02.2.01.0003") String kode,
            @QueryParam("pelaku") @Parameter(description = "Only this user (token subject)") String pelaku,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based page (JSON)") String page,
            @QueryParam("size") @DefaultValue("50") @Parameter(description = "1..500 (JSON)") String size,
            @Context HttpHeaders headers) {
        AuditTrail.Filter f = filter(pemda, tahun, opd, kode, pelaku);
        if (wantsCsv(headers)) {
            return csv(f, pemda + "-" + tahun);
        }
        Violations v = new Violations();
        Integer p = number(page);
        Integer s = number(size);
        v.check(p != null, "page", "bilangan bulat 0 atau lebih");
        v.check(s != null && s >= 1 && s <= MAX_SIZE, "size", "1 sampai " + MAX_SIZE);
        v.throwIfAnyParameter();
        return Response.ok(trail.page(f, p, s), MediaType.APPLICATION_JSON).build();
    }

    /** CSV only when asked for by name: a client that accepts anything gets JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(m -> !m.isWildcardType() && m.isCompatible(MediaType.valueOf(CSV))).orElse(false);
    }

    private Response csv(AuditTrail.Filter f, String name) {
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("id;waktu;pelaku;nama;peran;aksi;pemda;tahun;opd;kode;entitas;sebelum;sesudah;trace_id\n");
            trail.each(f, e -> {
                try {
                    w.write(String.join(";", String.valueOf(e.id()), String.valueOf(e.waktu()), cell(e.pelaku()),
                            cell(e.nama()), cell(String.join(",", e.peran())), cell(e.aksi()), cell(e.pemda()),
                            String.valueOf(e.tahun()), cell(e.opd()), cell(e.kode()), cell(e.entitas()),
                            cell(e.sebelum() == null ? null : e.sebelum().toString()),
                            cell(e.sesudah() == null ? null : e.sesudah().toString()), cell(e.traceId())));
                    w.write('\n');
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            w.flush();
        };
        return Response.ok(body, CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"riwayat-" + name + ".csv\"").build();
    }

    private static AuditTrail.Filter filter(String pemda, String tahun, String opd, String kode, String pelaku) {
        Violations v = new Violations();
        Integer t = number(tahun);
        Rules.pemdaTahun(v, pemda, t);
        if (opd != null) {
            Rules.opd(v, "opd", opd);
        }
        if (kode != null && Kode.parse(kode).isEmpty()) {
            v.add("kode", Kode.describe(kode));
        }
        v.check(pelaku == null || !pelaku.isBlank() && pelaku.length() <= 255, "pelaku", "1 sampai 255 karakter");
        v.throwIfAnyParameter();
        return new AuditTrail.Filter(pemda, t, opd, kode == null ? null : Kode.parse(kode).get().toString(), pelaku);
    }

    private static Integer number(String s) {
        return s != null && s.matches("\\d{1,9}") ? Integer.valueOf(s) : null;
    }

    /**
     * A CSV cell: text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
     * return; a name or a token subject can) is prefixed with an apostrophe, as report-service's export does;
     * quoted when it holds the separator, a quote or a line break.
     */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s; // CSV injection: never a formula
        }
        return s.matches("(?s).*[;\"\\r\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
