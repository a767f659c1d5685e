package dz.libertaphonix.scheduler.shipping.matching;

import dz.libertaphonix.scheduler.orders.OrderStatus;
import java.time.Instant;

/**
 * What the database holds for one order's courier side, read just before deciding on a change. The
 * same values serve as the expected ones of the compare-and-set write.
 *
 * @param customerPhone the customer's normalised phone, to tell apart two stores' orders sharing a
 *     reference
 * @param open whether the order is among the run's open orders (always true for the webhook)
 */
public record OrderShippingState(
        long id,
        long storeId,
        String reference,
        String customerPhone,
        OrderStatus status,
        Integer shippingCode,
        String shippingLabel,
        String trackingNumber,
        String maystroOrderId,
        Instant alertedAt,
        Instant deliveredAt,
        String alertReason,
        String abortReason,
        boolean open) {}
