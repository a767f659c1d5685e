package dz.libertaphonix.scheduler.api.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A fake EventBridge endpoint (WireMock on a free port) speaking the AWS JSON 1.1 protocol. Tests
 * stub and verify requests by their {@code X-Amz-Target} header ({@code AWSEvents.EnableRule} …).
 */
public class EventBridgeWireMock implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        // the SDK signs every request; any credentials do for a fake endpoint
        System.setProperty("aws.accessKeyId", "AKIDTESTONLY");
        System.setProperty("aws.secretAccessKey", "test-only-not-a-secret");
        return Map.of(
                "scheduler.eventbridge.endpoint-override",
                server.baseUrl(),
                "scheduler.eventbridge.region",
                "eu-west-3");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
