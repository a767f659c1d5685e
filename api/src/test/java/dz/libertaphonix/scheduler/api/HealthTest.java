package dz.libertaphonix.scheduler.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The api app boots against real PostgreSQL and Redis and reports both healthy. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class HealthTest {

    @Test
    void reportsUpWithDatabaseAndRedisChecked() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Redis connection health check"));
    }
}
