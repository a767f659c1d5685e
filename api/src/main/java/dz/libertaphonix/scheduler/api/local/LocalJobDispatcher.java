package dz.libertaphonix.scheduler.api.local;

import dz.libertaphonix.scheduler.runs.JobAlreadyRunningException;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import dz.libertaphonix.scheduler.runs.runner.RunRequest;
import io.quarkus.arc.DefaultBean;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Runs a job now in this process: answers with the run id at once and runs the JobRunner on a
 * managed executor, so an HTTP request never waits for a run. The default adapter; an EventBridge
 * adapter (SyncRequested) replaces it with {@code scheduler.control=eventbridge}.
 */
@DefaultBean
@ApplicationScoped
public class LocalJobDispatcher implements JobDispatcher {

    private static final Logger LOG = Logger.getLogger(LocalJobDispatcher.class);

    private final JobRunner runner;
    private final ManagedExecutor executor;

    public LocalJobDispatcher(JobRunner runner, JobCatalog catalog) {
        this.runner = runner;
        // one run per job at a time (the runner's lock): as many threads as jobs.
        // Nothing is propagated from the caller: a run must not join the request's transaction or
        // request scope, which end as soon as the request has answered.
        this.executor = ManagedExecutor.builder()
                .maxAsync(Math.max(1, catalog.ids().size()))
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    /**
     * @throws dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException when the ledger
     *     cannot be read (nothing is started)
     * @throws dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException when the run locks cannot be
     *     read (nothing is started)
     */
    @Override
    public UUID dispatch(JobId job, String actor) {
        return dispatch(job, actor, RunTrigger.MANUAL);
    }

    /** As {@link #dispatch(JobId, String)}, for a MANUAL, DRY_RUN or CATCH_UP run. */
    @Override
    public UUID dispatch(JobId job, String actor, RunTrigger trigger) {
        Optional<UUID> running = runner.runningRun(job);
        if (running.isPresent()) {
            throw new JobAlreadyRunningException(job, running.get());
        }
        UUID runId = UUID.randomUUID();
        RunRequest request = RunRequest.requested(job, trigger, actor, runId);
        executor.runAsync(() -> runner.run(request)).exceptionally(failure -> {
            // the runner has already said what happened (an outage of PostgreSQL, named in its log)
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.errorf("run %s of %s was not recorded: %s", runId, job, cause.getMessage());
            return null;
        });
        return runId;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
