package dz.libertaphonix.scheduler.api.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * The api as dev mode runs it: the in-process scheduler on and the dev data seeded (three sandbox
 * stores, five agents); a gated stand-in for the import job, so no store is ever called.
 */
public class LocalSchedulerTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("scheduler.local.enabled", "true", "scheduler.dev.seed", "true");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(GatedImportJob.class);
    }
}
