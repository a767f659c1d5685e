package dz.libertaphonix.scheduler.maystro;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests made for one account during one run, counted (every HTTP attempt, retries included).
 * Thread-safe: a run keeps several pages in flight through one session.
 */
public final class MaystroSession {

    private final MaystroClient client;
    private final MaystroCredentials account;
    private final LongAdder requests = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    MaystroSession(MaystroClient client, MaystroCredentials account) {
        this.client = client;
        this.account = account;
    }

    public MaystroCredentials account() {
        return account;
    }

    /**
     * Page {@code number} (1 = newest) of the parcel list; empty when the list ends before it.
     *
     * @throws MaystroException when the page could not be read: never an empty page instead
     */
    public Optional<MaystroPage> page(int number) {
        enter();
        try {
            return client.page(account, number, requests);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * The parcels whose {@code external_order_id} is {@code reference}; an empty list means Maystro
     * answered and holds none.
     *
     * @throws MaystroException when the lookup failed
     */
    public List<MaystroParcel> findByExternalOrderId(String reference) {
        enter();
        try {
            return client.lookup(account, reference, requests);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** HTTP requests made so far. */
    public long requests() {
        return requests.sum();
    }

    /** The most pages or lookups this session had under way at the same time (retries included). */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    private void enter() {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
    }
}
