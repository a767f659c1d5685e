package dz.libertaphonix.scheduler.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An imported EcoManager order, with its assignment and its courier state. Identified upstream by
 * {@code (storeId, ecomanagerId)}; Maystro knows it by {@link #reference}.
 */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "store_id", nullable = false)
    public Long storeId;

    @Column(name = "ecomanager_id", nullable = false)
    public long ecomanagerId;

    @Column(nullable = false)
    public String reference;

    @Column(name = "customer_id", nullable = false)
    public Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status = OrderStatus.PENDING;

    /** {@code order_state_name} as EcoManager sent it, known or not. */
    @Column(name = "ecomanager_state")
    public String ecomanagerState;

    @Column(name = "confirmation_state")
    public String confirmationState;

    @Column(name = "ordered_at")
    public Instant orderedAt;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal total;

    @Column(name = "assigned_agent_id")
    public Long assignedAgentId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "shipping_status_code")
    public Integer shippingStatusCode;

    @Column(name = "shipping_status_label")
    public String shippingStatusLabel;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "maystro_order_id")
    public String maystroOrderId;

    @Column(name = "shipping_alerted_at")
    public Instant shippingAlertedAt;

    @Column(name = "shipping_delivered_at")
    public Instant shippingDeliveredAt;

    @Column(name = "shipping_alert_reason")
    public String shippingAlertReason;

    @Column(name = "shipping_abort_reason")
    public String shippingAbortReason;

    @Column(name = "shipping_synced_at")
    public Instant shippingSyncedAt;

    /** The run that last changed this row. */
    @Column(name = "last_run_id")
    public UUID lastRunId;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
