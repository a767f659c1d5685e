package dz.libertaphonix.scheduler.importing.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** EcoManager's webhooks: where they are delivered and what a delivery may weigh. */
@ConfigMapping(prefix = "scheduler.webhooks")
public interface WebhooksConfig {

    /**
     * The public base URL EcoManager delivers to, from {@code SCHEDULER_WEBHOOKS_PUBLIC_BASE_URL}; a
     * store's delivery URL is this followed by {@code /webhooks/ecomanager/<identifier>}. When it is not
     * set, the base URL the admin's registration request came in on is used (in AWS: the HTTP API's
     * own URL, which is what template.yaml passes unless a custom domain is given).
     */
    Optional<String> publicBaseUrl();

    /**
     * Largest delivery body accepted, in bytes; a larger one is answered 413. Keep it under
     * {@code quarkus.http.limits.max-body-size} (64K), which refuses larger bodies before the endpoint.
     */
    @WithDefault("32768")
    int maxBodyBytes();
}
