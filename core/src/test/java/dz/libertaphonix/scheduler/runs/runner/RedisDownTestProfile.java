package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * Redis unreachable (nothing listens on port 1), and no bean for the daily-cleanup job: the two ways a
 * run cannot even start.
 */
public class RedisDownTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:1",
                "quarkus.redis.timeout", "2s",
                "quarkus.arc.exclude-types", DailyCleanupJob.class.getName());
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ControllableShippingJob.class);
    }
}
