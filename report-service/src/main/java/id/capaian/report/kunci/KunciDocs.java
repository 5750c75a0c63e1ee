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

            One change of a pemda-year at a time (whole year or any OPD of it: concurrent requests wait), in the order \
            that never leaves an owner open while the report says FINAL. **Lock**: report-service sends the same \
            request, with the caller's token, to budget-service (`PUT /api/v1/dpa/{pemda}/{tahun}/kunci`) and then \
            to indicator-service (`PUT /api/v1/indikator/{pemda}/{tahun}/kunci`), which then refuse writes to the \
            scope; it waits (at most `capaian.kunci.drain-timeout`, PT30S) until neither owner holds an event of the \
            scope in its outbox (their header `Capaian-Outbox-Tertunda` is 0) and until its read model has applied \
            every event on Kafka; only then does it record its own lock, which makes the reports FINAL (and, when \
            `capaian.reports.public-when-locked=true`, readable without a token), and keeps the ceilings of that \
            moment for the audit. **Unlock**: report-service first opens its own lock (the reports are drafts again, \
            no longer public), then the owners'. If a part fails, the answer is 502 (504 when the owners' events do \
            not arrive in time) naming it and saying the state each part is in; sending the same request again \
            completes the change (every step is idempotent).""";
    static final String P502 = """
            {"type": "/problems/layanan-gagal", "title": "Kunci tidak dapat diubah di indicator-service", "status": 502,
             "detail": "indicator-service tidak dapat dihubungi: Connection refused. Keadaan: budget-service terbuka, indicator-service gagal, belum dibuka, report-service DRAF (sudah dibuka). Kirim ulang permintaan yang sama untuk menuntaskannya (aman, idempoten).",
             "errors": [{"field": "indicator-service", "message": "kunci tidak dapat diubah"}]}""";
    static final String P504 = """
            {"type": "/problems/outbox-belum-terkirim", "title": "Peristiwa budget-service belum terkirim", "status": 504,
             "detail": "budget-service masih menyimpan 3 peristiwa lingkup ini yang belum terkirim ke Kafka setelah 30 detik. Keadaan: budget-service terkunci, indicator-service terkunci, report-service DRAF (belum dikunci). Kirim ulang permintaan yang sama untuk menuntaskannya (aman, idempoten).",
             "errors": [{"field": "budget-service", "message": "3 peristiwa belum terkirim"}]}""";

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
                .description("budget-service or indicator-service failed to change its lock (named), with the state of each part")
                .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                        .addExample("owner", OASFactory.createExample().value(P502)))));
        put.getResponses().addAPIResponse("504", OASFactory.createAPIResponse()
                .description("The owners' events of the scope did not reach the read model in time; the owners stay locked, "
                        + "the report a draft")
                .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                        .addExample("outbox", OASFactory.createExample().value(P504)))));
    }
}
