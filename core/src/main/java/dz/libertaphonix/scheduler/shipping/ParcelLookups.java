package dz.libertaphonix.scheduler.shipping;

import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.DEADLINE;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.LOOKUPS_DONE;

import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.shipping.matching.OpenOrderGateway;
import dz.libertaphonix.scheduler.shipping.matching.OpenOrderGateway.OpenOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The lookup strategy, for when few orders are open: asks Maystro for each open order's parcels by
 * its reference, {@code pages-in-flight} lookups at once, reading the open orders in keyset chunks.
 */
@ApplicationScoped
public class ParcelLookups {

    private final ShippingConfig config;
    private final OpenOrderGateway openOrders;
    private final ParcelReconciler reconciler;

    public ParcelLookups(ShippingConfig config, OpenOrderGateway openOrders, ParcelReconciler reconciler) {
        this.config = config;
        this.openOrders = openOrders;
        this.reconciler = reconciler;
    }

    void lookUp(AccountRun run) {
        int width = config.pagesInFlight();
        int chunkSize = config.openOrderChunk();
        long afterId = run.turn.snapshot().minId() - 1;
        int inFlight = 0;
        int done = 0;
        BlockingQueue<LookupOutcome> arrived = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("maystro-" + run.name() + "-", 0).factory());
        try {
            boolean more = true;
            while (more && !run.stopped()) {
                long after = afterId;
                List<OpenOrder> chunk = Outages.database(
                        "reading the open orders of Maystro account " + run.name(),
                        () -> openOrders.chunk(run.turn.criteria(), after, chunkSize));
                more = chunk.size() == chunkSize;
                for (OpenOrder order : chunk) {
                    afterId = order.id();
                    if (run.stopped() || run.turn.found().contains(order.id())) {
                        continue;
                    }
                    while (inFlight >= width) {
                        handle(AccountRun.take(arrived), run);
                        inFlight--;
                        run.turn.context().progress("lookups", ++done, run.openAtStart);
                    }
                    if (run.stopped()) {
                        continue;
                    }
                    if (run.turn.context().deadlineReached()) {
                        run.stop(DEADLINE);
                        continue;
                    }
                    inFlight++;
                    pool.execute(() -> arrived.add(lookUp(order, run)));
                }
            }
            while (inFlight > 0) {
                handle(AccountRun.take(arrived), run);
                inFlight--;
                run.turn.context().progress("lookups", ++done, run.openAtStart);
            }
        } finally {
            pool.shutdownNow();
        }
        run.stop(LOOKUPS_DONE);
    }

    private static LookupOutcome lookUp(OpenOrder order, AccountRun run) {
        try {
            return new LookupOutcome(order, run.session.findByExternalOrderId(order.reference()), null);
        } catch (RuntimeException | Error e) {
            return new LookupOutcome(order, List.of(), e);
        }
    }

    private void handle(LookupOutcome outcome, AccountRun run) {
        if (outcome.failure() != null) {
            run.failedRequest(outcome.failure(), "lookup");
            return;
        }
        run.answered();
        if (!outcome.parcels().isEmpty()) {
            // a re-shipped order has several parcels: the newest speaks for it
            List<MaystroParcel> newestFirst = new ArrayList<>(outcome.parcels());
            newestFirst.sort(Comparator.comparing(
                            MaystroParcel::bornAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                    .reversed());
            reconciler.reconcile(newestFirst, run);
        }
        if (!run.turn.found().contains(outcome.order().id())) {
            run.lookedUpNotFound++;
        }
    }

    private record LookupOutcome(OpenOrder order, List<MaystroParcel> parcels, Throwable failure) {}
}
