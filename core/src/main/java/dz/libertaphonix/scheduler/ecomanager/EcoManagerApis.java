package dz.libertaphonix.scheduler.ecomanager;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The REST clients of one EcoManager API interface, one per account base URL (each shop is a host
 * of its own), built on first use with the configured timeouts and closed with their owner.
 */
final class EcoManagerApis<T> {

    private final Class<T> api;
    private final EcoManagerConfig config;
    private final Map<String, T> byBaseUrl = new ConcurrentHashMap<>();

    EcoManagerApis(Class<T> api, EcoManagerConfig config) {
        this.api = api;
        this.config = config;
    }

    T at(String baseUrl) {
        return byBaseUrl.computeIfAbsent(baseUrl, url -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // every status is translated by the owner, not turned into a generic WebApplicationException
                .disableDefaultMapper(true)
                .loggingMaskedHeaders(Set.of(HttpHeaders.AUTHORIZATION))
                .build(api));
    }

    void close() {
        for (T client : byBaseUrl.values()) {
            if (client instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException ignored) {
                    // shutting down
                }
            }
        }
        byBaseUrl.clear();
    }
}
