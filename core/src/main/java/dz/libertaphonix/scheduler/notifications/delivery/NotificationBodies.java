package dz.libertaphonix.scheduler.notifications.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dz.libertaphonix.scheduler.events.CredentialsRejected;
import dz.libertaphonix.scheduler.events.RunEvent;
import dz.libertaphonix.scheduler.events.RunMissed;
import dz.libertaphonix.scheduler.events.SchedulerEvent;
import dz.libertaphonix.scheduler.notifications.ChatLanguage;
import dz.libertaphonix.scheduler.notifications.NotificationEvent;
import dz.libertaphonix.scheduler.notifications.NotificationFormat;
import dz.libertaphonix.scheduler.notifications.NotificationsConfig;
import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of a delivery, written once: the generic JSON document ({@code event}, {@code deliveryId},
 * {@code subscriptionId}, {@code occurredAt}, {@code job}, {@code runId}, {@code runUrl}, and the event's
 * own record as {@code detail}) or a chat webhook's {@code {"text": …}}. Field names are a contract
 * with receivers (docs/notifications.md).
 */
@ApplicationScoped
public class NotificationBodies {

    private final ObjectMapper json;
    private final NotificationsConfig config;

    public NotificationBodies(ObjectMapper json, NotificationsConfig config) {
        this.json = json;
        this.config = config;
    }

    public byte[] body(
            NotificationFormat format,
            ChatLanguage language,
            NotificationEvent kind,
            SchedulerEvent event,
            long subscriptionId,
            UUID deliveryId) {
        String link = runUrl(event);
        if (format == NotificationFormat.CHAT) {
            return write(chat(ChatMessages.text(language, kind, event, link == null ? dashboard() : link)));
        }
        ObjectNode root = json.createObjectNode();
        root.put("event", kind.eventName());
        root.put("deliveryId", deliveryId.toString());
        root.put("subscriptionId", subscriptionId);
        root.put("occurredAt", event.time().toString());
        JobId job = jobOf(event);
        root.put("job", job == null ? null : job.id());
        UUID runId = runIdOf(event);
        root.put("runId", runId == null ? null : runId.toString());
        root.put("runUrl", link);
        root.set("detail", json.valueToTree(event.detail()));
        return write(root);
    }

    /** The body of a "send test" delivery. */
    public byte[] test(
            NotificationFormat format, ChatLanguage language, long subscriptionId, UUID deliveryId, Instant now) {
        if (format == NotificationFormat.CHAT) {
            return write(chat(ChatMessages.testText(language, dashboard())));
        }
        ObjectNode root = json.createObjectNode();
        root.put("event", Notification.TEST_EVENT);
        root.put("deliveryId", deliveryId.toString());
        root.put("subscriptionId", subscriptionId);
        root.put("occurredAt", now.toString());
        root.putNull("job");
        root.putNull("runId");
        root.put("runUrl", dashboard());
        root.putObject("detail").put("message", "LibertaPhonix Scheduler test delivery");
        return write(root);
    }

    /** The job an event is about, or null. */
    public static JobId jobOf(SchedulerEvent event) {
        return switch (event) {
            case RunEvent run -> run.job();
            case RunMissed missed -> missed.job();
            case CredentialsRejected rejected -> rejected.job();
            default -> null;
        };
    }

    private static UUID runIdOf(SchedulerEvent event) {
        return switch (event) {
            case RunEvent run -> run.runId();
            case CredentialsRejected rejected -> rejected.runId();
            default -> null;
        };
    }

    private String runUrl(SchedulerEvent event) {
        UUID runId = runIdOf(event);
        String dashboard = dashboard();
        return runId == null || dashboard == null ? null : dashboard + "?run=" + runId;
    }

    /** The dashboard's URL, or null when none is configured. */
    private String dashboard() {
        return config.dashboardUrl().filter(url -> !url.isBlank()).orElse(null);
    }

    private ObjectNode chat(String text) {
        ObjectNode root = json.createObjectNode();
        root.put("text", text);
        return root;
    }

    private byte[] write(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notification body", e);
        }
    }
}
