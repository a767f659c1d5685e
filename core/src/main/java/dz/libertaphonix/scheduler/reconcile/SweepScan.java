package dz.libertaphonix.scheduler.reconcile;

import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerSession;
import dz.libertaphonix.scheduler.ecomanager.OrdersPage;
import dz.libertaphonix.scheduler.importing.ImportGapGateway.OpenGap;
import dz.libertaphonix.scheduler.orders.OrderGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The read phase of a store's sweep: walks the order list newest first, page by page, until a page
 * ends with an order created before the window, the list ends, or the request budget or the deadline
 * stops it, and notes every
 * {@code En dispatch} order the database does not have. It writes nothing: EcoManager pages in, a
 * lookup of existing ids per page, {@link SweepFindings} out.
 *
 * <p>Only orders at or below the hourly import's cursor, outside its open gaps, are the sweep's to
 * take: the import reads everything above its cursor and in its gaps itself, so those are counted
 * ({@code leftToImport}) and left to it. The sweep never moves the cursor or a gap.
 *
 * <p>Exceptions of EcoManager and the rate budget propagate: the caller records them in the findings,
 * which keep everything found before.
 */
final class SweepScan {

    /** Where the hourly import stands for the store when the sweep starts. */
    record ImportBoundary(long cursor, List<OpenGap> gaps) {

        /** True when the hourly import will read {@code id} itself. */
        boolean importWillRead(long id) {
            if (id > cursor) {
                return true;
            }
            for (OpenGap gap : gaps) {
                if (id > gap.aboveId() && id < gap.belowId()) {
                    return true;
                }
            }
            return false;
        }
    }

    private final EcoManagerSession session;
    private final OrderGateway orders;
    private final long storeId;
    private final String storeIdentifier;
    private final int pageSize;
    private final BooleanSupplier deadlineReached;

    SweepScan(
            EcoManagerSession session,
            OrderGateway orders,
            long storeId,
            String storeIdentifier,
            int pageSize,
            BooleanSupplier deadlineReached) {
        this.session = session;
        this.orders = orders;
        this.storeId = storeId;
        this.storeIdentifier = storeIdentifier;
        this.pageSize = pageSize;
        this.deadlineReached = deadlineReached;
    }

    /** Reads until the window is covered or a limit stops it; {@code findings.end} says which. */
    void scan(ImportBoundary boundary, Instant windowStart, int maxRequests, SweepFindings findings) {
        String cursor = null;
        long depth = 0;
        while (true) {
            if (session.requests() >= maxRequests) {
                findings.stopped(
                        SweepEnd.REQUEST_BUDGET,
                        "request budget of " + maxRequests + " spent at depth " + findings.deepest
                                + " (orders back to " + findings.checkedBackTo + "); older orders of the "
                                + "window were not checked");
                return;
            }
            if (deadlineReached.getAsBoolean()) {
                findings.stopped(
                        SweepEnd.DEADLINE,
                        "the run's deadline passed at depth " + findings.deepest + "; older orders were not checked");
                return;
            }
            OrdersPage page = session.orders(cursor, pageSize);
            findings.pages++;
            List<Placed> inWindow = new ArrayList<>(page.orders().size());
            for (EcoManagerOrder order : page.orders()) {
                depth++;
                if (outsideWindow(order, windowStart)) {
                    continue;
                }
                inWindow.add(new Placed(order, depth));
                findings.scanned++;
                findings.deepest = depth;
                if (order.createdAt() != null
                        && (findings.checkedBackTo == null || order.createdAt().isBefore(findings.checkedBackTo))) {
                    findings.checkedBackTo = order.createdAt();
                }
            }
            note(inWindow, boundary, findings);
            // the list is newest first: once a page ends before the window, the rest of the list does too
            // (an odd date higher up does not stop the sweep)
            if (!page.orders().isEmpty() && outsideWindow(page.orders().getLast(), windowStart)) {
                findings.stopped(SweepEnd.WINDOW_COVERED, null);
                return;
            }
            if (page.last()) {
                findings.stopped(SweepEnd.END_OF_LIST, null);
                return;
            }
            cursor = page.nextCursor();
        }
    }

    /** An order and its place in the list, newest first (1 = the newest). */
    private record Placed(EcoManagerOrder order, long depth) {}

    private static boolean outsideWindow(EcoManagerOrder order, Instant windowStart) {
        return order.createdAt() != null && order.createdAt().isBefore(windowStart);
    }

    /** Notes the page's missing {@code En dispatch} orders (one lookup of existing ids per page). */
    private void note(List<Placed> page, ImportBoundary boundary, SweepFindings findings) {
        Map<Long, Placed> candidates = new LinkedHashMap<>();
        for (Placed placed : page) {
            EcoManagerOrder order = placed.order();
            if (!order.inDispatch()) {
                continue;
            }
            if (order.id() == null) {
                findings.withoutId.add(order);
                continue;
            }
            candidates.putIfAbsent(order.id(), placed);
        }
        if (candidates.isEmpty()) {
            return;
        }
        Set<Long> existing = Outages.database(
                "looking up the orders " + storeIdentifier + " already has",
                () -> orders.existing(storeId, candidates.keySet()));
        candidates.forEach((id, placed) -> {
            if (existing.contains(id) || findings.missing.containsKey(id)) {
                return;
            }
            if (boundary.importWillRead(id)) {
                findings.leftToImport++;
            } else {
                findings.missing.put(id, new SweepFindings.Missing(placed.order(), placed.depth()));
            }
        });
    }
}
