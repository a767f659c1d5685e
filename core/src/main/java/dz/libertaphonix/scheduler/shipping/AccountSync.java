package dz.libertaphonix.scheduler.shipping;

import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.DATABASE_UNAVAILABLE;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.DEADLINE;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.NOTHING_OPEN;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.REDIS_UNAVAILABLE;

import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.common.outage.RedisUnavailableException;
import dz.libertaphonix.scheduler.maystro.MaystroClient;
import dz.libertaphonix.scheduler.runs.events.CredentialsRejections;
import dz.libertaphonix.scheduler.shipping.courier.CourierKeyRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One account's part of a run: picks the cheaper way to find its parcels ({@link ParcelWalk paging}
 * or {@link ParcelLookups one lookup per open order}), runs it, writes what is still queued, and
 * records that Maystro accepted the key. A database or Redis outage stops the account, saying so.
 */
@ApplicationScoped
public class AccountSync {

    // the sync's category, which operators already filter on
    private static final Logger LOG = Logger.getLogger(ShippingStatusSync.class);

    private final ShippingConfig config;
    private final MaystroClient client;
    private final ParcelWalk walk;
    private final ParcelLookups lookups;
    private final ParcelReconciler reconciler;
    private final CourierKeyRecorder courierKeys;
    private final CredentialsRejections rejections;

    public AccountSync(
            ShippingConfig config,
            MaystroClient client,
            ParcelWalk walk,
            ParcelLookups lookups,
            ParcelReconciler reconciler,
            CourierKeyRecorder courierKeys,
            CredentialsRejections rejections) {
        this.config = config;
        this.client = client;
        this.walk = walk;
        this.lookups = lookups;
        this.reconciler = reconciler;
        this.courierKeys = courierKeys;
        this.rejections = rejections;
    }

    AccountSyncResult sync(AccountTurn turn) {
        AccountRun run =
                new AccountRun(turn, client.session(turn.account()), courierKeys, rejections, config.pagesInFlight());
        if (run.openAtStart == 0) {
            run.stop(NOTHING_OPEN);
            return run.result(null, "no open order left to find");
        }
        if (turn.context().deadlineReached()) {
            run.stop(DEADLINE);
            return run.result(null, "deadline reached before this account's turn");
        }
        Choice choice = choose(run);
        LOG.infof("shipping sync, account %s: %s, %s", run.name(), choice.strategy(), choice.reason());
        try {
            try {
                if (choice.strategy() == SyncStrategy.LOOKUP) {
                    lookups.lookUp(run);
                } else {
                    walk.walk(run);
                }
            } finally {
                // a failed write propagates: what was committed stays, the next run decides the rest
                reconciler.flush(run);
            }
            if (run.hasAnswered() && run.turn.context().dryRun()) {
                run.turn.context().wouldDo().would("courier-accounts.accepted", run.name());
            } else if (run.hasAnswered()) {
                Outages.database(
                        "recording that Maystro account " + run.name() + " answered",
                        () -> courierKeys.markAccepted(run.name()));
            }
        } catch (DatabaseUnavailableException | RedisUnavailableException e) {
            // PostgreSQL or Redis went away: this account stops here, saying so; the next run decides again
            LOG.warnf("shipping sync, account %s: %s", run.name(), e.getMessage());
            run.error = e.getMessage();
            run.stop(e instanceof RedisUnavailableException ? REDIS_UNAVAILABLE : DATABASE_UNAVAILABLE);
        }
        return run.result(choice.strategy(), choice.reason());
    }

    private Choice choose(AccountRun run) {
        long remaining = run.openAtStart;
        long followedSince = run.turn.snapshot().followedSince();
        long estimatedPages = Math.max(1, Math.ceilDiv(followedSince, PageFeed.PAGE_SIZE));
        // a walk keeps pages-in-flight requests going, so it may read that many minus one too many
        long pagingCost = Math.min(config.pageCap(), estimatedPages + config.pagesInFlight() - 1);
        SyncStrategy strategy = run.turn.strategy();
        if (strategy != SyncStrategy.AUTO) {
            return new Choice(
                    strategy,
                    "forced (" + strategy + "); " + remaining + " open orders, about " + pagingCost + " pages");
        }
        if (remaining < pagingCost) {
            return new Choice(
                    SyncStrategy.LOOKUP,
                    remaining + " open orders: " + remaining + " lookups cost less than the about " + pagingCost
                            + " pages back to the oldest open order");
        }
        return new Choice(
                SyncStrategy.PAGING,
                remaining + " open orders: about " + pagingCost + " pages back to the oldest open order ("
                        + followedSince + " followed orders since) cost no more than " + remaining + " lookups");
    }

    private record Choice(SyncStrategy strategy, String reason) {}
}
