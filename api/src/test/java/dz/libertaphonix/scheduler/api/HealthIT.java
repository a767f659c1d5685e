package dz.libertaphonix.scheduler.api;

import dz.libertaphonix.scheduler.testsupport.MockEventServerPort;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link HealthTest} against the native api binary (built with {@code -Dnative}), run as Lambda's
 * custom runtime runs it. Native CI workflow only (failsafe is bound in the {@code native} profile).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(MockEventServerPort.class)
class HealthIT extends HealthTest {

    @BeforeEach
    void sendRequestsThroughTheMockEventServer() {
        MockEventServerPort.pointRestAssuredAtIt();
    }
}
