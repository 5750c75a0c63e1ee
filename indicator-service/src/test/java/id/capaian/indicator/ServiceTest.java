package id.capaian.indicator;

import id.capaian.testing.LocalInfrastructure;
import id.capaian.testing.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class ServiceTest extends ServiceContract {

    @Override
    protected String serviceName() {
        return "indicator-service";
    }

    @Override
    protected String kafkaCheck() {
        return "Outbox relay to Kafka";
    }
}
