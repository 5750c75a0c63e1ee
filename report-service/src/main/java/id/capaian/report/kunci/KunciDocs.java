package id.capaian.report.kunci;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * What report-service's lock does beyond the shared {@code YearLockResource} documentation: the fan-out to
 * the owners and its 502 (the operation itself is inherited, so its text is amended here).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class KunciDocs implements OASFilter {

    static final String PATH = "/api/v1/reports/{pemda}/{tahun}/kunci";
    static final String FAN_OUT = """

            report-service first sends the same request, with the caller's token, to budget-service \
            (`PUT /api/v1/dpa/{pemda}/{tahun}/kunci`) and then to indicator-service \
            (`PUT /api/v1/indikator/{pemda}/{tahun}/kunci`), which refuse writes to the locked scope where the \
            data is written; only then does it record its own lock, which makes the reports FINAL (and, when \
            `capaian.reports.public-when-locked=true`, readable without a token). If an owner fails, the answer \
            is 502 naming it and report-service's lock is unchanged; an owner that already applied it keeps it, \
            and sending the same request again completes the change (every step is idempotent).""";
    static final String P502 = """
            {"type": "/problems/layanan-gagal", "title": "Kunci tidak dapat diubah di indicator-service", "status": 502,
             "detail": "indicator-service tidak dapat dihubungi: Connection refused. Di budget-service kunci sudah diubah. Kunci di report-service tidak diubah; kirim ulang permintaan yang sama untuk menuntaskannya (aman, idempoten).",
             "errors": [{"field": "indicator-service", "message": "kunci tidak dapat diubah"}]}""";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItem(PATH) == null) {
            return;
        }
        Operation put = api.getPaths().getPathItem(PATH).getOperations().get(PathItem.HttpMethod.PUT);
        if (put == null) {
            return;
        }
        put.setDescription(put.getDescription() + FAN_OUT);
        put.getResponses().addAPIResponse("502", OASFactory.createAPIResponse()
                .description("budget-service or indicator-service failed to change its lock (named); nothing changed here")
                .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                        .addExample("owner", OASFactory.createExample().value(P502)))));
    }
}
