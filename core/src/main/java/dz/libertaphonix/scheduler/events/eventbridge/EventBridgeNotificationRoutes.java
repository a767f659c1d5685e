package dz.libertaphonix.scheduler.events.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.events.NotificationRequested;
import dz.libertaphonix.scheduler.notifications.NotificationRoutes;
import dz.libertaphonix.scheduler.notifications.NotificationRoutesUnavailableException;
import dz.libertaphonix.scheduler.notifications.NotificationsConfig;
import dz.libertaphonix.scheduler.notifications.Subscription;
import dz.libertaphonix.scheduler.notifications.delivery.Notification;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ApiDestinationHttpMethod;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig;
import software.amazon.awssdk.services.eventbridge.model.HttpParameters;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * A subscription's route in AWS, made from the subscription at runtime: an EventBridge connection, an
 * API destination (its URL, POST) and a rule on the application bus matching its {@code
 * NotificationRequested} events, named {@code <rule prefix>notify-<id>}. The rule's target sends
 * {@code $.detail.body} with the three headers from the event, retries for up to a day, and parks what
 * it gives up in the dead-letter queue. Why runtime and not the template: docs/notifications.md.
 */
@ApplicationScoped
@Typed(EventBridgeNotificationRoutes.class)
public class EventBridgeNotificationRoutes implements NotificationRoutes {

    static final String TARGET_ID = "receiver";
    /** EventBridge requires an authorization on a connection; the signature is in the event, not here. */
    static final String API_KEY_HEADER = "X-Scheduler-Subscription";

    private final EventBridgeConnection connection;
    private final EventBridgeConfig eventBridge;
    private final NotificationsConfig config;
    private final ObjectMapper json;

    public EventBridgeNotificationRoutes(
            EventBridgeConnection connection,
            EventBridgeConfig eventBridge,
            NotificationsConfig config,
            ObjectMapper json) {
        this.connection = connection;
        this.eventBridge = eventBridge;
        this.config = config;
        this.json = json;
    }

    /** The name of a subscription's connection, API destination and rule. */
    public String name(long subscriptionId) {
        return eventBridge.rulePrefix() + "notify-" + subscriptionId;
    }

    @Override
    public void sync(Subscription subscription) {
        String name = name(subscription.id);
        call("make the route of subscription " + subscription.id, () -> {
            EventBridgeClient client = connection.client();
            String connectionArn = connection(client, name, subscription.id);
            String destinationArn = destination(client, name, connectionArn, subscription.url);
            client.putRule(rule -> rule.name(name)
                    .eventBusName(eventBridge.eventBus())
                    .description("notifications of subscription " + subscription.id)
                    .eventPattern(pattern(subscription.id))
                    .state(subscription.enabled ? RuleState.ENABLED : RuleState.DISABLED));
            Target.Builder target = Target.builder()
                    .id(TARGET_ID)
                    .arn(destinationArn)
                    .inputPath("$.detail.body")
                    .httpParameters(HttpParameters.builder()
                            .headerParameters(Map.of(
                                    Notification.EVENT_HEADER, "$.detail.event",
                                    Notification.DELIVERY_HEADER, "$.detail.deliveryId",
                                    Notification.SIGNATURE_HEADER, "$.detail.signature"))
                            .build())
                    .retryPolicy(RetryPolicy.builder()
                            .maximumRetryAttempts(config.eventbridgeMaxRetries())
                            .maximumEventAgeInSeconds(
                                    (int) config.eventbridgeMaxEventAge().toSeconds())
                            .build());
            config.invokeRoleArn().ifPresent(target::roleArn);
            config.deadLetterArn()
                    .ifPresent(arn -> target.deadLetterConfig(
                            DeadLetterConfig.builder().arn(arn).build()));
            var answer = client.putTargets(targets ->
                    targets.rule(name).eventBusName(eventBridge.eventBus()).targets(target.build()));
            if (answer.failedEntryCount() != null && answer.failedEntryCount() > 0) {
                throw new IllegalStateException("EventBridge refused the target: "
                        + answer.failedEntries().get(0).errorMessage());
            }
            return null;
        });
    }

    @Override
    public void remove(long subscriptionId) {
        String name = name(subscriptionId);
        call("remove the route of subscription " + subscriptionId, () -> {
            EventBridgeClient client = connection.client();
            ignoringMissing(() -> client.removeTargets(
                    r -> r.rule(name).eventBusName(eventBridge.eventBus()).ids(TARGET_ID)));
            ignoringMissing(() -> client.deleteRule(r -> r.name(name).eventBusName(eventBridge.eventBus())));
            ignoringMissing(() -> client.deleteApiDestination(r -> r.name(name)));
            ignoringMissing(() -> client.deleteConnection(r -> r.name(name)));
            return null;
        });
    }

    private String connection(EventBridgeClient client, String name, long subscriptionId) {
        try {
            return client.createConnection(c -> c.name(name)
                            .description("notifications of subscription " + subscriptionId)
                            .authorizationType(ConnectionAuthorizationType.API_KEY)
                            .authParameters(auth -> auth.apiKeyAuthParameters(
                                    key -> key.apiKeyName(API_KEY_HEADER).apiKeyValue(Long.toString(subscriptionId)))))
                    .connectionArn();
        } catch (ResourceAlreadyExistsException e) {
            return client.describeConnection(c -> c.name(name)).connectionArn();
        }
    }

    private String destination(EventBridgeClient client, String name, String connectionArn, String url) {
        try {
            return client.createApiDestination(d -> d.name(name)
                            .connectionArn(connectionArn)
                            .invocationEndpoint(url)
                            .httpMethod(ApiDestinationHttpMethod.POST)
                            .invocationRateLimitPerSecond(config.eventbridgeRateLimitPerSecond()))
                    .apiDestinationArn();
        } catch (ResourceAlreadyExistsException e) {
            // the URL may have changed
            return client.updateApiDestination(d -> d.name(name)
                            .connectionArn(connectionArn)
                            .invocationEndpoint(url)
                            .httpMethod(ApiDestinationHttpMethod.POST)
                            .invocationRateLimitPerSecond(config.eventbridgeRateLimitPerSecond()))
                    .apiDestinationArn();
        }
    }

    private String pattern(long subscriptionId) {
        try {
            return json.writeValueAsString(Map.of(
                    "source", List.of(eventBridge.eventSource()),
                    "detail-type", List.of(NotificationRequested.DETAIL_TYPE),
                    "detail", Map.of("subscriptionId", List.of(subscriptionId))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ignoringMissing(Runnable call) {
        try {
            call.run();
        } catch (ResourceNotFoundException e) {
            // already gone
        }
    }

    private static <T> T call(String what, Supplier<T> calls) {
        try {
            return calls.get();
        } catch (SdkException | IllegalStateException e) {
            throw new NotificationRoutesUnavailableException(
                    "could not " + what + " in EventBridge (" + ErrorSummary.oneLine(e)
                            + "); the subscription is saved: change it again (PATCH) to retry",
                    e);
        }
    }
}
