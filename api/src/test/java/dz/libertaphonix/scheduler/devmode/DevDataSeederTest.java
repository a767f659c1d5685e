package dz.libertaphonix.scheduler.devmode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.api.local.LocalSchedulerTestProfile;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dev data with {@code scheduler.dev.seed=true}, as dev mode has it by default: the app starts on an
 * empty database (the tests clean it at start) and finds the three sandbox stores and five agents,
 * seen through the admin API.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
@TestProfile(LocalSchedulerTestProfile.class)
class DevDataSeederTest {

    @Test
    void seedsTheSandboxStoresAndFiveAgentsOnAnEmptyDatabase() {
        JsonPath stores = get("/api/v1/scheduler/stores");
        List<Map<String, Object>> seeded = stores.<Map<String, Object>>getList("data").stream()
                .filter(store -> List.of("NATU", "KITCH", "MODA").contains(store.get("identifier")))
                .toList();
        assertThat(seeded)
                .extracting(store -> store.get("identifier"))
                .containsExactlyInAnyOrder("NATU", "KITCH", "MODA");
        assertThat(seeded).allSatisfy(store -> {
            assertThat((String) store.get("baseUrl"))
                    .startsWith("http://localhost:")
                    .endsWith("/sandbox/ecomanager/" + store.get("identifier") + "/api/shop/v2");
            assertThat(store.get("active")).isEqualTo(true);
        });

        JsonPath agents = get("/api/v1/scheduler/agents");
        assertThat(agents.getList("data.email", String.class))
                .contains(
                        "samira.boukhari@libertaphonix.dz",
                        "nadir.ferhat@libertaphonix.dz",
                        "houda.mebarki@libertaphonix.dz",
                        "lyes.ait.ahmed@libertaphonix.dz",
                        "selma.guerroudj@libertaphonix.dz");
    }

    static JsonPath get(String path) {
        return given().header("Authorization", AdminTokens.bearer(AdminTokens.admin()))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
