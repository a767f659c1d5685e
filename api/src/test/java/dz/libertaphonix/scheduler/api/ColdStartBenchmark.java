package dz.libertaphonix.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.api.testsupport.AdminTokens;
import dz.libertaphonix.scheduler.testsupport.SamTemplate;
import dz.libertaphonix.scheduler.testsupport.TestServices;
import dz.libertaphonix.scheduler.testsupport.lambda.BenchFigures;
import dz.libertaphonix.scheduler.testsupport.lambda.JvmBaseline;
import dz.libertaphonix.scheduler.testsupport.lambda.MockLambdaRuntime;
import dz.libertaphonix.scheduler.testsupport.lambda.PackagedLambda;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cold start of the api function as a person meets it when the dashboard opens after a quiet night:
 * from the process start to the function's answer to its first {@code GET /api/v1/scheduler/status}.
 * The packaged artifact ({@code api/target/*-runner.jar}, the content of {@code function.zip}) is
 * started as Lambda's {@code java21} runtime starts it ({@link PackagedLambda}): its own JVM with
 * Lambda's JVM flags and the function's memory, the prod profile, the handler template.yaml names
 * ({@code QuarkusStreamHandler}) under the AWS Lambda runtime interface client, against a mock Runtime
 * API that hands it the API Gateway HTTP API (payload 2.0) event of the request with a valid ADMIN
 * token; its environment is the one template.yaml gives the api function, with local values where a
 * deployment gets them from CloudFormation (secrets, resource names). Real PostgreSQL (migrated) and
 * Redis; the mock runtime also answers EventBridge, which the first status asks for each job's rule
 * state ({@code DescribeRule}: the rule-state cache in Redis has long expired after a quiet night).
 *
 * <p>Each round measures, back to back: a trivial Java program's start to its first line of output
 * (the baseline, same JVM and flags) and the function's cold start; the same process then answers a
 * second {@code GET /status} (the warm answer). Run with {@code bench/run api ColdStartBenchmark}: the
 * api module's bench profile runs its tests after {@code package}, so this measures the artifact just
 * built.
 */
@Tag("bench")
class ColdStartBenchmark {

    private static final int ROUNDS = 5;
    private static final String FUNCTION = "ApiFunction";
    private static final String STATUS_PATH = "/api/v1/scheduler/status";
    /** The handler template.yaml gives the JVM api function (quarkus-amazon-lambda-http). */
    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** What a deployment takes from CloudFormation parameters that have no default. */
    private static final Map<String, String> DEPLOYMENT_PARAMETERS = Map.of(
            "Packaging", "jvm",
            "JwtSecretArn", "arn:aws:secretsmanager:eu-west-3:123456789012:secret:libertaphonix/bench/jwt");

    private record ColdStart(long millis, long invocationMillis, long warmMillis, long peakRssKb, long cpuMillis) {}

    @Test
    void coldStartOfTheApiFunctionToItsFirstStatusAnswer() throws Exception {
        PackagedLambda function =
                PackagedLambda.packaged(Path.of("target"), HANDLER, "bench/run api ColdStartBenchmark");
        SamTemplate template = SamTemplate.load(SamTemplate.repositoryRoot().resolve("template.yaml"));
        assertThat(template.evaluate(template.functionProperty(FUNCTION, "Handler"), DEPLOYMENT_PARAMETERS))
                .as("the handler template.yaml gives the JVM api function")
                .isEqualTo(HANDLER);
        int memoryMb = Integer.parseInt(String.valueOf(
                template.evaluate(template.functionProperty(FUNCTION, "MemorySize"), DEPLOYMENT_PARAMETERS)));
        TestServices services = migrated(TestServices.get());
        Map<String, String> deployed = templateEnvironment(template, localValues(services));
        JvmBaseline baselineProgram = JvmBaseline.compile();

        List<JvmBaseline.Start> baseline = new ArrayList<>();
        List<ColdStart> api = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            baseline.add(baselineProgram.measure(PackagedLambda.lambdaJvmFlags(memoryMb)));
            api.add(coldStart(function, memoryMb, deployed, round));
        }

        long start = BenchFigures.median(api, ColdStart::millis);
        long first = BenchFigures.median(api, ColdStart::invocationMillis);
        long warm = BenchFigures.median(api, ColdStart::warmMillis);
        long peak = BenchFigures.median(api, ColdStart::peakRssKb) / 1024;
        long baseStart = BenchFigures.median(baseline, JvmBaseline.Start::millis);
        long basePeak = BenchFigures.median(baseline, JvmBaseline.Start::peakRssKb) / 1024;
        System.out.println("BENCH api_cold_start_to_status_ms " + start + " ms");
        System.out.println("BENCH api_first_status_invocation_ms " + first + " ms");
        System.out.println("BENCH api_warm_status_invocation_ms " + warm + " ms");
        System.out.println("BENCH api_cold_start_cpu_ms " + BenchFigures.median(api, ColdStart::cpuMillis) + " ms");
        System.out.println("BENCH api_peak_rss_mb " + peak + " MB");
        System.out.println("BENCH jvm_baseline_start_ms " + baseStart + " ms");
        System.out.println("BENCH jvm_baseline_peak_rss_mb " + basePeak + " MB");
        System.out.println("BENCH api_cold_start_vs_baseline " + BenchFigures.ratio(start, baseStart) + " x");
        System.out.println("BENCH api_peak_rss_vs_baseline " + BenchFigures.ratio(peak, basePeak) + " x");
        System.out.println("BENCH api_first_status_vs_warm " + BenchFigures.ratio(first, warm) + " x");
        System.out.println("BENCH api_cold_start_rounds "
                + api.stream().map(ColdStart::millis).toList() + " ms");
        System.out.println("BENCH api_memory_size_mb " + memoryMb + " MB");
        System.out.println("BENCH machine_load_average_1m " + BenchFigures.loadAverage() + " load");
        assertThat(api).allSatisfy(cold -> assertThat(cold.millis()).isPositive());
    }

    private ColdStart coldStart(PackagedLambda function, int memoryMb, Map<String, String> deployed, int round)
            throws Exception {
        MockLambdaRuntime runtime = new MockLambdaRuntime(
                "libertaphonix-bench-api",
                List.of(statusRequest(AdminTokens.admin()), statusRequest(AdminTokens.admin())));
        Map<String, String> env = new LinkedHashMap<>(deployed);
        // Each round on an empty Redis database: after a quiet night the rule-state cache (60 s) has
        // long expired, so the first status asks EventBridge, as here.
        env.put("REDIS_URL", redisDatabase(deployed.get("REDIS_URL"), round));
        // the one variable a deployment does not have: EventBridge is the mock runtime here
        env.put("SCHEDULER_EVENTBRIDGE_ENDPOINT_OVERRIDE", runtime.eventBridgeEndpoint());
        PackagedLambda.Started started = function.start(
                runtime,
                new PackagedLambda.Launch(
                        "libertaphonix-bench-api",
                        memoryMb,
                        env,
                        List.of(),
                        Path.of("target", "bench-cold-start-api-" + round + ".log")));
        try {
            String response = started.awaitResponse(0);
            long peak = started.peakRssKb();
            long cpu = started.cpuMillis();
            assertStatusAnswer(response);
            assertThat(runtime.describeRules())
                    .as("the first status reads each job's rule state from EventBridge")
                    .isEqualTo(3);
            assertStatusAnswer(started.awaitResponse(1));
            return new ColdStart(
                    started.millisToResponse(0), started.invocationMillis(0), started.invocationMillis(1), peak, cpu);
        } finally {
            started.kill();
            started.process().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void assertStatusAnswer(String response) {
        assertThat(response)
                .as("API Gateway response of GET /status")
                .contains("\"statusCode\":200")
                .contains("\\\"success\\\":true")
                .contains("\\\"activeJobs\\\"");
    }

    /**
     * The environment template.yaml gives the api function (Globals merged with its own), evaluated for
     * a JVM deployment: literal values as the template has them, and for every value CloudFormation
     * resolves (a secret, a resource name, a parameter without a default) the local value given here.
     * A variable the template adds without a local value, or a local value for a variable the template
     * no longer has, fails the benchmark, so what is measured keeps starting as what is deployed.
     */
    private static Map<String, String> templateEnvironment(SamTemplate template, Map<String, String> localValues) {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        template.environment(FUNCTION).forEach((name, raw) -> {
            Object value = template.evaluate(raw, DEPLOYMENT_PARAMETERS);
            if (value == null) {
                return; // AWS::NoValue in a JVM deployment
            }
            if (value instanceof String literal) {
                assertThat(localValues)
                        .as("a local value for %s, which the template sets literally", name)
                        .doesNotContainKey(name);
                env.put(name, literal);
            } else if (localValues.containsKey(name)) {
                env.put(name, localValues.get(name));
            } else {
                missing.add(name);
            }
        });
        assertThat(missing)
                .as("variables template.yaml gives %s from the deployment: give each a local value", FUNCTION)
                .isEmpty();
        assertThat(env.keySet())
                .as("local values for variables template.yaml no longer gives %s", FUNCTION)
                .containsAll(localValues.keySet());
        return env;
    }

    /** Local stand-ins for what CloudFormation resolves in a deployment. */
    private static Map<String, String> localValues(TestServices services) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("DATABASE_URL", services.jdbcUrl());
        values.put("DATABASE_USER", services.username());
        values.put("DATABASE_PASSWORD", services.password());
        values.put("REDIS_URL", services.redisUrl());
        values.put("SCHEDULER_TOKEN_KEY", randomBase64(32));
        values.put("SCHEDULER_EVENT_BUS", "libertaphonix-bench");
        values.put("SCHEDULER_CORS_ORIGINS", "https://admin.libertaphonix.dz");
        values.put("SCHEDULER_JWT_SECRET", AdminTokens.SECRET);
        values.put("SCHEDULER_MAYSTRO_ACCOUNTS", "main=" + HexFormat.of().formatHex(randomBytes(16)));
        return values;
    }

    /** The same Redis, logical database {@code index}. */
    private static String redisDatabase(String redisUrl, int index) {
        return redisUrl.replaceFirst("/\\d+$", "") + "/" + index;
    }

    private static TestServices migrated(TestServices services) {
        Flyway.configure()
                .dataSource(services.jdbcUrl(), services.username(), services.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return services;
    }

    /**
     * {@code GET /api/v1/scheduler/status} as API Gateway's HTTP API hands it to the function: payload
     * format 2.0, the {@code $default} route (template.yaml routes everything to the api), the
     * dashboard's headers.
     */
    static String statusRequest(String token) {
        Instant now = Instant.now();
        String time = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
                .format(now.atOffset(ZoneOffset.UTC));
        return """
                {"version":"2.0","routeKey":"$default","rawPath":"%1$s","rawQueryString":"",
                 "headers":{"accept":"application/json","authorization":"Bearer %2$s",
                   "host":"a1b2c3d4e5.execute-api.eu-west-3.amazonaws.com",
                   "origin":"https://admin.libertaphonix.dz",
                   "user-agent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
                   "x-forwarded-for":"203.0.113.7","x-forwarded-port":"443","x-forwarded-proto":"https"},
                 "requestContext":{"accountId":"123456789012","apiId":"a1b2c3d4e5",
                   "domainName":"a1b2c3d4e5.execute-api.eu-west-3.amazonaws.com","domainPrefix":"a1b2c3d4e5",
                   "http":{"method":"GET","path":"%1$s","protocol":"HTTP/1.1","sourceIp":"203.0.113.7",
                     "userAgent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"},
                   "requestId":"%3$s","routeKey":"$default","stage":"$default","time":"%4$s","timeEpoch":%5$d},
                 "isBase64Encoded":false}""".formatted(STATUS_PATH, token, UUID.randomUUID(), time, now.toEpochMilli());
    }

    private static String randomBase64(int bytes) {
        return Base64.getEncoder().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
