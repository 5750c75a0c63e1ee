package id.capaian.budget;

import id.capaian.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {

    @Override
    protected String serviceName() {
        return "budget-service";
    }
}
