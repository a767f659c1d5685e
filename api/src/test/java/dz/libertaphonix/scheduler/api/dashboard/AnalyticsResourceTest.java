package dz.libertaphonix.scheduler.api.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.runs.ledger.JobRunRepository;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class AnalyticsResourceTest {

    @Inject
    JobRunRepository runs;

    @Test
    void reportsSuccessRateDurationsAndOrdersPerDayForEachJob() {
        JsonPath before = analytics(AdminTokens.teamManager(), "30");
        long runsBefore = before.getLong("data.jobs.find { it.job == 'daily-cleanup' }.runs");
        long succeededBefore = before.getLong("data.jobs.find { it.job == 'daily-cleanup' }.succeeded");

        // three cleanups in the last hours: two succeeded (1 s and 3 s), one failed; a skip does not count
        Instant now = Instant.now();
        run(JobRunStatus.SUCCEEDED, now.minus(Duration.ofHours(3)), Duration.ofSeconds(1), Map.of("deleted", 10L));
        run(JobRunStatus.SUCCEEDED, now.minus(Duration.ofHours(2)), Duration.ofSeconds(3), Map.of("deleted", 4L));
        run(JobRunStatus.FAILED, now.minus(Duration.ofHours(1)), Duration.ofSeconds(2), Map.of());
        run(JobRunStatus.SKIPPED, now.minus(Duration.ofMinutes(30)), Duration.ZERO, Map.of());

        JsonPath after = analytics(AdminTokens.teamManager(), "30");
        String cleanup = "data.jobs.find { it.job == 'daily-cleanup' }";

        assertThat(after.getInt("data.days")).isEqualTo(30);
        assertThat(after.getLong(cleanup + ".runs")).isEqualTo(runsBefore + 3);
        assertThat(after.getLong(cleanup + ".succeeded")).isEqualTo(succeededBefore + 2);
        assertThat(after.getList(cleanup + ".days")).hasSize(30);
        assertThat(after.getList("data.jobs.job"))
                .containsExactly("ecomanager-sync", "shipping-status-sync", "daily-cleanup", "ecomanager-reconcile");
        if (runsBefore == 0) {
            assertThat(after.getDouble(cleanup + ".successRate"))
                    .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.001));
            assertThat(after.getLong(cleanup + ".medianDurationMs")).isEqualTo(2000);
        }
    }

    @Test
    void refusesABadPeriodWithTheErrorEnvelopeAndAnUnknownCaller() {
        given().auth()
                .oauth2(AdminTokens.admin())
                .get("/api/v1/scheduler/analytics?days=abc")
                .then()
                .statusCode(400)
                .body("success", equalTo(false));
        given().auth()
                .oauth2(AdminTokens.admin())
                .get("/api/v1/scheduler/analytics?days=0")
                .then()
                .statusCode(400);
        given().get("/api/v1/scheduler/analytics").then().statusCode(401);
        given().auth()
                .oauth2(AdminTokens.withRole("AGENT"))
                .get("/api/v1/scheduler/analytics")
                .then()
                .statusCode(403);
    }

    private static JsonPath analytics(String token, String days) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/scheduler/analytics?days=" + days)
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .extract()
                .jsonPath();
    }

    private void run(JobRunStatus status, Instant started, Duration took, Map<String, Long> counts) {
        QuarkusTransaction.requiringNew().run(() -> {
            JobRun run = new JobRun();
            run.id = UUID.randomUUID();
            run.jobId = DailyCleanupJob.ID;
            run.trigger = RunTrigger.MANUAL;
            run.startedAt = started;
            run.endedAt = started.plus(took);
            run.status = status;
            run.skipReason = status == JobRunStatus.SKIPPED ? "already-running" : null;
            run.counts = new java.util.LinkedHashMap<>(counts);
            runs.persist(run);
        });
    }
}
