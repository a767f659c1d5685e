package dz.libertaphonix.scheduler.shipping;

import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.ALL_FOUND;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.END_OF_LIST;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.OLDER_THAN_OPEN_ORDERS;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.PAGE_CAP;

import dz.libertaphonix.scheduler.maystro.CourierCredentialsRejectedException;
import dz.libertaphonix.scheduler.maystro.MaystroPage;
import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The paging strategy: walks an account's parcel list newest first, {@code pages-in-flight} pages
 * requested at once ({@link PageFeed}), until every open order is found, the pages are older than
 * the oldest open order, the list ends or the page cap is hit. Pages are applied in order, each run
 * of them with one matching query ({@link ParcelReconciler}).
 */
@ApplicationScoped
public class ParcelWalk {

    private final ShippingConfig config;
    private final ParcelReconciler reconciler;

    public ParcelWalk(ShippingConfig config, ParcelReconciler reconciler) {
        this.config = config;
        this.reconciler = reconciler;
    }

    void walk(AccountRun run) {
        Instant boundary = run.turn.snapshot().oldestPlacedAt().minus(config.pageAgeMargin());
        PageFeed feed = new PageFeed(run, config.pagesInFlight(), config.pageCap());
        // pages may arrive out of order; they are applied in order, newest first, so that of two
        // parcels for one order (a re-shipment) the newer one wins
        TreeMap<Integer, PageOutcome> arrived = new TreeMap<>();
        int nextToApply = 1;
        try {
            feed.fill();
            while (!feed.drained()) {
                PageOutcome outcome = feed.next();
                if (outcome.failure() instanceof CourierCredentialsRejectedException) {
                    // the key is refused whatever the page: record it now, not when its turn comes
                    run.failedRequest(outcome.failure(), "page " + outcome.number());
                }
                arrived.put(outcome.number(), outcome);
                List<PageOutcome> ready = new ArrayList<>();
                while (arrived.containsKey(nextToApply)) {
                    ready.add(arrived.remove(nextToApply++));
                }
                if (!ready.isEmpty()) {
                    apply(ready, boundary, feed, run);
                    feed.applied(nextToApply);
                }
                run.turn.context().progress("pages", nextToApply - 1, feed.pagesKnown());
            }
        } finally {
            feed.close();
        }
        run.stop(feed.lastPage() <= config.pageCap() ? END_OF_LIST : PAGE_CAP);
    }

    /**
     * Applies consecutive pages, in order, with one matching query for all their parcels, then
     * decides whether the walk has gone far enough.
     */
    private void apply(List<PageOutcome> pages, Instant boundary, PageFeed feed, AccountRun run) {
        List<MaystroParcel> parcels = new ArrayList<>();
        boolean older = false;
        for (PageOutcome outcome : pages) {
            if (outcome.pastEnd()) {
                continue;
            }
            if (outcome.failure() != null) {
                if (!(outcome.failure() instanceof CourierCredentialsRejectedException)) {
                    run.failedRequest(outcome.failure(), "page " + outcome.number());
                }
                continue;
            }
            MaystroPage page = outcome.page();
            run.answered();
            run.unreadable += page.unreadable();
            parcels.addAll(page.parcels());
            if (page.last()) {
                feed.lastPage(page.number());
            }
            older |= olderThan(page, boundary);
        }
        reconciler.reconcile(parcels, run);
        if (run.turn.found().count() >= run.turn.snapshot().count()) {
            run.stop(ALL_FOUND);
        } else if (older) {
            run.stop(OLDER_THAN_OPEN_ORDERS);
        }
    }

    private static boolean olderThan(MaystroPage page, Instant boundary) {
        Instant newest = page.parcels().stream()
                .map(MaystroParcel::bornAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return newest != null && newest.isBefore(boundary);
    }
}
