package dz.libertaphonix.scheduler.api.aws;

import dz.libertaphonix.scheduler.api.testsupport.EventBridgeWireMock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The api app as deployed in AWS: schedule control and dispatch through EventBridge (faked by WireMock). */
public class EventBridgeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("scheduler.control", "eventbridge");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EventBridgeWireMock.class));
    }
}
