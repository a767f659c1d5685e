package dz.libertaphonix.scheduler.ecomanager;

import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.common.ratelimit.RateWindow;
import dz.libertaphonix.scheduler.common.ratelimit.RedisRateLimiter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one door to EcoManager. Owns what every call needs: the store's token (from its
 * {@link EcoManagerCredentials}, never logged), timeouts, the per-token request budget shared by every process
 * through Redis, retries (SmallRye Fault Tolerance: {@code Retry-After} on 429, exponential backoff
 * with jitter on 5xx, timeouts and connection errors, both capped) and the translation of every
 * failure into this package's exceptions.
 */
@ApplicationScoped
public class EcoManagerClient {

    private static final Logger LOG = Logger.getLogger(EcoManagerClient.class);

    private final EcoManagerConfig config;
    private final RedisRateLimiter limiter;
    private final EcoManagerOrderParser parser;
    private final List<RateWindow> windows;
    private final EcoManagerRetries retries;
    private final EcoManagerApis<EcoManagerApi> apis;

    public EcoManagerClient(EcoManagerConfig config, RedisRateLimiter limiter, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.apis = new EcoManagerApis<>(EcoManagerApi.class, config);
        this.limiter = limiter;
        this.parser = new EcoManagerOrderParser(mapper);
        EcoManagerConfig.RateLimit rate = config.rateLimit();
        this.windows = List.of(
                RateWindow.shareOf(rate.perSecond(), Duration.ofSeconds(1), rate.share()),
                RateWindow.shareOf(rate.perMinute(), Duration.ofMinutes(1), rate.share()),
                RateWindow.shareOf(rate.perHour(), Duration.ofHours(1), rate.share()),
                RateWindow.shareOf(rate.perDay(), Duration.ofDays(1), rate.share()));
        this.retries = new EcoManagerRetries(config, clock);
    }

    /** A session for one store, its token kept out of every log and message. */
    public EcoManagerSession open(EcoManagerCredentials credentials) {
        return open(credentials, null);
    }

    /**
     * A session whose retries never wait past {@code deadline} (a job's): a 429 or an outage that
     * would need a longer wait ends the request at once, and the next run continues.
     */
    public EcoManagerSession open(EcoManagerCredentials credentials, Instant deadline) {
        return open(
                credentials, deadline, new RateShare(windows, config.rateLimit().maxWait()));
    }

    /**
     * As {@link #open(EcoManagerCredentials, Instant)}, drawing on the token's shared budget only up
     * to {@code share} (a background job's smaller share leaves the rest to the import: they count
     * in the same windows, so the background job stops where its share ends).
     */
    public EcoManagerSession open(EcoManagerCredentials credentials, Instant deadline, RateShare share) {
        String token = credentials.token();
        return new EcoManagerSession(
                this, credentials.store(), credentials.baseUrl(), "Bearer " + token, budgetKey(token), deadline, share);
    }

    /**
     * How much of a token's shared budget a session may use: its windows (the same lengths, hence the
     * same Redis counters, as every other user of the token) and the longest wait for a slot.
     */
    public record RateShare(List<RateWindow> windows, Duration maxWait) {

        public RateShare {
            windows = List.copyOf(windows);
        }
    }

    /** {@code share} (e.g. 0.5) of EcoManager's per-token limits, waiting at most {@code maxWait} for a slot. */
    public RateShare rateShare(double share, Duration maxWait) {
        EcoManagerConfig.RateLimit rate = config.rateLimit();
        return new RateShare(
                List.of(
                        RateWindow.shareOf(rate.perSecond(), Duration.ofSeconds(1), share),
                        RateWindow.shareOf(rate.perMinute(), Duration.ofMinutes(1), share),
                        RateWindow.shareOf(rate.perHour(), Duration.ofHours(1), share),
                        RateWindow.shareOf(rate.perDay(), Duration.ofDays(1), share)),
                maxWait);
    }

    /** The rate windows each token is held to (80 % of EcoManager's limits by default). */
    public List<RateWindow> rateWindows() {
        return windows;
    }

    OrdersPage listOrders(EcoManagerSession session, String cursor, int perPage) {
        try {
            return retries.call(() -> attempt(session, cursor, perPage));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected checked failure calling EcoManager", e);
        }
    }

    /**
     * One HTTP request, without retries, for an admin's "test connection": answers quickly with what
     * happened instead of waiting out backoffs.
     */
    Response probe(EcoManagerSession session) {
        limiter.acquire(session.budget(), "store " + session.storeIdentifier(), windows, Duration.ofSeconds(2));
        session.countRequest();
        return api(session.baseUrl()).listOrders(session.authorization(), 1, "desc", null);
    }

    private OrdersPage attempt(EcoManagerSession session, String cursor, int perPage) {
        limiter.acquire(
                session.budget(),
                "store " + session.storeIdentifier(),
                session.rateShare().windows(),
                session.rateShare().maxWait());
        session.countRequest();
        Response response;
        try {
            response = api(session.baseUrl()).listOrders(session.authorization(), perPage, "desc", cursor);
        } catch (ProcessingException e) {
            throw retries.transportFailure(session, e);
        }
        try (response) {
            int status = response.getStatus();
            if (status == 401 || status == 403) {
                throw new StoreCredentialsRejectedException(status);
            }
            if (status == 429) {
                Duration retryAfter = EcoManagerRetries.retryAfter(response);
                UpstreamRateLimitedException limited = new UpstreamRateLimitedException(retryAfter);
                LOG.warnf("store %s: %s", session.storeIdentifier(), limited.getMessage());
                throw retries.withinDeadline(
                        session, limited, retryAfter == null ? config.defaultRetryAfter() : retryAfter);
            }
            if (status >= 500) {
                LOG.warnf("store %s: EcoManager answered HTTP %d", session.storeIdentifier(), status);
                throw retries.withinDeadline(
                        session,
                        new UpstreamUnavailableException("EcoManager answered HTTP " + status, status),
                        config.maxBackoff());
            }
            if (status < 200 || status >= 300) {
                throw new UpstreamRequestRejectedException(status);
            }
            String body;
            try {
                body = response.readEntity(String.class);
            } catch (ProcessingException e) {
                throw retries.transportFailure(session, e);
            }
            return newestFirst(parser.page(body));
        }
    }

    /**
     * The import stops at the first page that reaches its cursor, so a list served oldest first
     * would look like "nothing new" forever. Refuse it loudly instead.
     */
    private static OrdersPage newestFirst(OrdersPage page) {
        Long previous = null;
        for (EcoManagerOrder order : page.orders()) {
            if (order.id() == null) {
                continue;
            }
            if (previous != null && order.id() > previous) {
                throw new MalformedResponseException(
                        "EcoManager did not list orders newest first (sort_direction=desc was ignored)");
            }
            previous = order.id();
        }
        return page;
    }

    /**
     * The Redis budget key of a token: stores sharing a token share its limit. A hash, so the token
     * itself never appears in Redis.
     */
    static String budgetKey(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "ecomanager:" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private EcoManagerApi api(String baseUrl) {
        return apis.at(baseUrl);
    }

    @PreDestroy
    void close() {
        apis.close();
    }
}
