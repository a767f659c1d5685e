package dz.libertaphonix.scheduler.api.schedules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.api.testsupport.TestClock;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleChanges;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start, stop, enable, disable and reschedule: applied, answered, recorded and audited. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class ScheduleResourceTest {

    @Inject
    JobCatalog catalog;

    @Inject
    AdminFixtures fixtures;

    @Inject
    ScheduleChanges schedules;

    @Inject
    TestClock clock;

    @BeforeEach
    void schedulesAsSeeded() {
        fixtures.defaultSchedules();
    }

    @AfterEach
    void restore() {
        clock.reset();
        fixtures.defaultSchedules();
    }

    @Test
    void stopDisablesEveryScheduleAnswersTheNewStatusAndIsAudited() {
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .header("User-Agent", "admin-front/2.3")
                .post("/api/v1/scheduler/stop")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.status", equalTo("stopped"))
                .body("data.isRunning", equalTo(false))
                .body("data.activeJobs", hasSize(0));

        for (JobId job : catalog.ids()) {
            Schedule row = schedules.find(job).orElseThrow();
            assertThat(row.enabled).as(job.id()).isFalse();
            assertThat(row.changedBy).isEqualTo(AdminTokens.ADMIN_EMAIL);
        }
        List<AuditEvent> rows = actions(before, "schedule.stop");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.outcome).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(row.httpStatus).isEqualTo(200);
            assertThat(row.userId).isEqualTo("7");
            assertThat(row.email).isEqualTo(AdminTokens.ADMIN_EMAIL);
            assertThat(row.role).isEqualTo("ADMIN");
            assertThat(row.target).isEqualTo("all");
            assertThat(row.ipAddress).isNotBlank();
            assertThat(row.userAgent).isEqualTo("admin-front/2.3");
            assertThat(row.occurredAt).isNotNull();
        });
    }

    @Test
    void startEnablesEveryScheduleAgain() {
        fixtures.schedule(EcoManagerSyncJob.ID, AdminFixtures.DEFAULT_ECOMANAGER_CRON, false);
        fixtures.schedule(DailyCleanupJob.ID, AdminFixtures.DEFAULT_CLEANUP_CRON, false);
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/start")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("running"))
                .body(
                        "data.activeJobs",
                        contains("ecomanager_sync", "shipping_status_sync", "daily_cleanup", "ecomanager_reconcile"));

        assertThat(actions(before, "schedule.start")).singleElement().satisfies(row -> assertThat(row.outcome)
                .isEqualTo(AuditOutcome.SUCCEEDED));
    }

    @Test
    void disablesAndEnablesOneJobByIdOrLegacyName() {
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/jobs/shipping_status_sync/disable")
                .then()
                .statusCode(200)
                .body("data.job", equalTo("shipping-status-sync"))
                .body("data.enabled", equalTo(false));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/status")
                .then()
                .body("data.status", equalTo("partial"))
                .body("data.activeJobs", contains("ecomanager_sync", "daily_cleanup", "ecomanager_reconcile"));

        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get("/api/v1/scheduler/jobs/shipping-status-sync")
                .then()
                .statusCode(200)
                .body("data.enabled", equalTo(false))
                .body("data.nextFireTimes", hasSize(0));

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/jobs/shipping-status-sync/enable")
                .then()
                .statusCode(200)
                .body("data.enabled", equalTo(true))
                .body("data.nextFireTimes", hasSize(5));

        assertThat(actions(before, "schedule.disable")).singleElement().satisfies(row -> assertThat(row.target)
                .isEqualTo("shipping-status-sync"));
        assertThat(actions(before, "schedule.enable")).singleElement().satisfies(row -> assertThat(row.target)
                .isEqualTo("shipping-status-sync"));
    }

    @Test
    void answers404ForAnUnknownJobAndAuditsTheRejection() {
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/jobs/coffee-machine/enable")
                .then()
                .statusCode(404)
                .body("success", equalTo(false))
                .body("error.code", equalTo("UNKNOWN_JOB"))
                .body("error.message", equalTo("unknown job 'coffee-machine'"));

        assertThat(actions(before, "schedule.enable")).singleElement().satisfies(row -> {
            assertThat(row.outcome).isEqualTo(AuditOutcome.REJECTED);
            assertThat(row.httpStatus).isEqualTo(404);
            assertThat(row.target).isEqualTo("coffee-machine");
            assertThat(row.parameters).containsEntry("error", "UNKNOWN_JOB");
        });
    }

    @Test
    void changesACronAppliesItAndPreviewsTheNextFireTimes() {
        clock.fix(Instant.parse("2025-07-24T08:30:00Z")); // 09:30 in Algiers
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"cron\": \"0 30 9-17 ? * MON-FRI\"}")
                .put("/api/v1/scheduler/jobs/ecomanager-sync/schedule")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.job", equalTo("ecomanager-sync"))
                .body("data.cron", equalTo("0 30 9-17 ? * MON-FRI"))
                .body("data.timeZone", equalTo("Africa/Algiers"))
                .body("data.eventBridgeExpression", equalTo("cron(30 8-16 ? * MON-FRI *)"))
                .body("data.changedBy", equalTo(AdminTokens.ADMIN_EMAIL))
                // Thursday 24 July 2025, 09:30: the next half-hours to 17:30, then Friday
                .body(
                        "data.nextFireTimes.algiers",
                        contains(
                                "2025-07-24T10:30:00+01:00",
                                "2025-07-24T11:30:00+01:00",
                                "2025-07-24T12:30:00+01:00",
                                "2025-07-24T13:30:00+01:00",
                                "2025-07-24T14:30:00+01:00"))
                .body("data.nextFireTimes[0].utc", equalTo("2025-07-24T09:30:00Z"));

        assertThat(schedules.find(EcoManagerSyncJob.ID).orElseThrow().cron).isEqualTo("0 30 9-17 ? * MON-FRI");
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/next-sync-times")
                .then()
                .body("data.nextEcoManagerSync", equalTo("2025-07-24T10:30:00+01:00"));
        assertThat(actions(before, "schedule.change")).singleElement().satisfies(row -> {
            assertThat(row.outcome).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(row.target).isEqualTo("ecomanager-sync");
            assertThat(row.parameters)
                    .containsEntry("cron", "0 30 9-17 ? * MON-FRI")
                    .containsEntry("previousCron", AdminFixtures.DEFAULT_ECOMANAGER_CRON);
        });
    }

    @Test
    void refusesABadCronWith400SayingWhyAndKeepsTheSchedule() {
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"cron\": \"0 0 25 * * ?\"}")
                .put("/api/v1/scheduler/jobs/ecomanager-sync/schedule")
                .then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo("INVALID_CRON"))
                .body("error.message", startsWith("not a valid Quartz cron expression"));

        assertThat(schedules.find(EcoManagerSyncJob.ID).orElseThrow().cron)
                .isEqualTo(AdminFixtures.DEFAULT_ECOMANAGER_CRON);
        assertThat(actions(before, "schedule.change")).singleElement().satisfies(row -> {
            assertThat(row.outcome).isEqualTo(AuditOutcome.REJECTED);
            assertThat(row.httpStatus).isEqualTo(400);
            assertThat(row.parameters).containsEntry("cron", "0 0 25 * * ?").containsEntry("error", "INVALID_CRON");
        });
    }

    @Test
    void refusesACronThatNoUtcRuleCanExpressExactly() {
        // 00:30 Algiers on Mondays is 23:30 UTC on Sundays: the day would have to move with the hour
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"cron\": \"0 30 0 ? * MON\"}")
                .put("/api/v1/scheduler/jobs/daily-cleanup/schedule")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_CRON"))
                .body("error.message", startsWith("this schedule crosses midnight in UTC"));
    }

    @Test
    void refusesACronFiringOnSeconds() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"cron\": \"*/10 * * * * ?\"}")
                .put("/api/v1/scheduler/jobs/daily-cleanup/schedule")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_CRON"))
                .body("error.message", equalTo("the seconds field must be 0: schedules fire on whole minutes"));
    }

    private List<AuditEvent> actions(long afterId, String action) {
        return fixtures.auditSince(afterId).stream()
                .filter(row -> row.action.equals(action))
                .toList();
    }
}
