package dz.libertaphonix.scheduler.ecomanager;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * What the client retries and how long it may wait (SmallRye Fault Tolerance owns the loop, the count
 * and the overall bound; {@link EcoManagerBackoff} the delays): 429 within the {@code Retry-After}
 * cap, 5xx, timeouts and connection errors; never a wait that would end past the session's deadline.
 */
final class EcoManagerRetries {

    // the client's category, which operators already filter on
    private static final Logger LOG = Logger.getLogger(EcoManagerClient.class);

    private final EcoManagerConfig config;
    private final Clock clock;
    private final Guard retrying;

    EcoManagerRetries(EcoManagerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.retrying = Guard.create()
                .withDescription("ecomanager")
                .withRetry()
                .maxRetries(config.maxRetries())
                .delay(config.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(config.maxRetryDuration().toMillis(), ChronoUnit.MILLIS)
                .whenException(this::retryable)
                .withCustomBackoff()
                .strategy(() -> new EcoManagerBackoff(config))
                .done()
                .done()
                .build();
    }

    /** Runs one request's attempts. */
    OrdersPage call(Callable<OrdersPage> attempt) throws Exception {
        return retrying.call(attempt, OrdersPage.class);
    }

    /** Runs one request's attempts, whatever it answers (the webhook calls). */
    <T> T call(Callable<T> attempt, Class<T> type) throws Exception {
        return retrying.call(attempt, type);
    }

    /** A retry whose wait could end past the session's deadline is not attempted. */
    UpstreamUnavailableException withinDeadline(
            EcoManagerSession session, UpstreamUnavailableException failure, Duration wait) {
        Instant deadline = session.deadline();
        if (deadline != null && clock.instant().plus(wait).isAfter(deadline)) {
            return failure.withoutRetry();
        }
        return failure;
    }

    private boolean retryable(Throwable failure) {
        if (failure instanceof UpstreamUnavailableException unavailable && !unavailable.retryable()) {
            return false;
        }
        if (failure instanceof UpstreamRateLimitedException limited) {
            // waiting less than asked would only earn another 429; asking for more than the cap means
            // "come back later", which the next scheduled run does
            return limited.retryAfter()
                    .map(wait -> wait.compareTo(config.maxRetryAfter()) <= 0)
                    .orElse(true);
        }
        return failure instanceof UpstreamUnavailableException;
    }

    /** A request that got no answer: a timeout or an unreachable host, retried unless the deadline forbids. */
    UpstreamUnavailableException transportFailure(EcoManagerSession session, ProcessingException e) {
        boolean timeout = causedByTimeout(e);
        String what = timeout ? "timed out" : "could not be reached";
        LOG.warnf("store %s: EcoManager %s (%s)", session.storeIdentifier(), what, rootMessage(e));
        return withinDeadline(session, new UpstreamUnavailableException("EcoManager " + what, e), config.maxBackoff());
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase();
            String message = String.valueOf(t.getMessage()).toLowerCase();
            if (t instanceof TimeoutException
                    || name.contains("timeout")
                    || message.contains("timeout")
                    || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Response response) {
        String value = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
