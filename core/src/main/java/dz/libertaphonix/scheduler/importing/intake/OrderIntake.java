package dz.libertaphonix.scheduler.importing.intake;

import dz.libertaphonix.scheduler.agents.AssignmentOutcome;
import dz.libertaphonix.scheduler.agents.AssignmentPreview;
import dz.libertaphonix.scheduler.agents.AssignmentService;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.importing.ImportConfig;
import dz.libertaphonix.scheduler.orders.NewOrder;
import dz.libertaphonix.scheduler.orders.OrderGateway;
import dz.libertaphonix.scheduler.runs.DryRunReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one way an EcoManager order enters the database, whoever read it (the hourly walk today; a
 * webhook delivery or a nightly sweep may call it the same way): validate or quarantine, insert
 * idempotently on {@code (store, ecomanager id)}, assign an agent.
 *
 * <p>Steps: {@link OrderValidation validate} the parsed orders; drop those the store already has;
 * {@link IntakeWriter#quarantine quarantine} the malformed; commit the rest oldest first in batches
 * of {@code batchSize}, each {@link IntakeWriter#commit one transaction} with the caller's follow-up;
 * {@link AssignmentService assign} each committed batch. A database outage is named after the step
 * it stopped ({@link Outages}).
 */
@ApplicationScoped
public class OrderIntake {

    private final IntakeWriter writer;
    private final AssignmentService assignment;
    private final OrderGateway orders;
    private final ImportConfig config;

    public OrderIntake(IntakeWriter writer, AssignmentService assignment, OrderGateway orders, ImportConfig config) {
        this.writer = writer;
        this.assignment = assignment;
        this.orders = orders;
        this.config = config;
    }

    /**
     * Takes the request's orders in.
     *
     * @return false when {@link IntakeRequest#stopRequested()} stopped it between two batches: what
     *     was committed stays, the rest is for the caller to read again
     */
    public boolean take(IntakeRequest request) {
        IntakeStore store = request.store();
        OrderValidation.Validated validated = OrderValidation.validate(request.orders());
        List<NewOrder> importable = new ArrayList<>(validated.importable().values());
        List<Quarantine> rejected = new ArrayList<>(validated.quarantine());
        dropExisting(request, importable, rejected);
        if (!rejected.isEmpty()) {
            Outages.database(
                    "quarantining " + rejected.size() + " orders of " + store.identifier(),
                    () -> writer.quarantine(store, rejected, request.runId()));
            request.tally().quarantined(rejected);
        }

        importable.sort(Comparator.comparingLong(NewOrder::ecomanagerId));
        List<List<NewOrder>> batches = new ArrayList<>();
        for (int from = 0; from < importable.size(); from += config.batchSize()) {
            batches.add(importable.subList(from, Math.min(importable.size(), from + config.batchSize())));
        }
        request.progress().expect(importable.size());
        if (batches.isEmpty()) {
            Outages.database(
                    "moving the import cursor of " + store.identifier(),
                    () -> writer.commit(request, List.of(), true, true));
            return true;
        }
        for (int i = 0; i < batches.size(); i++) {
            if (request.stopRequested().getAsBoolean()) {
                return false;
            }
            commit(request, batches.get(i), i + 1, batches.size());
        }
        return true;
    }

    /**
     * A dry run's intake: the same validation and the same lookups as {@link #take}, and what would be
     * written reported instead of written: the orders it would import ({@code orders.import}),
     * quarantine ({@code orders.quarantine}, with the reason) and assign ({@code orders.assign}, with
     * the agent the assignment rule picks; {@code orders.unassigned} when no agent has capacity left).
     * The caller's follow-up is called once, as the last batch's would be, so it can report where it
     * would move its cursor; it must not write.
     */
    public void preview(IntakeRequest request, DryRunReport report, AssignmentPreview assignments) {
        IntakeStore store = request.store();
        OrderValidation.Validated validated = OrderValidation.validate(request.orders());
        List<NewOrder> importable = new ArrayList<>(validated.importable().values());
        List<Quarantine> rejected = new ArrayList<>(validated.quarantine());
        dropExisting(request, importable, rejected);
        importable.sort(Comparator.comparingLong(NewOrder::ecomanagerId));
        // the insert refuses a reference another order of the store has: the commit would quarantine it
        Set<String> taken = Outages.database(
                "looking up the references " + store.identifier() + " already uses",
                () -> orders.takenReferences(
                        store.id(), importable.stream().map(NewOrder::reference).toList()));
        Set<String> seen = new HashSet<>(taken);
        List<NewOrder> inserted = new ArrayList<>();
        for (NewOrder order : importable) {
            if (seen.add(order.reference())) {
                inserted.add(order);
            } else {
                rejected.add(new Quarantine(
                        order.ecomanagerId(),
                        "reference " + order.reference() + " is already used by another order of this store",
                        order.rawJson()));
            }
        }
        report.would(
                "orders.quarantine",
                rejected.size(),
                rejected.stream()
                        .map(q -> store.identifier() + "/" + (q.ecomanagerId() == null ? "?" : q.ecomanagerId()) + ": "
                                + q.reason())
                        .toList());
        request.tally().quarantined(rejected);
        List<String> labels = inserted.stream()
                .map(order -> store.identifier() + "/" + order.ecomanagerId() + " (" + order.reference() + ")")
                .toList();
        report.would("orders.import", inserted.size(), labels);
        request.progress().expect(inserted.size());
        request.tally()
                .imported(
                        inserted.size(),
                        inserted.stream()
                                .filter(order -> order.ecomanagerId() <= request.seenUpTo())
                                .count());
        if (!inserted.isEmpty()) {
            AssignmentPreview.Plan plan = assignments.plan(labels.stream()
                    .map(label -> new AssignmentPreview.Candidate(label, store.id()))
                    .toList());
            report.would("orders.assign", plan.assigned().size(), plan.assigned());
            if (!plan.unassigned().isEmpty()) {
                report.would("orders.unassigned", plan.unassigned().size(), plan.unassigned());
            }
            request.tally().assigned(plan.assigned().size(), plan.unassigned().size());
        }
        Long highest =
                inserted.isEmpty() ? null : inserted.get(inserted.size() - 1).ecomanagerId();
        // a dry run's follow-up writes no gap row: its slot needs no time
        request.followUp().within(new BatchSlot(true, true, highest, Map.of(), null));
        request.progress().committed(inserted.size());
    }

    /**
     * Orders the store already has are not inserted again (above the boundary, they count as
     * duplicates), and an order already imported is not quarantined because a later version of it is
     * malformed.
     */
    private void dropExisting(IntakeRequest request, List<NewOrder> importable, List<Quarantine> rejected) {
        Set<Long> known = new HashSet<>();
        importable.forEach(order -> known.add(order.ecomanagerId()));
        rejected.stream().map(Quarantine::ecomanagerId).filter(Objects::nonNull).forEach(known::add);
        IntakeStore store = request.store();
        Set<Long> existing = Outages.database(
                "looking up the orders " + store.identifier() + " already has",
                () -> orders.existing(store.id(), known));
        long duplicates = importable.stream()
                .filter(order -> existing.contains(order.ecomanagerId()) && order.ecomanagerId() > request.seenUpTo())
                .count();
        request.tally().duplicates(duplicates);
        importable.removeIf(order -> existing.contains(order.ecomanagerId()));
        rejected.removeIf(q -> q.ecomanagerId() != null && existing.contains(q.ecomanagerId()));
    }

    private void commit(IntakeRequest request, List<NewOrder> batch, int number, int of) {
        String batchName = "batch " + number + " of " + request.store().identifier();
        BatchOutcome outcome = Outages.database(
                "committing " + batchName, () -> writer.commit(request, batch, number == 1, number == of));
        IntakeTally tally = request.tally();
        tally.imported(
                outcome.inserted().size(),
                outcome.inserted().keySet().stream()
                        .filter(id -> id <= request.seenUpTo())
                        .count());
        tally.duplicates(outcome.duplicates());
        tally.quarantined(outcome.conflicts());
        if (!outcome.inserted().isEmpty()) {
            AssignmentOutcome assigned = Outages.database(
                    "assigning " + batchName + " to agents",
                    () -> assignment.assign(outcome.insertedOrderIds(), request.runId()));
            tally.assigned(assigned.assigned(), assigned.unassigned());
        }
        request.progress().committed(batch.size());
    }
}
