package dz.libertaphonix.scheduler.ecomanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dz.libertaphonix.scheduler.common.ratelimit.RedisRateLimiter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * EcoManager's webhook registrations of one store: create, list, update (the secret), delete. Goes
 * through the same door as the import: the store's token, its shared per-token rate budget (Redis),
 * the same retries and the same translation of failures ({@link StoreCredentialsRejectedException},
 * {@link UpstreamUnavailableException}, {@link UpstreamRequestRejectedException}).
 *
 * <p>The shapes of EcoManager's answers are not documented: an id is read from {@code id} of the
 * body or of its {@code data}, a list from {@code data} or a bare array.
 */
@ApplicationScoped
public class EcoManagerWebhooks {

    private static final Logger LOG = Logger.getLogger(EcoManagerClient.class);

    /**
     * What EcoManager is asked to register.
     *
     * @param name shown in EcoManager's back office
     * @param secret never logged
     */
    public record WebhookSpec(
            String name, EcoManagerWebhookEvent event, String deliveryUrl, String secret, boolean active) {

        @Override
        public String toString() {
            return "WebhookSpec[" + name + ", " + event + ", " + deliveryUrl + "]";
        }
    }

    /** A webhook as EcoManager lists it (its secret, if it shows one, is not kept). */
    public record RemoteWebhook(String id, String name, String event, String deliveryUrl, Boolean active) {}

    private final EcoManagerConfig config;
    private final EcoManagerClient client;
    private final RedisRateLimiter limiter;
    private final ObjectMapper mapper;
    private final EcoManagerRetries retries;
    private final EcoManagerApis<EcoManagerWebhooksApi> apis;

    public EcoManagerWebhooks(
            EcoManagerConfig config,
            EcoManagerClient client,
            RedisRateLimiter limiter,
            ObjectMapper mapper,
            Clock clock) {
        this.config = config;
        this.apis = new EcoManagerApis<>(EcoManagerWebhooksApi.class, config);
        this.client = client;
        this.limiter = limiter;
        this.mapper = mapper;
        this.retries = new EcoManagerRetries(config, clock);
    }

    /** {@code POST {base}/webhooks}; returns EcoManager's id of the new webhook. */
    public String create(EcoManagerCredentials credentials, WebhookSpec spec) {
        EcoManagerSession session = client.open(credentials);
        String body = json(spec);
        JsonNode answer = call(session, api -> api.create(session.authorization(), body));
        JsonNode id =
                answer.hasNonNull("id") ? answer.get("id") : answer.path("data").get("id");
        if (id == null || id.isNull() || id.asText().isBlank()) {
            throw new MalformedResponseException("EcoManager created a webhook without answering its id");
        }
        return id.asText();
    }

    /** {@code GET {base}/webhooks}: every webhook of the account, ours or not. */
    public List<RemoteWebhook> list(EcoManagerCredentials credentials) {
        EcoManagerSession session = client.open(credentials);
        JsonNode answer = call(session, api -> api.list(session.authorization()));
        JsonNode items = answer.isArray() ? answer : answer.path("data");
        if (!items.isArray()) {
            throw new MalformedResponseException("EcoManager listed webhooks without a \"data\" array");
        }
        List<RemoteWebhook> webhooks = new ArrayList<>();
        for (JsonNode item : items) {
            webhooks.add(new RemoteWebhook(
                    item.path("id").asText(null),
                    item.path("name").asText(null),
                    item.path("event").asText(null),
                    item.path("delivery_url").asText(null),
                    item.hasNonNull("is_active") ? item.get("is_active").asBoolean() : null));
        }
        return webhooks;
    }

    /** {@code PUT {base}/webhooks/{id}} with the whole registration (a new secret, say). */
    public void update(EcoManagerCredentials credentials, String webhookId, WebhookSpec spec) {
        EcoManagerSession session = client.open(credentials);
        String body = json(spec);
        call(session, api -> api.update(session.authorization(), webhookId, body));
    }

    /**
     * {@code DELETE {base}/webhooks/{id}}.
     *
     * @return false when EcoManager no longer had it (404): the goal, no webhook, is reached all the same
     */
    public boolean delete(EcoManagerCredentials credentials, String webhookId) {
        EcoManagerSession session = client.open(credentials);
        try {
            call(session, api -> api.delete(session.authorization(), webhookId));
            return true;
        } catch (UpstreamRequestRejectedException e) {
            if (e.httpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String json(WebhookSpec spec) {
        ObjectNode body = mapper.createObjectNode()
                .put("name", spec.name())
                .put("event", spec.event().name())
                .put("http_method", "post")
                .put("delivery_url", spec.deliveryUrl())
                .put("secret", spec.secret())
                .put("is_active", spec.active());
        return body.toString();
    }

    private JsonNode call(EcoManagerSession session, Function<EcoManagerWebhooksApi, Response> request) {
        try {
            return retries.call(() -> attempt(session, request), JsonNode.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected checked failure calling EcoManager", e);
        }
    }

    private JsonNode attempt(EcoManagerSession session, Function<EcoManagerWebhooksApi, Response> request) {
        limiter.acquire(
                session.budget(),
                "store " + session.storeIdentifier(),
                client.rateWindows(),
                config.rateLimit().maxWait());
        session.countRequest();
        Response response;
        try {
            response = request.apply(api(session.baseUrl()));
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
                throw new UpstreamRateLimitedException(retryAfter);
            }
            if (status >= 500) {
                LOG.warnf("store %s: EcoManager answered HTTP %d to a webhook call", session.storeIdentifier(), status);
                throw new UpstreamUnavailableException("EcoManager answered HTTP " + status, status);
            }
            if (status < 200 || status >= 300) {
                throw new UpstreamRequestRejectedException(status);
            }
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (body == null || body.isBlank()) {
                return mapper.createObjectNode();
            }
            try {
                return mapper.readTree(body);
            } catch (JsonProcessingException e) {
                throw new MalformedResponseException("EcoManager answered a webhook call with a body that is not JSON");
            }
        }
    }

    private EcoManagerWebhooksApi api(String baseUrl) {
        return apis.at(baseUrl);
    }

    @PreDestroy
    void close() {
        apis.close();
    }
}
