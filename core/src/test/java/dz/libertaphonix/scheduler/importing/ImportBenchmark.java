package dz.libertaphonix.scheduler.importing;

import static dz.libertaphonix.scheduler.testsupport.EcoManagerPayloads.IN_DISPATCH;
import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.FakeEcoManager;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.TestJobContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/run core ImportBenchmark}. Against a fake EcoManager answering every request after a
 * fixed latency:
 *
 * <ol>
 *   <li>requests per store-run for 0, 1, 150 and 1,000 new orders on top of a 5,050-order history,
 *       next to the old system's pattern on the same data (from its cached page forward until three
 *       consecutive empty pages, plus ten pages backwards);
 *   <li>orders imported per second end to end (fetch, customers, orders, items, events, assignment)
 *       for 10,000 orders, next to a per-order-insert baseline measured in the same run.
 * </ol>
 *
 * The token's rate budget is lifted here: it is an external limit that would make both sides wait
 * alike and hide what is measured.
 */
@Tag("bench")
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(ImportBenchmark.Unthrottled.class)
class ImportBenchmark {

    public static class Unthrottled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "scheduler.ecomanager.rate-limit.per-second", "1000000",
                    "scheduler.ecomanager.rate-limit.per-minute", "1000000",
                    "scheduler.ecomanager.rate-limit.per-hour", "1000000",
                    "scheduler.ecomanager.rate-limit.per-day", "10000000",
                    "scheduler.ecomanager.read-timeout", "30s",
                    "scheduler.import.max-pages-per-store", "1000");
        }
    }

    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final int HISTORY = 5_050;
    private static final int THROUGHPUT_ORDERS = 10_000;

    static FakeEcoManager fake;

    @Inject
    OrderImportService imports;

    @Inject
    PerOrderBaseline baseline;

    @Inject
    ImportFixtures fixtures;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startFake() {
        fake = FakeEcoManager.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private static void bench(String name, double value, String unit) {
        String formatted = value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
        System.out.println("BENCH " + name + " " + formatted + " " + unit);
    }

    @Test
    void requestsPerStoreRun() throws Exception {
        fake.latency(LATENCY);
        for (int fresh : new int[] {0, 1, 150, 1_000}) {
            String token = FakeEcoManager.newToken();
            Store store = fixtures.store(fake, token);
            // a history of mixed states, imported once: the store's cursor sits at its top
            FakeEcoManager.Shop shop = fake.shop(token).orders(1, HISTORY, IN_DISPATCH);
            for (long id = 3; id <= HISTORY; id += 3) {
                shop.state(id, "Confirmé");
            }
            imports.run(fixtures.context(), List.of(store));
            assertThat(fixtures.cursor(store)).isEqualTo(HISTORY);
            shop.orders(HISTORY + 1, HISTORY + fresh, IN_DISPATCH);

            int before = fake.requestCount(token);
            long started = System.nanoTime();
            JobResult run = imports.run(fixtures.context(), List.of(store));
            long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            int requests = fake.requestCount(token) - before;
            assertThat(run.counts().get("imported")).isEqualTo((long) fresh);

            int cachedPage = (HISTORY + 99) / 100;
            long oldStarted = System.nanoTime();
            int oldRequests = oldSystemPattern(token, cachedPage);
            long oldElapsedMs = Duration.ofNanos(System.nanoTime() - oldStarted).toMillis();

            bench("requests_new_orders_" + fresh, requests, "requests");
            bench("requests_old_pattern_new_orders_" + fresh, oldRequests, "requests");
            bench("request_reduction_new_orders_" + fresh, (double) oldRequests / requests, "x");
            bench("store_run_ms_new_orders_" + fresh, elapsedMs, "ms");
            bench("old_pattern_fetch_ms_new_orders_" + fresh, oldElapsedMs, "ms");
            fixtures.deactivate(store);
        }
    }

    /**
     * The replaced system's page window: from the page it cached last time forward until three
     * consecutive empty pages, then ten pages backwards from the cached page.
     */
    private int oldSystemPattern(String token, int cachedPage) throws IOException, InterruptedException {
        int requests = 0;
        int emptyInARow = 0;
        for (int page = cachedPage; emptyInARow < 3; page++) {
            requests++;
            emptyInARow = pageIsEmpty(token, page) ? emptyInARow + 1 : 0;
        }
        for (int page = cachedPage - 1; page >= Math.max(1, cachedPage - 10); page--) {
            requests++;
            pageIsEmpty(token, page);
        }
        return requests;
    }

    private boolean pageIsEmpty(String token, int page) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/orders?per_page=100&page=" + page))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.contains("\"data\":[]");
    }

    @Test
    void importThroughputAgainstPerOrderInserts() {
        fake.latency(LATENCY);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            agents.add(fixtures.agent("Agent Bench " + i, 2_000));
        }
        fixtures.retireOtherAgents(agents.toArray(Agent[]::new));

        // warm both paths up (JIT, connection pool, prepared statements)
        runBatched(500);
        runBaseline(500);

        double batchedPerSecond = runBatched(THROUGHPUT_ORDERS);
        double baselinePerSecond = runBaseline(THROUGHPUT_ORDERS);

        bench("import_throughput_" + THROUGHPUT_ORDERS + "_orders", batchedPerSecond, "orders/s");
        bench("per_order_baseline_throughput_" + THROUGHPUT_ORDERS + "_orders", baselinePerSecond, "orders/s");
        bench("import_throughput_vs_per_order_baseline", batchedPerSecond / baselinePerSecond, "x");
    }

    private double runBatched(int count) {
        String token = FakeEcoManager.newToken();
        Store store = fixtures.store(fake, token);
        fake.shop(token).orders(1, count, IN_DISPATCH);
        TestJobContext context = fixtures.context();
        long started = System.nanoTime();
        JobResult run = imports.run(context, List.of(store));
        double seconds = (System.nanoTime() - started) / 1e9;
        fixtures.deactivate(store);
        assertThat(run.counts().get("imported")).isEqualTo((long) count);
        assertThat(run.counts().get("assigned")).isGreaterThanOrEqualTo((long) count);
        return count / seconds;
    }

    private double runBaseline(int count) {
        String token = FakeEcoManager.newToken();
        Store store = fixtures.store(fake, token);
        fixtures.deactivate(store);
        fake.shop(token).orders(1, count, IN_DISPATCH);
        TestJobContext context = fixtures.context();
        long started = System.nanoTime();
        int imported = baseline.importAll(store, context.runId());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(imported).isEqualTo(count);
        assertThat(fixtures.orders(store).values()).allMatch(o -> o.get("assigned_agent_id") != null);
        return count / seconds;
    }
}
