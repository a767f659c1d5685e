package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.events.RunEventPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Work every invocation needs, started beside the function's start-up instead of after the first event
 * arrives: the run-event publisher's SDK client, and (in a plain on-demand start) one pooled
 * PostgreSQL connection and the Redis connection. It runs on its own thread while Lambda's runtime
 * client polls for the event, so a cold invocation finds them ready. Nothing here is required: a
 * failure is logged and the invocation simply pays for it itself, reporting the real error.
 *
 * <p>Under SnapStart ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) no connection is opened: it
 * would be frozen into the snapshot and be dead when an environment is restored from it. The
 * {@code migrate} function runs no job, so it primes nothing.
 */
@ApplicationScoped
class ColdStartPriming {

    private static final Logger LOG = Logger.getLogger(ColdStartPriming.class);

    /** What the priming got ready. */
    record Primed(boolean publisher, boolean database, boolean redis) {}

    private final FunctionsConfig config;
    private final String exportedFunction;
    private final RunEventPublisher publisher;
    private final AgroalDataSource database;
    private final RedisDataSource redis;
    private final CompletableFuture<Primed> primed = new CompletableFuture<>();

    ColdStartPriming(
            FunctionsConfig config,
            @ConfigProperty(name = "quarkus.funqy.export") String exportedFunction,
            RunEventPublisher publisher,
            AgroalDataSource database,
            RedisDataSource redis) {
        this.config = config;
        this.exportedFunction = exportedFunction;
        this.publisher = publisher;
        this.database = database;
        this.redis = redis;
    }

    void onStart(@Observes StartupEvent started) {
        if (!config.primeAtStart() || MigrateFunction.NAME.equals(exportedFunction)) {
            primed.complete(new Primed(false, false, false));
            return;
        }
        boolean connect = !"snap-start".equals(config.initializationType());
        Thread.ofPlatform().daemon().name("cold-start-priming").start(() -> primed.complete(prime(connect)));
    }

    /** Completes when the priming is over. */
    CompletableFuture<Primed> primed() {
        return primed;
    }

    private Primed prime(boolean connect) {
        publisher.prepare();
        if (!connect) {
            return new Primed(true, false, false);
        }
        boolean databaseReady = false;
        try (Connection connection = database.getConnection()) {
            databaseReady = connection.isValid(1);
        } catch (Exception e) {
            LOG.debugf("database not primed: %s", ErrorSummary.oneLine(e));
        }
        boolean redisReady = false;
        try {
            redis.execute("PING");
            redisReady = true;
        } catch (RuntimeException e) {
            LOG.debugf("redis not primed: %s", ErrorSummary.oneLine(e));
        }
        return new Primed(true, databaseReady, redisReady);
    }
}
