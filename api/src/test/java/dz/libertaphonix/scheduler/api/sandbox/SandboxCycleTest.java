package dz.libertaphonix.scheduler.api.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dev-mode sandbox end to end, over real HTTP and without WireMock: the admin API registers a
 * store pointing at the sandbox EcoManager, the import pulls its orders and assigns them, then the
 * shipping sync pulls the sandbox Maystro parcels and the orders follow (delivered, cancelled,
 * returned). Every hop is an HTTP call between the app and the sandbox it serves.
 */
@QuarkusTest
@TestProfile(SandboxCycleTest.Sandbox.class)
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class SandboxCycleTest {

    /** A fixed port, known before start, so the Maystro base URL can point back at the app. */
    public static class Sandbox implements QuarkusTestProfile {

        // Quarkus loads the profile and the test in different class loaders: a JVM-wide property
        // keeps the port the same for both
        static final int PORT = Integer.parseInt(System.getProperties()
                .computeIfAbsent("scheduler.test.sandbox-port", key -> Integer.toString(freePort()))
                .toString());

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // the sandbox upstreams on their own port, as in dev mode
                    "scheduler.sandbox.server", "true",
                    "scheduler.sandbox.port", Integer.toString(PORT),
                    "scheduler.maystro.base-url", "http://localhost:" + PORT + "/sandbox/maystro",
                    "scheduler.maystro.accounts", "sandbox=sandbox-maystro-key",
                    // nobody confirms orders in the sandbox: follow assigned ones too
                    "scheduler.shipping.tracked-statuses", "PENDING,ASSIGNED,CONFIRMED,SHIPPED",
                    // the real shipping job, not the api tests' gated stand-in
                    "quarkus.arc.exclude-types", "dz.libertaphonix.scheduler.api.testsupport.GatedShippingJob");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void importsSandboxOrdersThenFollowsTheirParcelsThroughTheSandboxCourier() throws SQLException {
        String admin = AdminTokens.admin();
        given().contentType(ContentType.JSON)
                .body(Map.of("latencyMillis", 0, "faults", Map.of()))
                .put("/sandbox/faults")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Samira Boukhari", "email", "samira.sandbox@libertaphonix.dz", "dailyCapacity", 1000))
                .post("/api/v1/scheduler/agents")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "identifier", "SANDBOX-NATU",
                        "name", "Natura Cosmétiques (sandbox)",
                        "baseUrl", "http://localhost:" + Sandbox.PORT + "/sandbox/ecomanager/NATU/api/shop/v2",
                        "token", "sandbox-token-natu"))
                .post("/api/v1/scheduler/stores")
                .then()
                .statusCode(201);

        JsonPath imported = runToCompletion(admin, "ecomanager");
        assertThat(imported.getString("data.status")).isEqualTo("SUCCEEDED");
        assertThat(imported.getLong("data.counts.imported")).isGreaterThan(50);
        assertThat(imported.getLong("data.counts.quarantined")).isPositive(); // the sandbox's malformed orders
        assertThat(count("select count(*) from orders o join stores s on s.id = o.store_id"
                        + " where s.identifier = 'SANDBOX-NATU' and o.status = 'ASSIGNED'"))
                .isEqualTo(imported.getLong("data.counts.imported"));

        JsonPath shipped = runToCompletion(admin, "shipping");
        assertThat(shipped.getString("data.status")).isIn("SUCCEEDED", "PARTIAL");
        assertThat(count("select count(*) from orders where status = 'DELIVERED' and shipping_status_code = 41"))
                .isPositive();
        assertThat(count("select count(*) from orders where status in ('CANCELLED', 'RETURNED')"))
                .isPositive();
        assertThat(count("select count(*) from order_status_events where source = 'SHIPPING_SYNC'"))
                .isPositive();
        assertThat(count("select count(*) from orders where shipping_status_label like 'INCONNU%'"))
                .as("the sandbox's unknown courier code is kept with its label")
                .isPositive();
    }

    private static JsonPath runToCompletion(String token, String trigger) {
        String runId = given().auth()
                .oauth2(token)
                .post("/api/v1/scheduler/trigger/" + trigger)
                .then()
                .statusCode(202)
                .extract()
                .path("data.runId");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    int status = given().auth()
                            .oauth2(token)
                            .get("/api/v1/scheduler/runs/" + runId)
                            .statusCode();
                    if (status != 200) {
                        return false;
                    }
                    String state = given().auth()
                            .oauth2(token)
                            .get("/api/v1/scheduler/runs/" + runId)
                            .path("data.status");
                    return !"RUNNING".equals(state);
                });
        return given().auth()
                .oauth2(token)
                .get("/api/v1/scheduler/runs/" + runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
