package dz.libertaphonix.scheduler.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxWorldTest {

    private static final Instant START = Instant.parse("2026-11-29T09:00:00Z");

    /** The sandbox's clock, moved forward by the test. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static SandboxWorld world(Clock clock) {
        return new SandboxWorld(clock, Duration.ofSeconds(20), Duration.ofMinutes(2), Duration.ofSeconds(90));
    }

    private static SandboxWorld world(Instant now) {
        return world(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void ordersComeNewestFirstWithAlgerianCustomersAndNewOnesAppearOverTime() {
        MovingClock clock = new MovingClock(START);
        SandboxWorld world = world(clock);
        List<Map<String, Object>> page = world.orders("NATU", Long.MAX_VALUE, 100);

        List<Long> ids = page.stream()
                .map(order -> Long.valueOf(order.get("id").toString()))
                .toList();
        assertThat(ids).hasSize(100).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page).allSatisfy(order -> {
            assertThat(order.get("telephone").toString()).matches("(0|\\+213)[5-7][0-9]{8}");
            assertThat(order.get("reference").toString()).startsWith("NATU-");
            assertThat((List<?>) order.get("items")).isNotEmpty();
        });
        assertThat(page).extracting(order -> order.get("order_state_name")).contains("En dispatch", "Annulé");
        assertThat(page).extracting(order -> order.get("total")).contains("n/a").as("one malformed order in 97");
        long latest = ids.get(0);

        clock.advance(Duration.ofSeconds(60));
        long later = Long.valueOf(
                world.orders("NATU", Long.MAX_VALUE, 1).get(0).get("id").toString());
        assertThat(later).isEqualTo(latest + 3);
    }

    @Test
    void someOrdersReachDispatchOnlyAfterNewerOnesExist() {
        MovingClock clock = new MovingClock(START);
        SandboxWorld world = world(clock);
        clock.advance(Duration.ofMinutes(10));
        long newest = Long.valueOf(
                world.orders("KITCH", Long.MAX_VALUE, 1).get(0).get("id").toString());
        java.util.Set<Long> waiting = new java.util.HashSet<>();
        for (long id = newest; id > newest - 30; id--) {
            if ("Nouvelle".equals(world.state("KITCH", id))) {
                waiting.add(id);
            }
        }
        clock.advance(Duration.ofMinutes(3));
        boolean lateArrival =
                !waiting.isEmpty() && waiting.stream().allMatch(id -> "En dispatch".equals(world.state("KITCH", id)));
        assertThat(lateArrival).isTrue();
    }
}
