package dz.libertaphonix.scheduler.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may call the admin API: the order system's own HS256 tokens, ADMIN for everything,
 * TEAM_MANAGER for reading, nobody else; each way a token can be wrong is one 401.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class AdminSecurityTest {

    private static final String STATUS = "/api/v1/scheduler/status";
    private static final String START = "/api/v1/scheduler/start";

    @Inject
    AdminFixtures fixtures;

    @Test
    void acceptsTheOrderSystemsOwnTokenWithoutIssuerOrSubject() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get(STATUS)
                .then()
                .statusCode(200)
                .body("success", equalTo(true));
    }

    @Test
    void refusesARequestWithoutTokenWith401AndTheErrorEnvelope() {
        unauthorized(given().get(STATUS).then());
    }

    @Test
    void refusesAnExpiredToken() {
        unauthorized(given().header("Authorization", AdminTokens.bearer(AdminTokens.expiredAdmin()))
                .get(STATUS)
                .then());
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        unauthorized(given().header("Authorization", AdminTokens.bearer(AdminTokens.adminSignedWithAnotherSecret()))
                .get(STATUS)
                .then());
    }

    @Test
    void refusesAnUnsignedAlgNoneToken() {
        unauthorized(given().header("Authorization", AdminTokens.bearer(AdminTokens.unsignedAdmin()))
                .get(STATUS)
                .then());
    }

    @Test
    void refusesATokenWhosePayloadWasTampered() {
        unauthorized(given().header("Authorization", AdminTokens.bearer(AdminTokens.managerTamperedToAdmin()))
                .post(START)
                .then());
    }

    @Test
    void refusesSomethingThatIsNotAToken() {
        unauthorized(
                given().header("Authorization", "Bearer not.a.jwt").get(STATUS).then());
    }

    @Test
    void letsATeamManagerReadTheStatus() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .get(STATUS)
                .then()
                .statusCode(200);
    }

    @Test
    void forbidsATeamManagerToStopTheSchedulerAndAuditsTheRefusal() {
        long before = fixtures.lastAuditId();

        given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                .header("User-Agent", "admin-front/2.3")
                .post("/api/v1/scheduler/stop")
                .then()
                .statusCode(403)
                .body("success", equalTo(false))
                .body("error.code", equalTo("FORBIDDEN"));

        List<AuditEvent> rows = fixtures.auditSince(before).stream()
                .filter(row -> row.action.equals("schedule.stop"))
                .toList();
        assertThat(rows).hasSize(1);
        AuditEvent row = rows.get(0);
        assertThat(row.outcome).isEqualTo(AuditOutcome.DENIED);
        assertThat(row.httpStatus).isEqualTo(403);
        assertThat(row.userId).isEqualTo("12");
        assertThat(row.email).isEqualTo(AdminTokens.MANAGER_EMAIL);
        assertThat(row.role).isEqualTo("TEAM_MANAGER");
        assertThat(row.target).isEqualTo("all");
        assertThat(row.userAgent).isEqualTo("admin-front/2.3");
        assertThat(row.ipAddress).isNotBlank();
    }

    @Test
    void forbidsATeamManagerTheStoresAgentsAndAudit() {
        for (String path : List.of("/api/v1/scheduler/stores", "/api/v1/scheduler/agents", "/api/v1/scheduler/audit")) {
            given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()))
                    .get(path)
                    .then()
                    .statusCode(403)
                    .body("error.code", equalTo("FORBIDDEN"));
        }
    }

    @Test
    void forbidsAnyOtherRole() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.withRole("AGENT")))
                .get(STATUS)
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void forbidsAValidTokenWithoutRole() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.withoutRole()))
                .get(STATUS)
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void auditsAnUnauthenticatedAttemptToChangeSomething() {
        long before = fixtures.lastAuditId();

        given().post("/api/v1/scheduler/trigger/cleanup").then().statusCode(401);

        List<AuditEvent> rows = fixtures.auditSince(before).stream()
                .filter(row -> row.action.equals("run.trigger"))
                .toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.outcome).isEqualTo(AuditOutcome.DENIED);
            assertThat(row.httpStatus).isEqualTo(401);
            assertThat(row.userId).isNull();
            assertThat(row.target).isEqualTo("daily-cleanup");
        });
    }

    @Test
    void leavesHealthAndTheOpenApiDocumentPublic() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void allowsTheFrontEndsOriginAndNoOther() {
        given().header("Origin", "https://admin.libertaphonix.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(START)
                .then()
                .header("Access-Control-Allow-Origin", equalTo("https://admin.libertaphonix.test"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options(START)
                .then()
                .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("success", equalTo(false))
                .body("error.code", equalTo("UNAUTHORIZED"))
                .body("data", nullValue());
    }
}
