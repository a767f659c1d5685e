package dz.libertaphonix.scheduler.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.agents.AssignmentCoalescer;
import dz.libertaphonix.scheduler.agents.AssignmentService;
import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.DirectHttpListener;
import dz.libertaphonix.scheduler.api.testsupport.EcoManagerWebhookFixtures;
import dz.libertaphonix.scheduler.importing.webhook.WebhookSignature;
import dz.libertaphonix.scheduler.schedule.CronSchedules;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/run api EcoManagerWebhookBenchmark}: 20 concurrent senders post signed EcoManager
 * deliveries of new {@code En dispatch} orders for 30 s to {@code /webhooks/ecomanager/{store}} (the
 * app's whole HTTP stack on a real socket, real PostgreSQL and Redis). A delivery is answered 200
 * only after its order and its assignment are committed, so the time from sending to the answer is
 * the latency from delivery to committed assignment; the database is then checked order by order
 * (one row and one assignment each).
 *
 * <p>The baseline, computed in the same run and the same way (time from the order's arrival to its
 * import): the hourly poll, whose wait is the time until the next fire of the {@code ecomanager-sync}
 * schedule (read from the schedules table), for the arrival instants of this run and for arrivals
 * spread evenly over a whole day (one per minute). The import's own run time is left out of the
 * poll's figure, in its favour.
 *
 * <p>Options: {@code -Dbench.seconds=30 -Dbench.senders=20}.
 */
@QuarkusTest
@Tag("bench")
@QuarkusTestResource(RealServicesResource.class)
class EcoManagerWebhookBenchmark {

    private static final int SENDERS = Integer.getInteger("bench.senders", 20);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 5));

    @Inject
    AdminFixtures admin;

    @Inject
    EcoManagerWebhookFixtures fixtures;

    @Inject
    DirectHttpListener direct;

    @Inject
    Vertx vertx;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AssignmentService assignment;

    record Result(
            long deliveries,
            long errors,
            long notImported,
            double seconds,
            long[] sortedNanos,
            List<Instant> arrivals) {}

    @Test
    void signedDeliveriesOfNewOrdersToCommittedAssignment() throws Exception {
        int port = direct.start(vertx);
        Store store = admin.store("https://natura.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        String secret = fixtures.secret(store);
        for (int i = 0; i < 5; i++) {
            admin.agent("Agent " + i, 10_000);
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/webhooks/ecomanager/" + store.identifier);
        AtomicLong ids = new AtomicLong(1_000_000);

        load(uri, secret, ids, WARM_UP);
        long firstMeasured = ids.get() + 1;
        AssignmentCoalescer.Stats groupedBefore = assignment.groupCommitStats();
        Result result = load(uri, secret, ids, RUN);
        AssignmentCoalescer.Stats groupedAfter = assignment.groupCommitStats();
        long lastMeasured = ids.get();

        long[] check = checkDatabase(store.id, firstMeasured, lastMeasured);
        long rows = check[0];
        long assigned = check[1];
        long duplicates = check[2];
        String[] schedule = schedule();
        long[] pollThisRun = result.arrivals().stream()
                .mapToLong(at -> pollWait(schedule, at))
                .sorted()
                .toArray();
        Instant midnight = ZonedDateTime.now(ZoneId.of(schedule[1]))
                .toLocalDate()
                .atStartOfDay(ZoneId.of(schedule[1]))
                .toInstant();
        long[] pollDay = new long[24 * 60];
        for (int minute = 0; minute < pollDay.length; minute++) {
            pollDay[minute] = pollWait(schedule, midnight.plusSeconds(60L * minute));
        }
        Arrays.sort(pollDay);

        double p50 = percentileMillis(result.sortedNanos(), 0.50);
        double p99 = percentileMillis(result.sortedNanos(), 0.99);
        double pollDayP50 = percentileMillis(pollDay, 0.50);
        double pollDayP99 = percentileMillis(pollDay, 0.99);
        print("webhook_deliveries_per_second", result.deliveries() / result.seconds(), "deliveries/s");
        print("webhook_p50_delivery_to_committed_assignment", p50, "ms");
        print("webhook_p99_delivery_to_committed_assignment", p99, "ms");
        print("webhook_max_delivery_to_committed_assignment", percentileMillis(result.sortedNanos(), 1.0), "ms");
        print("webhook_deliveries", result.deliveries(), "count");
        print("webhook_errors", result.errors(), "count");
        print("webhook_not_imported_answers", result.notImported(), "count");
        print("webhook_duplicates", duplicates, "count");
        print("webhook_orders_committed_and_assigned", assigned, "count");
        // the group commit: assignment transactions run while measuring, and calls each served
        long transactions = groupedAfter.transactions() - groupedBefore.transactions();
        print("assignment_transactions", transactions, "count");
        print(
                "assignment_calls_per_transaction",
                (groupedAfter.callers() - groupedBefore.callers()) / (double) Math.max(1, transactions),
                "ratio");
        print("poll_p50_wait_for_this_runs_arrivals", percentileMillis(pollThisRun, 0.50), "ms");
        print("poll_p99_wait_for_this_runs_arrivals", percentileMillis(pollThisRun, 0.99), "ms");
        print("poll_p50_wait_over_a_day_of_arrivals", pollDayP50, "ms");
        print("poll_p99_wait_over_a_day_of_arrivals", pollDayP99, "ms");
        print("poll_vs_webhook_p50_ratio_this_run", percentileMillis(pollThisRun, 0.50) / p50, "ratio");
        print("poll_vs_webhook_p50_ratio_day", pollDayP50 / p50, "ratio");
        print("poll_vs_webhook_p99_ratio_day", pollDayP99 / p99, "ratio");

        assertThat(result.errors()).as("errors").isZero();
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(rows).as("one row per delivered order").isEqualTo(result.deliveries());
        assertThat(assigned).as("every order assigned").isEqualTo(result.deliveries());
    }

    /**
     * {@link #SENDERS} threads, each sending its next delivery (a new order) as soon as the previous
     * one is answered, for {@code duration}.
     */
    private Result load(URI uri, String secret, AtomicLong ids, Duration duration) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Instant> arrivals = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong notImported = new AtomicLong();
        CountDownLatch done = new CountDownLatch(SENDERS);
        long began = System.nanoTime();
        long end = began + duration.toNanos();
        AtomicLong lastAnswer = new AtomicLong(began);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Thread sender = Thread.ofPlatform().name("sender-" + s).start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long id = ids.incrementAndGet();
                        byte[] body = order(id).getBytes(StandardCharsets.UTF_8);
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("X-Ecomanager-Event", "OrderStatusChanged")
                                .header("X-Ecomanager-Webhook-ID", "4711")
                                .header("X-Ecomanager-Source", "https://natura.ecomanager.dz")
                                .header("X-Ecomanager-Signature", WebhookSignature.sign(secret, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build();
                        arrivals.add(Instant.now());
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                            long took = System.nanoTime() - sent;
                            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                            if (answer.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else {
                                samples.add(new long[] {took});
                                if (!answer.body().contains("IMPORTED")) {
                                    notImported.incrementAndGet();
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            threads.add(sender);
        }
        done.await();
        double seconds = (lastAnswer.get() - began) / 1e9;
        long[] sorted = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
        return new Result(sorted.length, errors.get(), notImported.get(), seconds, sorted, List.copyOf(arrivals));
    }

    private static String order(long id) {
        String phone = "05" + String.format(Locale.ROOT, "%08d", id % 100_000_000L);
        return "{\"id\":" + id + ",\"reference\":\"BENCH-" + id + "\",\"order_state_name\":\"En dispatch\","
                + "\"confirmation_state_name\":\"Confirmé\",\"full_name\":\"Client " + id + "\",\"telephone\":\""
                + phone + "\",\"wilaya\":\"Alger\",\"commune\":\"Bab Ezzouar\",\"total\":\"3500.00\","
                + "\"created_at\":\"2025-07-24 18:38:27\",\"updated_at\":\"2025-07-24 18:40:02\","
                + "\"items\":[{\"product_id\":91,\"title\":\"Savon à l'huile d'argan\",\"quantity\":2,"
                + "\"unit_price\":1750}]}";
    }

    /** {rows, rows assigned, orders with more than one row or assignment} among the measured ids. */
    private long[] checkDatabase(long storeId, long from, long to) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select count(*),
                               count(*) filter (where o.assigned_agent_id is not null and o.status = 'ASSIGNED'),
                               count(*) filter (where (select count(*) from order_status_events e
                                                        where e.order_id = o.id and e.source = 'ASSIGNMENT') <> 1)
                        from orders o where o.store_id = %d and o.ecomanager_id between %d and %d
                        """.formatted(storeId, from, to))) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
        }
    }

    /** {cron, time zone} of the hourly import, as the schedules table holds it. */
    private String[] schedule() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select cron, time_zone from schedules where job_id = 'ecomanager-sync'")) {
            rows.next();
            return new String[] {rows.getString(1), rows.getString(2)};
        }
    }

    /** Nanoseconds from an order's arrival to the next run of the hourly import. */
    private static long pollWait(String[] schedule, Instant arrival) {
        ZonedDateTime next = CronSchedules.nextFireTime(schedule[0], ZoneId.of(schedule[1]), arrival)
                .orElseThrow();
        return Duration.between(arrival, next.toInstant()).toNanos();
    }

    private static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "BENCH %s %.2f %s%n", name, value, unit);
    }
}
