package dz.libertaphonix.scheduler.api.catalogue;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nightly sweep {@code ecomanager-reconcile} is a job of the catalogue like the others: listed with
 * its schedule (03:00 Algiers, 02:00 UTC on EventBridge), in the status and the next times, run by
 * {@code POST /trigger/ecomanager-reconcile}, and its per-store result in the run detail and in the
 * status' {@code jobs[].lastRun.units}. The run sweeps a store of a WireMock EcoManager answering one
 * page of the real shape.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class ReconcileJobTest {

    private static final String ROOT = "/api/v1/scheduler";
    private static final String RECONCILE_IN_JOBS = "data.find { it.job == 'ecomanager-reconcile' }";
    private static final String RECONCILE_IN_STATUS = "data.jobs.find { it.job == 'ecomanager-reconcile' }";
    private static final DateTimeFormatter ECOMANAGER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer ecoManager;

    @Inject
    AdminFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

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
    void schedulesAsSeeded() {
        fixtures.defaultSchedules();
    }

    @Test
    void isListedWithItsNightlyScheduleInTheJobsTheStatusAndTheNextTimes() {
        JsonPath jobs = get("/jobs");
        assertThat(jobs.getList("data.job", String.class))
                .containsSubsequence(
                        "ecomanager-sync", "shipping-status-sync", "daily-cleanup", "ecomanager-reconcile");
        Map<String, Object> reconcile = jobs.getMap(RECONCILE_IN_JOBS);
        assertThat(reconcile)
                .containsEntry("name", "ecomanager_reconcile")
                .containsEntry("displayName", "EcoManager completeness sweep")
                .containsEntry("enabled", true)
                .containsEntry("cron", "0 0 3 * * ?")
                .containsEntry("timeZone", "Africa/Algiers")
                .containsEntry("eventBridgeExpression", "cron(0 2 * * ? *)");
        assertThat(jobs.getList(RECONCILE_IN_JOBS + ".nextFireTimes.algiers", String.class))
                .hasSize(5)
                .allSatisfy(time -> assertThat(time).endsWith("T03:00:00+01:00"));
        assertThat(get("/jobs/ecomanager_reconcile").getString("data.job")).isEqualTo("ecomanager-reconcile");

        JsonPath status = get("/status");
        assertThat(status.getList("data.activeJobs", String.class)).contains("ecomanager_reconcile");
        assertThat(status.getMap("data.lastSyncs")).containsOnlyKeys("ecomanager", "shippingStatus", "cleanup");
        assertThat(status.getString(RECONCILE_IN_STATUS + ".nextFireTime")).endsWith("T03:00:00+01:00");

        JsonPath next = get("/next-sync-times");
        assertThat(next.getList("data.jobs.job", String.class)).contains("ecomanager-reconcile");
        assertThat(next.getString(RECONCILE_IN_STATUS + ".nextFireTime")).endsWith("T03:00:00+01:00");
    }

    @Test
    void runsNowAndReportsEachStoreInTheRunDetailAndTheStatus() throws SQLException {
        String token = "ecm_" + UUID.randomUUID().toString().replace("-", "");
        Store store = fixtures.store("http://localhost:" + ecoManager.port() + "/api/shop/v2", token);
        onlyImportable(store);
        // the import has passed order 5002; 5001 reached En dispatch since (second newest)
        setCursor(store, 5002);
        ecoManager.stubFor(WireMock.get(urlPathEqualTo("/api/shop/v2/orders"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
                .willReturn(okJson(page(List.of(order(5002, "Confirmé", 2), order(5001, "En dispatch", 3))))));
        long before = fixtures.lastAuditId();

        String runId = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .post(ROOT + "/trigger/ecomanager-reconcile")
                .then()
                .statusCode(202)
                .body("data.job", equalTo("ecomanager-reconcile"))
                .body("data.name", equalTo("ecomanager_reconcile"))
                .extract()
                .jsonPath()
                .getString("data.runId");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get("/runs/" + runId).getString("data.status"))
                        .isEqualTo("SUCCEEDED"));
        JsonPath run = get("/runs/" + runId);
        assertThat(run.getString("data.job")).isEqualTo("ecomanager-reconcile");
        assertThat(run.getString("data.trigger")).isEqualTo("MANUAL");
        assertThat(run.getMap("data.counts"))
                .containsEntry("stores", 1)
                .containsEntry("scanned", 2)
                .containsEntry("requests", 1)
                .containsEntry("missing", 1)
                .containsEntry("imported", 1);
        String storeResult = "data.results.stores[0]";
        assertThat(run.getString(storeResult + ".store")).isEqualTo(store.identifier);
        assertThat(run.getString(storeResult + ".end")).isEqualTo("END_OF_LIST");
        assertThat(run.getBoolean(storeResult + ".complete")).isTrue();
        assertThat(run.getList(storeResult + ".found.ecomanagerId", Integer.class))
                .containsExactly(5001);
        assertThat(run.getList(storeResult + ".found.depth", Integer.class)).containsExactly(2);
        assertThat(run.getList(storeResult + ".found.imported", Boolean.class)).containsExactly(true);
        assertThat(run.getString("data.results.lookback")).isEqualTo("PT168H");

        JsonPath status = get("/status");
        assertThat(status.getString(RECONCILE_IN_STATUS + ".lastRun.status")).isEqualTo("SUCCEEDED");
        assertThat(status.getInt(RECONCILE_IN_STATUS + ".lastRun.counts.imported"))
                .isEqualTo(1);
        assertThat(status.getList(RECONCILE_IN_STATUS + ".lastRun.units.unit", String.class))
                .containsExactly(store.identifier);
        assertThat(status.getList(RECONCILE_IN_STATUS + ".lastRun.units.count", Integer.class))
                .containsExactly(1);
        assertThat(get("/history?job=ecomanager-reconcile").getList("data.items.id", String.class))
                .contains(runId);
        assertThat(fixtures.auditSince(before))
                .filteredOn(row -> row.action.equals("run.trigger"))
                .singleElement()
                .satisfies(row -> assertThat(row.target).isEqualTo("ecomanager-reconcile"));
        ecoManager.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/shop/v2/orders"))
                        .withHeader("Authorization", WireMock.equalTo("Bearer " + token)));
    }

    /** A page as EcoManager's list sends it: data, links, meta (cursor pagination), the last one. */
    private String page(List<ObjectNode> orders) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        orders.forEach(data::add);
        ObjectNode links = body.putObject("links");
        links.putNull("first");
        links.putNull("last");
        links.putNull("prev");
        links.putNull("next");
        ObjectNode meta = body.putObject("meta");
        meta.put("path", "http://localhost:" + ecoManager.port() + "/api/shop/v2/orders");
        meta.put("per_page", 100);
        meta.putNull("next_cursor");
        meta.putNull("prev_cursor");
        return body.toString();
    }

    private ObjectNode order(long id, String state, int hoursAgo) {
        ObjectNode order = JSON.createObjectNode();
        order.put("id", id);
        order.put("reference", "REC-" + id + "-" + AdminFixtures.next());
        order.put("order_state_name", state);
        order.put("full_name", "Yasmine Ait Ahmed");
        order.put("telephone", "0661" + String.format("%06d", AdminFixtures.next() % 1_000_000));
        order.put("wilaya", "Béjaïa");
        order.put("commune", "Akbou");
        order.put("total", "4900.00");
        LocalDateTime created =
                LocalDateTime.ofInstant(clock.instant(), Algiers.ZONE).minusHours(hoursAgo);
        order.put("created_at", created.format(ECOMANAGER_TIME));
        ObjectNode item = order.putArray("items").addObject();
        item.put("product_id", "77");
        item.put("title", "Parfum Oud Royal 100 ml");
        item.put("quantity", 1);
        item.put("unit_price", 4500);
        item.put("total_price", 4500);
        return order;
    }

    /** The sweep visits every importable store: this test's store is the only one. */
    private void onlyImportable(Store store) throws SQLException {
        execute("update stores set active = false where id <> ?", store.id);
    }

    private void setCursor(Store store, long cursor) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("update stores set import_cursor = ? where id = ?")) {
            update.setLong(1, cursor);
            update.setLong(2, store.id);
            update.executeUpdate();
        }
    }

    private void execute(String sql, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
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
