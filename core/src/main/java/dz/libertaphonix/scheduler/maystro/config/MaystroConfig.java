package dz.libertaphonix.scheduler.maystro.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the Maystro Delivery client and webhook. */
@ConfigMapping(prefix = "scheduler.maystro")
public interface MaystroConfig {

    /**
     * Base URL of the Maystro API; paths under {@code /api/...} are appended to it. The old system's
     * {@code MAYSTRO_BASE_URL} is read as an alias ({@link MaystroLegacyNames}).
     */
    @WithDefault("https://backend.maystro-delivery.com")
    URI baseUrl();

    /**
     * The Maystro accounts, {@code name=key[,name=key...]} (names: lower-case letters, digits,
     * {@code -} and {@code _}). A secret: set it from {@code SCHEDULER_MAYSTRO_ACCOUNTS}, never in a
     * file. See {@link MaystroAccountsSetting}. The old system's single {@code MAYSTRO_API_KEY} is read as
     * {@code main=<key>} when this is not set ({@link MaystroLegacyNames}).
     */
    Optional<String> accounts();

    /**
     * The unguessable path segment of the webhook URL {@code /webhooks/maystro/<secret>}: Maystro
     * signs nothing, so knowing the URL is the only proof. From
     * {@code SCHEDULER_MAYSTRO_WEBHOOK_SECRET}; without it the webhook answers 404 to everything.
     */
    Optional<String> webhookSecret();

    /** Time to open a TCP connection to Maystro. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time to wait for a response once connected; past it the request counts as a transient failure. */
    @WithDefault("30s")
    Duration readTimeout();

    /** Retries of failed requests. */
    Retry retry();

    /** The request budget per key, shared by every process through Redis. */
    RateLimit rateLimit();

    interface Retry {

        /** Retries after a 5xx, a timeout or a connection error (so at most this + 1 attempts). */
        @WithDefault("3")
        int maxRetries();

        /** First backoff after a transient failure; it doubles on every retry. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Cap on the exponential backoff. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** Random extra or less wait added to each backoff, so parallel callers do not retry in step. */
        @WithDefault("250ms")
        Duration jitter();

        /** Retries after a 429; a 429 past them fails the request (the page is reported, not skipped). */
        @WithDefault("3")
        int rateLimitedMaxRetries();

        /** Wait after a 429 without a usable {@code Retry-After} header. */
        @WithDefault("30s")
        Duration retryAfterDefault();

        /** The longest {@code Retry-After} honoured; a longer one is cut to this. */
        @WithDefault("120s")
        Duration retryAfterMax();
    }

    interface RateLimit {

        /** Requests per second per key (Maystro's limits are undocumented: stay modest). */
        @WithDefault("10")
        long perSecond();

        /** Requests per minute per key. */
        @WithDefault("400")
        long perMinute();

        /** Requests per hour per key. */
        @WithDefault("12000")
        long perHour();

        /** Longest wait for a slot in the budget before the request fails. */
        @WithDefault("2m")
        Duration maxWait();
    }
}
