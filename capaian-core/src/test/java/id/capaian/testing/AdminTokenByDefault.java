package id.capaian.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Gives every RestAssured request of a service's tests that sets no Authorization header an admin token
 * for the pemda in its path, so that tests of behaviour are not tests of access (the authorization
 * matrix tests access, with explicit tokens). Installed before each @QuarkusTest method.
 */
public class AdminTokenByDefault implements Filter, QuarkusTestBeforeEachCallback {

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
            request.header("Authorization", TestTokens.bearer(TestTokens.admin(TestTokens.pemdaOf(request.getURI()))));
        }
        return context.next(request, response);
    }

}
