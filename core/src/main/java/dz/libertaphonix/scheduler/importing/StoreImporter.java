package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.agents.AssignmentPreview;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.common.ratelimit.RateLimitExceededException;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerClient;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerSession;
import dz.libertaphonix.scheduler.ecomanager.MalformedResponseException;
import dz.libertaphonix.scheduler.ecomanager.StoreCredentialsRejectedException;
import dz.libertaphonix.scheduler.ecomanager.UpstreamRequestRejectedException;
import dz.libertaphonix.scheduler.ecomanager.UpstreamUnavailableException;
import dz.libertaphonix.scheduler.importing.ImportGapGateway.OpenGap;
import dz.libertaphonix.scheduler.importing.intake.BatchFollowUp;
import dz.libertaphonix.scheduler.importing.intake.IntakeRequest;
import dz.libertaphonix.scheduler.importing.intake.IntakeStore;
import dz.libertaphonix.scheduler.importing.intake.OrderIntake;
import dz.libertaphonix.scheduler.runs.DryRunReport;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.runs.events.CredentialsRejections;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Imports one store: {@link OrderWalk walks} its new orders down to the cursor, hands them to the
 * {@link OrderIntake intake} (validate or quarantine, commit oldest first in batches, each batch one
 * transaction that also moves the cursor past it, assign), then works down any older gaps the same
 * way. Every failure of the store ends here, in its result: it never reaches the other stores.
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
    private final StoreTokens tokens;
    private final OrderIntake intake;
    private final ImportCursorGateway cursors;
    private final ImportGapGateway gaps;
    private final StoreImportLog log;
    private final ImportConfig config;
    private final Clock clock;
    private final CredentialsRejections rejections;

    public StoreImporter(
            EcoManagerClient client,
            StoreTokens tokens,
            OrderIntake intake,
            ImportCursorGateway cursors,
            ImportGapGateway gaps,
            StoreImportLog log,
            ImportConfig config,
            Clock clock,
            CredentialsRejections rejections) {
        this.client = client;
        this.tokens = tokens;
        this.intake = intake;
        this.cursors = cursors;
        this.gaps = gaps;
        this.log = log;
        this.config = config;
        this.clock = clock;
        this.rejections = rejections;
    }

    public StoreImportResult importStore(Store store, JobContext context, RunProgress progress) {
        return importStore(store, context, progress, null);
    }

    /**
     * As {@link #importStore(Store, JobContext, RunProgress)}; in a dry run ({@link
     * JobContext#dryRun()}) every write step reports instead of writing, the assignments planned on
     * {@code assignments}: the store's credential state, its cursor and gaps, the end stamp and the
     * activity entry are left as they are.
     */
    public StoreImportResult importStore(
            Store store, JobContext context, RunProgress progress, AssignmentPreview assignments) {
        boolean dryRun = context.dryRun();
        long started = System.nanoTime();
        StoreTally tally = new StoreTally(store, config.quarantineDetailLimit());
        EcoManagerSession session = null;
        try {
            session = client.open(tokens.credentials(store), context.deadline());
            new StoreRun(store, session, context, progress, tally, assignments).run();
            if (!dryRun) {
                Outages.database(
                        "recording the end of the import of " + store.identifier,
                        () -> cursors.finished(store.id, clock.instant()));
            }
        } catch (StoreCredentialsRejectedException e) {
            if (dryRun) {
                context.wouldDo().would("stores.credentials-rejected", store.identifier + ": " + e.getMessage());
            } else if (tokens.markRejected(store.id, e.getMessage())) {
                rejections.store(store.identifier, e.httpStatus(), context);
            }
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
            tally.cursorAfter = cursors.cursor(store.id);
            tally.gapsOpen = gaps.open(store.id).size();
        } catch (RuntimeException e) {
            LOG.warnf("store %s: could not read the cursor after the import: %s", store.identifier, e.getMessage());
            tally.cursorAfter = tally.cursorBefore;
        }
        StoreImportResult result =
                tally.result(Duration.ofNanos(System.nanoTime() - started).toMillis());
        if (!dryRun) {
            log.record(result, context);
        }
        return result;
    }

    /** One store's walks in one run: the new orders down to the cursor, then the open gaps. */
    private final class StoreRun {

        private final Store store;
        private final JobContext context;
        private final RunProgress progress;
        private final StoreTally tally;
        private final OrderWalk walks;
        private final int pageBudget = config.maxPagesPerStore();
        private final AssignmentPreview assignments;

        StoreRun(
                Store store,
                EcoManagerSession session,
                JobContext context,
                RunProgress progress,
                StoreTally tally,
                AssignmentPreview assignments) {
            this.assignments = assignments;
            this.store = store;
            this.context = context;
            this.progress = progress;
            this.tally = tally;
            this.walks = new OrderWalk(session, config.pageSize(), context::deadlineReached, tally);
        }

        void run() {
            long cursor = Outages.database(
                    "reading the import cursor of " + store.identifier, () -> cursors.cursor(store.id));
            tally.cursorBefore = cursor;
            if (!newOrders(cursor)) {
                return;
            }
            for (OpenGap gap : openGaps()) {
                int pagesLeft = pageBudget - (int) tally.pages;
                if (pagesLeft <= 0) {
                    break;
                }
                if (!gap(gap, pagesLeft)) {
                    return;
                }
            }
            if (!openGaps().isEmpty()) {
                tally.partial("older orders remain to be read (page budget of " + pageBudget
                        + " per run reached); the next runs continue");
            }
        }

        /** The main walk: everything above the cursor, and the re-scan below it. False when it stopped early. */
        private boolean newOrders(long cursor) {
            OrderWalk.Result walk = walks.walk(null, cursor, config.rescanOrders(), pageBudget);
            if (walk.end() == OrderWalk.End.DEADLINE) {
                tally.partial("the run's deadline passed while reading EcoManager; the next run continues");
                return false;
            }
            GapChange.Open opened = null;
            if (walk.end() == OrderWalk.End.PAGE_CAP
                    && walk.lowestId() != null
                    && walk.nextCursor() != null
                    && walk.lowestId() > cursor + 1) {
                opened = new GapChange.Open(cursor, walk.lowestId(), walk.nextCursor(), walk.pages());
            }
            long finalCursor = walk.topId() == null ? cursor : Math.max(cursor, walk.topId());
            if (!take(walk, ImportPosition.mainWalk(store.id, cursor, finalCursor, opened))) {
                tally.partial("the run's deadline passed between two batches; the next run continues from the cursor");
                return false;
            }
            return true;
        }

        /** One gap, read from where the last run left it. False when it stopped early. */
        private boolean gap(OpenGap gap, int pagesLeft) {
            OrderWalk.Result walk = walks.walk(gap.resumeCursor(), gap.aboveId(), 0, pagesLeft);
            if (walk.end() == OrderWalk.End.DEADLINE) {
                tally.partial("the run's deadline passed while reading older orders; the next run continues");
                return false;
            }
            GapChange change = walk.end() == OrderWalk.End.PAGE_CAP
                            && walk.lowestId() != null
                            && walk.nextCursor() != null
                            && walk.lowestId() > gap.aboveId() + 1
                    ? new GapChange.Shrink(
                            gap.id(), Math.min(gap.belowId(), walk.lowestId()), walk.nextCursor(), walk.pages())
                    : new GapChange.Close(gap.id());
            if (!take(walk, ImportPosition.gapWalk(store.id, gap.aboveId(), change))) {
                tally.partial("the run's deadline passed between two batches of older orders; the next run continues");
                return false;
            }
            return true;
        }

        private boolean take(OrderWalk.Result walk, ImportPosition position) {
            if (context.dryRun()) {
                intake.preview(
                        new IntakeRequest(
                                IntakeStore.of(store),
                                walk.kept(),
                                position.seenUpTo(),
                                context.runId(),
                                wouldAdvance(store, position, context.wouldDo()),
                                context::deadlineReached,
                                progress,
                                tally.intake),
                        context.wouldDo(),
                        assignments);
                return true;
            }
            return intake.take(new IntakeRequest(
                    IntakeStore.of(store),
                    walk.kept(),
                    position.seenUpTo(),
                    context.runId(),
                    advancing(position),
                    context::deadlineReached,
                    progress,
                    tally.intake));
        }

        private List<OpenGap> openGaps() {
            return Outages.database("reading the import gaps of " + store.identifier, () -> gaps.open(store.id));
        }
    }

    /** A dry run's follow-up: where the cursor and the gaps would go, reported, nothing moved. */
    private static BatchFollowUp wouldAdvance(Store store, ImportPosition position, DryRunReport report) {
        return slot -> {
            Long cursorTo = position.cursorAfter(slot);
            if (cursorTo != null && cursorTo > position.seenUpTo()) {
                report.would("stores.cursor", store.identifier + ": " + position.seenUpTo() + " → " + cursorTo);
            }
            GapChange change = position.gapChange(slot);
            if (change != null) {
                report.would("import-gaps", store.identifier + ": " + change);
            }
        };
    }

    /** Moves the cursor and the gaps as the position says, inside each batch's transaction. */
    private BatchFollowUp advancing(ImportPosition position) {
        return slot -> {
            Long cursorTo = position.cursorAfter(slot);
            if (cursorTo != null) {
                cursors.advance(position.storeId(), cursorTo);
            }
            GapChange change = position.gapChange(slot);
            if (change != null) {
                gaps.apply(position.storeId(), change, slot.at());
            }
        };
    }
}
