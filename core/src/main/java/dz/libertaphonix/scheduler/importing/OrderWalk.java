package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerSession;
import dz.libertaphonix.scheduler.ecomanager.OrdersPage;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads a store's order list newest first, from a starting cursor, until it has seen enough orders
 * at or below a boundary id (the store's import cursor, or the lower end of a gap).
 *
 * <p>EcoManager's list is cursor-paginated: there is no random access, so the boundary is reached
 * by walking down from the newest page. Orders above the boundary are new; the {@code rescan}
 * orders at or below it are looked at again to catch orders that reached {@code En dispatch} after
 * higher ids existed. Every order on a page that was fetched anyway is examined: the re-scan of the
 * first page costs nothing, so a quiet hour is one request and n new orders cost ⌈(n + rescan)/100⌉.
 *
 * <p>The re-scan window is counted in places of the list, not in ids: an order without an id (it is
 * quarantined and stays in EcoManager's list) still takes a place. The list being sorted, such an
 * order lies between its neighbours: it is at or below the boundary when the order with an id
 * before it is, or the next order with an id is. Counting only the orders whose id could be compared
 * made a first page holding one id-less order look one order short of the window, and every quiet
 * hour read a second page for it.
 *
 * <p>Only orders that may be imported are kept in memory ({@code En dispatch}, or without a state
 * to judge them by); the others are counted.
 */
final class OrderWalk {

    enum End {
        /** Enough orders at or below the boundary were seen. */
        REACHED,
        /** The list has no more pages. */
        END_OF_LIST,
        /** The page budget ran out first; {@link Result#nextCursor()} resumes the walk. */
        PAGE_CAP,
        /** The run's deadline passed between two pages. */
        DEADLINE
    }

    /**
     * @param kept orders to import or quarantine, in the order read
     * @param topId highest id read, null when no page had an id
     * @param lowestId lowest id read, null when no page had an id
     * @param nextCursor cursor of the page after the last one read, null at the end of the list
     */
    record Result(List<EcoManagerOrder> kept, Long topId, Long lowestId, String nextCursor, int pages, End end) {}

    private final EcoManagerSession session;
    private final int pageSize;
    private final BooleanSupplier deadlineReached;
    private final StoreTally tally;

    /** Walks of one store in one run: pages of {@code pageSize}, counted in {@code tally}. */
    OrderWalk(EcoManagerSession session, int pageSize, BooleanSupplier deadlineReached, StoreTally tally) {
        this.session = session;
        this.pageSize = pageSize;
        this.deadlineReached = deadlineReached;
        this.tally = tally;
    }

    /**
     * Walks from {@code startCursor} (null: the newest page) until {@code rescan} orders (at least
     * one) at or below {@code boundary} were seen, the list ends, {@code maxPages} pages were read or
     * the deadline passed.
     */
    Result walk(String startCursor, long boundary, int rescan, int maxPages) {
        List<EcoManagerOrder> kept = new ArrayList<>();
        // at least one order at or below the boundary proves the walk got there
        int needBelow = Math.max(1, rescan);
        int seenBelow = 0;
        // orders without an id read since the last order with one, not placed yet
        int unplaced = 0;
        boolean previousBelow = false;
        Long top = null;
        Long lowest = null;
        String cursor = startCursor;
        int pages = 0;
        while (true) {
            if (pages >= maxPages) {
                return new Result(kept, top, lowest, cursor, pages, End.PAGE_CAP);
            }
            if (deadlineReached.getAsBoolean()) {
                return new Result(kept, top, lowest, cursor, pages, End.DEADLINE);
            }
            OrdersPage page = session.orders(cursor, pageSize);
            pages++;
            tally.pages++;
            for (EcoManagerOrder order : page.orders()) {
                tally.fetched++;
                Long id = order.id();
                if (id != null) {
                    top = top == null ? id : Math.max(top, id);
                    lowest = lowest == null ? id : Math.min(lowest, id);
                    previousBelow = id <= boundary;
                    // orders without an id just before this one share its side of the boundary
                    if (previousBelow) {
                        seenBelow += 1 + unplaced;
                    }
                    unplaced = 0;
                } else if (previousBelow) {
                    seenBelow++;
                } else {
                    unplaced++;
                }
                if (order.inDispatch() || order.state() == null) {
                    kept.add(order);
                } else {
                    tally.skipped++;
                    if (OrderStatus.fromEcoManagerState(order.state()).isEmpty()) {
                        tally.unknownStates.merge(order.state(), 1L, Long::sum);
                    }
                }
            }
            cursor = page.nextCursor();
            if (seenBelow >= needBelow) {
                return new Result(kept, top, lowest, cursor, pages, End.REACHED);
            }
            if (page.last()) {
                return new Result(kept, top, lowest, null, pages, End.END_OF_LIST);
            }
        }
    }
}
