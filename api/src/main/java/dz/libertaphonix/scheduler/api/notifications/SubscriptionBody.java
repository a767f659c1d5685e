package dz.libertaphonix.scheduler.api.notifications;

import dz.libertaphonix.scheduler.notifications.SubscriptionRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /notifications/subscriptions} (url and events required) and {@code PATCH
 * /notifications/subscriptions/{id}} (only the fields present change). The service checks the values
 * and names the wrong field ({@code INVALID_SUBSCRIPTION}).
 *
 * @param events one or more of {@code SyncFailed}, {@code SyncCompleted}, {@code SyncPartial}, {@code
 *     RunMissed}, {@code CredentialsRejected}
 * @param jobs job ids; empty or absent = every job
 * @param format {@code json} (default) or {@code chat}
 * @param language of the chat text, {@code fr} (default) or {@code en}
 * @param secret the signing secret (16-256 printable characters); absent on creation = generated and
 *     returned once in {@code signingSecret}
 */
@RegisterForReflection
public record SubscriptionBody(
        String url,
        @Size(max = 5) List<String> events,
        @Size(max = 50) List<String> jobs,
        String format,
        String language,
        String secret,
        Boolean enabled) {

    SubscriptionRequest toRequest() {
        return new SubscriptionRequest(url, events, jobs, format, language, secret, enabled);
    }
}
