package dz.libertaphonix.scheduler.runs.ledger;

import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The run ledger ({@code job_runs}) as the runner keeps it: inserts a run's row, stamps its
 * heartbeat, records its end or marks it abandoned, and answers the runner's questions (is this id
 * taken, which run is RUNNING, what did this event already run). Every call is its own short
 * transaction, independent of the caller's: a run's bookkeeping never joins, waits for or rolls back
 * with the job's own work. The admin's reading of the ledger is {@link RunSearch}.
 */
@ApplicationScoped
public class RunRecorder {

    /** The partial unique index that allows one RUNNING row per job: the database's guard. */
    static final String ONE_RUNNING_PER_JOB = "job_runs_one_running_per_job";

    static final String PRIMARY_KEY = "job_runs_pkey";

    private final JobRunRepository runs;

    public RunRecorder(JobRunRepository runs) {
        this.runs = runs;
    }

    public boolean exists(UUID runId) {
        return tx("looking up run " + runId, () -> runs.count("id", runId) > 0);
    }

    public Optional<JobRun> find(UUID runId) {
        return tx("reading run " + runId, () -> runs.findByIdOptional(runId));
    }

    public Optional<JobRun> running(JobId job) {
        return tx("reading the running run of " + job, () -> runs.running(job));
    }

    public List<JobRun> forEvent(JobId job, String eventId) {
        return tx("reading the earlier runs of event " + eventId, () -> runs.forEvent(job, eventId));
    }

    /**
     * Inserts a run row (RUNNING, or already ended for a skip or an immediate failure).
     *
     * @throws DuplicateRunException when the row breaks the one-RUNNING-per-job rule or reuses an id
     */
    public JobRun insert(JobRun run) {
        try {
            return tx(
                    "recording " + (run.status == JobRunStatus.RUNNING ? "the start" : "a " + run.status) + " of "
                            + run.jobId,
                    () -> {
                        runs.persist(run);
                        runs.flush();
                        return run;
                    });
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            for (String constraint : List.of(ONE_RUNNING_PER_JOB, PRIMARY_KEY)) {
                if (mentions(e, constraint)) {
                    throw new DuplicateRunException(constraint, e);
                }
            }
            throw e;
        }
    }

    /**
     * Records how a run ended. A run another run marked ABANDONED (its lock was lost while it was in
     * fact alive) still gets its real outcome: the truth beats the guess.
     */
    public JobRun finish(
            UUID runId,
            JobRunStatus status,
            Instant endedAt,
            Map<String, Long> counts,
            Object results,
            Map<String, String> error) {
        return tx("recording the end of run " + runId, () -> {
            JobRun run = runs.findById(runId);
            if (run == null) {
                throw new IllegalStateException("run " + runId + " is not in the ledger");
            }
            run.status = status;
            run.endedAt = endedAt.isBefore(run.startedAt) ? run.startedAt : endedAt;
            run.counts = counts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(counts);
            run.results = results;
            run.error = error;
            return run;
        });
    }

    /** Stamps a live run's heartbeat; false when the row is no longer RUNNING. */
    public boolean heartbeat(UUID runId, Instant at) {
        return tx(
                        "stamping the heartbeat of run " + runId,
                        () -> runs.update(
                                "heartbeatAt = ?1 where id = ?2 and status = ?3", at, runId, JobRunStatus.RUNNING))
                > 0;
    }

    /**
     * Marks a RUNNING row whose holder is gone as ABANDONED, ended at {@code at} (never before it
     * started), with the counts its holder reported if any; empty when it was no longer RUNNING.
     */
    public Optional<JobRun> abandon(UUID runId, Instant at, Map<String, Long> counts, Map<String, String> error) {
        return tx("marking run " + runId + " abandoned", () -> {
            JobRun run = runs.findById(runId);
            if (run == null || run.status != JobRunStatus.RUNNING) {
                return Optional.empty();
            }
            run.status = JobRunStatus.ABANDONED;
            run.endedAt = at.isBefore(run.startedAt) ? run.startedAt : at;
            if (counts != null && !counts.isEmpty()) {
                run.counts = new LinkedHashMap<>(counts);
            }
            run.error = error;
            return Optional.of(run);
        });
    }

    /** One short transaction of its own; an unreachable database is named with what was being done. */
    private static <T> T tx(String doing, Callable<T> work) {
        return Outages.database(doing, () -> QuarkusTransaction.requiringNew().call(work));
    }

    private static boolean mentions(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
