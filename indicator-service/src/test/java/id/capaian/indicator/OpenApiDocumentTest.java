package id.capaian.indicator;

import id.capaian.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {

    @Override
    protected String serviceName() {
        return "indicator-service";
    }
}
