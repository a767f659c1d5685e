package dz.libertaphonix.scheduler.devmode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The sandbox EcoManager's webhooks, as the real one documents them: {@code POST|GET {base}/webhooks},
 * {@code PUT|DELETE {base}/webhooks/{id}} with the store's token; a GET to the delivery URL when a
 * webhook is created; each delivery a POST of the single order, signed with the webhook's secret
 * (hex HMAC-SHA256 of the raw body) and the {@code X-Ecomanager-*} headers. Kept in memory.
 */
@ApplicationScoped
public class SandboxWebhooks {

    private static final Logger LOG = Logger.getLogger(SandboxWebhooks.class);

    /** One registration. */
    record Hook(String id, String store, String name, String event, String url, String secret, boolean active) {

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", Long.parseLong(id));
            view.put("name", name);
            view.put("event", event);
            view.put("http_method", "post");
            view.put("delivery_url", url);
            view.put("is_active", active);
            return view;
        }
    }

    private final ObjectMapper json;
    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(900);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SandboxWebhooks(ObjectMapper json) {
        this.json = json;
    }

    /** Answers a request to {@code {base}/webhooks[/{id}]} of a store. */
    Object answer(String method, String store, String id, String authorization, String body) {
        if (!("Bearer " + SandboxWorld.tokenFor(store)).equals(authorization)) {
            throw new WebApplicationException(Response.status(401)
                    .entity(Map.of("message", "Unauthenticated."))
                    .build());
        }
        if (id == null && "GET".equals(method)) {
            List<Map<String, Object>> list = new ArrayList<>();
            hooks.values().stream()
                    .filter(h -> h.store().equals(store))
                    .sorted((a, b) -> Long.compare(Long.parseLong(a.id()), Long.parseLong(b.id())))
                    .forEach(h -> list.add(h.view()));
            return Map.of("data", list);
        }
        if (id == null && "POST".equals(method)) {
            Hook hook = hook(String.valueOf(ids.incrementAndGet()), store, body);
            hooks.put(hook.id(), hook);
            validate(hook);
            return Map.of("data", hook.view());
        }
        Hook existing = id == null ? null : hooks.get(id);
        if (existing == null || !existing.store().equals(store)) {
            throw new WebApplicationException(
                    Response.status(404).entity(Map.of("message", "Not Found")).build());
        }
        if ("PUT".equals(method)) {
            Hook hook = hook(id, store, body);
            hooks.put(id, hook);
            return Map.of("data", hook.view());
        }
        if ("DELETE".equals(method)) {
            hooks.remove(id);
            return Map.of();
        }
        throw new WebApplicationException(Response.status(405).build());
    }

    private Hook hook(String id, String store, String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            return new Hook(
                    id,
                    store,
                    node.path("name").asText(""),
                    node.path("event").asText(""),
                    node.path("delivery_url").asText(""),
                    node.path("secret").asText(""),
                    node.path("is_active").asBoolean(true));
        } catch (Exception e) {
            throw new WebApplicationException(Response.status(422)
                    .entity(Map.of("message", "The given data was invalid."))
                    .build());
        }
    }

    /** EcoManager's GET to a new webhook's URL; a failure is only logged, as the sandbox has no UI. */
    private void validate(Hook hook) {
        http.sendAsync(
                        HttpRequest.newBuilder(URI.create(hook.url()))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .whenComplete((answer, failure) -> {
                    if (failure != null || answer.statusCode() != 200) {
                        LOG.warnf("sandbox EcoManager: webhook %s did not validate %s", hook.id(), hook.url());
                    }
                });
    }

    boolean anyFor(String store) {
        return hooks.values().stream().anyMatch(h -> h.store().equals(store) && h.active());
    }

    /** Delivers {@code order} to each active webhook of the store for {@code event}. */
    void deliver(String store, String event, Map<String, Object> order, String source) {
        for (Hook hook : hooks.values()) {
            if (!hook.store().equals(store) || !hook.event().equals(event) || !hook.active()) {
                continue;
            }
            byte[] body;
            try {
                body = json.writeValueAsBytes(order);
            } catch (Exception e) {
                continue;
            }
            http.sendAsync(
                            HttpRequest.newBuilder(URI.create(hook.url()))
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Content-Type", "application/json")
                                    .header("X-Ecomanager-Event", event)
                                    .header("X-Ecomanager-Webhook-ID", hook.id())
                                    .header("X-Ecomanager-Source", source)
                                    .header("X-Ecomanager-Signature", sign(hook.secret(), body))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> {
                        if (failure != null) {
                            LOG.warnf(
                                    "sandbox EcoManager: delivery to %s failed: %s", hook.url(), failure.getMessage());
                        } else {
                            LOG.infof(
                                    "sandbox EcoManager: %s of order %s delivered to %s: HTTP %d %s",
                                    event, order.get("id"), store, answer.statusCode(), answer.body());
                        }
                    });
        }
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
