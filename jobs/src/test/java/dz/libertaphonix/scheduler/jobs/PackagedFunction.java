package dz.libertaphonix.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.testsupport.SamTemplate;
import dz.libertaphonix.scheduler.testsupport.TestServices;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * The packaged jobs function ({@code target/*-runner.jar} and its {@code lib/}) started the way Lambda's
 * Java runtime starts it: its own JVM, in the prod profile, under the AWS Lambda runtime interface
 * client calling the handler template.yaml names, against a {@link MockLambdaRuntime}, with real
 * PostgreSQL and Redis. Used by the AOT cache training and the cold-start benchmark.
 */
final class PackagedFunction {

    static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The handler template.yaml gives the JVM job functions. */
    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    /** What Lambda's Java runtimes start the JVM with (tiered compilation stops at C1, serial GC), at 512 MB. */
    static final List<String> LAMBDA_JVM_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MaxRAM=512m");
    /**
     * Native access for the runtime client's JNI library (JDK 24+ warns without it; Lambda's own
     * runtime starts its client with the same).
     */
    static final List<String> RUNTIME_CLIENT_FLAGS = List.of("--enable-native-access=ALL-UNNAMED");

    /** The AOT cache of the packaged function, written by {@link AotCacheTraining} beside the runner jar. */
    static final Path AOT_CACHE = Path.of("target", "app.aot").toAbsolutePath();

    private final Path runner;
    private final TestServices services;
    private final String tokenKey = randomKey();

    private PackagedFunction(Path runner, TestServices services) {
        this.runner = runner;
        this.services = services;
    }

    /** The function just packaged in this module's target, on a migrated database. */
    static PackagedFunction packaged() throws IOException {
        Path runner;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            runner = files.filter(path -> path.getFileName().toString().endsWith("-runner.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no jobs/target/*-runner.jar: this runs after the package phase (./mvnw package,"
                                    + " or bench/run jobs ColdStartBenchmark)"));
        }
        TestServices services = TestServices.get();
        Flyway.configure()
                .dataSource(services.jdbcUrl(), services.username(), services.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new PackagedFunction(runner.toAbsolutePath(), services);
    }

    /** A started function process, with the mock runtime it polls. */
    record Started(Process process, MockLambdaRuntime runtime, Path log, long startedAt)
            implements MockLambdaRuntime.FunctionLog {

        String awaitResponse(int invocation) {
            return runtime.awaitResponse(invocation, 120, process, this);
        }

        /** SIGTERM, as Lambda ends an environment; the JVM runs its shutdown (and writes an AOT cache). */
        void stop(int seconds) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("function did not exit within " + seconds + " s; log:\n" + tail());
            }
        }

        void kill() {
            process.destroyForcibly();
            runtime.close();
        }

        long peakRssKb() throws IOException {
            return PackagedFunction.peakRssKb(process.pid());
        }

        /** User + system CPU time of the process so far (clock ticks of 10 ms). */
        long cpuMillis() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        }

        @Override
        public String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    /**
     * Starts the job function of {@code job} (as template.yaml deploys it: {@code QUARKUS_FUNQY_EXPORT}
     * {@code runJob}, {@code SCHEDULER_JOB} the job) with the Lambda JVM flags plus {@code jvmFlags},
     * to be handed {@code events} one by one; its output goes to {@code log}.
     */
    Started start(String job, List<String> events, List<String> jvmFlags, Path log) throws IOException {
        MockLambdaRuntime runtime = new MockLambdaRuntime(events);
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "libertaphonix-test-" + job);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_REGION", "eu-west-3");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "not-a-real-secret");
        env.put("QUARKUS_FUNQY_EXPORT", JobFunctions.NAME);
        env.put("SCHEDULER_JOB", job);
        env.put("DATABASE_URL", services.jdbcUrl());
        env.put("DATABASE_USER", services.username());
        env.put("DATABASE_PASSWORD", services.password());
        env.put("REDIS_URL", services.redisUrl());
        env.put("SCHEDULER_TOKEN_KEY", tokenKey);
        env.put("SCHEDULER_EVENT_BUS", "libertaphonix-scheduler-test");
        env.put("SCHEDULER_EVENTBRIDGE_ENDPOINT_OVERRIDE", "http://" + runtime.address());
        env.put("FUNCTION_TIMEOUT", "900");
        env.put("JAVA_TOOL_OPTIONS", javaToolOptions());
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(RUNTIME_CLIENT_FLAGS);
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classpath(), RUNTIME_CLIENT, HANDLER));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long startedAt = System.nanoTime();
        try {
            return new Started(builder.start(), runtime, log, startedAt);
        } catch (IOException e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * The function's jar (its manifest names lib/*) and the runtime client with its own dependencies,
     * taken from this test's classpath. Absolute paths: an AOT cache is only used with the class path
     * it was trained on.
     */
    private String classpath() {
        List<String> entries = new ArrayList<>(List.of(runner.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("aws-lambda-java-runtime-interface-client")
                    || name.startsWith("aws-lambda-java-serialization")
                    || name.startsWith("utils-lite")) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        assertThat(entries).as("runtime interface client on the test classpath").hasSizeGreaterThanOrEqualTo(2);
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The {@code JAVA_TOOL_OPTIONS} template.yaml gives a JVM job function (Packaging=jvm), read from
     * the template so that what is measured starts as what is deployed.
     */
    static String javaToolOptions() {
        SamTemplate template = SamTemplate.load(SamTemplate.repositoryRoot().resolve("template.yaml"));
        Object options = template.evaluate(
                template.environment("DailyCleanupFunction").get("JAVA_TOOL_OPTIONS"), Map.of("Packaging", "jvm"));
        assertThat(options).as("JAVA_TOOL_OPTIONS of the JVM job functions").isInstanceOf(String.class);
        return (String) options;
    }

    /** An EventBridge scheduled event of the given rule, as EventBridge delivers it. */
    static String scheduledEvent(String rule) {
        return """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events",
                 "account":"123456789012","time":"%s","region":"eu-west-3",
                 "resources":["arn:aws:events:eu-west-3:123456789012:rule/libertaphonix-scheduler-%s"],
                 "detail":{}}""".formatted(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.SECONDS), rule);
    }

    /** A process's peak resident set size so far (VmHWM), in KiB. */
    static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for process " + pid);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
