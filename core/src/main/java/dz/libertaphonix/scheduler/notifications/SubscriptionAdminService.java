package dz.libertaphonix.scheduler.notifications;

import dz.libertaphonix.scheduler.notifications.delivery.Attempt;
import dz.libertaphonix.scheduler.notifications.delivery.InProcessDeliveries;
import dz.libertaphonix.scheduler.notifications.delivery.Notification;
import dz.libertaphonix.scheduler.notifications.delivery.NotificationPlanner;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Notification subscriptions as an admin manages them: list, create (the secret told once), change,
 * delete, send a test. Validates what it is given and says which field is wrong. Callers audit each
 * change.
 */
@ApplicationScoped
public class SubscriptionAdminService {

    static final int MAX_URL = 2048;
    static final int MAX_SECRET = 256;

    private final SubscriptionRepository subscriptions;
    private final SubscriptionSecrets secrets;
    private final JobCatalog catalog;
    private final NotificationPlanner planner;
    private final InProcessDeliveries deliveries;
    private final NotificationRoutes routes;
    private final Clock clock;

    public SubscriptionAdminService(
            SubscriptionRepository subscriptions,
            SubscriptionSecrets secrets,
            JobCatalog catalog,
            NotificationPlanner planner,
            InProcessDeliveries deliveries,
            NotificationRoutes routes,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.catalog = catalog;
        this.planner = planner;
        this.deliveries = deliveries;
        this.routes = routes;
        this.clock = clock;
    }

    @Transactional
    public List<Subscription> list() {
        return subscriptions.allById();
    }

    @Transactional
    public Subscription get(long id) {
        return find(id);
    }

    /**
     * Creates the subscription, then its route (AWS): the route is made after the row is committed,
     * never holding a database connection while EventBridge answers.
     */
    public CreatedSubscription create(SubscriptionRequest request, String actor) {
        CreatedSubscription created = insert(request, actor);
        routes.sync(created.subscription());
        return created;
    }

    /** Applies the non-null fields (a new secret replaces the old one at once), then updates the route. */
    public Subscription update(long id, SubscriptionRequest changes) {
        Subscription subscription = change(id, changes);
        routes.sync(subscription);
        return subscription;
    }

    public void delete(long id) {
        erase(id);
        routes.remove(id);
    }

    @Transactional
    CreatedSubscription insert(SubscriptionRequest request, String actor) {
        if (request.url() == null) {
            throw new InvalidSubscriptionException("url", "is required");
        }
        if (request.events() == null) {
            throw new InvalidSubscriptionException("events", "is required: one or more of " + eventNames());
        }
        Subscription subscription = new Subscription();
        subscription.url = url(request.url());
        subscription.events = events(request.events());
        subscription.jobs = jobs(request.jobs());
        subscription.format = request.format() == null ? NotificationFormat.JSON : format(request.format());
        subscription.language = request.language() == null ? ChatLanguage.FR : language(request.language());
        subscription.enabled = request.enabled() == null || request.enabled();
        String secret = request.secret() == null ? secrets.generate() : secret(request.secret());
        secrets.assign(subscription, secret);
        subscription.createdBy = actor;
        subscription.createdAt = clock.instant();
        subscription.updatedAt = subscription.createdAt;
        subscriptions.persist(subscription);
        subscriptions.flush();
        return new CreatedSubscription(subscription, secret);
    }

    @Transactional
    Subscription change(long id, SubscriptionRequest changes) {
        Subscription subscription = find(id);
        if (changes.url() != null) {
            subscription.url = url(changes.url());
        }
        if (changes.events() != null) {
            subscription.events = events(changes.events());
        }
        if (changes.jobs() != null) {
            subscription.jobs = jobs(changes.jobs());
        }
        if (changes.format() != null) {
            subscription.format = format(changes.format());
        }
        if (changes.language() != null) {
            subscription.language = language(changes.language());
        }
        if (changes.secret() != null) {
            secrets.assign(subscription, secret(changes.secret()));
        }
        if (changes.enabled() != null) {
            subscription.enabled = changes.enabled();
        }
        subscription.updatedAt = clock.instant();
        subscriptions.flush();
        return subscription;
    }

    @Transactional
    void erase(long id) {
        subscriptions.delete(find(id));
    }

    /**
     * Posts a {@code Test} delivery now, once, signed like any other, and records it as the last
     * delivery. Outside a transaction: the receiver's answer must not hold a database connection.
     */
    public TestResult test(long id) {
        Notification notification = planner.test(get(id));
        Instant sentAt = clock.instant();
        Attempt attempt = deliveries.sendNow(notification);
        return new TestResult(notification.deliveryId().toString(), sentAt, attempt);
    }

    /** The outcome of a "send test". */
    public record TestResult(String deliveryId, Instant sentAt, Attempt attempt) {}

    private Subscription find(long id) {
        return subscriptions.findByIdOptional(id).orElseThrow(() -> new SubscriptionNotFoundException(id));
    }

    private static String url(String value) {
        String url = value.trim();
        if (url.isEmpty() || url.length() > MAX_URL) {
            throw new InvalidSubscriptionException(
                    "url", "must be an http(s) URL of at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidSubscriptionException("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidSubscriptionException("url", "must start with https:// (or http://)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidSubscriptionException("url", "names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSubscriptionException("url", "must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidSubscriptionException("url", "must not carry a fragment (#...)");
        }
        return url;
    }

    private static List<String> events(List<String> names) {
        if (names.isEmpty()) {
            throw new InvalidSubscriptionException("events", "must name one or more of " + eventNames());
        }
        Set<String> events = new LinkedHashSet<>();
        for (String name : names) {
            NotificationEvent event = NotificationEvent.named(name)
                    .orElseThrow(() -> new InvalidSubscriptionException(
                            "events", "unknown event '" + name + "' (one of " + eventNames() + ")"));
            events.add(event.eventName());
        }
        return new ArrayList<>(events);
    }

    private List<String> jobs(List<String> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        Set<String> jobs = new LinkedHashSet<>();
        for (String name : names) {
            JobDescriptor job = (name == null ? null : catalog.find(name.trim()).orElse(null));
            if (job == null) {
                throw new InvalidSubscriptionException(
                        "jobs", "unknown job '" + name + "' (one of " + catalog.ids() + ")");
            }
            jobs.add(job.id().id());
        }
        return new ArrayList<>(jobs);
    }

    private static NotificationFormat format(String name) {
        return NotificationFormat.named(name)
                .orElseThrow(() -> new InvalidSubscriptionException("format", "must be json or chat"));
    }

    private static ChatLanguage language(String name) {
        return ChatLanguage.named(name)
                .orElseThrow(() -> new InvalidSubscriptionException("language", "must be fr or en"));
    }

    private static String secret(String value) {
        if (value.length() < SubscriptionSecrets.MIN_LENGTH || value.length() > MAX_SECRET) {
            throw new InvalidSubscriptionException(
                    "secret", "must be " + SubscriptionSecrets.MIN_LENGTH + " to " + MAX_SECRET + " characters");
        }
        if (!value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidSubscriptionException("secret", "must be printable ASCII without spaces");
        }
        return value;
    }

    private static List<String> eventNames() {
        return java.util.Arrays.stream(NotificationEvent.values())
                .map(NotificationEvent::eventName)
                .toList();
    }
}
