package dz.libertaphonix.scheduler.shipping;

import dz.libertaphonix.scheduler.common.ActivityLevel;
import dz.libertaphonix.scheduler.common.ActivityLogger;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.maystro.MaystroCredentials;
import dz.libertaphonix.scheduler.runs.JobContext;
import dz.libertaphonix.scheduler.shipping.matching.OpenOrderCriteria;
import dz.libertaphonix.scheduler.shipping.matching.OpenOrderGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Brings every open order up to its Maystro parcel's state, account by account ({@link AccountSync}).
 *
 * <p>Per account it picks the cheaper way to find the parcels: walking the parcel list newest first
 * with {@code pages-in-flight} pages requested at once, until every open order is found, the pages
 * are older than the oldest open order, the list ends or the page cap is hit; or, when few orders are
 * open, one lookup per order by reference. Parcels are matched in groups (one query per page), each
 * changed order is queued, and every {@code batch-size} changes are written with one statement in
 * their own transaction. Memory holds a bounded window of pages, one batch and one bit per open
 * order, whatever the number of orders or parcels.
 *
 * <p>A failed page is never read as an empty one: while any page failed, orders not found are
 * reported "not checked", never "not found" or "unchanged". At the run's deadline no new request is
 * made; what was fetched is written and the run reports itself cut short.
 */
@ApplicationScoped
public class ShippingStatusSync {

    private static final Logger LOG = Logger.getLogger(ShippingStatusSync.class);

    static final String ALL_FOUND = "ALL_FOUND";
    static final String OLDER_THAN_OPEN_ORDERS = "OLDER_THAN_OPEN_ORDERS";
    static final String END_OF_LIST = "END_OF_LIST";
    static final String PAGE_CAP = "PAGE_CAP";
    static final String DEADLINE = "DEADLINE";
    static final String CREDENTIALS_REJECTED = "CREDENTIALS_REJECTED";
    static final String UPSTREAM_FAILING = "UPSTREAM_FAILING";
    static final String LOOKUPS_DONE = "LOOKUPS_DONE";
    static final String NOTHING_OPEN = "NOTHING_OPEN";
    static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    static final String REDIS_UNAVAILABLE = "REDIS_UNAVAILABLE";

    private final ShippingConfig config;
    private final OpenOrderGateway openOrders;
    private final AccountSync accountSync;
    private final ActivityLogger activity;

    public ShippingStatusSync(
            ShippingConfig config, OpenOrderGateway openOrders, AccountSync accountSync, ActivityLogger activity) {
        this.config = config;
        this.openOrders = openOrders;
        this.accountSync = accountSync;
        this.activity = activity;
    }

    /** Syncs the open orders against these accounts, in order; stops asking Maystro at the deadline. */
    public ShippingSyncReport run(List<MaystroCredentials> accounts, JobContext context) {
        return run(accounts, context, config.strategy());
    }

    /** As {@link #run(List, JobContext)}, with {@code strategy} instead of the configured one. */
    public ShippingSyncReport run(List<MaystroCredentials> accounts, JobContext context, SyncStrategy strategy) {
        Instant now = context.clock().instant();
        OpenOrderCriteria unbounded =
                OpenOrderCriteria.unbounded(now.minus(config.openOrderMaxAge()), config.trackedStatuses());
        OpenOrderGateway.Snapshot snapshot =
                Outages.database("reading the open orders", () -> openOrders.snapshot(unbounded));
        OpenOrderCriteria criteria = unbounded.withIds(snapshot.minId(), snapshot.maxId());
        FoundOrders found = new FoundOrders(snapshot.minId(), snapshot.maxId());
        LOG.infof(
                "shipping sync: %d open orders (%d followed orders placed since the oldest, %s)",
                snapshot.count(), snapshot.followedSince(), snapshot.oldestPlacedAt());

        List<AccountSyncResult> results = new ArrayList<>(accounts.size());
        for (MaystroCredentials account : accounts) {
            AccountSyncResult result =
                    accountSync.sync(new AccountTurn(account, snapshot, criteria, found, context, strategy));
            results.add(result);
            try {
                logActivity(result, context);
            } catch (RuntimeException e) {
                // the account's result is in the run ledger either way; a lost log line must not fail the run
                LOG.warnf("could not write the activity log of account %s: %s", result.account(), e.getMessage());
            }
        }

        boolean deadline = results.stream().anyMatch(r -> DEADLINE.equals(r.stoppedBecause()));
        boolean everyAccountComplete = !accounts.isEmpty() && results.stream().allMatch(AccountSyncResult::complete);
        long checked = found.count();
        long unfound = snapshot.count() - checked;
        long notFound = everyAccountComplete ? unfound : 0;
        return new ShippingSyncReport(
                snapshot.count(),
                checked,
                results.stream().mapToLong(AccountSyncResult::changed).sum(),
                results.stream().mapToLong(AccountSyncResult::unchanged).sum(),
                notFound,
                unfound - notFound,
                results.stream().mapToLong(AccountSyncResult::requests).sum(),
                deadline,
                results);
    }

    private void logActivity(AccountSyncResult result, JobContext context) {
        boolean clean = result.complete() || NOTHING_OPEN.equals(result.stoppedBecause());
        String description = String.format(
                "Maystro account %s: %d open, %d checked, %d changed, %d unchanged, %d not found, %d not checked"
                        + " (%s, %d requests, %s)%s",
                result.account(),
                result.openOrders(),
                result.checked(),
                result.changed(),
                result.unchanged(),
                result.notFound(),
                result.notChecked(),
                result.strategy() == null ? "no strategy" : result.strategy(),
                result.requests(),
                result.stoppedBecause(),
                result.error() == null ? "" : ": " + result.error());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("account", result.account());
        metadata.put("changedByStatus", result.changedByStatus());
        metadata.put("unknownCodes", result.unknownCodes());
        metadata.put("ambiguous", result.ambiguous());
        metadata.put("failed", result.failed());
        metadata.put("durationMs", result.durationMs());
        if (context.dryRun()) {
            // the activity log is the real runs' record: a dry run's account results are in its report
            return;
        }
        activity.log(
                "SHIPPING_SYNC",
                clean ? ActivityLevel.INFO : ActivityLevel.WARN,
                description,
                "courier_account",
                result.account(),
                context.runId(),
                metadata);
    }
}
