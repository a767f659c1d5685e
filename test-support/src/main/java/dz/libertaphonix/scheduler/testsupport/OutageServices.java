package dz.libertaphonix.scheduler.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * A PostgreSQL and a Redis of their own for the outage tests, which stop and start them in the middle
 * of a run. Always embedded, whatever {@link TestServices} uses, so stopping them never touches the
 * machine's services or the other tests' instances; started once per JVM, on fixed ports, so a
 * restart answers where the application already points.
 *
 * <p>PostgreSQL keeps its data directory across a restart (a stopped server, not a new one). Redis
 * saves its keys on shutdown and loads them at start, as a Redis that was unreachable for a while
 * (or an ElastiCache node with persistence) comes back: a lock left in it is still there.
 */
public final class OutageServices {

    /**
     * Marks a {@code QuarkusTestProfile} whose application runs against these services instead of the
     * shared ones ({@link RealServicesResource} reads it).
     */
    public interface Profile {

        /** Whether the named test profile class is one (by name: the test class loader is not ours). */
        static boolean isOne(String profileClassName) {
            if (profileClassName == null) {
                return false;
            }
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                for (Class<?> type = Class.forName(profileClassName, false, loader);
                        type != null;
                        type = type.getSuperclass()) {
                    for (Class<?> implemented : type.getInterfaces()) {
                        if (implemented.getName().equals(Profile.class.getName())) {
                            return true;
                        }
                    }
                }
                return false;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }

    private static final Duration PG_STARTUP = Duration.ofSeconds(60);

    private static OutageServices instance;

    private final Path postgresData;
    private final Path redisData;
    private final int postgresPort;
    private final int redisPort;
    private final RedisServer redis;
    private EmbeddedPostgres postgres;

    private OutageServices() throws IOException {
        postgresData = Files.createTempDirectory("outage-pg-");
        redisData = Files.createTempDirectory("outage-redis-");
        postgresPort = TestServices.freePort();
        redisPort = TestServices.freePort();
        postgres = startPostgresProcess();
        redis = RedisServer.newRedisServer()
                .port(redisPort)
                .bind("127.0.0.1")
                .setting("dir " + redisData)
                .setting("save 3600 1")
                .setting("appendonly no")
                .build();
        redis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "outage-services-stop"));
    }

    /** Starts the services on first use; later calls return the same ones. */
    public static synchronized OutageServices get() {
        if (instance == null) {
            try {
                instance = new OutageServices();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the outage tests' PostgreSQL/Redis", e);
            }
        }
        return instance;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres";
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + redisPort + "/0";
    }

    /** The Quarkus configuration pointing an application at these services (and a token key). */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "quarkus.redis.hosts", redisUrl(),
                "scheduler.stores.token-key", TestServices.tokenKey());
    }

    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** Stops PostgreSQL as an operator or a failover would: open connections are cut. */
    public synchronized void stopPostgres() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    /** Starts PostgreSQL again, on the same port with the same data; returns once it answers. */
    public synchronized void startPostgres() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = startPostgresProcess();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the outage tests' PostgreSQL", e);
        }
    }

    /** Stops Redis (it saves its keys first, as a Redis shut down cleanly does). */
    public synchronized void stopRedis() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Redis again on the same port, with the keys it had; returns once it answers. */
    public synchronized void startRedis() {
        try {
            if (!redis.isActive()) {
                redis.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the outage tests' Redis", e);
        }
    }

    private EmbeddedPostgres startPostgresProcess() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .setPGStartupWait(PG_STARTUP)
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
    }

    private synchronized void shutDown() {
        try {
            redis.stop();
        } catch (IOException | RuntimeException ignored) {
            // the JVM is exiting
        }
        stopPostgres();
        for (Path dir : new Path[] {postgresData, redisData}) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException | RuntimeException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
