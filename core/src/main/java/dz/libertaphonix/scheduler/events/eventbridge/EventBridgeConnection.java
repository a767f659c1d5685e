package dz.libertaphonix.scheduler.events.eventbridge;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/**
 * The application's one EventBridge client, built on first use or by {@link #prepare()}, never at
 * injection: the job functions prepare it beside their start-up, the api when it first calls. The
 * URL-connection HTTP client (small and quick to start in a Lambda), one timeout for connect, socket
 * and the whole call, and the region and endpoint overrides tests point at WireMock. Credentials come
 * from the SDK's default chain (the function's role in Lambda).
 */
@ApplicationScoped
public class EventBridgeConnection {

    private final EventBridgeConfig config;
    private volatile EventBridgeClient client;

    public EventBridgeConnection(EventBridgeConfig config) {
        this.config = config;
    }

    public EventBridgeClient client() {
        EventBridgeClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                current = client;
            }
        }
        return current;
    }

    /** Builds the client now; opens no connection. */
    public void prepare() {
        client();
    }

    private EventBridgeClient build() {
        EventBridgeClientBuilder builder = EventBridgeClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.callTimeout())
                        .socketTimeout(config.callTimeout())
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(config.callTimeout())
                        .build());
        config.region().map(Region::of).ifPresent(builder::region);
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
