package dz.libertaphonix.scheduler.reconcile;

import dz.libertaphonix.scheduler.agents.AssignmentPreview;
import dz.libertaphonix.scheduler.agents.AssignmentService;
import dz.libertaphonix.scheduler.common.StoresInParallel;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.importing.RunProgress;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.PerStoreRuns;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.stores.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * One {@code ecomanager-reconcile} run: every given store swept by {@link StoreSweeper}, a bounded
 * number at a time, each ending in its own result whatever happens to the others.
 */
@ApplicationScoped
public class ReconcileService {

    private final StoreSweeper sweeper;
    private final AssignmentService assignment;
    private final ReconcileConfig config;

    public ReconcileService(StoreSweeper sweeper, AssignmentService assignment, ReconcileConfig config) {
        this.sweeper = sweeper;
        this.assignment = assignment;
        this.config = config;
    }

    /** The run with the configured lookback and request budget. */
    public JobResult run(JobContext context, List<Store> stores) {
        return run(context, stores, SweepLimits.of(config));
    }

    public JobResult run(JobContext context, List<Store> stores, SweepLimits limits) {
        RunProgress progress = new RunProgress(context);
        // a dry run plans the assignments on the agents as they stand, one plan for every store
        AssignmentPreview preview =
                context.dryRun() ? Outages.database("reading the assignable agents", assignment::preview) : null;
        List<StoreSweepResult> results = sweepAll(stores, limits, context, progress, preview);
        return result(results, limits, context.deadlineReached());
    }

    private List<StoreSweepResult> sweepAll(
            List<Store> stores,
            SweepLimits limits,
            JobContext context,
            RunProgress progress,
            AssignmentPreview preview) {
        AtomicInteger done = new AtomicInteger();
        return StoresInParallel.map(
                stores, config.storeParallelism(), "ecomanager-reconcile", "sweeping stores", "store sweep", store -> {
                    StoreSweepResult result = context.deadlineReached()
                            ? StoreSweeper.notStarted(
                                    store, limits, context.clock().instant())
                            : sweeper.sweep(store, limits, context, progress, preview);
                    context.progress("stores", done.incrementAndGet(), stores.size());
                    return result;
                });
    }

    private static JobResult result(List<StoreSweepResult> results, SweepLimits limits, boolean deadlineReached) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("stores", (long) results.size());
        counts.put("storesFailed", count(results, StoreSweepStatus.FAILED));
        counts.put(
                "storesIncomplete", results.stream().filter(r -> !r.complete()).count());
        counts.put("scanned", sum(results, StoreSweepResult::scanned));
        counts.put("requests", sum(results, StoreSweepResult::requests));
        counts.put("pages", sum(results, StoreSweepResult::pages));
        counts.put("missing", sum(results, StoreSweepResult::missing));
        counts.put("imported", sum(results, StoreSweepResult::imported));
        counts.put("quarantined", sum(results, StoreSweepResult::quarantined));
        counts.put("assigned", sum(results, StoreSweepResult::assigned));
        counts.put("unassigned", sum(results, StoreSweepResult::unassigned));
        counts.put("leftToImport", sum(results, StoreSweepResult::leftToImport));

        long failed = counts.get("storesFailed");
        JobRunStatus status = PerStoreRuns.status(
                failed,
                results.size(),
                deadlineReached || results.stream().anyMatch(r -> r.status() != StoreSweepStatus.SUCCEEDED));
        String message = null;
        if (status != JobRunStatus.SUCCEEDED) {
            List<String> notes = results.stream()
                    .filter(r -> r.status() != StoreSweepStatus.SUCCEEDED)
                    .map(r -> r.store() + ": " + r.error())
                    .toList();
            message = PerStoreRuns.message(failed, results.size(), notes);
        }
        return new JobResult(
                status,
                counts,
                ReconcileRunResult.of(limits, results, deadlineReached),
                message,
                results.stream().map(ReconcileService::unit).toList());
    }

    /**
     * A store in short: it succeeded unless it failed or never started (a sweep stopped by its budget
     * says so in its error); its count is the missing orders it imported.
     */
    private static UnitResult unit(StoreSweepResult result) {
        boolean succeeded =
                result.status() == StoreSweepStatus.SUCCEEDED || result.status() == StoreSweepStatus.PARTIAL;
        String error = result.error();
        if (!succeeded && error == null) {
            error = result.status().name();
        }
        return new UnitResult(result.store(), succeeded, result.imported(), error);
    }

    private static long count(List<StoreSweepResult> results, StoreSweepStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private static long sum(List<StoreSweepResult> results, ToLongFunction<StoreSweepResult> f) {
        return results.stream().mapToLong(f).sum();
    }
}
