package dz.libertaphonix.scheduler.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The admin operations on call-centre agents: list, create, change capacity, activity, availability. */
@ApplicationScoped
public class AgentAdminService {

    public static final int MAX_DAILY_CAPACITY = 10_000;

    private final AgentRepository agents;
    private final Clock clock;

    public AgentAdminService(AgentRepository agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    @Transactional
    public List<Agent> list() {
        return agents.allByName();
    }

    @Transactional
    public Agent create(String name, String email, int dailyCapacity, boolean active, boolean available) {
        checkCapacity(dailyCapacity);
        if (agents.findByEmail(email).isPresent()) {
            throw new AgentAlreadyExistsException(email);
        }
        Instant now = clock.instant();
        Agent agent = new Agent();
        agent.name = name;
        agent.email = email;
        agent.dailyCapacity = dailyCapacity;
        agent.active = active;
        agent.available = available;
        agent.createdAt = now;
        agent.updatedAt = now;
        agents.persist(agent);
        agents.flush();
        return agent;
    }

    @Transactional
    public Agent update(long id, AgentChanges changes) {
        Agent agent = agents.findByIdOptional(id).orElseThrow(() -> new AgentNotFoundException(id));
        if (changes.email() != null && !changes.email().equals(agent.email)) {
            agents.findByEmail(changes.email())
                    .filter(other -> !other.id.equals(agent.id))
                    .ifPresent(other -> {
                        throw new AgentAlreadyExistsException(changes.email());
                    });
            agent.email = changes.email();
        }
        if (changes.name() != null) {
            agent.name = changes.name();
        }
        if (changes.dailyCapacity() != null) {
            checkCapacity(changes.dailyCapacity());
            agent.dailyCapacity = changes.dailyCapacity();
        }
        if (changes.active() != null) {
            agent.active = changes.active();
        }
        if (changes.available() != null) {
            agent.available = changes.available();
        }
        agent.updatedAt = clock.instant();
        agents.flush();
        return agent;
    }

    private static void checkCapacity(int capacity) {
        if (capacity < 0 || capacity > MAX_DAILY_CAPACITY) {
            throw new IllegalArgumentException("daily capacity must be between 0 and " + MAX_DAILY_CAPACITY);
        }
    }
}
