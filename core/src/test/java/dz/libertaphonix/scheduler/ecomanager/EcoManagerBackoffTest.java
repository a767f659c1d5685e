package dz.libertaphonix.scheduler.ecomanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EcoManagerBackoffTest {

    /** The production defaults, as {@code EcoManagerConfig}'s {@code @WithDefault}s state them. */
    private static final EcoManagerConfig DEFAULTS = new EcoManagerConfig() {
        public Duration connectTimeout() {
            return Duration.ofSeconds(5);
        }

        public Duration readTimeout() {
            return Duration.ofSeconds(30);
        }

        public int maxRetries() {
            return 4;
        }

        public Duration initialBackoff() {
            return Duration.ofSeconds(1);
        }

        public Duration maxBackoff() {
            return Duration.ofSeconds(30);
        }

        public Duration defaultRetryAfter() {
            return Duration.ofSeconds(60);
        }

        public Duration maxRetryAfter() {
            return Duration.ofSeconds(120);
        }

        public Duration maxRetryDuration() {
            return Duration.ofMinutes(5);
        }

        public RateLimit rateLimit() {
            return null;
        }
    };

    @Test
    void waitsWhatRetryAfterAsksAndSixtySecondsWhenItIsMissing() {
        EcoManagerBackoff backoff = new EcoManagerBackoff(DEFAULTS);

        assertThat(backoff.nextDelayInMillis(new UpstreamRateLimitedException(Duration.ofSeconds(7))))
                .isEqualTo(7_000);
        assertThat(backoff.nextDelayInMillis(new UpstreamRateLimitedException(null)))
                .isEqualTo(60_000);
    }

    @Test
    void doublesTheBackoffOfTransientFailuresWithJitterUpToTheCap() {
        EcoManagerBackoff backoff = new EcoManagerBackoff(DEFAULTS);
        UpstreamUnavailableException failure = new UpstreamUnavailableException("EcoManager answered HTTP 503", 503);

        long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
        for (long ceiling : ceilings) {
            long delay = backoff.nextDelayInMillis(failure);
            assertThat(delay).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void spreadsTheRetriesOfProcessesThatFailedTogether() {
        UpstreamUnavailableException failure = new UpstreamUnavailableException("EcoManager timed out", (Integer) null);
        java.util.Set<Long> delays = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            delays.add(new EcoManagerBackoff(DEFAULTS).nextDelayInMillis(failure));
        }
        assertThat(delays).hasSizeGreaterThan(1);
    }
}
