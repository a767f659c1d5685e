package dz.libertaphonix.scheduler.reconcile;

import dz.libertaphonix.scheduler.agents.AssignmentPreview;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.common.ratelimit.RateLimitExceededException;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerClient;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerSession;
import dz.libertaphonix.scheduler.ecomanager.MalformedResponseException;
import dz.libertaphonix.scheduler.ecomanager.StoreCredentialsRejectedException;
import dz.libertaphonix.scheduler.ecomanager.UpstreamRequestRejectedException;
import dz.libertaphonix.scheduler.ecomanager.UpstreamUnavailableException;
import dz.libertaphonix.scheduler.importing.ImportConfig;
import dz.libertaphonix.scheduler.importing.ImportCursorGateway;
import dz.libertaphonix.scheduler.importing.ImportGapGateway;
import dz.libertaphonix.scheduler.importing.RunProgress;
import dz.libertaphonix.scheduler.importing.intake.BatchFollowUp;
import dz.libertaphonix.scheduler.importing.intake.IntakeRequest;
import dz.libertaphonix.scheduler.importing.intake.IntakeStore;
import dz.libertaphonix.scheduler.importing.intake.IntakeTally;
import dz.libertaphonix.scheduler.importing.intake.OrderIntake;
import dz.libertaphonix.scheduler.orders.OrderGateway;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Sweeps one store in two phases: {@link SweepScan reads} (EcoManager's pages, the import's cursor
 * and gaps, which orders exist) and then {@link #take writes} the missing orders through the same
 * {@link OrderIntake intake} as the hourly import (validate or quarantine, insert idempotently on
 * {@code (store, ecomanager id)}, assign), with no follow-up: the import's cursor and gaps are never
 * touched. {@link #take} is the only place the sweep writes.
 *
 * <p>Every failure of the store ends in its result; what was found before a failure is still taken in.
 */
@ApplicationScoped
public class StoreSweeper {

    private static final Logger LOG = Logger.getLogger(StoreSweeper.class);

    private final EcoManagerClient client;
    private final StoreTokens tokens;
    private final OrderIntake intake;
    private final OrderGateway orders;
    private final ImportCursorGateway cursors;
    private final ImportGapGateway gaps;
    private final ImportConfig importConfig;
    private final ReconcileConfig config;

    public StoreSweeper(
            EcoManagerClient client,
            StoreTokens tokens,
            OrderIntake intake,
            OrderGateway orders,
            ImportCursorGateway cursors,
            ImportGapGateway gaps,
            ImportConfig importConfig,
            ReconcileConfig config) {
        this.client = client;
        this.tokens = tokens;
        this.intake = intake;
        this.orders = orders;
        this.cursors = cursors;
        this.gaps = gaps;
        this.importConfig = importConfig;
        this.config = config;
    }

    /** A real sweep of one store. */
    public StoreSweepResult sweep(Store store, SweepLimits limits, JobContext context, RunProgress progress) {
        return sweep(store, limits, context, progress, null);
    }

    /**
     * One store's sweep; in a dry run ({@code preview} given) the read phase is the real one and the
     * write phase is the intake's {@link OrderIntake#preview preview}: the missing orders are reported
     * as {@code orders.import}, {@code orders.quarantine} and {@code orders.assign} and nothing is written.
     */
    public StoreSweepResult sweep(
            Store store, SweepLimits limits, JobContext context, RunProgress progress, AssignmentPreview preview) {
        long started = System.nanoTime();
        Instant windowStart = context.clock().instant().minus(limits.lookback());
        SweepFindings findings = new SweepFindings();
        IntakeTally tally = new IntakeTally(importConfig.quarantineDetailLimit());
        EcoManagerSession session = null;
        long cursor = store.importCursor;
        StoreSweepStatus status = StoreSweepStatus.SUCCEEDED;
        try {
            SweepScan.ImportBoundary boundary = boundary(store);
            cursor = boundary.cursor();
            session = client.open(tokens.credentials(store), context.deadline(), rateShare(context));
            new SweepScan(
                            session,
                            orders,
                            store.id,
                            store.identifier,
                            importConfig.pageSize(),
                            context::deadlineReached)
                    .scan(boundary, windowStart, limits.maxRequests(), findings);
        } catch (StoreCredentialsRejectedException e) {
            findings.stopped(SweepEnd.FAILED, e.getMessage());
        } catch (RateLimitExceededException e) {
            findings.stopped(
                    SweepEnd.RATE_BUDGET,
                    "the sweep's share of the token's request budget had no slot within "
                            + config.rateLimitMaxWait().toSeconds() + " s at depth " + findings.deepest
                            + "; older orders of the window were not checked");
        } catch (UpstreamUnavailableException | MalformedResponseException | UpstreamRequestRejectedException e) {
            findings.stopped(SweepEnd.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            findings.stopped(SweepEnd.FAILED, failure(store, e));
        }

        boolean taken = true;
        if (!findings.toTake().isEmpty()) {
            try {
                taken = take(store, cursor, findings, context, progress, tally, preview);
            } catch (RuntimeException e) {
                findings.stopped(SweepEnd.FAILED, failure(store, e));
            }
        }
        List<FoundOrder> found = foundOrders(store, findings);

        if (findings.end == SweepEnd.FAILED) {
            status = StoreSweepStatus.FAILED;
        } else if (!findings.end.complete() || !taken) {
            status = StoreSweepStatus.PARTIAL;
        }
        String error = findings.error;
        if (!taken && error == null) {
            error = "the run's deadline passed while taking in the missing orders; the next sweep finds the rest";
        }
        return new StoreSweepResult(
                store.id,
                store.identifier,
                status,
                findings.end,
                findings.end.complete(),
                windowStart,
                findings.checkedBackTo,
                findings.scanned,
                findings.deepest,
                session == null ? 0 : session.requests(),
                findings.pages,
                cursor,
                findings.missing.size(),
                tally.imported(),
                tally.quarantined(),
                tally.assigned(),
                tally.unassigned(),
                findings.leftToImport,
                findings.withoutId.size(),
                found.stream().limit(config.foundDetailLimit()).toList(),
                tally.quarantine(),
                error,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** A store whose turn never came: nothing read, nothing written. */
    static StoreSweepResult notStarted(Store store, SweepLimits limits, Instant now) {
        return new StoreSweepResult(
                store.id,
                store.identifier,
                StoreSweepStatus.NOT_STARTED,
                SweepEnd.NOT_STARTED,
                false,
                now.minus(limits.lookback()),
                null,
                0,
                0,
                0,
                0,
                store.importCursor,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                List.of(),
                "the run's deadline passed before this store's turn",
                0);
    }

    /**
     * The sweep's one write: the missing and id-less orders through the import's intake, with the
     * cursor as the boundary (an insert below it counts as a late arrival) and no follow-up, so the
     * import's cursor and gaps stay where they are.
     *
     * @return false when the deadline stopped the intake between two batches
     */
    private boolean take(
            Store store,
            long cursor,
            SweepFindings findings,
            JobContext context,
            RunProgress progress,
            IntakeTally tally,
            AssignmentPreview preview) {
        IntakeRequest request = new IntakeRequest(
                IntakeStore.of(store),
                findings.toTake(),
                cursor,
                context.runId(),
                BatchFollowUp.NONE,
                context::deadlineReached,
                progress,
                tally);
        if (preview != null) {
            intake.preview(request, context.wouldDo(), preview);
            return true;
        }
        return intake.take(request);
    }

    private SweepScan.ImportBoundary boundary(Store store) {
        long cursor =
                Outages.database("reading the import cursor of " + store.identifier, () -> cursors.cursor(store.id));
        List<ImportGapGateway.OpenGap> open =
                Outages.database("reading the import gaps of " + store.identifier, () -> gaps.open(store.id));
        return new SweepScan.ImportBoundary(cursor, open);
    }

    /** The sweep's share of the token's budget, never waiting past the run's deadline. */
    private EcoManagerClient.RateShare rateShare(JobContext context) {
        Duration untilDeadline = Duration.between(context.clock().instant(), context.deadline());
        Duration wait = config.rateLimitMaxWait().compareTo(untilDeadline) < 0
                ? config.rateLimitMaxWait()
                : untilDeadline.isNegative() ? Duration.ZERO : untilDeadline;
        return client.rateShare(config.rateLimitShare(), wait);
    }

    /** Which missing orders are in the database now (a read; the hourly import may have taken some too). */
    private List<FoundOrder> foundOrders(Store store, SweepFindings findings) {
        if (findings.missing.isEmpty()) {
            return List.of();
        }
        Set<Long> present;
        try {
            present = Outages.database(
                    "reading back the orders " + store.identifier + " was missing",
                    () -> orders.existing(store.id, findings.missing.keySet()));
        } catch (RuntimeException e) {
            LOG.warnf("store %s: could not read back the missing orders: %s", store.identifier, e.getMessage());
            present = Set.of();
        }
        List<FoundOrder> found = new ArrayList<>(findings.missing.size());
        for (SweepFindings.Missing missing : findings.missing.values()) {
            long id = missing.order().id();
            found.add(new FoundOrder(id, missing.depth(), missing.order().createdAt(), present.contains(id)));
        }
        return found;
    }

    private static String failure(Store store, RuntimeException e) {
        Optional<RuntimeException> outage = Outages.named(e, "sweeping " + store.identifier);
        if (outage.isPresent()) {
            LOG.warnf("store %s: %s", store.identifier, outage.get().getMessage());
            return outage.get().getMessage();
        }
        LOG.errorf(e, "store %s: sweep failed", store.identifier);
        return "unexpected error: " + ErrorSummary.oneLine(e);
    }
}
