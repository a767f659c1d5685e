package dz.libertaphonix.scheduler.api.aws;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/** The one EventBridge client of the api app: URL-connection HTTP (small, quick to start in Lambda). */
@ApplicationScoped
@IfBuildProperty(name = "scheduler.control", stringValue = "eventbridge")
public class EventBridgeClients {

    @Produces
    @ApplicationScoped
    EventBridgeClient client(EventBridgeConfig config) {
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

    void close(@Disposes EventBridgeClient client) {
        client.close();
    }
}
