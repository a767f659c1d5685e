package dz.libertaphonix.scheduler.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ecomanager-sync job function through the mock Lambda event server, fed EventBridge scheduled events. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(FunctionProfiles.EcomanagerSync.class)
class EcomanagerSyncFunctionTest {

    @Inject
    ScriptedImportJob job;

    @Inject
    JobRunRepository runs;

    @BeforeEach
    void freshJob() {
        job.reset();
    }

    @Test
    void runsAScheduledEventAsAScheduledRunWithTheLambdaDeadline() {
        String eventId = Events.eventId();
        Instant firedFor = Instant.parse("2026-03-14T07:00:00Z");
        Instant before = Instant.now();

        JsonPath summary = invoke(Events.scheduled(eventId, "ecomanager-sync", firedFor))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Instant after = Instant.now();

        assertThat(summary.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(summary.getString("trigger")).isEqualTo("SCHEDULED");
        assertThat(summary.getMap("counts")).containsEntry("orders", 25);
        JobRun run = single(eventId);
        assertThat(run.id.toString()).isEqualTo(summary.getString("runId"));
        assertThat(run.scheduledAt).isEqualTo(firedFor);
        assertThat(run.actor).isEqualTo("scheduler");
        // deadline = invocation start + 5 min function timeout - 30 s safety margin
        Instant deadline = job.contexts().get(0).deadline();
        assertThat(deadline)
                .isBetween(
                        before.plus(Duration.ofSeconds(270)).truncatedTo(ChronoUnit.MICROS),
                        after.plus(Duration.ofSeconds(270)));
        assertThat(run.deadlineAt).isEqualTo(deadline);
    }

    @Test
    void answersARedeliveredEventWithASkipAndRunsTheJobOnce() {
        String event = Events.scheduled(Events.eventId(), "ecomanager-sync", Instant.now());

        invoke(event).then().statusCode(200);
        JsonPath again = invoke(event).then().statusCode(200).extract().jsonPath();

        assertThat(again.getString("status")).isEqualTo("SKIPPED");
        assertThat(again.getString("skipReason")).isEqualTo("duplicate");
        assertThat(job.contexts()).hasSize(1);
    }

    @Test
    void endsTheInvocationWithAnErrorWhenTheRunFailsAndRunsTheLambdaRetryAgain() {
        String eventId = Events.eventId();
        String event = Events.scheduled(eventId, "ecomanager-sync", Instant.now());
        job.willRun(context -> {
            throw new IllegalStateException("every store answered 503");
        });

        Response failed = invoke(event);
        job.willRun(context -> JobResult.succeeded(Map.of("orders", 3L), null));
        JsonPath retried = invoke(event).then().statusCode(200).extract().jsonPath();

        assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(failed.asString()).contains("FAILED").contains("every store answered 503");
        assertThat(retried.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(retried.getString("trigger")).isEqualTo("RETRY");
        assertThat(runsFor(eventId))
                .extracting(run -> run.status, run -> run.attempt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JobRunStatus.FAILED, 1),
                        org.assertj.core.groups.Tuple.tuple(JobRunStatus.SUCCEEDED, 2));
        assertThat(runsFor(eventId).get(1).trigger).isEqualTo(RunTrigger.RETRY);
    }

    private static Response invoke(String event) {
        return given().contentType("application/json").body(event).when().post();
    }

    private JobRun single(String eventId) {
        List<JobRun> found = runsFor(eventId);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<JobRun> runsFor(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> runs.forEvent(EcoManagerSyncJob.ID, eventId));
    }
}
