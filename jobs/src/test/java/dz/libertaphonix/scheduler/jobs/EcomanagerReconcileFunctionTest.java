package dz.libertaphonix.scheduler.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.reconcile.EcoManagerReconcileJob;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ecomanager-reconcile job function through the mock Lambda event server: {@code runJob} with
 * {@code SCHEDULER_JOB=ecomanager-reconcile} runs the real sweep for its rule's 02:00 UTC event (the
 * sweep itself is proven in core's EcoManagerReconcileTest).
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(FunctionProfiles.EcomanagerReconcile.class)
class EcomanagerReconcileFunctionTest {

    @Inject
    JobRunRepository runs;

    @Test
    void runsTheSweepForItsScheduledEventAndReportsItsCounts() {
        String eventId = Events.eventId();
        Instant firedFor = Instant.parse("2026-03-15T02:00:00Z");

        JsonPath summary = given().contentType("application/json")
                .body(Events.scheduled(eventId, "ecomanager-reconcile", firedFor))
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(summary.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(summary.getMap("counts"))
                .containsKeys("stores", "scanned", "requests", "missing", "imported", "quarantined", "leftToImport");
        List<JobRun> recorded =
                QuarkusTransaction.requiringNew().call(() -> runs.forEvent(EcoManagerReconcileJob.ID, eventId));
        assertThat(recorded).singleElement().satisfies(run -> {
            assertThat(run.scheduledAt).isEqualTo(firedFor);
            assertThat(run.results).isNotNull();
        });
    }
}
