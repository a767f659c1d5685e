package dz.libertaphonix.scheduler.ecomanager;

import dz.libertaphonix.scheduler.common.ratelimit.RateLimitExceededException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * The admin's "test connection": one cheap request ({@code per_page=1}), no retries, counted in the
 * token's shared budget. Says what happened in one line, never with the token.
 */
@ApplicationScoped
public class EcoManagerConnectionTester {

    private final EcoManagerClient client;

    public EcoManagerConnectionTester(EcoManagerClient client) {
        this.client = client;
    }

    /**
     * What the test found.
     *
     * @param ok the token was accepted and the list answered
     * @param httpStatus the upstream status, null when no answer came (timeout, DNS, refused)
     * @param message one line for the admin, never the token
     * @param latencyMillis time to the answer
     */
    public record ConnectionCheck(boolean ok, Integer httpStatus, String message, long latencyMillis) {}

    /** One request with the store's base URL and token; what happened, in one line. */
    public ConnectionCheck test(EcoManagerCredentials credentials) {
        long started = System.nanoTime();
        EcoManagerSession session = client.open(credentials);
        try (Response response = client.probe(session)) {
            int status = response.getStatus();
            long latency = elapsedMillis(started);
            if (status >= 200 && status < 300) {
                return new ConnectionCheck(true, status, "EcoManager accepted the token", latency);
            }
            return new ConnectionCheck(false, status, describe(status), latency);
        } catch (ProcessingException e) {
            return new ConnectionCheck(false, null, "EcoManager could not be reached", elapsedMillis(started));
        } catch (RateLimitExceededException e) {
            return new ConnectionCheck(
                    false,
                    null,
                    "the token's request budget is spent; try again in "
                            + Math.max(1, e.retryAfter().toSeconds()) + " s",
                    elapsedMillis(started));
        }
    }

    private static String describe(int status) {
        return switch (status) {
            case 401 -> "EcoManager refused the token (401)";
            case 403 -> "EcoManager refused the token: forbidden or expired (403)";
            case 404 -> "no EcoManager shop API at this base URL (404)";
            case 429 -> "EcoManager's rate limit is reached for this token (429)";
            default -> status >= 500 ? "EcoManager is failing (" + status + ")" : "EcoManager answered " + status;
        };
    }

    private static long elapsedMillis(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
