package dz.libertaphonix.scheduler.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * {@code scheduler.dev.seed=false} (the api tests' setting: they build their own data): the seeder is
 * there, and the app started on an empty database without any dev store or agent.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class DevDataSeedOffTest {

    @Inject
    Instance<DevDataSeeder> seeder;

    @Test
    void createsNoDevDataWhenSwitchedOff() {
        assertThat(seeder.isResolvable())
                .as("the dev data seeder is part of this app")
                .isTrue();

        JsonPath stores = DevDataSeederTest.get("/api/v1/scheduler/stores");
        assertThat(stores.getList("data.identifier", String.class)).doesNotContain("NATU", "KITCH", "MODA");
        JsonPath agents = DevDataSeederTest.get("/api/v1/scheduler/agents");
        assertThat(agents.getList("data.email", String.class))
                .doesNotContain("samira.boukhari@libertaphonix.dz", "selma.guerroudj@libertaphonix.dz");
    }
}
