package dz.libertaphonix.scheduler.devmode;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.agents.AgentRepository;
import dz.libertaphonix.scheduler.stores.StoreAdminService;
import dz.libertaphonix.scheduler.stores.StoreRepository;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * First start of dev mode: three sandbox stores and a handful of agents, so every job has work. Only
 * on an empty database (no store, no agent), and only while {@code scheduler.dev.seed} is true (the
 * default; {@code -Dscheduler.dev.seed=false} starts dev mode with no data of its own, e.g. against a
 * copy of real data). Built for dev and test only, so the switch can be tested.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class DevDataSeeder {

    private static final Logger LOG = Logger.getLogger(DevDataSeeder.class);
    private static final Map<String, String> STORE_NAMES =
            Map.of("NATU", "Natura Cosmétiques", "KITCH", "Kitchen DZ", "MODA", "Moda Algérie");

    private final StoreRepository stores;
    private final StoreAdminService storeService;
    private final AgentRepository agents;
    private final Clock clock;
    private final int sandboxPort;
    private final boolean enabled;

    public DevDataSeeder(
            StoreRepository stores,
            StoreAdminService storeService,
            AgentRepository agents,
            Clock clock,
            @ConfigProperty(name = "scheduler.sandbox.port", defaultValue = "8089") int sandboxPort,
            @ConfigProperty(name = "scheduler.dev.seed", defaultValue = "true") boolean enabled) {
        this.stores = stores;
        this.storeService = storeService;
        this.agents = agents;
        this.clock = clock;
        this.sandboxPort = sandboxPort;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("dev data: not seeded (scheduler.dev.seed=false)");
            return;
        }
        seed();
    }

    @Transactional
    void seed() {
        if (stores.count() == 0) {
            for (String code : SandboxWorld.STORES) {
                String baseUrl = "http://localhost:" + sandboxPort + "/sandbox/ecomanager/" + code + "/api/shop/v2";
                storeService.create(code, STORE_NAMES.get(code), baseUrl, SandboxWorld.tokenFor(code), true);
            }
            LOG.infof("dev data: created sandbox stores %s", SandboxWorld.STORES);
        }
        if (agents.count() == 0) {
            String[][] people = {
                {"Samira Boukhari", "12"},
                {"Nadir Ferhat", "12"},
                {"Houda Mebarki", "10"},
                {"Lyes Ait Ahmed", "8"},
                {"Selma Guerroudj", "6"}
            };
            for (String[] person : people) {
                Agent agent = new Agent();
                agent.name = person[0];
                agent.email = person[0].toLowerCase().replace(' ', '.') + "@libertaphonix.dz";
                agent.dailyCapacity = Integer.parseInt(person[1]);
                agent.createdAt = clock.instant();
                agent.updatedAt = agent.createdAt;
                agents.persist(agent);
            }
            LOG.infof("dev data: created %d call-centre agents", people.length);
        }
    }
}
