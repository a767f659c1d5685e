package dz.libertaphonix.scheduler.shipping.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A webhook delivery kept for inspection because it could not be applied as is. */
@Entity
@Table(name = "inbound_events")
public class InboundEvent {

    public enum Source {
        MAYSTRO,
        ECOMANAGER
    }

    public enum Status {
        APPLIED,
        UNMATCHED,
        UNKNOWN_EVENT,
        MALFORMED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "event_type")
    public String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String reason;

    /** The body exactly as received. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
