package dz.libertaphonix.scheduler.shipping.changes;

import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.shipping.matching.OrderShippingState;
import dz.libertaphonix.scheduler.shipping.matching.ShipmentGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies decided changes: the one write path of the sync and the webhook. A change that lost its
 * compare-and-set (the order moved meanwhile) is decided once more against the fresh row and written
 * again; one that loses twice is reported as a conflict and left to the next run.
 */
@ApplicationScoped
public class ShippingChangeApplier {

    private final ShippingChangeGateway writer;
    private final ShipmentGateway shipments;
    private final ShippingRules rules;

    public ShippingChangeApplier(ShippingChangeGateway writer, ShipmentGateway shipments, ShippingRules rules) {
        this.writer = writer;
        this.shipments = shipments;
        this.rules = rules;
    }

    public Applied apply(List<ShippingChange> batch, StatusEventSource source, UUID runId) {
        List<ShippingChange> changed = new ArrayList<>(batch.size());
        List<ShippingChange> lost = written(batch, writer.write(batch, source, runId), changed);
        if (lost.isEmpty()) {
            return new Applied(changed, 0, 0);
        }
        Map<Long, OrderShippingState> fresh =
                shipments.states(lost.stream().map(ShippingChange::orderId).toList());
        List<ShippingChange> retry = new ArrayList<>(lost.size());
        int settled = 0;
        for (ShippingChange change : lost) {
            OrderShippingState now = fresh.get(change.orderId());
            Optional<ShippingChange> again =
                    now == null ? Optional.empty() : rules.decide(now, change.parcel(), change.account());
            if (again.isPresent()) {
                retry.add(again.get());
            } else {
                settled++;
            }
        }
        List<ShippingChange> lostTwice = written(retry, writer.write(retry, source, runId), changed);
        return new Applied(changed, settled, lostTwice.size());
    }

    private static List<ShippingChange> written(
            List<ShippingChange> batch, List<Long> appliedIds, List<ShippingChange> changed) {
        Set<Long> applied = new HashSet<>(appliedIds);
        List<ShippingChange> lost = new ArrayList<>();
        for (ShippingChange change : batch) {
            if (applied.contains(change.orderId())) {
                changed.add(change);
            } else {
                lost.add(change);
            }
        }
        return lost;
    }

    /**
     * @param changed the changes now in the database (each with its event row)
     * @param alreadyCurrent changes found unnecessary when decided again (someone applied the same)
     * @param conflicts changes that lost the compare-and-set twice: not written
     */
    public record Applied(List<ShippingChange> changed, int alreadyCurrent, int conflicts) {}
}
