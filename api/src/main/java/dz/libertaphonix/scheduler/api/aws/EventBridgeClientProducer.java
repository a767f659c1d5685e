package dz.libertaphonix.scheduler.api.aws;

import dz.libertaphonix.scheduler.common.aws.EventBridgeClients;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The one EventBridge client of the api app: URL-connection HTTP (small, quick to start in Lambda). */
@ApplicationScoped
@IfBuildProperty(name = "scheduler.control", stringValue = "eventbridge")
public class EventBridgeClientProducer {

    @Produces
    @ApplicationScoped
    EventBridgeClient client(EventBridgeConfig config) {
        return EventBridgeClients.build(config.region(), config.endpointOverride(), config.callTimeout());
    }

    void close(@Disposes EventBridgeClient client) {
        client.close();
    }
}
