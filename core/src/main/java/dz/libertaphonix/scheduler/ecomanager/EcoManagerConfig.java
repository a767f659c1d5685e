package dz.libertaphonix.scheduler.ecomanager;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the scheduler talks to EcoManager: timeouts, retries and the shared per-token rate budget. */
@ConfigMapping(prefix = "scheduler.ecomanager")
public interface EcoManagerConfig {

    /** Time allowed to open a connection to a store's EcoManager host. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time allowed for one answer once connected (a page of 100 orders is usually well under a second). */
    @WithDefault("30s")
    Duration readTimeout();

    /** Retries after the first attempt of a request, for 5xx, timeouts, connection errors and 429. */
    @WithDefault("4")
    int maxRetries();

    /** First backoff delay for 5xx, timeouts and connection errors; doubled on each retry, with jitter. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest backoff delay between two retries of a 5xx, timeout or connection error. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Wait after a 429 that carries no usable {@code Retry-After} header. */
    @WithDefault("60s")
    Duration defaultRetryAfter();

    /** Longest {@code Retry-After} honoured; a 429 asking for more is not retried in this run. */
    @WithDefault("120s")
    Duration maxRetryAfter();

    /** Upper bound on the time one request may spend in retries, whatever the count. */
    @WithDefault("5m")
    Duration maxRetryDuration();

    /** The request budget per store token, shared through Redis by every process using the token. */
    RateLimit rateLimit();

    interface RateLimit {

        /** Share of EcoManager's published limits this system allows itself (headroom for other clients). */
        @WithDefault("0.8")
        double share();

        /** EcoManager's limit per token per second. */
        @WithDefault("5")
        long perSecond();

        /** EcoManager's limit per token per minute. */
        @WithDefault("50")
        long perMinute();

        /** EcoManager's limit per token per hour. */
        @WithDefault("1000")
        long perHour();

        /** EcoManager's limit per token per day. */
        @WithDefault("10000")
        long perDay();

        /** Longest wait for a slot in the budget before the request gives up for this run. */
        @WithDefault("30s")
        Duration maxWait();
    }
}
