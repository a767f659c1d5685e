package dz.libertaphonix.scheduler.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /audit}: the trail of admin actions, newest first, filtered, for ADMIN only. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class AuditResourceTest {

    @Inject
    AdminFixtures fixtures;

    @Test
    void showsWhoDidWhatToWhatNewestFirst() {
        Agent agent = fixtures.agent("Walid Bouzid", 50);
        String target = "agent:" + agent.id;
        String userAgent = "admin-front/" + AdminFixtures.next();
        for (int capacity : new int[] {60, 70}) {
            given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                    .header("User-Agent", userAgent)
                    .contentType(ContentType.JSON)
                    .body("{\"dailyCapacity\": " + capacity + "}")
                    .patch("/api/v1/scheduler/agents/" + agent.id)
                    .then()
                    .statusCode(200);
        }
        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .contentType(ContentType.JSON)
                .body("{\"dailyCapacity\": 1}")
                .patch("/api/v1/scheduler/agents/" + agent.id)
                .then()
                .statusCode(403);

        JsonPath body = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .queryParam("target", target)
                .get("/api/v1/scheduler/audit")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.total", equalTo(3))
                .extract()
                .jsonPath();

        List<Map<String, Object>> items = body.getList("data.items");
        assertThat(items).extracting(item -> item.get("outcome")).containsExactly("DENIED", "SUCCEEDED", "SUCCEEDED");
        assertThat(items.get(0))
                .containsOnlyKeys(
                        "id",
                        "occurredAt",
                        "userId",
                        "email",
                        "role",
                        "action",
                        "target",
                        "parameters",
                        "outcome",
                        "httpStatus",
                        "ipAddress",
                        "userAgent")
                .containsEntry("email", AdminTokens.MANAGER_EMAIL)
                .containsEntry("role", "TEAM_MANAGER")
                .containsEntry("httpStatus", 403);
        assertThat(body.getInt("data.items[1].parameters.dailyCapacity")).isEqualTo(70);
        assertThat(body.getString("data.items[1].userAgent")).isEqualTo(userAgent);
        assertThat(body.getString("data.items[1].action")).isEqualTo("agent.update");
        assertThat(body.getString("data.items[1].occurredAt")).endsWith("+01:00");

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .queryParam("target", target)
                .queryParam("outcome", "denied")
                .get("/api/v1/scheduler/audit")
                .then()
                .statusCode(200)
                .body("data.total", equalTo(1))
                .body("data.items[0].userId", equalTo("12"));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .queryParam("target", target)
                .queryParam("email", AdminTokens.ADMIN_EMAIL.toUpperCase())
                .queryParam("size", 1)
                .get("/api/v1/scheduler/audit")
                .then()
                .statusCode(200)
                .body("data.total", equalTo(2))
                .body("data.totalPages", equalTo(2))
                .body("data.items[0].parameters.dailyCapacity", equalTo(70));
    }

    @Test
    void refusesAnUnknownOutcomeFilter() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .queryParam("outcome", "MAYBE")
                .get("/api/v1/scheduler/audit")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_PARAMETER"));
    }
}
