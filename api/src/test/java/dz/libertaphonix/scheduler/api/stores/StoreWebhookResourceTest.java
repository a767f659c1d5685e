package dz.libertaphonix.scheduler.api.stores;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.EcoManagerWebhookFixtures;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhookEvent;
import dz.libertaphonix.scheduler.importing.webhook.WebhookSignature;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registering, listing, deleting and rotating a store's EcoManager webhooks, against a WireMock
 * EcoManager that records what it received; every change audited, no secret ever shown.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class StoreWebhookResourceTest {

    private static final String STORES = "/api/v1/scheduler/stores";
    private static final ObjectMapper JSON = new ObjectMapper();

    static WireMockServer ecoManager;

    @Inject
    AdminFixtures admin;

    @Inject
    EcoManagerWebhookFixtures fixtures;

    String account;
    String token;
    Store store;

    @BeforeAll
    static void startEcoManager() {
        ecoManager = new WireMockServer(options().dynamicPort());
        ecoManager.start();
    }

    @AfterAll
    static void stopEcoManager() {
        ecoManager.stop();
    }

    @BeforeEach
    void accountWithWebhooks() {
        account = "/natura-" + AdminFixtures.next() + "/api/shop/v2";
        token = "ecm_live_" + UUID.randomUUID().toString().replace("-", "");
        store = admin.store("http://localhost:" + ecoManager.port() + account, token);
        int id = 500;
        for (EcoManagerWebhookEvent event : EcoManagerWebhookEvent.values()) {
            ecoManager.stubFor(post(urlPathEqualTo(account + "/webhooks"))
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .withRequestBody(matchingJsonPath("$.event", equalTo(event.name())))
                    .willReturn(aResponse()
                            .withStatus(201)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"data\": {\"id\": " + (++id) + ", \"event\": \"" + event.name()
                                    + "\", \"is_active\": true}}")));
        }
        ecoManager.stubFor(put(urlPathMatching(account + "/webhooks/[0-9]+"))
                .willReturn(aResponse().withStatus(200).withBody("{\"data\": {}}")));
        ecoManager.stubFor(delete(urlPathMatching(account + "/webhooks/[0-9]+"))
                .willReturn(aResponse().withStatus(204)));
        ecoManager.stubFor(get(urlPathEqualTo(account + "/webhooks"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"data": [
                                  {"id": 501, "name": "LibertaPhonix", "event": "OrderCreated",
                                   "delivery_url": "https://scheduler.libertaphonix.test/webhooks/ecomanager/x", "is_active": true},
                                  {"id": 77, "name": "Their CRM", "event": "OrderCreated",
                                   "delivery_url": "https://crm.example/hook", "is_active": false}]}
                                """)));
    }

    private io.restassured.specification.RequestSpecification asAdmin() {
        return given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()));
    }

    private List<LoggedRequest> received(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        return ecoManager.findAll(pattern);
    }

    @Test
    void registersEveryEventKeepsEveryIdAndAuditsWithoutTheSecret() throws Exception {
        long before = admin.lastAuditId();

        Response answer = asAdmin().post(STORES + "/" + store.id + "/webhooks");

        answer.then()
                .statusCode(200)
                .body("data", hasSize(5))
                .body("data.webhookId", containsInAnyOrder("501", "502", "503", "504", "505"))
                .body(
                        "data.event",
                        containsInAnyOrder(
                                "OrderCreated",
                                "OrderStatusChanged",
                                "OrderConfirmationStatusChanged",
                                "OrderShippingStatusChanged",
                                "OrderDeleted"));
        String secret = fixtures.currentSecret(store.id);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(answer.asString()).doesNotContain(secret);
        assertThat(new String(fixtures.encryptedSecret(store.id), StandardCharsets.ISO_8859_1))
                .as("encrypted at rest")
                .doesNotContain(secret);
        List<LoggedRequest> posts = received(postRequestedFor(urlPathEqualTo(account + "/webhooks")));
        assertThat(posts).hasSize(5);
        for (LoggedRequest request : posts) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token);
            assertThat(body.path("http_method").asText()).isEqualTo("post");
            assertThat(body.path("delivery_url").asText())
                    .isEqualTo("https://scheduler.libertaphonix.test/webhooks/ecomanager/" + store.identifier);
            assertThat(body.path("secret").asText()).isEqualTo(secret);
            assertThat(body.path("is_active").asBoolean()).isTrue();
            assertThat(body.path("name").asText()).contains(store.identifier);
        }
        assertThat(fixtures.webhooks(store.id)).hasSize(5);

        asAdmin()
                .post(STORES + "/" + store.id + "/webhooks")
                .then()
                .statusCode(200)
                .body("data", hasSize(5));
        assertThat(received(postRequestedFor(urlPathEqualTo(account + "/webhooks"))))
                .as("events already registered are not registered twice")
                .hasSize(5);

        List<AuditEvent> audit = admin.auditSince(before);
        assertThat(audit)
                .filteredOn(event -> event.action.equals("store.webhooks.register"))
                .hasSize(2)
                .allSatisfy(event -> {
                    assertThat(event.outcome).isEqualTo(AuditOutcome.SUCCEEDED);
                    assertThat(event.target).isEqualTo("store:" + store.id);
                    assertThat(String.valueOf(event.parameters)).doesNotContain(secret);
                });

        asAdmin()
                .get(STORES + "/" + store.id)
                .then()
                .statusCode(200)
                .body("data.webhooks.registered", Matchers.equalTo(5))
                .body("data.webhooks.lastDeliveryAt", nullValue())
                .body("data.webhooks.deliveries24h", Matchers.equalTo(0))
                .body("data.webhooks.rejections24h", Matchers.equalTo(0));
    }

    @Test
    void registersOnlyTheEventsAskedForAndRefusesAnUnknownOne() {
        asAdmin()
                .contentType("application/json")
                .body("{\"events\": [\"OrderCreated\", \"OrderStatusChanged\"]}")
                .post(STORES + "/" + store.id + "/webhooks")
                .then()
                .statusCode(200)
                .body("data.event", containsInAnyOrder("OrderCreated", "OrderStatusChanged"));
        asAdmin()
                .contentType("application/json")
                .body("{\"events\": [\"OrderExploded\"]}")
                .post(STORES + "/" + store.id + "/webhooks")
                .then()
                .statusCode(400)
                .body("error.code", Matchers.equalTo("INVALID_PARAMETER"));

        assertThat(received(postRequestedFor(urlPathEqualTo(account + "/webhooks"))))
                .hasSize(2);
    }

    @Test
    void listsOursBesideEcoManagersView() {
        asAdmin().post(STORES + "/" + store.id + "/webhooks").then().statusCode(200);

        asAdmin()
                .get(STORES + "/" + store.id + "/webhooks")
                .then()
                .statusCode(200)
                .body(
                        "data.deliveryUrl",
                        Matchers.equalTo(
                                "https://scheduler.libertaphonix.test/webhooks/ecomanager/" + store.identifier))
                .body("data.registered", hasSize(5))
                .body("data.ecomanager", hasSize(2))
                .body("data.ecomanager.find { it.webhookId == '501' }.ours", Matchers.equalTo(true))
                .body("data.ecomanager.find { it.webhookId == '77' }.ours", Matchers.equalTo(false))
                .body("data.ecomanagerError", nullValue());
    }

    @Test
    void rotatesTheSecretOnEcoManagerAndRefusesTheOldOneAfterwards() throws Exception {
        asAdmin().post(STORES + "/" + store.id + "/webhooks").then().statusCode(200);
        String old = fixtures.currentSecret(store.id);
        admin.agent("Lina Saidi", 10_000);
        long before = admin.lastAuditId();

        Response rotated = asAdmin().post(STORES + "/" + store.id + "/webhooks/rotate-secret");

        rotated.then().statusCode(200).body("data.rotated", Matchers.equalTo(5));
        String secret = fixtures.currentSecret(store.id);
        assertThat(secret).isNotEqualTo(old);
        assertThat(rotated.asString()).doesNotContain(secret).doesNotContain(old);
        List<LoggedRequest> puts = received(putRequestedFor(urlPathMatching(account + "/webhooks/[0-9]+")));
        assertThat(puts).hasSize(5).allSatisfy(request -> {
            try {
                assertThat(JSON.readTree(request.getBodyAsString())
                                .path("secret")
                                .asText())
                        .isEqualTo(secret);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(admin.auditSince(before))
                .filteredOn(event -> event.action.equals("store.webhooks.rotate-secret"))
                .singleElement()
                .satisfies(event -> assertThat(event.outcome).isEqualTo(AuditOutcome.SUCCEEDED));

        byte[] body = ("{\"id\": " + AdminFixtures.next() + ", \"reference\": \"R-" + AdminFixtures.next()
                        + "\", \"order_state_name\": \"Confirmé\"}")
                .getBytes(StandardCharsets.UTF_8);
        given().header("X-Ecomanager-Signature", WebhookSignature.sign(old, body))
                .header("X-Ecomanager-Event", "OrderStatusChanged")
                .contentType("application/json")
                .body(body)
                .post("/webhooks/ecomanager/{store}", store.identifier)
                .then()
                .statusCode(401);
        given().header("X-Ecomanager-Signature", WebhookSignature.sign(secret, body))
                .header("X-Ecomanager-Event", "OrderStatusChanged")
                .contentType("application/json")
                .body(body)
                .post("/webhooks/ecomanager/{store}", store.identifier)
                .then()
                .statusCode(200);
        asAdmin()
                .get(STORES)
                .then()
                .statusCode(200)
                .body("data.find { it.id == " + store.id + " }.webhooks.registered", Matchers.equalTo(5))
                .body("data.find { it.id == " + store.id + " }.webhooks.deliveries24h", Matchers.equalTo(1))
                .body("data.find { it.id == " + store.id + " }.webhooks.rejections24h", Matchers.equalTo(1))
                .body("data.find { it.id == " + store.id + " }.webhooks.lastDeliveryAt", Matchers.endsWith("+01:00"));
    }

    @Test
    void deletesOneWebhookThenAllOfThemOnEcoManagerAndHere() {
        asAdmin().post(STORES + "/" + store.id + "/webhooks").then().statusCode(200);

        asAdmin().delete(STORES + "/" + store.id + "/webhooks/503").then().statusCode(200);
        assertThat(fixtures.webhooks(store.id)).hasSize(4);
        asAdmin()
                .delete(STORES + "/" + store.id + "/webhooks/999")
                .then()
                .statusCode(404)
                .body("error.code", Matchers.equalTo("WEBHOOK_NOT_REGISTERED"));
        asAdmin()
                .delete(STORES + "/" + store.id + "/webhooks")
                .then()
                .statusCode(200)
                .body("data.deleted", Matchers.equalTo(4));

        assertThat(fixtures.webhooks(store.id)).isEmpty();
        assertThat(received(deleteRequestedFor(urlPathMatching(account + "/webhooks/[0-9]+"))))
                .extracting(LoggedRequest::getUrl)
                .hasSize(5)
                .contains(account + "/webhooks/503");
        assertThat(admin.audit("store.webhooks.delete", "store:" + store.id)).hasSize(3);
    }

    @Test
    void aTeamManagerMayNotRegisterAndEcoManagerRefusingTheTokenIsA502() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .post(STORES + "/" + store.id + "/webhooks")
                .then()
                .statusCode(403);
        ecoManager.stubFor(post(urlPathEqualTo(account + "/webhooks"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(401)));

        Response refused = asAdmin().post(STORES + "/" + store.id + "/webhooks");

        refused.then().statusCode(502).body("error.code", Matchers.equalTo("STORE_CREDENTIALS_REJECTED"));
        assertThat(refused.asString()).doesNotContain(token);
        assertThat(fixtures.webhooks(store.id)).isEmpty();
        asAdmin()
                .post(STORES + "/" + store.id + "/webhooks/rotate-secret")
                .then()
                .statusCode(409)
                .body("error.code", Matchers.equalTo("NO_WEBHOOKS_REGISTERED"));
    }
}
