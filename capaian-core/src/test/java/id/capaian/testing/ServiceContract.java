package id.capaian.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/**
 * What every Capaian service promises its operators and its clients, run against the real
 * PostgreSQL and Kafka: ready with its database and Kafka checks, and its OpenAPI document served.
 */
public abstract class ServiceContract {

    /** The service's name, as in its OpenAPI title "Capaian &lt;name&gt;". */
    protected abstract String serviceName();

    /** The readiness check that covers Kafka for this service. */
    protected abstract String kafkaCheck();

    @Test
    void readinessIsUpWithItsDatabaseAndKafkaChecks() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", kafkaCheck()))
                .body("checks.status", hasItems("UP"));
    }

    @Test
    void openApiDocumentIsServedAndNamesTheService() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", is("Capaian " + serviceName()));
    }

    @Test
    void anOversizedBodyIsRefusedWithAProblemBeforeItIsRead() {
        given().contentType("application/json").body("[" + "0,".repeat(2_200_000) + "0]")
                .when().put("/api/v1/anything")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", is(413))
                .body("errors[0].field", is("body"));
    }

    @Test
    void unknownPathAnswersProblemJson() {
        given().when().get("/api/v1/tidak-ada")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404));
    }
}
