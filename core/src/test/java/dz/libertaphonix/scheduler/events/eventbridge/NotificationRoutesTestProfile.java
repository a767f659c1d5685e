package dz.libertaphonix.scheduler.events.eventbridge;

import dz.libertaphonix.scheduler.runs.runner.ControllableShippingJob;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Run events and notifications through EventBridge (faked by WireMock), as in AWS. */
public class NotificationRoutesTestProfile implements QuarkusTestProfile {

    public static final String INVOKE_ROLE =
            "arn:aws:iam::123456789012:role/libertaphonix-test-NotificationsInvokeRole";
    public static final String DEAD_LETTER =
            "arn:aws:sqs:eu-west-3:123456789012:libertaphonix-test-notification-failures";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "scheduler.notifications.delivery", "eventbridge",
                "scheduler.notifications.invoke-role-arn", INVOKE_ROLE,
                "scheduler.notifications.dead-letter-arn", DEAD_LETTER);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EventBridgeStub.class));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ControllableShippingJob.class);
    }
}
