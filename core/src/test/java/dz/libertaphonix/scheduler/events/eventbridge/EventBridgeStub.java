package dz.libertaphonix.scheduler.events.eventbridge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * EventBridge faked by WireMock on a dynamic port, speaking the AWS JSON 1.1 protocol: accepts every
 * {@code AWSEvents.PutEvents} as the real service does, with an event id per entry.
 */
public class EventBridgeStub implements QuarkusTestResourceLifecycleManager {

    public static final String BUS = "libertaphonix-scheduler-test";
    public static final String REGION = "eu-west-3";
    /** Not the default: the api's sending side and the functions' reading side both follow the setting. */
    public static final String SYNC_REQUESTED = "SyncRequestedOnTest";

    /** Injects the running WireMock server into a test field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {}

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(
                post(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                                        .withBody(
                                                "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"11710aed-b79e-4468-a20b-bb3c0c3b4860\"}]}")));
        // the SDK's default credential chain reads these; they sign requests to WireMock only
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "not-a-real-secret");
        return Map.of(
                "scheduler.runs.events",
                "eventbridge",
                "scheduler.eventbridge.endpoint-override",
                server.baseUrl(),
                "scheduler.eventbridge.region",
                REGION,
                // the job functions' former name of the bus, still read
                "scheduler.runs.eventbridge.bus-name",
                BUS,
                "scheduler.eventbridge.sync-requested-detail-type",
                SYNC_REQUESTED);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
