package dz.libertaphonix.scheduler.orders;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An {@code En dispatch} order that passed every check of the intake, ready to be inserted.
 *
 * @param phone the customer's phone, normalised ({@link AlgerianPhone})
 * @param ecomanagerUpdatedAt EcoManager's {@code updated_at}: the version of the order read, null when absent
 * @param rawJson the order as EcoManager sent it, to quarantine it should its insert conflict
 */
public record NewOrder(
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
        Instant ecomanagerUpdatedAt,
        List<EcoManagerItem> items,
        String rawJson) {}
