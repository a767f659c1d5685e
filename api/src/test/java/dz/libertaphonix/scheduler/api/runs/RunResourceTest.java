package dz.libertaphonix.scheduler.api.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** {@code /history} and {@code /runs/{id}}: the run ledger, newest first, filtered, paged. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class RunResourceTest {

    private static final ZoneOffset ALGIERS = ZoneOffset.ofHours(1);

    @Inject
    AdminFixtures fixtures;

    /** A day of its own in the past, so this test's runs are the only ones in its window. */
    private static Instant ownDay() {
        return Instant.parse("2001-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(0, 3000) + AdminFixtures.next() % 3000, ChronoUnit.DAYS);
    }

    @Test
    void listsRunsNewestFirstWithTheirFieldsAndPages() {
        Instant day = ownDay();
        JobRun oldest = fixtures.finishedRun(
                EcoManagerSyncJob.ID, JobRunStatus.SUCCEEDED, RunTrigger.SCHEDULED, day.plusSeconds(3600), 90);
        JobRun middle = fixtures.finishedRun(
                ShippingStatusSyncJob.ID, JobRunStatus.FAILED, RunTrigger.MANUAL, day.plusSeconds(7200), 5);
        JobRun newest = fixtures.finishedRun(
                EcoManagerSyncJob.ID, JobRunStatus.PARTIAL, RunTrigger.SCHEDULED, day.plusSeconds(10800), 30);

        JsonPath page1 = history(day, "&size=2&page=1")
                .body("data.items.id", contains(newest.id.toString(), middle.id.toString()))
                .body("data.page", equalTo(1))
                .body("data.size", equalTo(2))
                .body("data.total", equalTo(3))
                .body("data.totalPages", equalTo(2))
                .extract()
                .jsonPath();
        history(day, "&size=2&page=2").body("data.items.id", contains(oldest.id.toString()));

        assertThat(page1.getMap("data.items[1]"))
                .containsOnlyKeys(
                        "id",
                        "job",
                        "name",
                        "trigger",
                        "status",
                        "actor",
                        "attempt",
                        "scheduledAt",
                        "startedAt",
                        "endedAt",
                        "durationMs",
                        "skipReason",
                        "counts",
                        "error");
        assertThat(page1.getString("data.items[1].job")).isEqualTo("shipping-status-sync");
        assertThat(page1.getString("data.items[1].name")).isEqualTo("shipping_status_sync");
        assertThat(page1.getString("data.items[1].trigger")).isEqualTo("MANUAL");
        assertThat(page1.getString("data.items[1].status")).isEqualTo("FAILED");
        assertThat(page1.getString("data.items[1].actor")).isEqualTo(AdminTokens.ADMIN_EMAIL);
        assertThat(page1.getLong("data.items[1].durationMs")).isEqualTo(5000);
        assertThat(page1.getString("data.items[1].startedAt"))
                .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(middle.startedAt.atOffset(ALGIERS)))
                .endsWith(":00+01:00");
        assertThat(page1.getString("data.items[1].error.message")).isEqualTo("EcoManager answered 503");
        assertThat(page1.getInt("data.items[1].counts.imported")).isEqualTo(14);
    }

    @Test
    void filtersByJobStatusAndTrigger() {
        Instant day = ownDay();
        JobRun scheduledImport = fixtures.finishedRun(
                EcoManagerSyncJob.ID, JobRunStatus.SUCCEEDED, RunTrigger.SCHEDULED, day.plusSeconds(100), 10);
        JobRun manualImport = fixtures.finishedRun(
                EcoManagerSyncJob.ID, JobRunStatus.SUCCEEDED, RunTrigger.MANUAL, day.plusSeconds(200), 10);
        JobRun skippedImport = fixtures.finishedRun(
                EcoManagerSyncJob.ID, JobRunStatus.SKIPPED, RunTrigger.SCHEDULED, day.plusSeconds(300), 0);
        fixtures.finishedRun(DailyCleanupJob.ID, JobRunStatus.SUCCEEDED, RunTrigger.SCHEDULED, day.plusSeconds(400), 2);

        history(day, "&job=ecomanager_sync")
                .body(
                        "data.items.id",
                        contains(
                                skippedImport.id.toString(),
                                manualImport.id.toString(),
                                scheduledImport.id.toString()));
        history(day, "&job=ecomanager-sync&trigger=manual").body("data.items.id", contains(manualImport.id.toString()));
        history(day, "&status=SKIPPED")
                .body("data.items.id", contains(skippedImport.id.toString()))
                .body("data.items[0].skipReason", equalTo("already-running"));
        history(day, "&job=daily-cleanup&status=FAILED")
                .body("data.items", hasSize(0))
                .body("data.total", equalTo(0));
    }

    @Test
    void filtersByStartTimeWithOffsetsOrDates() {
        Instant day = ownDay();
        JobRun early = fixtures.finishedRun(
                EcoManagerSyncJob.ID, JobRunStatus.SUCCEEDED, RunTrigger.SCHEDULED, day.plus(Duration.ofHours(8)), 10);
        JobRun late = fixtures.finishedRun(
                EcoManagerSyncJob.ID, JobRunStatus.SUCCEEDED, RunTrigger.SCHEDULED, day.plus(Duration.ofHours(20)), 10);

        String noon = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                day.plus(Duration.ofHours(12)).atOffset(ALGIERS));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .queryParam("from", noon)
                .queryParam("to", day.plus(Duration.ofDays(1)).toString())
                .get("/api/v1/scheduler/history")
                .then()
                .statusCode(200)
                .body("data.items.id", contains(late.id.toString()));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .queryParam("from", day.toString())
                .queryParam("to", noon)
                .get("/api/v1/scheduler/history")
                .then()
                .statusCode(200)
                .body("data.items.id", contains(early.id.toString()));
    }

    @Test
    void refusesFiltersItCannotUnderstandWith400() {
        for (String query : new String[] {
            "job=coffee-machine",
            "status=DONE",
            "trigger=CRON",
            "from=yesterday",
            "page=0",
            "size=1000",
            "size=ten",
            "from=2025-07-25&to=2025-07-24"
        }) {
            given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                    .get("/api/v1/scheduler/history?" + query)
                    .then()
                    .statusCode(400)
                    .body("success", equalTo(false))
                    .body("error.code", equalTo("INVALID_PARAMETER"));
        }
    }

    @Test
    void showsOneRunWithItsPerStoreResults() {
        JobRun run =
                fixtures.finishedRun(EcoManagerSyncJob.ID, JobRunStatus.PARTIAL, RunTrigger.SCHEDULED, ownDay(), 42);

        JsonPath body = given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get("/api/v1/scheduler/runs/" + run.id)
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", equalTo(run.id.toString()))
                .body("data.status", equalTo("PARTIAL"))
                .body("data.results.store", contains("NATU", "ZAHRA"))
                .body("data.results[0].imported", equalTo(9))
                .body("data.error.class", equalTo("UpstreamUnavailableException"))
                .extract()
                .jsonPath();
        assertThat(body.getMap("data")).containsKeys("results", "eventId", "deadlineAt", "heartbeatAt", "durationMs");
    }

    @Test
    void answers404ForAnUnknownRunAnd400ForSomethingThatIsNotARunId() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/runs/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("error.code", equalTo("RUN_NOT_FOUND"));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/runs/last-night")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_PARAMETER"));
    }

    private static io.restassured.response.ValidatableResponse history(Instant day, String query) {
        return given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get("/api/v1/scheduler/history?from=" + day + "&to=" + day.plus(Duration.ofDays(1)) + query)
                .then()
                .statusCode(200)
                .body("success", equalTo(true));
    }
}
