package dz.libertaphonix.scheduler.notifications.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dz.libertaphonix.scheduler.notifications.CreatedSubscription;
import dz.libertaphonix.scheduler.notifications.Subscription;
import dz.libertaphonix.scheduler.notifications.SubscriptionAdminService;
import dz.libertaphonix.scheduler.notifications.SubscriptionRequest;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.runner.ControllableShippingJob;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.runs.runner.RunRequest;
import dz.libertaphonix.scheduler.runs.runner.RunSummary;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real run through the JobRunner, its end event going to receivers that hang or fail: the run never waits for them. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(HangingReceiverProfile.class)
class RunNotificationsTest {

    /** The receiver holds each request this long; an attempt gives up after 4 s (the profile). */
    private static final int HANG_MILLIS = 8_000;

    @Inject
    JobRunner runner;

    @Inject
    ControllableShippingJob job;

    @Inject
    SubscriptionAdminService subscriptions;

    private WireMockServer receiver;
    private CreatedSubscription subscription;

    @BeforeEach
    void setUp() {
        job.reset();
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        if (subscription != null) {
            subscriptions.delete(subscription.subscription().id);
        }
        receiver.stop();
    }

    @Test
    void aHangingReceiverNeverDelaysTheRun() {
        receiver.stubFor(
                post("/hooks/hanging").willReturn(aResponse().withStatus(200).withFixedDelay(HANG_MILLIS)));
        subscription = subscriptions.create(
                new SubscriptionRequest(
                        receiver.baseUrl() + "/hooks/hanging",
                        List.of("SyncCompleted"),
                        List.of(ShippingStatusSyncJob.ID.id()),
                        "json",
                        null,
                        null,
                        true),
                "nadia.admin@libertaphonix.dz");
        job.willRun(context -> JobResult.succeeded(Map.of("checked", 12L), null));

        long started = System.nanoTime();
        RunSummary run = runner.run(
                RunRequest.manual(ShippingStatusSyncJob.ID, "nadia.admin@libertaphonix.dz", UUID.randomUUID()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        // bound: half of one attempt's timeout; waiting for the receiver even once would take 4 s
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        // the delivery did go out, while the run was already over
        await().atMost(Duration.ofSeconds(5))
                .until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hooks/hanging")))
                                .size()
                        == 1);
        assertThat(subscriptions.get(subscription.subscription().id).lastDeliveryAt)
                .isNull();
        // and is given up after its two attempts, each cut at 4 s, said in words
        long id = subscription.subscription().id;
        await().atMost(Duration.ofSeconds(20)).until(() -> subscriptions.get(id).failedCount == 1);
        Subscription recorded = subscriptions.get(id);
        assertThat(recorded.lastAttempts).isEqualTo(2);
        assertThat(recorded.lastError).isEqualTo("no answer within 4000 ms");
        assertThat(recorded.lastDeliveryEvent).isEqualTo("SyncCompleted");
    }

    @Test
    void aReceiverAnswering500NeverFailsTheRun() {
        receiver.stubFor(post("/hooks/broken").willReturn(aResponse().withStatus(500)));
        subscription = subscriptions.create(
                new SubscriptionRequest(
                        receiver.baseUrl() + "/hooks/broken", List.of("SyncFailed"), null, "chat", "en", null, true),
                "nadia.admin@libertaphonix.dz");
        job.willRun(context -> {
            throw new IllegalStateException("Maystro answered nonsense");
        });

        RunSummary run = runner.run(
                RunRequest.manual(ShippingStatusSyncJob.ID, "nadia.admin@libertaphonix.dz", UUID.randomUUID()));

        assertThat(run.status()).isEqualTo(JobRunStatus.FAILED);
        long id = subscription.subscription().id;
        await().atMost(Duration.ofSeconds(15)).until(() -> subscriptions.get(id).failedCount == 1);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/broken"))))
                .hasSize(2);
        assertThat(subscriptions.get(id).lastHttpStatus).isEqualTo(500);
        // the job is free again at once
        assertThat(runner.runningRun(ShippingStatusSyncJob.ID)).isEmpty();
    }
}
