package dz.libertaphonix.scheduler.devmode;

import dz.libertaphonix.scheduler.importing.webhook.WebhookRegistrations;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreRepository;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev mode: the sandbox EcoManager sends signed webhooks to the app, so a newcomer sees an order
 * assigned seconds after it reaches {@code En dispatch} instead of at the next hourly run. On
 * startup it registers the app's delivery URL for each sandbox store through the admin path (the
 * same registration an operator makes, against the sandbox); then every few seconds it delivers
 * {@code OrderCreated} for each new order and {@code OrderStatusChanged} for each order that has
 * just reached {@code En dispatch}. Off with {@code scheduler.sandbox.webhooks.enabled=false}.
 */
@ApplicationScoped
@IfBuildProperty(name = "scheduler.sandbox.server", stringValue = "true")
public class SandboxWebhookSender {

    private static final Logger LOG = Logger.getLogger(SandboxWebhookSender.class);

    private final Vertx vertx;
    private final SandboxWorld world;
    private final SandboxWebhooks webhooks;
    private final StoreRepository stores;
    private final WebhookRegistrations registrations;
    private final boolean enabled;
    private final long periodMillis;
    private final int port;
    private final Map<String, Long> newestSent = new HashMap<>();
    private final Map<String, Set<Long>> dispatched = new HashMap<>();
    private long timer = -1;

    public SandboxWebhookSender(
            Vertx vertx,
            SandboxWorld world,
            SandboxWebhooks webhooks,
            StoreRepository stores,
            WebhookRegistrations registrations,
            @ConfigProperty(name = "scheduler.sandbox.webhooks.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "scheduler.sandbox.webhooks.period", defaultValue = "3s") java.time.Duration period,
            @ConfigProperty(name = "scheduler.sandbox.port", defaultValue = "8089") int port) {
        this.vertx = vertx;
        this.world = world;
        this.webhooks = webhooks;
        this.stores = stores;
        this.registrations = registrations;
        this.enabled = enabled;
        this.periodMillis = Math.max(500, period.toMillis());
        this.port = port;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("sandbox EcoManager webhooks: off (scheduler.sandbox.webhooks.enabled=false)");
            return;
        }
        timer = vertx.setPeriodic(
                periodMillis,
                id -> vertx.executeBlocking(
                        () -> {
                            tick();
                            return null;
                        },
                        false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    synchronized void tick() {
        for (String code : SandboxWorld.STORES) {
            try {
                if (!webhooks.anyFor(code) && !register(code)) {
                    continue;
                }
                send(code);
            } catch (RuntimeException e) {
                LOG.warnf("sandbox EcoManager webhooks for %s: %s", code, e.getMessage());
            }
        }
    }

    /** Registers the app's delivery URL for a sandbox store the app has, as an operator would. */
    private boolean register(String code) {
        Optional<Store> store = QuarkusTransaction.requiringNew().call(() -> stores.findByIdentifier(code));
        if (store.isEmpty() || !store.get().baseUrl.contains(":" + port + "/sandbox/ecomanager/")) {
            return false;
        }
        // the sandbox keeps its webhooks in memory: what the database remembers of an earlier session
        // is gone upstream, so it is dropped (EcoManager's 404 counts as deleted) and registered anew
        registrations.deleteAll(store.get().id);
        registrations.register(store.get().id, List.of(), "sandbox", null);
        LOG.infof("sandbox EcoManager: webhooks of %s registered; orders now arrive in seconds", code);
        return webhooks.anyFor(code);
    }

    private void send(String code) {
        long latest = world.latestId(code);
        Long previous = newestSent.get(code);
        Set<Long> sent = dispatched.computeIfAbsent(code, c -> new HashSet<>());
        String source = "http://localhost:" + port + "/sandbox/ecomanager/" + code;
        if (previous == null) {
            // from now on: the backlog is the hourly import's
            newestSent.put(code, latest);
            for (long id = Math.max(world.firstId(code), latest - 200); id <= latest; id++) {
                if ("En dispatch".equals(world.state(code, id))) {
                    sent.add(id);
                }
            }
            return;
        }
        for (long id = previous + 1; id <= latest; id++) {
            Map<String, Object> order = world.order(code, id);
            webhooks.deliver(code, "OrderCreated", order, source);
            if ("En dispatch".equals(order.get("order_state_name"))) {
                sent.add(id);
            }
        }
        newestSent.put(code, latest);
        // orders that reached En dispatch after later ones existed
        for (long id = Math.max(world.firstId(code), latest - 200); id <= latest; id++) {
            if (!sent.contains(id) && "En dispatch".equals(world.state(code, id))) {
                webhooks.deliver(code, "OrderStatusChanged", world.order(code, id), source);
                sent.add(id);
            }
        }
        sent.removeIf(id -> id < latest - 400);
    }
}
