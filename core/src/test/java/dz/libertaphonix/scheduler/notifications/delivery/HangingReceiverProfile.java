package dz.libertaphonix.scheduler.notifications.delivery;

import dz.libertaphonix.scheduler.runs.runner.RunsTestProfile;
import java.util.HashMap;
import java.util.Map;

/** The job runtime under test, with a receiver given 4 s per attempt: long beside a run of a few ms. */
public class HangingReceiverProfile extends RunsTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("scheduler.notifications.request-timeout", "4s");
        overrides.put("scheduler.notifications.max-attempts", "2");
        return overrides;
    }
}
