package dz.libertaphonix.scheduler.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at real PostgreSQL and Redis: the shared ones of
 * {@link TestServices}, or, for a test profile that is an {@link OutageServices.Profile}, the outage
 * tests' own instances (which those tests stop and start). The services live for the whole JVM;
 * restarting the application reuses them.
 */
public class RealServicesResource implements QuarkusTestResourceLifecycleManager {

    private boolean outage;

    @Override
    public void setContext(Context context) {
        outage = OutageServices.Profile.isOne(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        return outage
                ? OutageServices.get().quarkusConfig()
                : TestServices.get().quarkusConfig();
    }

    @Override
    public void stop() {
        // shared across test classes; stopped by a JVM shutdown hook
    }
}
