package dz.libertaphonix.scheduler.importing.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * What the intake did for one store, counted as it goes (a failure half-way keeps the counts of the
 * batches already committed). Not thread-safe: one store's intake runs on one thread.
 */
public final class IntakeTally {

    private final int quarantineDetailLimit;
    private final List<QuarantineNote> quarantine = new ArrayList<>();
    private long imported;
    private long lateFound;
    private long duplicates;
    private long quarantined;
    private long assigned;
    private long unassigned;

    /** @param quarantineDetailLimit quarantined orders listed by id and reason (all are counted) */
    public IntakeTally(int quarantineDetailLimit) {
        this.quarantineDetailLimit = quarantineDetailLimit;
    }

    /** New orders committed. */
    public long imported() {
        return imported;
    }

    /** Of {@link #imported()}, orders at or below the boundary already examined (they arrived late). */
    public long lateFound() {
        return lateFound;
    }

    /** Orders above the boundary that were already stored. */
    public long duplicates() {
        return duplicates;
    }

    public long quarantined() {
        return quarantined;
    }

    /** The first quarantined orders, by EcoManager id and reason. */
    public List<QuarantineNote> quarantine() {
        return List.copyOf(quarantine);
    }

    public long assigned() {
        return assigned;
    }

    /** Imported orders that found no agent with capacity left. */
    public long unassigned() {
        return unassigned;
    }

    void imported(long count, long late) {
        imported += count;
        lateFound += late;
    }

    void duplicates(long count) {
        duplicates += count;
    }

    void quarantined(List<Quarantine> orders) {
        for (Quarantine order : orders) {
            quarantined++;
            if (quarantine.size() < quarantineDetailLimit) {
                quarantine.add(new QuarantineNote(order.ecomanagerId(), order.reason()));
            }
        }
    }

    void assigned(long count, long without) {
        assigned += count;
        unassigned += without;
    }
}
