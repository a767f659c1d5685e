package dz.libertaphonix.scheduler.api.agents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agents: listed, created, their capacity, activity and availability changed; all audited. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class AgentResourceTest {

    private static final String AGENTS = "/api/v1/scheduler/agents";

    @Inject
    AdminFixtures fixtures;

    @Test
    void createsAnAgentWithDefaultsAndListsIt() {
        String email = "yasmine.haddad." + AdminFixtures.next() + "@libertaphonix.dz";
        long before = fixtures.lastAuditId();

        long id = given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Yasmine Haddad\", \"email\": \"" + email + "\"}")
                .post(AGENTS)
                .then()
                .statusCode(201)
                .body("success", equalTo(true))
                .body("data.name", equalTo("Yasmine Haddad"))
                .body("data.email", equalTo(email))
                .body("data.dailyCapacity", equalTo(50))
                .body("data.active", equalTo(true))
                .body("data.available", equalTo(true))
                .extract()
                .jsonPath()
                .getLong("data.id");

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get(AGENTS)
                .then()
                .statusCode(200)
                .body("data.email", hasItem(email));
        AuditEvent row = single(before, "agent.create");
        assertThat(row.target).isEqualTo("agent:" + id);
        assertThat(row.parameters).containsEntry("email", email);
    }

    @Test
    void changesCapacityAvailabilityAndActivity() {
        Agent agent = fixtures.agent("Sofiane Mebarki", 50);
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"dailyCapacity\": 80, \"available\": false}")
                .patch(AGENTS + "/" + agent.id)
                .then()
                .statusCode(200)
                .body("data.dailyCapacity", equalTo(80))
                .body("data.available", equalTo(false))
                .body("data.active", equalTo(true))
                .body("data.name", equalTo("Sofiane Mebarki"));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"active\": false}")
                .patch(AGENTS + "/" + agent.id)
                .then()
                .statusCode(200)
                .body("data.active", equalTo(false))
                .body("data.dailyCapacity", equalTo(80));

        List<AuditEvent> rows = fixtures.auditSince(before).stream()
                .filter(row -> row.action.equals("agent.update"))
                .toList();
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.target).isEqualTo("agent:" + agent.id);
            assertThat(row.outcome).isEqualTo(AuditOutcome.SUCCEEDED);
        });
        assertThat(rows.get(0).parameters).containsEntry("dailyCapacity", 80).containsEntry("available", false);
    }

    @Test
    void refusesACapacityOutOfRangeAndABadEmail() {
        Agent agent = fixtures.agent("Lina Saidi", 50);

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"dailyCapacity\": 20000}")
                .patch(AGENTS + "/" + agent.id)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.details.violations[0].field", equalTo("dailyCapacity"));
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Lina\", \"email\": \"lina at libertaphonix\"}")
                .post(AGENTS)
                .then()
                .statusCode(400)
                .body("error.details.violations.field", hasItem("email"));
    }

    @Test
    void refusesASecondAgentWithTheSameEmailWhateverItsCase() {
        Agent agent = fixtures.agent("Amine Touati", 50);

        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Amine T.\", \"email\": \"" + agent.email.toUpperCase() + "\"}")
                .post(AGENTS)
                .then()
                .statusCode(409)
                .body("error.code", equalTo("AGENT_ALREADY_EXISTS"));
    }

    @Test
    void answers404ForAnAgentThatDoesNotExist() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .contentType(ContentType.JSON)
                .body("{\"available\": true}")
                .patch(AGENTS + "/987654321")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("AGENT_NOT_FOUND"));
    }

    private AuditEvent single(long afterId, String action) {
        List<AuditEvent> rows = fixtures.auditSince(afterId).stream()
                .filter(row -> row.action.equals(action))
                .toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
