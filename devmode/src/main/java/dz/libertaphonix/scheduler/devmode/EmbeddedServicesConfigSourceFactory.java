package dz.libertaphonix.scheduler.devmode;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;
import redis.embedded.RedisServer;

/**
 * Dev mode with only a JDK: when nothing answers at the configured PostgreSQL or Redis address,
 * start embedded ones (the binaries the tests use) and point the application at them. When a
 * server answers, it is used and nothing is started. Active only in the {@code dev} profile, and
 * only on the classpath of {@code ./mvnw quarkus:dev -Plocal}: never in a Lambda artifact.
 */
public class EmbeddedServicesConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedServicesConfigSourceFactory.class.getName());
    // above application.properties (250), below environment variables (300)
    private static final int ORDINAL = 275;

    // Dev mode loads this class in more than one class loader (build and runtime): what was started
    // is shared through JVM-wide system properties, so the services start exactly once per JVM.
    private static final String SHARED_PREFIX = "scheduler.devmode.started.";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || "false".equals(value(context, "scheduler.devmode.embedded"))) {
            return List.of();
        }
        synchronized (System.class) {
            if (System.getProperty(SHARED_PREFIX + "probed") == null) {
                startWhatIsMissing(context).forEach((key, value) -> System.setProperty(SHARED_PREFIX + key, value));
            }
            Map<String, String> started = new HashMap<>();
            System.getProperties().forEach((key, value) -> {
                String name = key.toString();
                if (name.startsWith(SHARED_PREFIX)) {
                    started.put(name.substring(SHARED_PREFIX.length()), value.toString());
                }
            });
            return List.of(new MapBackedConfigSource("devmode-embedded-services", started, ORDINAL) {});
        }
    }

    /** The configuration of what it started, plus a marker so that nothing probes again. */
    private static Map<String, String> startWhatIsMissing(ConfigSourceContext context) {
        Map<String, String> started = new HashMap<>();
        String jdbcUrl = value(context, "quarkus.datasource.jdbc.url");
        if (jdbcUrl != null && !answers(jdbcHostPort(jdbcUrl))) {
            started.putAll(startPostgres());
        }
        String redisHosts = value(context, "quarkus.redis.hosts");
        if (redisHosts != null && !answers(redisHostPort(redisHosts))) {
            started.putAll(startRedis());
        }
        started.put("probed", "true");
        return started;
    }

    private static Map<String, String> startPostgres() {
        try {
            Path data = Path.of("target", "dev-postgres").toAbsolutePath();
            Files.createDirectories(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "dev-postgres-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            LOG.info("No PostgreSQL answered at the configured address: started an embedded one at " + url);
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL for dev mode", e);
        }
    }

    private static Map<String, String> startRedis() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(redis), "dev-redis-stop"));
            LOG.info("No Redis answered at the configured address: started an embedded one on port " + port);
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded Redis for dev mode", e);
        }
    }

    static InetSocketAddress jdbcHostPort(String jdbcUrl) {
        // jdbc:postgresql://host:port/db?params
        return hostPort(URI.create(jdbcUrl.substring("jdbc:".length())), 5432);
    }

    static InetSocketAddress redisHostPort(String hosts) {
        return hostPort(URI.create(hosts.split(",")[0].trim()), 6379);
    }

    private static InetSocketAddress hostPort(URI uri, int defaultPort) {
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        return new InetSocketAddress(host, uri.getPort() < 0 ? defaultPort : uri.getPort());
    }

    static boolean answers(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }

    private static void stop(RedisServer redis) {
        try {
            redis.stop();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
