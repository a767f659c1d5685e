package dz.libertaphonix.scheduler.api.stores;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Test connection": one cheap request to the store's EcoManager (faked by WireMock), token never shown. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class StoreConnectionTest {

    private static final String PAGE = """
            {"data": [{"id": 174302, "reference": "NATU-174302", "order_state_name": "En dispatch",
                       "full_name": "Amina Benali", "telephone": "0551234567", "wilaya": "Alger",
                       "commune": "Bab Ezzouar", "total": "3500.00", "created_at": "2025-07-24 18:38:27",
                       "items": [{"product_id": 91, "title": "Savon à l'huile d'argan", "quantity": 2,
                                  "unit_price": 1750}]}],
             "links": {"first": null, "last": null, "prev": null, "next": null},
             "meta": {"path": "https://natura.ecomanager.dz/api/shop/v2/orders", "per_page": 1,
                      "next_cursor": null, "prev_cursor": null}}
            """;

    static WireMockServer ecoManager;

    @Inject
    AdminFixtures fixtures;

    @BeforeAll
    static void startEcoManager() {
        ecoManager = new WireMockServer(options().dynamicPort());
        ecoManager.start();
    }

    @AfterAll
    static void stopEcoManager() {
        ecoManager.stop();
    }

    @Test
    void reportsAnAcceptedTokenWithoutEverShowingIt() {
        String token = "ecm_live_" + UUID.randomUUID().toString().replace("-", "");
        String account = "/natura-" + AdminFixtures.next() + "/api/shop/v2";
        ecoManager.stubFor(get(urlPathEqualTo(account + "/orders"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(PAGE)));
        Store store = fixtures.store(ecoManager.baseUrl() + account, token);
        long before = fixtures.lastAuditId();

        Response response = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/stores/" + store.id + "/test-connection");

        response.then()
                .statusCode(200)
                .body("success", Matchers.equalTo(true))
                .body("data.ok", Matchers.equalTo(true))
                .body("data.httpStatus", Matchers.equalTo(200))
                .body("data.message", Matchers.equalTo("EcoManager accepted the token"))
                .body("data.latencyMillis", Matchers.greaterThanOrEqualTo(0));
        assertThat(response.asString()).doesNotContain(token);
        ecoManager.verify(
                1,
                getRequestedFor(urlPathEqualTo(account + "/orders"))
                        .withQueryParam("per_page", equalTo("1"))
                        .withHeader("Authorization", equalTo("Bearer " + token)));
        List<AuditEvent> rows = fixtures.auditSince(before).stream()
                .filter(row -> row.action.equals("store.test-connection"))
                .toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.target).isEqualTo("store:" + store.id);
            assertThat(row.parameters).containsEntry("ok", true).containsEntry("httpStatus", 200);
            assertThat(row.parameters.toString()).doesNotContain(token);
        });
    }

    @Test
    void reportsARefusedTokenAsAResultNotAnError() {
        String account = "/zahra-" + AdminFixtures.next() + "/api/shop/v2";
        ecoManager.stubFor(get(urlPathEqualTo(account + "/orders"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Unauthenticated.\"}")));
        Store store = fixtures.store(ecoManager.baseUrl() + account, "revoked-token-" + UUID.randomUUID());

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post("/api/v1/scheduler/stores/" + store.id + "/test-connection")
                .then()
                .statusCode(200)
                .body("data.ok", Matchers.equalTo(false))
                .body("data.httpStatus", Matchers.equalTo(401))
                .body("data.message", Matchers.equalTo("EcoManager refused the token (401)"));
    }
}
