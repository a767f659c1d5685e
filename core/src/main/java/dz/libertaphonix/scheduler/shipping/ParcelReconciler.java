package dz.libertaphonix.scheduler.shipping;

import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.maystro.MaystroStatus;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.runs.DryRunReport;
import dz.libertaphonix.scheduler.shipping.changes.ShippingChange;
import dz.libertaphonix.scheduler.shipping.changes.ShippingChangeApplier;
import dz.libertaphonix.scheduler.shipping.changes.ShippingRules;
import dz.libertaphonix.scheduler.shipping.matching.OrderShippingState;
import dz.libertaphonix.scheduler.shipping.matching.ParcelMatch;
import dz.libertaphonix.scheduler.shipping.matching.ShipmentMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The sync's match and write steps for a group of parcels (a run of pages, or looked-up parcels):
 * one matching query for the group, a decision per open order not found yet, and the changes queued
 * and written {@code batch-size} at a time, each batch one statement in its own transaction.
 */
@ApplicationScoped
public class ParcelReconciler {

    // the sync's category, which operators already filter on
    private static final Logger LOG = Logger.getLogger(ShippingStatusSync.class);

    private final ShipmentMatcher matcher;
    private final ShippingRules rules;
    private final ShippingChangeApplier changes;
    private final ShippingConfig config;

    public ParcelReconciler(
            ShipmentMatcher matcher, ShippingRules rules, ShippingChangeApplier changes, ShippingConfig config) {
        this.matcher = matcher;
        this.rules = rules;
        this.changes = changes;
        this.config = config;
    }

    /** Matches the parcels, in order (the newest first, so that its parcel speaks for a re-shipped order). */
    void reconcile(List<MaystroParcel> parcels, AccountRun run) {
        if (parcels.isEmpty()) {
            return;
        }
        List<ParcelMatch> matches = Outages.database(
                "matching the parcels of Maystro account " + run.name(),
                () -> matcher.match(parcels, run.turn.criteria()));
        for (ParcelMatch match : matches) {
            switch (match.outcome()) {
                case AMBIGUOUS -> {
                    if (match.concernsAnOpenOrder()) {
                        run.ambiguous++;
                        LOG.warnf(
                                "shipping sync, account %s: parcel %s matches %d orders, none updated",
                                run.name(),
                                match.parcel().externalOrderId(),
                                match.candidates().size());
                    }
                }
                case UNMATCHED -> {
                    // another business's parcel, or an order outside the window: not ours to follow
                }
                case MATCHED -> decide(match.order(), match.parcel(), run);
            }
        }
    }

    /** Writes the changes still queued. */
    void flush(AccountRun run) {
        if (run.pending.isEmpty()) {
            return;
        }
        List<ShippingChange> batch = List.copyOf(run.pending);
        run.pending.clear();
        if (run.turn.context().dryRun()) {
            wouldApply(batch, run);
            return;
        }
        ShippingChangeApplier.Applied applied = Outages.database(
                "writing " + batch.size() + " parcel changes of Maystro account " + run.name(),
                () -> changes.apply(
                        batch,
                        StatusEventSource.SHIPPING_SYNC,
                        run.turn.context().runId()));
        for (ShippingChange change : applied.changed()) {
            run.changed++;
            run.changedByStatus.merge(change.statusChanged() ? change.status().name() : "SHIPPING_ONLY", 1L, Long::sum);
        }
        run.unchanged += applied.alreadyCurrent();
        run.conflicts += applied.conflicts();
    }

    /**
     * A dry run's write step: each decided change reported (a status change with its from and to, or
     * the courier fields alone), counted as the real run would count it, nothing written.
     */
    private static void wouldApply(List<ShippingChange> batch, AccountRun run) {
        DryRunReport report = run.turn.context().wouldDo();
        for (ShippingChange change : batch) {
            OrderShippingState before = change.before();
            String order = "order " + before.id() + " (" + before.reference() + ")";
            if (change.statusChanged()) {
                report.would("orders.status", order + ": " + before.status() + " → " + change.status());
            } else {
                report.would(
                        "orders.courier-fields",
                        order + ": Maystro " + change.shippingCode() + " " + change.shippingLabel());
            }
            run.changed++;
            run.changedByStatus.merge(change.statusChanged() ? change.status().name() : "SHIPPING_ONLY", 1L, Long::sum);
        }
    }

    private void decide(OrderShippingState order, MaystroParcel parcel, AccountRun run) {
        if (!order.open() || !run.turn.found().add(order.id())) {
            return;
        }
        run.checked++;
        if (parcel.statusCode() != null && !MaystroStatus.known(parcel.statusCode())) {
            run.unknownCodes.merge(String.valueOf(parcel.statusCode()), 1L, Long::sum);
            LOG.warnf(
                    "shipping sync, account %s: unknown Maystro status code %d for order %d, stored as %s",
                    run.name(), parcel.statusCode(), order.id(), MaystroStatus.labelOf(parcel.statusCode()));
        }
        Optional<ShippingChange> change = rules.decide(order, parcel, run.name());
        if (change.isEmpty()) {
            run.unchanged++;
            return;
        }
        run.pending.add(change.get());
        if (run.pending.size() >= config.batchSize()) {
            flush(run);
        }
    }
}
