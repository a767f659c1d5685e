package dz.libertaphonix.scheduler.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipping-status-sync job function through the mock Lambda event server, fed the application's SyncRequested events. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(FunctionProfiles.ShippingStatusSync.class)
class ShippingStatusSyncFunctionTest {

    @Inject
    ScriptedShippingJob job;

    @Inject
    JobRunRepository runs;

    @BeforeEach
    void freshJob() {
        job.reset();
    }

    @Test
    void runsASyncRequestedEventAsAManualRunUnderItsRunIdAndActor() {
        String eventId = Events.eventId();
        UUID runId = UUID.randomUUID();

        JsonPath summary = invoke(Events.syncRequested(
                        eventId, "shipping-status-sync", runId, "admin@libertaphonix.dz", Instant.now()))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(summary.getString("runId")).isEqualTo(runId.toString());
        assertThat(summary.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(summary.getString("trigger")).isEqualTo("MANUAL");
        JobRun run = QuarkusTransaction.requiringNew().call(() -> runs.findById(runId));
        assertThat(run.actor).isEqualTo("admin@libertaphonix.dz");
        assertThat(run.eventId).isEqualTo(eventId);
        assertThat(run.trigger).isEqualTo(RunTrigger.MANUAL);
    }

    @Test
    void runsASyncRequestedDryRunAsADryRun() {
        UUID runId = UUID.randomUUID();

        JsonPath summary = invoke(Events.dryRunRequested(
                        Events.eventId(), "shipping-status-sync", runId, "admin@libertaphonix.dz", Instant.now()))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(summary.getString("trigger")).isEqualTo("DRY_RUN");
        assertThat(job.contexts()).singleElement().satisfies(context -> assertThat(context.dryRun())
                .isTrue());
        JobRun run = QuarkusTransaction.requiringNew().call(() -> runs.findById(runId));
        assertThat(run.trigger).isEqualTo(RunTrigger.DRY_RUN);
    }

    @Test
    void acceptsTheLegacyJobNameInASyncRequestedEvent() {
        UUID runId = UUID.randomUUID();

        invoke(Events.syncRequested(Events.eventId(), "shipping_status_sync", runId, "ops", Instant.now()))
                .then()
                .statusCode(200);

        assertThat(job.contexts()).singleElement().satisfies(context -> assertThat(context.runId())
                .isEqualTo(runId));
    }

    @Test
    void endsAPartialRunsInvocationNormally() {
        job.willRun(context -> new JobResult(
                JobRunStatus.PARTIAL, Map.of("parcels", 60L), null, "stopped at the deadline after 3 of 5 pages"));

        JsonPath summary = invoke(Events.scheduled(Events.eventId(), "shipping-status-sync", Instant.now()))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(summary.getString("status")).isEqualTo("PARTIAL");
        assertThat(summary.getMap("counts")).containsEntry("parcels", 60);
    }

    @Test
    void refusesASyncRequestedForAnotherJobWithoutRunningAnything() {
        String eventId = Events.eventId();

        Response refused = invoke(Events.syncRequested(
                eventId, "ecomanager-sync", UUID.randomUUID(), "admin@libertaphonix.dz", Instant.now()));

        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(refused.asString()).contains("SyncRequested for job 'ecomanager-sync'");
        assertThat(job.contexts()).isEmpty();
        List<JobRun> recorded =
                QuarkusTransaction.requiringNew().call(() -> runs.forEvent(ShippingStatusSyncJob.ID, eventId));
        assertThat(recorded).isEmpty();
    }

    @Test
    void refusesAnEventThatIsNotFromEventBridge() {
        Response refused = invoke("{\"orders\": [1, 2, 3]}");

        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(refused.asString()).contains("not an EventBridge event");
        assertThat(job.contexts()).isEmpty();
    }

    private static Response invoke(String event) {
        return given().contentType("application/json").body(event).when().post();
    }
}
