package dz.libertaphonix.scheduler.api.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job added the way a new job is added (its class with its descriptor, its schedules row in a
 * migration) is everywhere a job is, with no other change: listed and scheduled, in the status and
 * the next times, triggered by its id, its legacy name or its alias, toggled, rescheduled, and in the
 * run history and the analytics. The original contract's fields stay as they are.
 */
@QuarkusTest
@TestProfile(FourthJobProfile.class)
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class FourthJobTest {

    private static final JobId WEEKLY = WeeklyDigestJob.DESCRIPTOR.id();
    private static final String CRON = "0 30 6 ? * MON";
    private static final String ROOT = "/api/v1/scheduler";
    // found by id, not by place: the application's own jobs may grow
    private static final String WEEKLY_IN_JOBS = "data.find { it.job == 'weekly-digest' }";
    private static final String WEEKLY_IN_STATUS = "data.jobs.find { it.job == 'weekly-digest' }";

    @Inject
    AdminFixtures fixtures;

    @BeforeEach
    void everyScheduleAsItsMigrationSeedsIt() {
        fixtures.defaultSchedules();
        fixtures.schedule(WEEKLY, CRON, true);
    }

    @Test
    void isListedAfterTheOtherJobsWithItsScheduleAndNames() {
        JsonPath jobs = get("/jobs");

        assertThat(jobs.getList("data.job", String.class))
                .containsExactly(
                        "ecomanager-sync",
                        "shipping-status-sync",
                        "daily-cleanup",
                        "ecomanager-reconcile",
                        "weekly-digest");
        Map<String, Object> weekly = jobs.getMap(WEEKLY_IN_JOBS);
        assertThat(weekly)
                .containsEntry("name", "weekly_digest")
                .containsEntry("displayName", "Weekly digest")
                .containsEntry("enabled", true)
                .containsEntry("cron", CRON)
                .containsEntry("timeZone", "Africa/Algiers")
                .containsEntry("eventBridgeExpression", "cron(30 5 ? * MON *)");
        assertThat(jobs.getList(WEEKLY_IN_JOBS + ".nextFireTimes.algiers", String.class))
                .hasSize(5)
                .allSatisfy(time -> assertThat(time).endsWith("T06:30:00+01:00"));
        assertThat(get("/jobs/weekly_digest").getString("data.job")).isEqualTo("weekly-digest");
    }

    @Test
    void isInTheStatusAndTheNextTimesBesideTheOriginalContractsFields() {
        JsonPath status = get("/status");

        assertThat(status.getString("data.status")).isEqualTo("running");
        assertThat(status.getList("data.activeJobs", String.class))
                .containsExactly(
                        "ecomanager_sync",
                        "shipping_status_sync",
                        "daily_cleanup",
                        "ecomanager_reconcile",
                        "weekly_digest");
        assertThat(status.getMap("data.lastSyncs")).containsOnlyKeys("ecomanager", "shippingStatus", "cleanup");
        Map<String, Object> weekly = status.getMap(WEEKLY_IN_STATUS);
        assertThat(weekly)
                .containsEntry("job", "weekly-digest")
                .containsEntry("name", "weekly_digest")
                .containsEntry("displayName", "Weekly digest")
                .containsEntry("cron", CRON);
        assertThat((String) weekly.get("nextFireTime")).endsWith("T06:30:00+01:00");

        JsonPath next = get("/next-sync-times");
        assertThat(next.getMap("data"))
                .containsKeys("nextEcoManagerSync", "nextShippingStatusSync", "nextDailyCleanup", "currentTime");
        assertThat(next.getList("data.jobs.job", String.class)).endsWith("weekly-digest");
        assertThat(next.getString(WEEKLY_IN_STATUS + ".nextFireTime")).endsWith("T06:30:00+01:00");
    }

    @Test
    void runsWhenTriggeredAndShowsInTheHistoryAndTheAnalytics() {
        long before = fixtures.lastAuditId();

        String runId = admin().post(ROOT + "/trigger/weekly-digest")
                .then()
                .statusCode(202)
                .body("data.job", equalTo("weekly-digest"))
                .body("data.name", equalTo("weekly_digest"))
                .extract()
                .jsonPath()
                .getString("data.runId");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get("/runs/" + runId).getString("data.status"))
                        .isEqualTo("SUCCEEDED"));
        JsonPath run = get("/runs/" + runId);
        assertThat(run.getString("data.job")).isEqualTo("weekly-digest");
        assertThat(run.getString("data.name")).isEqualTo("weekly_digest");
        assertThat(run.getString("data.trigger")).isEqualTo("MANUAL");
        assertThat(run.getMap("data.counts")).containsEntry("digests", 1);
        assertThat(get("/history?job=weekly-digest").getList("data.items.id", String.class))
                .contains(runId);
        assertThat(get("/history?job=weekly_digest").getList("data.items.job", String.class))
                .isNotEmpty()
                .containsOnly("weekly-digest");
        assertThat(get("/status").getString(WEEKLY_IN_STATUS + ".lastRun.status"))
                .isEqualTo("SUCCEEDED");
        assertThat(get("/analytics?days=7").getList("data.jobs.job", String.class))
                .contains("weekly-digest");
        assertThat(fixtures.auditSince(before))
                .filteredOn(row -> row.action.equals("run.trigger"))
                .singleElement()
                .satisfies(row -> assertThat(row.target).isEqualTo("weekly-digest"));
    }

    @Test
    void isTriggeredByItsAliasAsTheOriginalJobsAreByTheirShortPaths() {
        String runId = admin().post(ROOT + "/trigger/digest")
                .then()
                .statusCode(202)
                .body("data.job", equalTo("weekly-digest"))
                .extract()
                .jsonPath()
                .getString("data.runId");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get("/runs/" + runId).getString("data.status"))
                        .isEqualTo("SUCCEEDED"));
    }

    @Test
    void isToggledAndRescheduledLikeAnyJob() {
        admin().post(ROOT + "/jobs/weekly-digest/disable")
                .then()
                .statusCode(200)
                .body("data.enabled", equalTo(false));
        JsonPath stopped = get("/status");
        assertThat(stopped.getString("data.status")).isEqualTo("partial");
        assertThat(stopped.getList("data.activeJobs", String.class)).doesNotContain("weekly_digest");
        assertThat(get("/next-sync-times").getString(WEEKLY_IN_STATUS + ".nextFireTime"))
                .isNull();

        admin().post(ROOT + "/jobs/weekly_digest/enable").then().statusCode(200).body("data.enabled", equalTo(true));
        JsonPath rescheduled = admin().contentType(ContentType.JSON)
                .body("{\"cron\": \"0 0 7 ? * FRI\"}")
                .put(ROOT + "/jobs/weekly-digest/schedule")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(rescheduled.getString("data.cron")).isEqualTo("0 0 7 ? * FRI");
        assertThat(rescheduled.getString("data.eventBridgeExpression")).isEqualTo("cron(0 6 ? * FRI *)");
        assertThat(get("/jobs/weekly-digest").getString("data.cron")).isEqualTo("0 0 7 ? * FRI");
        assertThat(get("/status").getList("data.activeJobs", String.class)).contains("weekly_digest");
    }

    @Test
    void startsAndStopsWithEveryOtherJob() {
        admin().post(ROOT + "/stop").then().statusCode(200).body("data.status", equalTo("stopped"));
        assertThat(get("/jobs").getList("data.enabled", Boolean.class)).containsOnly(false);

        admin().post(ROOT + "/start").then().statusCode(200).body("data.status", equalTo("running"));
        assertThat(get("/jobs").getList("data.enabled", Boolean.class))
                .containsOnly(true)
                .hasSize(5);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()));
    }

    private static JsonPath get(String path) {
        return given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get(ROOT + path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
