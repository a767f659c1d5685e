package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An {@code En dispatch} order that passed every check, ready to be inserted. */
record ImportableOrder(
        long ecomanagerId,
        String reference,
        String state,
        String confirmationState,
        String fullName,
        String phone,
        String wilaya,
        String commune,
        BigDecimal total,
        Instant orderedAt,
        List<EcoManagerItem> items,
        String rawJson) {}
