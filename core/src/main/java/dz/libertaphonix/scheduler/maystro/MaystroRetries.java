package dz.libertaphonix.scheduler.maystro;

import dz.libertaphonix.scheduler.maystro.config.MaystroConfig;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/**
 * The client's retry policy (SmallRye Fault Tolerance): a 429 waits what Maystro asked for
 * ({@code Retry-After}, capped) a capped number of times; 5xx, timeouts and connection errors back
 * off exponentially with jitter, capped.
 */
final class MaystroRetries {

    private final MaystroConfig.Retry retry;
    private final Clock clock;
    private final Guard transientFaults;
    private final Guard rateLimited;

    MaystroRetries(MaystroConfig.Retry retry, Clock clock) {
        this.retry = retry;
        this.clock = clock;
        // outer policy: transient faults, exponential backoff with jitter, capped
        this.transientFaults = Guard.create()
                .withDescription("maystro-transient-faults")
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(1, ChronoUnit.HOURS)
                .retryOn(MaystroUnavailableException.class)
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(
                        Math.max(
                                retry.maxBackoff().toMillis(),
                                retry.initialBackoff().toMillis()),
                        ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
        // inner policy: 429, wait what Maystro asked for (capped), a capped number of times
        long longestWaits = retry.retryAfterMax().toMillis() * (retry.rateLimitedMaxRetries() + 1L);
        this.rateLimited = Guard.create()
                .withDescription("maystro-rate-limited")
                .withRetry()
                .maxRetries(retry.rateLimitedMaxRetries())
                .delay(0, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(longestWaits + Duration.ofMinutes(1).toMillis(), ChronoUnit.MILLIS)
                .retryOn(MaystroRateLimitedException.class)
                .withCustomBackoff()
                .strategy(RetryAfterBackoff::new)
                .done()
                .done()
                .build();
    }

    /** Runs one request's attempts: 429s retried inside, transient faults outside. */
    Object call(Callable<Object> attempt) throws Exception {
        return transientFaults.call(() -> rateLimited.call(attempt, Object.class), Object.class);
    }

    /** {@code Retry-After} in seconds or as an HTTP date; the configured default when absent; capped. */
    Duration retryAfter(String header) {
        Duration wait = retry.retryAfterDefault();
        if (header != null && !header.isBlank()) {
            String value = header.trim();
            try {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    wait = Duration.between(clock.instant(), at.toInstant());
                } catch (DateTimeParseException notADate) {
                    // keep the default
                }
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return wait.compareTo(retry.retryAfterMax()) > 0 ? retry.retryAfterMax() : wait;
    }

    /** Waits what the 429 said; the exception already carries the capped {@code Retry-After}. */
    private static final class RetryAfterBackoff implements CustomBackoffStrategy {

        @Override
        public long nextDelayInMillis(Throwable cause) {
            return cause instanceof MaystroRateLimitedException limited
                    ? limited.retryAfter().toMillis()
                    : 0;
        }
    }
}
