package dz.libertaphonix.scheduler.maystro;

import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.common.outage.RedisUnavailableException;
import dz.libertaphonix.scheduler.common.ratelimit.RateLimitExceededException;
import dz.libertaphonix.scheduler.common.ratelimit.RateWindow;
import dz.libertaphonix.scheduler.common.ratelimit.RedisRateLimiter;
import dz.libertaphonix.scheduler.maystro.config.MaystroConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way to Maystro Delivery. It owns what every request needs: the {@code Token} header, the
 * key's shared request budget (Redis), timeouts, retries and the translation of answers into
 * results or named exceptions:
 *
 * <ul>
 *   <li>401/403: {@link CourierCredentialsRejectedException}, never retried;
 *   <li>429: waits {@code Retry-After} (capped) and retries a capped number of times, then
 *       {@link MaystroRateLimitedException};
 *   <li>5xx, timeouts, connection errors: exponential backoff with jitter, capped, then
 *       {@link MaystroUnavailableException};
 *   <li>404 "Invalid page" on the list: the end of the list ({@link Optional#empty()});
 *   <li>anything else unusable: {@link MaystroRequestException}.
 * </ul>
 *
 * A failed request always surfaces as an exception: the caller can never mistake an outage for an
 * empty page. Keys never appear in logs or exception messages.
 */
@ApplicationScoped
public class MaystroClient {

    private static final Logger LOG = Logger.getLogger(MaystroClient.class);

    private final MaystroConfig config;
    private final RedisRateLimiter limiter;
    private final List<RateWindow> windows;
    private final MaystroRetries retries;
    private final MaystroPageReader pages;
    private final Map<URI, MaystroApi> apis = new ConcurrentHashMap<>();

    public MaystroClient(MaystroConfig config, RedisRateLimiter limiter, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.limiter = limiter;
        MaystroConfig.RateLimit rate = config.rateLimit();
        this.windows = List.of(
                new RateWindow(Duration.ofSeconds(1), rate.perSecond()),
                new RateWindow(Duration.ofMinutes(1), rate.perMinute()),
                new RateWindow(Duration.ofHours(1), rate.perHour()));
        this.retries = new MaystroRetries(config.retry(), clock);
        this.pages = new MaystroPageReader(mapper);
    }

    /** A conversation with one account, counting the HTTP requests it makes (retries included). */
    public MaystroSession session(MaystroCredentials account) {
        return new MaystroSession(this, account);
    }

    /** Page {@code number} of the account's parcel list, or empty when the list has no such page. */
    Optional<MaystroPage> page(MaystroCredentials account, int number, LongAdder requests) {
        return call(
                account, "page " + number, api -> api.orders(authorization(account), number), requests, response -> {
                    if (response.status() == 404
                            && response.body().toLowerCase(Locale.ROOT).contains("invalid page")) {
                        return Optional.empty();
                    }
                    ensureOk(account, "page " + number, response);
                    return Optional.of(pages.read(account, "page " + number, number, response.body()));
                });
    }

    /** The parcels Maystro holds for one order reference (none, one, or several re-shipments). */
    List<MaystroParcel> lookup(MaystroCredentials account, String reference, LongAdder requests) {
        return call(
                account,
                "lookup",
                api -> api.ordersByExternalOrderId(authorization(account), reference),
                requests,
                response -> {
                    ensureOk(account, "lookup", response);
                    return pages.read(account, "lookup", 1, response.body()).parcels();
                });
    }

    private <T> T call(
            MaystroCredentials account,
            String what,
            Function<MaystroApi, Response> request,
            LongAdder requests,
            Function<Answer, T> reader) {
        Callable<Object> attempt = () -> {
            takeBudget(account);
            requests.increment();
            Answer answer = send(account, what, request);
            rejectFailures(account, what, answer);
            return reader.apply(answer);
        };
        try {
            @SuppressWarnings("unchecked")
            T result = (T) retries.call(attempt);
            return result;
        } catch (MaystroException | RedisUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new MaystroUnavailableException(
                    account.name(),
                    "Maystro " + what + " failed: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    private void takeBudget(MaystroCredentials account) {
        try {
            limiter.acquire(
                    account.budgetId(),
                    "Maystro account " + account.name(),
                    windows,
                    config.rateLimit().maxWait());
        } catch (RateLimitExceededException e) {
            throw new MaystroRequestException(
                    account.name(),
                    "the request budget of account '" + account.name() + "' stays exhausted for "
                            + e.retryAfter().toSeconds() + " s");
        }
    }

    private Answer send(MaystroCredentials account, String what, Function<MaystroApi, Response> request) {
        long started = System.nanoTime();
        try (Response response = request.apply(api(account.baseUrl()))) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            Answer answer = new Answer(response.getStatus(), response.getHeaderString(HttpHeaders.RETRY_AFTER), body);
            LOG.debugf(
                    "Maystro %s of account %s: HTTP %d in %d ms",
                    what, account.name(), answer.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return answer;
        } catch (ProcessingException e) {
            // timeouts, refused and reset connections: the wrapped cause says which
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MaystroUnavailableException(
                    account.name(),
                    "Maystro " + what + " of account '" + account.name() + "' did not answer: "
                            + cause.getClass().getSimpleName(),
                    e);
        }
    }

    private void rejectFailures(MaystroCredentials account, String what, Answer answer) {
        int status = answer.status();
        if (status == 401 || status == 403) {
            throw new CourierCredentialsRejectedException(account.name(), status);
        }
        if (status == 429) {
            throw new MaystroRateLimitedException(account.name(), retries.retryAfter(answer.retryAfter()));
        }
        if (status >= 500 || status == 408) {
            throw new MaystroUnavailableException(
                    account.name(), "Maystro " + what + " of account '" + account.name() + "': HTTP " + status);
        }
    }

    private static void ensureOk(MaystroCredentials account, String what, Answer answer) {
        if (answer.status() < 200 || answer.status() > 299) {
            throw new MaystroRequestException(
                    account.name(),
                    "Maystro " + what + " of account '" + account.name() + "': HTTP " + answer.status());
        }
    }

    private static String authorization(MaystroCredentials account) {
        // Maystro wants "Token", not "Bearer"
        return "Token " + account.key();
    }

    private MaystroApi api(URI baseUrl) {
        return apis.computeIfAbsent(baseUrl, uri -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(uri)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(MaystroApi.class));
    }

    @PreDestroy
    void close() {
        for (MaystroApi api : apis.values()) {
            if (api instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("closing a Maystro REST client failed", e);
                }
            }
        }
    }

    /** What came back: status, {@code Retry-After}, body. */
    record Answer(int status, String retryAfter, String body) {}
}
