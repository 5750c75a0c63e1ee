package id.capaian.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every RestAssured request of a service's tests that sets no Authorization header an admin token
 * for the pemda in its path, so that tests of behaviour are not tests of access (the authorization
 * matrix tests access, with explicit tokens). Installed before each @QuarkusTest method.
 */
public class AdminTokenByDefault implements Filter, QuarkusTestBeforeEachCallback {

    private static final Pattern PEMDA = Pattern.compile("/api/v1/(?:dpa|indikator|reports|imports)/([^/?]+)");

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof AdminTokenByDefault)) {
            RestAssured.filters(new AdminTokenByDefault());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", TestTokens.bearer(TestTokens.admin(pemdaOf(request.getURI()))));
        }
        return context.next(request, response);
    }

    static String pemdaOf(String uri) {
        Matcher m = PEMDA.matcher(uri);
        return m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : "63.10";
    }
}
