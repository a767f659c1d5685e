package dz.libertaphonix.scheduler.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Boots the jobs Lambda against the mock Lambda event server and invokes the migrate function. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class MigrateFunctionTest {

    @Inject
    Flyway flyway;

    @Inject
    ColdStartPriming priming;

    @BeforeEach
    void emptyDatabase() {
        flyway.clean();
    }

    @Test
    void migratesAnEmptyDatabaseThenReportsNothingPending() {
        // every migration the artifact carries, whatever their number (features add their own)
        MigrationInfo[] available = flyway.info().all();
        String latest = available[available.length - 1].getVersion().getVersion();

        given().contentType("application/json")
                .body("{}")
                .when()
                .post()
                .then()
                .statusCode(200)
                .body("schemaVersion", equalTo(latest))
                .body("applied", hasSize(available.length))
                .body("pending", hasSize(0));

        given().contentType("application/json")
                .body("{}")
                .when()
                .post()
                .then()
                .statusCode(200)
                .body("applied", hasSize(0))
                .body("schemaVersion", equalTo(latest));
    }

    @Test
    void theMigrateFunctionPrimesNothingAtStart() throws Exception {
        assertThat(priming.primed().get(30, TimeUnit.SECONDS))
                .isEqualTo(new ColdStartPriming.Primed(false, false, false));
    }
}
