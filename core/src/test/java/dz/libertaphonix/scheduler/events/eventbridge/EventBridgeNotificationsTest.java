package dz.libertaphonix.scheduler.events.eventbridge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dz.libertaphonix.scheduler.notifications.CreatedSubscription;
import dz.libertaphonix.scheduler.notifications.SubscriptionAdminService;
import dz.libertaphonix.scheduler.notifications.SubscriptionRequest;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.runner.ControllableShippingJob;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.runs.runner.RunRequest;
import dz.libertaphonix.scheduler.runs.runner.RunSummary;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.RunFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS delivery path against a WireMock EventBridge: a subscription's connection, API destination,
 * rule and target made and removed with it, and a run's end turned into one signed
 * NotificationRequested event per subscription that asked for it.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(NotificationRoutesTestProfile.class)
class EventBridgeNotificationsTest {

    private static final String CONNECTION_ARN =
            "arn:aws:events:eu-west-3:123456789012:connection/libertaphonix-notify/5f7e0c1a";
    private static final String DESTINATION_ARN =
            "arn:aws:events:eu-west-3:123456789012:api-destination/libertaphonix-notify/9d2b4e77";

    @EventBridgeStub.Server
    WireMockServer eventBridge;

    @Inject
    SubscriptionAdminService subscriptions;

    @Inject
    JobRunner runner;

    @Inject
    ControllableShippingJob job;

    @Inject
    RunFixtures fixtures;

    @Inject
    ObjectMapper json;

    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void stubTheControlPlane() {
        job.reset();
        fixtures.freeJob(ShippingStatusSyncJob.ID);
        answer(
                "CreateConnection",
                "{\"ConnectionArn\":\"" + CONNECTION_ARN + "\",\"ConnectionState\":\"AUTHORIZING\"}");
        answer(
                "CreateApiDestination",
                "{\"ApiDestinationArn\":\"" + DESTINATION_ARN + "\",\"ApiDestinationState\":\"ACTIVE\"}");
        answer(
                "UpdateApiDestination",
                "{\"ApiDestinationArn\":\"" + DESTINATION_ARN + "\",\"ApiDestinationState\":\"ACTIVE\"}");
        answer("PutRule", "{\"RuleArn\":\"arn:aws:events:eu-west-3:123456789012:rule/b/r\"}");
        answer("PutTargets", "{\"FailedEntryCount\":0,\"FailedEntries\":[]}");
        for (String action : List.of("RemoveTargets", "DeleteRule", "DeleteApiDestination", "DeleteConnection")) {
            answer(action, action.equals("RemoveTargets") ? "{\"FailedEntryCount\":0,\"FailedEntries\":[]}" : "{}");
        }
        eventBridge.resetRequests();
    }

    @AfterEach
    void deleteSubscriptions() {
        created.forEach(subscriptions::delete);
        created.clear();
    }

    @Test
    void makesTheSubscriptionsRouteAndRemovesItWithTheSubscription() throws Exception {
        CreatedSubscription subscription = subscribe("https://hooks.example.dz/ops", List.of("SyncFailed"), true);
        long id = subscription.subscription().id;
        String name = "libertaphonix-notify-" + id;

        JsonNode connection = request("CreateConnection");
        assertThat(connection.get("Name").asText()).isEqualTo(name);
        assertThat(connection.get("AuthorizationType").asText()).isEqualTo("API_KEY");
        assertThat(connection
                        .at("/AuthParameters/ApiKeyAuthParameters/ApiKeyName")
                        .asText())
                .isEqualTo("X-Scheduler-Subscription");
        assertThat(connection.toString()).doesNotContain(subscription.secret());
        JsonNode destination = request("CreateApiDestination");
        assertThat(destination.get("Name").asText()).isEqualTo(name);
        assertThat(destination.get("ConnectionArn").asText()).isEqualTo(CONNECTION_ARN);
        assertThat(destination.get("InvocationEndpoint").asText()).isEqualTo("https://hooks.example.dz/ops");
        assertThat(destination.get("HttpMethod").asText()).isEqualTo("POST");
        JsonNode rule = request("PutRule");
        assertThat(rule.get("Name").asText()).isEqualTo(name);
        assertThat(rule.get("EventBusName").asText()).isEqualTo(EventBridgeStub.BUS);
        assertThat(rule.get("State").asText()).isEqualTo("ENABLED");
        JsonNode pattern = json.readTree(rule.get("EventPattern").asText());
        assertThat(pattern.at("/detail-type/0").asText()).isEqualTo("NotificationRequested");
        assertThat(pattern.at("/source/0").asText()).isEqualTo("libertaphonix.scheduler");
        assertThat(pattern.at("/detail/subscriptionId/0").asLong()).isEqualTo(id);
        JsonNode target = request("PutTargets").at("/Targets/0");
        assertThat(target.get("Arn").asText()).isEqualTo(DESTINATION_ARN);
        assertThat(target.get("RoleArn").asText()).isEqualTo(NotificationRoutesTestProfile.INVOKE_ROLE);
        assertThat(target.get("InputPath").asText()).isEqualTo("$.detail.body");
        assertThat(json.convertValue(target.at("/HttpParameters/HeaderParameters"), Map.class))
                .isEqualTo(Map.of(
                        "X-Scheduler-Event", "$.detail.event",
                        "X-Scheduler-Delivery", "$.detail.deliveryId",
                        "X-Scheduler-Signature", "$.detail.signature"));
        assertThat(target.at("/RetryPolicy/MaximumRetryAttempts").asInt()).isEqualTo(185);
        assertThat(target.at("/RetryPolicy/MaximumEventAgeInSeconds").asInt()).isEqualTo(86400);
        assertThat(target.at("/DeadLetterConfig/Arn").asText()).isEqualTo(NotificationRoutesTestProfile.DEAD_LETTER);

        // disabling it disables its rule; a new URL goes to the destination
        eventBridge.resetRequests();
        answer("CreateApiDestination", "ALREADY_EXISTS");
        answer("CreateConnection", "ALREADY_EXISTS");
        answer("DescribeConnection", "{\"ConnectionArn\":\"" + CONNECTION_ARN + "\"}");
        subscriptions.update(
                id, new SubscriptionRequest("https://hooks.example.dz/ops2", null, null, null, null, null, false));
        assertThat(request("PutRule").get("State").asText()).isEqualTo("DISABLED");
        assertThat(request("UpdateApiDestination").get("InvocationEndpoint").asText())
                .isEqualTo("https://hooks.example.dz/ops2");

        eventBridge.resetRequests();
        subscriptions.delete(id);
        created.remove(Long.valueOf(id));
        assertThat(request("RemoveTargets").get("Rule").asText()).isEqualTo(name);
        assertThat(request("DeleteRule").get("Name").asText()).isEqualTo(name);
        assertThat(request("DeleteApiDestination").get("Name").asText()).isEqualTo(name);
        assertThat(request("DeleteConnection").get("Name").asText()).isEqualTo(name);
    }

    @Test
    void aRunsEndRequestsOneSignedDeliveryPerSubscriptionThatAskedForIt() throws Exception {
        CreatedSubscription failures = subscribe("https://hooks.example.dz/failures", List.of("SyncFailed"), true);
        subscribe("https://hooks.example.dz/successes", List.of("SyncCompleted"), true);
        job.willRun(context -> {
            throw new IllegalStateException("Maystro answered nonsense");
        });

        RunSummary run = runner.run(RunRequest.scheduled(ShippingStatusSyncJob.ID, null, RunFixtures.eventId(), null));

        assertThat(run.status()).isEqualTo(JobRunStatus.FAILED);
        List<JsonNode> requested = entries().stream()
                .filter(entry -> entry.get("DetailType").asText().equals("NotificationRequested"))
                .toList();
        assertThat(requested).hasSize(1);
        JsonNode detail = json.readTree(requested.get(0).get("Detail").asText());
        assertThat(detail.get("subscriptionId").asLong()).isEqualTo(failures.subscription().id);
        assertThat(detail.get("event").asText()).isEqualTo("SyncFailed");
        UUID.fromString(detail.get("deliveryId").asText());
        JsonNode body = detail.get("body");
        assertThat(body.get("deliveryId").asText())
                .isEqualTo(detail.get("deliveryId").asText());
        assertThat(body.get("runId").asText()).isEqualTo(run.runId().toString());
        assertThat(body.at("/detail/error").asText()).contains("Maystro answered nonsense");
        // what the API destination sends is $.detail.body: compact JSON, signed as such
        byte[] sent = json.writeValueAsBytes(body);
        assertThat(detail.get("signature").asText()).isEqualTo("sha256=" + hmac(failures.secret(), sent));
        // the run event itself is still published
        assertThat(entries())
                .anySatisfy(
                        entry -> assertThat(entry.get("DetailType").asText()).isEqualTo("SyncFailed"));
    }

    private CreatedSubscription subscribe(String url, List<String> events, boolean enabled) {
        CreatedSubscription subscription = subscriptions.create(
                new SubscriptionRequest(url, events, null, "json", null, null, enabled),
                "nadia.admin@libertaphonix.dz");
        created.add(subscription.subscription().id);
        return subscription;
    }

    private void answer(String action, String body) {
        var response = body.equals("ALREADY_EXISTS")
                ? aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ResourceAlreadyExistsException\",\"message\":\"exists\"}")
                : aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body);
        eventBridge.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSEvents." + action))
                .willReturn(response));
    }

    private JsonNode request(String action) throws Exception {
        var requests = eventBridge.findAll(
                postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents." + action)));
        assertThat(requests).as(action).isNotEmpty();
        return json.readTree(requests.get(requests.size() - 1).getBody());
    }

    private List<JsonNode> entries() throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (var request : eventBridge.findAll(
                postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents")))) {
            json.readTree(request.getBody()).get("Entries").forEach(entries::add);
        }
        return entries;
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
