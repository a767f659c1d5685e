package dz.libertaphonix.scheduler.events.eventbridge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.runner.ControllableJob;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Run ends become PutEvents requests on the application's bus, asserted as EventBridge receives them. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(EventBridgeTestProfile.class)
class EventBridgeRunEventPublisherTest {

    private static final JobId JOB = ShippingStatusSyncJob.ID;

    @EventBridgeStub.Server
    WireMockServer eventBridge;

    @Inject
    JobRunner runner;

    @Inject
    ControllableShippingJob job;

    @Inject
    RunFixtures fixtures;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void freshJob() {
        job.reset();
        fixtures.freeJob(JOB);
    }

    @Test
    void publishesSyncCompletedWithTheRunsOutcomeOnTheApplicationBus() throws Exception {
        job.willRun(context -> JobResult.succeeded(Map.of("parcels", 41L, "changed", 7L), null));

        RunSummary run = runner.run(RunRequest.scheduled(JOB, null, RunFixtures.eventId(), null));

        JsonNode entry = entryFor(run.runId());
        assertThat(entry.get("EventBusName").asText()).isEqualTo(EventBridgeStub.BUS);
        assertThat(entry.get("Source").asText()).isEqualTo("libertaphonix.scheduler");
        assertThat(entry.get("DetailType").asText()).isEqualTo("SyncCompleted");
        JsonNode detail = json.readTree(entry.get("Detail").asText());
        assertThat(detail.get("job").asText()).isEqualTo("shipping-status-sync");
        assertThat(detail.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(detail.get("trigger").asText()).isEqualTo("SCHEDULED");
        assertThat(detail.get("counts").get("parcels").asLong()).isEqualTo(41);
        assertThat(detail.get("counts").get("changed").asLong()).isEqualTo(7);
        assertThat(detail.get("durationMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(detail.has("startedAt") && detail.has("endedAt")).isTrue();

        eventBridge.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                .withHeader("Content-Type", containing("application/x-amz-json-1.1"))
                .withHeader(
                        "Authorization",
                        matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/" + EventBridgeStub.REGION
                                + "/events/aws4_request.*"))
                .withRequestBody(containing(run.runId().toString())));
    }

    @Test
    void publishesSyncFailedWithTheErrorAndSyncSkippedWithTheReason() throws Exception {
        job.willRun(context -> {
            throw new IllegalStateException("Maystro answered 503 three times");
        });
        RunSummary failed = runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", null));
        ControllableJob.Gate gate = new ControllableJob.Gate(JobResult.succeeded(Map.of(), null));
        job.willRun(gate);
        Thread holder = Thread.ofPlatform().start(() -> runner.run(RunRequest.manual(JOB, "scheduler", null)));
        gate.awaitStarted(java.time.Duration.ofSeconds(30));
        RunSummary skipped = runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", null));
        gate.release();
        holder.join(30_000);

        JsonNode failure = entryFor(failed.runId());
        assertThat(failure.get("DetailType").asText()).isEqualTo("SyncFailed");
        JsonNode failureDetail = json.readTree(failure.get("Detail").asText());
        assertThat(failureDetail.get("error").asText())
                .isEqualTo("IllegalStateException: Maystro answered 503 three times");
        assertThat(failureDetail.get("actor").asText()).isEqualTo("admin@libertaphonix.dz");

        JsonNode skip = entryFor(skipped.runId());
        assertThat(skip.get("DetailType").asText()).isEqualTo("SyncSkipped");
        assertThat(json.readTree(skip.get("Detail").asText()).get("skipReason").asText())
                .isEqualTo("already-running");
    }

    @Test
    void aRefusingEventBusNeverFailsTheRun() {
        UUID runId = UUID.randomUUID();
        eventBridge.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing(runId.toString()))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Event bus "
                                + EventBridgeStub.BUS + " does not exist.\"}")));

        RunSummary run = runner.run(RunRequest.manual(JOB, "admin@libertaphonix.dz", runId));

        assertThat(run.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(fixtures.run(runId).status).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(eventBridge.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(runId.toString()))))
                .isNotEmpty();
    }

    private JsonNode entryFor(UUID runId) throws Exception {
        List<LoggedRequest> requests =
                eventBridge.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(runId.toString())));
        assertThat(requests).as("PutEvents for run %s", runId).hasSize(1);
        JsonNode body = json.readTree(requests.get(0).getBodyAsString());
        assertThat(body.get("Entries")).hasSize(1);
        return body.get("Entries").get(0);
    }
}
