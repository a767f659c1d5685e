package dz.libertaphonix.scheduler.reconcile;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the read phase of a store's sweep found, counted as it goes (a failure half-way keeps what was
 * found before it). Nothing in it has been written anywhere.
 */
final class SweepFindings {

    /** A missing order as read, with its place in the list. */
    record Missing(EcoManagerOrder order, long depth) {}

    /** Missing orders at or below the cursor, by EcoManager id, newest first. */
    final Map<Long, Missing> missing = new LinkedHashMap<>();

    /** {@code En dispatch} orders without an id: they cannot be matched, the intake quarantines them. */
    final List<EcoManagerOrder> withoutId = new ArrayList<>();

    SweepEnd end;
    String error;
    long scanned;
    long deepest;
    long pages;
    long leftToImport;
    Instant checkedBackTo;

    /** The orders the write phase takes in: the missing ones and the id-less ones. */
    List<EcoManagerOrder> toTake() {
        List<EcoManagerOrder> orders = new ArrayList<>(missing.size() + withoutId.size());
        missing.values().forEach(m -> orders.add(m.order()));
        orders.addAll(withoutId);
        return orders;
    }

    void stopped(SweepEnd end, String error) {
        this.end = end;
        this.error = error;
    }
}
