package dz.libertaphonix.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.testsupport.SamTemplate;
import dz.libertaphonix.scheduler.testsupport.TestServices;
import dz.libertaphonix.scheduler.testsupport.lambda.MockLambdaRuntime;
import dz.libertaphonix.scheduler.testsupport.lambda.PackagedLambda;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * The packaged jobs function started the way Lambda's Java runtime starts it ({@link PackagedLambda}:
 * its own JVM, in the prod profile, under the AWS Lambda runtime interface client calling the handler
 * template.yaml names, against a {@link MockLambdaRuntime}), with real PostgreSQL and Redis. Used by the
 * AOT cache training and the cold-start benchmark.
 */
final class PackagedFunction {

    /** The handler template.yaml gives the JVM job functions. */
    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    /** The memory the benchmark gives the function's JVM ({@code -XX:MaxRAM}). */
    static final int MEMORY_MB = 512;

    /** What Lambda's Java runtimes start the JVM with (tiered compilation stops at C1, serial GC), at 512 MB. */
    static final List<String> LAMBDA_JVM_FLAGS = PackagedLambda.lambdaJvmFlags(MEMORY_MB);

    /** The AOT cache of the packaged function, written by {@link AotCacheTraining} beside the runner jar. */
    static final Path AOT_CACHE = Path.of("target", "app.aot").toAbsolutePath();

    private final PackagedLambda lambda;
    private final TestServices services;
    private final String tokenKey = randomKey();

    private PackagedFunction(PackagedLambda lambda, TestServices services) {
        this.lambda = lambda;
        this.services = services;
    }

    /** The function just packaged in this module's target, on a migrated database. */
    static PackagedFunction packaged() throws IOException {
        PackagedLambda lambda =
                PackagedLambda.packaged(Path.of("target"), HANDLER, "bench/run jobs ColdStartBenchmark");
        TestServices services = TestServices.get();
        Flyway.configure()
                .dataSource(services.jdbcUrl(), services.username(), services.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new PackagedFunction(lambda, services);
    }

    /**
     * Starts the job function of {@code job} (as template.yaml deploys it: {@code QUARKUS_FUNQY_EXPORT}
     * {@code runJob}, {@code SCHEDULER_JOB} the job) with the Lambda JVM flags plus {@code jvmFlags},
     * to be handed {@code events} one by one; its output goes to {@code log}.
     */
    PackagedLambda.Started start(String job, List<String> events, List<String> jvmFlags, Path log) throws IOException {
        MockLambdaRuntime runtime = new MockLambdaRuntime("libertaphonix-scheduler-jobs", events);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_FUNQY_EXPORT", JobFunctions.NAME);
        env.put("SCHEDULER_JOB", job);
        env.put("DATABASE_URL", services.jdbcUrl());
        env.put("DATABASE_USER", services.username());
        env.put("DATABASE_PASSWORD", services.password());
        env.put("REDIS_URL", services.redisUrl());
        env.put("SCHEDULER_TOKEN_KEY", tokenKey);
        env.put("SCHEDULER_EVENT_BUS", "libertaphonix-scheduler-test");
        env.put("SCHEDULER_EVENTBRIDGE_ENDPOINT_OVERRIDE", runtime.eventBridgeEndpoint());
        env.put("FUNCTION_TIMEOUT", "900");
        env.put("JAVA_TOOL_OPTIONS", javaToolOptions());
        return lambda.start(
                runtime, new PackagedLambda.Launch("libertaphonix-scheduler-" + job, MEMORY_MB, env, jvmFlags, log));
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

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
