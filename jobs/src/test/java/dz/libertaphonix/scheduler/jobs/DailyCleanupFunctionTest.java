package dz.libertaphonix.scheduler.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
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

/** The daily-cleanup job function through the mock Lambda event server: the real cleanup job, fired by its rule. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(FunctionProfiles.DailyCleanup.class)
class DailyCleanupFunctionTest {

    @Inject
    JobRunRepository runs;

    @Test
    void runsTheCleanupForItsScheduledEventAndReportsWhatItDid() {
        String eventId = Events.eventId();
        Instant firedFor = Instant.parse("2026-03-15T01:00:00Z");

        JsonPath summary = given().contentType("application/json")
                .body(Events.scheduled(eventId, "daily-cleanup", firedFor))
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(summary.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(summary.getMap("counts"))
                .containsKeys("activity_logs", "job_runs", "audit_events", "redis_keys", "tables_maintained");
        List<JobRun> recorded =
                QuarkusTransaction.requiringNew().call(() -> runs.forEvent(DailyCleanupJob.ID, eventId));
        assertThat(recorded).singleElement().satisfies(run -> {
            assertThat(run.scheduledAt).isEqualTo(firedFor);
            assertThat(run.results).isNotNull();
        });
    }
}
