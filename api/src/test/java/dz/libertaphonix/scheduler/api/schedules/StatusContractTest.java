package dz.libertaphonix.scheduler.api.schedules;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dz.libertaphonix.scheduler.api.dashboard.DashboardFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /status} read the way the order system's admin page reads it
 * ({@code frontend/src/app/admin/scheduler/page.tsx} of the system this replaces), after real runs:
 * the real import against a fake EcoManager (one store answering, one refusing its token), the real
 * shipping sync against a fake Maystro (then refusing its key), the real cleanup. The page renders,
 * per store, {@code result.success ? result.syncedCount + " orders" : "Failed"}; for shipping
 * {@code lastResults.updated} and {@code lastResults.errors}; and {@code lastError.error} of each.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
@TestProfile(StatusContractTest.RealJobs.class)
class StatusContractTest {

    private static final String MAYSTRO_KEY =
            "mk_" + UUID.randomUUID().toString().replace("-", "");
    private static final String PARCELS = "/api/stores/orders/";

    /** The real jobs (not the api tests' shipping stand-in), Maystro on a port known before start. */
    public static class RealJobs implements QuarkusTestProfile {

        // the profile and the test are loaded by different class loaders: a JVM-wide property keeps the port
        static final int MAYSTRO_PORT = Integer.parseInt(System.getProperties()
                .computeIfAbsent("scheduler.test.contract-maystro-port", key -> Integer.toString(freePort()))
                .toString());

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.arc.exclude-types",
                    "dz.libertaphonix.scheduler.api.testsupport.GatedShippingJob",
                    "scheduler.maystro.base-url",
                    "http://localhost:" + MAYSTRO_PORT,
                    "scheduler.maystro.accounts",
                    "main="
                            + System.getProperties()
                                    .computeIfAbsent("scheduler.test.contract-maystro-key", key -> MAYSTRO_KEY),
                    // imported orders are followed at once: nobody confirms them in this test
                    "scheduler.shipping.tracked-statuses",
                    "PENDING,ASSIGNED,CONFIRMED,SHIPPED");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static WireMockServer ecoManager;
    private static WireMockServer maystro;

    @BeforeAll
    static void startFakes() {
        ecoManager = new WireMockServer(options().dynamicPort());
        ecoManager.start();
        maystro = new WireMockServer(options().port(RealJobs.MAYSTRO_PORT));
        maystro.start();
    }

    @AfterAll
    static void stopFakes() {
        ecoManager.stop();
        maystro.stop();
    }

    @Test
    void theOrderSystemsPageReadsRealImportShippingAndCleanupRuns() {
        String admin = AdminTokens.admin();
        String key = System.getProperty("scheduler.test.contract-maystro-key");
        long firstId = 500_000 + (System.nanoTime() % 100_000) * 10;
        List<String> references = List.of("NATU-" + firstId, "NATU-" + (firstId + 1), "NATU-" + (firstId + 2));
        String good = store(admin, "ecm_good_" + UUID.randomUUID(), okJson(DashboardFixtures.ordersPage(firstId, 3)));
        String refused = store(
                admin,
                "ecm_revoked_" + UUID.randomUUID(),
                aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Unauthenticated.\"}"));

        // --- the import: one store imports its 3 orders, the other's token is refused --------------
        String importRun = runToCompletion(admin, "ecomanager");
        JsonPath status = status();

        Map<String, Object> ecomanager = status.getMap("data.lastSyncs.ecomanager");
        assertThat(ecomanager).containsOnlyKeys("lastStart", "lastEnd", "lastResults", "lastError");
        assertThat(OffsetDateTime.parse((String) ecomanager.get("lastStart"))
                        .getOffset()
                        .getTotalSeconds())
                .isEqualTo(3600);
        assertThat(ecomanager.get("lastEnd")).isInstanceOf(String.class);
        Map<String, Object> stores = status.getMap("data.lastSyncs.ecomanager.lastResults");
        assertThat(stores).containsOnlyKeys(good, refused);
        assertThat(status.getMap("data.lastSyncs.ecomanager.lastResults." + good))
                .containsOnlyKeys("success", "syncedCount")
                .containsEntry("success", true)
                .containsEntry("syncedCount", 3);
        Map<String, Object> failedStore = status.getMap("data.lastSyncs.ecomanager.lastResults." + refused);
        assertThat(failedStore)
                .containsOnlyKeys("success", "syncedCount", "error")
                .containsEntry("success", false)
                .containsEntry("syncedCount", 0);
        assertThat(failedStore.get("error"))
                .isInstanceOf(String.class)
                .asString()
                .contains("401");
        assertThat(renderedStores(stores))
                .containsExactlyInAnyOrderEntriesOf(Map.of(good, "3 orders", refused, "Failed"));
        Map<String, Object> importError = status.getMap("data.lastSyncs.ecomanager.lastError");
        assertThat(importError).containsKeys("error", "timestamp");
        assertThat(importError.get("error"))
                .isInstanceOf(String.class)
                .asString()
                .contains("1 of 2 stores failed", refused);
        assertThat(importError).containsEntry("status", "PARTIAL");
        assertThat((String) importError.get("timestamp")).isEqualTo(ecomanager.get("lastEnd"));
        // the richer data stays in jobs[]
        assertThat(status.getString("data.jobs[0].lastRun.runId")).isEqualTo(importRun);
        assertThat(status.getString("data.jobs[0].lastRun.status")).isEqualTo("PARTIAL");
        assertThat(status.getInt("data.jobs[0].lastRun.counts.imported")).isEqualTo(3);
        assertThat(status.getInt("data.jobs[0].lastRun.counts.storesFailed")).isEqualTo(1);
        assertThat(status.getString("data.jobs[0].lastRun.error.class")).isEqualTo("JobWarning");
        assertThat(status.getList("data.jobs[0].lastRun.units.unit", String.class))
                .containsExactlyInAnyOrder(good, refused);

        // --- shipping: two of the three parcels have news, the third is unknown to Maystro ---------
        maystro.stubFor(get(urlPathEqualTo(PARCELS))
                .withHeader("Authorization", equalTo("Token " + key))
                .withQueryParam("external_order_id", matching(".*"))
                .atPriority(10)
                .willReturn(okJson(parcelList(List.of()))));
        maystro.stubFor(lookup(key, references.get(0), parcel(references.get(0), 41)));
        maystro.stubFor(lookup(key, references.get(1), parcel(references.get(1), 32)));

        runToCompletion(admin, "shipping");
        status = status();

        Map<String, Object> shipping = status.getMap("data.lastSyncs.shippingStatus");
        assertThat(shipping).containsOnlyKeys("lastStart", "lastEnd", "lastResults", "lastError");
        assertThat(status.getMap("data.lastSyncs.shippingStatus.lastResults"))
                .containsOnlyKeys("updated", "errors")
                .containsEntry("updated", 2)
                .containsEntry("errors", 0);
        assertThat(shipping.get("lastError")).isNull();
        assertThat(status.getString("data.jobs[1].lastRun.status")).isEqualTo("SUCCEEDED");
        assertThat(status.getInt("data.jobs[1].lastRun.counts.notFound")).isEqualTo(1);

        // --- shipping again: Maystro now refuses the key, the two orders still open are not checked -
        maystro.stubFor(get(urlPathEqualTo(PARCELS))
                .withHeader("Authorization", equalTo("Token " + key))
                .atPriority(1)
                .willReturn(aResponse().withStatus(401).withBody("{\"detail\": \"Invalid token.\"}")));

        runToCompletion(admin, "shipping");
        status = status();

        assertThat(status.getMap("data.lastSyncs.shippingStatus.lastResults"))
                .containsOnlyKeys("updated", "errors")
                .containsEntry("updated", 0)
                .containsEntry("errors", 2);
        Map<String, Object> shippingError = status.getMap("data.lastSyncs.shippingStatus.lastError");
        assertThat(shippingError.get("error"))
                .isInstanceOf(String.class)
                .asString()
                .contains("main", "rejected the key", "2 open order(s) not checked")
                .doesNotContain(key);
        assertThat(shippingError).containsEntry("status", "FAILED");
        assertThat((String) shippingError.get("timestamp")).endsWith("+01:00");
        assertThat(status.getString("data.jobs[1].lastRun.units[0].unit")).isEqualTo("main");
        assertThat(status.getBoolean("data.jobs[1].lastRun.units[0].succeeded")).isFalse();

        // --- the nightly cleanup: its last run, no error ---------------------------------------------
        runToCompletion(admin, "cleanup");
        status = status();

        Map<String, Object> cleanup = status.getMap("data.lastSyncs.cleanup");
        assertThat(cleanup).containsOnlyKeys("lastRun", "lastError");
        assertThat((String) cleanup.get("lastRun")).endsWith("+01:00");
        assertThat(cleanup.get("lastError")).isNull();
        // the earlier jobs' last syncs are untouched by it
        assertThat(status.getMap("data.lastSyncs.ecomanager.lastResults")).containsOnlyKeys(good, refused);
        assertThat(status.prettify()).doesNotContain(key);
    }

    /** What the page prints per store: {@code result.success ? `${result.syncedCount || 0} orders` : 'Failed'}. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> renderedStores(Map<String, Object> lastResults) {
        Map<String, String> rendered = new LinkedHashMap<>();
        lastResults.forEach((store, value) -> {
            Map<String, Object> result = (Map<String, Object>) value;
            rendered.put(
                    store,
                    Boolean.TRUE.equals(result.get("success")) ? result.get("syncedCount") + " orders" : "Failed");
        });
        return rendered;
    }

    private static String store(String admin, String token, ResponseDefinitionBuilder orders) {
        String identifier = AdminFixtures.storeCode();
        String account = "/" + identifier.toLowerCase() + "/api/shop/v2";
        ecoManager.stubFor(get(urlPathEqualTo(account + "/orders"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(orders));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "identifier",
                        identifier,
                        "name",
                        "Boutique " + identifier,
                        "baseUrl",
                        ecoManager.baseUrl() + account,
                        "token",
                        token))
                .post("/api/v1/scheduler/stores")
                .then()
                .statusCode(201);
        return identifier;
    }

    private static MappingBuilder lookup(String key, String reference, Map<String, Object> parcel) {
        return get(urlPathEqualTo(PARCELS))
                .withHeader("Authorization", equalTo("Token " + key))
                .withQueryParam("external_order_id", equalTo(reference))
                .atPriority(5)
                .willReturn(okJson(parcelList(List.of(parcel))));
    }

    /** A parcel as Maystro lists it (created an hour ago, Algiers time). */
    private static Map<String, Object> parcel(String reference, int code) {
        long id = 4_830_000 + Math.abs(reference.hashCode() % 100_000);
        String created = OffsetDateTime.now()
                .minusHours(1)
                .withOffsetSameInstant(ZoneOffset.ofHours(1))
                .toString();
        Map<String, Object> parcel = new LinkedHashMap<>();
        parcel.put("id", id);
        parcel.put("instance_uuid", "9f6c1b2e-" + id);
        parcel.put("display_id", String.valueOf(id));
        parcel.put("tracking_number", "MYS" + id);
        parcel.put("external_order_id", reference);
        parcel.put("status", code);
        parcel.put("customer_name", "Amina Benali");
        parcel.put("customer_phone", "0551234567");
        parcel.put("wilaya", 16);
        parcel.put("commune_name", "Bab Ezzouar");
        parcel.put("created_at", created);
        parcel.put("last_update", created);
        parcel.put("delivered_at", code == 41 ? created : null);
        parcel.put("alerted_at", code == 32 ? created : null);
        parcel.put("alert_reason", code == 32 ? "Client injoignable" : null);
        parcel.put("abort_reason", null);
        return parcel;
    }

    private static String parcelList(List<Map<String, Object>> parcels) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("count", parcels.size());
        list.put("next", null);
        list.put("previous", null);
        list.put("results", parcels);
        try {
            return new ObjectMapper().writeValueAsString(Map.of("list", list));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath status() {
        return given().auth()
                .oauth2(AdminTokens.teamManager())
                .get("/api/v1/scheduler/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String runToCompletion(String token, String trigger) {
        String runId = given().auth()
                .oauth2(token)
                .post("/api/v1/scheduler/trigger/" + trigger)
                .then()
                .statusCode(202)
                .extract()
                .path("data.runId");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var response = given().auth().oauth2(token).get("/api/v1/scheduler/runs/" + runId);
                    return response.statusCode() == 200 && !"RUNNING".equals(response.path("data.status"));
                });
        return runId;
    }
}
