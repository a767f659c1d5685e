package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.orders.StatusEventSource;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of {@code order_status_events}, as a test reads it back ({@link OrderRows}). */
public final class StatusEventRow {

    public final long id;
    public final long orderId;
    public final StatusEventSource source;
    public final String fromStatus;
    public final String toStatus;
    public final Integer fromShippingCode;
    public final Integer toShippingCode;
    public final UUID runId;
    public final Instant occurredAt;
    public final Map<String, Object> details;

    StatusEventRow(
            long id,
            long orderId,
            StatusEventSource source,
            String fromStatus,
            String toStatus,
            Integer fromShippingCode,
            Integer toShippingCode,
            UUID runId,
            Instant occurredAt,
            Map<String, Object> details) {
        this.id = id;
        this.orderId = orderId;
        this.source = source;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.fromShippingCode = fromShippingCode;
        this.toShippingCode = toShippingCode;
        this.runId = runId;
        this.occurredAt = occurredAt;
        this.details = details;
    }
}
