package dz.libertaphonix.scheduler.importing.intake;

import dz.libertaphonix.scheduler.common.ActivityLevel;
import dz.libertaphonix.scheduler.common.ActivityLogger;
import dz.libertaphonix.scheduler.orders.NewOrder;
import dz.libertaphonix.scheduler.orders.OrderGateway;
import dz.libertaphonix.scheduler.orders.StatusEventGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The intake's write step: its transactions. A batch is one transaction of a handful of set-based
 * statements (the gateways'), idempotent on {@code (store, ecomanager id)}; either all of it is
 * committed, the caller's follow-up (cursor, gaps) included, or none of it.
 */
@ApplicationScoped
public class IntakeWriter {

    private final OrderGateway orders;
    private final StatusEventGateway statusEvents;
    private final QuarantineGateway quarantine;
    private final ActivityLogger activity;
    private final Clock clock;

    public IntakeWriter(
            OrderGateway orders,
            StatusEventGateway statusEvents,
            QuarantineGateway quarantine,
            ActivityLogger activity,
            Clock clock) {
        this.orders = orders;
        this.statusEvents = statusEvents;
        this.quarantine = quarantine;
        this.activity = activity;
        this.clock = clock;
    }

    /** Quarantines orders that cannot be imported; each one also gets an activity-log entry. */
    @Transactional
    public void quarantine(IntakeStore store, List<Quarantine> rejected, UUID runId) {
        if (rejected.isEmpty()) {
            return;
        }
        quarantine.record(store.id(), rejected, runId, clock.instant());
        for (Quarantine order : rejected) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("storeId", store.id());
            metadata.put("ecomanagerId", order.ecomanagerId());
            metadata.put("reason", order.reason());
            metadata.put(
                    "payload", order.payload().length() > 8000 ? order.payload().substring(0, 8000) : order.payload());
            activity.log(
                    "order.quarantined",
                    ActivityLevel.WARN,
                    "Store " + store.identifier() + ": EcoManager order "
                            + (order.ecomanagerId() == null ? "without id" : order.ecomanagerId())
                            + " quarantined: " + order.reason(),
                    "store",
                    store.identifier(),
                    runId,
                    metadata);
        }
    }

    /**
     * One batch, one transaction: customers upserted by phone, orders inserted (skipping any the
     * store already has), their items and an IMPORT status event, quarantine rows of re-imported
     * orders resolved, orders refused by another unique key quarantined; then the request's
     * follow-up. An empty batch runs the follow-up alone.
     */
    @Transactional
    BatchOutcome commit(IntakeRequest request, List<NewOrder> batch, boolean first, boolean last) {
        IntakeStore store = request.store();
        Instant now = clock.instant();
        BatchOutcome outcome = batch.isEmpty() ? BatchOutcome.EMPTY : insert(store.id(), batch, request.runId(), now);
        if (!outcome.conflicts().isEmpty()) {
            quarantine.record(store.id(), outcome.conflicts(), request.runId(), clock.instant());
        }
        Long highest = batch.isEmpty() ? null : batch.get(batch.size() - 1).ecomanagerId();
        request.followUp().within(new BatchSlot(first, last, highest, outcome.inserted(), now));
        for (Quarantine conflict : outcome.conflicts()) {
            activity.log(
                    "order.quarantined",
                    ActivityLevel.WARN,
                    "Store " + store.identifier() + ": EcoManager order " + conflict.ecomanagerId() + " quarantined: "
                            + conflict.reason(),
                    "store",
                    store.identifier(),
                    request.runId(),
                    Map.of(
                            "storeId",
                            store.id(),
                            "ecomanagerId",
                            conflict.ecomanagerId(),
                            "reason",
                            conflict.reason()));
        }
        return outcome;
    }

    private BatchOutcome insert(long storeId, List<NewOrder> batch, UUID runId, Instant now) {
        Map<Long, Long> inserted = orders.insert(storeId, batch, runId, now);
        int duplicates = 0;
        List<Quarantine> conflicts = new ArrayList<>();
        if (inserted.size() < batch.size()) {
            List<Long> missing = batch.stream()
                    .map(NewOrder::ecomanagerId)
                    .filter(id -> !inserted.containsKey(id))
                    .toList();
            Set<Long> present = orders.existing(storeId, missing);
            for (NewOrder order : batch) {
                if (inserted.containsKey(order.ecomanagerId())) {
                    continue;
                }
                if (present.contains(order.ecomanagerId())) {
                    duplicates++;
                } else {
                    // the only other unique key of an order: its reference within the store
                    conflicts.add(new Quarantine(
                            order.ecomanagerId(),
                            "reference " + order.reference() + " is already used by another order of this store",
                            order.rawJson()));
                }
            }
        }
        if (inserted.isEmpty()) {
            return new BatchOutcome(Map.of(), duplicates, conflicts);
        }
        statusEvents.recordImported(new ArrayList<>(inserted.values()), runId, now);
        quarantine.resolve(storeId, inserted.keySet(), now);
        return new BatchOutcome(inserted, duplicates, conflicts);
    }
}
