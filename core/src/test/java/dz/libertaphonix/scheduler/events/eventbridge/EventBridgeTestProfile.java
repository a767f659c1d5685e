package dz.libertaphonix.scheduler.events.eventbridge;

import dz.libertaphonix.scheduler.runs.runner.ControllableShippingJob;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Set;

/** Run events go to EventBridge, faked by WireMock. */
public class EventBridgeTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EventBridgeStub.class));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ControllableShippingJob.class);
    }
}
