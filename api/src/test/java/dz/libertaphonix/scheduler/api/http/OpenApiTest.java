package dz.libertaphonix.scheduler.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every admin endpoint and the bearer scheme. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class OpenApiTest {

    @Test
    void describesEveryAdminEndpointWithBearerSecurity() {
        JsonPath document = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        Map<String, Map<String, Object>> paths = document.getMap("paths");
        String root = "/api/v1/scheduler";
        assertThat(paths)
                .containsKeys(
                        root + "/status",
                        root + "/next-sync-times",
                        root + "/start",
                        root + "/stop",
                        root + "/jobs",
                        root + "/jobs/{job}",
                        root + "/jobs/{job}/enable",
                        root + "/jobs/{job}/disable",
                        root + "/jobs/{job}/schedule",
                        root + "/trigger/{job}",
                        root + "/history",
                        root + "/runs/{id}",
                        root + "/stores",
                        root + "/stores/{id}",
                        root + "/stores/{id}/activate",
                        root + "/stores/{id}/deactivate",
                        root + "/stores/{id}/reset-cursor",
                        root + "/stores/{id}/test-connection",
                        root + "/agents",
                        root + "/agents/{id}",
                        root + "/audit");
        assertThat(paths.get(root + "/jobs/{job}/schedule")).containsKey("put");
        assertThat(paths.get(root + "/stores/{id}")).containsKeys("get", "patch");
        assertThat(document.getMap("components.securitySchemes")).isNotEmpty();
        assertThat(document.getString("paths.'" + root + "/status'.get.summary"))
                .isEqualTo("Scheduler status");
        // one trigger for every job; the original API's paths are values of {job}, and say so
        assertThat(document.getString("paths.'" + root + "/trigger/{job}'.post.description"))
                .contains("/trigger/ecomanager", "/trigger/shipping", "/trigger/cleanup");
        assertThat(document.getString("paths.'" + root + "/trigger/{job}'.post.parameters[0].description"))
                .contains("ecomanager-sync", "ecomanager_sync", "ecomanager, shipping, cleanup");
    }
}
