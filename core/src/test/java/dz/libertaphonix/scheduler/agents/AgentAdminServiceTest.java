package dz.libertaphonix.scheduler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dz.libertaphonix.scheduler.testsupport.CoreFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class AgentAdminServiceTest {

    @Inject
    AgentAdminService agents;

    @Test
    void createsAnAgentAndChangesOnlyWhatIsGiven() {
        String email = "meriem." + CoreFixtures.next() + "@libertaphonix.dz";
        Agent agent = agents.create("Meriem Ouali", email, 40, true, true);

        Agent changed = agents.update(agent.id, new AgentChanges(null, null, 65, null, false));

        assertThat(changed.name).isEqualTo("Meriem Ouali");
        assertThat(changed.email).isEqualTo(email);
        assertThat(changed.dailyCapacity).isEqualTo(65);
        assertThat(changed.available).isFalse();
        assertThat(changed.active).isTrue();
    }

    @Test
    void refusesAnEmailAnotherAgentHasWhateverItsCase() {
        String email = "hakim." + CoreFixtures.next() + "@libertaphonix.dz";
        agents.create("Hakim", email, 50, true, true);
        Agent other = agents.create("Other", "other." + CoreFixtures.next() + "@libertaphonix.dz", 50, true, true);

        assertThatThrownBy(() -> agents.create("Hakim 2", email.toUpperCase(), 50, true, true))
                .isInstanceOf(AgentAlreadyExistsException.class);
        assertThatThrownBy(() -> agents.update(other.id, new AgentChanges(null, email, null, null, null)))
                .isInstanceOf(AgentAlreadyExistsException.class);
    }

    @Test
    void letsAnAgentChangeTheCaseOfItsOwnEmail() {
        String email = "nassim." + CoreFixtures.next() + "@libertaphonix.dz";
        Agent agent = agents.create("Nassim", email, 50, true, true);

        Agent changed =
                agents.update(agent.id, new AgentChanges(null, "Nassim" + email.substring(6), null, null, null));

        assertThat(changed.email).startsWith("Nassim.");
    }

    @Test
    void refusesACapacityOutsideTheSchemasRange() {
        assertThatThrownBy(() -> agents.create("Too Much", "much." + CoreFixtures.next() + "@x.dz", 10_001, true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
