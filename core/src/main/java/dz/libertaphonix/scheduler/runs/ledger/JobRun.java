package dz.libertaphonix.scheduler.runs.ledger;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One attempt to run a job: the run ledger row. */
@Entity
@Table(name = "job_runs")
public class JobRun {

    /** Chosen before the row exists, so a trigger can answer with it at once. */
    @Id
    public UUID id;

    @Column(name = "job_id", nullable = false)
    public JobId jobId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunTrigger trigger;

    @Column(name = "event_id")
    public String eventId;

    public String actor;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "deadline_at")
    public Instant deadlineAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobRunStatus status;

    @Column(name = "skip_reason")
    public String skipReason;

    @Column(nullable = false)
    public int attempt = 1;

    @Column(name = "lock_owner")
    public String lockOwner;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Long> counts = new LinkedHashMap<>();

    /** Per-store / per-account results, as the job reported them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Object results;

    /** Error summary: class, message, where. Never a stack trace. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> error;
}
