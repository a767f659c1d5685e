package dz.libertaphonix.scheduler.api.catalogue;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** The api with a fourth job: its bean selected, its schedule migration's location added. */
public class FourthJobProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.flyway.locations", "db/migration,db/test-jobs");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(WeeklyDigestJob.class);
    }
}
