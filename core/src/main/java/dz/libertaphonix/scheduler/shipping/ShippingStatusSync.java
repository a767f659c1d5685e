package dz.libertaphonix.scheduler.shipping;

import dz.libertaphonix.scheduler.common.ActivityLevel;
import dz.libertaphonix.scheduler.common.ActivityLogger;
import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.common.outage.Outages;
import dz.libertaphonix.scheduler.common.outage.RedisUnavailableException;
import dz.libertaphonix.scheduler.maystro.CourierCredentialsRejectedException;
import dz.libertaphonix.scheduler.maystro.MaystroAccount;
import dz.libertaphonix.scheduler.maystro.MaystroClient;
import dz.libertaphonix.scheduler.maystro.MaystroPage;
import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.maystro.MaystroSession;
import dz.libertaphonix.scheduler.maystro.MaystroStatus;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.runs.JobContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Brings every open order up to its Maystro parcel's state, account by account.
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
    private static final int PAGE_SIZE = 20;

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
    private final OpenOrders openOrders;
    private final ShipmentMatcher matcher;
    private final ShippingRules rules;
    private final ShippingUpdater updater;
    private final MaystroClient client;
    private final CourierAccountService courierAccounts;
    private final ActivityLogger activity;

    public ShippingStatusSync(
            ShippingConfig config,
            OpenOrders openOrders,
            ShipmentMatcher matcher,
            ShippingRules rules,
            ShippingUpdater updater,
            MaystroClient client,
            CourierAccountService courierAccounts,
            ActivityLogger activity) {
        this.config = config;
        this.openOrders = openOrders;
        this.matcher = matcher;
        this.rules = rules;
        this.updater = updater;
        this.client = client;
        this.courierAccounts = courierAccounts;
        this.activity = activity;
    }

    /** Syncs the open orders against these accounts, in order; stops asking Maystro at the deadline. */
    public ShippingSyncReport run(List<MaystroAccount> accounts, JobContext context) {
        return run(accounts, context, config.strategy());
    }

    /** As {@link #run(List, JobContext)}, with {@code strategy} instead of the configured one. */
    public ShippingSyncReport run(List<MaystroAccount> accounts, JobContext context, SyncStrategy strategy) {
        Instant now = context.clock().instant();
        OpenOrderCriteria unbounded =
                OpenOrderCriteria.unbounded(now.minus(config.openOrderMaxAge()), config.trackedStatuses());
        OpenOrders.Snapshot snapshot =
                Outages.database("reading the open orders", () -> openOrders.snapshot(unbounded));
        OpenOrderCriteria criteria = unbounded.withIds(snapshot.minId(), snapshot.maxId());
        FoundOrders found = new FoundOrders(snapshot.minId(), snapshot.maxId());
        LOG.infof(
                "shipping sync: %d open orders (%d followed orders placed since the oldest, %s)",
                snapshot.count(), snapshot.followedSince(), snapshot.oldestPlacedAt());

        List<AccountSyncResult> results = new ArrayList<>(accounts.size());
        for (MaystroAccount account : accounts) {
            AccountSyncResult result = new AccountRun(account, snapshot, criteria, found, context, strategy).execute();
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
        activity.log(
                "SHIPPING_SYNC",
                clean ? ActivityLevel.INFO : ActivityLevel.WARN,
                description,
                "courier_account",
                result.account(),
                context.runId(),
                metadata);
    }

    /** One account's part of a run. Not thread-safe: the walk's worker threads only fetch. */
    private final class AccountRun {

        private final MaystroAccount account;
        private final MaystroSession session;
        private final OpenOrders.Snapshot snapshot;
        private final OpenOrderCriteria criteria;
        private final FoundOrders found;
        private final JobContext context;
        private final SyncStrategy strategy;
        private final long started = System.nanoTime();
        private final List<ShippingChange> pending;

        private long openAtStart;
        private long checked;
        private long changed;
        private final Map<String, Long> changedByStatus = new TreeMap<>();
        private final Map<String, Long> unknownCodes = new TreeMap<>();
        private long unchanged;
        private long ambiguous;
        private long conflicts;
        private long failed;
        private long unreadable;
        private long lookedUpNotFound;
        private int consecutiveFailures;
        private boolean answered;
        private boolean rejectionRecorded;
        private volatile String stoppedBecause;
        private String error;

        AccountRun(
                MaystroAccount account,
                OpenOrders.Snapshot snapshot,
                OpenOrderCriteria criteria,
                FoundOrders found,
                JobContext context,
                SyncStrategy strategy) {
            this.account = account;
            this.strategy = strategy;
            this.session = client.session(account);
            this.snapshot = snapshot;
            this.criteria = criteria;
            this.found = found;
            this.context = context;
            this.pending = new ArrayList<>(config.batchSize());
        }

        AccountSyncResult execute() {
            openAtStart = snapshot.count() - found.count();
            if (openAtStart == 0) {
                stoppedBecause = NOTHING_OPEN;
                return result(null, "no open order left to find");
            }
            if (context.deadlineReached()) {
                stoppedBecause = DEADLINE;
                return result(null, "deadline reached before this account's turn");
            }
            Choice choice = choose();
            LOG.infof("shipping sync, account %s: %s, %s", account.name(), choice.strategy(), choice.reason());
            try {
                try {
                    if (choice.strategy() == SyncStrategy.LOOKUP) {
                        lookUp();
                    } else {
                        walk();
                    }
                } finally {
                    // a failed write propagates: what was committed stays, the next run decides the rest
                    flush();
                }
                if (answered) {
                    Outages.database(
                            "recording that Maystro account " + account.name() + " answered",
                            () -> courierAccounts.markAccepted(account.name()));
                }
            } catch (DatabaseUnavailableException | RedisUnavailableException e) {
                // PostgreSQL or Redis went away: this account stops here, saying so; the next run decides again
                LOG.warnf("shipping sync, account %s: %s", account.name(), e.getMessage());
                error = e.getMessage();
                stop(e instanceof RedisUnavailableException ? REDIS_UNAVAILABLE : DATABASE_UNAVAILABLE);
            }
            return result(choice.strategy(), choice.reason());
        }

        private Choice choose() {
            long remaining = openAtStart;
            long estimatedPages = Math.max(1, Math.ceilDiv(snapshot.followedSince(), PAGE_SIZE));
            // a walk keeps pages-in-flight requests going, so it may read that many minus one too many
            long pagingCost = Math.min(config.pageCap(), estimatedPages + config.pagesInFlight() - 1);
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
                            + snapshot.followedSince() + " followed orders since) cost no more than "
                            + remaining + " lookups");
        }

        // ---- paging ---------------------------------------------------------------------------

        private void walk() {
            Instant boundary = snapshot.oldestPlacedAt().minus(config.pageAgeMargin());
            PageFeed feed = new PageFeed(config.pagesInFlight(), config.pageCap());
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
                        failedRequest(outcome.failure(), "page " + outcome.number());
                    }
                    arrived.put(outcome.number(), outcome);
                    List<PageOutcome> ready = new ArrayList<>();
                    while (arrived.containsKey(nextToApply)) {
                        ready.add(arrived.remove(nextToApply++));
                    }
                    if (!ready.isEmpty()) {
                        apply(ready, boundary, feed);
                        feed.applied(nextToApply);
                    }
                    context.progress("pages", nextToApply - 1, feed.pagesKnown());
                }
            } finally {
                feed.close();
            }
            stop(feed.lastPage() <= config.pageCap() ? END_OF_LIST : PAGE_CAP);
        }

        private PageOutcome fetch(int number) {
            try {
                Optional<MaystroPage> page = session.page(number);
                return new PageOutcome(number, page.orElse(null), page.isEmpty(), null);
            } catch (RuntimeException | Error e) {
                return new PageOutcome(number, null, false, e);
            }
        }

        /**
         * Applies consecutive pages, in order, with one matching query for all their parcels, then
         * decides whether the walk has gone far enough.
         */
        private void apply(List<PageOutcome> pages, Instant boundary, PageFeed feed) {
            List<MaystroParcel> parcels = new ArrayList<>();
            boolean older = false;
            for (PageOutcome outcome : pages) {
                if (outcome.pastEnd()) {
                    continue;
                }
                if (outcome.failure() != null) {
                    if (!(outcome.failure() instanceof CourierCredentialsRejectedException)) {
                        failedRequest(outcome.failure(), "page " + outcome.number());
                    }
                    continue;
                }
                MaystroPage page = outcome.page();
                answered();
                unreadable += page.unreadable();
                parcels.addAll(page.parcels());
                if (page.last()) {
                    feed.lastPage(page.number());
                }
                older |= olderThan(page, boundary);
            }
            reconcile(parcels);
            if (found.count() >= snapshot.count()) {
                stop(ALL_FOUND);
            } else if (older) {
                stop(OLDER_THAN_OPEN_ORDERS);
            }
        }

        private static boolean olderThan(MaystroPage page, Instant boundary) {
            Instant newest = page.parcels().stream()
                    .map(MaystroParcel::bornAt)
                    .filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            return newest != null && newest.isBefore(boundary);
        }

        /**
         * Keeps {@code width} pages in flight. Every finished request starts the next one from its own
         * thread, so a busy writer never leaves a slot idle; the pages held for in-order application
         * stay within a window of twice the width, which bounds memory while an early page is retried.
         *
         * <p>Page 1 goes alone: its {@code count} says how many pages the list has, so the walk asks
         * for those and no more (a short list would otherwise cost a full width of "Invalid page"
         * answers). A later page's larger count (parcels created during the walk) extends the walk; a
         * 404 or a page without {@code next} still ends it whatever the count said. Without a count,
         * or when page 1 failed, the walk keeps its width and relies on those ends alone.
         */
        private final class PageFeed {

            private final int width;
            private final int cap;
            private final BlockingQueue<PageOutcome> done = new LinkedBlockingQueue<>();
            private final ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
                    .name("maystro-" + account.name() + "-", 0)
                    .factory());
            private int nextPage = 1;
            /** The end Maystro showed: the page before an "Invalid page", or one without {@code next}. */
            private int lastPage = Integer.MAX_VALUE;
            /** The pages Maystro's {@code count} adds up to, once a page carried it. */
            private int countedPages = Integer.MAX_VALUE;

            private int pageSize = PAGE_SIZE;
            private boolean firstPageAnswered;
            private int nextToApply = 1;
            private int inFlight;
            private boolean closed;

            PageFeed(int width, int cap) {
                this.width = width;
                this.cap = cap;
            }

            /** Starts as many pages as the width, the window, the list's end and the stop allow. */
            synchronized void fill() {
                while (!closed
                        && stoppedBecause == null
                        && inFlight < width
                        && nextPage <= (firstPageAnswered ? pagesKnown() : 1)
                        && nextPage < nextToApply + 2 * width) {
                    if (context.deadlineReached()) {
                        stop(DEADLINE);
                        return;
                    }
                    int number = nextPage++;
                    inFlight++;
                    pool.execute(() -> arrive(fetch(number)));
                }
            }

            private void arrive(PageOutcome outcome) {
                synchronized (this) {
                    if (outcome.number() == 1) {
                        firstPageAnswered = true;
                    }
                    if (outcome.page() != null) {
                        counted(outcome.page());
                    }
                    if (outcome.pastEnd()) {
                        // no page from here on exists: stop asking for them at once
                        lastPage = Math.min(lastPage, outcome.number() - 1);
                    }
                    if (outcome.failure() instanceof CourierCredentialsRejectedException) {
                        stop(CREDENTIALS_REJECTED);
                    }
                    // queued before the count drops, so "nothing in flight, nothing queued" means done
                    done.add(outcome);
                    inFlight--;
                }
                fill();
            }

            synchronized boolean drained() {
                return inFlight == 0 && done.isEmpty();
            }

            PageOutcome next() {
                return take(done);
            }

            void applied(int next) {
                synchronized (this) {
                    nextToApply = next;
                }
                fill();
            }

            synchronized void lastPage(int number) {
                lastPage = Math.min(lastPage, number);
            }

            /** The list's last page as far as the walk knows: the end Maystro showed, or its count. */
            synchronized int lastPage() {
                return Math.min(lastPage, countedPages);
            }

            /** The pages the walk may read: up to the list's known end, never past the cap. */
            synchronized int pagesKnown() {
                return Math.min(lastPage(), cap);
            }

            private void counted(MaystroPage page) {
                int items = page.parcels().size() + page.unreadable();
                if (page.number() == 1 && !page.last() && items > 0) {
                    // a full first page is the page size, should Maystro ever change its fixed 20
                    pageSize = items;
                }
                if (page.count() == null) {
                    return;
                }
                long pages = Math.max(page.number(), Math.ceilDiv(page.count(), (long) pageSize));
                int known = (int) Math.min(Integer.MAX_VALUE - 1, pages);
                countedPages = countedPages == Integer.MAX_VALUE ? known : Math.max(countedPages, known);
            }

            synchronized void close() {
                closed = true;
                pool.shutdownNow();
            }
        }

        // ---- lookups --------------------------------------------------------------------------

        private void lookUp() {
            int width = config.pagesInFlight();
            int chunkSize = config.openOrderChunk();
            long afterId = snapshot.minId() - 1;
            int inFlight = 0;
            int done = 0;
            BlockingQueue<LookupOutcome> arrived = new LinkedBlockingQueue<>();
            ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
                    .name("maystro-" + account.name() + "-", 0)
                    .factory());
            try {
                boolean more = true;
                while (more && stoppedBecause == null) {
                    long after = afterId;
                    List<OpenOrders.OpenOrder> chunk = Outages.database(
                            "reading the open orders of Maystro account " + account.name(),
                            () -> openOrders.chunk(criteria, after, chunkSize));
                    more = chunk.size() == chunkSize;
                    for (OpenOrders.OpenOrder order : chunk) {
                        afterId = order.id();
                        if (stoppedBecause != null || found.contains(order.id())) {
                            continue;
                        }
                        while (inFlight >= width) {
                            handle(take(arrived));
                            inFlight--;
                            context.progress("lookups", ++done, openAtStart);
                        }
                        if (stoppedBecause != null) {
                            continue;
                        }
                        if (context.deadlineReached()) {
                            stop(DEADLINE);
                            continue;
                        }
                        inFlight++;
                        pool.execute(() -> arrived.add(lookUp(order)));
                    }
                }
                while (inFlight > 0) {
                    handle(take(arrived));
                    inFlight--;
                    context.progress("lookups", ++done, openAtStart);
                }
            } finally {
                pool.shutdownNow();
            }
            stop(LOOKUPS_DONE);
        }

        private LookupOutcome lookUp(OpenOrders.OpenOrder order) {
            try {
                return new LookupOutcome(order, session.findByExternalOrderId(order.reference()), null);
            } catch (RuntimeException | Error e) {
                return new LookupOutcome(order, List.of(), e);
            }
        }

        private void handle(LookupOutcome outcome) {
            if (outcome.failure() != null) {
                failedRequest(outcome.failure(), "lookup");
                return;
            }
            answered();
            if (!outcome.parcels().isEmpty()) {
                // a re-shipped order has several parcels: the newest speaks for it
                List<MaystroParcel> newestFirst = new ArrayList<>(outcome.parcels());
                newestFirst.sort(Comparator.comparing(
                                MaystroParcel::bornAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                        .reversed());
                reconcile(newestFirst);
            }
            if (!found.contains(outcome.order().id())) {
                lookedUpNotFound++;
            }
        }

        // ---- matching, deciding, writing ------------------------------------------------------

        private void reconcile(List<MaystroParcel> parcels) {
            if (parcels.isEmpty()) {
                return;
            }
            List<ParcelMatch> matches = Outages.database(
                    "matching the parcels of Maystro account " + account.name(),
                    () -> matcher.match(parcels, criteria));
            for (ParcelMatch match : matches) {
                switch (match.outcome()) {
                    case AMBIGUOUS -> {
                        if (match.concernsAnOpenOrder()) {
                            ambiguous++;
                            LOG.warnf(
                                    "shipping sync, account %s: parcel %s matches %d orders, none updated",
                                    account.name(),
                                    match.parcel().externalOrderId(),
                                    match.candidates().size());
                        }
                    }
                    case UNMATCHED -> {
                        // another business's parcel, or an order outside the window: not ours to follow
                    }
                    case MATCHED -> decide(match.order(), match.parcel());
                }
            }
        }

        private void decide(OrderShippingState order, MaystroParcel parcel) {
            if (!order.open() || !found.add(order.id())) {
                return;
            }
            checked++;
            if (parcel.statusCode() != null && !MaystroStatus.known(parcel.statusCode())) {
                unknownCodes.merge(String.valueOf(parcel.statusCode()), 1L, Long::sum);
                LOG.warnf(
                        "shipping sync, account %s: unknown Maystro status code %d for order %d, stored as %s",
                        account.name(), parcel.statusCode(), order.id(), MaystroStatus.labelOf(parcel.statusCode()));
            }
            Optional<ShippingChange> change = rules.decide(order, parcel, account.name());
            if (change.isEmpty()) {
                unchanged++;
                return;
            }
            pending.add(change.get());
            if (pending.size() >= config.batchSize()) {
                flush();
            }
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<ShippingChange> batch = List.copyOf(pending);
            pending.clear();
            ShippingUpdater.Applied applied = Outages.database(
                    "writing " + batch.size() + " parcel changes of Maystro account " + account.name(),
                    () -> updater.apply(batch, StatusEventSource.SHIPPING_SYNC, context.runId()));
            for (ShippingChange change : applied.changed()) {
                changed++;
                changedByStatus.merge(change.statusChanged() ? change.status().name() : "SHIPPING_ONLY", 1L, Long::sum);
            }
            unchanged += applied.alreadyCurrent();
            conflicts += applied.conflicts();
        }

        // ---- outcomes -------------------------------------------------------------------------

        private void answered() {
            answered = true;
            consecutiveFailures = 0;
        }

        private void failedRequest(Throwable failure, String what) {
            if (failure instanceof RedisUnavailableException unavailable) {
                // not Maystro's fault: the request budget lives in Redis, and no request goes out without it
                failed++;
                error = unavailable.getMessage();
                stop(REDIS_UNAVAILABLE);
                return;
            }
            if (failure instanceof CourierCredentialsRejectedException rejected) {
                if (!rejectionRecorded) {
                    rejectionRecorded = true;
                    LOG.warn(rejected.getMessage());
                    courierAccounts.markRejected(account.name(), rejected.getMessage());
                }
                error = rejected.getMessage();
                stop(CREDENTIALS_REJECTED);
                return;
            }
            failed++;
            consecutiveFailures++;
            error = failed + " request(s) failed, last: " + failure.getMessage();
            LOG.warnf("shipping sync, account %s: %s failed: %s", account.name(), what, failure.getMessage());
            // Maystro is down rather than flaky: stop instead of failing page after page up to the cap
            if (consecutiveFailures >= config.pagesInFlight()) {
                stop(UPSTREAM_FAILING);
            }
        }

        /** The first reason to stop wins; the walk's worker threads may call this too. */
        private synchronized void stop(String reason) {
            if (stoppedBecause == null) {
                stoppedBecause = reason;
            }
        }

        private AccountSyncResult result(SyncStrategy chosen, String reason) {
            long notFound;
            long notChecked;
            if (chosen == SyncStrategy.LOOKUP) {
                notFound = lookedUpNotFound;
                notChecked = openAtStart - checked - lookedUpNotFound;
            } else {
                boolean walkedEnough = ALL_FOUND.equals(stoppedBecause)
                        || OLDER_THAN_OPEN_ORDERS.equals(stoppedBecause)
                        || END_OF_LIST.equals(stoppedBecause)
                        || NOTHING_OPEN.equals(stoppedBecause);
                boolean covered = walkedEnough && failed == 0 && unreadable == 0;
                notFound = covered ? openAtStart - checked : 0;
                notChecked = covered ? 0 : openAtStart - checked;
            }
            if (unreadable > 0 && error == null) {
                error = unreadable + " parcel(s) could not be read";
            }
            return new AccountSyncResult(
                    account.name(),
                    chosen,
                    reason,
                    openAtStart,
                    checked,
                    changed,
                    Map.copyOf(changedByStatus),
                    unchanged,
                    notFound,
                    notChecked,
                    ambiguous,
                    Map.copyOf(unknownCodes),
                    conflicts,
                    failed,
                    session.requests(),
                    session.mostInFlight(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    stoppedBecause,
                    error);
        }
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Maystro", e);
        }
    }

    private record Choice(SyncStrategy strategy, String reason) {}

    private record PageOutcome(int number, MaystroPage page, boolean pastEnd, Throwable failure) {}

    private record LookupOutcome(OpenOrders.OpenOrder order, List<MaystroParcel> parcels, Throwable failure) {}
}
