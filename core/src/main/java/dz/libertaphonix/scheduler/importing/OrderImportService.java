package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.agents.AssignmentOutcome;
import dz.libertaphonix.scheduler.agents.AssignmentPreview;
import dz.libertaphonix.scheduler.agents.AssignmentService;
import dz.libertaphonix.scheduler.common.StoresInParallel;
import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.JobResult;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.PerStoreRuns;
import dz.libertaphonix.scheduler.runs.UnitResult;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One {@code ecomanager-sync} run: first the unassigned backlog, oldest first, then every importable
 * store (active, credentials not rejected), a bounded number at a time. Stores are isolated: each
 * ends in its own result, whatever happens to the others.
 */
@ApplicationScoped
public class OrderImportService {

    private static final Logger LOG = Logger.getLogger(OrderImportService.class);

    /** How much of the unassigned backlog a dry run plans: the real run's passes, bounded once. */
    static final int PREVIEWED_BACKLOG = 10_000;

    private final StoreImporter importer;
    private final StoreRepository stores;
    private final AssignmentService assignment;
    private final ImportConfig config;

    public OrderImportService(
            StoreImporter importer, StoreRepository stores, AssignmentService assignment, ImportConfig config) {
        this.importer = importer;
        this.stores = stores;
        this.assignment = assignment;
        this.config = config;
    }

    /** Stores the import visits, read in a transaction of their own (the entities come back detached). */
    public List<Store> importableStores() {
        return Outages.database("reading the stores to import", () -> QuarkusTransaction.requiringNew()
                .call(stores::importable));
    }

    /** The whole run over the given stores (the job passes {@link #importableStores()}). */
    public JobResult run(JobContext context, List<Store> targets) {
        RunProgress progress = new RunProgress(context);
        AssignmentPreview preview =
                context.dryRun() ? Outages.database("reading the assignable agents", assignment::preview) : null;
        long backlogAssigned = Outages.database(
                "assigning the unassigned backlog",
                () -> preview == null ? assignBacklog(context) : previewBacklog(context, preview));
        List<StoreImportResult> results = importStores(targets, context, progress, preview);
        long unassignedBacklog;
        try {
            unassignedBacklog = assignment.backlogSize();
        } catch (RuntimeException e) {
            if (!Outages.databaseUnavailable(e)) {
                throw e;
            }
            // the stores' results matter more than this count: keep them, say the count is unknown
            LOG.warnf(
                    "unassigned backlog not counted: %s",
                    new DatabaseUnavailableException("counting the unassigned backlog", e).getMessage());
            unassignedBacklog = -1;
        }
        return result(results, backlogAssigned, unassignedBacklog, context.deadlineReached());
    }

    private long assignBacklog(JobContext context) {
        long assigned = 0;
        while (!context.deadlineReached()) {
            AssignmentOutcome pass = assignment.assignBacklog(config.backlogBatchSize(), context.runId());
            assigned += pass.assigned();
            // a short pass means the backlog is empty or no agent has capacity left today
            if (pass.assigned() == 0 || pass.unassigned() > 0 || pass.assigned() < config.backlogBatchSize()) {
                break;
            }
        }
        if (assigned > 0) {
            LOG.infof("run %s: %d backlog orders assigned", context.runId(), assigned);
        }
        return assigned;
    }

    /**
     * A dry run's backlog pass: the backlog read (up to {@value #PREVIEWED_BACKLOG} orders, unlocked) and
     * planned on the agents as they stand; the new orders are then planned on what is left.
     */
    private long previewBacklog(JobContext context, AssignmentPreview preview) {
        AssignmentPreview.Plan plan = assignment.previewBacklog(preview, PREVIEWED_BACKLOG);
        context.wouldDo().would("orders.assign", plan.assigned().size(), plan.assigned());
        return plan.assigned().size();
    }

    private List<StoreImportResult> importStores(
            List<Store> targets, JobContext context, RunProgress progress, AssignmentPreview preview) {
        AtomicInteger done = new AtomicInteger();
        return StoresInParallel.map(
                targets,
                config.storeParallelism(),
                "ecomanager-import",
                "importing stores",
                "store import",
                store -> importOne(store, context, progress, preview, done, targets.size()));
    }

    private StoreImportResult importOne(
            Store store,
            JobContext context,
            RunProgress progress,
            AssignmentPreview preview,
            AtomicInteger done,
            int total) {
        StoreImportResult result;
        if (context.deadlineReached()) {
            StoreTally skipped = new StoreTally(store, config.quarantineDetailLimit());
            skipped.failed(StoreImportStatus.NOT_STARTED, "the run's deadline passed before this store's turn");
            result = skipped.result(0);
        } else {
            result = importer.importStore(store, context, progress, preview);
        }
        context.progress("stores", done.incrementAndGet(), total);
        return result;
    }

    private static JobResult result(
            List<StoreImportResult> results, long backlogAssigned, long unassignedBacklog, boolean deadlineReached) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("stores", (long) results.size());
        counts.put(
                "storesFailed",
                results.stream().filter(OrderImportService::failed).count());
        counts.put("fetched", sum(results, StoreImportResult::fetched));
        counts.put("imported", sum(results, StoreImportResult::imported));
        counts.put("lateFound", sum(results, StoreImportResult::lateFound));
        counts.put("duplicates", sum(results, StoreImportResult::duplicates));
        counts.put("skipped", sum(results, StoreImportResult::skipped));
        counts.put("quarantined", sum(results, StoreImportResult::quarantined));
        counts.put("assigned", sum(results, StoreImportResult::assigned) + backlogAssigned);
        counts.put("backlogAssigned", backlogAssigned);
        counts.put("unassigned", unassignedBacklog);
        counts.put("requests", sum(results, StoreImportResult::requests));
        counts.put("pages", sum(results, StoreImportResult::pages));

        List<StoreImportResult> failures =
                results.stream().filter(OrderImportService::failed).toList();
        boolean incomplete = deadlineReached
                || results.stream()
                        .anyMatch(r ->
                                r.status() == StoreImportStatus.PARTIAL || r.status() == StoreImportStatus.NOT_STARTED);
        JobRunStatus status = PerStoreRuns.status(failures.size(), results.size(), incomplete);
        String message = null;
        if (status != JobRunStatus.SUCCEEDED) {
            List<String> notes = results.stream()
                    .filter(r -> r.status() != StoreImportStatus.SUCCEEDED)
                    .map(r -> r.store() + ": " + r.error())
                    .toList();
            message = PerStoreRuns.message(failures.size(), results.size(), notes);
        }
        return new JobResult(
                status,
                counts,
                new ImportRunResult(results, backlogAssigned, unassignedBacklog, deadlineReached),
                message,
                results.stream().map(OrderImportService::unit).toList());
    }

    /**
     * A store in short: it succeeded unless it failed, its token was refused or its turn never came
     * (a store that stopped early has imported what it could: that is not a failure); its count is the
     * orders imported for it in this run.
     */
    private static UnitResult unit(StoreImportResult result) {
        boolean succeeded =
                result.status() == StoreImportStatus.SUCCEEDED || result.status() == StoreImportStatus.PARTIAL;
        String error = result.error();
        if (!succeeded && error == null) {
            error = result.status().name();
        }
        return new UnitResult(result.store(), succeeded, result.imported(), error);
    }

    private static boolean failed(StoreImportResult result) {
        return result.status() == StoreImportStatus.FAILED || result.status() == StoreImportStatus.CREDENTIALS_REJECTED;
    }

    private static long sum(List<StoreImportResult> results, java.util.function.ToLongFunction<StoreImportResult> f) {
        return results.stream().mapToLong(f).sum();
    }
}
