package dz.libertaphonix.scheduler.schedule;

import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A job's schedule: a Quartz cron read in {@link #timeZone}, and whether it is enabled. */
@Entity
@Table(name = "schedules")
public class Schedule {

    /** The job's id ({@code ecomanager-sync}); JPA allows no converter on an id, see {@link #job()}. */
    @Id
    @Column(name = "job_id")
    public String jobId;

    @Column(nullable = false)
    public String cron;

    @Column(name = "time_zone", nullable = false)
    public String timeZone = "Africa/Algiers";

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public JobId job() {
        return JobId.of(jobId);
    }
}
