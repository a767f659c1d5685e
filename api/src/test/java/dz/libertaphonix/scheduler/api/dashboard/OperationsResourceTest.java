package dz.libertaphonix.scheduler.api.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class OperationsResourceTest {

    @Inject
    DashboardFixtures fixtures;

    @Inject
    OperationsData data;

    @Test
    void summaryCountsTodaysOrdersTheWaitingOnesParcelsAndFailedRunsAsTheDatabaseHoldsThem() {
        JsonPath before = summary(AdminTokens.teamManager());
        long store = data.storeId(fixtures.store("https://shop.example.dz/api/shop/v2", "tok-" + UUID.randomUUID()));
        Instant now = Instant.now();
        long first = data.order(store, "PENDING", now.minus(Duration.ofMinutes(10)), null);
        data.order(store, "PENDING", now.minus(Duration.ofMinutes(20)), null);
        long delivered = data.order(store, "DELIVERED", now.minus(Duration.ofMinutes(30)), null);
        long returned = data.order(store, "RETURNED", now.minus(Duration.ofMinutes(40)), null);
        data.event(delivered, "SHIPPING_SYNC", "SHIPPED", "DELIVERED", now.minusSeconds(60), null);
        data.event(returned, "WEBHOOK", "SHIPPED", "RETURNED", now.minusSeconds(60), null);
        data.event(first, "IMPORT", null, "PENDING", now.minusSeconds(60), null);
        fixtures.failedRun("Maystro answered 502 Bad Gateway");

        JsonPath after = summary(AdminTokens.teamManager());

        assertThat(after.getLong("data.orders.importedToday"))
                .isGreaterThanOrEqualTo(before.getLong("data.orders.importedToday") + 4)
                .isEqualTo(data.count(
                        "select count(*) from orders where imported_at >= ?", OperationsData.algiersMidnight(now)));
        assertThat(after.getLong("data.orders.importedLastHour"))
                .isGreaterThanOrEqualTo(4)
                .isEqualTo(data.count("select count(*) from orders where imported_at >= now() - interval '1 hour'"));
        assertThat(after.getLong("data.waiting.orders"))
                .isEqualTo(data.count(
                        "select count(*) from orders where assigned_agent_id is null and status = 'PENDING'"));
        assertThat(after.getLong("data.parcels.deliveredToday"))
                .isEqualTo(before.getLong("data.parcels.deliveredToday") + 1);
        assertThat(after.getLong("data.parcels.returnedToday"))
                .isEqualTo(before.getLong("data.parcels.returnedToday") + 1);
        assertThat(after.getLong("data.runs.failed24h")).isEqualTo(before.getLong("data.runs.failed24h") + 1);
        assertThat(after.getString("data.runs.latestFailed[0].error")).isEqualTo("Maystro answered 502 Bad Gateway");
        String row = "data.stores.find { it.id == " + store + " }";
        assertThat(after.getLong(row + ".importedToday")).isEqualTo(4);
        assertThat(after.getList("data.schedules.job")).contains("ecomanager-sync");
        assertThat(after.getString("data.schedules.find { it.job == 'daily-cleanup' }.words.fr"))
                .startsWith("à ");
    }

    @Test
    void aStoresQuarantinedOrdersComeWithTheirRawPayloadAndReason() {
        long store = data.storeId(fixtures.store("https://shop.example.dz/api/shop/v2", "tok-" + UUID.randomUUID()));
        data.quarantined(store, "telephone '12' is not an Algerian number", """
                {"id": 4242, "reference": "NATU-4242", "telephone": "12", "order_state_name": "En dispatch"}
                """);

        JsonPath answer = given().auth()
                .oauth2(AdminTokens.admin())
                .get("/api/v1/scheduler/dashboard/stores/" + store + "/quarantined")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(answer.getLong("data.total")).isEqualTo(1);
        assertThat(answer.getString("data.orders[0].reason")).contains("Algerian number");
        assertThat(answer.getString("data.orders[0].payload.telephone")).isEqualTo("12");
        assertThat(summary(AdminTokens.admin()).getLong("data.stores.find { it.id == " + store + " }.quarantined"))
                .isEqualTo(1);

        given().auth()
                .oauth2(AdminTokens.teamManager())
                .get("/api/v1/scheduler/dashboard/stores/" + store + "/quarantined")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(AdminTokens.admin())
                .get("/api/v1/scheduler/dashboard/stores/999999999/quarantined")
                .then()
                .statusCode(404)
                .body("success", equalTo(false));
    }

    @Test
    void aRunsOrdersLinkToTheirLineageAndTheTimelineListsTheRun() {
        long store = data.storeId(fixtures.store("https://shop.example.dz/api/shop/v2", "tok-" + UUID.randomUUID()));
        Instant now = Instant.now();
        UUID run = data.importRun("SUCCEEDED", now.minus(Duration.ofMinutes(5)), 4, "{\"stores\": []}", null);
        long order = data.order(store, "ASSIGNED", now.minus(Duration.ofMinutes(5)), null);
        data.event(order, "IMPORT", null, "PENDING", now.minus(Duration.ofMinutes(5)), run);
        data.event(order, "ASSIGNMENT", "PENDING", "ASSIGNED", now.minus(Duration.ofMinutes(4)), run);

        JsonPath lineage = get(AdminTokens.teamManager(), "/api/v1/scheduler/dashboard/runs/" + run);
        assertThat(lineage.getLong("data.orders")).isEqualTo(1);
        assertThat(lineage.getLong("data.events")).isEqualTo(2);
        assertThat(lineage.getList("data.changes.toStatus")).containsExactly("PENDING", "ASSIGNED");

        JsonPath history = get(AdminTokens.teamManager(), "/api/v1/scheduler/dashboard/orders/" + order);
        assertThat(history.getList("data.events.source")).containsExactly("IMPORT", "ASSIGNMENT");

        JsonPath timeline = get(AdminTokens.teamManager(), "/api/v1/scheduler/dashboard/timeline?hours=24");
        List<String> ids = timeline.getList("data.runs.id");
        assertThat(ids).contains(run.toString());

        given().auth()
                .oauth2(AdminTokens.admin())
                .get("/api/v1/scheduler/dashboard/timeline?hours=0")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(AdminTokens.admin())
                .get("/api/v1/scheduler/dashboard/runs/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().get("/api/v1/scheduler/dashboard/summary").then().statusCode(401);
    }

    @Test
    void servesTheDashboardsFaviconAndScripts() {
        given().get("/admin/scheduler")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/admin/scheduler/assets/favicon.svg"));
        given().get("/admin/scheduler/assets/favicon.svg")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("image/svg+xml"));
        given().get("/admin/scheduler/assets/i18n.js").then().statusCode(200);
    }

    private static JsonPath summary(String token) {
        return get(token, "/api/v1/scheduler/dashboard/summary");
    }

    private static JsonPath get(String token, String path) {
        return given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .extract()
                .jsonPath();
    }
}
