package dz.libertaphonix.scheduler.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis that tests run against, started once per JVM.
 *
 * <p>By default both are embedded (zonky PostgreSQL 17, embedded Redis) on free ports, so the suite
 * needs nothing but a JDK. With {@code SCHEDULER_TEST_SERVICES=external} (environment variable or
 * system property {@code scheduler.test-services}) the machine's own services are used instead:
 * PostgreSQL at {@code 127.0.0.1:5432}, database {@code test}, user {@code postgres}, and Redis at
 * {@code 127.0.0.1:6379}; each can be moved with {@code SCHEDULER_TEST_PG_URL},
 * {@code SCHEDULER_TEST_PG_USER} and {@code SCHEDULER_TEST_REDIS_URL}.
 */
public final class TestServices {

    public enum Mode {
        EMBEDDED,
        EXTERNAL
    }

    private static final String TOKEN_KEY = randomKey();

    private static TestServices instance;

    private final Mode mode;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String redisUrl;

    private TestServices(Mode mode, String jdbcUrl, String username, String password, String redisUrl) {
        this.mode = mode;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.redisUrl = redisUrl;
    }

    /** Starts the services on first use; later calls return the same ones. */
    public static synchronized TestServices get() {
        if (instance == null) {
            instance = modeFromEnvironment() == Mode.EXTERNAL ? external() : embedded();
        }
        return instance;
    }

    public static Mode modeFromEnvironment() {
        String value = setting("scheduler.test-services", "SCHEDULER_TEST_SERVICES", "embedded");
        return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public Mode mode() {
        return mode;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String redisUrl() {
        return redisUrl;
    }

    /** The token encryption key made for this JVM (tests never carry a key in a file). */
    public static String tokenKey() {
        return TOKEN_KEY;
    }

    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /**
     * The Quarkus configuration that points an application at these services, plus a token
     * encryption key made for this JVM (tests never carry a key in a file).
     */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password,
                "quarkus.redis.hosts", redisUrl,
                "scheduler.stores.token-key", TOKEN_KEY);
    }

    private static TestServices external() {
        String url = setting("scheduler.test-pg-url", "SCHEDULER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = setting("scheduler.test-pg-user", "SCHEDULER_TEST_PG_USER", "postgres");
        String redis = setting("scheduler.test-redis-url", "SCHEDULER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0");
        return new TestServices(Mode.EXTERNAL, url, user, "", redis);
    }

    private static TestServices embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            int redisPort = freePort();
            RedisServer redis = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(postgres, redis), "test-services-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            return new TestServices(Mode.EMBEDDED, url, "postgres", "", "redis://127.0.0.1:" + redisPort + "/0");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL/Redis", e);
        }
    }

    private static void stopQuietly(EmbeddedPostgres postgres, RedisServer redis) {
        try {
            redis.stop();
        } catch (IOException | RuntimeException ignored) {
            // JVM is exiting; a leftover process dies with its temp directory
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // same
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
