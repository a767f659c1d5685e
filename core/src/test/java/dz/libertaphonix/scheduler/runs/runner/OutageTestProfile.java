package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.testsupport.OutageServices;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The job runtime with its production settings (lock TTL 16 min, heartbeats every 30 s) against a
 * PostgreSQL and a Redis of its own, which the outage tests stop and start. Only the grace a run gets
 * past its deadline to record its end is short, so that "the outage outlasted the run" takes seconds.
 */
public class OutageTestProfile implements QuarkusTestProfile, OutageServices.Profile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("scheduler.runs.record-end-grace", "1s");
    }
}
