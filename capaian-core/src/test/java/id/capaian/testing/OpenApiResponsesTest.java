package id.capaian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The judge of the responses: what it lets through and what it refuses. */
class OpenApiResponsesTest {

    private final OpenApiResponses contract = OpenApiResponses.of(Path.of("src/test/resources/openapi-responses/openapi.yaml"));

    @Test
    void aBodyThatFollowsTheSchemaPasses() {
        assertThat(contract.violations("GET", "http://localhost:8081/api/v1/things/63.10?x=1", 200,
                "application/json;charset=UTF-8", "[{\"kode\": \"2.08\", \"rumus\": null}, {\"kode\": \"2.09\", \"rumus\": \"rasio\"}]"))
                .isEmpty();
    }

    @Test
    void aNullWhereTheSchemaPromisesAStringFails() {
        assertThat(contract.violations("GET", "/api/v1/things/63.10", 200, "application/json", "[{\"kode\": null, \"rumus\": null}]"))
                .singleElement().asString().contains("/api/v1/things/{pemda}", "kode");
    }

    @Test
    void aMissingRequiredPropertyOrAnUnknownEnumValueFails() {
        assertThat(contract.violations("GET", "/api/v1/things/63.10", 200, "application/json", "[{\"rumus\": \"lain\"}]"))
                .hasSize(2);
    }

    @Test
    void anUndocumentedStatusOrContentTypeFails() {
        assertThat(contract.violations("GET", "/api/v1/things/63.10", 500, "application/problem+json", "{\"status\": 500}"))
                .singleElement().asString().contains("status not documented");
        assertThat(contract.violations("GET", "/api/v1/things/63.10", 200, "application/xml", "<x/>"))
                .singleElement().asString().contains("content type application/xml not documented");
    }

    @Test
    void aBodyThatIsNotJsonIsJudgedByItsContentTypeOnly() {
        assertThat(contract.violations("GET", "/api/v1/things/63.10", 200, "text/csv", "kode;rumus\n2.08;-\n")).isEmpty();
    }

    @Test
    void theMostLiteralTemplateWinsAndEmptyAnswersNeedNoSchema() {
        assertThat(contract.violations("GET", "/api/v1/things/63.10/tree", 204, "", "")).isEmpty();
        assertThat(contract.describes("GET", "/api/v1/things/63.10/tree")).isTrue();
    }

    @Test
    void pathsAndMethodsTheDocumentDoesNotNameAreNotJudged() {
        assertThat(contract.describes("GET", "/api/v1/tidak-ada")).isFalse();
        assertThat(contract.describes("DELETE", "/api/v1/things/63.10")).isFalse();
        assertThat(contract.violations("GET", "/q/health/ready", 503, "application/json", "{}")).isEmpty();
        assertThat(contract.violations("GET", "/api/v1/tidak-ada", 404, "application/problem+json", "{}")).isEmpty();
    }
}
