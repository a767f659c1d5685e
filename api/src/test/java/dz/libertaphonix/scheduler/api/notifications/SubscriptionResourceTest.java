package dz.libertaphonix.scheduler.api.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notification subscriptions through the admin API: CRUD, validation, audit, the secret told once, send-test. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class SubscriptionResourceTest {

    private static final String SUBSCRIPTIONS = "/api/v1/scheduler/notifications/subscriptions";

    @Inject
    AdminFixtures fixtures;

    @Inject
    ObjectMapper json;

    private WireMockServer receiver;
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterEach
    void cleanUp() {
        for (long id : created) {
            given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                    .delete(SUBSCRIPTIONS + "/" + id);
        }
        receiver.stop();
    }

    @Test
    void createsListsChangesAndDeletesASubscriptionAllAudited() {
        long before = fixtures.lastAuditId();

        JsonPath created = create("{\"url\": \"" + receiver.baseUrl() + "/hooks/ops\","
                        + " \"events\": [\"SyncFailed\", \"RunMissed\"], \"jobs\": [\"ecomanager-sync\"],"
                        + " \"format\": \"chat\", \"language\": \"en\"}")
                .statusCode(201)
                .body("success", equalTo(true))
                .body("data.events", equalTo(List.of("SyncFailed", "RunMissed")))
                .body("data.jobs", equalTo(List.of("ecomanager-sync")))
                .body("data.format", equalTo("chat"))
                .body("data.language", equalTo("en"))
                .body("data.enabled", equalTo(true))
                .body("data.createdBy", equalTo(AdminTokens.ADMIN_EMAIL))
                .body("data.lastDelivery", nullValue())
                .body("data.deliveries.failed", equalTo(0))
                .extract()
                .jsonPath();
        long id = created.getLong("data.id");
        String secret = created.getString("data.signingSecret");
        assertThat(secret).hasSize(64).isHexadecimal();
        assertThat(created.getString("data.secret")).isEqualTo("••••" + secret.substring(60));

        // the secret is never shown again
        String listed = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get(SUBSCRIPTIONS)
                .then()
                .statusCode(200)
                .body("data.id", hasItem((int) id))
                .extract()
                .asString();
        assertThat(listed).doesNotContain(secret).doesNotContain("signingSecret");

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"enabled\": false, \"jobs\": [], \"secret\": \"a-new-secret-of-enough-length\"}")
                .patch(SUBSCRIPTIONS + "/" + id)
                .then()
                .statusCode(200)
                .body("data.enabled", equalTo(false))
                .body("data.jobs", equalTo(List.of()))
                .body("data.secret", equalTo("••••ngth"))
                .body("data.format", equalTo("chat"))
                .body("$", not(containsString("a-new-secret")));

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .delete(SUBSCRIPTIONS + "/" + id)
                .then()
                .statusCode(200)
                .body("data.deleted", equalTo(true));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .delete(SUBSCRIPTIONS + "/" + id)
                .then()
                .statusCode(404)
                .body("error.code", equalTo("SUBSCRIPTION_NOT_FOUND"));
        this.created.remove(Long.valueOf(id));

        AuditEvent create = single(before, "notification-subscription.create");
        assertThat(create.target).isEqualTo("notification-subscription:" + id);
        assertThat(create.outcome).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(create.parameters).containsEntry("format", "chat");
        AuditEvent update = single(before, "notification-subscription.update");
        assertThat(update.parameters.get("secret")).isNotEqualTo("a-new-secret-of-enough-length");
        assertThat(update.parameters.toString()).doesNotContain("a-new-secret");
        assertThat(fixtures.auditSince(before).stream()
                        .filter(row -> row.action.equals("notification-subscription.delete"))
                        .map(row -> row.outcome))
                .containsExactlyInAnyOrder(AuditOutcome.SUCCEEDED, AuditOutcome.REJECTED);
    }

    @Test
    void refusesWhatCannotBeDeliveredNamingTheField() {
        long before = fixtures.lastAuditId();
        String url = receiver.baseUrl() + "/hooks/x";

        invalid("{\"events\": [\"SyncFailed\"]}", "url");
        invalid("{\"url\": \"ftp://example.dz/x\", \"events\": [\"SyncFailed\"]}", "url");
        invalid("{\"url\": \"https://user:pw@example.dz/x\", \"events\": [\"SyncFailed\"]}", "url");
        invalid("{\"url\": \"" + url + "\"}", "events");
        invalid("{\"url\": \"" + url + "\", \"events\": []}", "events");
        invalid("{\"url\": \"" + url + "\", \"events\": [\"SyncSkipped\"]}", "events");
        invalid("{\"url\": \"" + url + "\", \"events\": [\"SyncFailed\"], \"jobs\": [\"weekly-report\"]}", "jobs");
        invalid("{\"url\": \"" + url + "\", \"events\": [\"SyncFailed\"], \"format\": \"xml\"}", "format");
        invalid("{\"url\": \"" + url + "\", \"events\": [\"SyncFailed\"], \"language\": \"ar\"}", "language");
        invalid("{\"url\": \"" + url + "\", \"events\": [\"SyncFailed\"], \"secret\": \"short\"}", "secret");
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"url\": 12, \"events\": \"SyncFailed\"}")
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(400)
                .body("success", equalTo(false));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"enabled\": true}")
                .patch(SUBSCRIPTIONS + "/987654321")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("SUBSCRIPTION_NOT_FOUND"));
        // a manager may not see nor change them
        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get(SUBSCRIPTIONS)
                .then()
                .statusCode(403);
        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .contentType(ContentType.JSON)
                .body("{\"url\": \"" + url + "\", \"events\": [\"SyncFailed\"]}")
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(403);

        assertThat(fixtures.auditSince(before).stream()
                        .filter(row -> row.action.equals("notification-subscription.create"))
                        .map(row -> row.outcome)
                        .toList())
                .hasSizeGreaterThanOrEqualTo(11)
                .doesNotContain(AuditOutcome.SUCCEEDED);
    }

    @Test
    void sendsASignedTestAndShowsItAsTheLastDelivery() throws Exception {
        receiver.stubFor(post("/hooks/test").willReturn(ok()));
        String givenSecret = "team-ops-signing-secret-2026";
        long id = create("{\"url\": \"" + receiver.baseUrl() + "/hooks/test\", \"events\": [\"SyncFailed\"],"
                        + " \"secret\": \"" + givenSecret + "\", \"enabled\": false}")
                .statusCode(201)
                .body("data.signingSecret", equalTo(givenSecret))
                .extract()
                .jsonPath()
                .getLong("data.id");

        String deliveryId = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post(SUBSCRIPTIONS + "/" + id + "/test")
                .then()
                .statusCode(200)
                .body("data.delivered", equalTo(true))
                .body("data.httpStatus", equalTo(200))
                .body("data.error", nullValue())
                .extract()
                .jsonPath()
                .getString("data.deliveryId");

        LoggedRequest request =
                receiver.findAll(postRequestedFor(urlEqualTo("/hooks/test"))).get(0);
        assertThat(request.getHeader("X-Scheduler-Event")).isEqualTo("Test");
        assertThat(request.getHeader("X-Scheduler-Delivery")).isEqualTo(deliveryId);
        assertThat(request.getHeader("X-Scheduler-Signature"))
                .isEqualTo("sha256=" + hmac(givenSecret, request.getBody()));
        JsonNode body = json.readTree(request.getBody());
        assertThat(body.get("event").asText()).isEqualTo("Test");
        assertThat(body.get("subscriptionId").asLong()).isEqualTo(id);
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get(SUBSCRIPTIONS)
                .then()
                .body("data.find { it.id == " + id + " }.lastDelivery.deliveryId", equalTo(deliveryId))
                .body("data.find { it.id == " + id + " }.lastDelivery.event", equalTo("Test"))
                .body("data.find { it.id == " + id + " }.lastDelivery.ok", equalTo(true))
                .body("data.find { it.id == " + id + " }.deliveries.delivered", equalTo(1));
    }

    @Test
    void aTestToABrokenReceiverSaysWhatItAnsweredAndCountsTheFailure() throws Exception {
        receiver.stubFor(post("/hooks/broken").willReturn(aResponse().withStatus(503)));
        long id = create("{\"url\": \"" + receiver.baseUrl() + "/hooks/broken\", \"events\": [\"SyncFailed\"],"
                        + " \"format\": \"chat\"}")
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("data.id");

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post(SUBSCRIPTIONS + "/" + id + "/test")
                .then()
                .statusCode(200)
                .body("data.delivered", equalTo(false))
                .body("data.httpStatus", equalTo(503))
                .body("data.error", equalTo("the receiver answered HTTP 503"));

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get(SUBSCRIPTIONS)
                .then()
                .body("data.find { it.id == " + id + " }.lastDelivery.ok", equalTo(false))
                .body("data.find { it.id == " + id + " }.lastDelivery.httpStatus", equalTo(503))
                .body("data.find { it.id == " + id + " }.deliveries.failed", equalTo(1))
                .body("data.find { it.id == " + id + " }.deliveries.consecutiveFailures", equalTo(1));
        JsonNode chat = json.readTree(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/broken")))
                .get(0)
                .getBody());
        assertThat(chat.get("text").asText())
                .isEqualTo("🔔 Test : les notifications du planificateur LibertaPhonix arrivent bien ici."
                        + " https://scheduler.libertaphonix.dz/admin/scheduler");
    }

    @Test
    void openApiListsEveryEndpointWithItsMethods() {
        JsonPath document = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        java.util.Map<String, java.util.Map<String, Object>> paths = document.getMap("paths");
        assertThat(paths.get(SUBSCRIPTIONS)).containsKeys("get", "post");
        assertThat(paths.get(SUBSCRIPTIONS + "/{id}")).containsKeys("patch", "delete");
        assertThat(paths.get(SUBSCRIPTIONS + "/{id}/test")).containsKey("post");
    }

    private io.restassured.response.ValidatableResponse create(String body) {
        io.restassured.response.ValidatableResponse response = given().header(
                        "Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body(body)
                .post(SUBSCRIPTIONS)
                .then();
        Integer id = response.extract().jsonPath().get("data.id");
        if (id != null) {
            created.add(id.longValue());
        }
        return response;
    }

    private void invalid(String body, String field) {
        create(body)
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo("INVALID_SUBSCRIPTION"))
                .body("error.details.field", equalTo(field))
                .body("error.message", containsString(field + ":"));
    }

    private AuditEvent single(long afterId, String action) {
        List<AuditEvent> rows = fixtures.auditSince(afterId).stream()
                .filter(row -> row.action.equals(action))
                .toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
