package dz.libertaphonix.scheduler.agents;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AgentRepository implements PanacheRepository<Agent> {

    public Optional<Agent> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public List<Agent> allByName() {
        return list("order by name, id");
    }
}
