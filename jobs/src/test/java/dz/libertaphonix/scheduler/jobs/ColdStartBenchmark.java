package dz.libertaphonix.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dz.libertaphonix.scheduler.testsupport.TestServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * JVM-mode cold start of the jobs function, the way Lambda runs it: the packaged artifact is started as
 * its own JVM (prod profile) under the AWS Lambda runtime interface client (the runtime client of
 * Lambda's Java images, calling the deployed handler {@code FunqyStreamHandler}) against a mock Lambda
 * Runtime API served here, with real PostgreSQL and Redis. Measured: the time from process start to
 * its first completed invocation response, and the process's peak RSS (VmHWM). The same mock answers
 * EventBridge PutEvents, so the run's SyncCompleted event is part of the measured invocation.
 *
 * <p>Baseline, measured in the same run with the same JVM flags: a trivial Java program's start to its
 * first line of output, and its peak RSS. Runs: {@code bench/run jobs ColdStartBenchmark} (the jobs
 * module's bench profile runs this after {@code package}, so it measures the artifact just built).
 */
@Tag("bench")
class ColdStartBenchmark {

    private static final int ROUNDS = 3;
    private static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The handler template.yaml gives the JVM job functions. */
    private static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    private static final String RUNTIME = "/2018-06-01/runtime";
    /** What the Lambda java runtimes start with by default, in a 512 MB function. */
    private static final List<String> JVM_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MaxRAM=512m");
    /**
     * The opens the runner jar's manifest asks for (a handler class is not started with -jar, so the
     * function's JAVA_TOOL_OPTIONS must carry them), and native access for the runtime client's JNI.
     */
    private static final List<String> FUNCTION_FLAGS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED");

    @Test
    void coldStartOfTheDailyCleanupFunctionToItsFirstInvocation() throws Exception {
        Path runner = packagedRunner();
        TestServices services = TestServices.get();
        Flyway.configure()
                .dataSource(services.jdbcUrl(), services.username(), services.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Path baselineClass = compileBaseline();

        List<Long> coldStarts = new ArrayList<>();
        List<Long> invocations = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> baselineStarts = new ArrayList<>();
        List<Long> baselineRss = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Measurement baseline = baseline(baselineClass);
            baselineStarts.add(baseline.millis());
            baselineRss.add(baseline.peakRssKb());
            ColdStart cold = coldStart(runner, services, round);
            coldStarts.add(cold.millis());
            invocations.add(cold.invocationMillis());
            rss.add(cold.peakRssKb());
            cpu.add(cold.cpuMillis());
        }

        long start = median(coldStarts);
        long baseStart = median(baselineStarts);
        long peak = median(rss) / 1024;
        long basePeak = median(baselineRss) / 1024;
        System.out.println("BENCH jobs_cold_start_to_first_response_ms " + start + " ms");
        System.out.println("BENCH jobs_first_invocation_ms " + median(invocations) + " ms");
        System.out.println("BENCH jvm_baseline_start_ms " + baseStart + " ms");
        System.out.println("BENCH jobs_cold_start_vs_baseline " + ratio(start, baseStart) + " x");
        System.out.println("BENCH jobs_peak_rss_mb " + peak + " MB");
        System.out.println("BENCH jvm_baseline_peak_rss_mb " + basePeak + " MB");
        System.out.println("BENCH jobs_peak_rss_vs_baseline " + ratio(peak, basePeak) + " x");
        System.out.println("BENCH jobs_cold_start_rounds " + coldStarts + " ms");
        // wall time on a shared 2-core machine grows with its load; CPU time to the response does not
        System.out.println("BENCH jobs_cold_start_cpu_ms " + median(cpu) + " ms");
        System.out.println("BENCH machine_load_average_1m " + loadAverage() + " load");
        assertThat(coldStarts).allSatisfy(ms -> assertThat(ms).isPositive());
    }

    private record Measurement(long millis, long peakRssKb) {}

    private record ColdStart(long millis, long invocationMillis, long peakRssKb, long cpuMillis) {}

    private ColdStart coldStart(Path runner, TestServices services, int round) throws Exception {
        MockLambdaRuntime runtime = new MockLambdaRuntime(scheduledEvent());
        try {
            Map<String, String> env = new HashMap<>();
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtime.port());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "libertaphonix-scheduler-daily-cleanup");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            env.put("AWS_REGION", "eu-west-3");
            env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
            env.put("AWS_SECRET_ACCESS_KEY", "not-a-real-secret");
            env.put("QUARKUS_FUNQY_EXPORT", "dailyCleanup");
            env.put("DATABASE_URL", services.jdbcUrl());
            env.put("DATABASE_USER", services.username());
            env.put("DATABASE_PASSWORD", services.password());
            env.put("REDIS_URL", services.redisUrl());
            env.put("SCHEDULER_TOKEN_KEY", randomKey());
            env.put("SCHEDULER_EVENT_BUS", "libertaphonix-scheduler-bench");
            env.put("SCHEDULER_RUNS_EVENTBRIDGE_ENDPOINT", "http://127.0.0.1:" + runtime.port());
            env.put("FUNCTION_TIMEOUT", "900");
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(JVM_FLAGS);
            command.addAll(FUNCTION_FLAGS);
            command.addAll(List.of("-cp", runtimeClasspath(runner), RUNTIME_CLIENT, HANDLER));
            Path log = Path.of("target", "bench-cold-start-" + round + ".log");

            long t0 = System.nanoTime();
            Process process = start(command, env, log);
            try {
                long responded = runtime.awaitResponse(90, process, log);
                long peak = peakRssKb(process.pid());
                long cpu = cpuMillis(process.pid());
                assertThat(runtime.responseBody()).contains("\"status\":\"SUCCEEDED\"");
                assertThat(runtime.putEvents())
                        .as("the run's SyncCompleted event")
                        .isEqualTo(1);
                return new ColdStart(
                        TimeUnit.NANOSECONDS.toMillis(responded - t0),
                        TimeUnit.NANOSECONDS.toMillis(responded - runtime.handedOutAt()),
                        peak,
                        cpu);
            } finally {
                process.destroy();
                process.waitFor(20, TimeUnit.SECONDS);
                process.destroyForcibly();
            }
        } finally {
            runtime.stop();
        }
    }

    private Measurement baseline(Path classes) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", classes.toString(), "Baseline"));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            long ready = System.nanoTime();
            assertThat(line).isEqualTo("ready");
            long peak = peakRssKb(process.pid());
            process.getOutputStream().close();
            process.waitFor(20, TimeUnit.SECONDS);
            return new Measurement(TimeUnit.NANOSECONDS.toMillis(ready - t0), peak);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The smallest Java program that starts, says so, and waits: the JVM's own start cost and footprint. */
    private static Path compileBaseline() throws IOException {
        Path dir = Files.createTempDirectory("baseline");
        Path source = dir.resolve("Baseline.java");
        Files.writeString(source, """
                public class Baseline {
                    public static void main(String[] args) throws Exception {
                        System.out.println("ready");
                        System.out.flush();
                        System.in.read();
                    }
                }
                """);
        int status =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString());
        assertThat(status).isZero();
        return dir;
    }

    private static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Path packagedRunner() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.getFileName().toString().endsWith("-runner.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no jobs/target/*-runner.jar: run it with bench/run jobs ColdStartBenchmark,"
                                    + " which packages the function first"));
        }
    }

    /**
     * The function's jar (its manifest names lib/*) and the runtime client with its own dependencies,
     * taken from this test's classpath.
     */
    private static String runtimeClasspath(Path runner) {
        List<String> entries = new ArrayList<>(List.of(runner.toAbsolutePath().toString()));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("aws-lambda-java-runtime-interface-client")
                    || name.startsWith("aws-lambda-java-serialization")
                    || name.startsWith("utils-lite")) {
                entries.add(entry);
            }
        }
        assertThat(entries).as("runtime interface client on the test classpath").hasSizeGreaterThanOrEqualTo(2);
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** User + system CPU time of a process so far (clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for process " + pid);
    }

    private static String scheduledEvent() {
        return """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events",
                 "account":"123456789012","time":"%s","region":"eu-west-3",
                 "resources":["arn:aws:events:eu-west-3:123456789012:rule/libertaphonix-scheduler-daily-cleanup"],
                 "detail":{}}""".formatted(UUID.randomUUID(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String ratio(long value, long baseline) {
        return String.format(java.util.Locale.ROOT, "%.2f", baseline == 0 ? 0.0 : (double) value / baseline);
    }

    /**
     * The Lambda Runtime API, as much of it as a Quarkus function uses: hands out one invocation on
     * {@code /invocation/next}, holds later polls, takes the response or error. Also EventBridge.
     */
    private static final class MockLambdaRuntime {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final String event;
        private final String requestId = UUID.randomUUID().toString();
        private final CountDownLatch stopping = new CountDownLatch(1);
        private final CompletableFuture<Long> responded = new CompletableFuture<>();
        private volatile boolean handedOut;
        private volatile long handedOutAt;
        private volatile String responseBody;
        private volatile int putEvents;

        MockLambdaRuntime(String event) throws IOException {
            this.event = event;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads);
            server.createContext("/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        long handedOutAt() {
            return handedOutAt;
        }

        String responseBody() {
            return responseBody;
        }

        int putEvents() {
            return putEvents;
        }

        long awaitResponse(int seconds, Process process, Path log) throws Exception {
            try {
                return responded.get(seconds, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError(
                        "no invocation response (process alive: " + process.isAlive() + "); log:\n" + tail(log), e);
            }
        }

        void stop() {
            stopping.countDown();
            server.stop(0);
            threads.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals(RUNTIME + "/invocation/next")) {
                next(exchange);
            } else if (path.equals(RUNTIME + "/invocation/" + requestId + "/response")) {
                responseBody = new String(body, StandardCharsets.UTF_8);
                responded.complete(System.nanoTime());
                reply(exchange, 202, "{\"status\":\"OK\"}", Map.of());
            } else if (path.endsWith("/error")) {
                responded.completeExceptionally(
                        new IllegalStateException("function error: " + new String(body, StandardCharsets.UTF_8)));
                reply(exchange, 202, "{\"status\":\"OK\"}", Map.of());
            } else if ("AWSEvents.PutEvents".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                putEvents++;
                reply(
                        exchange,
                        200,
                        "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"" + UUID.randomUUID() + "\"}]}",
                        Map.of("Content-Type", "application/x-amz-json-1.1"));
            } else {
                reply(exchange, 404, "{}", Map.of());
            }
        }

        private void next(HttpExchange exchange) throws IOException {
            if (handedOut) {
                // a warm function polls again: hold it, as Lambda freezes it, until the benchmark ends
                try {
                    stopping.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            handedOut = true;
            handedOutAt = System.nanoTime();
            reply(
                    exchange,
                    200,
                    event,
                    Map.of(
                            "Lambda-Runtime-Aws-Request-Id", requestId,
                            "Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 900_000),
                            "Lambda-Runtime-Invoked-Function-Arn",
                                    "arn:aws:lambda:eu-west-3:123456789012:function:libertaphonix-scheduler-daily-cleanup",
                            "Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
                            "Content-Type", "application/json"));
        }

        private static void reply(HttpExchange exchange, int status, String body, Map<String, String> headers)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }
}
