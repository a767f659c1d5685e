package dz.libertaphonix.scheduler.runs.missed;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** A clock the test sets, and a dispatcher that records the catch-up runs instead of starting them. */
public class MissedRunsTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("scheduler.runs.events", "in-process", "scheduler.missed.catch-up", "true");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SettableClock.class, RecordingDispatcher.class);
    }
}
