package dz.libertaphonix.scheduler.api.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import com.github.tomakehurst.wiremock.WireMockServer;
import dz.libertaphonix.scheduler.api.dashboard.DashboardFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.api.testsupport.OutageProfile;
import dz.libertaphonix.scheduler.audit.AuditEvent;
import dz.libertaphonix.scheduler.audit.AuditOutcome;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.OutageServices;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API while PostgreSQL or Redis is down, and once it is back: 503 with a code of its own
 * within a couple of seconds (never a 500), a refused call acts on nothing, and the import a trigger
 * started before the outage frees the job within seconds of recovery (the default 16-minute lock TTL
 * never comes into play), with its error naming the store and the database.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
@TestProfile(OutageProfile.class)
class OutageAnswersTest {

    private static final Logger LOG = Logger.getLogger(OutageAnswersTest.class);
    private static final String API = "/api/v1/scheduler";
    private static final OutageServices SERVICES = OutageServices.get();
    /** A couple of seconds, in milliseconds: the longest a 503 may take while a store is down. */
    private static final long PROMPTLY = 3_000;

    private static final AtomicReference<Runnable> ON_ECOMANAGER_REQUEST = new AtomicReference<>(() -> {});
    static WireMockServer ecomanager;

    @Inject
    AdminFixtures fixtures;

    @BeforeAll
    static void startEcoManager() {
        ecomanager = new WireMockServer(options().dynamicPort());
        ecomanager.start();
        ecomanager.addMockServiceRequestListener(
                (request, response) -> ON_ECOMANAGER_REQUEST.get().run());
    }

    @AfterAll
    static void stopEcoManager() {
        ecomanager.stop();
    }

    @AfterEach
    void servicesBack() {
        ON_ECOMANAGER_REQUEST.set(() -> {});
        SERVICES.startPostgres();
        SERVICES.startRedis();
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndRunsAgainWithinSecondsOfItsReturn() {
        String token = "emk_outage_" + AdminFixtures.next();
        Store store = fixtures.store(ecomanager.baseUrl() + "/api/shop/v2", token);
        fixtures.agent("Houda Mebarki", 10_000);
        ecomanager.stubFor(get(urlPathEqualTo("/api/shop/v2/orders"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(DashboardFixtures.ordersPage(90_001, 60))));
        admin().get(API + "/status").then().statusCode(200);
        // PostgreSQL goes down while the import reads EcoManager, before it commits anything
        ON_ECOMANAGER_REQUEST.set(SERVICES::stopPostgres);

        String first = admin().post(API + "/trigger/ecomanager")
                .then()
                .statusCode(202)
                .extract()
                .path("data.runId");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ecomanager.getAllServeEvents().size() >= 1);
        ON_ECOMANAGER_REQUEST.set(() -> {});

        unavailable(admin().get(API + "/history"), "DATABASE_UNAVAILABLE");
        unavailable(manager().get(API + "/runs/" + first), "DATABASE_UNAVAILABLE");
        unavailable(admin().post(API + "/trigger/ecomanager"), "DATABASE_UNAVAILABLE");
        String refusedStore = AdminFixtures.storeCode();
        unavailable(
                admin().contentType("application/json")
                        .body("{\"identifier\": \"" + refusedStore + "\", \"name\": \"Boutique\", \"baseUrl\": \""
                                + ecomanager.baseUrl() + "/api/shop/v2\", \"token\": \"emk_never_stored\"}")
                        .post(API + "/stores"),
                "DATABASE_UNAVAILABLE");
        // a refusal that needs no database is still the refusal (its audit row is logged instead)
        manager().post(API + "/trigger/ecomanager").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        // the live state (Redis) still answers the admin page
        admin().get(API + "/status").then().statusCode(200);

        Instant recovered = Instant.now();
        SERVICES.startPostgres();
        AtomicReference<String> accepted = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Response answer = admin().post(API + "/trigger/ecomanager");
                    if (answer.statusCode() == 202) {
                        accepted.set(answer.path("data.runId"));
                    }
                    return accepted.get() != null;
                });
        LOG.infof(
                "trigger accepted %d ms after PostgreSQL came back",
                Duration.between(recovered, Instant.now()).toMillis());

        admin().get(API + "/runs/" + first).then().statusCode(200).body("data.status", equalTo("FAILED"));
        String error = admin().get(API + "/runs/" + first).path("data.error.message");
        assertThat(error)
                .contains(store.identifier + ": database unavailable while looking up the orders " + store.identifier
                        + " already has")
                .doesNotContain("Exception");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED"
                .equals(admin().get(API + "/runs/" + accepted.get()).path("data.status")));
        assertThat(count("select count(distinct ecomanager_id) from orders where store_id = ?", store.id))
                .isEqualTo(60);
        assertThat(count("select count(*) from orders where store_id = ?", store.id))
                .isEqualTo(60);
        assertThat(count("select count(*) from job_runs where job_id = 'ecomanager-sync' and status <> 'SKIPPED'"))
                .as("the trigger refused during the outage started nothing")
                .isEqualTo(2);
        assertThat(count("select count(*) from stores where identifier = ?", refusedStore))
                .isZero();
        List<AuditEvent> triggers = fixtures.audit("run.trigger", "ecomanager-sync");
        assertThat(triggers).extracting(event -> event.outcome).doesNotContain(AuditOutcome.STARTED);
        assertThat(triggers)
                .filteredOn(event -> event.outcome == AuditOutcome.SUCCEEDED)
                .hasSize(2);
    }

    @Test
    void answers503RunStateUnavailableWhileRedisIsDownAndStartsNothing() {
        admin().get(API + "/status").then().statusCode(200);
        long before = count("select count(*) from job_runs where job_id = 'shipping-status-sync'");
        SERVICES.stopRedis();

        unavailable(manager().get(API + "/status"), "RUN_STATE_UNAVAILABLE");
        unavailable(admin().post(API + "/trigger/shipping"), "RUN_STATE_UNAVAILABLE");
        assertThat(count("select count(*) from job_runs where job_id = 'shipping-status-sync'"))
                .isEqualTo(before);

        SERVICES.startRedis();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> admin().post(API + "/trigger/shipping").statusCode() == 202);
    }

    private static void unavailable(Response answer, String code) {
        answer.then()
                .statusCode(503)
                .time(lessThan(PROMPTLY))
                .body("success", equalTo(false))
                .body("error.code", equalTo(code));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()));
    }

    private static RequestSpecification manager() {
        return given().header("Authorization", AdminTokens.bearer(AdminTokens.teamManager()));
    }

    private static long count(String sql, Object... parameters) {
        try (Connection connection = SERVICES.openConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
