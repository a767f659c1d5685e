package dz.libertaphonix.scheduler.runs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the job runtime: locks, heartbeats, live state and run events. */
@ConfigMapping(prefix = "scheduler.runs")
public interface RunsConfig {

    /**
     * How long a job's lock lives without a heartbeat. Longer than the longest Lambda timeout (15 min),
     * so a frozen or slow holder keeps its lock for its whole invocation; a dead holder's lock expires
     * by itself after this long and the next run marks the dead run ABANDONED.
     */
    @WithDefault("16m")
    Duration lockTtl();

    /** How often a running job renews its lock and stamps its heartbeat in the ledger. */
    @WithDefault("30s")
    Duration heartbeatInterval();

    /**
     * How many heartbeats a RUNNING run may miss, once its lock is released or expired, before the next
     * run takes it for dead and marks it ABANDONED (3 × 30 s by default): a holder whose lock vanished
     * with a Redis restart still heartbeats in the ledger and is left alone; one that is gone is not
     * waited for until the lock TTL.
     */
    @WithDefault("3")
    int missedHeartbeats();

    /**
     * How long past its deadline a run keeps trying to record its end (ledger, live state, lock
     * release) while PostgreSQL or Redis is unreachable. Before the deadline it keeps trying anyway.
     * Keep it under the job functions' safety margin (60 s), so a Lambda never dies trying.
     */
    @WithDefault("20s")
    Duration recordEndGrace();

    /** Deadline of a run whose trigger gives none (in-process runs): it stops cleanly after this long. */
    @WithDefault("10m")
    Duration maxRunDuration();

    /** How long a job's live state (last start, end, result, error) is kept in Redis. */
    @WithDefault("30d")
    Duration stateTtl();

    /** Where run events (SyncCompleted, SyncFailed, SyncSkipped) go. */
    @WithDefault("in-process")
    EventsTarget events();

    /**
     * The EventBridge publisher, used when {@code events} is {@code eventbridge}; the bus and the
     * {@code source} are the application's ({@code scheduler.eventbridge.*}).
     */
    EventBridge eventbridge();

    enum EventsTarget {
        /** A CDI event observed inside this process (local development, tests). */
        IN_PROCESS,
        /** PutEvents to the application's EventBridge bus (AWS). */
        EVENTBRIDGE
    }

    interface EventBridge {

        /** Upper bound of one PutEvents call, retries included: a run's end never waits longer. */
        @WithDefault("5s")
        Duration timeout();

        /**
         * The former names of {@code scheduler.eventbridge.event-bus}, {@code .event-source}, {@code
         * .region} and {@code .endpoint-override}, still read there (core's {@code
         * microprofile-config.properties}); declared so that a setting of theirs is not refused.
         */
        @Deprecated
        Optional<String> busName();

        @Deprecated
        Optional<String> source();

        @Deprecated
        Optional<String> region();

        @Deprecated
        Optional<String> endpoint();
    }
}
