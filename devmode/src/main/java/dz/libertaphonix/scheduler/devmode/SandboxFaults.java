package dz.libertaphonix.scheduler.devmode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults the sandbox injects, switchable at run time ({@code PUT /sandbox/faults}) so retries and
 * store isolation can be watched live. A target is {@code ecomanager:<STORE>} or {@code maystro}.
 */
@ApplicationScoped
public class SandboxFaults {

    public enum Mode {
        NONE,
        /** 429 with Retry-After: 5 */
        RATE_LIMITED,
        /** 500 */
        SERVER_ERROR,
        /** answers after 40 s, past every client timeout */
        TIMEOUT,
        /** 401: the token was revoked */
        REVOKED
    }

    public record Settings(long latencyMillis, Map<String, Mode> faults) {}

    private final Map<String, Mode> faults = new ConcurrentHashMap<>();
    private volatile long latencyMillis = 80;

    public Settings settings() {
        return new Settings(latencyMillis, Map.copyOf(faults));
    }

    public Settings update(Settings settings) {
        if (settings.latencyMillis() < 0 || settings.latencyMillis() > 30_000) {
            throw new WebApplicationException("latencyMillis must be between 0 and 30000", 400);
        }
        latencyMillis = settings.latencyMillis();
        faults.clear();
        if (settings.faults() != null) {
            settings.faults().forEach((target, mode) -> {
                if (mode != Mode.NONE) {
                    faults.put(target, mode);
                }
            });
        }
        return settings();
    }

    /** Applies latency and the target's fault: returns normally, or throws the faulty answer. */
    void apply(String target) {
        pause(latencyMillis);
        Mode mode = faults.getOrDefault(target, Mode.NONE);
        switch (mode) {
            case NONE -> {}
            case RATE_LIMITED ->
                throw new WebApplicationException(Response.status(429)
                        .header("Retry-After", "5")
                        .entity(Map.of("message", "Too Many Attempts."))
                        .build());
            case SERVER_ERROR ->
                throw new WebApplicationException(Response.status(500)
                        .entity(Map.of("message", "Server Error"))
                        .build());
            case TIMEOUT -> {
                pause(Duration.ofSeconds(40).toMillis());
                throw new WebApplicationException(504);
            }
            case REVOKED ->
                throw new WebApplicationException(Response.status(401)
                        .entity(Map.of("message", "Unauthenticated."))
                        .build());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
