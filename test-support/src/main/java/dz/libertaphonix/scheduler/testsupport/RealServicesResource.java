package dz.libertaphonix.scheduler.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at real PostgreSQL and Redis (see {@link TestServices}).
 * The services live for the whole JVM; restarting the application reuses them.
 */
public class RealServicesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestServices.get().quarkusConfig();
    }

    @Override
    public void stop() {
        // shared across test classes; stopped by a JVM shutdown hook
    }
}
