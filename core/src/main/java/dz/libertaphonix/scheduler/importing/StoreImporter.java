package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.agents.AssignmentOutcome;
import dz.libertaphonix.scheduler.agents.AssignmentService;
import dz.libertaphonix.scheduler.common.ActivityLevel;
import dz.libertaphonix.scheduler.common.ActivityLogger;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.common.ratelimit.RateLimitExceededException;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerClient;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerSession;
import dz.libertaphonix.scheduler.ecomanager.MalformedResponseException;
import dz.libertaphonix.scheduler.ecomanager.StoreCredentialsRejectedException;
import dz.libertaphonix.scheduler.ecomanager.UpstreamRequestRejectedException;
import dz.libertaphonix.scheduler.ecomanager.UpstreamUnavailableException;
import dz.libertaphonix.scheduler.orders.AlgerianPhone;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Imports one store: walks its new orders, commits them oldest first in batches (each batch one
 * transaction that also moves the cursor past it), assigns each committed batch to agents, then
 * works down any older gaps. Every failure of the store ends here, in its result: it never reaches
 * the other stores.
 *
 * <p>Why read first and commit after: the list is newest first, but the cursor may only move past
 * orders that are committed with everything below them. Reading down to the cursor, then committing
 * upwards, lets each batch move the cursor to its highest id; a crash or a deadline between two
 * batches leaves the cursor exactly below the first uncommitted order, and the next run continues
 * from there. Nothing is lost and, inserts being idempotent, nothing is doubled.
 */
@ApplicationScoped
public class StoreImporter {

    private static final Logger LOG = Logger.getLogger(StoreImporter.class);

    private final EcoManagerClient client;
    private final ImportWriter writer;
    private final AssignmentService assignment;
    private final StoreService stores;
    private final ActivityLogger activity;
    private final ImportConfig config;

    public StoreImporter(
            EcoManagerClient client,
            ImportWriter writer,
            AssignmentService assignment,
            StoreService stores,
            ActivityLogger activity,
            ImportConfig config) {
        this.client = client;
        this.writer = writer;
        this.assignment = assignment;
        this.stores = stores;
        this.activity = activity;
        this.config = config;
    }

    public StoreImportResult importStore(Store store, JobContext context, RunProgress progress) {
        long started = System.nanoTime();
        StoreTally tally = new StoreTally(store);
        EcoManagerSession session = null;
        try {
            session = client.open(store, context.deadline());
            run(store, session, context, progress, tally);
            Outages.database("recording the end of the import of " + store.identifier, () -> writer.finished(store.id));
        } catch (StoreCredentialsRejectedException e) {
            stores.markCredentialsRejected(store.id, e.getMessage());
            tally.failed(StoreImportStatus.CREDENTIALS_REJECTED, e.getMessage());
        } catch (RateLimitExceededException e) {
            tally.partial("the token's request budget is spent for now (next slot in "
                    + Math.max(1, e.retryAfter().toSeconds()) + " s); the next run continues");
        } catch (UpstreamUnavailableException | MalformedResponseException | UpstreamRequestRejectedException e) {
            tally.failed(StoreImportStatus.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            // PostgreSQL or Redis went away: said in words (what the store was doing), not as an EcoManager fault
            String doing = "importing " + store.identifier;
            Optional<RuntimeException> outage = Outages.named(e, doing);
            if (outage.isPresent()) {
                LOG.warnf("store %s: %s", store.identifier, outage.get().getMessage());
                tally.failed(StoreImportStatus.FAILED, outage.get().getMessage());
            } else {
                LOG.errorf(e, "store %s: import failed", store.identifier);
                tally.failed(StoreImportStatus.FAILED, "unexpected error: " + ErrorSummary.oneLine(e));
            }
        } finally {
            if (session != null) {
                tally.requests = session.requests();
            }
        }
        try {
            tally.cursorAfter = writer.cursor(store.id);
            tally.gapsOpen = writer.gaps(store.id).size();
        } catch (RuntimeException e) {
            LOG.warnf("store %s: could not read the cursor after the import: %s", store.identifier, e.getMessage());
            tally.cursorAfter = tally.cursorBefore;
        }
        StoreImportResult result =
                tally.result(Duration.ofNanos(System.nanoTime() - started).toMillis());
        record(result, context);
        return result;
    }

    private void run(
            Store store, EcoManagerSession session, JobContext context, RunProgress progress, StoreTally tally) {
        long cursor =
                Outages.database("reading the import cursor of " + store.identifier, () -> writer.cursor(store.id));
        tally.cursorBefore = cursor;
        int pageBudget = config.maxPagesPerStore();

        OrderWalk.Result walk = OrderWalk.walk(
                session,
                null,
                cursor,
                config.rescanOrders(),
                config.pageSize(),
                pageBudget,
                context::deadlineReached,
                tally);
        if (walk.end() == OrderWalk.End.DEADLINE) {
            tally.partial("the run's deadline passed while reading EcoManager; the next run continues");
            return;
        }
        GapChange.Open opened = null;
        if (walk.end() == OrderWalk.End.PAGE_CAP
                && walk.lowestId() != null
                && walk.nextCursor() != null
                && walk.lowestId() > cursor + 1) {
            opened = new GapChange.Open(cursor, walk.lowestId(), walk.nextCursor(), walk.pages());
        }
        long finalCursor = walk.topId() == null ? cursor : Math.max(cursor, walk.topId());
        boolean complete =
                commit(store, walk.kept(), cursor, true, finalCursor, opened, null, context, progress, tally);
        if (!complete) {
            tally.partial("the run's deadline passed between two batches; the next run continues from the cursor");
            return;
        }

        for (ImportWriter.GapRow gap :
                Outages.database("reading the import gaps of " + store.identifier, () -> writer.gaps(store.id))) {
            int pagesLeft = pageBudget - (int) tally.pages;
            if (pagesLeft <= 0) {
                break;
            }
            OrderWalk.Result gapWalk = OrderWalk.walk(
                    session,
                    gap.resumeCursor(),
                    gap.aboveId(),
                    0,
                    config.pageSize(),
                    pagesLeft,
                    context::deadlineReached,
                    tally);
            if (gapWalk.end() == OrderWalk.End.DEADLINE) {
                tally.partial("the run's deadline passed while reading older orders; the next run continues");
                return;
            }
            GapChange change = gapWalk.end() == OrderWalk.End.PAGE_CAP
                            && gapWalk.lowestId() != null
                            && gapWalk.nextCursor() != null
                            && gapWalk.lowestId() > gap.aboveId() + 1
                    ? new GapChange.Shrink(
                            gap.id(),
                            Math.min(gap.belowId(), gapWalk.lowestId()),
                            gapWalk.nextCursor(),
                            gapWalk.pages())
                    : new GapChange.Close(gap.id());
            if (!commit(store, gapWalk.kept(), gap.aboveId(), false, null, null, change, context, progress, tally)) {
                tally.partial("the run's deadline passed between two batches of older orders; the next run continues");
                return;
            }
        }
        if (!Outages.database("reading the import gaps of " + store.identifier, () -> writer.gaps(store.id))
                .isEmpty()) {
            tally.partial("older orders remain to be read (page budget of " + pageBudget
                    + " per run reached); the next runs continue");
        }
    }

    /**
     * Validates what a walk kept, quarantines the malformed, and commits the rest in ascending id
     * order, batch by batch, assigning each committed batch.
     *
     * @param belowOrAt ids at or below it were examined before: an insert among them is a late arrival
     * @param moveCursor whether batches move the store's cursor (the main walk) or not (a gap)
     * @param finalCursor where the cursor goes once everything is committed
     * @param openFirst gap to record in the first transaction, before the cursor passes it
     * @param applyLast gap change to apply in the last transaction, once everything is committed
     * @return false when the deadline stopped it between two batches
     */
    private boolean commit(
            Store store,
            List<EcoManagerOrder> kept,
            long belowOrAt,
            boolean moveCursor,
            Long finalCursor,
            GapChange openFirst,
            GapChange applyLast,
            JobContext context,
            RunProgress progress,
            StoreTally tally) {
        Map<Long, ImportableOrder> importable = new LinkedHashMap<>();
        List<Quarantine> quarantine = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (EcoManagerOrder order : kept) {
            if (order.id() != null && !seen.add(order.id())) {
                // the same order on two pages (the list moved while it was read): once is enough
                continue;
            }
            List<String> reasons = new ArrayList<>(order.problems());
            if (order.state() == null) {
                reasons.add("missing order_state_name");
            }
            String phone = null;
            if (order.telephone() != null) {
                phone = AlgerianPhone.normalise(order.telephone()).orElse(null);
                if (phone == null) {
                    reasons.add("telephone is not a usable Algerian number");
                }
            }
            if (!reasons.isEmpty()) {
                quarantine.add(new Quarantine(order.id(), String.join("; ", reasons), order.rawJson()));
                continue;
            }
            importable.put(
                    order.id(),
                    new ImportableOrder(
                            order.id(),
                            order.reference(),
                            order.state(),
                            order.confirmationState(),
                            truncate(order.fullName(), 200),
                            phone,
                            order.wilaya(),
                            order.commune(),
                            order.total(),
                            order.createdAt(),
                            order.items(),
                            order.rawJson()));
        }

        Set<Long> known = new HashSet<>(importable.keySet());
        quarantine.stream()
                .map(Quarantine::ecomanagerId)
                .filter(id -> id != null)
                .forEach(known::add);
        Set<Long> existing = Outages.database(
                "looking up the orders " + store.identifier + " already has", () -> writer.existing(store.id, known));
        for (Long id : existing) {
            if (importable.remove(id) != null && id > belowOrAt) {
                tally.duplicates++;
            }
        }
        // an order already imported is not quarantined because a later version of it is malformed
        quarantine.removeIf(q -> q.ecomanagerId() != null && existing.contains(q.ecomanagerId()));
        if (!quarantine.isEmpty()) {
            Outages.database(
                    "quarantining " + quarantine.size() + " orders of " + store.identifier,
                    () -> writer.quarantine(store.id, store.identifier, quarantine, context.runId()));
            noteQuarantine(quarantine, tally);
        }

        List<ImportableOrder> ascending = new ArrayList<>(importable.values());
        ascending.sort(Comparator.comparingLong(ImportableOrder::ecomanagerId));
        List<List<ImportableOrder>> batches = new ArrayList<>();
        for (int from = 0; from < ascending.size(); from += config.batchSize()) {
            batches.add(ascending.subList(from, Math.min(ascending.size(), from + config.batchSize())));
        }
        progress.expect(ascending.size());
        if (batches.isEmpty()) {
            GapChange change = openFirst != null ? openFirst : applyLast;
            Outages.database(
                    "moving the import cursor of " + store.identifier,
                    () -> writer.commit(
                            store.id,
                            store.identifier,
                            List.of(),
                            context.runId(),
                            moveCursor ? finalCursor : null,
                            change));
            return true;
        }
        for (int i = 0; i < batches.size(); i++) {
            if (context.deadlineReached()) {
                return false;
            }
            List<ImportableOrder> batch = batches.get(i);
            boolean last = i == batches.size() - 1;
            Long cursorTo = null;
            if (moveCursor) {
                cursorTo = last
                        ? finalCursor
                        : Math.max(belowOrAt, batch.get(batch.size() - 1).ecomanagerId());
            }
            GapChange change = i == 0 && openFirst != null ? openFirst : last ? applyLast : null;
            Long cursorAfterBatch = cursorTo;
            String batchName = "batch " + (i + 1) + " of " + store.identifier;
            ImportWriter.BatchOutcome outcome = Outages.database(
                    "committing " + batchName,
                    () -> writer.commit(store.id, store.identifier, batch, context.runId(), cursorAfterBatch, change));
            tally.imported += outcome.insertedOrderIds().size();
            tally.duplicates += outcome.duplicates();
            tally.lateFound += outcome.insertedEcoManagerIds().stream()
                    .filter(id -> id <= belowOrAt)
                    .count();
            noteQuarantine(outcome.conflicts(), tally);
            if (!outcome.insertedOrderIds().isEmpty()) {
                AssignmentOutcome assigned = Outages.database(
                        "assigning " + batchName + " to agents",
                        () -> assignment.assign(outcome.insertedOrderIds(), context.runId()));
                tally.assigned += assigned.assigned();
                tally.unassigned += assigned.unassigned();
            }
            progress.committed(batch.size());
        }
        return true;
    }

    private void noteQuarantine(List<Quarantine> quarantined, StoreTally tally) {
        for (Quarantine q : quarantined) {
            tally.quarantined++;
            if (tally.quarantine.size() < config.quarantineDetailLimit()) {
                tally.quarantine.add(new StoreImportResult.QuarantineNote(q.ecomanagerId(), q.reason()));
            }
        }
    }

    private void record(StoreImportResult result, JobContext context) {
        String summary = "Store " + result.store() + ": "
                + result.status().name().toLowerCase().replace('_', ' ')
                + "; fetched " + result.fetched() + ", imported " + result.imported()
                + (result.lateFound() > 0 ? " (" + result.lateFound() + " late)" : "")
                + ", duplicates " + result.duplicates() + ", skipped " + result.skipped()
                + ", quarantined " + result.quarantined() + ", assigned " + result.assigned()
                + ", unassigned " + result.unassigned() + "; " + result.requests() + " requests, "
                + result.durationMillis() + " ms"
                + (result.error() == null ? "" : " — " + result.error());
        ActivityLevel level =
                switch (result.status()) {
                    case SUCCEEDED -> result.unknownStates().isEmpty() ? ActivityLevel.INFO : ActivityLevel.WARN;
                    case PARTIAL, NOT_STARTED -> ActivityLevel.WARN;
                    case FAILED, CREDENTIALS_REJECTED -> ActivityLevel.ERROR;
                };
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("storeId", result.storeId());
        metadata.put("status", result.status().name());
        metadata.put("fetched", result.fetched());
        metadata.put("imported", result.imported());
        metadata.put("lateFound", result.lateFound());
        metadata.put("duplicates", result.duplicates());
        metadata.put("skipped", result.skipped());
        metadata.put("quarantined", result.quarantined());
        metadata.put("assigned", result.assigned());
        metadata.put("unassigned", result.unassigned());
        metadata.put("requests", result.requests());
        metadata.put("pages", result.pages());
        metadata.put("cursorBefore", result.cursorBefore());
        metadata.put("cursorAfter", result.cursorAfter());
        metadata.put("gapsOpen", result.gapsOpen());
        metadata.put("durationMillis", result.durationMillis());
        if (!result.unknownStates().isEmpty()) {
            metadata.put("unknownStates", result.unknownStates());
            LOG.warnf(
                    "store %s: EcoManager sent unknown order states %s (kept raw, not imported)",
                    result.store(), result.unknownStates());
        }
        if (result.error() != null) {
            metadata.put("error", result.error());
        }
        try {
            activity.log("import.store", level, summary, "store", result.store(), context.runId(), metadata);
        } catch (RuntimeException e) {
            // the import itself is committed; a lost log line must not turn it into a failure
            LOG.warnf("store %s: could not write the activity log: %s", result.store(), e.getMessage());
        }
        if (level == ActivityLevel.ERROR) {
            LOG.error(summary);
        } else {
            LOG.info(summary);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
