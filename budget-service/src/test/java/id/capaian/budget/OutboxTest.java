package id.capaian.budget;

import id.capaian.testing.OutboxContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxTest extends OutboxContract {
}
