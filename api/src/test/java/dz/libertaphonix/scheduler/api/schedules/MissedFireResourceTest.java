package dz.libertaphonix.scheduler.api.schedules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /jobs/{job}/missed} and the missed-fire figures of {@code /status} and {@code /jobs}, over
 * schedule history and runs this test writes (and removes again).
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class MissedFireResourceTest {

    private static final String BY = "MissedFireResourceTest";

    @Inject
    AdminFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void removeTheHistoryWritten() {
        execute("delete from schedule_history where changed_by = ?", BY);
    }

    @Test
    void listsTheFiresOfARangeThatHadNoRunWhileTheScheduleWasEnabled() {
        Instant day = Instant.parse("2025-03-10T00:00:00Z");
        JobId job = EcoManagerSyncJob.ID;
        // hourly 08:00-20:00 Algiers (07:00-19:00 UTC), disabled from 12:30 to 16:30 UTC, then gone after the day
        history(job, day.minus(Duration.ofDays(1)), "0 0 8-20 * * ?", true);
        history(job, day.plus(Duration.ofMinutes(12 * 60 + 30)), "0 0 8-20 * * ?", false);
        history(job, day.plus(Duration.ofMinutes(16 * 60 + 30)), "0 0 8-20 * * ?", true);
        history(job, day.plus(Duration.ofDays(1)), "0 0 8-20 * * ?", false);
        for (int hour : new int[] {7, 8, 10, 12, 17}) {
            run(
                    job,
                    JobRunStatus.SUCCEEDED,
                    RunTrigger.SCHEDULED,
                    day.plus(Duration.ofHours(hour)).plusSeconds(3));
        }
        run(
                job,
                JobRunStatus.SKIPPED,
                RunTrigger.SCHEDULED,
                day.plus(Duration.ofHours(11)).plusSeconds(1));

        Response answer = given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .queryParam("from", "2025-03-10T00:00:00Z")
                .queryParam("to", "2025-03-11T01:00:00+01:00")
                .get("/api/v1/scheduler/jobs/ecomanager_sync/missed");

        answer.then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.job", equalTo("ecomanager-sync"))
                .body("data.from", equalTo("2025-03-10T00:00:00Z"))
                .body("data.to", equalTo("2025-03-11T00:00:00Z"));
        assertThat(answer.jsonPath().getList("data.missed.fireTime", String.class))
                .containsExactly(
                        "2025-03-10T09:00:00Z", "2025-03-10T11:00:00Z", "2025-03-10T18:00:00Z", "2025-03-10T19:00:00Z");
    }

    @Test
    void theStatusAndTheJobsCountTheFiresMissedInTheLast24Hours() {
        Instant now = Instant.now();
        // the cleanup at 02:00 Algiers (01:00 UTC), from two days ago, with no run at all
        history(DailyCleanupJob.ID, now.minus(Duration.ofDays(2)), "0 0 2 * * ?", true);
        Instant lastFire =
                now.minus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(1));
        if (lastFire.isAfter(now.minus(Duration.ofMinutes(15)))) {
            lastFire = lastFire.minus(Duration.ofDays(1));
        }
        String expected = lastFire.toString();

        Response status = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/status");
        Response jobs = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/jobs");

        status.then().statusCode(200).body("data.jobs[0]", hasKey("missedFires24h"));
        jobs.then().statusCode(200).body("data[0]", hasKey("lastMissedFire"));
        for (Response answer : List.of(status, jobs)) {
            String path = answer == status ? "data.jobs" : "data";
            Map<String, Object> cleanup = answer.jsonPath().getList(path, Map.class).stream()
                    .filter(job -> "daily-cleanup".equals(job.get("job")))
                    .findFirst()
                    .orElseThrow();
            assertThat(cleanup).containsEntry("missedFires24h", 1).containsEntry("lastMissedFire", expected);
        }
        assertThat(jobs.jsonPath().getString("data.find { it.job == 'daily-cleanup' }.catchUp"))
                .isEqualTo("ONCE_PER_MISSED_NIGHT");
        assertThat(jobs.jsonPath().getString("data.find { it.job == 'shipping-status-sync' }.catchUp"))
                .isEqualTo("ONCE_NOW");
        assertThat(jobs.jsonPath().getString("data.find { it.job == 'ecomanager-sync' }.catchUp"))
                .isEqualTo("NEXT_RUN");
    }

    @Test
    void refusesABadRangeWith400AndAnUnknownJobWith404() {
        String admin = AdminTokens.bearer(AdminTokens.admin());
        given().header("Authorization", admin)
                .queryParam("from", "yesterday")
                .get("/api/v1/scheduler/jobs/ecomanager-sync/missed")
                .then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error.details.parameter", equalTo("from"));
        given().header("Authorization", admin)
                .queryParam("from", "2025-03-11T00:00:00Z")
                .queryParam("to", "2025-03-10T00:00:00Z")
                .get("/api/v1/scheduler/jobs/ecomanager-sync/missed")
                .then()
                .statusCode(400)
                .body("error.details.parameter", equalTo("from"));
        given().header("Authorization", admin)
                .queryParam("from", "2025-01-01T00:00:00Z")
                .queryParam("to", "2025-03-01T00:00:00Z")
                .get("/api/v1/scheduler/jobs/ecomanager-sync/missed")
                .then()
                .statusCode(400)
                .body("error.details.parameter", equalTo("to"));
        given().header("Authorization", admin)
                .get("/api/v1/scheduler/jobs/no-such-job/missed")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("UNKNOWN_JOB"));
    }

    private void run(JobId job, JobRunStatus status, RunTrigger trigger, Instant startedAt) {
        QuarkusTransaction.requiringNew().run(() -> fixtures.finishedRun(job, status, trigger, startedAt, 30));
    }

    private void history(JobId job, Instant from, String cron, boolean enabled) {
        execute(
                "insert into schedule_history (job_id, cron, time_zone, enabled, effective_from, changed_by)"
                        + " values (?, ?, 'Africa/Algiers', ?, ?, ?)",
                job.id(),
                cron,
                enabled,
                Timestamp.from(from),
                BY);
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
