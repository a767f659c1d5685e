package dz.libertaphonix.scheduler.common;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of the operational log the admin reads; pruned by the daily cleanup. */
@Entity
@Table(name = "activity_logs")
public class ActivityLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "action_type", nullable = false)
    public String actionType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityLevel level = ActivityLevel.INFO;

    @Column(nullable = false)
    public String description;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "run_id")
    public UUID runId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> metadata;
}
