package dz.libertaphonix.scheduler.api.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** The api with the in-process scheduler on (as in dev mode) and a gated stand-in for the import job. */
public class LocalSchedulerTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("scheduler.local.enabled", "true");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(GatedImportJob.class);
    }
}
