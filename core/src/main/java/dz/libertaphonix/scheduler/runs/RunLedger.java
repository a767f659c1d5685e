package dz.libertaphonix.scheduler.runs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the run ledger ({@code job_runs}). Every write is its own short transaction, independent of
 * the caller's: a run's bookkeeping never joins, waits for or rolls back with the job's own work.
 */
@ApplicationScoped
public class RunLedger {

    /** The partial unique index that allows one RUNNING row per job: the database's guard. */
    static final String ONE_RUNNING_PER_JOB = "job_runs_one_running_per_job";

    static final String PRIMARY_KEY = "job_runs_pkey";

    private final JobRunRepository runs;

    public RunLedger(JobRunRepository runs) {
        this.runs = runs;
    }

    /** The insert broke a unique rule (another RUNNING row of the job, or a run id already used). */
    public static class DuplicateRunException extends RuntimeException {

        private final String constraint;

        DuplicateRunException(String constraint, Throwable cause) {
            super("job_runs rejected the row: " + constraint, cause);
            this.constraint = constraint;
        }

        public boolean anotherRunIsRunning() {
            return ONE_RUNNING_PER_JOB.equals(constraint);
        }
    }

    public boolean exists(UUID runId) {
        return QuarkusTransaction.requiringNew().call(() -> runs.count("id", runId) > 0);
    }

    public Optional<JobRun> find(UUID runId) {
        return QuarkusTransaction.requiringNew().call(() -> runs.findByIdOptional(runId));
    }

    public Optional<JobRun> running(JobId job) {
        return QuarkusTransaction.requiringNew().call(() -> runs.running(job));
    }

    public List<JobRun> forEvent(JobId job, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> runs.forEvent(job, eventId));
    }

    /**
     * Inserts a run row (RUNNING, or already ended for a skip or an immediate failure).
     *
     * @throws DuplicateRunException when the row breaks the one-RUNNING-per-job rule or reuses an id
     */
    public JobRun insert(JobRun run) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                runs.persist(run);
                runs.flush();
                return run;
            });
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
        return QuarkusTransaction.requiringNew().call(() -> {
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
        return QuarkusTransaction.requiringNew()
                        .call(() -> runs.update(
                                "heartbeatAt = ?1 where id = ?2 and status = ?3", at, runId, JobRunStatus.RUNNING))
                > 0;
    }

    /** Marks a RUNNING row whose holder died as ABANDONED; empty when it was no longer RUNNING. */
    public Optional<JobRun> abandon(UUID runId, Instant at, Map<String, String> error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            JobRun run = runs.findById(runId);
            if (run == null || run.status != JobRunStatus.RUNNING) {
                return Optional.empty();
            }
            run.status = JobRunStatus.ABANDONED;
            run.endedAt = at.isBefore(run.startedAt) ? run.startedAt : at;
            run.error = error;
            return Optional.of(run);
        });
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
