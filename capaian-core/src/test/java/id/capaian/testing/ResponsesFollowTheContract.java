package id.capaian.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Judges every response that a service's tests receive through RestAssured from an /api operation by the
 * service's committed OpenAPI document ({@code openapi.yaml} of the module under test, see
 * {@link OpenApiResponses}): a response the document does not allow fails the test that received it.
 * Installed before each @QuarkusTest method, like {@link AdminTokenByDefault}.
 */
public class ResponsesFollowTheContract implements Filter, QuarkusTestBeforeEachCallback {

    private final OpenApiResponses contract;

    public ResponsesFollowTheContract() {
        this(null);
    }

    ResponsesFollowTheContract(OpenApiResponses contract) {
        this.contract = contract;
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        Path document = Path.of("openapi.yaml");
        if (Files.exists(document) && RestAssured.filters().stream().noneMatch(f -> f instanceof ResponsesFollowTheContract)) {
            RestAssured.filters(new ResponsesFollowTheContract(OpenApiResponses.of(document)));
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response r = context.next(request, response);
        String body = new String(r.asByteArray(), StandardCharsets.UTF_8);
        List<String> wrong = contract.violations(request.getMethod(), request.getURI(), r.statusCode(), r.contentType(), body);
        if (!wrong.isEmpty()) {
            throw new AssertionError("The response breaks the contract " + contract.document() + ":\n  "
                    + String.join("\n  ", wrong) + "\nBody: " + abbreviate(body));
        }
        return r;
    }

    static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
