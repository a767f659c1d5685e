package dz.libertaphonix.scheduler.notifications.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.events.CredentialsRejected;
import dz.libertaphonix.scheduler.events.RunMissed;
import dz.libertaphonix.scheduler.events.RunOutcome;
import dz.libertaphonix.scheduler.events.SyncCompleted;
import dz.libertaphonix.scheduler.events.SyncFailed;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.notifications.CreatedSubscription;
import dz.libertaphonix.scheduler.notifications.Subscription;
import dz.libertaphonix.scheduler.notifications.SubscriptionAdminService;
import dz.libertaphonix.scheduler.notifications.SubscriptionRequest;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.events.RunEventPublisher;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * Scheduler events posted in-process to WireMock receivers: signed over the raw body, retried on 500
 * under one delivery id, given up on a receiver that hangs or cannot be reached, filtered by event and
 * job, written as JSON or as a chat message in French or English.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class InProcessDeliveriesTest {

    private static final Instant ENDED = Instant.parse("2026-12-07T09:04:12Z");

    @Inject
    RunEventPublisher publisher;

    @Inject
    SubscriptionAdminService subscriptions;

    @Inject
    ObjectMapper json;

    private WireMockServer receiver;
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        // another test's events must not reach this test's subscriptions
        created.forEach(subscriptions::delete);
        created.clear();
        receiver.stop();
    }

    @Test
    void signsTheRawBodySoTheReceiverCanVerifyIt() throws Exception {
        receiver.stubFor(post("/hooks/ops").willReturn(ok()));
        CreatedSubscription subscription = subscribe("/hooks/ops", List.of("SyncFailed"), null, "json", null);

        RunOutcome run = run(EcoManagerSyncJob.ID, JobRunStatus.FAILED, "EcoManager unavailable for store NATU");
        publisher.publish(new SyncFailed(run));

        LoggedRequest request = awaitRequests("/hooks/ops", 1).get(0);
        byte[] raw = request.getBody();
        assertThat(request.getHeader("X-Scheduler-Signature")).isEqualTo("sha256=" + hmac(subscription.secret(), raw));
        assertThat(request.getHeader("X-Scheduler-Event")).isEqualTo("SyncFailed");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(raw);
        assertThat(body.get("event").asText()).isEqualTo("SyncFailed");
        assertThat(body.get("deliveryId").asText()).isEqualTo(request.getHeader("X-Scheduler-Delivery"));
        assertThat(body.get("job").asText()).isEqualTo("ecomanager-sync");
        assertThat(body.get("runId").asText()).isEqualTo(run.runId().toString());
        assertThat(body.get("runUrl").asText())
                .isEqualTo("https://scheduler.libertaphonix.dz/admin/scheduler?run=" + run.runId());
        assertThat(body.at("/detail/status").asText()).isEqualTo("FAILED");
        assertThat(body.at("/detail/error").asText()).isEqualTo("EcoManager unavailable for store NATU");
        // a tampered body no longer matches
        byte[] tampered = new String(raw, StandardCharsets.UTF_8)
                .replace("FAILED", "SUCCEEDED")
                .getBytes(StandardCharsets.UTF_8);
        assertThat("sha256=" + hmac(subscription.secret(), tampered))
                .isNotEqualTo(request.getHeader("X-Scheduler-Signature"));
        awaitRecorded(subscription, s -> Boolean.TRUE.equals(s.lastDeliveryOk) && s.deliveredCount == 1);
    }

    @Test
    void retriesA500UnderTheSameDeliveryId() {
        receiver.stubFor(post("/hooks/flaky")
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(serverError())
                .willSetStateTo("recovered"));
        receiver.stubFor(post("/hooks/flaky")
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(ok()));
        CreatedSubscription subscription = subscribe("/hooks/flaky", List.of("SyncCompleted"), null, "json", null);

        publisher.publish(new SyncCompleted(run(EcoManagerSyncJob.ID, JobRunStatus.SUCCEEDED, null)));

        List<LoggedRequest> requests = awaitRequests("/hooks/flaky", 2);
        assertThat(requests.get(0).getHeader("X-Scheduler-Delivery"))
                .isEqualTo(requests.get(1).getHeader("X-Scheduler-Delivery"));
        assertThat(requests.get(0).getBody()).isEqualTo(requests.get(1).getBody());
        Subscription recorded = awaitRecorded(subscription, s -> s.deliveredCount == 1);
        assertThat(recorded.lastDeliveryOk).isTrue();
        assertThat(recorded.lastAttempts).isEqualTo(2);
        assertThat(recorded.lastHttpStatus).isEqualTo(200);
        assertThat(recorded.lastDeliveryId.toString()).isEqualTo(requests.get(0).getHeader("X-Scheduler-Delivery"));
        assertThat(recorded.failedCount).isZero();
    }

    @Test
    void givesUpOnAnUnreachableReceiverAndSaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CreatedSubscription subscription = subscriptions.create(
                new SubscriptionRequest(
                        "http://127.0.0.1:" + closedPort + "/hooks/gone",
                        List.of("SyncFailed"),
                        null,
                        "json",
                        null,
                        null,
                        null),
                "nadia.admin@libertaphonix.dz");
        created.add(subscription.subscription().id);

        publisher.publish(new SyncFailed(run(EcoManagerSyncJob.ID, JobRunStatus.FAILED, "boom")));

        Subscription recorded = awaitRecorded(subscription, s -> s.failedCount == 1);
        assertThat(recorded.lastDeliveryOk).isFalse();
        assertThat(recorded.lastAttempts).isEqualTo(3);
        assertThat(recorded.lastHttpStatus).isNull();
        assertThat(recorded.lastError).startsWith("unreachable");
        assertThat(recorded.consecutiveFailures).isEqualTo(1);
        assertThat(recorded.lastFailureAt).isNotNull();
    }

    @Test
    void doesNotRetryAReceiverThatRefusesTheRequest() {
        receiver.stubFor(post("/hooks/refusing").willReturn(aResponse().withStatus(410)));
        CreatedSubscription subscription = subscribe("/hooks/refusing", List.of("SyncFailed"), null, "json", null);

        publisher.publish(new SyncFailed(run(EcoManagerSyncJob.ID, JobRunStatus.FAILED, "boom")));

        Subscription recorded = awaitRecorded(subscription, s -> s.failedCount == 1);
        assertThat(recorded.lastAttempts).isEqualTo(1);
        assertThat(recorded.lastHttpStatus).isEqualTo(410);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/refusing"))))
                .hasSize(1);
    }

    @Test
    void sendsOnlyTheEventsAndJobsASubscriptionAsksFor() {
        receiver.stubFor(post("/hooks/failures").willReturn(ok()));
        receiver.stubFor(post("/hooks/shipping").willReturn(ok()));
        receiver.stubFor(post("/hooks/partial").willReturn(ok()));
        subscribe("/hooks/failures", List.of("SyncFailed", "CredentialsRejected"), null, "json", null);
        subscribe(
                "/hooks/shipping",
                List.of("SyncFailed", "SyncCompleted", "RunMissed"),
                List.of("shipping-status-sync"),
                "json",
                null);
        subscribe("/hooks/partial", List.of("SyncPartial"), null, "json", null);

        publisher.publish(new SyncCompleted(run(EcoManagerSyncJob.ID, JobRunStatus.SUCCEEDED, null)));
        publisher.publish(new SyncCompleted(run(EcoManagerSyncJob.ID, JobRunStatus.PARTIAL, "deadline")));
        publisher.publish(new SyncFailed(run(ShippingStatusSyncJob.ID, JobRunStatus.FAILED, "Maystro down")));
        publisher.publish(new RunMissed(EcoManagerSyncJob.ID, Instant.parse("2026-12-07T08:00:00Z"), ENDED));
        publisher.publish(new RunMissed(ShippingStatusSyncJob.ID, Instant.parse("2026-12-07T05:00:00Z"), ENDED));
        publisher.publish(new CredentialsRejected(
                CredentialsRejected.Kind.STORE, "NATU", EcoManagerSyncJob.ID, UUID.randomUUID(), 401, ENDED));

        assertThat(events(awaitRequests("/hooks/failures", 2)))
                .containsExactlyInAnyOrder("SyncFailed", "CredentialsRejected");
        assertThat(events(awaitRequests("/hooks/shipping", 2))).containsExactlyInAnyOrder("SyncFailed", "RunMissed");
        assertThat(events(awaitRequests("/hooks/partial", 1))).containsExactly("SyncPartial");
        // nothing else arrives later
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/failures"))))
                .hasSize(2);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/shipping"))))
                .hasSize(2);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/partial"))))
                .hasSize(1);
    }

    @Test
    void writesChatMessagesInFrenchAndEnglishWithTheRunLink() throws Exception {
        receiver.stubFor(post("/chat/fr").willReturn(ok()));
        receiver.stubFor(post("/chat/en").willReturn(ok()));
        subscribe("/chat/fr", List.of("SyncFailed", "RunMissed"), null, "chat", "fr");
        subscribe("/chat/en", List.of("SyncFailed"), null, "chat", "en");
        RunOutcome run = run(EcoManagerSyncJob.ID, JobRunStatus.FAILED, "EcoManager unavailable for store NATU");

        publisher.publish(new SyncFailed(run));
        publisher.publish(new RunMissed(EcoManagerSyncJob.ID, Instant.parse("2026-12-07T08:00:00Z"), ENDED));

        String link = "https://scheduler.libertaphonix.dz/admin/scheduler?run=" + run.runId();
        List<String> french = texts(awaitRequests("/chat/fr", 2));
        assertThat(french)
                .anySatisfy(text -> assertThat(text)
                        .startsWith(
                                "❌ ecomanager-sync a échoué (FAILED, 252 s) : EcoManager unavailable for store NATU.")
                        .endsWith(link))
                .anySatisfy(
                        text -> assertThat(text)
                                .startsWith(
                                        "⏰ ecomanager-sync n'a pas tourné à l'heure prévue (07/12/2026 09:00, heure d'Alger)."));
        String english = texts(awaitRequests("/chat/en", 1)).get(0);
        assertThat(english)
                .isEqualTo("❌ ecomanager-sync failed (FAILED, 252 s): EcoManager unavailable for store NATU. " + link);
        JsonNode body = json.readTree(receiver.findAll(postRequestedFor(urlEqualTo("/chat/en")))
                .get(0)
                .getBody());
        assertThat(body.size())
                .as("only the text field: what Slack, Google Chat and Teams read")
                .isEqualTo(1);
    }

    private CreatedSubscription subscribe(
            String path, List<String> events, List<String> jobs, String format, String language) {
        CreatedSubscription subscription = subscriptions.create(
                new SubscriptionRequest(receiver.baseUrl() + path, events, jobs, format, language, null, true),
                "nadia.admin@libertaphonix.dz");
        created.add(subscription.subscription().id);
        return subscription;
    }

    private List<LoggedRequest> awaitRequests(String path, int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        receiver.findAll(postRequestedFor(urlEqualTo(path))).size() >= count);
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private Subscription awaitRecorded(
            CreatedSubscription subscription, java.util.function.Predicate<Subscription> done) {
        long id = subscription.subscription().id;
        await().atMost(Duration.ofSeconds(15)).until(() -> done.test(subscriptions.get(id)));
        return subscriptions.get(id);
    }

    private static List<String> events(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.getHeader("X-Scheduler-Event")).toList();
    }

    private List<String> texts(List<LoggedRequest> requests) throws Exception {
        List<String> texts = new ArrayList<>();
        for (LoggedRequest request : requests) {
            texts.add(json.readTree(request.getBody()).get("text").asText());
        }
        return texts;
    }

    static RunOutcome run(JobId job, JobRunStatus status, String error) {
        Instant started = ENDED.minusSeconds(252);
        return new RunOutcome(
                job,
                UUID.randomUUID(),
                status,
                RunTrigger.SCHEDULED,
                null,
                1,
                null,
                Map.of("ordersImported", 42L),
                started,
                ENDED,
                Duration.between(started, ENDED).toMillis(),
                error);
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
