package dz.libertaphonix.scheduler.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxParcelsTest {

    private static final Instant START = Instant.parse("2026-11-29T09:00:00Z");

    @Test
    void parcelsFollowDispatchedOrdersThroughMaystroCodesAndCursorsRoundTrip() {
        Clock half = Clock.fixed(START.plus(Duration.ofMinutes(30)), ZoneOffset.UTC);
        SandboxParcels sandbox = new SandboxParcels(
                new SandboxWorld(half, Duration.ofSeconds(20), Duration.ofMinutes(2), Duration.ofSeconds(90)));

        List<Map<String, Object>> parcels = sandbox.parcels();

        assertThat(parcels).isNotEmpty();
        assertThat(parcels).extracting(parcel -> parcel.get("status")).contains(41, 50, 52);
        String reference = parcels.get(0).get("external_order_id").toString();
        assertThat(sandbox.parcelFor(reference)).isPresent();
        assertThat(sandbox.parcelFor("NATU-1")).isEmpty();
        assertThat(SandboxResource.decodeCursor(SandboxResource.encodeCursor(174302)))
                .isEqualTo(174302);
    }
}
