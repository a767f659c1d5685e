package dz.libertaphonix.scheduler.shipping;

import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.ALL_FOUND;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.CREDENTIALS_REJECTED;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.END_OF_LIST;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.NOTHING_OPEN;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.OLDER_THAN_OPEN_ORDERS;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.REDIS_UNAVAILABLE;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.UPSTREAM_FAILING;

import dz.libertaphonix.scheduler.common.outage.RedisUnavailableException;
import dz.libertaphonix.scheduler.maystro.CourierCredentialsRejectedException;
import dz.libertaphonix.scheduler.maystro.MaystroSession;
import dz.libertaphonix.scheduler.runs.events.CredentialsRejections;
import dz.libertaphonix.scheduler.shipping.changes.ShippingChange;
import dz.libertaphonix.scheduler.shipping.courier.CourierKeyRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One account's part of a run as it goes: its turn, its session, the changes waiting to be written,
 * its counters and why it stopped; frozen into an {@link AccountSyncResult} at the end. Not
 * thread-safe but for {@link #stop}: the walk's worker threads only fetch, and may stop it.
 */
final class AccountRun {

    // the sync's category, which operators already filter on
    private static final Logger LOG = Logger.getLogger(ShippingStatusSync.class);

    final AccountTurn turn;
    final MaystroSession session;
    private final CourierKeyRecorder courierKeys;
    private final CredentialsRejections rejections;
    private final int failuresInARow;
    private final long started = System.nanoTime();
    final List<ShippingChange> pending = new ArrayList<>();

    long openAtStart;
    long checked;
    long changed;
    final Map<String, Long> changedByStatus = new TreeMap<>();
    final Map<String, Long> unknownCodes = new TreeMap<>();
    long unchanged;
    long ambiguous;
    long conflicts;
    long failed;
    long unreadable;
    long lookedUpNotFound;
    private int consecutiveFailures;
    private boolean answered;
    private boolean rejectionRecorded;
    private volatile String stoppedBecause;
    String error;

    /** @param failuresInARow failed requests in a row after which Maystro counts as down */
    AccountRun(
            AccountTurn turn,
            MaystroSession session,
            CourierKeyRecorder courierKeys,
            CredentialsRejections rejections,
            int failuresInARow) {
        this.turn = turn;
        this.session = session;
        this.courierKeys = courierKeys;
        this.rejections = rejections;
        this.failuresInARow = failuresInARow;
        this.openAtStart = turn.snapshot().count() - turn.found().count();
    }

    String name() {
        return turn.name();
    }

    /** Maystro answered a request. */
    void answered() {
        answered = true;
        consecutiveFailures = 0;
    }

    /** Whether Maystro answered at least once, accepting the key. */
    boolean hasAnswered() {
        return answered;
    }

    void failedRequest(Throwable failure, String what) {
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
                if (turn.context().dryRun()) {
                    turn.context().wouldDo().would("courier-accounts.rejected", name());
                } else if (courierKeys.markRejected(name(), rejected.getMessage())) {
                    rejections.courierAccount(name(), rejected.httpStatus(), turn.context());
                }
            }
            error = rejected.getMessage();
            stop(CREDENTIALS_REJECTED);
            return;
        }
        failed++;
        consecutiveFailures++;
        error = failed + " request(s) failed, last: " + failure.getMessage();
        LOG.warnf("shipping sync, account %s: %s failed: %s", name(), what, failure.getMessage());
        // Maystro is down rather than flaky: stop instead of failing page after page up to the cap
        if (consecutiveFailures >= failuresInARow) {
            stop(UPSTREAM_FAILING);
        }
    }

    /** The first reason to stop wins; the walk's worker threads may call this too. */
    synchronized void stop(String reason) {
        if (stoppedBecause == null) {
            stoppedBecause = reason;
        }
    }

    boolean stopped() {
        return stoppedBecause != null;
    }

    AccountSyncResult result(SyncStrategy chosen, String reason) {
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
                name(),
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

    /** The next answer from Maystro's side of the queue. */
    static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Maystro", e);
        }
    }
}
