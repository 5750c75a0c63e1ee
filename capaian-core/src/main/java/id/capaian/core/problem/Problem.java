package id.capaian.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer of every Capaian service. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (media type application/problem+json).",
        requiredProperties = {"type", "title", "status"},
        example = """
                {"type": "/problems/realisasi-melebihi-pagu", "title": "Realisasi melebihi pagu", "status": 422,
                 "detail": "Realisasi 80.000.000,00 melebihi pagu 73.810.300,00",
                 "instance": "/api/v1/dpa/63.10/2024/P3AP2KB/sub-kegiatan/2.08.02.2.01.0003/realisasi/12",
                 "errors": [{"field": "jumlah", "message": "melebihi pagu 73810300.00"}]}""")
public record Problem(
        @Schema(description = "A relative URI naming the kind of problem", example = "/problems/validasi")
        String type,
        @Schema(description = "Short summary of the kind of problem", example = "Data tidak valid")
        String title,
        @Schema(description = "HTTP status", example = "422")
        int status,
        @Schema(description = "What went wrong in this request")
        String detail,
        @Schema(description = "The request path")
        String instance,
        @Schema(description = "One entry per field at fault, at most " + Problem.MAX_ERRORS + " (see errorsOmitted)")
        List<FieldError> errors,
        @Schema(description = "How many more faults were found than errors lists (absent when none were left out)",
                example = "2315")
        Integer errorsOmitted) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The most faults one answer lists; the count of the rest is said in errorsOmitted. */
    public static final int MAX_ERRORS = 100;

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** A field at fault: a JSON path into the request body, a query or path parameter, or a column of an import. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "nodes[3].pagu") String field,
            @Schema(example = "paling banyak 2 angka desimal") String message) {
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, errorsOmitted);
    }
}
