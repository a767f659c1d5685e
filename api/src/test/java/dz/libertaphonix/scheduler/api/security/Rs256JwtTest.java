package dz.libertaphonix.scheduler.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** With {@code scheduler.jwt.algorithm=RS256}: standard tokens checked against a JWKS and an issuer. */
@QuarkusTest
@TestProfile(Rs256Profile.class)
@QuarkusTestResource(RealServicesResource.class)
class Rs256JwtTest {

    @Test
    void acceptsAnRs256TokenSignedByTheKeyOfTheJwks() {
        given().header("Authorization", AdminTokens.bearer(rs256(Rs256Profile.ISSUER, "TEAM_MANAGER")))
                .get("/api/v1/scheduler/next-sync-times")
                .then()
                .statusCode(200)
                .body("success", equalTo(true));
    }

    @Test
    void appliesTheRolesAsWithTheOrderSystemsTokens() {
        given().header("Authorization", AdminTokens.bearer(rs256(Rs256Profile.ISSUER, "TEAM_MANAGER")))
                .post("/api/v1/scheduler/stop")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        given().header("Authorization", AdminTokens.bearer(rs256("https://elsewhere.example", "ADMIN")))
                .get("/api/v1/scheduler/next-sync-times")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void refusesAnHs256TokenWhenConfiguredForRs256() {
        given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get("/api/v1/scheduler/next-sync-times")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }

    private static String rs256(String issuer, String role) {
        return Jwt.issuer(issuer)
                .claim("userId", 77)
                .claim("email", "sso.user@libertaphonix.dz")
                .claim("role", role)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600))
                .jws()
                .keyId(Rs256Profile.KEY_ID)
                .sign(Rs256Profile.privateKey());
    }
}
