package dz.libertaphonix.scheduler.runs.runner;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * The job runtime under test: a 2-second lock TTL with 200 ms heartbeats (so "longer than the TTL"
 * takes seconds, not minutes), a clock tests can move, controllable stand-ins for the import and
 * shipping jobs, and small cleanup batches. The real daily-cleanup job stays.
 */
public class RunsTestProfile implements QuarkusTestProfile {

    public static final int CLEANUP_BATCH = 7;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "scheduler.runs.lock-ttl", "2s",
                "scheduler.runs.heartbeat-interval", "200ms",
                "scheduler.runs.events", "in-process",
                "scheduler.cleanup.batch-size", Integer.toString(CLEANUP_BATCH));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MutableClock.class, ControllableShippingJob.class, ControllableImportJob.class);
    }
}
