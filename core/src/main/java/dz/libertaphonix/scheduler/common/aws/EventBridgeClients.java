package dz.libertaphonix.scheduler.common.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/**
 * How every EventBridge client of the scheduler is built: the URL-connection HTTP client (small and
 * quick to start in a Lambda), one timeout for connect, socket and the whole call, and the region
 * and endpoint overrides that tests point at WireMock. Credentials come from the SDK's default chain.
 */
public final class EventBridgeClients {

    private EventBridgeClients() {}

    public static EventBridgeClient build(Optional<String> region, Optional<URI> endpoint, Duration timeout) {
        EventBridgeClientBuilder builder = EventBridgeClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout)
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(timeout)
                        .build());
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
