package id.capaian.report;

import id.capaian.testing.LocalInfrastructure;
import id.capaian.testing.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class ServiceTest extends ServiceContract {

    @Override
    protected String serviceName() {
        return "report-service";
    }

    @Override
    protected String kafkaCheck() {
        return "Kafka connection health check";
    }
}
