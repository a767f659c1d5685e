package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.common.outage.Outages;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Repeats a run's bookkeeping step (its end in the ledger, its live state, its lock release) while
 * PostgreSQL or Redis is unreachable, until a given instant: a blip ends a run late, never leaves it
 * half-recorded. Only outages are retried; any other failure is thrown at once. The delay grows from
 * 250 ms to at most 2 s (with jitter), so a store that comes back is noticed within about 2 s.
 */
final class OutageRetry {

    private static final Logger LOG = Logger.getLogger(OutageRetry.class);
    private static final long FIRST_DELAY_MILLIS = 250;
    private static final long MAX_DELAY_MILLIS = 2_000;
    private static final long JITTER_MILLIS = 100;

    private OutageRetry() {}

    /**
     * Runs {@code step}, again and again while it fails with an outage, until {@code until}; then
     * throws the last failure.
     */
    static <T> T until(Instant until, Clock clock, String what, Supplier<T> step, Class<T> type) {
        long window = Duration.between(clock.instant(), until).toMillis();
        if (window <= FIRST_DELAY_MILLIS + JITTER_MILLIS) {
            return step.get();
        }
        AtomicInteger retries = new AtomicInteger();
        Guard guard = Guard.create()
                .withDescription(what)
                .withRetry()
                .maxRetries(-1)
                .delay(FIRST_DELAY_MILLIS, ChronoUnit.MILLIS)
                .jitter(JITTER_MILLIS, ChronoUnit.MILLIS)
                .maxDuration(window, ChronoUnit.MILLIS)
                .whenException(Outages::any)
                .beforeRetry(failure -> {
                    if (retries.getAndIncrement() == 0) {
                        LOG.warnf("could not %s: %s; trying again until %s", what, failure.getMessage(), until);
                    }
                })
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(Math.min(MAX_DELAY_MILLIS, window - 1), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
        T result = guard.get(step, type);
        if (retries.get() > 0) {
            LOG.infof("%s: done after %d retries", what, retries.get());
        }
        return result;
    }

    /** As {@link #until(Instant, Clock, String, Supplier, Class)}, for a step without a result. */
    static void until(Instant until, Clock clock, String what, Runnable step) {
        until(
                until,
                clock,
                what,
                () -> {
                    step.run();
                    return Boolean.TRUE;
                },
                Boolean.class);
    }
}
