package dz.libertaphonix.scheduler.api.schedules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.GatedShippingJob;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.api.testsupport.LiveStates;
import dz.libertaphonix.scheduler.api.testsupport.TestClock;
import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.reconcile.EcoManagerReconcileJob;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /status}, {@code /next-sync-times} and {@code /jobs}: the original contract, field for field. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class StatusResourceTest {

    private static final Instant LAST_IMPORT_START = Instant.parse("2025-07-24T07:00:00Z");
    private static final Instant LAST_IMPORT_END = Instant.parse("2025-07-24T07:01:30Z");

    @Inject
    JobCatalog catalog;

    @Inject
    AdminFixtures fixtures;

    @Inject
    LiveStates liveStates;

    @Inject
    GatedShippingJob shipping;

    @Inject
    TestClock clock;

    @BeforeEach
    void schedulesAsSeeded() {
        fixtures.defaultSchedules();
        for (JobId job : catalog.ids()) {
            liveStates.clear(job);
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
        shipping.open();
    }

    @Test
    void answersTheOriginalStatusContractWithItsExactFieldNames() throws Exception {
        liveStates.finished(
                EcoManagerSyncJob.ID,
                LAST_IMPORT_START,
                LAST_IMPORT_END,
                JobRunStatus.SUCCEEDED,
                Map.of("imported", 42L, "quarantined", 1L),
                null,
                List.of(new UnitResult("NATU", true, 40, null), new UnitResult("KITCH", true, 2, null)));
        liveStates.finished(
                DailyCleanupJob.ID,
                Instant.parse("2025-07-24T01:00:00Z"),
                Instant.parse("2025-07-24T01:00:04Z"),
                JobRunStatus.FAILED,
                Map.of(),
                Map.of("class", "RunStateUnavailableException", "message", "Redis unavailable"));
        // a real shipping run, held open inside the job after it reported its progress
        shipping.close();
        String shippingRun = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/trigger/shipping")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("data.runId");
        shipping.awaitStarted(Duration.ofSeconds(20));

        JsonPath body = given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get("/api/v1/scheduler/status")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true))
                .extract()
                .jsonPath();
        shipping.open();

        assertThat(body.getMap("")).containsOnlyKeys("success", "data");
        assertThat(body.getMap("data"))
                .containsOnlyKeys("status", "isRunning", "startedAt", "stoppedAt", "activeJobs", "lastSyncs", "jobs");
        assertThat(body.getString("data.status")).isEqualTo("running");
        assertThat(body.getBoolean("data.isRunning")).isTrue();
        assertThat(body.getList("data.activeJobs", String.class))
                .containsExactly("ecomanager_sync", "shipping_status_sync", "daily_cleanup", "ecomanager_reconcile");
        assertThat(body.getString("data.startedAt")).endsWith("+01:00");
        assertThat(body.getString("data.stoppedAt")).isNull();

        assertThat(body.getMap("data.lastSyncs")).containsOnlyKeys("ecomanager", "shippingStatus", "cleanup");
        assertThat(body.getMap("data.lastSyncs.ecomanager"))
                .containsOnlyKeys("lastStart", "lastEnd", "lastResults", "lastError");
        assertThat(body.getMap("data.lastSyncs.shippingStatus"))
                .containsOnlyKeys("lastStart", "lastEnd", "lastResults", "lastError");
        assertThat(body.getMap("data.lastSyncs.cleanup")).containsOnlyKeys("lastRun", "lastError");

        assertThat(body.getString("data.lastSyncs.ecomanager.lastStart")).isEqualTo("2025-07-24T08:00:00+01:00");
        assertThat(body.getString("data.lastSyncs.ecomanager.lastEnd")).isEqualTo("2025-07-24T08:01:30+01:00");
        assertThat(body.getMap("data.lastSyncs.ecomanager.lastResults"))
                .containsExactly(
                        Map.entry("NATU", Map.of("success", true, "syncedCount", 40)),
                        Map.entry("KITCH", Map.of("success", true, "syncedCount", 2)));
        assertThat(body.getString("data.lastSyncs.ecomanager.lastError")).isNull();
        // the shipping run in progress is its last run: started, not ended, no results yet
        assertThat(body.getString("data.lastSyncs.shippingStatus.lastStart")).endsWith("+01:00");
        assertThat(body.getString("data.lastSyncs.shippingStatus.lastEnd")).isNull();
        assertThat(body.getString("data.lastSyncs.shippingStatus.lastResults")).isNull();
        assertThat(body.getString("data.lastSyncs.cleanup.lastRun")).isEqualTo("2025-07-24T02:00:00+01:00");
        assertThat(body.getMap("data.lastSyncs.cleanup.lastError"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "error", "Redis unavailable", "status", "FAILED", "timestamp", "2025-07-24T02:00:04+01:00"));

        List<Map<String, Object>> jobs = body.getList("data.jobs");
        assertThat(jobs)
                .extracting(job -> job.get("job"))
                .containsExactly("ecomanager-sync", "shipping-status-sync", "daily-cleanup", "ecomanager-reconcile");
        Map<String, Object> shippingJob = jobs.get(1);
        assertThat(shippingJob)
                .containsOnlyKeys(
                        "job",
                        "name",
                        "displayName",
                        "enabled",
                        "cron",
                        "timeZone",
                        "nextFireTime",
                        "running",
                        "currentRun",
                        "lastStatus",
                        "lastRun",
                        "missedFires24h",
                        "lastMissedFire");
        assertThat(shippingJob.get("name")).isEqualTo("shipping_status_sync");
        assertThat(shippingJob.get("running")).isEqualTo(true);
        assertThat(shippingJob.get("cron")).isEqualTo(AdminFixtures.DEFAULT_SHIPPING_CRON);
        assertThat(shippingJob.get("timeZone")).isEqualTo("Africa/Algiers");
        assertThat(body.getString("data.jobs[1].currentRun.runId")).isEqualTo(shippingRun);
        assertThat(body.getString("data.jobs[1].currentRun.trigger")).isEqualTo("MANUAL");
        assertThat(body.getString("data.jobs[1].currentRun.actor")).isEqualTo(AdminTokens.ADMIN_EMAIL);
        assertThat(body.getString("data.jobs[1].currentRun.startedAt")).endsWith("+01:00");
        assertThat(body.getInt("data.jobs[1].currentRun.progress.pages.done")).isEqualTo(14);
        assertThat(body.getInt("data.jobs[1].currentRun.progress.pages.total")).isEqualTo(60);
        assertThat(body.getBoolean("data.jobs[0].running")).isFalse();
        assertThat(body.getString("data.jobs[0].currentRun")).isNull();
        assertThat(body.getString("data.jobs[0].lastStatus")).isEqualTo("SUCCEEDED");
        // the richer data of the last run stays in jobs[]: status, times, counts, error, stores
        assertThat(body.getString("data.jobs[0].lastRun.status")).isEqualTo("SUCCEEDED");
        assertThat(body.getString("data.jobs[0].lastRun.trigger")).isEqualTo("SCHEDULED");
        assertThat(body.getString("data.jobs[0].lastRun.runId")).isNotNull();
        assertThat(body.getString("data.jobs[0].lastRun.startedAt")).isEqualTo("2025-07-24T08:00:00+01:00");
        assertThat(body.getString("data.jobs[0].lastRun.endedAt")).isEqualTo("2025-07-24T08:01:30+01:00");
        assertThat(body.getMap("data.jobs[0].lastRun.counts"))
                .containsEntry("imported", 42)
                .containsEntry("quarantined", 1);
        assertThat(body.getList("data.jobs[0].lastRun.units.unit", String.class))
                .containsExactly("NATU", "KITCH");
        assertThat(body.getString("data.jobs[1].lastRun.status")).isEqualTo("RUNNING");
        assertThat(body.getString("data.jobs[1].lastRun.endedAt")).isNull();
        assertThat(body.getString("data.jobs[2].lastRun.error.class")).isEqualTo("RunStateUnavailableException");
        assertThat(body.getString("data.jobs[2].lastRun.error.message")).isEqualTo("Redis unavailable");

        // once the run has ended, it is the last sync, with its counts
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                        .get("/api/v1/scheduler/status")
                        .then()
                        .body("data.jobs[1].running", equalTo(false))
                        .body("data.jobs[1].lastRun.status", equalTo("SUCCEEDED"))
                        .body("data.jobs[1].lastRun.counts.changed", equalTo(3))
                        .body("data.lastSyncs.shippingStatus.lastResults.updated", equalTo(3))
                        .body("data.lastSyncs.shippingStatus.lastResults.errors", equalTo(0))
                        .body("data.lastSyncs.shippingStatus.lastError", nullValue()));
    }

    @Test
    void answersNullLastSyncsForJobsThatNeverRan() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/status")
                .then()
                .statusCode(200)
                .body("data.lastSyncs.ecomanager.lastStart", nullValue())
                .body("data.lastSyncs.ecomanager.lastResults", nullValue())
                .body("data.lastSyncs.cleanup.lastRun", nullValue());
    }

    @Test
    void saysPartialWhenSomeSchedulesAreDisabledAndStoppedWhenNoneIsEnabled() {
        fixtures.schedule(ShippingStatusSyncJob.ID, AdminFixtures.DEFAULT_SHIPPING_CRON, false);

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/status")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("partial"))
                .body("data.isRunning", equalTo(true))
                .body("data.activeJobs", contains("ecomanager_sync", "daily_cleanup", "ecomanager_reconcile"));

        fixtures.schedule(EcoManagerSyncJob.ID, AdminFixtures.DEFAULT_ECOMANAGER_CRON, false);
        fixtures.schedule(DailyCleanupJob.ID, AdminFixtures.DEFAULT_CLEANUP_CRON, false);
        fixtures.schedule(EcoManagerReconcileJob.ID, AdminFixtures.DEFAULT_RECONCILE_CRON, false);

        JsonPath body = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/status")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("stopped"))
                .body("data.isRunning", equalTo(false))
                .body("data.activeJobs", hasSize(0))
                .body("data.startedAt", nullValue())
                .extract()
                .jsonPath();
        assertThat(OffsetDateTime.parse(body.getString("data.stoppedAt"))
                        .getOffset()
                        .getTotalSeconds())
                .isEqualTo(3600);
    }

    @Test
    void givesTheNextSyncTimesInAlgiersTimeAndNullForADisabledJob() {
        clock.fix(Instant.parse("2025-07-24T08:30:00Z")); // 09:30 in Algiers

        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get("/api/v1/scheduler/next-sync-times")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.nextEcoManagerSync", equalTo("2025-07-24T10:00:00+01:00"))
                .body("data.nextShippingStatusSync", equalTo("2025-07-24T12:00:00+01:00"))
                .body("data.nextDailyCleanup", equalTo("2025-07-25T02:00:00+01:00"))
                .body("data.currentTime", equalTo("2025-07-24T09:30:00+01:00"));

        fixtures.schedule(ShippingStatusSyncJob.ID, AdminFixtures.DEFAULT_SHIPPING_CRON, false);

        JsonPath body = given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get("/api/v1/scheduler/next-sync-times")
                .then()
                .statusCode(200)
                .body("data.nextShippingStatusSync", nullValue())
                .extract()
                .jsonPath();
        // the original contract's fields, and every job's next time in jobs (added with the job catalogue)
        assertThat(body.getMap("data"))
                .containsOnlyKeys(
                        "nextEcoManagerSync", "nextShippingStatusSync", "nextDailyCleanup", "currentTime", "jobs");
        assertThat(body.getList("data.jobs.job", String.class))
                .containsExactly("ecomanager-sync", "shipping-status-sync", "daily-cleanup", "ecomanager-reconcile");
        assertThat(body.getList("data.jobs.name", String.class))
                .containsExactly("ecomanager_sync", "shipping_status_sync", "daily_cleanup", "ecomanager_reconcile");
        assertThat(body.getList("data.jobs.enabled", Boolean.class)).containsExactly(true, false, true, true);
        assertThat(body.getString("data.jobs[0].nextFireTime")).isEqualTo("2025-07-24T10:00:00+01:00");
        assertThat(body.getString("data.jobs[1].nextFireTime")).isNull();
        assertThat(body.getString("data.jobs[2].nextFireTime")).isEqualTo("2025-07-25T02:00:00+01:00");
        assertThat(body.getString("data.jobs[3].nextFireTime")).isEqualTo("2025-07-25T03:00:00+01:00");
    }

    @Test
    void listsEveryJobWithItsNextFiveFireTimesInAlgiersTimeAndUtc() {
        clock.fix(Instant.parse("2025-07-24T18:30:00Z")); // 19:30 in Algiers: the import fires 20:00, then 08:00

        JsonPath body = given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get("/api/v1/scheduler/jobs")
                .then()
                .statusCode(200)
                .body("data", hasSize(4))
                .extract()
                .jsonPath();

        assertThat(body.getString("data[0].job")).isEqualTo("ecomanager-sync");
        assertThat(body.getString("data[0].name")).isEqualTo("ecomanager_sync");
        assertThat(body.getString("data[0].displayName")).isEqualTo("EcoManager order import");
        assertThat(body.getString("data[0].cron")).isEqualTo("0 0 8-20 * * ?");
        assertThat(body.getString("data[0].eventBridgeExpression")).isEqualTo("cron(0 7-19 * * ? *)");
        assertThat(body.getList("data[0].nextFireTimes.algiers", String.class))
                .containsExactly(
                        "2025-07-24T20:00:00+01:00",
                        "2025-07-25T08:00:00+01:00",
                        "2025-07-25T09:00:00+01:00",
                        "2025-07-25T10:00:00+01:00",
                        "2025-07-25T11:00:00+01:00");
        assertThat(body.getList("data[0].nextFireTimes.utc", String.class))
                .containsExactly(
                        "2025-07-24T19:00:00Z",
                        "2025-07-25T07:00:00Z",
                        "2025-07-25T08:00:00Z",
                        "2025-07-25T09:00:00Z",
                        "2025-07-25T10:00:00Z");
        assertThat(body.getString("data[1].eventBridgeExpression")).isEqualTo("cron(0 5,11,17,23 * * ? *)");
        assertThat(body.getString("data[2].eventBridgeExpression")).isEqualTo("cron(0 1 * * ? *)");
        assertThat(body.getList("data[2].nextFireTimes.utc", String.class))
                .first()
                .isEqualTo("2025-07-25T01:00:00Z");
        assertThat(body.getString("data[3].job")).isEqualTo("ecomanager-reconcile");
        assertThat(body.getString("data[3].eventBridgeExpression")).isEqualTo("cron(0 2 * * ? *)");
        assertThat(body.getList("data[3].nextFireTimes.algiers", String.class))
                .first()
                .isEqualTo("2025-07-25T03:00:00+01:00");
    }
}
