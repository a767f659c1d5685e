package dz.libertaphonix.scheduler.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class RedisRateLimiterTest {

    @Inject
    RedisRateLimiter limiter;

    @Test
    void grantsExactlyTheBudgetToManyConcurrentCallersThenSaysHowLongToWait() throws Exception {
        String budget = "test:" + UUID.randomUUID();
        List<RateWindow> windows =
                List.of(new RateWindow(Duration.ofMinutes(1), 40), new RateWindow(Duration.ofHours(1), 800));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(() -> limiter.tryAcquire(budget, windows));
            }
            long granted = 0;
            long refusedWithWait = 0;
            for (Future<Long> result : pool.invokeAll(calls)) {
                long wait = result.get();
                if (wait == 0) {
                    granted++;
                } else if (wait > 0 && wait <= Duration.ofMinutes(1).toMillis() + 1) {
                    refusedWithWait++;
                }
            }
            assertThat(granted).isEqualTo(40);
            assertThat(refusedWithWait).isEqualTo(60);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void budgetsAreSeparatePerKey() {
        List<RateWindow> windows = List.of(new RateWindow(Duration.ofMinutes(1), 1));
        String first = "test:" + UUID.randomUUID();
        String second = "test:" + UUID.randomUUID();

        assertThat(limiter.tryAcquire(first, windows)).isZero();
        assertThat(limiter.tryAcquire(first, windows)).isPositive();
        assertThat(limiter.tryAcquire(second, windows)).isZero();
    }

    @Test
    void waitsForTheNextSlotWithinMaxWaitElseRefuses() {
        String budget = "test:" + UUID.randomUUID();
        List<RateWindow> perSecond = List.of(new RateWindow(Duration.ofMillis(300), 1));

        limiter.acquire(budget, "a test", perSecond, Duration.ofSeconds(1));
        Duration waited = limiter.acquire(budget, "a test", perSecond, Duration.ofSeconds(1));

        assertThat(waited).isGreaterThan(Duration.ofMillis(100));
        assertThatThrownBy(() -> limiter.acquire(
                                budget, "a test", List.of(new RateWindow(Duration.ofMinutes(1), 1)), Duration.ZERO)
                        .plus(limiter.acquire(
                                budget, "a test", List.of(new RateWindow(Duration.ofMinutes(1), 1)), Duration.ZERO)))
                .isInstanceOf(RateLimitExceededException.class);
    }
}
