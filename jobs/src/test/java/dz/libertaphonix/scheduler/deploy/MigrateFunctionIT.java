package dz.libertaphonix.scheduler.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dz.libertaphonix.scheduler.testsupport.MockEventServerPort;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native jobs binary (the {@code bootstrap} of the native function.zip, built with
 * {@code -Dnative}) run as Lambda's custom runtime runs it, in the prod profile, against a fresh
 * database: the deployed {@code migrate} function migrates it once, then finds nothing to do. Runs
 * in the native CI workflow only (failsafe is bound in the {@code native} profile).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(MockEventServerPort.class)
class MigrateFunctionIT {

    @BeforeEach
    void postToTheMockEventServer() {
        MockEventServerPort.pointRestAssuredAtIt();
    }

    @Test
    void packagedMigrateFunctionMigratesAFreshDatabaseOnceThenFindsNothingPending() {
        String version = given().contentType("application/json")
                .body("{}")
                .when()
                .post()
                .then()
                .statusCode(200)
                .body("pending", hasSize(0))
                .extract()
                .path("schemaVersion");
        assertThat(version).isNotBlank();

        given().contentType("application/json")
                .body("{}")
                .when()
                .post()
                .then()
                .statusCode(200)
                .body("applied", hasSize(0))
                .body("schemaVersion", equalTo(version));
    }
}
