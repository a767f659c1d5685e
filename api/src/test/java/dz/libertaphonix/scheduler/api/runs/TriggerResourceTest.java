package dz.libertaphonix.scheduler.api.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.GatedShippingJob;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The triggers answer at once: 202 with the run id while the run goes on through the JobRunner, or
 * 409 with the id of the run already in progress.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class TriggerResourceTest {

    @Inject
    AdminFixtures fixtures;

    @Inject
    GatedShippingJob shipping;

    @AfterEach
    void letRunsFinish() {
        shipping.open();
    }

    @Test
    void acceptsATriggerWith202AndTheRunIdWithoutWaitingForTheRun() throws Exception {
        shipping.close();
        long before = fixtures.lastAuditId();

        Response response = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/trigger/shipping");

        // answered while the run is still held inside the job
        response.then()
                .statusCode(202)
                .body("success", equalTo(true))
                .body("data.job", equalTo("shipping-status-sync"))
                .body("data.name", equalTo("shipping_status_sync"))
                .body("data.status", equalTo("accepted"));
        String runId = response.jsonPath().getString("data.runId");
        assertThat(UUID.fromString(runId)).isNotNull();
        response.then()
                .body("data.runUrl", equalTo("/api/v1/scheduler/runs/" + runId))
                .header("Location", endsWith("/api/v1/scheduler/runs/" + runId));
        shipping.awaitStarted(Duration.ofSeconds(20));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/runs/" + runId)
                .then()
                .statusCode(200)
                .body("data.status", equalTo("RUNNING"))
                .body("data.trigger", equalTo("MANUAL"))
                .body("data.actor", equalTo(AdminTokens.ADMIN_EMAIL));

        shipping.open();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                        .get("/api/v1/scheduler/runs/" + runId)
                        .then()
                        .statusCode(200)
                        .body("data.status", equalTo("SUCCEEDED"))
                        .body("data.counts.changed", equalTo(3))
                        .body("data.results.accounts.main", equalTo("OK")));
        List<AuditEvent> rows = fixtures.auditSince(before).stream()
                .filter(row -> row.action.equals("run.trigger"))
                .toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.outcome).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(row.httpStatus).isEqualTo(202);
            assertThat(row.target).isEqualTo("shipping-status-sync");
            assertThat(row.parameters).containsEntry("runId", runId);
        });
    }

    @Test
    void aDryRunIsAcceptedLikeATriggerAndItsRunShowsWhatItWouldDo() {
        long before = fixtures.lastAuditId();

        Response response = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .queryParam("dryRun", "true")
                .post("/api/v1/scheduler/trigger/cleanup");

        response.then()
                .statusCode(202)
                .body("data.job", equalTo("daily-cleanup"))
                .body("data.status", equalTo("accepted"))
                .body("data.trigger", equalTo("DRY_RUN"));
        String runId = response.jsonPath().getString("data.runId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(
                        "Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/runs/" + runId)
                .then()
                .statusCode(200)
                .body("data.trigger", equalTo("DRY_RUN"))
                .body("data.status", equalTo("SUCCEEDED"))
                .body("data.results.dryRun", equalTo(true))
                .body("data.results.wouldDo.'tables.maintain'.samples", org.hamcrest.Matchers.hasItem("orders")));
        assertThat(fixtures.auditSince(before).stream()
                        .filter(row -> row.action.equals("run.trigger"))
                        .toList())
                .singleElement()
                .satisfies(row -> assertThat(row.parameters)
                        .containsEntry("dryRun", "true")
                        .containsEntry("runId", runId));
    }

    @Test
    void refusesADryRunFlagThatIsNeitherTrueNorFalse() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .queryParam("dryRun", "maybe")
                .post("/api/v1/scheduler/trigger/cleanup")
                .then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error.details.parameter", equalTo("dryRun"));
    }

    @Test
    void answers409WithTheRunningRunsIdWhileARealRunIsInProgress() throws Exception {
        shipping.close();
        String running = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/trigger/shipping")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("data.runId");
        shipping.awaitStarted(Duration.ofSeconds(20));
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/trigger/shipping")
                .then()
                .statusCode(409)
                .body("success", equalTo(false))
                .body("error.code", equalTo("JOB_ALREADY_RUNNING"))
                .body("error.details.runId", equalTo(running))
                .body("error.details.job", equalTo("shipping-status-sync"));

        assertThat(fixtures.auditSince(before).stream()
                        .filter(row -> row.action.equals("run.trigger"))
                        .toList())
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.outcome).isEqualTo(AuditOutcome.REJECTED);
                    assertThat(row.httpStatus).isEqualTo(409);
                    assertThat(row.parameters).containsEntry("error", "JOB_ALREADY_RUNNING");
                });

        shipping.open();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                        .get("/api/v1/scheduler/runs/" + running)
                        .then()
                        .body("data.status", equalTo("SUCCEEDED")));
        // the job is free again
        String next = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/trigger/shipping")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("data.runId");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                        .get("/api/v1/scheduler/runs/" + next)
                        .then()
                        .body("data.status", equalTo("SUCCEEDED")));
    }

    @Test
    void forbidsATeamManagerToTrigger() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .post("/api/v1/scheduler/trigger/ecomanager")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
    }
}
