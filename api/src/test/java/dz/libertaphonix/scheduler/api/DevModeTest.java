package dz.libertaphonix.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.api.testsupport.KeepAliveConnection;
import dz.libertaphonix.scheduler.api.testsupport.KeepAliveConnection.Answer;
import dz.libertaphonix.scheduler.testsupport.TestServices;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's local-development command, run for real: {@code ./mvnw quarkus:dev -pl api -am
 * -Plocal} in this repository, on a free port given as {@code -Dquarkus.http.port}, against this
 * JVM's test PostgreSQL and Redis. While it starts, {@code /q/health} and an {@code /api} path are
 * asked every 200 ms: nothing may answer 500 (the Lambda mock event server answered "No virtual
 * channel available"). Once up, it must serve on exactly that port, and full pages of history and
 * audit (over 8 KiB) must end on a keep-alive connection.
 *
 * <p>Runs after {@code package} (surefire execution {@code dev-mode}, tag {@code devmode}): it
 * recompiles the modules with the {@code local} profile. Its Maven output: {@code
 * target/dev-mode-test.log}.
 */
@Tag("devmode")
class DevModeTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** How long the port may stay silent once Quarkus says it started. */
    private static final Duration SERVING_GRACE = Duration.ofSeconds(30);

    private static final String DAY = "2001-02-03";
    private static final String NEXT_DAY = "2001-02-04";
    private static final String AUDIT_TARGET = "dev-mode-test";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final List<String> STARTUP_ANSWERS = new CopyOnWriteArrayList<>();

    private static Process devMode;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startDevMode() throws Exception {
        Path root = repositoryRoot();
        log = Path.of("target", "dev-mode-test.log").toAbsolutePath();
        port = freePort();
        TestServices services = TestServices.get();

        List<String> command = new ArrayList<>(List.of(
                root.resolve("mvnw").toString(),
                "-B",
                "quarkus:dev",
                "-pl",
                "api",
                "-am",
                "-Plocal",
                "-Dquarkus.http.port=" + port,
                "-Dscheduler.sandbox.port=" + freePort(),
                "-Ddebug=false",
                "-Dquarkus.console.enabled=false",
                "-Dquarkus.analytics.disabled=true"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("DATABASE_URL", services.jdbcUrl());
        environment.put("DATABASE_USER", services.username());
        environment.put("DATABASE_PASSWORD", services.password());
        environment.put("REDIS_URL", services.redisUrl());
        devMode = builder.start();

        long[] startedAt = {0};
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(devMode.isAlive())
                    .withFailMessage("dev mode exited while starting:%n%s", tail())
                    .isTrue();
            probe("/api/v1/scheduler/next-sync-times");
            if (probe("/q/health") == 200) {
                return true;
            }
            if (startedAt[0] == 0 && Files.readString(log).contains("Profile dev activated")) {
                startedAt[0] = System.nanoTime();
            }
            assertThat(startedAt[0] == 0 || System.nanoTime() - startedAt[0] < SERVING_GRACE.toNanos())
                    .withFailMessage(
                            "Quarkus started but nothing serves http://localhost:%d/q/health:%n%s", port, tail())
                    .isTrue();
            return false;
        });
    }

    @AfterAll
    static void stopDevMode() throws Exception {
        if (devMode == null) {
            return;
        }
        devMode.descendants().forEach(ProcessHandle::destroy);
        devMode.destroy();
        if (!devMode.waitFor(60, TimeUnit.SECONDS)) {
            devMode.descendants().forEach(ProcessHandle::destroyForcibly);
            devMode.destroyForcibly();
        }
    }

    @Test
    void servesOnTheConfiguredPortAndNeverAnswers500WhileStarting() throws IOException {
        assertThat(Files.readString(log)).contains("Listening on: http://localhost:" + port);
        // printed by an observer of the server's (asynchronous) start event
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log)
                .contains("dev mode: dashboard at http://localhost:" + port + "/admin/scheduler"));
        assertThat(STARTUP_ANSWERS)
                .as("answers while starting (path status); refused connections are not answers")
                .noneMatch(answer -> answer.endsWith(" 500"));
        assertThat(STARTUP_ANSWERS).contains("/q/health 200");
    }

    @Test
    void fullPagesOfHistoryAndAuditEndOnAKeepAliveConnection() throws Exception {
        seedHundredRunsAndHundredAuditEvents();
        String token = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/token"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, String> admin = Map.of("Authorization", "Bearer " + token);
        String history = "/api/v1/scheduler/history?size=100&from=" + DAY + "&to=" + NEXT_DAY;
        String audit = "/api/v1/scheduler/audit?size=100&target=" + AUDIT_TARGET;
        ObjectMapper json = new ObjectMapper();

        try (KeepAliveConnection connection = new KeepAliveConnection("localhost", port, READ_TIMEOUT)) {
            for (String path : new String[] {history, audit, history}) {
                Answer answer = connection.get(path, admin);

                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.body().length).as("%s is over 8 KiB", path).isGreaterThan(8192);
                JsonNode page = json.readTree(answer.body());
                assertThat(page.path("data").path("items").size()).as(path).isEqualTo(100);
            }
        }
    }

    /** One request while dev mode starts: its status, or -1 when nothing listens yet. */
    private static int probe(String path) throws InterruptedException {
        try {
            int status = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            STARTUP_ANSWERS.add(path + " " + status);
            return status;
        } catch (ConnectException refused) {
            return -1;
        } catch (IOException other) {
            STARTUP_ANSWERS.add(path + " " + other);
            return -1;
        }
    }

    private static void seedHundredRunsAndHundredAuditEvents() throws Exception {
        try (Connection connection = TestServices.get().openConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("delete from job_runs where started_at::date = date '" + DAY + "'");
            statement.execute("insert into job_runs (id, job_id, trigger, actor, started_at, ended_at, status,"
                    + " counts, results)"
                    + " select gen_random_uuid(), 'daily-cleanup', 'SCHEDULED', 'scheduler', at,"
                    + " at + interval '42 seconds', 'SUCCEEDED', '{\"deleted\": 12}',"
                    + " '[{\"step\": \"activity-logs\", \"deleted\": 12}]'"
                    + " from generate_series(timestamptz '" + DAY + " 08:00+01', timestamptz '" + DAY
                    + " 08:00+01' + interval '99 minutes', interval '1 minute') as at");
            statement.execute("delete from audit_events where target = '" + AUDIT_TARGET + "'");
            statement.execute("insert into audit_events (user_id, email, role, action, target, parameters,"
                    + " outcome, http_status, ip_address, user_agent)"
                    + " select 'dev-admin', 'admin@libertaphonix.local', 'ADMIN', 'schedule.change', '"
                    + AUDIT_TARGET + "', jsonb_build_object('cron', '0 0 8-20 * * ?', 'attempt', n),"
                    + " 'SUCCEEDED', 200, '127.0.0.1', 'dev-mode-test' from generate_series(1, 100) as n");
        }
    }

    private static String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("api")))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("the repository root above %s", Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
