package dz.libertaphonix.scheduler.api.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.api.testsupport.AdminFixtures;
import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.api.testsupport.DirectHttpListener;
import dz.libertaphonix.scheduler.api.testsupport.JwtSecretResource;
import dz.libertaphonix.scheduler.api.testsupport.LiveStates;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import dz.libertaphonix.scheduler.testsupport.TestServices;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /status} under 50 concurrent connections for 20 s against the running app, with every
 * job's live state populated in Redis; next to a baseline measured the same way in the same run:
 * {@code GET /next-sync-times}, the same stack and token (JWT check, REST, JSON, the in-memory
 * schedule state) without the Redis reads. Also counts the database transactions during the load:
 * the status must not touch PostgreSQL per request.
 *
 * <p>Run: {@code bench/run api StatusBenchmark}. Durations: {@code -Dbench.seconds=20 -Dbench.connections=50}.
 */
@QuarkusTest
@Tag("bench")
@QuarkusTestResource(RealServicesResource.class)
@QuarkusTestResource(JwtSecretResource.class)
class StatusBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 50);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 10));

    @Inject
    AdminFixtures fixtures;

    @Inject
    LiveStates liveStates;

    @Inject
    DirectHttpListener direct;

    @Inject
    Vertx vertx;

    private static final int ROUNDS = 4;

    /** One measurement; latencies kept (sorted) so that rounds can be merged into exact percentiles. */
    record Result(long requests, long errors, double seconds, long[] sortedNanos) {

        double perSecond() {
            return requests / seconds;
        }

        double p50Millis() {
            return percentile(sortedNanos, 0.50);
        }

        double p99Millis() {
            return percentile(sortedNanos, 0.99);
        }

        static Result merge(List<Result> rounds) {
            long[] all = rounds.stream()
                    .flatMapToLong(r -> Arrays.stream(r.sortedNanos()))
                    .sorted()
                    .toArray();
            return new Result(
                    rounds.stream().mapToLong(Result::requests).sum(),
                    rounds.stream().mapToLong(Result::errors).sum(),
                    rounds.stream().mapToDouble(Result::seconds).sum(),
                    all);
        }
    }

    @Test
    void statusUnderFiftyConcurrentConnections() throws Exception {
        int port = direct.start(vertx);
        URI status = URI.create("http://127.0.0.1:" + port + "/api/v1/scheduler/status");
        URI nextTimes = URI.create("http://127.0.0.1:" + port + "/api/v1/scheduler/next-sync-times");
        fixtures.defaultSchedules();
        liveStates.populateEveryJob();
        String authorization = AdminTokens.bearer(AdminTokens.teamManager());
        load(nextTimes, authorization, WARM_UP);
        load(status, authorization, WARM_UP);
        // alternate short rounds of baseline and status, so that the noise of this shared machine
        // falls on both alike; totals are RUN of each
        Duration round = RUN.dividedBy(ROUNDS);
        List<Result> baselineRounds = new ArrayList<>();
        List<Result> statusRounds = new ArrayList<>();
        long transactions = 0;
        for (int i = 0; i < ROUNDS; i++) {
            baselineRounds.add(load(nextTimes, authorization, round));
            long before = databaseTransactions();
            statusRounds.add(load(status, authorization, round));
            transactions += databaseTransactions() - before;
            Result b = baselineRounds.get(i);
            Result r = statusRounds.get(i);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "round %d: baseline %d req in %.2f s (p99 %.2f ms), status %d req in %.2f s (p99 %.2f ms)%n",
                    i + 1,
                    b.requests(),
                    b.seconds(),
                    b.p99Millis(),
                    r.requests(),
                    r.seconds(),
                    r.p99Millis());
        }
        Result baseline = Result.merge(baselineRounds);
        Result result = Result.merge(statusRounds);

        print("status_requests_per_second", result.perSecond(), "req/s");
        print("status_p50_latency", result.p50Millis(), "ms");
        print("status_p99_latency", result.p99Millis(), "ms");
        print("status_errors", result.errors(), "count");
        print("status_requests", result.requests(), "count");
        print("status_database_transactions_during_load", transactions, "count");
        print("baseline_next_sync_times_requests_per_second", baseline.perSecond(), "req/s");
        print("baseline_next_sync_times_p99_latency", baseline.p99Millis(), "ms");
        print("status_vs_baseline_throughput_ratio", result.perSecond() / baseline.perSecond(), "ratio");
        print("status_vs_baseline_p99_ratio", result.p99Millis() / baseline.p99Millis(), "ratio");

        assertThat(baseline.errors()).as("baseline errors under load").isZero();
        assertThat(result.errors()).as("errors under load").isZero();
        // a handful of schedule-state refreshes (one per TTL), never one per request
        assertThat(transactions).isLessThan(result.requests() / 100 + 20);
    }

    /**
     * A closed loop: {@link #CONNECTIONS} keep-alive connections, each sending its next request as
     * soon as the previous answer is in, for {@code duration}. Vert.x' own client on one event loop,
     * so the load generator takes as little of the shared CPU as possible.
     */
    private Result load(URI uri, String authorization, Duration duration) throws Exception {
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS).setEventLoopSize(1));
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(uri.getHost())
                .setPort(uri.getPort())
                .setURI(uri.getPath())
                // a request that gets no answer counts as an error instead of stalling the loop
                .setConnectTimeout(5_000)
                .setIdleTimeout(5_000);
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        long[] samples = new long[4_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        AtomicLong lastAnswer = new AtomicLong(System.nanoTime());
        long began = System.nanoTime();
        long end = began + duration.toNanos();
        for (int i = 0; i < CONNECTIONS; i++) {
            next(client, request, end, samples, count, errors, lastAnswer, done);
        }
        if (!done.await(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            System.out.println(done.getCount() + " of " + CONNECTIONS + " connections never finished on " + uri);
            errors.addAndGet(done.getCount());
        }
        // measured to the last answer, so a straggler cannot stretch the window
        double seconds = (lastAnswer.get() - began) / 1e9;
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        int total = Math.min(count.get(), samples.length);
        long[] all = Arrays.copyOf(samples, total);
        Arrays.sort(all);
        return new Result(total, errors.get(), seconds, all);
    }

    private void next(
            HttpClient client,
            RequestOptions request,
            long end,
            long[] samples,
            AtomicInteger count,
            AtomicLong errors,
            AtomicLong lastAnswer,
            CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        long t0 = System.nanoTime();
        client.request(request)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    try {
                        lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                        int index = count.getAndIncrement();
                        if (index < samples.length) {
                            samples[index] = System.nanoTime() - t0;
                        }
                        if ((result.failed() || result.result() != 200) && errors.getAndIncrement() == 0) {
                            System.out.println("first error on " + request.getURI() + ": "
                                    + (result.failed() ? result.cause() : "HTTP " + result.result()));
                        }
                    } finally {
                        // the next request of this connection starts from a fresh stack
                        vertx.runOnContext(
                                ignored -> next(client, request, end, samples, count, errors, lastAnswer, done));
                    }
                });
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Committed and rolled-back transactions of the test database so far. */
    private static long databaseTransactions() throws Exception {
        try (Connection connection = TestServices.get().openConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")) {
            rows.next();
            // this query's own transaction is counted too: subtract it
            return rows.getLong(1) - 1;
        }
    }

    private static void print(String name, double value, String unit) {
        System.out.println("BENCH " + name + " " + String.format(java.util.Locale.ROOT, "%.2f", value) + " " + unit);
    }
}
