package dz.libertaphonix.scheduler.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Maystro (WireMock on a free port) for the core tests. It points
 * {@code scheduler.maystro.base-url} at itself and configures two accounts, {@code main} and
 * {@code backup}, with keys made for this JVM. Tests stub per key, so each test that makes its own
 * {@link MaystroFake} with a fresh key never sees another's stubs.
 *
 * <p>It also records, per {@code Authorization} header, the most requests it ever served at once.
 */
public class MaystroWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String MAIN_KEY = "mk_" + UUID.randomUUID().toString().replace("-", "");
    public static final String BACKUP_KEY = "mk_" + UUID.randomUUID().toString().replace("-", "");

    private static final Concurrency CONCURRENCY = new Concurrency();
    private static volatile WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            WireMockServer started = new WireMockServer(options()
                    .dynamicPort()
                    // a generous pool: several tests keep ten requests waiting on a delay at once
                    .containerThreads(60)
                    .extensions(CONCURRENCY));
            started.start();
            server = started;
        }
        return Map.of(
                "scheduler.maystro.base-url",
                baseUrl(),
                "scheduler.maystro.accounts",
                "main=" + MAIN_KEY + ",backup=" + BACKUP_KEY);
    }

    @Override
    public void stop() {
        // shared by every Quarkus boot of this JVM; dies with it
    }

    public static WireMockServer server() {
        if (server == null) {
            throw new IllegalStateException("MaystroWireMock has not started");
        }
        return server;
    }

    public static String baseUrl() {
        return "http://localhost:" + server().port();
    }

    /** The most requests carrying this key that the fake served at the same time. */
    public static int maxConcurrent(String key) {
        return CONCURRENCY.max.getOrDefault("Token " + key, new AtomicInteger()).get();
    }

    static final class Concurrency implements ServeEventListener {

        final Map<String, AtomicInteger> current = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> max = new ConcurrentHashMap<>();

        @Override
        public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
            String key = authorization(serveEvent);
            int now = current.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            max.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        }

        @Override
        public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
            current.computeIfAbsent(authorization(serveEvent), k -> new AtomicInteger())
                    .decrementAndGet();
        }

        private static String authorization(ServeEvent serveEvent) {
            String value = serveEvent.getRequest().getHeader("Authorization");
            return value == null ? "" : value;
        }

        @Override
        public String getName() {
            return "maystro-concurrency";
        }
    }
}
