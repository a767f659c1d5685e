package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.orders.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code orders} as a test writes or reads it ({@link OrderRows}): a test sets what it
 * needs before the insert, and reads what the code under test left after it.
 */
public final class OrderRow {

    public Long id;
    public long storeId;
    public long ecomanagerId;
    public String reference;
    public long customerId;
    public OrderStatus status = OrderStatus.PENDING;
    public String ecomanagerState;
    public String confirmationState;
    public Instant orderedAt;
    public BigDecimal total;
    public Long assignedAgentId;
    public Instant assignedAt;
    public Integer shippingStatusCode;
    public String shippingStatusLabel;
    public String trackingNumber;
    public String maystroOrderId;
    public Instant shippingAlertedAt;
    public Instant shippingDeliveredAt;
    public String shippingAlertReason;
    public String shippingAbortReason;
    public Instant shippingSyncedAt;
    public UUID lastRunId;
    public Instant importedAt;
    public Instant updatedAt;
}
