package dz.libertaphonix.scheduler.api.errors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.schedule.ScheduleChanges;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind gets a 4xx with the error envelope and a reason; never a 500, a stack
 * trace or a class name; the schedule is untouched; audited endpoints record the rejection.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class BadInputTest {

    private static final String SCHEDULE = "/api/v1/scheduler/jobs/ecomanager-sync/schedule";

    @Inject
    AdminFixtures fixtures;

    @Inject
    ScheduleChanges schedules;

    @AfterEach
    void restore() {
        fixtures.defaultSchedules();
    }

    record Case(String name, Function<RequestSpecification, Response> call, int status, String code) {}

    @Test
    void answersEveryKindOfBadInputWithA4xxEnvelopeAndAReason() {
        Agent agent = fixtures.agent("Rania Khelifi", 50);
        String bigCron = "{\"cron\": \"" + "0".repeat(20_000) + "\"}";
        List<Case> cases = List.of(
                new Case(
                        "unknown job",
                        r -> json(r, "{\"cron\": \"0 0 9 * * ?\"}").put("/api/v1/scheduler/jobs/coffee/schedule"),
                        404,
                        "UNKNOWN_JOB"),
                // one trigger path for every job: a name no job has is an unknown job, as under /jobs
                new Case("unknown trigger", r -> r.post("/api/v1/scheduler/trigger/coffee"), 404, "UNKNOWN_JOB"),
                new Case("bad cron", r -> json(r, "{\"cron\": \"every hour\"}").put(SCHEDULE), 400, "INVALID_CRON"),
                new Case(
                        "malformed JSON",
                        r -> json(r, "{\"cron\": \"0 0 9 * * ?\"").put(SCHEDULE),
                        400,
                        "MALFORMED_JSON"),
                new Case("not JSON at all", r -> json(r, "cron=0 0 9 * * ?").put(SCHEDULE), 400, "MALFORMED_JSON"),
                new Case(
                        "array for an object", r -> json(r, "[\"0 0 9 * * ?\"]").put(SCHEDULE), 400, "INVALID_TYPE"),
                new Case(
                        "object for a string",
                        r -> json(r, "{\"cron\": {\"hour\": 9}}").put(SCHEDULE),
                        400,
                        "INVALID_TYPE"),
                new Case(
                        "text for a number",
                        r -> json(r, "{\"dailyCapacity\": \"lots\"}").patch("/api/v1/scheduler/agents/" + agent.id),
                        400,
                        "INVALID_TYPE"),
                new Case(
                        "text for a boolean",
                        r -> json(r, "{\"available\": \"maybe\"}").patch("/api/v1/scheduler/agents/" + agent.id),
                        400,
                        "INVALID_TYPE"),
                new Case(
                        "fraction for a whole number",
                        r -> json(r, "{\"dailyCapacity\": 12.5}").patch("/api/v1/scheduler/agents/" + agent.id),
                        400,
                        "INVALID_TYPE"),
                new Case(
                        "missing body", r -> r.contentType("application/json").put(SCHEDULE), 400, "VALIDATION_FAILED"),
                new Case("missing field", r -> json(r, "{}").put(SCHEDULE), 400, "VALIDATION_FAILED"),
                new Case("oversized body", r -> json(r, bigCron).put(SCHEDULE), 413, "PAYLOAD_TOO_LARGE"),
                new Case(
                        "wrong media type",
                        r -> r.contentType("text/plain").body("0 0 9 * * ?").put(SCHEDULE),
                        415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                new Case("unknown path", r -> r.get("/api/v1/scheduler/nothing-here"), 404, "NOT_FOUND"),
                new Case("wrong method", r -> r.delete("/api/v1/scheduler/status"), 405, "METHOD_NOT_ALLOWED"));

        for (Case c : cases) {
            Response response =
                    c.call().apply(given().header("Authorization", AdminTokens.bearer(AdminTokens.admin())));
            String body = response.asString();
            assertThat(response.statusCode()).as(c.name() + ": " + body).isEqualTo(c.status());
            assertThat(response.jsonPath().getBoolean("success")).as(c.name()).isFalse();
            assertThat(response.jsonPath().getString("error.code"))
                    .as(c.name() + ": " + body)
                    .isEqualTo(c.code());
            assertThat(response.jsonPath().getString("error.message"))
                    .as(c.name())
                    .isNotBlank();
            assertThat(body)
                    .as(c.name())
                    .doesNotContain("Exception", "java.", "jakarta.", "at dz.", "com.fasterxml", "org.jboss");
        }
        assertThat(schedules.find(EcoManagerSyncJob.ID).orElseThrow().cron)
                .isEqualTo(AdminFixtures.DEFAULT_ECOMANAGER_CRON);
    }

    @Test
    void refusesABodyThatNamesNoTypeWith415LikeAnyOtherUnsupportedType() throws Exception {
        Agent agent = fixtures.agent("Yasmine Haddad", 40);
        Store store = fixtures.store("https://natu.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        // a client that sends a body without saying what it is (the JDK client adds no Content-Type)
        List<HttpResponse<String>> answers = List.of(
                untyped("PUT", SCHEDULE, "{\"cron\": \"0 0 9 * * ?\"}"),
                untyped("PATCH", "/api/v1/scheduler/agents/" + agent.id, "{\"dailyCapacity\": 7}"),
                untyped("POST", "/api/v1/scheduler/stores/" + store.id + "/reset-cursor", "{\"cursor\": 12}"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode())
                    .as(answer.uri() + ": " + answer.body())
                    .isEqualTo(415);
            JsonPath body = JsonPath.from(answer.body());
            assertThat(body.getBoolean("success")).isFalse();
            assertThat(body.getString("error.code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            assertThat(body.getString("error.message")).contains("application/json");
        });
        assertThat(schedules.find(EcoManagerSyncJob.ID).orElseThrow().cron)
                .isEqualTo(AdminFixtures.DEFAULT_ECOMANAGER_CRON);
        assertThat(fixtures.reloadAgent(agent.id).dailyCapacity).isEqualTo(40);
        assertThat(fixtures.reload(store.id).importCursor).isZero();

        // no body at all still needs no type: a bare POST means "no options"
        assertThat(untyped("POST", "/api/v1/scheduler/stores/" + store.id + "/reset-cursor", null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesABodyAboveTheHttpLayersOwnLimitToo() {
        String huge = "{\"cron\": \"" + "0".repeat(100_000) + "\"}";

        Response response = json(given().header("Authorization", AdminTokens.bearer(AdminTokens.admin())), huge)
                .put(SCHEDULE);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void recordsEachRejectedChangeInTheAuditTrail() {
        long before = fixtures.lastAuditId();

        json(given().header("Authorization", AdminTokens.bearer(AdminTokens.admin())), "{\"cron\": ")
                .put(SCHEDULE)
                .then()
                .statusCode(400);
        json(given().header("Authorization", AdminTokens.bearer(AdminTokens.admin())), "{}")
                .put(SCHEDULE)
                .then()
                .statusCode(400);

        List<AuditEvent> rows = fixtures.auditSince(before).stream()
                .filter(row -> row.action.equals("schedule.change"))
                .toList();
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.outcome).isEqualTo(AuditOutcome.REJECTED);
            assertThat(row.httpStatus).isEqualTo(400);
            assertThat(row.target).isEqualTo("ecomanager-sync");
            assertThat(row.email).isEqualTo(AdminTokens.ADMIN_EMAIL);
        });
        assertThat(rows.get(0).parameters).containsEntry("error", "MALFORMED_JSON");
        assertThat(rows.get(1).parameters).containsEntry("error", "VALIDATION_FAILED");
    }

    private static HttpResponse<String> untyped(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static RequestSpecification json(RequestSpecification request, String body) {
        return request.contentType("application/json").body(body);
    }
}
