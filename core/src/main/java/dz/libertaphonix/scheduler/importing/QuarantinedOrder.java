package dz.libertaphonix.scheduler.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** An EcoManager order that could not be imported, kept with its raw payload and the reason. */
@Entity
@Table(name = "quarantined_orders")
public class QuarantinedOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "store_id", nullable = false)
    public Long storeId;

    /** Null when the payload had no usable id. */
    @Column(name = "ecomanager_id")
    public Long ecomanagerId;

    @Column(nullable = false)
    public String reason;

    /** The order JSON exactly as received (stored as jsonb). */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "run_id")
    public UUID runId;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
