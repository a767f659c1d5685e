package dz.libertaphonix.scheduler.api.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.api.schedules.ScheduleStateCache;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.EventBridgeWireMock;
import dz.libertaphonix.scheduler.api.testsupport.GatedShippingJob;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.cleanup.DailyCleanupJob;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.runs.runner.RunRequest;
import dz.libertaphonix.scheduler.schedule.Schedule;
import dz.libertaphonix.scheduler.schedule.ScheduleChanges;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS adapters against a fake EventBridge: start/stop is EnableRule/DisableRule on each job's
 * rule, the rule's state is read with DescribeRule and cached in Redis, a cron change is PutRule
 * with the exact UTC expression, a trigger is PutEvents of SyncRequested. Every request asserted.
 */
@QuarkusTest
@TestProfile(EventBridgeProfile.class)
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class EventBridgeAdaptersTest {

    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final String IMPORT_RULE = "libertaphonix-ecomanager-sync";
    private static final String SHIPPING_RULE = "libertaphonix-shipping-status-sync";
    private static final String CLEANUP_RULE = "libertaphonix-daily-cleanup";
    private static final String RECONCILE_RULE = "libertaphonix-ecomanager-reconcile";

    @Inject
    JobCatalog catalog;

    @Inject
    AdminFixtures fixtures;

    @Inject
    ScheduleChanges schedules;

    @Inject
    ScheduleStateCache scheduleCache;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    JobRunner runner;

    @Inject
    GatedShippingJob shipping;

    WireMockServer eventBridge;

    @BeforeEach
    void freshFake() {
        eventBridge = EventBridgeWireMock.server();
        eventBridge.resetAll();
        for (String target : List.of("EnableRule", "DisableRule", "PutRule", "PutEvents")) {
            eventBridge.stubFor(call(target)
                    .willReturn(ok(
                            target.equals("PutRule")
                                    ? "{\"RuleArn\": \"arn:aws:events:eu-west-3:123456789012:rule/x\"}"
                                    : target.equals("PutEvents")
                                            ? "{\"FailedEntryCount\": 0, \"Entries\": [{\"EventId\": \"6f1c2b3a-0000-4000-8000-000000000001\"}]}"
                                            : "{}")));
        }
        stubRule(IMPORT_RULE, "ENABLED", "cron(0 7-19 * * ? *)");
        stubRule(SHIPPING_RULE, "ENABLED", "cron(0 5,11,17,23 * * ? *)");
        stubRule(CLEANUP_RULE, "ENABLED", "cron(0 1 * * ? *)");
        stubRule(RECONCILE_RULE, "ENABLED", "cron(0 2 * * ? *)");
        fixtures.defaultSchedules();
        for (JobId job : catalog.ids()) {
            redis.key().del("scheduler:schedule-state:" + job.id());
        }
        scheduleCache.invalidate();
    }

    @Test
    void stopDisablesEachJobsRuleAndRecordsWhoDidIt() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/stop")
                .then()
                .statusCode(200)
                .body("data.status", Matchers.equalTo("stopped"));

        for (String rule : List.of(IMPORT_RULE, SHIPPING_RULE, CLEANUP_RULE, RECONCILE_RULE)) {
            eventBridge.verify(
                    1,
                    postRequestedFor(urlEqualTo("/"))
                            .withHeader("X-Amz-Target", equalTo("AWSEvents.DisableRule"))
                            .withHeader("Content-Type", containing(JSON_1_1))
                            .withHeader("Authorization", containing("AWS4-HMAC-SHA256"))
                            .withRequestBody(equalToJson("{\"Name\": \"" + rule + "\"}")));
        }
        eventBridge.verify(
                4, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.DisableRule")));
        // the new state was cached as it was written: the status answer needed no DescribeRule
        eventBridge.verify(
                0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.DescribeRule")));
        for (JobId job : catalog.ids()) {
            Schedule row = schedules.find(job).orElseThrow();
            assertThat(row.enabled).isFalse();
            assertThat(row.changedBy).isEqualTo(AdminTokens.ADMIN_EMAIL);
        }
    }

    @Test
    void startEnablesEachJobsRule() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/start")
                .then()
                .statusCode(200)
                .body("data.status", Matchers.equalTo("running"));

        for (String rule : List.of(IMPORT_RULE, SHIPPING_RULE, CLEANUP_RULE, RECONCILE_RULE)) {
            eventBridge.verify(
                    1,
                    postRequestedFor(urlEqualTo("/"))
                            .withHeader("X-Amz-Target", equalTo("AWSEvents.EnableRule"))
                            .withRequestBody(equalToJson("{\"Name\": \"" + rule + "\"}")));
        }
    }

    @Test
    void readsTheRuleStateWithDescribeRuleOnceThenFromRedis() {
        stubRule(SHIPPING_RULE, "DISABLED", "cron(0 5,11,17,23 * * ? *)");

        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get("/api/v1/scheduler/status")
                .then()
                .statusCode(200)
                .body("data.status", Matchers.equalTo("partial"))
                .body("data.activeJobs", Matchers.contains("ecomanager_sync", "daily_cleanup", "ecomanager_reconcile"));
        scheduleCache.invalidate();
        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get("/api/v1/scheduler/status")
                .then()
                .statusCode(200)
                .body("data.status", Matchers.equalTo("partial"));

        for (String rule : List.of(IMPORT_RULE, SHIPPING_RULE, CLEANUP_RULE, RECONCILE_RULE)) {
            eventBridge.verify(
                    1,
                    postRequestedFor(urlEqualTo("/"))
                            .withHeader("X-Amz-Target", equalTo("AWSEvents.DescribeRule"))
                            .withRequestBody(equalToJson("{\"Name\": \"" + rule + "\"}")));
        }
    }

    @Test
    void rescheduleReplacesTheRuleWithTheExactUtcExpressionKeepingStateAndDescription() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"cron\": \"0 30 9-17 ? * MON-FRI\"}")
                .put("/api/v1/scheduler/jobs/ecomanager-sync/schedule")
                .then()
                .statusCode(200)
                .body("data.eventBridgeExpression", Matchers.equalTo("cron(30 8-16 ? * MON-FRI *)"));

        eventBridge.verify(
                1,
                postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("AWSEvents.PutRule"))
                        .withRequestBody(equalToJson("""
                                {"Name": "libertaphonix-ecomanager-sync",
                                 "ScheduleExpression": "cron(30 8-16 ? * MON-FRI *)",
                                 "State": "ENABLED",
                                 "Description": "Rule for libertaphonix-ecomanager-sync"}
                                """)));
        assertThat(schedules.find(EcoManagerSyncJob.ID).orElseThrow().cron).isEqualTo("0 30 9-17 ? * MON-FRI");
    }

    @Test
    void aTriggerPutsASyncRequestedEventOnTheApplicationBus() throws Exception {
        Response response = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/trigger/ecomanager");
        response.then().statusCode(202);
        String runId = response.jsonPath().getString("data.runId");

        List<LoggedRequest> puts = eventBridge.findAll(
                postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents")));
        assertThat(puts).hasSize(1);
        JsonNode request = json.readTree(puts.get(0).getBodyAsString());
        assertThat(request.get("Entries")).hasSize(1);
        JsonNode entry = request.get("Entries").get(0);
        assertThat(entry.get("EventBusName").asText()).isEqualTo("libertaphonix-scheduler");
        assertThat(entry.get("Source").asText()).isEqualTo("libertaphonix.scheduler");
        assertThat(entry.get("DetailType").asText()).isEqualTo("SyncRequested");
        JsonNode detail = json.readTree(entry.get("Detail").asText());
        assertThat(detail.get("job").asText()).isEqualTo("ecomanager-sync");
        assertThat(detail.get("runId").asText()).isEqualTo(runId);
        assertThat(detail.get("actor").asText()).isEqualTo(AdminTokens.ADMIN_EMAIL);
    }

    @Test
    void answers409WithoutPuttingAnEventWhileARunIsInProgress() throws Exception {
        shipping.close();
        UUID running = UUID.randomUUID();
        // a run held by this process' JobRunner: its lock is what the dispatcher sees
        Thread.ofPlatform().start(() -> runner.run(RunRequest.manual(ShippingStatusSyncJob.ID, "scheduler", running)));
        try {
            shipping.awaitStarted(Duration.ofSeconds(20));

            given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                    .post("/api/v1/scheduler/trigger/shipping")
                    .then()
                    .statusCode(409)
                    .body("error.code", Matchers.equalTo("JOB_ALREADY_RUNNING"))
                    .body("error.details.runId", Matchers.equalTo(running.toString()));

            eventBridge.verify(
                    0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents")));
        } finally {
            shipping.open();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> runner.runningRun(ShippingStatusSyncJob.ID).isEmpty());
    }

    @Test
    void answers503AndChangesNothingWhenEventBridgeFails() {
        fixtures.schedule(DailyCleanupJob.ID, AdminFixtures.DEFAULT_CLEANUP_CRON, false);
        eventBridge.stubFor(call("EnableRule")
                .withRequestBody(equalToJson("{\"Name\": \"" + CLEANUP_RULE + "\"}"))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", JSON_1_1)
                        .withBody("{\"__type\": \"InternalException\", \"message\": \"service unavailable\"}")));
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/jobs/daily-cleanup/enable")
                .then()
                .statusCode(503)
                .body("success", Matchers.equalTo(false))
                .body("error.code", Matchers.equalTo("SCHEDULE_CONTROL_UNAVAILABLE"));

        assertThat(schedules.find(DailyCleanupJob.ID).orElseThrow().enabled).isFalse();
        assertThat(fixtures.auditSince(before).stream()
                        .filter(row -> row.action.equals("schedule.enable"))
                        .toList())
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.outcome).isEqualTo(AuditOutcome.FAILED);
                    assertThat(row.httpStatus).isEqualTo(503);
                });
    }

    @Test
    void answers503WhenEventBridgeRefusesTheEvent() {
        eventBridge.stubFor(call("PutEvents")
                .willReturn(ok("{\"FailedEntryCount\": 1, \"Entries\": [{\"ErrorCode\": \"InternalFailure\","
                        + " \"ErrorMessage\": \"try again\"}]}")));

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/trigger/cleanup")
                .then()
                .statusCode(503)
                .body("error.code", Matchers.equalTo("SCHEDULE_CONTROL_UNAVAILABLE"))
                .body("error.message", Matchers.containsString("InternalFailure"));
    }

    private void stubRule(String rule, String state, String expression) {
        eventBridge.stubFor(call("DescribeRule")
                .withRequestBody(matchingJsonPath("$.Name", equalTo(rule)))
                .willReturn(ok("""
                        {"Name": "%s", "Arn": "arn:aws:events:eu-west-3:123456789012:rule/%s",
                         "ScheduleExpression": "%s", "State": "%s", "Description": "Rule for %s",
                         "EventBusName": "default"}
                        """.formatted(rule, rule, expression, state, rule))));
    }

    private static MappingBuilder call(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents." + target));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_1_1).withBody(body);
    }
}
