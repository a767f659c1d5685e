package dz.libertaphonix.scheduler.importing.webhook;

import dz.libertaphonix.scheduler.common.errors.UpstreamFailureException;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerCredentials;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhookEvent;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhooks;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhooks.WebhookSpec;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreNotFoundException;
import dz.libertaphonix.scheduler.stores.StoreRepository;
import dz.libertaphonix.scheduler.stores.StoreTokens;
import dz.libertaphonix.scheduler.stores.WebhookSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Registers a store's delivery URL on its EcoManager account, one webhook per event, and keeps
 * every webhook id (the system this replaces kept only the first). Lists, deletes and rotates the
 * store's webhook secret. EcoManager is called outside any database transaction; each id is saved
 * as soon as EcoManager answers it, so a failure half-way loses none.
 */
@ApplicationScoped
// callable outside an HTTP request too (dev mode's sandbox registers at startup)
@ActivateRequestContext
public class WebhookRegistrations {

    private static final Logger LOG = Logger.getLogger(WebhookRegistrations.class);

    private final StoreRepository stores;
    private final StoreTokens tokens;
    private final WebhookSecrets secrets;
    private final RegisteredWebhookRepository registered;
    private final EcoManagerWebhooks ecoManager;
    private final DeliveryGateway deliveries;
    private final WebhooksConfig config;
    private final Clock clock;

    public WebhookRegistrations(
            StoreRepository stores,
            StoreTokens tokens,
            WebhookSecrets secrets,
            RegisteredWebhookRepository registered,
            EcoManagerWebhooks ecoManager,
            DeliveryGateway deliveries,
            WebhooksConfig config,
            Clock clock) {
        this.stores = stores;
        this.tokens = tokens;
        this.secrets = secrets;
        this.registered = registered;
        this.ecoManager = ecoManager;
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Registers a webhook for each of {@code events} (all five when empty) the store has none of yet;
     * the store gets a webhook secret on its first registration.
     *
     * @param requestBaseUrl the base URL the admin's request came in on: where EcoManager delivers when
     *     {@code scheduler.webhooks.public-base-url} is not set (in AWS, the HTTP API's own URL)
     * @return every webhook of ours the store now has
     */
    public List<RegisteredWebhook> register(
            long storeId, Collection<EcoManagerWebhookEvent> events, String actor, String requestBaseUrl) {
        Store store = store(storeId);
        String url = deliveryUrl(store, requestBaseUrl);
        String secret = secrets.secret(store).orElseGet(() -> newSecret(storeId));
        Set<EcoManagerWebhookEvent> wanted = events == null || events.isEmpty()
                ? EnumSet.allOf(EcoManagerWebhookEvent.class)
                : EnumSet.copyOf(events);
        List<RegisteredWebhook> ours = registered.ofStore(storeId);
        ours.forEach(webhook -> wanted.remove(webhook.event));
        EcoManagerCredentials credentials = tokens.credentials(store);
        for (EcoManagerWebhookEvent event : wanted) {
            String webhookId = ecoManager.create(credentials, spec(store, event, url, secret));
            QuarkusTransaction.requiringNew().run(() -> {
                RegisteredWebhook webhook = new RegisteredWebhook();
                webhook.storeId = storeId;
                webhook.webhookId = webhookId;
                webhook.event = event;
                webhook.deliveryUrl = url;
                webhook.registeredBy = actor;
                webhook.registeredAt = clock.instant();
                registered.persist(webhook);
            });
            LOG.infof("store %s: webhook %s registered on EcoManager for %s", store.identifier, webhookId, event);
        }
        return registered.ofStore(storeId);
    }

    /** Ours, beside EcoManager's view (absent, with the reason, when EcoManager cannot be asked). */
    public WebhookListing list(long storeId, String requestBaseUrl) {
        Store store = store(storeId);
        List<RegisteredWebhook> ours = registered.ofStore(storeId);
        String url = deliveryUrl(store, requestBaseUrl);
        try {
            return new WebhookListing(url, ours, ecoManager.list(tokens.credentials(store)), null);
        } catch (UpstreamFailureException e) {
            return new WebhookListing(url, ours, null, e.getMessage());
        }
    }

    /** Deletes every webhook of ours of the store, on EcoManager and here; returns how many. */
    public int deleteAll(long storeId) {
        Store store = store(storeId);
        List<RegisteredWebhook> ours = registered.ofStore(storeId);
        EcoManagerCredentials credentials = tokens.credentials(store);
        for (RegisteredWebhook webhook : ours) {
            remove(store, credentials, webhook);
        }
        return ours.size();
    }

    /** Deletes one webhook of ours, on EcoManager and here. */
    public void delete(long storeId, String webhookId) {
        Store store = store(storeId);
        RegisteredWebhook webhook = registered
                .find(storeId, webhookId)
                .orElseThrow(() -> new WebhookNotRegisteredException(storeId, webhookId));
        remove(store, tokens.credentials(store), webhook);
    }

    /**
     * A new secret for every webhook of the store: EcoManager is updated first, then the secret here,
     * so that deliveries signed with the old secret are refused from then on. When EcoManager fails
     * half-way, the webhooks already moved are put back on the old secret and the failure is reported.
     *
     * @return how many webhooks now use the new secret
     */
    public int rotateSecret(long storeId) {
        Store store = store(storeId);
        List<RegisteredWebhook> ours = registered.ofStore(storeId);
        if (ours.isEmpty()) {
            throw new NoWebhooksRegisteredException(storeId);
        }
        String old = secrets.secret(store).orElse(null);
        String secret = secrets.generate();
        EcoManagerCredentials credentials = tokens.credentials(store);
        List<RegisteredWebhook> moved = new ArrayList<>();
        try {
            for (RegisteredWebhook webhook : ours) {
                ecoManager.update(
                        credentials, webhook.webhookId, spec(store, webhook.event, webhook.deliveryUrl, secret));
                moved.add(webhook);
            }
        } catch (RuntimeException e) {
            if (old != null) {
                for (RegisteredWebhook webhook : moved) {
                    try {
                        ecoManager.update(
                                credentials, webhook.webhookId, spec(store, webhook.event, webhook.deliveryUrl, old));
                    } catch (RuntimeException again) {
                        LOG.warnf(
                                "store %s: webhook %s could not be put back on its secret: %s",
                                store.identifier, webhook.webhookId, again.getMessage());
                    }
                }
            }
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> secrets.assign(stores.findById(storeId), secret));
        LOG.infof("store %s: webhook secret rotated on %d webhooks", store.identifier, ours.size());
        return ours.size();
    }

    /** The webhook figures of these stores over the last 24 hours. */
    public Map<Long, WebhookStats> stats(Collection<Long> storeIds) {
        return deliveries.stats(storeIds, clock.instant(), Duration.ofHours(24));
    }

    private void remove(Store store, EcoManagerCredentials credentials, RegisteredWebhook webhook) {
        boolean existed = ecoManager.delete(credentials, webhook.webhookId);
        QuarkusTransaction.requiringNew().run(() -> registered.delete("id", webhook.id));
        LOG.infof(
                "store %s: webhook %s deleted%s",
                store.identifier, webhook.webhookId, existed ? "" : " (EcoManager no longer had it)");
    }

    private String newSecret(long storeId) {
        String secret = secrets.generate();
        QuarkusTransaction.requiringNew().run(() -> secrets.assign(stores.findById(storeId), secret));
        return secret;
    }

    private Store store(long storeId) {
        return stores.findByIdOptional(storeId).orElseThrow(() -> new StoreNotFoundException(storeId));
    }

    private String deliveryUrl(Store store, String requestBaseUrl) {
        return config.publicBaseUrl()
                .filter(base -> !base.isBlank())
                .or(() -> Optional.ofNullable(requestBaseUrl).filter(base -> !base.isBlank()))
                .map(base -> url(base, store))
                .orElseThrow(WebhookUrlNotConfiguredException::new);
    }

    private static String url(String base, Store store) {
        String trimmed = base.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed + "/webhooks/ecomanager/" + store.identifier;
    }

    private static WebhookSpec spec(Store store, EcoManagerWebhookEvent event, String url, String secret) {
        return new WebhookSpec("LibertaPhonix " + store.identifier + " " + event.name(), event, url, secret, true);
    }
}
