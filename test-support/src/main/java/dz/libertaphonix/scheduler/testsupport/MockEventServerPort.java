package dz.libertaphonix.scheduler.testsupport;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import java.util.Map;

/**
 * For a {@code @QuarkusIntegrationTest} of a Lambda artifact: the mock Lambda event server listens on
 * a random port ({@code quarkus.lambda.mock-event-server.test-port=0}, so parallel builds never
 * collide) and RestAssured must post there. {@code @QuarkusTest} does this by itself; an integration
 * test learns the port from the dev-services context: call {@link #pointRestAssuredAtIt()} before
 * each test.
 */
public class MockEventServerPort implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

    private static final String PORT_PROPERTY = "quarkus.lambda.mock-event-server.test-port";

    private static volatile Integer port;

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        String value = context.devServicesProperties().get(PORT_PROPERTY);
        port = value == null ? null : Integer.valueOf(value);
    }

    @Override
    public Map<String, String> start() {
        return Map.of();
    }

    @Override
    public void stop() {
        // nothing started here
    }

    /**
     * Sends RestAssured's requests to the mock event server, with a read timeout: a binary that never
     * polls the server (a broken runtime loop) fails the test instead of hanging the build.
     */
    public static void pointRestAssuredAtIt() {
        RestAssured.port = port();
        RestAssured.config = RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 10_000)
                        .setParam("http.socket.timeout", 120_000));
    }

    /** The mock event server's port in this integration test run. */
    public static int port() {
        if (port == null) {
            throw new IllegalStateException("no mock Lambda event server port: is this a @QuarkusIntegrationTest "
                    + "of a Lambda artifact with @QuarkusTestResource(MockEventServerPort.class)?");
        }
        return port;
    }
}
