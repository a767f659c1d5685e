package dz.libertaphonix.scheduler.ecomanager;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One store's connection to EcoManager for the length of a job: base URL, token and rate budget.
 * Counts every HTTP request it makes (retries included), which is what the rate limit and the run
 * report care about. Obtain from {@link EcoManagerClient#open}; never log it with its token.
 */
public final class EcoManagerSession {

    private final EcoManagerClient client;
    private final String storeIdentifier;
    private final String baseUrl;
    private final String authorization;
    private final String budget;
    private final Instant deadline;
    private final EcoManagerClient.RateShare rateShare;
    private final AtomicLong requests = new AtomicLong();

    EcoManagerSession(
            EcoManagerClient client,
            String storeIdentifier,
            String baseUrl,
            String authorization,
            String budget,
            Instant deadline,
            EcoManagerClient.RateShare rateShare) {
        this.client = client;
        this.storeIdentifier = storeIdentifier;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.budget = budget;
        this.deadline = deadline;
        this.rateShare = rateShare;
    }

    /**
     * One page of orders, newest first.
     *
     * @param cursor {@code meta.next_cursor} of the previous page, null for the newest page
     * @throws StoreCredentialsRejectedException 401/403, not retried
     * @throws UpstreamUnavailableException 5xx, timeout, connection error or 429 once retries are spent
     * @throws MalformedResponseException a 2xx body that is not an order list
     * @throws dz.libertaphonix.scheduler.common.ratelimit.RateLimitExceededException the token's shared
     *     budget has no slot within the configured wait
     */
    public OrdersPage orders(String cursor, int perPage) {
        return client.listOrders(this, cursor, perPage);
    }

    /** HTTP requests sent so far, retries included. */
    public long requests() {
        return requests.get();
    }

    public String storeIdentifier() {
        return storeIdentifier;
    }

    String baseUrl() {
        return baseUrl;
    }

    String authorization() {
        return authorization;
    }

    String budget() {
        return budget;
    }

    /** No retry wait may end after it; null when the caller has no deadline. */
    Instant deadline() {
        return deadline;
    }

    /** The part of the token's budget this session may draw on. */
    EcoManagerClient.RateShare rateShare() {
        return rateShare;
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    @Override
    public String toString() {
        return "EcoManagerSession[" + storeIdentifier + "]";
    }
}
