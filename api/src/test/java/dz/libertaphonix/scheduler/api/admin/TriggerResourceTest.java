package dz.libertaphonix.scheduler.api.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.InterimLiveState;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobLiveState;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The triggers answer at once: 202 with the run id, or 409 with the id of the run in progress. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class TriggerResourceTest {

    @Inject
    AdminFixtures fixtures;

    @Inject
    InterimLiveState liveState;

    @AfterEach
    void noRun() {
        liveState.clear(JobId.SHIPPING_STATUS_SYNC);
    }

    @Test
    void acceptsATriggerWith202AndTheRunId() {
        long before = fixtures.lastAuditId();

        Response response = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/trigger/cleanup");

        response.then()
                .statusCode(202)
                .body("success", equalTo(true))
                .body("data.job", equalTo("daily-cleanup"))
                .body("data.name", equalTo("daily_cleanup"))
                .body("data.status", equalTo("accepted"));
        String runId = response.jsonPath().getString("data.runId");
        assertThat(UUID.fromString(runId)).isNotNull();
        response.then()
                .body("data.runUrl", equalTo("/api/v1/scheduler/runs/" + runId))
                .header("Location", endsWith("/api/v1/scheduler/runs/" + runId));
        List<AuditEvent> rows = fixtures.auditSince(before).stream()
                .filter(row -> row.action.equals("run.trigger"))
                .toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.outcome).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(row.httpStatus).isEqualTo(202);
            assertThat(row.target).isEqualTo("daily-cleanup");
            assertThat(row.parameters).containsEntry("runId", runId);
        });
    }

    @Test
    void answers409WithTheRunningRunsIdWhileARunIsInProgress() {
        UUID running = UUID.randomUUID();
        liveState.set(new JobLiveState(
                JobId.SHIPPING_STATUS_SYNC,
                new JobLiveState.CurrentRun(running, RunTrigger.SCHEDULED, "scheduler", Instant.now(), Map.of()),
                null,
                null,
                null,
                Map.of(),
                null));
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/trigger/shipping")
                .then()
                .statusCode(409)
                .body("success", equalTo(false))
                .body("error.code", equalTo("JOB_ALREADY_RUNNING"))
                .body("error.details.runId", equalTo(running.toString()))
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
